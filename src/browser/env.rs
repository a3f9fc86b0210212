//! The global scope the client runs in: a page (`Window`) or a worker (`WorkerGlobalScope`).
//!
//! Everything that exists in both (`fetch`, `crypto`, timers, the clock) is reached through the
//! global object so the client works in dedicated and service workers. Things only a page has
//! (`location`, `history`, Web Storage) come back as an `unsupported` error elsewhere: a panic in
//! wasm would take the whole module down with it.

use alloc::string::String;
use crate::core::{Error, ErrorCode};
use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    // Timers are globals in every scope; binding them once avoids a Window/Worker branch.
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(callback: &Function, ms: f64) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue);
}

/// `setTimeout(callback, ms)`; returns the timer id for [`cancel_timer`].
pub fn start_timer(callback: &Function, ms: f64) -> JsValue {
    // Browsers fire at once for delays past 2^31-1 ms; clamp so a far timer waits, not fires.
    set_timeout(callback, ms.clamp(0.0, 2_147_483_647.0))
}

/// `clearTimeout(id)`.
pub fn cancel_timer(id: &JsValue) {
    clear_timeout(id);
}

/// Milliseconds since the Unix epoch (`Date.now()`).
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The page's `window`, or `unsupported` in a worker.
pub fn window() -> Result<web_sys::Window, Error> {
    js_sys::global()
        .dyn_into::<web_sys::Window>()
        .map_err(|_| unsupported("this needs a page (window); it is not available in a worker"))
}

/// The `crypto` object of whichever global scope this is.
fn crypto() -> Result<web_sys::Crypto, Error> {
    let global = js_sys::global();
    js_sys::Reflect::get(&global, &JsValue::from_str("crypto"))
        .ok()
        .and_then(|c| c.dyn_into::<web_sys::Crypto>().ok())
        .ok_or_else(|| unsupported("crypto.getRandomValues is not available"))
}

/// A fresh OAuth `state`: 32 bytes from `crypto.getRandomValues`, as 43 base64url characters.
pub fn random_state() -> Result<String, Error> {
    let mut bytes = [0u8; 32];
    crypto()?
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|_| unsupported("crypto.getRandomValues failed"))?;
    Ok(base64url(&bytes))
}

/// Unpadded base64url (RFC 4648 §5): safe in a URL and in a fragment without escaping.
pub fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        // A chunk of k bytes carries k+1 significant sextets.
        for i in 0..=chunk.len() {
            let sextet = (n >> (18 - 6 * i)) & 63;
            if let Some(c) = ALPHABET.get(sextet as usize) {
                out.push(char::from(*c));
            }
        }
    }
    out
}

/// Resolves after `ms` milliseconds (a `setTimeout` promise; works in workers too).
pub async fn sleep(ms: f64) {
    let promise = Promise::new(&mut |resolve, _reject| {
        start_timer(&resolve, ms);
    });
    // The promise never rejects.
    let _ = JsFuture::from(promise).await;
}

/// An `unsupported` error with a fixed message.
pub fn unsupported(message: &str) -> Error {
    Error::new(ErrorCode::Unsupported, message)
}
