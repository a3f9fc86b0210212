//! The browser layer's readers of parsed JSON, mirrored on `serde_json::Value`: the quirk walker
//! of `browser::normalise` and the error-body reader of `browser::transport`. The native tests
//! and the `models` and `error_mapper` fuzz targets (which include this file with `#[path]`)
//! decode through these, so what they check is what a browser does.
//!
//! Keep it a faithful mirror of `normalise.rs`: the same path syntax (`.`, `|`, `*`), the same
//! [`Seen`] of each value, the same writes. Numbers are read the way `JSON.parse` and
//! serde-wasm-bindgen read them (every number an `f64`, whole ones in the safe range decoding as
//! integers), so a model decodes natively exactly when it decodes in a browser.

#[cfg(test)]
use super::prelude::*;
#[cfg(test)]
use crate::core::{
    quirks::{item_index, Fix, Out, Seen, Shape},
    ErrorBody,
};
#[cfg(not(test))]
use wpcom_wasm::core::{
    quirks::{item_index, Fix, Out, Seen, Shape},
    ErrorBody,
};

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// Largest integer a JS number holds exactly (2^53 - 1).
const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

/// Decodes `json` as the typed Rust API does in a browser: `JSON.parse`'s numbers, the shape's
/// rules, then strict serde.
pub fn decode<T: DeserializeOwned>(json: Value, shape: Shape) -> Result<T, serde_json::Error> {
    let mut value = js_numbers(json);
    normalise(&mut value, shape);
    serde_json::from_value(value)
}

/// `value` with every number as `JSON.parse` makes it: an `f64` (integers above 2^53 lose
/// precision), which serde-wasm-bindgen decodes as an integer when it is a safe one.
pub fn js_numbers(value: Value) -> Value {
    match value {
        Value::Number(n) => js_number(n.as_f64().unwrap_or(f64::NAN)),
        Value::Array(items) => Value::Array(items.into_iter().map(js_numbers).collect()),
        Value::Object(map) => {
            Value::Object(map.into_iter().map(|(k, v)| (k, js_numbers(v))).collect())
        }
        other => other,
    }
}

/// A JS number as serde sees it through serde-wasm-bindgen.
fn js_number(n: f64) -> Value {
    if n.fract() == 0.0 && n.abs() <= MAX_SAFE {
        Value::from(n as i64)
    } else {
        Value::from(n)
    }
}

/// Normalises `value` (a response of the given shape) in place.
pub fn normalise(value: &mut Value, shape: Shape) {
    for (path, fix) in shape.rules() {
        apply(value, path, *fix);
    }
}

/// Follows `path` from `value` and fixes the fields it ends at.
fn apply(value: &mut Value, path: &str, fix: Fix) {
    let (head, rest) = match path.split_once('.') {
        Some((head, rest)) => (head, Some(rest)),
        None => (path, None),
    };
    if head == "*" {
        match (value, rest) {
            (Value::Array(items), None) => {
                items.iter_mut().for_each(|item| fix_value(item, fix));
                items.retain(|item| !item.is_null());
            }
            (Value::Array(items), Some(rest)) => {
                items.iter_mut().for_each(|item| apply(item, rest, fix));
            }
            (Value::Object(map), rest) => {
                for field in map.values_mut() {
                    match rest {
                        Some(rest) => apply(field, rest, fix),
                        None => fix_value(field, fix),
                    }
                }
            }
            _ => {}
        }
        return;
    }
    let Value::Object(map) = value else {
        return;
    };
    for key in head.split('|') {
        // `Fix::Alias`: a missing (or `null`) field takes its other spelling's value (a copy;
        // in JavaScript the two share an object, which only the other spelling can tell).
        if let (Fix::Alias(other), None) = (fix, rest) {
            let missing = map.get(key).map_or(true, Value::is_null);
            if let Some(value) = map.get(other).filter(|v| missing && !v.is_null()) {
                map.insert(key.to_string(), value.clone());
            }
            continue;
        }
        match (map.get_mut(key), rest) {
            (Some(field), Some(rest)) => apply(field, rest, fix),
            (Some(field), None) => fix_value(field, fix),
            (None, Some(_)) => {}
            // A missing field reads as `null`, and is written only when that is not its normal
            // form.
            (None, None) => {
                if let Some(field) = fixed(&mut Value::Null, fix) {
                    map.insert(key.to_string(), field);
                }
            }
        }
    }
}

