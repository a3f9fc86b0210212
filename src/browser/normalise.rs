//! Applies the core's quirk rules ([`crate::core::quirks`]) to parsed JSON, in place.
//!
//! This is the JS path's whole decoding: the value `JSON.parse` gave is walked along each rule's
//! path with `Reflect` and only the fields that are not yet in normal form are rewritten, so
//! everything else (fields the models do not know) reaches JavaScript as WordPress.com sent it.

use crate::core::quirks::{Fix, Out, Seen, Shape};
use crate::core::text::cut;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Normalises `value` (a response of the given shape) in place.
pub fn normalise(value: &JsValue, shape: Shape) {
    for (path, fix) in shape.rules() {
        apply(value, path, *fix);
    }
}

/// Follows `path` from `value` and fixes the field it ends at.
fn apply(value: &JsValue, path: &str, fix: Fix) {
    let (head, rest) = match cut(path, b'.') {
        Some((head, rest)) => (head, Some(rest)),
        None => (path, None),
    };
    if head == "*" {
        // Every item of an array, or every value of an object (`tags.*`: name → term).
        if let (true, Some(rest)) = (value.is_object(), rest) {
            let items = if Array::is_array(value) {
                value.clone().unchecked_into::<Array>()
            } else {
                Object::values(value.unchecked_ref())
            };
            for item in items.iter() {
                apply(&item, rest, fix);
            }
        }
        return;
    }
    if !value.is_object() || Array::is_array(value) {
        return;
    }
    let key = JsValue::from_str(head);
    let field = Reflect::get(value, &key).unwrap_or(JsValue::UNDEFINED);
    match rest {
        Some(rest) => apply(&field, rest, fix),
        None => {
            if let Some(fixed) = fixed(&field, fix) {
                // Cannot fail on the plain objects `JSON.parse` makes.
                let _ = Reflect::set(value, &key, &fixed);
            }
        }
    }
}

/// Calls `look` with what the quirk rules see of `field`.
pub fn with_seen<R>(field: &JsValue, look: impl FnOnce(Seen<'_>) -> R) -> R {
    let text = field.as_string();
    let seen = if let Some(b) = field.as_bool() {
        Seen::Bool(b)
    } else if let Some(n) = field.as_f64() {
        Seen::Number(n)
    } else if let Some(s) = &text {
        Seen::Text(s)
    } else if Array::is_array(field) {
        Seen::Array(field.unchecked_ref::<Array>().length())
    } else if field.is_object() {
        Seen::Object
    } else {
        Seen::Null
    };
    look(seen)
}

/// The normal form of `field`, or `None` when it already is.
fn fixed(field: &JsValue, fix: Fix) -> Option<JsValue> {
    Some(match with_seen(field, |seen| fix.apply(seen)) {
        Out::Keep => return None,
        Out::Null => JsValue::NULL,
        Out::Bool(b) => JsValue::from_bool(b),
        Out::Number(n) => JsValue::from_f64(n),
        Out::Text(s) => JsValue::from_str(&s),
        Out::List(items) => items
            .iter()
            .map(|s| JsValue::from_str(s))
            .collect::<Array>()
            .into(),
        Out::EmptyObject => js_sys::Object::new().into(),
    })
}
