//! `application/x-www-form-urlencoded`, the encoding of OAuth redirects and of query strings.

use super::error::{Error, ErrorCode};
use super::text::{cat, cut, pieces};
use alloc::{string::String, vec::Vec};

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

/// Decodes one form-urlencoded component (`+` → space, `%XX` → byte, UTF-8 checked).
pub fn decode_component(s: &str) -> Result<String, Error> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'+' => out.push(b' '),
            b'%' => {
                let hi = bytes.get(i + 1).and_then(|&c| hex_value(c));
                let lo = bytes.get(i + 2).and_then(|&c| hex_value(c));
                match (hi, lo) {
                    (Some(hi), Some(lo)) => out.push(hi << 4 | lo),
                    _ => return Err(bad_redirect("invalid % escape".into())),
                }
                i += 2;
            }
            _ => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| bad_redirect("invalid UTF-8 in a parameter".into()))
}

fn hex_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

fn bad_redirect(message: String) -> Error {
    Error::new(ErrorCode::BadRedirect, message)
}

/// Percent-encodes everything but the RFC 3986 unreserved characters `A-Z a-z 0-9 - . _ ~`.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_encoded(&mut out, s);
    out
}

/// Appends `s` percent-encoded to `out`.
pub(crate) fn push_encoded(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            for nibble in [b >> 4, b & 15] {
                if let Some(&h) = HEX.get(usize::from(nibble)) {
                    out.push(char::from(h));
                }
            }
        }
    }
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
