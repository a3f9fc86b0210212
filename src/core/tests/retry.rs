use crate::core::endpoint::Method;
use crate::core::error::{Error, ErrorCode};
use crate::core::retry::{
    backoff_delay_ms, is_retryable, next_delay, parse_retry_after, RetryPolicy,
};

/// 1994-11-06T08:49:37Z in milliseconds.
const RFC_EXAMPLE_MS: f64 = 784_111_777_000.0;

/// An HTTP-date parser for these tests (the `httpdate` crate; the browser uses `Date.parse`).
fn http_date(value: &str) -> Option<f64> {
    let at = httpdate::parse_http_date(value).ok()?;
    let since = at.duration_since(std::time::UNIX_EPOCH).ok()?;
    Some(since.as_millis() as f64)
}

#[test]
fn only_safe_failures_of_reads_are_retried() {
    let err = |code: ErrorCode, status: Option<u16>| Error {
        status,
        ..Error::new(code, "")
    };
    let cases = [
        (Method::Get, err(ErrorCode::RateLimited, Some(429)), true),
        (Method::Get, err(ErrorCode::RateLimited, Some(500)), true),
        (Method::Get, err(ErrorCode::ServerError, Some(503)), true),
        (
            Method::Get,
            err(ErrorCode::Other("x".into()), Some(503)),
            true,
        ),
        (Method::Get, err(ErrorCode::Network, None), true),
        (Method::Get, err(ErrorCode::ServerError, Some(500)), false),
        (Method::Get, err(ErrorCode::ServerError, Some(502)), false),
        (Method::Get, err(ErrorCode::Timeout, None), false),
        (Method::Get, err(ErrorCode::Aborted, None), false),
        (Method::Get, err(ErrorCode::InvalidToken, Some(400)), false),
        (Method::Get, err(ErrorCode::Unauthorized, Some(403)), false),
        (Method::Get, err(ErrorCode::NotFound, Some(404)), false),
        (Method::Get, err(ErrorCode::BadResponse, Some(200)), false),
        (Method::Post, err(ErrorCode::RateLimited, Some(429)), false),
        (Method::Post, err(ErrorCode::ServerError, Some(503)), false),
        (Method::Post, err(ErrorCode::Network, None), false),
    ];
    for (method, e, want) in cases {
        assert_eq!(is_retryable(method, &e), want, "{method:?} {e:?}");
    }
}

#[test]
fn retry_after_reads_seconds_and_http_dates() {
    let cases = [
        ("1", 0.0, Some(1_000)),
        (" 120 ", 0.0, Some(120_000)),
        ("0", 0.0, Some(0)),
        ("86400", 0.0, Some(86_400_000)),
        ("86401", 0.0, Some(86_400_000)),
        ("99999999999999999999999999", 0.0, Some(86_400_000)),
        (
            "Sun, 06 Nov 1994 08:49:37 GMT",
            RFC_EXAMPLE_MS - 5_000.0,
            Some(5_000),
        ),
        (
            "Sun, 06 Nov 1994 08:49:37 GMT",
            RFC_EXAMPLE_MS - 1_500.5,
            Some(1_501),
        ),
        (
            "Sun, 06 Nov 1994 08:49:37 GMT",
            RFC_EXAMPLE_MS + 1.0,
            Some(0),
        ),
        ("Sun, 06 Nov 1994 08:49:37 GMT", 0.0, Some(86_400_000)),
        ("Thu, 01 Jan 1970 00:00:00 GMT", 0.0, Some(0)),
        (
            "Tue, 29 Feb 2000 00:00:10 GMT",
            951_782_400_000.0,
            Some(10_000),
        ),
        (
            "Fri, 31 Dec 2100 23:59:59 GMT",
            4_133_980_798_000.0,
            Some(1_000),
        ),
        ("", 0.0, None),
        ("-1", 0.0, None),
        ("1.5", 0.0, None),
        ("soon", 0.0, None),
        ("Sun, 06 Foo 1994 08:49:37 GMT", 0.0, None),
        ("Sun, 32 Nov 1994 08:49:37 GMT", 0.0, None),
    ];
    for (value, now, want) in cases {
        assert_eq!(
            parse_retry_after(value, now, http_date),
            want,
            "{value:?} at {now}"
        );
    }
}

