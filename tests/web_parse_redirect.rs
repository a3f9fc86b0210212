//! `parseRedirect`, the pure redirect parser of the JS surface: what it returns for each kind
//! of redirect, and that it touches nothing (no storage, no history).
#![cfg(test)]
#![cfg(target_arch = "wasm32")]

mod browser;

use browser::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use wpcom_wasm::js::parse_redirect_js;

wasm_bindgen_test_configure!(run_in_browser);

/// `JSON.stringify(value)`, to compare whole objects (key order included).
fn json(value: &JsValue) -> String {
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
fn parse_redirect_returns_each_kind_of_redirect() {
    let cases: &[(&str, &str)] = &[
        (
            "https://app.example/cb#access_token=a%2Bb%23c&expires_in=3600&token_type=bearer&site_id=42&scope=global&state=s1",
            r#"{"accessToken":"a+b#c","tokenType":"bearer","expiresIn":3600,"siteId":42,"scope":["global"],"state":"s1"}"#,
        ),
        (
            "https://app.example/cb#access_token=t&scope=posts+likes",
            r#"{"accessToken":"t","tokenType":"bearer","expiresIn":null,"siteId":null,"scope":["posts","likes"],"state":null}"#,
        ),
        (
            "https://app.example/cb?error=access_denied&error_description=You+said+no&state=s2",
            r#"{"error":"access_denied","errorDescription":"You said no","state":"s2"}"#,
        ),
        (
            "https://app.example/cb#error=access_denied",
            r#"{"error":"access_denied","errorDescription":null,"state":null}"#,
        ),
        ("https://app.example/cb", "null"),
        ("https://app.example/cb?code=1#section", "null"),
    ];
    for (url, expected) in cases {
        let parsed =
            parse_redirect_js(url).unwrap_or_else(|e| panic!("{url}: {:?}", get(&e, "code")));
        assert_eq!(json(&parsed), *expected, "{url}");
    }
}

#[wasm_bindgen_test]
fn parse_redirect_throws_bad_redirect_for_duplicates_and_garbage() {
    let cases = [
        "https://app.example/cb#access_token=a&access_token=b",
        "https://app.example/cb#access_token=a&state=x&state=y",
        "https://app.example/cb#access_token=a&expires_in=soon",
        "https://app.example/cb#access_token=%ZZ",
    ];
    for url in cases {
        let e = parse_redirect_js(url).expect_err(url);
        assert_eq!(
            get(&e, "name").as_string().as_deref(),
            Some("WpcomError"),
            "{url}"
        );
        assert_eq!(
            get(&e, "code").as_string().as_deref(),
            Some("bad_redirect"),
            "{url}"
        );
    }
}

#[wasm_bindgen_test]
fn parse_redirect_touches_no_storage_and_no_history() {
    let window = web_sys::window().expect("a page");
    let session = window
        .session_storage()
        .ok()
        .flatten()
        .expect("sessionStorage");
    let before_len = session.length().unwrap_or(0);
    let before_href = window.location().href().unwrap_or_default();
    parse_redirect_js("https://app.example/cb#access_token=t&state=s").expect("parsed");
    assert_eq!(session.length().unwrap_or(0), before_len);
    assert_eq!(window.location().href().unwrap_or_default(), before_href);
}
