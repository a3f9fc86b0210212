//! Signing in with WordPress.com's implicit OAuth flow, in the browser.
//!
//! [`Auth`] makes the authorize URL (with a fresh `state` it stores first), takes the redirect
//! back (checks and consumes that state, stores the token, scrubs the address bar) and hands out
//! the token until it expires. It also tells the app when the session ends: see
//! [`Auth::on_signed_out`] and [`Auth::on_expiring`].

use super::env;
use super::extension;
use super::session::{Hooks, SignOutReason};
use super::storage::{Slot, Storage, Store};
use super::transport::Done;
use crate::core::{
    build_authorize_url, complete_redirect, parse_redirect, scrub_url, AuthorizeRequest, Error,
    ErrorCode, PendingStates, Token,
};
use alloc::rc::Rc;
use alloc::{boxed::Box, string::String, string::ToString};
use wasm_bindgen::JsValue;

/// WordPress.com's public API host, which also serves the OAuth endpoints.
pub const DEFAULT_BASE: &str = "https://public-api.wordpress.com";

/// What an app registered with WordPress.com, and how the client keeps its session.
#[derive(Clone, Debug)]
pub struct AuthConfig {
    /// The app's client id (developer.wordpress.com/apps).
    pub client_id: String,
    /// The redirect URI, exactly as registered (trailing slash included); empty in a browser
    /// extension for `identity.getRedirectURL()`.
    pub redirect_uri: String,
    /// `global`, `auth`, or space-separated finer scopes; `None` asks for one blog.
    pub scope: Option<String>,
    /// The blog (ID or URL) to ask access to, for a single-blog token.
    pub blog: Option<String>,
    /// Where the token and the pending state are kept.
    pub storage: Storage,
    /// The OAuth host; `None` for WordPress.com (set it for the emulator or a proxy).
    pub oauth_base: Option<String>,
    /// Use `/oauth2/authenticate` (log in with WordPress.com) instead of `/oauth2/authorize`.
    pub login: bool,
}

impl AuthConfig {
    /// A configuration with the defaults: one blog, session storage, WordPress.com.
    pub fn new(client_id: impl Into<String>, redirect_uri: impl Into<String>) -> AuthConfig {
        AuthConfig {
            client_id: client_id.into(),
            redirect_uri: redirect_uri.into(),
            scope: None,
            blog: None,
            storage: Storage::Auto,
            oauth_base: None,
            login: false,
        }
    }
}

/// The sign-in state of one app in this page or worker; clones share it.
#[derive(Clone, Debug)]
pub struct Auth(Rc<Inner>);

#[derive(Debug)]
struct Inner {
    client_id: String,
    redirect_uri: String,
    scope: Option<String>,
    blog: Option<String>,
    oauth_base: String,
    login: bool,
    store: Rc<Store>,
    hooks: Hooks,
}

impl Auth {
    /// Checks `config` and opens its storage; `invalid_config` for an empty client id or
    /// redirect URI, `unsupported` for Web Storage where there is none (a worker) and for
    /// [`Storage::Extension`] outside an extension. In a browser extension an empty redirect URI
    /// is the extension's own, `identity.getRedirectURL()`.
    pub fn new(mut config: AuthConfig) -> Result<Auth, Error> {
        if config.redirect_uri.is_empty() {
            config.redirect_uri = extension::redirect_url().unwrap_or_default();
        }
        if config.client_id.is_empty() || config.redirect_uri.is_empty() {
            return Err(Error::new(
                ErrorCode::InvalidConfig,
                "clientId and redirectUri are required",
            ));
        }
        let store = Rc::new(Store::new(config.storage, &config.client_id)?);
        let hooks = Hooks::new(store.clone());
        let auth = Auth(Rc::new(Inner {
            client_id: config.client_id,
            redirect_uri: config.redirect_uri,
            scope: config.scope,
            blog: config.blog,
            oauth_base: config
                .oauth_base
                .unwrap_or_else(|| DEFAULT_BASE.to_string()),
            login: config.login,
            store,
            hooks,
        }));
        let weak = Rc::downgrade(&auth.0);
        auth.0.hooks.watch_other_tabs(Box::new(move |signed_in| {
            let Some(inner) = weak.upgrade() else {
                return;
            };
            if signed_in {
                inner.hooks.arm_expiring();
            } else {
                // The other tab already removed it from the shared storage.
                inner.store.forget(Slot::Token);
                inner.hooks.disarm_expiring();
                inner.hooks.fire_signed_out(SignOutReason::OtherTab);
            }
        }));
        Ok(auth)
    }

