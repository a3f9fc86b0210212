//! Browser extensions (Manifest V3, Chromium and Firefox): the sign-in through the browser's
//! own window, `identity.launchWebAuthFlow` ([`Auth::sign_in_with_extension_then`]), the
//! extension's redirect URI, and `storage.local` as the token's storage
//! ([`super::Storage::Extension`]). All of it works in the extension's service worker.

use super::auth::Auth;
use super::env;
use super::transport::Done;
use crate::core::error::popup_closed;
use crate::core::text::has;
use crate::core::{Error, ErrorCode, Token};
use alloc::boxed::Box;
use alloc::string::String;
use js_sys::Object;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen(module = "/src/browser/extension.js")]
extern "C" {
    // One function taking a name: a function without arguments would be imported by the wasm
    // straight from this file, a second import module that the build's renaming refuses.
    #[wasm_bindgen(js_name = wpcomExtension)]
    fn extension(what: &str) -> JsValue;
}

/// The `identity` API, or `undefined`.
fn identity() -> JsValue {
    extension("identity")
}

/// The extension's redirect URI, `identity.getRedirectURL()`
/// (`https://<extension-id>.chromiumapp.org/` in Chromium); `None` outside an extension or
/// without the "identity" permission.
pub fn redirect_url() -> Option<String> {
    env::call(&identity(), "getRedirectURL", &[])
        .ok()?
        .as_string()
}

/// `storage.local` as a storage adapter; `unsupported` outside an extension or without the
/// "storage" permission.
pub fn storage_adapter() -> Result<Object, Error> {
    let adapter = extension("storage");
    if adapter.is_object() {
        Ok(adapter.unchecked_into())
    } else {
        Err(env::unsupported(
            "storage 'extension' needs a browser extension with the \"storage\" permission",
        ))
    }
}

impl Auth {
    /// Signs in with the browser's own sign-in window, `identity.launchWebAuthFlow` (a browser
    /// extension with the "identity" permission; its service worker too), then calls `done` once
    /// with the token (checked and stored as by [`Auth::handle_redirect`]) or the error:
    /// - `popup_closed`: the user closed the window first;
    /// - `not_signed_in`: with `interactive: false`, WordPress.com needs the user (call again
    ///   with `interactive: true`);
    /// - `network`: the browser could not load the authorize page;
    /// - `access_denied` when the user declines, and the other errors of `handle_redirect`;
    /// - `unsupported` outside an extension.
    ///
    /// The redirect URI must be the extension's: leave it empty in [`super::AuthConfig`] for
    /// `identity.getRedirectURL()`, and register that with WordPress.com. Rust code awaits
    /// [`Auth::sign_in_with_extension`] (feature `rust-api`).
    pub fn sign_in_with_extension_then(&self, interactive: bool, done: Done<Token>) {
        let identity = identity();
        if !identity.is_object() {
            return done(Err(env::unsupported(
                "signInWithExtension needs a browser extension with the \"identity\" permission",
            )));
        }
        let url = match self.authorize_url() {
            Ok(url) => url,
            Err(error) => return done(Err(error)),
        };
        let details: JsValue = Object::new().into();
        env::set(&details, "url", &JsValue::from_str(&url));
        env::set(&details, "interactive", &JsValue::from_bool(interactive));
        let flow = env::call(&identity, "launchWebAuthFlow", &[&details]).unwrap_or_else(|e| e);
        let auth = self.clone();
        env::on_settled(
            &flow,
            Box::new(move |outcome| {
                let back = match outcome {
                    Ok(back) => back.as_string().unwrap_or_default(),
                    Err(reason) => return done(Err(flow_error(&reason))),
                };
                done(match auth.handle_redirect(&back) {
                    Ok(Some(token)) => Ok(token),
                    Ok(None) => Err(Error::new(
                        ErrorCode::BadRedirect,
                        "the sign-in window ended on a URL without a token or an error",
                    )),
                    Err(error) => Err(error),
                })
            }),
        );
    }
}

/// What a rejected `launchWebAuthFlow` means, read from the browser's message (Chromium:
/// "The user did not approve access.", "User interaction required.", "Authorization page could
/// not be loaded."; Firefox: "User cancelled or denied access.", "Requires user interaction").
fn flow_error(reason: &JsValue) -> Error {
    let message = env::get(reason, "message")
        .as_string()
        .unwrap_or_default()
        .to_ascii_lowercase();
    if has(&message, "interaction") {
        Error::new(
            ErrorCode::NotSignedIn,
            "signing in needs the user: call signInWithExtension({ interactive: true })",
        )
    } else if has(&message, "could not be loaded") {
        Error::new(
            ErrorCode::Network,
            "the browser could not load WordPress.com's sign-in page: check the connection",
        )
    } else {
        popup_closed()
    }
}
