//! `GET /me`: the signed-in user.

use alloc::{string::String, vec::Vec};
use serde::{Deserialize, Serialize};

/// The user behind the token (`GET /me`).
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct Me {
    /// User ID.
    #[serde(rename = "ID")]
    pub id: u64,
    /// Public display name.
    pub display_name: String,
    /// Login name.
    pub username: String,
    /// E-mail address; do not trust it unless `email_verified`/`verified`.
    pub email: String,
    /// ID of the user's primary site, if any.
    pub primary_blog: Option<u64>,
    /// URL of the primary site.
    pub primary_blog_url: String,
    /// Interface language, e.g. `en`.
    pub language: String,
    /// The site the token is limited to; `None` for a global token (`false` or `0` on the wire).
    pub token_site_id: Option<u64>,
    /// The token's scopes, always a list (the wire has an array or one string).
    pub token_scope: Vec<String>,
    /// Avatar image URL.
    #[serde(rename = "avatar_URL")]
    pub avatar_url: String,
    /// Public profile URL.
    #[serde(rename = "profile_URL")]
    pub profile_url: String,
    /// Whether the account is verified; false means the e-mail is not to be trusted.
    pub verified: bool,
    /// Whether the e-mail address is verified.
    pub email_verified: bool,
    /// Registration date (ISO 8601).
    pub date: String,
    /// Number of sites the user belongs to.
    pub site_count: u64,
    /// Number of those sites that are visible.
    pub visible_site_count: u64,
}
