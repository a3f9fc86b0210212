use super::prelude::*;

use crate::core::authorize::base64url;
use crate::core::text::{cut, has, join, parse_digits, pieces, split_list, trim_slashes};

#[test]
fn cut_splits_at_the_first_separator() {
    let cases = [
        ("k=v", Some(("k", "v"))),
        ("k=v=w", Some(("k", "v=w"))),
        ("=v", Some(("", "v"))),
        ("k=", Some(("k", ""))),
        ("k", None),
        ("", None),
        ("é=ü", Some(("é", "ü"))),
    ];
    for (s, want) in cases {
        assert_eq!(cut(s, b'='), want, "{s}");
    }
}

#[test]
fn pieces_are_like_str_split() {
    for s in ["a&b&c", "&a&&b&", "", "&", "abc", "é&ü&&"] {
        let ours: Vec<&str> = pieces(s, b'&').collect();
        let std: Vec<&str> = s.split('&').collect();
        assert_eq!(ours, std, "{s:?}");
    }
}

#[test]
fn lists_split_and_join() {
    assert_eq!(split_list("global"), ["global"]);
    assert_eq!(
        split_list(" posts,media  sites,"),
        ["posts", "media", "sites"]
    );
    assert!(split_list("").is_empty());
    assert_eq!(join(&[String::from("a"), String::from("b")], ' '), "a b");
    assert_eq!(join(&[], ','), "");
}

#[test]
fn has_finds_substrings() {
    let cases = [
        ("<h1>Limit reached</h1>", "Limit reached", true),
        ("Limit reache", "Limit reached", false),
        ("a..b", "..", true),
        ("a.b", "..", false),
        ("", "", true),
        ("x", "", true),
    ];
    for (hay, needle, want) in cases {
        assert_eq!(has(hay, needle), want, "{hay:?} {needle:?}");
    }
}

#[test]
fn digits_parse_without_overflow_or_signs() {
    let cases = [
        ("0", Some(0)),
        ("007", Some(7)),
        ("18446744073709551615", Some(u64::MAX)),
        ("18446744073709551616", None),
        ("", None),
        ("-1", None),
        ("+1", None),
        (" 1", None),
        ("1.5", None),
    ];
    for (s, want) in cases {
        assert_eq!(parse_digits(s), want, "{s:?}");
    }
}

#[test]
fn trailing_slashes_are_trimmed() {
    assert_eq!(trim_slashes("https://a.example//"), "https://a.example");
    assert_eq!(trim_slashes("/"), "");
    assert_eq!(trim_slashes("x"), "x");
}

#[test]
fn base64url_matches_rfc_4648_vectors() {
    // RFC 4648 §10, with the URL alphabet and no padding.
    let cases: [(&[u8], &str); 8] = [
        (b"", ""),
        (b"f", "Zg"),
        (b"fo", "Zm8"),
        (b"foo", "Zm9v"),
        (b"foob", "Zm9vYg"),
        (b"fooba", "Zm9vYmE"),
        (b"foobar", "Zm9vYmFy"),
        (&[0xfb, 0xff, 0xfe], "-__-"),
    ];
    for (bytes, want) in cases {
        assert_eq!(base64url(bytes), want);
    }
    assert_eq!(base64url(&[0u8; 32]).len(), 43);
}
