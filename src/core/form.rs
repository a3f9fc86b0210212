//! `application/x-www-form-urlencoded`, the encoding of OAuth redirects and of query strings,
//! through the `percent-encoding` crate; our policy on top: duplicate keys and bad `%` escapes
//! are refused.

use super::error::{Error, ErrorCode};
use super::text::{cat, cut, pieces};
use alloc::{string::String, vec::Vec};
use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Parses `k=v&k2=v2` into pairs: `+` is a space, `%XX` is decoded, empty pairs are skipped.
///
/// Bad `%` escapes, invalid UTF-8 and a key present twice are refused (`bad_redirect`): a
/// repeated key is how an attacker smuggles a second token or state into a redirect.
pub fn parse_form(s: &str) -> Result<Vec<(String, String)>, Error> {
    let mut out: Vec<(String, String)> = Vec::new();
    for pair in pieces(s, b'&').filter(|p| !p.is_empty()) {
        let (k, v) = cut(pair, b'=').unwrap_or((pair, ""));
        let key = decode_component(k)?;
        if out.iter().any(|(seen, _)| *seen == key) {
            return Err(bad_redirect(cat(&["duplicate parameter: ", &key])));
        }
        out.push((key, decode_component(v)?));
    }
    Ok(out)
}

/// Decodes one form-urlencoded component (`+` → space, `%XX` → byte, UTF-8 checked), with the
/// `percent-encoding` crate. Our policy on top: a `%` not followed by two hex digits is refused
/// (`bad_redirect`) rather than kept as is.
pub fn decode_component(s: &str) -> Result<String, Error> {
    let bytes = s.as_bytes();
    let bad_escape = bytes.iter().enumerate().any(|(i, b)| {
        *b == b'%'
            && !bytes
                .get(i + 1..i + 3)
                .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit))
    });
    if bad_escape {
        return Err(bad_redirect("invalid % escape".into()));
    }
    let spaced = s.replace('+', " ");
    percent_decode_str(&spaced)
        .decode_utf8()
        .map(|decoded| String::from(decoded.as_ref()))
        .map_err(|_| bad_redirect("invalid UTF-8 in a parameter".into()))
}

fn bad_redirect(message: String) -> Error {
    Error::new(ErrorCode::BadRedirect, message)
}

/// What is percent-encoded: everything but the RFC 3986 unreserved characters
/// `A-Z a-z 0-9 - . _ ~`.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Percent-encodes everything but the RFC 3986 unreserved characters `A-Z a-z 0-9 - . _ ~`.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_encoded(&mut out, s);
    out
}

/// Appends `s` percent-encoded to `out`.
pub(crate) fn push_encoded(out: &mut String, s: &str) {
    out.extend(utf8_percent_encode(s, COMPONENT));
}

/// Encodes pairs as `k=v&k2=v2`, each side percent-encoded.
pub fn encode_pairs(pairs: &[(&str, &str)]) -> String {
    let mut out = String::new();
    for (k, v) in pairs {
        push_pair(&mut out, k, v);
    }
    out
}

/// Appends `k=v` (encoded) to `out`, with a `&` first unless `out` is empty.
pub(crate) fn push_pair(out: &mut String, k: &str, v: &str) {
    if !out.is_empty() {
        out.push('&');
    }
    push_encoded(out, k);
    out.push('=');
    push_encoded(out, v);
}
