//! The error mapper on any status and body: never a panic, and the status is always kept.
#![no_main]
use libfuzzer_sys::fuzz_target;
use wpcom_wasm::core::{error_from_response, token_info_error};

/// The browser's readers of parsed JSON mirrored on serde_json, shared with the native tests.
#[path = "../../src/core/tests/normalise_json.rs"]
#[allow(dead_code)]
mod normalise_json;

fuzz_target!(|data: &[u8]| {
    let (status, body) = match data {
        [a, b, rest @ ..] => (u16::from_le_bytes([*a, *b]) % 600, rest),
        _ => return,
    };
    let text = String::from_utf8_lossy(body);
    let json = serde_json::from_str(&text).ok();
    let parsed = json.as_ref().and_then(normalise_json::error_body);
    let err = error_from_response(status, &text, parsed.clone());
    assert_eq!(err.status, Some(status));
    let _ = err.code.as_str();
    let _ = token_info_error(status, &text, parsed);
});
