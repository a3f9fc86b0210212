//! Applies the core's quirk rules ([`crate::core::quirks`]) to parsed JSON, in place.
//!
//! The JS path's whole decoding, and the typed Rust API's first step (it decodes the result with
//! serde-wasm-bindgen): the value `JSON.parse` gave is walked along each rule's path with
//! `Reflect` and only the fields that are not yet in normal form are rewritten, so everything
//! else (fields the models do not know) reaches JavaScript as WordPress.com sent it.

use crate::core::quirks::{item_index, Fix, Out, Seen, Shape};
use crate::core::text::{cut, pieces};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Normalises `value` (a response of the given shape) in place.
pub fn normalise(value: &JsValue, shape: Shape) {
    for (path, fix) in shape.rules() {
        apply(value, path, *fix);
    }
}

/// Follows `path` from `value` and fixes the fields it ends at.
fn apply(value: &JsValue, path: &str, fix: Fix) {
    if !value.is_object() {
        return;
    }
    let (head, rest) = match cut(path, b'.') {
        Some((head, rest)) => (head, Some(rest)),
        None => (path, None),
    };
    if head == "*" {
        if rest.is_none() && Array::is_array(value) {
            return fix_items(value.unchecked_ref(), fix);
        }
        // Every value of an object (`tags.*`: name → term), or every item of an array (its
        // keys are its indexes).
        for key in Object::keys(value.unchecked_ref::<Object>()).iter() {
            apply_at(value, &key, rest, fix);
        }
    } else if !Array::is_array(value) {
        for key in pieces(head, b'|') {
            apply_at(value, &JsValue::from_str(key), rest, fix);
        }
    }
}

/// Follows the `rest` of a path from `object[key]`, or fixes that field where the path ends.
fn apply_at(object: &JsValue, key: &JsValue, rest: Option<&str>, fix: Fix) {
    let field = Reflect::get(object, key).unwrap_or(JsValue::UNDEFINED);
    match (rest, fix) {
        (Some(rest), _) => apply(&field, rest, fix),
        (None, Fix::Alias(other)) => alias(object, key, &field, other),
        (None, _) => {
            if let Some(fixed) = fixed(&field, fix) {
                // Cannot fail on the plain objects `JSON.parse` makes.
                let _ = Reflect::set(object, key, &fixed);
            }
        }
    }
}

/// [`Fix::Alias`]: a missing (or `null`) `object[key]` takes the value of `object[other]`.
fn alias(object: &JsValue, key: &JsValue, field: &JsValue, other: &str) {
    if !field.is_undefined() && !field.is_null() {
        return;
    }
    let value = Reflect::get(object, &JsValue::from_str(other)).unwrap_or(JsValue::UNDEFINED);
    if !value.is_undefined() && !value.is_null() {
        let _ = Reflect::set(object, key, &value);
    }
}

/// Fixes each item of `array`, leaving out those whose normal form is `null`.
fn fix_items(array: &Array, fix: Fix) {
    let mut kept = 0;
    for item in array.iter() {
        let item = fixed(&item, fix).unwrap_or(item);
        if !item.is_null() {
            array.set(kept, item);
            kept += 1;
        }
    }
    array.set_length(kept);
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

/// The normal form of `field`, or `None` when it already is; inside an object of a shape
/// ([`Fix::ObjectOf`]), that shape's rules are applied too.
fn fixed(field: &JsValue, fix: Fix) -> Option<JsValue> {
    if let Fix::ObjectOf(shape) = fix {
        normalise(field, shape);
    }
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
        Out::Indexed => indexed(field),
    })
}

/// The objects among `field`'s values (an array's items, an object's values, in `Object.keys`
/// order), each with its `index` set by [`item_index`] ([`Fix::Indexed`]).
fn indexed(field: &JsValue) -> JsValue {
    let out = Array::new();
    for key in Object::keys(field.unchecked_ref::<Object>()).iter() {
        let item = Reflect::get(field, &key).unwrap_or(JsValue::UNDEFINED);
        if !item.is_object() || Array::is_array(&item) {
            continue;
        }
        let index_key = JsValue::from_str("index");
        let own = Reflect::get(&item, &index_key).unwrap_or(JsValue::UNDEFINED);
        let key = key.as_string().unwrap_or_default();
        let index = with_seen(&own, |own| item_index(own, &key, out.length()));
        let _ = Reflect::set(&item, &index_key, &JsValue::from_f64(index));
        out.push(&item);
    }
    out.into()
}

// In the browser (scripts/wasm-test.sh runs the library's tests too).
#[cfg(test)]
#[cfg(all(target_arch = "wasm32", feature = "rust-api"))]
mod tests;
