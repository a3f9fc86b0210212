//! `GET /me`: the signed-in user.

use alloc::{string::String, vec::Vec};
use serde::{Deserialize, Serialize};

use super::lenient;

/// The user behind the token (`GET /me`).
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default)]
pub struct Me {
    /// User ID.
    #[serde(rename = "ID", deserialize_with = "lenient::u64")]
    pub id: u64,
    /// Public display name.
    #[serde(deserialize_with = "lenient::string")]
    pub display_name: String,
    /// Login name.
    #[serde(deserialize_with = "lenient::string")]
    pub username: String,
    /// E-mail address; do not trust it unless `email_verified`/`verified`.
    #[serde(deserialize_with = "lenient::string")]
    pub email: String,
    /// ID of the user's primary site, if any.
    #[serde(deserialize_with = "lenient::opt_id")]
    pub primary_blog: Option<u64>,
    /// URL of the primary site.
    #[serde(deserialize_with = "lenient::string")]
    pub primary_blog_url: String,
    /// Interface language, e.g. `en`.
    #[serde(deserialize_with = "lenient::string")]
    pub language: String,
    /// The site the token is limited to; `None` for a global token (`false` or `0` on the wire).
    #[serde(deserialize_with = "lenient::opt_id")]
    pub token_site_id: Option<u64>,
    /// The token's scopes, always a list (the wire has an array or one string).
    #[serde(deserialize_with = "lenient::scope_list")]
    pub token_scope: Vec<String>,
    /// Avatar image URL.
    #[serde(rename = "avatar_URL", deserialize_with = "lenient::string")]
    pub avatar_url: String,
    /// Public profile URL.
    #[serde(rename = "profile_URL", deserialize_with = "lenient::string")]
    pub profile_url: String,
    /// Whether the account is verified; false means the e-mail is not to be trusted.
    #[serde(deserialize_with = "lenient::bool")]
    pub verified: bool,
    /// Whether the e-mail address is verified.
    #[serde(deserialize_with = "lenient::bool")]
    pub email_verified: bool,
    /// Registration date (ISO 8601).
    #[serde(deserialize_with = "lenient::string")]
    pub date: String,
    /// Number of sites the user belongs to.
    #[serde(deserialize_with = "lenient::u64")]
    pub site_count: u64,
    /// Number of those sites that are visible.
    #[serde(deserialize_with = "lenient::u64")]
    pub visible_site_count: u64,
}
