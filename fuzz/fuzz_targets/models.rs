//! The lenient model decoders on any JSON: never a panic; what decodes serializes again.
#![no_main]
use libfuzzer_sys::fuzz_target;
use wpcom_wasm::core::models::{LikeResult, Likes, Me, NewPost, Post, PostsPage, Sites, TokenInfo};

fn roundtrip<T: serde::de::DeserializeOwned + serde::Serialize>(data: &[u8]) {
    if let Ok(v) = serde_json::from_slice::<T>(data) {
        let _ = serde_json::to_vec(&v);
    }
}

fuzz_target!(|data: &[u8]| {
    roundtrip::<Me>(data);
    roundtrip::<Sites>(data);
    roundtrip::<Likes>(data);
    roundtrip::<Post>(data);
    roundtrip::<PostsPage>(data);
    roundtrip::<NewPost>(data);
    roundtrip::<TokenInfo>(data);
    if let Ok(r) = serde_json::from_slice::<LikeResult>(data) {
        let _ = r.into_result();
    }
});
