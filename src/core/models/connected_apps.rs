//! Connected applications: the apps a user authorized, as WordPress.com's
//! `GET /me/connected-applications` lists them, and the answer of `disconnect`.

use alloc::{string::String, vec::Vec};
use serde::{Deserialize, Serialize};

/// One app the user connected to their WordPress.com account (the support page "Connected
/// Applications"). Both spellings of the contract read the same: `ID` or `connection_ID` (a
/// number, kept as text), `site` or `blog`.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct ConnectedApplication {
    /// The connection's ID, as text: what `disconnect` takes. Whether it equals the app's
    /// client ID is not known for WordPress.com (the emulator uses the client ID).
    #[serde(rename = "ID")]
    pub id: String,
    /// The app's name.
    pub title: String,
    /// The app's home page.
    #[serde(rename = "URL")]
    pub url: String,
    /// When the user authorized it (ISO 8601).
    pub authorized: String,
    /// What the app says it does.
    pub description: String,
    /// The app's icon URL.
    pub icon: String,
    /// The token's scope: `"global"`, `"auth"`, `""` (one site) or finer scopes.
    pub scope: String,
    /// The site of a one-site connection; `None` (`false` on the wire) otherwise.
    pub site: Option<ConnectedSite>,
    /// What the app may do.
    pub permissions: Vec<Permission>,
}

/// The site a one-site connection reaches.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct ConnectedSite {
    /// The site's ID, as text (a string or a number on the wire).
    #[serde(rename = "site_ID")]
    pub site_id: String,
    /// The site's URL.
    #[serde(rename = "site_URL")]
    pub site_url: String,
    /// The site's name (`""` where WordPress.com sent `false`).
    pub site_name: String,
}

/// One permission of a connected application.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct Permission {
    /// Its name, e.g. `global`.
    pub name: String,
    /// What it allows, for people.
    pub description: String,
}

/// What `disconnect` did: this is the client's own answer, not WordPress.com's
/// (`{"success":true}`).
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
pub struct Disconnected {
    /// The ID of the connected application removed.
    #[serde(rename = "ID")]
    pub id: String,
    /// Whether it was this app's own entry (its `ID` is this app's client ID): then this
    /// client's token no longer works, and its `Auth`, if any, was signed out (reason
    /// `disconnected`).
    #[serde(rename = "signedOut")]
    pub signed_out: bool,
}
