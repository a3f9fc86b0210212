//! `GET /oauth2/token-info`: which application and user a token belongs to.

use alloc::{string::String, vec::Vec};
use serde::{Deserialize, Serialize};

/// What WordPress.com says about a token; IDs are kept as text (the wire mixes strings and
/// numbers).
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct TokenInfo {
    /// The application the token was issued to; must equal this client's ID.
    pub client_id: String,
    /// The user the token acts for.
    pub user_id: String,
    /// The site the token is limited to; `None` for a global token (`null` or `0`).
    pub blog_id: Option<String>,
    /// The token's scopes, always a list.
    pub scope: Vec<String>,
}
