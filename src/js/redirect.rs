//! `parseRedirect`: the pure redirect parser, a thin wrapper over [`crate::core::parse_redirect`]
//! (no storage, no history, no state check), for apps that keep their own token.

use super::convert::number_or_null;
use super::error::{set, to_js as error_to_js};
use crate::core::{parse_redirect, RedirectParams};
use alloc::string::String;
use js_sys::{Array, Object};
use wasm_bindgen::prelude::*;

/// Parses an OAuth redirect URL: `RedirectResult | null` (`null` when it carries neither a token
/// nor an error); duplicated or malformed parameters throw a `WpcomError` (`bad_redirect`).
#[wasm_bindgen(js_name = parseRedirect, skip_typescript)]
pub fn parse_redirect_js(url: &str) -> Result<JsValue, JsValue> {
    let parsed = parse_redirect(url).map_err(|e| error_to_js(&e, None))?;
    let Some(parsed) = parsed else {
        return Ok(JsValue::NULL);
    };
    let object: JsValue = Object::new().into();
    let text_or_null = |s: Option<String>| s.map_or(JsValue::NULL, |s| JsValue::from_str(&s));
    match parsed {
        RedirectParams::Token {
            access_token,
            expires_in,
            token_type,
            site_id,
            scope,
            state,
        } => {
            set(&object, "accessToken", &access_token.secret().into());
            set(&object, "tokenType", &token_type.into());
            set(
                &object,
                "expiresIn",
                &number_or_null(expires_in.map(|s| s as f64)),
            );
            set(
                &object,
                "siteId",
                &number_or_null(site_id.map(|id| id as f64)),
            );
            let scope: Array = scope.iter().map(|s| JsValue::from_str(s)).collect();
            set(&object, "scope", &scope);
            set(&object, "state", &text_or_null(state));
        }
        RedirectParams::Error {
            error,
            description,
            state,
        } => {
            set(&object, "error", &error.into());
            set(&object, "errorDescription", &text_or_null(description));
            set(&object, "state", &text_or_null(state));
        }
    }
    Ok(object)
}
