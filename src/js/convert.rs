//! Conversions between JS values and the Rust types, with `Reflect` rather than serde where
//! the shape is small (each serde impl costs code size).

use alloc::{string::String, vec::Vec};
use super::error::set;
use crate::core::{Error, ErrorCode, Token};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// `object[key]`, `undefined` when `object` is not an object.
pub fn get(object: &JsValue, key: &str) -> JsValue {
    if !object.is_object() {
        return JsValue::UNDEFINED;
    }
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// True for `undefined` and `null`.
pub fn is_absent(value: &JsValue) -> bool {
    value.is_undefined() || value.is_null()
}

/// A string option that may also be given as a number (`clientId: 1234`, `blog: 123`).
pub fn opt_text(object: &JsValue, key: &str) -> Result<Option<String>, Error> {
    let value = get(object, key);
    if is_absent(&value) {
        return Ok(None);
    }
    if let Some(s) = value.as_string() {
        return Ok(Some(s));
    }
    if value.as_f64().is_some() {
        return Ok(Some(text(&value)));
    }
    Err(invalid_option(key))
}

/// A number option.
pub fn opt_number(object: &JsValue, key: &str) -> Result<Option<f64>, Error> {
    let value = get(object, key);
    if is_absent(&value) {
        return Ok(None);
    }
    value.as_f64().map(Some).ok_or_else(|| invalid_option(key))
}

/// A non-negative integer option, capped to `u32`.
pub fn opt_u32(object: &JsValue, key: &str) -> Result<Option<u32>, Error> {
    match opt_number(object, key)? {
        Some(n) if n >= 0.0 && n.is_finite() => Ok(Some(n.min(f64::from(u32::MAX)) as u32)),
        Some(_) => Err(invalid_option(key)),
        None => Ok(None),
    }
}

/// `String(value)` for numbers, booleans and arrays (which join with commas, as
/// WordPress.com's list parameters want).
pub fn text(value: &JsValue) -> String {
    if let Some(s) = value.as_string() {
        return s;
    }
    String::from(value.unchecked_ref::<Object>().to_string())
}

/// A site given as a numeric ID or a domain.
pub fn site(value: &JsValue) -> Result<String, Error> {
    if value.as_string().is_some() || value.as_f64().is_some() {
        Ok(text(value))
    } else {
        Err(Error::new(
            ErrorCode::InvalidConfig,
            "site must be a numeric ID or a domain",
        ))
    }
}

/// A post ID: a positive integer (or its decimal string).
pub fn post_id(value: &JsValue) -> Result<u64, Error> {
    let id = match (value.as_f64(), value.as_string()) {
        (Some(n), _) if (1.0..=9_007_199_254_740_991.0).contains(&n) && n == (n as u64) as f64 => {
            Some(n as u64)
        }
        // Digits only: `str::parse::<f64>` would pull float parsing tables into the wasm.
        (_, Some(s)) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => {
            s.parse::<u64>().ok().filter(|n| *n > 0)
        }
        _ => None,
    };
    id.ok_or_else(|| {
        Error::new(
            ErrorCode::InvalidConfig,
            "postId must be a positive integer",
        )
    })
}

/// The `{ signal }` of a call's options: an `AbortSignal` or nothing.
pub fn signal(options: &JsValue) -> Result<Option<web_sys::AbortSignal>, Error> {
    let value = get(options, "signal");
    if is_absent(&value) {
        return Ok(None);
    }
    value
        .dyn_into::<web_sys::AbortSignal>()
        .map(Some)
        .map_err(|_| invalid_option("signal"))
}

/// A query object (`{ number: 5, fields: ['ID', 'title'] }`) as ordered pairs; `undefined`
/// and `null` values are left out.
pub fn query(value: &JsValue) -> Result<Vec<(String, String)>, Error> {
    if is_absent(value) {
        return Ok(Vec::new());
    }
    let Some(object) = value.dyn_ref::<Object>() else {
        return Err(invalid_option("query"));
    };
    let mut pairs = Vec::new();
    for entry in Object::entries(object).iter() {
        let key = Reflect::get_u32(&entry, 0).unwrap_or_default();
        let value = Reflect::get_u32(&entry, 1).unwrap_or_default();
        if !is_absent(&value) {
            pairs.push((text(&key), text(&value)));
        }
    }
    Ok(pairs)
}

/// The JS shape of a token: `{ accessToken, tokenType, expiresAt, siteId, scope }`.
pub fn token_to_js(token: &Token) -> JsValue {
    let object: JsValue = Object::new().into();
    let number_or_null = |n: Option<f64>| n.map_or(JsValue::NULL, JsValue::from_f64);
    set(
        &object,
        "accessToken",
        &JsValue::from_str(token.access_token.secret()),
    );
    set(&object, "tokenType", &JsValue::from_str(&token.token_type));
    set(&object, "expiresAt", &number_or_null(token.expires_at));
    set(
        &object,
        "siteId",
        &number_or_null(token.site_id.map(|id| id as f64)),
    );
    let scope: Array = token.scope.iter().map(|s| JsValue::from_str(s)).collect();
    set(&object, "scope", &scope);
    object
}

/// `Token | null`.
pub fn opt_token_to_js(token: Option<&Token>) -> JsValue {
    token.map_or(JsValue::NULL, token_to_js)
}

/// `invalid_config` naming the option that has the wrong type.
pub fn invalid_option(key: &str) -> Error {
    Error::new(
        ErrorCode::InvalidConfig,
        ["option '", key, "' has the wrong type"].concat(),
    )
}
