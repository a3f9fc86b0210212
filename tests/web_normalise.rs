//! The JS path's decoding: the quirk rules applied in place to parsed JSON, on the wire forms
//! WordPress.com sends (fixtures from the contract, not from the emulator).
#![cfg(test)]
#![cfg(target_arch = "wasm32")]

mod browser;

use browser::get;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use wpcom_wasm::browser::normalise::normalise;
use wpcom_wasm::core::quirks::Shape;

wasm_bindgen_test_configure!(run_in_browser);

fn parsed(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("valid JSON")
}

fn at(value: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(value.clone(), |v, key| get(&v, key))
}

fn json(value: &JsValue) -> String {
    js_sys::JSON::stringify(value).unwrap().as_string().unwrap()
}

#[wasm_bindgen_test]
fn each_shape_normalises_the_wire_quirks() {
    // (shape, body as sent, path, the normal form as JSON)
    let cases: &[(Shape, &str, &str, &str)] = &[
        (
            Shape::Me,
            r#"{"token_scope":"global"}"#,
            "token_scope",
            r#"["global"]"#,
        ),
        (
            Shape::Me,
            r#"{"token_scope":"posts,media sites"}"#,
            "token_scope",
            r#"["posts","media","sites"]"#,
        ),
        (
            Shape::Me,
            r#"{"token_scope":["global"]}"#,
            "token_scope",
            r#"["global"]"#,
        ),
        (
            Shape::Me,
            r#"{"token_site_id":false}"#,
            "token_site_id",
            "null",
        ),
        (Shape::Me, r#"{"token_site_id":0}"#, "token_site_id", "null"),
        (
            Shape::Me,
            r#"{"token_site_id":"123"}"#,
            "token_site_id",
            "123",
        ),
        (Shape::Me, r#"{}"#, "token_scope", "[]"),
        (
            Shape::Sites,
            r#"{"sites":[{"logo":{"sizes":[]}}]}"#,
            "sites.0.logo.sizes",
            "{}",
        ),
        (
            Shape::Sites,
            r#"{"sites":[{"logo":false}]}"#,
            "sites.0.logo",
            "null",
        ),
        (
            Shape::Sites,
            r#"{"sites":[{"options":{"post_formats":[]}}]}"#,
            "sites.0.options.post_formats",
            "{}",
        ),
        (
            Shape::Sites,
            r#"{"sites":[{"ID":"456","is_private":"1"}]}"#,
            "sites.0.ID",
            "456",
        ),
        (
            Shape::Sites,
            r#"{"sites":[{"ID":"456","is_private":"1"}]}"#,
            "sites.0.is_private",
            "true",
        ),
        (Shape::Likes, r#"{"found":"3","likes":[]}"#, "found", "3"),
        (
            Shape::Likes,
            r#"{"likes":[{"preferred_blog":false}]}"#,
            "likes.0.preferred_blog",
            "null",
        ),
        (
            Shape::LikeResult,
            r#"{"success":1,"like_count":"5"}"#,
            "success",
            "true",
        ),
        (
            Shape::LikeResult,
            r#"{"success":1,"like_count":"5"}"#,
            "like_count",
            "5",
        ),
        (Shape::Post, r#"{"parent":false}"#, "parent", "null"),
        (Shape::Post, r#"{"tags":[],"categories":[]}"#, "tags", "{}"),
        (
            Shape::Post,
            r#"{"tags":[],"categories":[]}"#,
            "categories",
            "{}",
        ),
        (
            Shape::Post,
            r#"{"categories":{"Uncategorized":{"ID":"1","post_count":"12"}}}"#,
            "categories.Uncategorized.ID",
            "1",
        ),
        (
            Shape::Post,
            r#"{"categories":{"Uncategorized":{"ID":"1","post_count":"12"}}}"#,
            "categories.Uncategorized.post_count",
            "12",
        ),
        (Shape::Post, r#"{"like_count":"0"}"#, "like_count", "0"),
        (
            Shape::TokenInfo,
            r#"{"client_id":11,"user_id":1234567890,"blog_id":null,"scope":"global"}"#,
            "client_id",
            r#""11""#,
        ),
        (
            Shape::TokenInfo,
            r#"{"client_id":11,"user_id":1234567890,"blog_id":null,"scope":"global"}"#,
            "user_id",
            r#""1234567890""#,
        ),
        (
            Shape::TokenInfo,
            r#"{"client_id":"11","blog_id":0,"scope":"global"}"#,
            "blog_id",
            "null",
        ),
        (
            Shape::TokenInfo,
            r#"{"client_id":"11","blog_id":2001,"scope":"posts media"}"#,
            "blog_id",
            r#""2001""#,
        ),
        (
            Shape::TokenInfo,
            r#"{"client_id":"11","scope":"posts media"}"#,
            "scope",
            r#"["posts","media"]"#,
        ),
    ];
    for (shape, body, path, want) in cases {
        let value = parsed(body);
        normalise(&value, *shape);
        assert_eq!(json(&at(&value, path)), *want, "{shape:?} {body} at {path}");
    }
}

#[wasm_bindgen_test]
fn fields_the_rules_do_not_name_stay_as_sent() {
    let value = parsed(
        r#"{"parent":{"ID":10,"title":"P"},"meta":{"links":{"self":"x"}},"discussion":[1,"two"]}"#,
    );
    normalise(&value, Shape::Post);
    assert_eq!(json(&get(&value, "parent")), r#"{"ID":10,"title":"P"}"#);
    assert_eq!(json(&get(&value, "meta")), r#"{"links":{"self":"x"}}"#);
    assert_eq!(json(&get(&value, "discussion")), r#"[1,"two"]"#);
}

#[wasm_bindgen_test]
fn odd_containers_are_skipped_without_failing() {
    // `sites` not a list, a site that is not an object: nothing to walk into.
    for body in [
        r#"{"sites":{}}"#,
        r#"{"sites":"none"}"#,
        r#"{"sites":[null,7,"x"]}"#,
    ] {
        let value = parsed(body);
        normalise(&value, Shape::Sites);
        assert_eq!(json(&value), *body);
    }
}