/// Rewrites `value` when it is not in normal form.
fn fix_value(value: &mut Value, fix: Fix) {
    if let Some(fixed) = fixed(value, fix) {
        *value = fixed;
    }
}

/// What the quirk rules see of `value`.
pub fn seen(value: &Value) -> Seen<'_> {
    match value {
        Value::Null => Seen::Null,
        Value::Bool(b) => Seen::Bool(*b),
        Value::Number(n) => Seen::Number(n.as_f64().unwrap_or(f64::NAN)),
        Value::String(s) => Seen::Text(s),
        Value::Array(items) => Seen::Array(u32::try_from(items.len()).unwrap_or(u32::MAX)),
        Value::Object(_) => Seen::Object,
    }
}

/// The normal form of `value`, or `None` when it already is; inside an object of a shape
/// ([`Fix::ObjectOf`]), that shape's rules are applied too.
fn fixed(value: &mut Value, fix: Fix) -> Option<Value> {
    if let Fix::ObjectOf(shape) = fix {
        normalise(value, shape);
    }
    Some(match fix.apply(seen(value)) {
        Out::Keep => return None,
        Out::Null => Value::Null,
        Out::Bool(b) => Value::Bool(b),
        Out::Number(n) => js_number(n),
        Out::Text(s) => Value::String(s),
        Out::List(items) => Value::Array(items.into_iter().map(Value::String).collect()),
        Out::EmptyObject => Value::Object(Map::new()),
        Out::Indexed => indexed(value),
    })
}

/// The objects among `value`'s values in `Object.keys` order (an array's positions; an object's
/// array-index keys in numeric order, then the others), each with its `index` set by
/// [`item_index`] ([`Fix::Indexed`]).
fn indexed(value: &Value) -> Value {
    let mut entries: Vec<(String, &Value)> = match value {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, v)| (i.to_string(), v))
            .collect(),
        Value::Object(map) => map.iter().map(|(k, v)| (k.clone(), v)).collect(),
        _ => Vec::new(),
    };
    // JS orders canonical array-index keys (0 … 2^32 - 2) first, numerically.
    let array_index = |key: &str| {
        key.parse::<u32>()
            .ok()
            .filter(|n| n.to_string() == key && *n != u32::MAX)
    };
    entries.sort_by_key(|(key, _)| (array_index(key).is_none(), array_index(key)));
    let mut out: Vec<Value> = Vec::new();
    for (key, item) in entries {
        let Value::Object(map) = item else { continue };
        let mut map = map.clone();
        let own = map.get("index").map_or(Seen::Null, seen);
        let index = item_index(own, &key, u32::try_from(out.len()).unwrap_or(u32::MAX));
        map.insert("index".to_string(), js_number(index));
        out.push(Value::Object(map));
    }
    Value::Array(out)
}

/// The error body of a parsed JSON text, as the browser's transport reads it: `None` for
/// anything but an object (an array is one, as in JS), strings only.
pub fn error_body(json: &Value) -> Option<ErrorBody> {
    if !(json.is_object() || json.is_array()) {
        return None;
    }
    let text = |value: Option<&Value>, key: &str| Some(get(value?, key)?.as_str()?.to_string());
    // `errors[0]`: the key "0" reads an array's first item, or an object's "0".
    let first = get(json, "errors").and_then(|errors| get(errors, "0"));
    Some(ErrorBody::read(
        |key| text(Some(json), key),
        |key| text(first, key),
    ))
}

/// `value[key]` as `Reflect.get` reads it on parsed JSON (an array's keys are its indexes).
fn get<'a>(value: &'a Value, key: &str) -> Option<&'a Value> {
    match value {
        Value::Object(map) => map.get(key),
        Value::Array(items) => key
            .parse::<usize>()
            .ok()
            .filter(|i| i.to_string() == key)
            .and_then(|i| items.get(i)),
        _ => None,
    }
}
