//! WordPress core's Authorize Application flow, the application-password counterpart of an OAuth
//! redirect: the app sends the user to `/wp-admin/authorize-application.php`, the user approves,
//! the site sends them back to `success_url` with `site_url`, `user_login` and `password`.
//!
//! The flow has no `state` of its own, so the client carries a single-use one in `success_url`
//! (and in `reject_url`), kept with the site it was for (`crate::core::PendingStates`'
//! payload). Where the parameters land depends on how the site redirects:
//! - core's page script appends `?`/`&site_url=…&user_login=…&password=…` (`encodeURIComponent`:
//!   `%20` in the password) to `success_url` as a string, so they land **after** a `#fragment`,
//!   in it. The client gives a `success_url` without one an empty `#`, so the password stays in
//!   the fragment: it never reaches the app's server, its logs or a `Referer`.
//! - the no-JavaScript form (`add_query_arg`, PHP's `urlencode`: `+`) puts them in the query,
//!   before the fragment.
//! - a rejection goes to `reject_url` as given (the client adds `success=false` and the state to
//!   it), or to `success_url` + `success=false`; "application passwords unavailable" pages link
//!   to `reject_url` + `error=disabled`.

use super::super::error::{Error, ErrorCode};
use super::super::form::{decode_component, encode_pairs, parse_form, push_pair};
use super::super::pending::PendingStates;
use super::super::redirect::NO_SIGN_IN;
use super::super::text::{cat, cut, pieces, trim_slashes};
use super::super::url::is_absolute_http;
use super::credentials::{AppPassword, SiteCredentials};
use alloc::{string::String, vec::Vec};

/// The parameters the flow adds to the app's URLs; [`scrub_connect_url`] removes them.
const KEYS: [&str; 6] = [
    "state",
    "site_url",
    "user_login",
    "password",
    "success",
    "error",
];

/// Everything the Authorize Application URL is made of.
#[derive(Clone, Copy, Debug)]
pub struct ConnectRequest<'a> {
    /// The site's Authorize Application page, from discovery.
    pub authorization_url: &'a str,
    /// The name the user sees, and the application password's name.
    pub app_name: &'a str,
    /// The app's UUID (lowercase, as `crypto.randomUUID()` makes it): WordPress files the
    /// password under it.
    pub app_id: &'a str,
    /// Where the user comes back after approving (an http(s) URL of the app).
    pub success_url: &'a str,
    /// Where the user comes back after rejecting; `None`: `success_url` with `success=false`.
    pub reject_url: Option<&'a str>,
    /// The single-use state (at least 22 characters).
    pub state: &'a str,
}

/// Whether `s` is a UUID as WordPress's `wp_is_uuid` accepts it: 8-4-4-4-12 lowercase hex.
pub fn is_uuid(s: &str) -> bool {
    s.len() == 36
        && s.bytes().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_digit() || (b'a'..=b'f').contains(&b),
        })
}

/// `invalid_config` with `message`.
fn invalid(message: &str) -> Error {
    Error::new(ErrorCode::InvalidConfig, message)
}

/// Builds the Authorize Application URL:
/// `authorization_url?app_name=…&app_id=…&success_url=…?state=…#&reject_url=…`.
///
/// `invalid_config` for an empty app name, an app id that is not a lowercase UUID, success or
/// reject URLs that are not http(s) or already hold the flow's parameters, or a short state.
pub fn build_connect_url(req: &ConnectRequest) -> Result<String, Error> {
    if !is_absolute_http(req.authorization_url) {
        return Err(invalid(
            "the site's authorizationUrl must be an http(s) URL",
        ));
    }
    if req.app_name.trim_ascii().is_empty() {
        return Err(invalid("appName is required: the user sees it on the site"));
    }
    if !is_uuid(req.app_id) {
        return Err(invalid(
            "appId must be a lowercase UUID (make one once with crypto.randomUUID())",
        ));
    }
    if req.state.len() < super::super::authorize::MIN_STATE_LEN {
        return Err(invalid("state must be at least 22 characters (128 bits)"));
    }
    let success = with_params(req.success_url, &[("state", req.state)], true)?;
    let reject = match req.reject_url {
        Some(url) => Some(with_params(
            url,
            &[("state", req.state), ("success", "false")],
            false,
        )?),
        None => None,
    };
    let mut query = String::new();
    push_pair(&mut query, "app_name", req.app_name);
    push_pair(&mut query, "app_id", req.app_id);
    push_pair(&mut query, "success_url", &success);
    if let Some(reject) = &reject {
        push_pair(&mut query, "reject_url", reject);
    }
    let (base, existing) = cut(req.authorization_url, b'?').unwrap_or((req.authorization_url, ""));
    let sep = if existing.is_empty() { "" } else { "&" };
    Ok(cat(&[base, "?", existing, sep, &query]))
}

