//! An application password and what it is used with: the user, the site, its API root.

use super::super::form::{encode_pairs, parse_form};
use super::super::text::cat;
use alloc::string::{String, ToString};
use alloc::vec;
use base64ct::{Base64, Encoding};
use core::fmt;

/// An application password. `Debug` prints `AppPassword([redacted])`; there is no `Display`,
/// so the secret only leaves through [`AppPassword::secret`].
#[derive(Clone, PartialEq, Eq)]
pub struct AppPassword(String);

impl AppPassword {
    /// Wraps a password (as WordPress shows it, in groups of four joined by spaces, or not).
    pub fn new(password: impl Into<String>) -> AppPassword {
        AppPassword(password.into())
    }

    /// The password itself, for the `Authorization` header and storage only.
    pub fn secret(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for AppPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AppPassword([redacted])")
    }
}

/// A connection to one WordPress site: the user's application password and where to use it.
/// Its `Debug` shows no secret.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteCredentials {
    /// The REST API root the calls go to (from discovery, never from the redirect).
    pub api_root: String,
    /// The WordPress address the Authorize Application redirect named (`site_url`).
    pub site_url: String,
    /// The user's log-in name (`user_login`).
    pub user_login: String,
    /// The application password.
    pub password: AppPassword,
}

/// Version tag of the storage format.
const STORAGE_VERSION: &str = "1";

impl SiteCredentials {
    /// `Basic base64(user_login:password)` (RFC 7617, UTF-8), the `Authorization` header
    /// WordPress checks application passwords in. Encoded in constant time (`base64ct`).
    pub fn authorization(&self) -> String {
        let pair = cat(&[&self.user_login, ":", self.password.secret()]);
        let mut buffer = vec![0u8; Base64::encoded_len(pair.as_bytes())];
        let encoded = Base64::encode(pair.as_bytes(), &mut buffer).unwrap_or_default();
        cat(&["Basic ", encoded])
    }

    /// The versioned form string kept in storage:
    /// `v=1&api_root=…&site_url=…&user_login=…&password=…`.
    pub fn to_storage_string(&self) -> String {
        encode_pairs(&[
            ("v", STORAGE_VERSION),
            ("api_root", &self.api_root),
            ("site_url", &self.site_url),
            ("user_login", &self.user_login),
            ("password", self.password.secret()),
        ])
    }

    /// Reads what [`SiteCredentials::to_storage_string`] wrote; anything else gives `None`.
    pub fn from_storage_string(s: &str) -> Option<SiteCredentials> {
        let pairs = parse_form(s).ok()?;
        let get = |key: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.to_string())
                .filter(|v| !v.is_empty())
        };
        (get("v")? == STORAGE_VERSION).then_some(())?;
        Some(SiteCredentials {
            api_root: get("api_root")?,
            site_url: get("site_url")?,
            user_login: get("user_login")?,
            password: AppPassword::new(get("password")?),
        })
    }
}
