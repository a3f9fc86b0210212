//! The way back from WordPress.com: reading the redirect URL, checking it, scrubbing it.

use alloc::{string::String, string::ToString, vec::Vec};
use core::fmt;

use super::error::{Error, ErrorCode};
use super::form::{decode_component, parse_form};
use super::text::{cat, cut, parse_digits, pieces, split_list};
use super::token::{AccessToken, Token};

/// What an OAuth redirect carried.
#[derive(Clone, PartialEq)]
pub enum RedirectParams {
    /// A token was granted.
    Token {
        /// The secret.
        access_token: AccessToken,
        /// Lifetime in seconds, if given.
        expires_in: Option<u64>,
        /// Token type (`bearer` when absent).
        token_type: String,
        /// The site the token is limited to; `None` for global (`0`).
        site_id: Option<u64>,
        /// Granted scopes.
        scope: Vec<String>,
        /// The echoed state; `None` when absent or empty.
        state: Option<String>,
    },
    /// WordPress.com reported an error.
    Error {
        /// OAuth error code, e.g. `access_denied`.
        error: String,
        /// Human-readable text, if any.
        description: Option<String>,
        /// The echoed state; `None` when absent or empty.
        state: Option<String>,
    },
}

impl fmt::Debug for RedirectParams {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RedirectParams::Token {
                access_token,
                expires_in,
                token_type,
                site_id,
                scope,
                state,
            } => f
                .debug_struct("Token")
                .field("access_token", access_token)
                .field("expires_in", expires_in)
                .field("token_type", token_type)
                .field("site_id", site_id)
                .field("scope", scope)
                .field("state", state)
                .finish(),
            RedirectParams::Error {
                error,
                description,
                state,
            } => f
                .debug_struct("Error")
                .field("error", error)
                .field("description", description)
                .field("state", state)
                .finish(),
        }
    }
}

/// The parameters the redirect may carry; [`scrub_url`] removes them from the address bar.
const OAUTH_KEYS: [&str; 9] = [
    "access_token",
    "error",
    "error_description",
    "state",
    "code",
    "expires_in",
    "token_type",
    "site_id",
    "scope",
];

/// Whether a raw `k=v&…` string names `access_token` or `error` (checked without decoding, so
/// a malformed string that is not OAuth data is not reported as a bad redirect).
fn names_oauth_key(raw: &str) -> bool {
    pieces(raw, b'&').any(|p| {
        let key = cut(p, b'=').map_or(p, |(k, _)| k);
        key == "access_token" || key == "error"
    })
}

/// Parses `raw` when it holds OAuth data: `Ok(None)` if it holds none.
fn parse_part(raw: &str, tokens_allowed: bool) -> Result<Option<RedirectParams>, Error> {
    let pairs = match parse_form(raw) {
        Ok(pairs) => pairs,
        Err(e) if names_oauth_key(raw) => return Err(e),
        Err(_) => return Ok(None),
    };
    let get = |key: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    let state = get("state").filter(|s| !s.is_empty()).map(String::from);
    // An error wins over a token sent alongside it: never use a token the server disowned.
    if let Some(error) = get("error") {
        if error.is_empty() {
            return Err(bad("the redirect has an empty error code"));
        }
        return Ok(Some(RedirectParams::Error {
            error: error.to_string(),
            description: get("error_description")
                .filter(|d| !d.is_empty())
                .map(String::from),
            state,
        }));
    }
    let Some(access_token) = get("access_token").filter(|_| tokens_allowed) else {
        return Ok(None);
    };
    if access_token.is_empty() {
        return Err(bad("the redirect has an empty access_token"));
    }
    Ok(Some(RedirectParams::Token {
        access_token: AccessToken::new(access_token),
        expires_in: number(get("expires_in"), "expires_in is not a number")?,
        token_type: get("token_type")
            .filter(|t| !t.is_empty())
            .unwrap_or("bearer")
            .to_string(),
        site_id: number(get("site_id"), "site_id is not a number")?.filter(|id| *id != 0),
        scope: split_list(get("scope").unwrap_or("")),
        state,
    }))
}

