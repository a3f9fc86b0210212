//! `GET /oauth2/token-info`: which application and user a token belongs to.

use alloc::{string::String, vec::Vec};
use serde::{Deserialize, Serialize};

use super::lenient;

/// What WordPress.com says about a token; IDs are kept as text (the wire mixes strings and
/// numbers).
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default)]
pub struct TokenInfo {
    /// The application the token was issued to; must equal this client's ID.
    #[serde(deserialize_with = "lenient::string")]
    pub client_id: String,
    /// The user the token acts for.
    #[serde(deserialize_with = "lenient::string")]
    pub user_id: String,
    /// The site the token is limited to; `None` for a global token (`null` or `0`).
    #[serde(deserialize_with = "lenient::opt_id_string")]
    pub blog_id: Option<String>,
    /// The token's scopes, always a list.
    #[serde(deserialize_with = "lenient::scope_list")]
    pub scope: Vec<String>,
}
