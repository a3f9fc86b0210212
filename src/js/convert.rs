//! Conversions between JS values and the Rust types, with `Reflect` rather than serde where
//! the shape is small (each serde impl costs code size).

use super::error::set;
use crate::browser::env;
use crate::core::routes::PostRef;
use crate::core::text::{cat, parse_digits};
use crate::core::{Error, ErrorCode, Method, Token};
use alloc::{string::String, vec::Vec};
use core::cell::Cell;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

pub use crate::browser::env::get;

/// True for `undefined` and `null`.
pub fn is_absent(value: &JsValue) -> bool {
    value.is_undefined() || value.is_null()
}

/// Reads an options object. An option of the wrong type reads as absent and is remembered:
/// [`Options::check`] then reports the first one, so reading stays one straight line (each
/// early return would add drop code for everything read so far).
pub struct Options<'a> {
    object: &'a JsValue,
    bad: Cell<Option<&'static str>>,
}

impl<'a> Options<'a> {
    /// A reader of `object` (anything that is not an object has no options).
    pub fn new(object: &'a JsValue) -> Options<'a> {
        Options {
            object,
            bad: Cell::new(None),
        }
    }

    /// `object[key]`, or `None` when absent (`undefined` or `null`).
    pub fn value(&self, key: &str) -> Option<JsValue> {
        Some(get(self.object, key)).filter(|v| !is_absent(v))
    }

    /// Remembers `key` as the first option of a wrong type.
    pub fn refuse(&self, key: &'static str) {
        if self.bad.get().is_none() {
            self.bad.set(Some(key));
        }
    }

    /// A string option that may also be given as a number (`clientId: 1234`, `blog: 123`).
    pub fn text(&self, key: &'static str) -> Option<String> {
        let value = self.value(key)?;
        if value.as_string().is_none() && value.as_f64().is_none() {
            self.refuse(key);
            return None;
        }
        Some(text(&value))
    }

    /// A non-negative number option, capped to `u32`.
    pub fn count(&self, key: &'static str) -> Option<u32> {
        let value = self.value(key)?;
        match value.as_f64() {
            Some(n) if n >= 0.0 => Some(n.min(f64::from(u32::MAX)) as u32),
            _ => {
                self.refuse(key);
                None
            }
        }
    }

    /// `invalid_config` naming the first option that had the wrong type, if any.
    pub fn check(&self) -> Result<(), Error> {
        self.bad
            .get()
            .map_or(Ok(()), |key| Err(invalid_option(key)))
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
    id(value, "postId must be a positive integer")
}

/// A comment ID: a positive integer (or its decimal string).
pub fn comment_id(value: &JsValue) -> Result<u64, Error> {
    id(value, "commentId must be a positive integer")
}

/// A post given as its ID (a number or digits) or its slug (`slug:hello-world` or
/// `hello-world`).
pub fn post_ref(value: &JsValue) -> Result<PostRef, Error> {
    match value.as_string() {
        Some(s) => PostRef::parse(&s),
        None => post_id(value).map(PostRef::Id),
    }
}

/// A positive integer (or its decimal string); `invalid_config` with `message` otherwise.
fn id(value: &JsValue, message: &str) -> Result<u64, Error> {
    let id = match (value.as_f64(), value.as_string()) {
        (Some(n), _) if (1.0..=9_007_199_254_740_991.0).contains(&n) && n == (n as u64) as f64 => {
            Some(n as u64)
        }
        // Digits only: `str::parse::<f64>` would pull float parsing tables into the wasm.
        (_, Some(s)) => parse_digits(&s).filter(|n| *n > 0),
        _ => None,
    };
    id.ok_or_else(|| Error::new(ErrorCode::InvalidConfig, message))
}

/// The `{ signal }` of a call's options: an `AbortSignal` or nothing.
pub fn signal(options: &JsValue) -> Result<Option<web_sys::AbortSignal>, Error> {
    let value = get(options, "signal");
    if is_absent(&value) {
        return Ok(None);
    }
    // Duck-typed (no `instanceof` binding): what the transport reads is `aborted` and the
    // `abort` event, which any `AbortSignal` has.
    if env::get(&value, "aborted").as_bool().is_some() {
        Ok(Some(value.unchecked_into()))
    } else {
        Err(invalid_option("signal"))
    }
}

/// A query object (`{ number: 5, fields: ['ID', 'title'] }`) as ordered pairs; `undefined`
/// and `null` values are left out.
pub fn query(value: &JsValue) -> Result<Vec<(String, String)>, Error> {
    if is_absent(value) {
        return Ok(Vec::new());
    }
    if !value.is_object() {
        return Err(invalid_option("query"));
    }
    let object: &Object = value.unchecked_ref();
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

/// A number, or `null` when absent.
pub fn number_or_null(n: Option<f64>) -> JsValue {
    n.map_or(JsValue::NULL, JsValue::from_f64)
}

/// `Token | null`.
pub fn opt_token_to_js(token: Option<&Token>) -> JsValue {
    token.map_or(JsValue::NULL, token_to_js)
}

/// `invalid_config` naming the option that has the wrong type.
pub fn invalid_option(key: &str) -> Error {
    Error::new(
        ErrorCode::InvalidConfig,
        cat(&["option '", key, "' has the wrong type"]),
    )
}

/// The method of `request(method, path, options)` or of the fetch-like `request(path, {
/// method })`: `GET` when neither names one; `invalid_config` when both do and disagree, or for
/// a method [`Method::parse`] refuses. `Client` and `SiteClient` read it the same way.
pub fn request_method(given: Option<&JsValue>, options: &Options) -> Result<Method, Error> {
    let named = options.text("method");
    match (given.map(|m| m.as_string().unwrap_or_default()), named) {
        (Some(given), Some(named)) if !given.eq_ignore_ascii_case(&named) => Err(Error::new(
            ErrorCode::InvalidConfig,
            cat(&[
                "request(method, path, options) names the method twice (",
                &given,
                ", options.method ",
                &named,
                "): give one",
            ]),
        )),
        (Some(given), _) => Method::parse(&given),
        (None, named) => named.map_or(Ok(Method::Get), |m| Method::parse(&m)),
    }
}

/// The options of `signInWithPopup({ signal, timeoutMs })` (`Auth`'s and `SiteAuth`'s).
pub fn popup_options(options: &JsValue) -> Result<crate::browser::PopupOptions, Error> {
    let o = Options::new(options);
    let timeout_ms = o.count("timeoutMs");
    o.check()?;
    Ok(crate::browser::PopupOptions {
        signal: signal(options)?,
        timeout_ms,
    })
}
