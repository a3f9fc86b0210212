//! `checkConnection`: what the stored token is worth now, as one of four statuses, and the
//! rules that read them from WordPress.com's answers.
//!
//! The order of the checks: no token → nothing to judge; the stored expiry passed →
//! [`ConnectionStatus::Expired`] (no request); else `GET /oauth2/token-info`. WordPress.com
//! answers that route with the same `invalid_request` "The specified token is invalid." for a
//! token issued to another client and for one that no longer exists (the user disconnected the
//! app), so that answer is followed by one `GET /me` with the token: it works with another
//! app's live token ([`ConnectionStatus::Foreign`]) and fails with `invalid_token` for a
//! revoked one ([`ConnectionStatus::Revoked`]).

use super::error::{Error, ErrorCode};
use super::token::Token;
use alloc::{string::String, vec::Vec};

/// What the token is worth, as `checkConnection` reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConnectionStatus {
    /// WordPress.com accepts the token, and it was issued to this app.
    Connected,
    /// The stored expiry has passed (the token is dropped, as `token()` does).
    Expired,
    /// WordPress.com refuses the token (`invalid_token`): the user disconnected the app, or
    /// WordPress.com revoked it.
    Revoked,
    /// The token works but was issued to another client ID: never use it as this app's.
    Foreign,
}

impl ConnectionStatus {
    /// `connected`, `expired`, `revoked` or `foreign`.
    pub fn as_str(self) -> &'static str {
        match self {
            ConnectionStatus::Connected => "connected",
            ConnectionStatus::Expired => "expired",
            ConnectionStatus::Revoked => "revoked",
            ConnectionStatus::Foreign => "foreign",
        }
    }
}

/// The verdict of `checkConnection`.
#[derive(Clone, Debug, PartialEq)]
pub struct Connection {
    /// What the token is worth.
    pub status: ConnectionStatus,
    /// The user the token acts for, when WordPress.com said so (`connected`, `foreign`).
    pub user_id: Option<u64>,
    /// The blog a single-blog token is limited to (`None` for a global token): token-info's
    /// `blog_id` when connected, else the stored token's `site_id`.
    pub blog_id: Option<u64>,
    /// The token's scopes: token-info's when connected, else the stored token's.
    pub scope: Vec<String>,
}

impl Connection {
    /// A verdict that WordPress.com gave no details for: the stored `token`'s blog and scope,
    /// when there is one, and `user_id` when known.
    pub fn of_token(status: ConnectionStatus, token: Option<&Token>, user_id: Option<u64>) -> Self {
        Connection {
            status,
            user_id,
            blog_id: token.and_then(|t| t.site_id),
            scope: token.map(|t| t.scope.clone()).unwrap_or_default(),
        }
    }
}

/// What `checkConnection` does after one of its requests answered.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// The request's answer settles it.
    Status(ConnectionStatus),
    /// Ambiguous: ask `GET /me` with the token.
    AskMe,
    /// Neither of the four: a network failure, throttling… (`checkConnection` rejects with it).
    Fail(Error),
}

/// After `GET /oauth2/token-info` (`result` as the client's token-info call gives it: accepted
/// only when issued to this client, `token_client_mismatch` otherwise).
pub fn after_token_info(result: Result<(), Error>) -> Verdict {
    match result {
        Ok(()) => Verdict::Status(ConnectionStatus::Connected),
        Err(e) if e.code == ErrorCode::InvalidToken => Verdict::Status(ConnectionStatus::Revoked),
        // Another client's token, or no token at all any more: `/me` tells them apart.
        Err(e) if e.code == ErrorCode::TokenClientMismatch => Verdict::AskMe,
        Err(e) => Verdict::Fail(e),
    }
}

/// After the `GET /me` that [`after_token_info`] asked for.
pub fn after_me(result: Result<(), Error>) -> Verdict {
    match result {
        Ok(()) => Verdict::Status(ConnectionStatus::Foreign),
        Err(e) if e.code == ErrorCode::InvalidToken => Verdict::Status(ConnectionStatus::Revoked),
        Err(e) => Verdict::Fail(e),
    }
}
