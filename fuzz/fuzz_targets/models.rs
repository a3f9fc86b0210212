//! The model decoders on any JSON, run as in a browser (the quirk rules, then strict serde):
//! never a panic, an object always decodes, and what decodes serializes again.
#![no_main]
use libfuzzer_sys::fuzz_target;
use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;
use wpcom_wasm::core::models::{LikeResult, Likes, Me, NewPost, Post, PostsPage, Sites, TokenInfo};
use wpcom_wasm::core::quirks::Shape;

/// The browser's readers of parsed JSON mirrored on serde_json, shared with the native tests.
#[path = "../../src/core/tests/normalise_json.rs"]
#[allow(dead_code)]
mod normalise_json;

use normalise_json::decode;

fn roundtrip<T: DeserializeOwned + Serialize>(value: &Value, shape: Shape) -> Option<T> {
    match decode::<T>(value.clone(), shape) {
        Ok(model) => {
            let _ = serde_json::to_vec(&model);
            Some(model)
        }
        // A 2xx body that is not an object is `bad_response` before any rule runs.
        Err(e) => {
            assert!(!value.is_object(), "{shape:?} does not decode {value}: {e}");
            None
        }
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(value) = serde_json::from_slice::<Value>(data) {
        roundtrip::<Me>(&value, Shape::Me);
        roundtrip::<Sites>(&value, Shape::Sites);
        roundtrip::<Likes>(&value, Shape::Likes);
        roundtrip::<Post>(&value, Shape::Post);
        roundtrip::<PostsPage>(&value, Shape::PostsPage);
        roundtrip::<TokenInfo>(&value, Shape::TokenInfo);
        if let Some(r) = roundtrip::<LikeResult>(&value, Shape::LikeResult) {
            let _ = r.into_result();
        }
    }
    // A post is built by Rust code, not decoded: any text in any field validates and encodes.
    let text = String::from_utf8_lossy(data);
    let post = NewPost {
        title: Some(text.to_string()),
        excerpt: text.get(..text.len() / 2).map(String::from),
        tags: text.split(',').map(String::from).collect(),
        ..NewPost::default()
    };
    let _ = post.validate();
    let _ = post.to_form();
});
