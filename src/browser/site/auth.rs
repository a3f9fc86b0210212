//! Connecting a WordPress site with an application password, in the browser: WordPress core's
//! Authorize Application flow ([`crate::core::site::connect`]) with a single-use state, the
//! password kept in the app's storage and scrubbed from the address bar.

use super::super::auth::replace_if_current;
use super::super::env;
use super::super::popup::{self, Flow, PopupOptions};
use super::super::storage::{Slot, Storage, Store};
use super::super::Done;
use crate::core::answers_connect;
use crate::core::site::connect::{
    build_connect_url, complete_connect, is_uuid, parse_connect_redirect, pending_payload,
    scrub_connect_url, ConnectRequest,
};
use crate::core::site::{SiteCredentials, WordPressSite};
use crate::core::text::cat;
use crate::core::{Error, ErrorCode, PendingStates};
use alloc::boxed::Box;
use alloc::rc::Rc;
use alloc::string::String;

/// What an app tells WordPress about itself, and how the connection is kept.
#[derive(Clone, Debug)]
pub struct SiteAuthConfig {
    /// The site from [`super::discover_site`]; needed to start a connection
    /// ([`SiteAuth::authorize_url`]), not to finish one or to use it.
    pub site: Option<WordPressSite>,
    /// The app's name: the user sees it on the site, and the password is named after it.
    pub app_name: String,
    /// The app's UUID, lowercase (`crypto.randomUUID()` once, then fixed): WordPress files the
    /// password under it; the storage keys are named after it.
    pub app_id: String,
    /// Where the user comes back after approving (an http(s) URL of the app).
    pub success_url: String,
    /// Where the user comes back after rejecting; `None`: `success_url`.
    pub reject_url: Option<String>,
    /// Where the password and the pending states are kept (as for `Auth`).
    pub storage: Storage,
}

impl SiteAuthConfig {
    /// A configuration with session storage and no site yet.
    pub fn new(
        app_name: impl Into<String>,
        app_id: impl Into<String>,
        success_url: impl Into<String>,
    ) -> SiteAuthConfig {
        SiteAuthConfig {
            site: None,
            app_name: app_name.into(),
            app_id: app_id.into(),
            success_url: success_url.into(),
            reject_url: None,
            storage: Storage::Auto,
        }
    }
}

/// The connection of one app (its `app_id`) to one WordPress site; clones share it.
#[derive(Clone, Debug)]
pub struct SiteAuth(Rc<Inner>);

#[derive(Debug)]
struct Inner {
    config: SiteAuthConfig,
    store: Rc<Store>,
}

/// A connected site, without the password.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Connection {
    /// The WordPress address the site named (`site_url`).
    pub site_url: String,
    /// The user's log-in name.
    pub user_login: String,
    /// The REST API root the calls go to.
    pub api_root: String,
}

impl SiteAuth {
    /// Checks `config` and opens its storage: `invalid_config` for an empty app name or an app
    /// id that is not a lowercase UUID; `unsupported` for Web Storage where there is none.
    /// The storage keys are `wpcom-wasm:site:<appId>:token` and `…:state`.
    pub fn new(config: SiteAuthConfig) -> Result<SiteAuth, Error> {
        if config.app_name.trim_ascii().is_empty() || !is_uuid(&config.app_id) {
            return Err(Error::new(
                ErrorCode::InvalidConfig,
                "appName and appId are required; appId is a lowercase UUID (make one once with \
                 crypto.randomUUID())",
            ));
        }
        let store = Rc::new(Store::new(
            config.storage.clone(),
            &cat(&["site:", &config.app_id]),
        )?);
        Ok(SiteAuth(Rc::new(Inner { config, store })))
    }

    /// The site this `SiteAuth` connects, if it was given one.
    pub fn site(&self) -> Option<&WordPressSite> {
        self.0.config.site.as_ref()
    }

    /// A fresh Authorize Application URL on the site to send the user to. Its state (256
    /// random bits, single-use, valid 10 minutes) is stored with the site before this returns.
    ///
    /// `invalid_config` without a site, or for success/reject URLs the flow cannot use
    /// ([`build_connect_url`]).
    pub fn authorize_url(&self) -> Result<String, Error> {
        self.begin().map(|(url, _)| url)
    }