    /// The app's client id.
    pub fn client_id(&self) -> &str {
        &self.0.client_id
    }

    /// The OAuth host in use.
    pub fn oauth_base(&self) -> &str {
        &self.0.oauth_base
    }

    /// A fresh authorize URL to send the user to. Its `state` (256 random bits, single-use,
    /// valid 10 minutes) is added to the sign-ins pending in this tab before this returns;
    /// earlier ones stay valid, so two sign-ins in flight never spoil each other.
    pub fn authorize_url(&self) -> Result<String, Error> {
        self.begin_sign_in().map(|(url, _)| url)
    }

    /// [`Auth::authorize_url`], and the state it carries.
    pub(crate) fn begin_sign_in(&self) -> Result<(String, String), Error> {
        let state = env::random_state()?;
        let inner = &self.0;
        let url = build_authorize_url(&AuthorizeRequest {
            oauth_base: &inner.oauth_base,
            client_id: &inner.client_id,
            redirect_uri: &inner.redirect_uri,
            scope: inner.scope.as_deref(),
            blog: inner.blog.as_deref(),
            login: inner.login,
            state: &state,
        })?;
        self.update_pending(|pending, now| pending.add(&state, now));
        Ok((url, state))
    }

    /// Completes the sign-in from the URL WordPress.com redirected to.
    ///
    /// `Ok(None)` when the URL carries no OAuth data (an ordinary page load). Otherwise, when
    /// `url` is the page's current address, its OAuth data is scrubbed with
    /// `history.replaceState` (no reload, no new history entry; a hash router's route stays),
    /// and the redirect is checked against the sign-ins pending in this tab: see
    /// [`complete_redirect`]. Only the redirect's own state is consumed, whatever the outcome.
    pub fn handle_redirect(&self, url: &str) -> Result<Option<Token>, Error> {
        let parsed = parse_redirect(url);
        if matches!(parsed, Ok(None)) {
            return Ok(None);
        }
        scrub_if_current(url);
        let Some(params) = parsed? else {
            return Ok(None);
        };
        let token = self
            .update_pending(|pending, now| complete_redirect(params, pending, now))
            .map_err(popup_hint)?;
        self.0
            .store
            .put(Slot::Token, Some(&token.to_storage_string()));
        self.0.hooks.arm_expiring();
        Ok(Some(token))
    }

    /// Runs `change` on the sign-ins pending in this tab (expired ones dropped) and stores
    /// what it leaves.
    fn update_pending<T>(&self, change: impl FnOnce(&mut PendingStates, f64) -> T) -> T {
        let store = &self.0.store;
        let now = env::now_ms();
        let mut pending = PendingStates::parse(store.get(Slot::State).as_deref(), now);
        let result = change(&mut pending, now);
        store.put(Slot::State, pending.to_storage_string().as_deref());
        result
    }

    /// The current token, or `None` when signed out. An expired token is never handed out: it
    /// is removed and the signed-out hooks fire with [`SignOutReason::Expired`].
    pub fn token(&self) -> Option<Token> {
        self.require_token().ok()
    }

    /// The stored token as it is, expired or not, with no side effect.
    pub(crate) fn stored_token(&self) -> Option<Token> {
        let stored = self.0.store.get(Slot::Token)?;
        Token::from_storage_string(&stored)
    }

    /// The current token, or `not_signed_in` / `token_expired`.
    pub fn require_token(&self) -> Result<Token, Error> {
        let Some(token) = self.stored_token() else {
            return Err(Error::new(ErrorCode::NotSignedIn, "not signed in"));
        };
        if token.is_expired(env::now_ms()) {
            self.end_session(SignOutReason::Expired);
            return Err(Error::new(
                ErrorCode::TokenExpired,
                "the token has expired: sign in again",
            ));
        }
        Ok(token)
    }

