//! The way back from WordPress.com: reading the redirect URL, checking it, scrubbing it.

use alloc::{string::String, string::ToString, vec::Vec};

use super::error::{Error, ErrorCode};
use super::form::{decode_component, parse_form};
use super::pending::PendingStates;
use super::text::{cat, cut, has, parse_digits, pieces, split_list};
use super::token::{AccessToken, Token};

/// What an OAuth redirect carried. Its `Debug` shows no token: [`AccessToken`]'s prints
/// `[redacted]`.
#[derive(Clone, Debug, PartialEq)]
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

/// Splits a fragment into the app's route and its form-encoded parameters.
///
/// A hash router owns the fragment and puts its route first: `#/access_token=…`,
/// `#/cb&access_token=…`, `#/cb?access_token=…`, `#!/cb?x=1&access_token=…`. The route is what
/// comes before the first parameter: up to the first `?` or `&`, or, when that first part holds
/// an `=`, up to the last `/` before it. A plain `#access_token=…` has an empty route. The route
/// keeps its delimiter (`?` or `&`), which [`scrub_url`] drops when no parameter is left.
fn split_fragment(fragment: &str) -> (&str, &str) {
    let end = fragment
        .bytes()
        .position(|b| b == b'?' || b == b'&')
        .unwrap_or(fragment.len());
    let head = fragment.get(..end).unwrap_or(fragment);
    let route_end = match cut(head, b'=') {
        Some((key, _)) => key.bytes().rposition(|b| b == b'/').map_or(0, |at| at + 1),
        None => (end + 1).min(fragment.len()),
    };
    match (fragment.get(..route_end), fragment.get(route_end..)) {
        (Some(route), Some(params)) => (route, params),
        _ => ("", fragment),
    }
}

/// What a URL that holds `access_token=` where no redirect puts it gives: it is scrubbed all
/// the same, so a token never stays in the address bar.
const UNREADABLE_TOKEN: &str =
    "the URL holds an access_token the client cannot read (a router may have rewritten the \
     redirect): it was not used; sign in again";

/// Reads the OAuth result from a redirect URL: the fragment (implicit flow; after a hash
/// router's route too, see `split_fragment`) and, for errors, the query string (the code
/// flow's form). `Ok(None)` when the URL holds no OAuth data.
///
/// Duplicate keys, bad encoding, an empty token, non-numeric `expires_in`/`site_id`, and an
/// `access_token=` anywhere else in the query or fragment are refused (`bad_redirect`).
pub fn parse_redirect(url: &str) -> Result<Option<RedirectParams>, Error> {
    let (_, query, fragment) = split_url(url);
    let (query, fragment) = (query.unwrap_or(""), fragment.unwrap_or(""));
    if let Some(found) = parse_part(split_fragment(fragment).1, true)? {
        return Ok(Some(found));
    }
    // Tokens never travel in the query string; only errors do.
    match parse_part(query, false)? {
        None if has(query, "access_token=") || has(fragment, "access_token=") => {
            Err(bad(UNREADABLE_TOKEN))
        }
        found => Ok(found),
    }
}

/// Checks the redirect against the sign-ins pending here and turns it into a [`Token`] or an
/// [`Error`].
///
/// - An OAuth error (`error=access_denied` → `access_denied`; other codes kept) is reported as
///   such whether or not it carries a state, since it grants nothing; its state, when pending,
///   is consumed.
/// - A token: none pending → `state_missing`; no state in the redirect → `state_missing`; a
///   state that matches no pending one → `state_mismatch`, and the pending ones stay. The
///   matching state is consumed. A token whose lifetime is already over is `token_expired`.
pub fn complete_redirect(
    params: RedirectParams,
    pending: &mut PendingStates,
    now_ms: f64,
) -> Result<Token, Error> {
    match params {
        RedirectParams::Error {
            error,
            description,
            state,
        } => {
            if let Some(state) = state {
                pending.take(&state);
            }
            let message = description.unwrap_or_else(|| cat(&["authorization failed: ", &error]));
            Err(Error::new(ErrorCode::from_wire(&error), message))
        }
        RedirectParams::Token {
            access_token,
            expires_in,
            token_type,
            site_id,
            scope,
            state,
        } => {
            if pending.is_empty() {
                return Err(Error::new(ErrorCode::StateMissing, NO_SIGN_IN));
            }
            let Some(state) = state else {
                return Err(Error::new(
                    ErrorCode::StateMissing,
                    "the redirect carries no state",
                ));
            };
            if !pending.take(&state) {
                return Err(Error::new(
                    ErrorCode::StateMismatch,
                    "the redirect's state matches no sign-in started here",
                ));
            }
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

/// The message of `state_missing` when nothing is pending.
pub const NO_SIGN_IN: &str =
    "no sign-in was started here, or its state was already used or has expired (10 minutes)";

/// The URL without its OAuth data, for `history.replaceState`: the OAuth query parameters and
/// fragment parameters go, everything else (a hash router's route, other parameters) stays in
/// order. Anything holding `access_token` that cannot be read goes too.
pub fn scrub_url(url: &str) -> String {
    let (base, query, fragment) = split_url(url);
    let mut out = String::from(base);
    push_kept(&mut out, "?", query.unwrap_or(""));
    if let Some(fragment) = fragment {
        let (route, params) = split_fragment(fragment);
        if !has(route, "access_token") {
            let mut kept = String::new();
            push_kept(&mut kept, "", params);
            let route = if kept.is_empty() {
                route.trim_end_matches(['?', '&'])
            } else {
                route
            };
            if !route.is_empty() || !kept.is_empty() {
                out.push('#');
                out.push_str(route);
                out.push_str(&kept);
            }
        }
    }
    out
}

/// Appends the pieces of `raw` (`k=v&…`) that are not OAuth data, joined by `&`, after `first`.
fn push_kept(out: &mut String, first: &str, raw: &str) {
    let kept = pieces(raw, b'&').filter(|p| !p.is_empty()).filter(|p| {
        let raw_key = cut(p, b'=').map_or(*p, |(k, _)| k);
        let key = decode_component(raw_key).unwrap_or_default();
        !OAUTH_KEYS.contains(&raw_key)
            && !OAUTH_KEYS.contains(&key.as_str())
            && !has(p, "access_token")
    });
    for (i, p) in kept.enumerate() {
        out.push_str(if i == 0 { first } else { "&" });
        out.push_str(p);
    }
}
