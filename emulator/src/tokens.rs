//! Access tokens: what each one grants, and how they are minted.

use std::fmt;

use rand::Rng;
use serde::{Deserialize, Serialize};

/// Characters of a token. Like real WordPress.com tokens, some of them must be
/// percent-encoded in a URL, which catches clients that forget to decode.
const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789#$^@)!*(";
const SPECIALS: &[u8] = b"#$^@)!*";
const TOKEN_LEN: usize = 64;

/// Which part of the API a token reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// `/me` only (scope `auth`).
    ProfileOnly,
    /// One site (scope empty).
    OneBlog(u64),
    /// Every site of the user (`global` or a list of fine scopes).
    AllSites,
}

/// An issued access token.
#[derive(Clone, Deserialize, Serialize)]
pub struct TokenRecord {
    /// The bearer value itself.
    pub secret: String,
    /// Whose token.
    pub user_id: u64,
    /// Which app it was issued to.
    pub client_id: String,
    /// Scope as asked: `""`, `global`, `auth` or a list of fine scopes.
    pub scope: String,
    /// The site of a single-blog token.
    pub blog_id: Option<u64>,
    /// When it was issued.
    pub issued_at: i64,
    /// When it stops working; `None` never (code-flow tokens).
    pub expires_at: Option<i64>,
    /// Revoked from the connected-applications page.
    #[serde(default)]
    pub revoked: bool,
}

// Never print the secret: logs and panics must not carry tokens.
impl fmt::Debug for TokenRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TokenRecord")
            .field("secret", &"[redacted]")
            .field("user_id", &self.user_id)
            .field("client_id", &self.client_id)
            .field("scope", &self.scope)
            .field("blog_id", &self.blog_id)
            .field("expires_at", &self.expires_at)
            .field("revoked", &self.revoked)
            .finish()
    }
}

impl TokenRecord {
    /// What this token may reach.
    pub fn access(&self) -> Access {
        match (self.scope.as_str(), self.blog_id) {
            ("auth", _) => Access::ProfileOnly,
            (_, Some(blog)) => Access::OneBlog(blog),
            _ => Access::AllSites,
        }
    }

    /// Not revoked and not expired at `now`.
    pub fn is_live(&self, now: i64) -> bool {
        !self.revoked && self.expires_at.map_or(true, |at| at > now)
    }
}

/// A fresh random token with at least a few characters that need percent-encoding.
pub fn new_secret() -> String {
    let mut rng = rand::rng();
    let mut bytes: Vec<u8> = (0..TOKEN_LEN)
        .map(|_| {
            ALPHABET
                .get(rng.random_range(0..ALPHABET.len()))
                .copied()
                .unwrap_or(b'x')
        })
        .collect();
    for _ in 0..3 {
        let at = rng.random_range(0..TOKEN_LEN);
        let special = SPECIALS
            .get(rng.random_range(0..SPECIALS.len()))
            .copied()
            .unwrap_or(b'#');
        if let Some(slot) = bytes.get_mut(at) {
            *slot = special;
        }
    }
    bytes.into_iter().map(char::from).collect()
}

/// A random string for session IDs, nonces and codes (URL- and cookie-safe).
pub fn new_opaque(len: usize) -> String {
    let mut rng = rand::rng();
    (0..len)
        .map(|_| {
            let alphabet = b"abcdefghijklmnopqrstuvwxyz0123456789";
            char::from(
                alphabet
                    .get(rng.random_range(0..alphabet.len()))
                    .copied()
                    .unwrap_or(b'x'),
            )
        })
        .collect()
}

/// The scope parameter of an authorize request, checked.
pub fn normalize_scope(raw: &str) -> Option<String> {
    const FINE: &[&str] = &[
        "users",
        "sites",
        "posts",
        "comments",
        "taxonomy",
        "follow",
        "sharing",
        "notifications",
        "insights",
        "read",
        "stats",
        "media",
        "menus",
        "batch",
        "videos",
    ];
    let parts: Vec<&str> = raw
        .split([' ', ','])
        .filter(|part| !part.is_empty())
        .collect();
    match parts.as_slice() {
        [] => Some(String::new()),
        ["global"] => Some("global".to_owned()),
        ["auth"] => Some("auth".to_owned()),
        fine if fine.iter().all(|p| FINE.contains(p)) => Some(fine.join(" ")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_long_random_and_need_percent_encoding() {
        let a = new_secret();
        let b = new_secret();
        assert_ne!(a, b);
        assert!(a.len() >= 40);
        assert!(a.bytes().any(|c| SPECIALS.contains(&c)), "{a}");
    }

    #[test]
    fn scopes_are_checked() {
        let cases = [
            ("", Some("")),
            ("global", Some("global")),
            ("auth", Some("auth")),
            ("posts,media", Some("posts media")),
            ("global posts", None),
            ("root", None),
        ];
        for (raw, want) in cases {
            assert_eq!(normalize_scope(raw).as_deref(), want, "{raw}");
        }
    }

    #[test]
    fn debug_output_hides_the_secret() {
        let token = TokenRecord {
            secret: "s3cr3t#value".to_owned(),
            user_id: 1,
            client_id: "1".to_owned(),
            scope: "global".to_owned(),
            blog_id: None,
            issued_at: 0,
            expires_at: None,
            revoked: false,
        };
        assert!(!format!("{token:?}").contains("s3cr3t"));
    }
}
