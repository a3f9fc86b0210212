//! Small text helpers that keep code out of the wasm.
//!
//! `format!` pulls in `core::fmt`; `str::split`/`find`/`contains` with a `&str` pattern pull in
//! the two-way searcher, and even the `char` ones carry bounds checks whose failure path formats
//! a panic message. These work on bytes and only slice with `get`, so they cannot panic. Every
//! separator here is ASCII, so a split always falls on a character boundary.

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
    let mut out = String::new();
    for p in parts {
        out.push_str(p);
    }
    out
}

/// Joins `items` with `sep` between them.
pub(crate) fn join(items: &[String], sep: char) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(sep);
        }
        out.push_str(item);
    }
    out
}

/// `s` split at the first `sep` byte: the parts before and after it.
pub(crate) fn cut(s: &str, sep: u8) -> Option<(&str, &str)> {
    cut_at(s, sep, sep)
}

/// `s` split at the first `a` or `b` byte.
fn cut_at(s: &str, a: u8, b: u8) -> Option<(&str, &str)> {
    let at = s.bytes().position(|c| c == a || c == b)?;
    Some((s.get(..at)?, s.get(at + 1..)?))
}

/// The parts of `s` between `sep` bytes (like `str::split` with an ASCII `char`).
pub(crate) fn pieces(s: &str, sep: u8) -> Pieces<'_> {
    Pieces {
        rest: Some(s),
        seps: (sep, sep),
    }
}

/// The iterator of [`pieces`].
pub(crate) struct Pieces<'a> {
    rest: Option<&'a str>,
    seps: (u8, u8),
}

impl<'a> Iterator for Pieces<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self.rest?;
        match cut_at(rest, self.seps.0, self.seps.1) {
            Some((piece, after)) => {
                self.rest = Some(after);
                Some(piece)
            }
            None => {
                self.rest = None;
                Some(rest)
            }
        }
    }
}

/// `s` without its trailing slashes.
pub(crate) fn trim_slashes(s: &str) -> &str {
    let mut s = s;
    while let Some(shorter) = s.strip_suffix('/') {
        s = shorter;
    }
    s
}

/// Whether `hay` contains `needle` (a plain byte search: the needles here are short).
pub(crate) fn has(hay: &str, needle: &str) -> bool {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    (0..hay.len().saturating_add(1)).any(|at| {
        hay.get(at..at.saturating_add(needle.len()))
            .is_some_and(|window| window == needle)
    })
}

/// Splits a scope-like list on spaces and commas, dropping empty items.
pub(crate) fn split_list(s: &str) -> Vec<String> {
    let parts = Pieces {
        rest: Some(s),
        seps: (b' ', b','),
    };
    parts.filter(|t| !t.is_empty()).map(String::from).collect()
}

/// Parses a non-empty run of ASCII digits (no sign, no spaces) as `u64`; `None` on overflow.
pub(crate) fn parse_digits(s: &str) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    s.bytes().try_fold(0u64, |n, b| {
        let digit = b.checked_sub(b'0').filter(|d| *d < 10)?;
        n.checked_mul(10)?.checked_add(u64::from(digit))
    })
}

/// Whether `n` is a whole number (`f64::fract` is not in `core`). Exact for |n| < 2^63, which
/// covers every integer a JS number holds exactly.
pub(crate) fn is_whole(n: f64) -> bool {
    n == (n as i64) as f64
}
