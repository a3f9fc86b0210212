//! When and how long to wait before trying a failed read again.
//!
//! Only GETs are retried: a POST that failed may still have been applied, and repeating it
//! could, for example, publish a post twice.

use super::endpoint::Method;
use super::error::{Error, ErrorCode};
use super::text::parse_digits;

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

/// Reads a `Retry-After` header as milliseconds to wait: delta-seconds, or an HTTP-date read by
/// `parse_date` (milliseconds since the epoch; the browser passes `Date.parse`). Past dates give
/// 0; waits are capped at one day.
pub fn parse_retry_after(
    value: &str,
    now_ms: f64,
    parse_date: impl Fn(&str) -> Option<f64>,
) -> Option<u32> {
    let value = value.trim_ascii();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        // Too many digits to parse is an absurd wait: cap it like any other.
        let secs = parse_digits(value).unwrap_or(u64::MAX);
        return Some(secs.saturating_mul(1000).min(u64::from(MAX_RETRY_AFTER_MS)) as u32);
    }
    let at_ms = parse_date(value).filter(|ms| ms.is_finite())?;
    let wait = (at_ms - now_ms).clamp(0.0, f64::from(MAX_RETRY_AFTER_MS));
    // Rounded up (`f64::ceil` is not in `core`): never retry before the server's moment.
    let whole = wait as u32;
    Some(if f64::from(whole) < wait {
        whole + 1
    } else {
        whole
    })
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