/// `url` with `params` added to its query (before any fragment), and an empty fragment when it
/// has none and `fragment` is set. Refuses a URL that already holds one of the flow's keys.
fn with_params(url: &str, params: &[(&str, &str)], fragment: bool) -> Result<String, Error> {
    if !is_absolute_http(url) {
        return Err(invalid(
            "successUrl and rejectUrl must be absolute http(s) URLs",
        ));
    }
    let (rest, hash) = match cut(url, b'#') {
        Some((rest, hash)) => (rest, Some(hash)),
        None => (url, None),
    };
    let (base, query) = cut(rest, b'?').unwrap_or((rest, ""));
    if !ours(query).is_empty() || hash.is_some_and(|h| !ours(h).is_empty()) {
        return Err(invalid(
            "successUrl and rejectUrl must not hold state, site_url, user_login, password, \
             success or error: the flow adds them",
        ));
    }
    let mut out = cat(&[base, "?", query]);
    if !query.is_empty() {
        out.push('&');
    }
    out.push_str(&encode_pairs(params));
    match hash {
        Some(hash) => out.push_str(&cat(&["#", hash])),
        None if fragment => out.push('#'),
        None => {}
    }
    Ok(out)
}

/// The pieces of `part` (a query, or a fragment after an app's route) that are the flow's:
/// `(raw key, raw value)`. A fragment's pieces are split on `&`, and on a `?` inside a piece
/// (a hash router's `#/route?x=1`).
fn ours(part: &str) -> Vec<(&str, &str)> {
    pieces(part, b'&')
        .flat_map(|piece| {
            let tail = cut(piece, b'?').map(|(_, tail)| tail);
            [Some(piece), tail].into_iter().flatten()
        })
        .filter_map(|piece| {
            let (key, value) = cut(piece, b'=').unwrap_or((piece, ""));
            KEYS.contains(&key).then_some((key, value))
        })
        .collect()
}

/// What the Authorize Application redirect carried.
#[derive(Clone, Debug, PartialEq)]
pub enum ConnectRedirect {
    /// The user approved: the password. Its `Debug` shows no secret.
    Approved {
        /// The echoed state; `None` when absent.
        state: Option<String>,
        /// The WordPress address, as the site names itself.
        site_url: String,
        /// The user's log-in name.
        user_login: String,
        /// The new application password.
        password: AppPassword,
    },
    /// The user rejected (`success=false`), or the site offers no application passwords
    /// (`error=disabled`).
    Rejected {
        /// The echoed state; `None` when absent.
        state: Option<String>,
        /// `error=disabled`: the site's "application passwords are not available" page.
        unavailable: bool,
    },
}

/// Reads an Authorize Application redirect from `url`, wherever its parameters landed (query,
/// or fragment after the app's own). `Ok(None)` when the URL is not one (no `site_url`,
/// `user_login`, `password`, nor `success=false`).
///
/// `bad_redirect` for a parameter given twice (also once in the query and once in the
/// fragment), bad encoding, or an approval that lacks one of its three values. The password
/// may be in either form WordPress sends: `%20` or `+` between its groups.
pub fn parse_connect_redirect(url: &str) -> Result<Option<ConnectRedirect>, Error> {
    let (rest, fragment) = cut(url, b'#').unwrap_or((url, ""));
    let query = cut(rest, b'?').map_or("", |(_, q)| q);
    let mut found: Vec<(&str, String)> = Vec::new();
    for (key, raw) in ours(query).into_iter().chain(ours(fragment)) {
        if found.iter().any(|(k, _)| *k == key) {
            return Err(bad(&cat(&["duplicate parameter: ", key])));
        }
        found.push((key, decode_component(raw)?));
    }
    let get = |key: &str| {
        found
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    };
    let state = get("state").map(String::from);
    if get("success") == Some("false") {
        return Ok(Some(ConnectRedirect::Rejected {
            state,
            unavailable: get("error") == Some("disabled"),
        }));
    }
    let credentials = [get("site_url"), get("user_login"), get("password")];
    match credentials {
        [None, None, None] => Ok(None),
        [Some(site_url), Some(user_login), Some(password)] => Ok(Some(ConnectRedirect::Approved {
            state,
            site_url: String::from(site_url),
            user_login: String::from(user_login),
            password: AppPassword::new(password),
        })),
        _ => Err(bad(
            "the redirect lacks site_url, user_login or password: connect again",
        )),
    }
}

fn bad(message: &str) -> Error {
    Error::new(ErrorCode::BadRedirect, message)
}

