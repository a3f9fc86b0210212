//! The JS `Auth` class: converts options and results, delegates to [`browser::Auth`].

use super::convert::{self, get, opt_token_to_js, token_to_js, Options};
use super::error::to_js as error_to_js;
use super::promise::promise;
use crate::browser::{self, env, storage::Storage, AuthConfig, Done};
use crate::core::{Error, Token};
use alloc::boxed::Box;
use alloc::string::String;
use js_sys::{Function, Promise};
use wasm_bindgen::convert::TryFromJsValue;
use wasm_bindgen::prelude::*;

/// Signing in with WordPress.com (implicit OAuth) and keeping the token.
#[wasm_bindgen(js_name = Auth, skip_typescript)]
pub struct JsAuth {
    inner: browser::Auth,
}

#[wasm_bindgen(js_class = Auth)]
impl JsAuth {
    /// `new Auth({ clientId, redirectUri, scope, blog, storage, oauthBase, login })`;
    /// `redirectUri` may be left out in a browser extension (`identity.getRedirectURL()`).
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<JsAuth, JsValue> {
        let inner = auth_from_options(&options).map_err(|e| error_to_js(&e, None))?;
        Ok(JsAuth { inner })
    }

    /// A fresh authorize URL; its state is stored before this returns.
    #[wasm_bindgen(js_name = authorizeUrl)]
    pub fn authorize_url(&self) -> Result<String, JsValue> {
        self.inner
            .authorize_url()
            .map_err(|e| error_to_js(&e, None))
    }

    /// Completes the sign-in from `url` (default: the current address): `Token | null`.
    #[wasm_bindgen(js_name = handleRedirect)]
    pub fn handle_redirect(&self, url: Option<String>) -> Result<JsValue, JsValue> {
        let url = match url {
            Some(url) => url,
            None => current_href().map_err(|e| error_to_js(&e, None))?,
        };
        match self.inner.handle_redirect(&url) {
            Ok(token) => Ok(opt_token_to_js(token.as_ref())),
            Err(e) => Err(error_to_js(&e, None)),
        }
    }

    /// The current token, or `null`; never an expired one.
    pub fn token(&self) -> JsValue {
        opt_token_to_js(self.inner.token().as_ref())
    }

    /// Forgets the token and any pending state.
    #[wasm_bindgen(js_name = signOut)]
    pub fn sign_out(&self) {
        self.inner.sign_out();
    }

    /// Resolves once the storage is loaded (needed for async adapters): `Token | null`.
    pub fn ready(&self) -> Promise {
        self.restore()
    }

    /// Reloads the token and state from the storage: `Token | null`.
    pub fn restore(&self) -> Promise {
        let auth = self.inner.clone();
        promise(
            move |done| {
                auth.restore_with(Box::new(move |restored| {
                    done(restored.map(|token| opt_token_to_js(token.as_ref())));
                }));
            },
            None,
        )
    }

    /// `signInWithPopup({ signal, timeoutMs })`: opens the popup before returning;
    /// `Promise<Token>`.
    #[wasm_bindgen(js_name = signInWithPopup)]
    pub fn sign_in_with_popup(&self, options: JsValue) -> Promise {
        let checked = convert::popup_options(&options);
        let auth = self.inner.clone();
        promise(
            move |done| match checked {
                Ok(options) => auth.sign_in_with_popup_then(options, token_done(done)),
                Err(error) => done(Err(error)),
            },
            None,
        )
    }

    /// `signInWithExtension({ interactive })` (default `true`): `Promise<Token>`.
    #[wasm_bindgen(js_name = signInWithExtension)]
    pub fn sign_in_with_extension(&self, options: JsValue) -> Promise {
        let interactive = get(&options, "interactive").as_bool().unwrap_or(true);
        let auth = self.inner.clone();
        promise(
            move |done| auth.sign_in_with_extension_then(interactive, token_done(done)),
            None,
        )
    }

    /// Calls `callback(reason)` when the session ends.
    #[wasm_bindgen(js_name = onSignedOut)]
    pub fn on_signed_out(&self, callback: Function) {
        self.inner.on_signed_out(move |reason| {
            let _ = env::invoke(&callback, &[&JsValue::from_str(reason.as_str())]);
        });
    }

    /// Calls `callback(token)` `secondsBefore` (default 60) before the token expires.
    #[wasm_bindgen(js_name = onExpiring)]
    pub fn on_expiring(&self, callback: Function, seconds_before: Option<f64>) {
        let fire = move |token: &crate::core::Token| {
            let _ = env::invoke(&callback, &[&token_to_js(token)]);
        };
        self.inner.on_expiring(fire, seconds_before.unwrap_or(60.0));
    }

    /// A new JS `Auth` sharing this one's state. A plain JS object cannot lend an exported
    /// struct to Rust, so `new Client({ auth })` calls this on the object it was given and
    /// takes the fresh one over ([`take_linked`]), leaving the caller's `Auth` intact.
    #[wasm_bindgen(js_name = __wpcomLink, skip_typescript)]
    pub fn link(&self) -> JsAuth {
        JsAuth {
            inner: self.inner.clone(),
        }
    }
}

/// The `Auth` behind a JS `Auth` object, through [`JsAuth::link`]; `None` for anything else.
pub fn take_linked(object: &JsValue) -> Option<browser::Auth> {
    let linked = env::call(object, "__wpcomLink", &[]).ok()?;
    JsAuth::try_from_js_value(linked)
        .ok()
        .map(|auth| auth.inner)
}

/// A token's outcome handed to a JS promise's callback as a JS `Token`.
fn token_done(done: Done) -> Done<Token> {
    Box::new(move |outcome| done(outcome.map(|token| token_to_js(&token))))
}

/// Reads the JS options object into a Rust `Auth`.
fn auth_from_options(options: &JsValue) -> Result<browser::Auth, Error> {
    let o = Options::new(options);
    let mut config = AuthConfig::new(
        o.text("clientId").unwrap_or_default(),
        o.text("redirectUri").unwrap_or_default(),
    );
    config.scope = o.text("scope");
    config.blog = o.text("blog");
    config.oauth_base = o.text("oauthBase");
    config.login = get(options, "login").is_truthy();
    o.check()?;
    config.storage = Storage::from_js(&get(options, "storage"))?;
    browser::Auth::new(config)
}

/// `location.href`, or `unsupported` where there is no page.
fn current_href() -> Result<String, Error> {
    browser::env::current_href()
        .ok_or_else(|| browser::env::unsupported("location.href is not readable here"))
}
