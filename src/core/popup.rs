//! The popup sign-in's one decision that needs no browser: whether a callback URL that reached
//! the opener answers *this* popup, for OAuth ([`answers_sign_in`]) and for an application
//! password's Authorize Application flow ([`answers_connect`]).
//!
//! The callback page forwards the URL it landed on, both to `window.opener` and over a
//! same-origin `BroadcastChannel` (the only way left when the app's page sends
//! `Cross-Origin-Opener-Policy: same-origin`). Every tab of the origin with a sign-in in flight
//! hears the channel, so each opener takes only the answer to its own authorize URL and leaves
//! the others alone: a message for another sign-in, or one replayed after this sign-in used
//! its state, is ignored rather than fatal.

use super::redirect::{parse_redirect, RedirectParams};
use super::site::connect::{parse_connect_redirect, ConnectRedirect};

/// Whether `url` answers the sign-in whose authorize URL carried `state`.
///
/// A token answers it only with that exact state. An OAuth error (`access_denied`…) answers it
/// with that state or with none, since WordPress.com may leave `state` empty on an error and an
/// error grants nothing. A URL that is not an OAuth redirect, or not a readable one, answers
/// nothing.
pub fn answers_sign_in(url: &str, state: &str) -> bool {
    match parse_redirect(url) {
        Ok(Some(RedirectParams::Token {
            state: Some(echoed),
            ..
        })) => echoed == state,
        Ok(Some(RedirectParams::Error { state: echoed, .. })) => {
            echoed.as_deref().map_or(true, |echoed| echoed == state)
        }
        _ => false,
    }
}

/// Whether `url` answers the Authorize Application flow whose URL carried `state` (in its
/// `success_url` and `reject_url`, as [`super::site::connect::build_connect_url`] puts it).
///
/// An approval answers it only with that exact state; a rejection (`success=false`) with that
/// state or with none, as for OAuth's errors. A URL that is not such a redirect, or not a
/// readable one, answers nothing.
pub fn answers_connect(url: &str, state: &str) -> bool {
    match parse_connect_redirect(url) {
        Ok(Some(ConnectRedirect::Approved {
            state: Some(echoed),
            ..
        })) => echoed == state,
        Ok(Some(ConnectRedirect::Rejected { state: echoed, .. })) => {
            echoed.as_deref().map_or(true, |echoed| echoed == state)
        }
        _ => false,
    }
}
