//! Connected applications: `disconnect` (the list itself is a plain route helper,
//! `routes::CONNECTED_APPLICATIONS`).
//!
//! Removing this app's own connection revokes the token the client holds, so the client signs
//! its `Auth` out at once ([`super::session::SignOutReason::Disconnected`]) rather than at the next call's
//! `invalid_token`. Which entry is this app's own is known only by its `ID` being the app's
//! client ID: WordPress.com documents `ID` as "the connection's ID" and whether it equals the
//! client ID is unverified (the contract's "Connected Applications"), so `disconnect` without
//! an `id` refuses to guess (`connection_not_found`).

use super::client::{field, Client, Operation};
use super::transport::Done;
use crate::core::error::{connection_not_found, disconnect_unconfirmed};
use crate::core::routes;
use crate::core::{Error, ErrorCode};
use alloc::boxed::Box;
use alloc::string::String;
use wasm_bindgen::JsValue;

impl Client {
    /// Removes a connected application (`POST /me/connected-applications/$ID/delete`) and
    /// resolves with `{ ID, signedOut }` ([`crate::core::models::Disconnected`]).
    ///
    /// `id` is an `ID` from `connectedApplications()`. Without one, the client lists the
    /// connections first and removes the one whose `ID` is this app's client ID; when there is
    /// none it fails with `connection_not_found` (no client ID: `invalid_config`). Errors: those
    /// of the two routes (`unauthorized` when the token's scope may not manage connections,
    /// `unknown_application_access_token`, `invalid_token`…), `invalid_config` for an `id` that
    /// is not letters, digits, `-` and `_`.
    ///
    /// This is the JS surface's path (callbacks, see [`Client::start`]); Rust code awaits
    /// `Client::disconnect`.
    pub fn disconnect_with(&self, id: Option<String>, done: Done) {
        let Some(id) = id else {
            let own = match self.own_client_id() {
                Ok(own) => String::from(own),
                Err(error) => return done(Err(error)),
            };
            let client = self.clone();
            let listed = move |apps: Result<JsValue, Error>| match apps
                .and_then(|apps| own_entry(&apps, &own))
            {
                Ok(id) => client.start(Operation::on_app(&routes::DISCONNECT, id), done),
                Err(error) => done(Err(error)),
            };
            let list = Operation::route(&routes::CONNECTED_APPLICATIONS);
            return self.start(list, Box::new(listed));
        };
        self.start(Operation::on_app(&routes::DISCONNECT, id), done);
    }

    /// The client ID `disconnect` without an `id` looks for (`invalid_config` without one).
    pub(crate) fn own_client_id(&self) -> Result<&str, Error> {
        self.client_id().map_err(|_| {
            Error::new(
                ErrorCode::InvalidConfig,
                "disconnect() without { id } needs the app's clientId, or pass { id } from \
                 connectedApplications()",
            )
        })
    }

    /// The answer of a disconnection, `{"success":true}` normalised: checked, and turned into
    /// `{ ID, signedOut }` after signing the `Auth` out when the entry was this app's own.
    pub(crate) fn disconnected(
        &self,
        operation: &Operation,
        answer: &JsValue,
    ) -> Result<JsValue, Error> {
        if field(answer, "success").as_bool() != Some(true) {
            return Err(disconnect_unconfirmed());
        }
        let id = match operation {
            Operation::Route(call) => call.app_id.as_deref().unwrap_or_default(),
            _ => "",
        };
        let own = self.client_id().is_ok_and(|client_id| client_id == id);
        if own {
            if let Some(auth) = self.auth() {
                auth.disconnected();
            }
        }
        let result = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&result, &"ID".into(), &JsValue::from_str(id));
        let _ = js_sys::Reflect::set(&result, &"signedOut".into(), &JsValue::from_bool(own));
        Ok(result.into())
    }
}

/// The `ID` of the entry of `apps` (the normalised list) that is this app's own: the one whose
/// `ID` is `client_id`; `connection_not_found` when none is.
pub(crate) fn own_entry(apps: &JsValue, client_id: &str) -> Result<String, Error> {
    js_sys::Array::from(apps)
        .iter()
        .filter_map(|app| field(&app, "ID").as_string())
        .find(|id| id == client_id)
        .ok_or_else(|| connection_not_found(client_id))
}