#[test]
fn backoff_is_full_jitter_exponential_and_bounded() {
    let p = RetryPolicy::default();
    assert_eq!(
        (
            p.max_attempts,
            p.max_total_ms,
            p.base_delay_ms,
            p.max_delay_ms
        ),
        (3, 15_000, 300, 5_000)
    );
    let cases = [
        (1, 0.0, None, 0),
        (1, 0.5, None, 150),
        (1, 1.0, None, 300),
        (2, 1.0, None, 600),
        (3, 1.0, None, 1_200),
        (5, 1.0, None, 4_800),
        (6, 1.0, None, 5_000),
        (100, 1.0, None, 5_000),
        (u32::MAX, 0.999, None, 4_995),
        (0, 1.0, None, 300),
        (2, -3.0, None, 0),
        (2, 7.0, None, 600),
        (2, f64::NAN, None, 0),
        (1, 0.5, Some(1_000), 1_000),
        (1, 0.5, Some(60_000), 60_000),
        (1, 0.5, Some(0), 0),
    ];
    for (attempt, jitter, retry_after, want) in cases {
        assert_eq!(
            backoff_delay_ms(&p, attempt, jitter, retry_after),
            want,
            "attempt {attempt} jitter {jitter}"
        );
    }
}

#[test]
fn backoff_never_exceeds_its_ceiling() {
    let p = RetryPolicy::default();
    for attempt in 1..40 {
        for step in 0..=20 {
            let jitter = f64::from(step) / 20.0;
            let d = backoff_delay_ms(&p, attempt, jitter, None);
            let ceiling = (300u64 << (attempt - 1).min(31)).min(5_000) as u32;
            assert!(d <= ceiling, "attempt {attempt} jitter {jitter}: {d}");
        }
    }
}

#[test]
fn another_attempt_must_fit_in_attempts_and_time() {
    let p = RetryPolicy::default();
    let cases = [
        (1, 0, 1.0, None, Some(300)),
        (2, 1_000, 1.0, None, Some(600)),
        (3, 1_000, 1.0, None, None),
        (1, 14_800, 1.0, None, None),
        (1, 14_700, 1.0, None, Some(300)),
        (1, 0, 0.5, Some(1_000), Some(1_000)),
        (1, 0, 0.5, Some(15_000), Some(15_000)),
        (1, 0, 0.5, Some(15_001), None),
        (1, 0, 0.5, Some(86_400_000), None),
        (1, u32::MAX, 0.0, None, None),
    ];
    for (attempt, elapsed, jitter, retry_after, want) in cases {
        assert_eq!(
            next_delay(&p, attempt, elapsed, jitter, retry_after),
            want,
            "attempt {attempt} elapsed {elapsed}"
        );
    }
    let never = RetryPolicy {
        max_attempts: 1,
        ..p
    };
    assert_eq!(next_delay(&never, 1, 0, 0.0, None), None);
}

#[test]
fn retry_after_dates_go_through_the_given_parser() {
    // The browser passes `Date.parse` (its own test runs in the browser tests); any parser
    // works, delta-seconds never reach it, and a parser's NaN or infinity is no date.
    let fixed = |_: &str| Some(10_000.0);
    let none = |_: &str| None;
    assert_eq!(parse_retry_after("whenever", 4_000.0, fixed), Some(6_000));
    assert_eq!(parse_retry_after("whenever", 14_000.0, fixed), Some(0));
    assert_eq!(parse_retry_after("whenever", 0.0, none), None);
    assert_eq!(parse_retry_after(" 2 ", 0.0, none), Some(2_000));
    assert_eq!(parse_retry_after("x", 0.0, |_| Some(f64::NAN)), None);
    assert_eq!(parse_retry_after("x", 0.0, |_| Some(f64::INFINITY)), None);
}