    /// [`SiteAuth::authorize_url`] and its state.
    fn begin(&self) -> Result<(String, String), Error> {
        let config = &self.0.config;
        let site = config.site.as_ref().ok_or_else(|| {
            Error::new(
                ErrorCode::InvalidConfig,
                "connecting needs the site: new SiteAuth({ site: await discoverSite(address), … })",
            )
        })?;
        let state = env::random_state()?;
        let url = build_connect_url(&ConnectRequest {
            authorization_url: &site.authorization_url,
            app_name: &config.app_name,
            app_id: &config.app_id,
            success_url: &config.success_url,
            reject_url: config.reject_url.as_deref(),
            state: &state,
        })?;
        let payload = pending_payload(&site.api_root, &site.url);
        self.update_pending(|pending, now| pending.add_with(&state, now, &payload));
        Ok((url, state))
    }

    /// Connects in a popup: opens the site's Authorize Application page in a new window before
    /// this returns, then calls `done` once with the connection (the password stored, as by
    /// [`SiteAuth::handle_redirect`]) or the error: `popup_blocked`, `popup_closed`, `timeout`,
    /// `aborted`, `unsupported` (as for `Auth`'s popup, [`crate::browser::popup`]),
    /// `access_denied` when the user clicks "No thanks", and the other errors of
    /// `handle_redirect`.
    ///
    /// `success_url` (and `reject_url`) must be a page that calls `popupCallback()`, such as
    /// the package's `callback.html`; it forwards the URL, password included, to this window
    /// only (this origin, or its same-origin `BroadcastChannel`), and scrubs its own address.
    pub fn sign_in_with_popup_then(&self, options: PopupOptions, done: Done<Connection>) {
        let auth = self.clone();
        let flow = Flow {
            begin: || self.begin(),
            answers: answers_connect,
            complete: move |url: &str| auth.handle_redirect(url),
        };
        popup::run(flow, options, done);
    }

    /// Completes the connection from the URL the site sent the user back to.
    ///
    /// `Ok(None)` when `url` is not such a redirect. Otherwise the flow's parameters (the
    /// password among them) are scrubbed from the address bar when `url` is the current one,
    /// whatever the outcome, and the redirect is checked ([`complete_connect`]: `access_denied`,
    /// `state_missing`, `state_mismatch`, `site_mismatch`, `bad_redirect`,
    /// `application_passwords_unavailable`). On success the password is stored, replacing any
    /// earlier one.
    pub fn handle_redirect(&self, url: &str) -> Result<Option<Connection>, Error> {
        let parsed = parse_connect_redirect(url);
        if matches!(parsed, Ok(None)) {
            return Ok(None);
        }
        replace_if_current(url, &scrub_connect_url(url));
        let Some(redirect) = parsed? else {
            return Ok(None);
        };
        let credentials = self.update_pending(|pending, _| complete_connect(redirect, pending))?;
        self.0
            .store
            .put(Slot::Token, Some(&credentials.to_storage_string()));
        Ok(Some(connection(&credentials)))
    }

    /// Runs `change` on the pending connections (expired ones dropped) and stores the rest.
    fn update_pending<T>(&self, change: impl FnOnce(&mut PendingStates, f64) -> T) -> T {
        let store = &self.0.store;
        let now = env::now_ms();
        let mut pending = PendingStates::parse(store.get(Slot::State).as_deref(), now);
        let result = change(&mut pending, now);
        store.put(Slot::State, pending.to_storage_string().as_deref());
        result
    }

    /// The stored credentials, password included (for [`super::SiteClient`]); `None` when not
    /// connected.
    pub fn credentials(&self) -> Option<SiteCredentials> {
        let stored = self.0.store.get(Slot::Token)?;
        SiteCredentials::from_storage_string(&stored)
    }

    /// The connected site and user, or `None`.
    pub fn connection(&self) -> Option<Connection> {
        self.credentials().as_ref().map(connection)
    }

    /// Forgets the password and the pending connections here, without revoking it on the site
    /// (`SiteClient::disconnect` revokes it first).
    pub fn forget(&self) {
        self.0.store.put(Slot::Token, None);
        self.0.store.put(Slot::State, None);
    }

    /// Drops the stored password after the site refused it (`credentials_refused`).
    pub(crate) fn refused(&self) {
        self.0.store.put(Slot::Token, None);
    }

    /// Loads the storage of an asynchronous adapter (a no-op for the others); `done` then gets
    /// the connection, if any.
    pub fn restore_with(&self, done: Done<Option<Connection>>) {
        let auth = self.clone();
        self.0.store.load(Box::new(move |loaded| {
            done(loaded.map(|()| auth.connection()))
        }));
    }
}

/// The connection of `credentials`, without the password.
fn connection(credentials: &SiteCredentials) -> Connection {
    Connection {
        site_url: credentials.site_url.clone(),
        user_login: credentials.user_login.clone(),
        api_root: credentials.api_root.clone(),
    }
}