/// An optional numeric parameter: absent or empty is `None`, anything but digits is refused.
fn number(value: Option<&str>, message: &str) -> Result<Option<u64>, Error> {
    match value {
        None | Some("") => Ok(None),
        Some(v) => parse_digits(v).map(Some).ok_or_else(|| bad(message)),
    }
}

fn bad(message: &str) -> Error {
    Error::new(ErrorCode::BadRedirect, message)
}

/// Splits a URL into (before `?`, query, fragment), each without its delimiter.
fn split_url(url: &str) -> (&str, Option<&str>, Option<&str>) {
    let (rest, fragment) = match cut(url, b'#') {
        Some((r, f)) => (r, Some(f)),
        None => (url, None),
    };
    match cut(rest, b'?') {
        Some((base, query)) => (base, Some(query), fragment),
        None => (rest, None, fragment),
    }
}

/// Reads the OAuth result from a redirect URL: the fragment (implicit flow) and, for errors,
/// the query string (the code flow's form). `Ok(None)` when the URL holds no OAuth data.
///
/// Duplicate keys, bad encoding, an empty token and non-numeric `expires_in`/`site_id` are
/// refused (`bad_redirect`).
pub fn parse_redirect(url: &str) -> Result<Option<RedirectParams>, Error> {
    let (_, query, fragment) = split_url(url);
    if let Some(found) = parse_part(fragment.unwrap_or(""), true)? {
        return Ok(Some(found));
    }
    // Tokens never travel in the query string; only errors do.
    parse_part(query.unwrap_or(""), false)
}

/// Compares two states in time that depends only on their length.
fn same_state(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// Checks the state and turns the redirect into a [`Token`] or an [`Error`].
///
/// State is checked first, so a forged error redirect is reported as the forgery it is:
/// nothing stored or nothing returned → `state_missing`; different → `state_mismatch`. Then
/// `error=access_denied` → `access_denied` and other OAuth errors keep their code. A token
/// whose lifetime is already over is refused (`token_expired`).
pub fn complete_redirect(
    params: RedirectParams,
    expected_state: Option<&str>,
    now_ms: f64,
) -> Result<Token, Error> {
    let returned = match &params {
        RedirectParams::Token { state, .. } | RedirectParams::Error { state, .. } => state,
    };
    let Some(expected) = expected_state else {
        return Err(Error::new(
            ErrorCode::StateMissing,
            "no sign-in was started here, or its state was already used",
        ));
    };
    let Some(returned) = returned else {
        return Err(Error::new(
            ErrorCode::StateMissing,
            "the redirect carries no state",
        ));
    };
    if !same_state(expected, returned) {
        return Err(Error::new(
            ErrorCode::StateMismatch,
            "the redirect's state does not match this sign-in",
        ));
    }
    match params {
        RedirectParams::Error {
            error, description, ..
        } => {
            let message = description.unwrap_or_else(|| cat(&["authorization failed: ", &error]));
            Err(Error::new(ErrorCode::from_wire(&error), message))
        }
        RedirectParams::Token {
            access_token,
            expires_in,
            token_type,
            site_id,
            scope,
            ..
        } => {
            let token = Token {
                access_token,
                token_type,
                expires_at: expires_in.map(|s| now_ms + s as f64 * 1000.0),
                site_id,
                scope,
            };
            if token.is_expired(now_ms) {
                return Err(Error::new(
                    ErrorCode::TokenExpired,
                    "the token has already expired",
                ));
            }
            Ok(token)
        }
    }
}

/// The URL without its fragment and without the OAuth query parameters, for
/// `history.replaceState`; other query parameters stay, in order.
pub fn scrub_url(url: &str) -> String {
    let (base, query, _) = split_url(url);
    let mut out = String::from(base);
    let kept = pieces(query.unwrap_or(""), b'&')
        .filter(|p| !p.is_empty())
        .filter(|p| {
            let raw = cut(p, b'=').map_or(*p, |(k, _)| k);
            let key = decode_component(raw).unwrap_or_default();
            !OAUTH_KEYS.contains(&raw) && !OAUTH_KEYS.contains(&key.as_str())
        });
    for (i, p) in kept.enumerate() {
        out.push(if i == 0 { '?' } else { '&' });
        out.push_str(p);
    }
    out
}
