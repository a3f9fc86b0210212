//! The access token and what is known about it.

use alloc::{string::String, string::ToString, vec::Vec};
use core::fmt;

use super::form::{encode_pairs, parse_form};
use super::text::{join, parse_digits, split_list, u64_text};

/// An OAuth access token. `Debug` prints `AccessToken([redacted])`; there is no `Display`, so
/// the secret only leaves through [`AccessToken::secret`].
#[derive(Clone, PartialEq, Eq)]
pub struct AccessToken(String);

impl AccessToken {
    /// Wraps a token string.
    pub fn new(token: impl Into<String>) -> AccessToken {
        AccessToken(token.into())
    }

    /// The token itself, for the `Authorization` header and storage only.
    pub fn secret(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AccessToken([redacted])")
    }
}

/// A token with its type, absolute expiry, site and scopes. Its `Debug` shows no secret:
/// [`AccessToken`]'s prints `[redacted]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    /// The secret.
    pub access_token: AccessToken,
    /// Always `bearer` on WordPress.com.
    pub token_type: String,
    /// Expiry in milliseconds since the epoch; `None` for tokens that do not expire.
    pub expires_at: Option<f64>,
    /// The site the token is limited to; `None` for a global token (`site_id=0`).
    pub site_id: Option<u64>,
    /// The granted scopes (empty for a single-site token without named scopes).
    pub scope: Vec<String>,
}

/// Version tag of the storage format, so a future format can refuse old strings.
const STORAGE_VERSION: &str = "1";

impl Token {
    /// Whether the token has expired at `now_ms` (an expiry that is not a number counts as
    /// expired, so a corrupt value never keeps a token alive).
    pub fn is_expired(&self, now_ms: f64) -> bool {
        self.expires_at
            .is_some_and(|at| at <= now_ms || at.is_nan())
    }

    /// Milliseconds until expiry (negative once expired); `None` for a token without expiry.
    pub fn ms_until_expiry(&self, now_ms: f64) -> Option<f64> {
        self.expires_at.map(|at| at - now_ms)
    }

    /// Whether this is a WordPress.com Connect token (`scope=auth`), good for `/me` only.
    pub fn is_login_only(&self) -> bool {
        matches!(self.scope.as_slice(), [s] if s == "auth")
    }

    /// The token as a versioned form string for storage:
    /// `v=1&access_token=…&token_type=…&expires_at=…&site_id=…&scope=…`.
    pub fn to_storage_string(&self) -> String {
        let expires_at = match self.expires_at {
            // Whole milliseconds are enough; a negative or NaN expiry is stored as 0 (expired).
            Some(at) if at > 0.0 => u64_text(at as u64),
            Some(_) => String::from("0"),
            None => String::new(),
        };
        let site_id = self.site_id.map(u64_text).unwrap_or_default();
        let scope = join(&self.scope, ' ');
        encode_pairs(&[
            ("v", STORAGE_VERSION),
            ("access_token", self.access_token.secret()),
            ("token_type", &self.token_type),
            ("expires_at", &expires_at),
            ("site_id", &site_id),
            ("scope", &scope),
        ])
    }

    /// Reads a string written by [`Token::to_storage_string`]; anything else gives `None`.
    pub fn from_storage_string(s: &str) -> Option<Token> {
        let pairs = parse_form(s).ok()?;
        let get = |key: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        };
        if get("v")? != STORAGE_VERSION {
            return None;
        }
        let access_token = get("access_token").filter(|t| !t.is_empty())?;
        let token_type = get("token_type").filter(|t| !t.is_empty())?;
        let expires_at = match get("expires_at")? {
            "" => None,
            ms => Some(parse_digits(ms)? as f64),
        };
        let site_id = match get("site_id")? {
            "" => None,
            id => Some(parse_digits(id)?).filter(|id| *id != 0),
        };
        Some(Token {
            access_token: AccessToken::new(access_token),
            token_type: token_type.to_string(),
            expires_at,
            site_id,
            scope: split_list(get("scope")?),
        })
    }
}
