//! Checks on the absolute URLs the client is configured with.

use super::text::{cut, trim_slashes};

/// The part after `http://` or `https://` (scheme matched case-insensitively), if any.
fn after_http_scheme(url: &str) -> Option<&str> {
    let (scheme, rest) = cut(url, b':')?;
    let rest = rest.strip_prefix("//")?;
    (scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")).then_some(rest)
}

/// Whether `url` is an absolute http(s) URL with a host, and no spaces or control characters.
pub(crate) fn is_absolute_http(url: &str) -> bool {
    let host_starts = after_http_scheme(url)
        .and_then(|rest| rest.bytes().next())
        .is_some_and(|c| !matches!(c, b'/' | b'?' | b'#' | b':' | b'@'));
    host_starts && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// A base URL (`https://host[/prefix]`) without its trailing slashes, or `None` if it is not
/// an http(s) URL or carries a query or fragment.
pub(crate) fn http_base(base: &str) -> Option<&str> {
    let base = trim_slashes(base);
    (is_absolute_http(base) && !base.bytes().any(|b| b == b'?' || b == b'#')).then_some(base)
}
