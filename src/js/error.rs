//! `WpcomError`: the one error type JavaScript callers see, a real `Error` subclass.
//!
//! wasm-bindgen cannot declare `extends Error` on an exported struct, so the exported class's
//! prototype is re-parented onto `Error.prototype` the first time an error is made. Each error is
//! an instance of that class (`instanceof WpcomError` and `instanceof Error` both hold) with its
//! fields set as own properties, and the `stack` of an `Error` made at the same moment.

use crate::browser::env;
use crate::core::Error;
use js_sys::Object;
use wasm_bindgen::prelude::*;

/// The error thrown (or rejected with) by every `Auth` and `Client` method.
#[wasm_bindgen(skip_typescript)]
pub struct WpcomError {}

/// Makes `WpcomError.prototype` inherit from `Error.prototype` (once: later calls see it done).
fn ensure_prototype(instance: &JsValue, native: &js_sys::Error) {
    let prototype = Object::get_prototype_of(instance);
    let error_prototype = Object::get_prototype_of(native);
    if Object::get_prototype_of(&prototype) == error_prototype {
        return;
    }
    Object::set_prototype_of(&prototype, &error_prototype);
    set(&prototype, "name", &JsValue::from_str("WpcomError"));
}

/// The JS `WpcomError` for `error`; `input` is what the caller sent (kept by `createPost`).
pub fn to_js(error: &Error, input: Option<&JsValue>) -> JsValue {
    let instance = JsValue::from(WpcomError {});
    let native = js_sys::Error::new(&error.message);
    ensure_prototype(&instance, &native);
    let message = JsValue::from_str(&error.message);
    let status = error.status.map_or(JsValue::UNDEFINED, JsValue::from);
    set(&instance, "message", &message);
    set(&instance, "code", &JsValue::from_str(error.code.as_str()));
    set(&instance, "status", &status);
    set(
        &instance,
        "mayHaveReachedServer",
        &JsValue::from_bool(error.may_have_reached_server),
    );
    if let Some(input) = input {
        set(&instance, "input", input);
    }
    set(&native, "name", &JsValue::from_str("WpcomError"));
    set(&instance, "stack", &env::get(&native, "stack"));
    instance
}

pub use crate::browser::env::set;
