//! When and how long to wait before trying a failed read again.
//!
//! Only GETs are retried: a POST that failed may still have been applied, and repeating it
//! could, for example, publish a post twice.

use super::endpoint::Method;
use super::error::{Error, ErrorCode};
use super::text::{parse_digits, pieces};

/// Bounds on retrying a read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included (1 = never retry).
    pub max_attempts: u32,
    /// Time budget for all attempts and waits together, in milliseconds.
    pub max_total_ms: u32,
    /// Upper bound of the first wait; doubles on every retry.
    pub base_delay_ms: u32,
    /// Longest wait, unless the server's `Retry-After` asks for more.
    pub max_delay_ms: u32,
}

impl Default for RetryPolicy {
    fn default() -> RetryPolicy {
        RetryPolicy {
            max_attempts: 3,
            max_total_ms: 15_000,
            base_delay_ms: 300,
            max_delay_ms: 5_000,
        }
    }
}

/// The longest wait a `Retry-After` can ask for: one day.
pub const MAX_RETRY_AFTER_MS: u32 = 86_400_000;

/// Whether the failed request may be sent again: GETs only, for throttling (429 and the
/// "Limit reached" page), 503 and network failures. Never a POST, a timeout, an abort or any
/// other 4xx.
pub fn is_retryable(method: Method, err: &Error) -> bool {
    method == Method::Get
        && (matches!(err.code, ErrorCode::RateLimited | ErrorCode::Network)
            || err.status == Some(503))
}

/// Reads a `Retry-After` header as milliseconds to wait: delta-seconds or an IMF-fixdate
/// (`Sun, 06 Nov 1994 08:49:37 GMT`). Past dates give 0; waits are capped at one day.
pub fn parse_retry_after(value: &str, now_ms: f64) -> Option<u32> {
    retry_after_with(value, now_ms, parse_http_date)
}

/// [`parse_retry_after`] with the date parser given: the browser passes `Date.parse`, which
/// reads IMF-fixdates (and more) and keeps this module's own parser out of the wasm.
pub fn retry_after_with(
    value: &str,
    now_ms: f64,
    parse_date: fn(&str) -> Option<f64>,
) -> Option<u32> {
    let value = value.trim_ascii();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        // Too many digits to parse is an absurd wait: cap it like any other.
        let secs = parse_digits(value).unwrap_or(u64::MAX);
        return Some(secs.saturating_mul(1000).min(u64::from(MAX_RETRY_AFTER_MS)) as u32);
    }
    let at_ms = parse_date(value)?;
    let wait = (at_ms - now_ms).clamp(0.0, f64::from(MAX_RETRY_AFTER_MS));
    // Rounded up (`f64::ceil` is not in `core`): never retry before the server's moment.
    let whole = wait as u32;
    Some(if f64::from(whole) < wait {
        whole + 1
    } else {
        whole
    })
}

/// Parses an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) into milliseconds since the epoch.
pub fn parse_http_date(s: &str) -> Option<f64> {
    let mut parts = pieces(s, b' ').filter(|p| !p.is_empty());
    let weekday = parts.next()?;
    let day = two_digits(parts.next()?)?;
    let month = month_number(parts.next()?)?;
    let year = parts
        .next()
        .filter(|y| y.len() == 4)
        .and_then(parse_digits)?;
    let mut hms = pieces(parts.next()?, b':');
    let (h, m, sec) = (
        two_digits(hms.next()?)?,
        two_digits(hms.next()?)?,
        two_digits(hms.next()?)?,
    );
    let valid = weekday.len() == 4
        && weekday.ends_with(',')
        && (1..=31).contains(&day)
        && h < 24
        && m < 60
        && sec < 61
        && hms.next().is_none()
        && parts.next() == Some("GMT")
        && parts.next().is_none();
    if !valid {
        return None;
    }
    let days = days_from_civil(year as i64, month, day as i64);
    let secs = days * 86_400 + (h * 3600 + m * 60 + sec) as i64;
    Some(secs as f64 * 1000.0)
}

/// Exactly two ASCII digits.
fn two_digits(s: &str) -> Option<u64> {
    (s.len() == 2).then(|| parse_digits(s)).flatten()
}

fn month_number(s: &str) -> Option<i64> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    MONTHS.iter().position(|m| *m == s).map(|i| i as i64 + 1)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The wait before retry number `attempt` (1 after the first failure): full jitter over
/// `base * 2^(attempt-1)` capped at `max_delay_ms`, with `jitter01` in `[0, 1)`. A
/// `Retry-After` wins when given, even above `max_delay_ms`.
pub fn backoff_delay_ms(
    policy: &RetryPolicy,
    attempt: u32,
    jitter01: f64,
    retry_after_ms: Option<u32>,
) -> u32 {
    if let Some(wait) = retry_after_ms {
        return wait;
    }
    let doublings = attempt.saturating_sub(1).min(31);
    let ceiling = u64::from(policy.base_delay_ms)
        .saturating_mul(1 << doublings)
        .min(u64::from(policy.max_delay_ms));
    let jitter = if jitter01.is_nan() {
        0.0
    } else {
        jitter01.clamp(0.0, 1.0)
    };
    (ceiling as f64 * jitter) as u32
}

/// The wait before another attempt, or `None` when `attempt` attempts were already made or
/// the wait would overrun the time budget (`elapsed_ms` spent so far).
pub fn next_delay(
    policy: &RetryPolicy,
    attempt: u32,
    elapsed_ms: u32,
    jitter01: f64,
    retry_after_ms: Option<u32>,
) -> Option<u32> {
    if attempt >= policy.max_attempts {
        return None;
    }
    let wait = backoff_delay_ms(policy, attempt, jitter01, retry_after_ms);
    (u64::from(elapsed_ms) + u64::from(wait) <= u64::from(policy.max_total_ms)).then_some(wait)
}