/// The payload kept with a pending state: the site the user was sent to.
pub fn pending_payload(api_root: &str, site_url: &str) -> String {
    encode_pairs(&[("api_root", api_root), ("site_url", site_url)])
}

/// Checks the redirect against the connections pending here and turns it into credentials.
///
/// - Rejected → `access_denied` (or `application_passwords_unavailable` for `error=disabled`);
///   its state, when pending, is consumed.
/// - Approved: none pending or no state → `state_missing`; a state that matches none →
///   `state_mismatch` (the pending ones stay); the matching state is consumed, then a
///   `site_url` that is not the site it was for → `site_mismatch`. The password is never in a
///   message.
pub fn complete_connect(
    redirect: ConnectRedirect,
    pending: &mut PendingStates,
) -> Result<SiteCredentials, Error> {
    match redirect {
        ConnectRedirect::Rejected { state, unavailable } => {
            if let Some(state) = state {
                pending.take(&state);
            }
            Err(if unavailable {
                Error::new(
                    ErrorCode::ApplicationPasswordsUnavailable,
                    "the site says application passwords are not available for this account",
                )
            } else {
                Error::new(
                    ErrorCode::AccessDenied,
                    "the user did not approve the connection on the site",
                )
            })
        }
        ConnectRedirect::Approved {
            state,
            site_url,
            user_login,
            password,
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
            let Some(payload) = pending.take_with(&state) else {
                return Err(Error::new(
                    ErrorCode::StateMismatch,
                    "the redirect's state matches no connection started here",
                ));
            };
            let pairs = parse_form(&payload).unwrap_or_default();
            let sent = |key: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| k == key)
                    .map_or("", |(_, v)| v.as_str())
            };
            let (api_root, expected) = (sent("api_root"), sent("site_url"));
            if api_root.is_empty() || !same_site(&site_url, expected) {
                return Err(Error::new(
                    ErrorCode::SiteMismatch,
                    cat(&[
                        "the redirect names the site ",
                        &site_url,
                        ", not ",
                        expected,
                        " where the user was sent: it was not used",
                    ]),
                ));
            }
            Ok(SiteCredentials {
                api_root: String::from(api_root),
                site_url,
                user_login,
                password,
            })
        }
    }
}

/// Whether two WordPress addresses name one site: host and path compared, the scheme ignored
/// (a site whose address is `http://` may run its admin over https, and name itself so), the
/// host without regard to case, trailing slashes ignored.
pub fn same_site(a: &str, b: &str) -> bool {
    let ((host_a, path_a), (host_b, path_b)) = (host_and_path(a), host_and_path(b));
    !host_a.is_empty() && host_a.eq_ignore_ascii_case(host_b) && path_a == path_b
}

/// The host and path of an address, without scheme and trailing slashes.
fn host_and_path(url: &str) -> (&str, &str) {
    let url = trim_slashes(url);
    let rest = cut(url, b':').map_or(url, |(_, rest)| rest.trim_start_matches('/'));
    let at = rest.bytes().position(|c| c == b'/').unwrap_or(rest.len());
    (rest.get(..at).unwrap_or(""), rest.get(at..).unwrap_or(""))
}

/// The URL without the flow's parameters, for `history.replaceState`: they go from the query
/// and from the fragment, everything else stays in order; an emptied query or fragment goes.
pub fn scrub_connect_url(url: &str) -> String {
    let (rest, fragment) = match cut(url, b'#') {
        Some((rest, fragment)) => (rest, Some(fragment)),
        None => (url, None),
    };
    let (base, query) = match cut(rest, b'?') {
        Some((base, query)) => (base, Some(query)),
        None => (rest, None),
    };
    let mut out = String::from(base);
    let query = kept(query.unwrap_or(""));
    if !query.is_empty() {
        out.push('?');
        out.push_str(&query);
    }
    let fragment = kept(fragment.unwrap_or(""));
    if !fragment.is_empty() {
        out.push('#');
        out.push_str(&fragment);
    }
    out
}

/// `part` without the flow's pieces (see [`ours`]), joined as they were.
fn kept(part: &str) -> String {
    let is_ours = |piece: &str| KEYS.contains(&cut(piece, b'=').map_or(piece, |(k, _)| k));
    let mut out = String::new();
    for piece in pieces(part, b'&') {
        let piece = match cut(piece, b'?') {
            Some((head, tail)) if is_ours(tail) => head,
            _ => piece,
        };
        if piece.is_empty() || is_ours(piece) {
            continue;
        }
        if !out.is_empty() {
            out.push('&');
        }
        out.push_str(piece);
    }
    out
}
