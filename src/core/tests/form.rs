use super::prelude::*;

use crate::core::error::ErrorCode;
use crate::core::form::{encode_component, encode_pairs, parse_form};

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn form_decodes_plus_percent_and_skips_empty_pairs() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("", &[]),
        ("&&", &[]),
        ("a=1", &[("a", "1")]),
        ("a=1&&b=2&", &[("a", "1"), ("b", "2")]),
        ("msg=You+need+to+log+in", &[("msg", "You need to log in")]),
        ("t=%23%24%5E%40%29%21%2A", &[("t", "#$^@)!*")]),
        ("t=%2b%2B", &[("t", "++")]),
        ("flag", &[("flag", "")]),
        ("state=", &[("state", "")]),
        ("a=b=c", &[("a", "b=c")]),
        ("caf%C3%A9=%E2%9C%93", &[("café", "✓")]),
        ("sp%20ace=x", &[("sp ace", "x")]),
    ];
    for (input, want) in cases {
        assert_eq!(parse_form(input).unwrap(), pairs(want), "input {input:?}");
    }
}

#[test]
fn form_refuses_bad_escapes_bad_utf8_and_duplicates() {
    let cases = [
        "a=%",
        "a=%2",
        "a=%zz",
        "a=%G1",
        "%=1",
        "a=%FF",
        "a=%C3",
        "a=1&a=2",
        "a=1&b=2&a=1",
        "a&a",
        "a=1&%61=2",
    ];
    for input in cases {
        let err = parse_form(input).unwrap_err();
        assert_eq!(err.code, ErrorCode::BadRedirect, "input {input:?}");
    }
    let dup = parse_form("state=x&state=y").unwrap_err();
    assert!(
        dup.message.contains("duplicate parameter"),
        "{}",
        dup.message
    );
}

#[test]
fn encode_component_keeps_only_unreserved_characters() {
    let cases = [
        ("AZaz09-._~", "AZaz09-._~"),
        (" ", "%20"),
        ("a+b", "a%2Bb"),
        ("#$^@)!*", "%23%24%5E%40%29%21%2A"),
        ("http://x/?a=1&b", "http%3A%2F%2Fx%2F%3Fa%3D1%26b"),
        ("é", "%C3%A9"),
        ("", ""),
    ];
    for (input, want) in cases {
        assert_eq!(encode_component(input), want, "input {input:?}");
    }
}

#[test]
fn encoded_pairs_parse_back_to_the_same_pairs() {
    let list = [
        ("a b", "c&d"),
        ("e=f", "#$^@)!*+"),
        ("", "empty key"),
        ("z", ""),
    ];
    let encoded = encode_pairs(&list);
    assert_eq!(
        encoded,
        "a%20b=c%26d&e%3Df=%23%24%5E%40%29%21%2A%2B&=empty%20key&z="
    );
    assert_eq!(parse_form(&encoded).unwrap(), pairs(&list));
}