    /// Forgets the token and the sign-ins pending in this tab.
    pub fn sign_out(&self) {
        self.0.store.put(Slot::State, None);
        self.end_session(SignOutReason::SignOut);
    }

    /// Loads the token and state from an asynchronous storage adapter (a no-op for the other
    /// backends); `done` then gets the token, if any. Rust code awaits `Auth::restore`.
    pub fn restore_with(&self, done: Done<Option<Token>>) {
        let auth = self.clone();
        self.0.store.load(Box::new(move |loaded| {
            done(loaded.map(|()| {
                let token = auth.token();
                auth.0.hooks.arm_expiring();
                token
            }));
        }));
    }

    /// Calls `callback` whenever the session ends: sign-out, expiry, `invalid_token` from the
    /// server, or (with `local` storage) a sign-out in another tab.
    pub fn on_signed_out(&self, callback: impl Fn(SignOutReason) + 'static) {
        self.0.hooks.add_signed_out(Rc::new(callback));
    }

    /// Calls `callback` with the token `seconds_before` its expiry (at once if that moment has
    /// passed), for each token this `Auth` holds from now on.
    pub fn on_expiring(&self, callback: impl Fn(&Token) + 'static, seconds_before: f64) {
        let weak = Rc::downgrade(&self.0);
        let fire = move || {
            if let Some(inner) = weak.upgrade() {
                if let Some(token) = Auth(inner).token() {
                    callback(&token);
                }
            }
        };
        self.0.hooks.add_expiring(Box::new(fire), seconds_before);
        self.0.hooks.arm_expiring();
    }

    /// This app's connected application was removed (`Client::disconnect`): forgets the token
    /// and the pending sign-ins like [`Auth::sign_out`]; the hooks get
    /// [`SignOutReason::Disconnected`].
    pub fn disconnected(&self) {
        self.0.store.put(Slot::State, None);
        self.end_session(SignOutReason::Disconnected);
    }

    /// The server said `invalid_token`: the stored token is useless, so drop it.
    pub fn invalidate(&self) {
        self.end_session(SignOutReason::InvalidToken);
    }

    /// Removes the token and, if there was one, fires the signed-out hooks.
    fn end_session(&self, reason: SignOutReason) {
        let store = &self.0.store;
        let had_token = store.get(Slot::Token).is_some();
        store.put(Slot::Token, None);
        self.0.hooks.disarm_expiring();
        if had_token {
            self.0.hooks.fire_signed_out(reason);
        }
    }
}

/// `state_missing` in a popup: the sign-in was started by the window that opened it, so say
/// where the URL should go.
fn popup_hint(mut error: Error) -> Error {
    let in_popup = env::window().is_ok_and(|w| env::get(&w, "opener").is_object());
    if error.code == ErrorCode::StateMissing && in_popup {
        error.message.push_str(
            ". This is a popup: send its URL to the window that opened it \
             (opener.postMessage(location.href, location.origin)) and call handleRedirect there",
        );
    }
    error
}

/// Replaces the address bar's URL with `url` minus its OAuth data, when `url` is the current
/// location. Errors are ignored: there is nothing to scrub in a worker or a sandboxed frame.
fn scrub_if_current(url: &str) {
    replace_if_current(url, &scrub_url(url));
}

/// Replaces the address bar's URL with `scrubbed` (no reload, no new history entry), when `url`
/// is the current location; nothing happens elsewhere (a worker, a sandboxed frame).
pub(crate) fn replace_if_current(url: &str, scrubbed: &str) {
    if env::current_href().as_deref() != Some(url) {
        return;
    }
    let Ok(window) = env::window() else {
        return;
    };
    let history = env::get(&window, "history");
    let state = env::get(&history, "state");
    let scrubbed = JsValue::from_str(scrubbed);
    let _ = env::call(
        &history,
        "replaceState",
        &[&state, &JsValue::from_str(""), &scrubbed],
    );
}
