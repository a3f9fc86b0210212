//! Every JS method that returns a Promise goes through [`promise`].

use super::error::to_js as error_to_js;
use crate::browser::env;
use alloc::boxed::Box;
use js_sys::Promise;
use wasm_bindgen::JsValue;

use crate::browser::transport::Done;

/// A Promise that `start`'s work settles: resolved with its value, or rejected with a
/// `WpcomError` (carrying `input`, when given). The work runs on JS promise callbacks, not
/// on a Rust future executor (see `browser::env::on_settled`).
pub fn promise(start: impl FnOnce(Done), input: Option<JsValue>) -> Promise {
    let mut start = Some(start);
    let mut input = Some(input);
    Promise::new(&mut |resolve, reject| {
        let (Some(start), Some(input)) = (start.take(), input.take()) else {
            return;
        };
        start(Box::new(move |outcome| {
            let _ = match outcome {
                Ok(value) => env::invoke(&resolve, &[&value]),
                Err(error) => env::invoke(&reject, &[&error_to_js(&error, input.as_ref())]),
            };
        }));
    })
}
