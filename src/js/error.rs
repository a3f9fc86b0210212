//! `WpcomError`: the one error type JavaScript callers see, a real `class WpcomError extends
//! Error` written in JavaScript (`src/js/error.js`): the wasm constructs it, the package's entries
//! export it. Each error has `code`, `message`, `status`, `mayHaveReachedServer` and, for a
//! failed `createPost`, `input`.

use crate::core::Error;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/js/error.js")]
extern "C" {
    /// The JS class `WpcomError`.
    #[wasm_bindgen(js_name = WpcomError)]
    type JsWpcomError;

    #[wasm_bindgen(constructor, js_class = "WpcomError")]
    fn new(
        message: &str,
        code: &str,
        status: JsValue,
        may_have_reached_server: bool,
        input: JsValue,
    ) -> JsWpcomError;
}

/// The JS `WpcomError` for `error`; `input` is what the caller sent (kept by `createPost`).
pub fn to_js(error: &Error, input: Option<&JsValue>) -> JsValue {
    JsWpcomError::new(
        &error.message,
        error.code.as_str(),
        error.status.map_or(JsValue::UNDEFINED, JsValue::from),
        error.may_have_reached_server,
        input.cloned().unwrap_or(JsValue::UNDEFINED),
    )
    .into()
}

pub use crate::browser::env::set;
