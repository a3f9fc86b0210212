//! The HTTP methods, the `$site` path segment and the token-info URL. The typed helpers' routes
//! are declared in [`super::routes`]; any other path goes through [`super::path`].

use super::error::{Error, ErrorCode};
use super::form::push_encoded;
use super::text::{has, parse_digits, pieces, trim_slashes, u64_text};
use alloc::string::String;

/// The HTTP methods a call may name. WordPress.com's own REST API (`rest/v1.x`) has only `GET`
/// and `POST`; the core WordPress REST API (`wp/v2`) and `wpcom/v2` take the others as `POST`
/// with `_method=…` (see [`crate::core::path::build_api_call`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Method {
    /// A read; safe to retry.
    Get,
    /// A write; never retried.
    Post,
    /// A replacement (`wp/v2`, `wpcom/v2`).
    Put,
    /// A partial update (`wp/v2`, `wpcom/v2`).
    Patch,
    /// A deletion (`wp/v2`, `wpcom/v2`).
    Delete,
}

/// Every method with its name; `as_str` and `parse` both read this table.
const METHODS: [(Method, &str); 5] = [
    (Method::Get, "GET"),
    (Method::Post, "POST"),
    (Method::Put, "PUT"),
    (Method::Patch, "PATCH"),
    (Method::Delete, "DELETE"),
];

impl Method {
    /// `"GET"`, `"POST"`, `"PUT"`, `"PATCH"` or `"DELETE"`.
    pub fn as_str(self) -> &'static str {
        METHODS
            .iter()
            .find(|(m, _)| *m == self)
            .map_or("GET", |(_, name)| name)
    }

    /// Parses a method name in any case; others (`HEAD`, `OPTIONS`…) are `invalid_config`.
    pub fn parse(s: &str) -> Result<Method, Error> {
        METHODS
            .iter()
            .find(|(_, name)| name.eq_ignore_ascii_case(s))
            .map(|(m, _)| *m)
            .ok_or_else(|| invalid("method must be GET, POST, PUT, PATCH or DELETE"))
    }
}

/// `invalid_config` with `message`.
pub(crate) fn invalid(message: &str) -> Error {
    Error::new(ErrorCode::InvalidConfig, message)
}

/// The `$site` path segment: a positive numeric ID, or a domain with `http(s)://` and a
/// trailing `/` stripped and `/` (subdirectory sites) turned into `::`.
///
/// Refuses what could escape the path: empty values, whitespace, `?`, `#`, `%`, `..` and
/// characters a host name cannot hold (`invalid_config`).
pub fn site_segment(site: &str) -> Result<String, Error> {
    let scheme = |prefix: &str| {
        site.get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
            .then(|| site.get(prefix.len()..))
            .flatten()
    };
    let rest = scheme("https://")
        .or_else(|| scheme("http://"))
        .unwrap_or(site);
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    if rest.is_empty() {
        return Err(invalid("site is empty"));
    }
    if let Some(id) = parse_digits(rest) {
        return if id > 0 {
            Ok(u64_text(id))
        } else {
            Err(invalid("a site ID must be a positive number"))
        };
    }
    let allowed =
        |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'_' | b':' | b'/');
    if has(rest, "..") || pieces(rest, b'/').any(str::is_empty) || !rest.bytes().all(allowed) {
        return Err(invalid("site must be a numeric ID or a domain"));
    }
    let mut out = String::new();
    for c in rest.chars() {
        if c == '/' {
            out.push_str("::");
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

/// The `/oauth2/token-info` URL that tells which application and user `token` belongs to.
pub fn build_token_info_url(oauth_base: &str, client_id: &str, token: &str) -> String {
    let mut url = String::from(trim_slashes(oauth_base));
    url.push_str("/oauth2/token-info?client_id=");
    push_encoded(&mut url, client_id);
    url.push_str("&token=");
    push_encoded(&mut url, token);
    url
}
