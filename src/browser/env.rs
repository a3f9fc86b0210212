//! The global scope the client runs in (a page or a worker), and generic access to JS objects.
//!
//! Everything that exists in both scopes (`fetch`, `crypto`, timers, the clock) is reached
//! through `globalThis`, so the client works in dedicated and service workers. Things only a
//! page has (`location`, `history`, Web Storage) come back as an `unsupported` error elsewhere:
//! a panic in wasm would take the whole module down with it.
//!
//! Browser objects are used through [`get`], [`set`] and [`call`] (`Reflect.get`, `Reflect.set`,
//! `Reflect.apply`) rather than one typed binding per method: each binding is an import with its
//! own JS glue, and most of these methods are called once per sign-in, not in a hot path.

use crate::core::authorize::base64url;
use crate::core::{Error, ErrorCode};
use alloc::boxed::Box;
use alloc::string::String;
use js_sys::{Array, Function, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(callback: &Function, ms: f64) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue);
}

/// `globalThis`: one global object in every scope (pages, workers), no Window/Worker branch.
pub fn global() -> JsValue {
    js_sys::global().into()
}

/// `target[key]`; `undefined` when `target` is not an object or the getter throws.
pub fn get(target: &JsValue, key: &str) -> JsValue {
    if !target.is_object() && !target.is_function() {
        return JsValue::UNDEFINED;
    }
    Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// The strings of a JS array; empty for anything that is not an array (`Array.from` would
/// throw on `undefined`), other items left out.
pub fn strings(value: &JsValue) -> alloc::vec::Vec<String> {
    if !js_sys::Array::is_array(value) {
        return alloc::vec::Vec::new();
    }
    js_sys::Array::from(value)
        .iter()
        .filter_map(|item| item.as_string())
        .collect()
}

/// `target[key] = value`; a failure (a frozen or non-object target) is ignored.
pub fn set(target: &JsValue, key: &str, value: &JsValue) {
    if target.is_object() {
        let _ = Reflect::set(target, &JsValue::from_str(key), value);
    }
}

/// `target[method](...args)`; `Err` when it is not a function or it throws.
pub fn call(target: &JsValue, method: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    apply(&get(target, method), target, args)
}

/// `function(...args)` with `this` = `undefined`; `Err` when it is not a function or it throws.
pub fn invoke(function: &JsValue, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    apply(function, &JsValue::UNDEFINED, args)
}

/// `Reflect.apply(function, this, args)`, checking that `function` is one.
fn apply(function: &JsValue, this: &JsValue, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    if !function.is_function() {
        return Err(JsValue::UNDEFINED);
    }
    let list = Array::new();
    for arg in args {
        list.push(arg);
    }
    Reflect::apply::<fn() -> JsValue>(function.unchecked_ref(), this, &list)
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
pub fn window() -> Result<JsValue, Error> {
    let window = get(&global(), "window");
    if window.is_object() {
        Ok(window)
    } else {
        Err(unsupported(
            "this needs a page (window); it is not available in a worker",
        ))
    }
}

/// `location.href` of the page; `None` in a worker.
pub fn current_href() -> Option<String> {
    get(&get(&window().ok()?, "location"), "href").as_string()
}

/// A fresh OAuth `state`: 32 bytes from `crypto.getRandomValues`, as 43 base64url characters.
pub fn random_state() -> Result<String, Error> {
    let crypto = get(&global(), "crypto");
    let mut bytes = [0u8; 32];
    let filled = crypto.is_object()
        && crypto
            .unchecked_ref::<web_sys::Crypto>()
            .get_random_values_with_u8_array(&mut bytes)
            .is_ok();
    if !filled {
        return Err(unsupported("crypto.getRandomValues is not available"));
    }
    Ok(base64url(&bytes))
}

/// What to do with the outcome of a promise: its value, or its rejection reason.
pub type OnSettled = Box<dyn FnOnce(Result<JsValue, JsValue>)>;

/// Calls `on_settled` once `promise` settles (a non-promise counts as its own value). The
/// client chains JS promises with these callbacks instead of awaiting them in Rust futures:
/// each `.await` is a state of an async state machine, and those states and the executor that
/// drives them would be a large part of the wasm.
///
/// `Promise.allSettled` gives one callback for both outcomes (one Rust closure, not two).
pub fn on_settled(promise: &JsValue, on_settled: OnSettled) {
    let settled = call(
        &get(&global(), "Promise"),
        "allSettled",
        &[&Array::of1(promise)],
    );
    let Ok(settled) = settled else {
        return on_settled(Err(JsValue::UNDEFINED));
    };
    let callback = Closure::once_into_js(move |outcomes: JsValue| {
        let outcome = get(&outcomes, "0");
        if get(&outcome, "status").as_string().as_deref() == Some("fulfilled") {
            on_settled(Ok(get(&outcome, "value")));
        } else {
            on_settled(Err(get(&outcome, "reason")));
        }
    });
    let _ = call(&settled, "then", &[&callback]);
}

/// An `unsupported` error with a fixed message.
pub fn unsupported(message: &str) -> Error {
    Error::new(ErrorCode::Unsupported, message)
}
