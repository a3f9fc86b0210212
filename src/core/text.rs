//! Small text helpers that avoid `format!` (each `format!` pulls formatting code into the wasm).

use alloc::{string::String, vec::Vec};
/// Appends the decimal digits of `n` to `out`.
pub(crate) fn push_u64(out: &mut String, n: u64) {
    let mut digits = [0u8; 20];
    let mut len = 0;
    let mut rest = n;
    loop {
        if let Some(slot) = digits.get_mut(len) {
            *slot = b'0' + (rest % 10) as u8;
        }
        len += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for d in digits.iter().take(len).rev() {
        out.push(char::from(*d));
    }
}

/// The decimal text of `n`.
pub(crate) fn u64_text(n: u64) -> String {
    let mut out = String::new();
    push_u64(&mut out, n);
    out
}

/// Concatenates `parts` into one string.
pub(crate) fn cat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        out.push_str(p);
    }
    out
}

/// Splits a scope-like list on spaces and commas, dropping empty items.
pub(crate) fn split_list(s: &str) -> Vec<String> {
    s.split([' ', ','])
        .filter(|t| !t.is_empty())
        .map(String::from)
        .collect()
}

/// Splits a comma list (tags, categories), trimming items and dropping empty ones.
pub(crate) fn split_commas(s: &str) -> Vec<String> {
    s.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(String::from)
        .collect()
}

/// Whether `n` is a whole number (`f64::fract` is not in `core`). Exact for |n| < 2^63, which
/// covers every integer a JS number holds exactly.
pub(crate) fn is_whole(n: f64) -> bool {
    n == (n as i64) as f64
}

/// Parses a non-empty run of ASCII digits (no sign, no spaces) as `u64`.
pub(crate) fn parse_digits(s: &str) -> Option<u64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}
