//! One error type for the whole client, and the mapping from WordPress.com's error responses.
//!
//! Codes mirror the wire: WordPress.com's own `error` strings pass through (unknown ones as
//! [`ErrorCode::Other`]), and the client adds its own codes for what happens on this side.

use alloc::{string::String, string::ToString, vec, vec::Vec};

use super::text::{cat, has, push_u64};

/// What went wrong, as a stable snake_case code (see [`ErrorCode::as_str`]).
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorCode {
    /// The user (or WordPress.com) refused the authorization (`access_denied`).
    AccessDenied,
    /// No state was stored before leaving, or the redirect carried none (`state_missing`).
    StateMissing,
    /// The redirect's state is not the one stored (`state_mismatch`): another flow or an attack.
    StateMismatch,
    /// The redirect URL is malformed: bad encoding, duplicate or invalid values (`bad_redirect`).
    BadRedirect,
    /// No token is available (`not_signed_in`).
    NotSignedIn,
    /// The stored token has expired; no request was sent (`token_expired`).
    TokenExpired,
    /// The token was issued to another `client_id` (`token_client_mismatch`).
    TokenClientMismatch,
    /// The request did not get a response: offline, DNS, CORS refusal (`network`).
    Network,
    /// WordPress.com throttled the request: 429 or the "Limit reached" page (`rate_limited`).
    RateLimited,
    /// The response could not be understood (`bad_response`).
    BadResponse,
    /// The request or the sign-in took longer than its time limit (`timeout`).
    Timeout,
    /// The caller aborted the request or the sign-in (`aborted`).
    Aborted,
    /// The browser refused to open the sign-in popup (`popup_blocked`).
    PopupBlocked,
    /// The user closed the sign-in window before it finished (`popup_closed`).
    PopupClosed,
    /// The environment lacks what the call needs, e.g. no window or history (`unsupported`).
    Unsupported,
    /// The client was configured or called with invalid values (`invalid_config`).
    InvalidConfig,
    /// HTTP 404 with an empty body: an unknown route (`not_found`).
    NotFound,
    /// A 5xx answer without a usable JSON error body (`server_error`).
    ServerError,
    /// A like or unlike answered with a falsy `success` (`like_failed`).
    LikeFailed,
    /// A follow or unfollow answered with a falsy `success` (`follow_failed`).
    FollowFailed,
    /// WordPress.com: the token is invalid or expired; sign in again (`invalid_token`).
    InvalidToken,
    /// WordPress.com: the call needs a token (`authorization_required`).
    AuthorizationRequired,
    /// WordPress.com: not allowed, e.g. a private blog or no right to publish (`unauthorized`).
    Unauthorized,
    /// WordPress.com: no such site (`unknown_blog`).
    UnknownBlog,
    /// WordPress.com: no such post (`unknown_post`).
    UnknownPost,
    /// WordPress.com: invalid parameters (`invalid_input`).
    InvalidInput,
    /// WordPress.com: a number out of range (`invalid_number`).
    InvalidNumber,
    /// WordPress.com: a `context` the user may not use (`invalid_context`).
    InvalidContext,
    /// WordPress.com: a method other than GET or POST (`not_allowed`).
    NotAllowed,
    /// OAuth: malformed request or, from token-info, a token this client cannot check
    /// (`invalid_request`).
    InvalidRequest,
    // Connected applications.
    /// `disconnect()` without an `id` found no connected application whose `ID` is this app's
    /// client ID (`connection_not_found`): pass `{ id }` from `connectedApplications()`.
    ConnectionNotFound,
    /// WordPress.com: no such connected application for this user
    /// (`unknown_application_access_token`, 404).
    UnknownApplicationAccessToken,
    // Any WordPress site, with an application password (`core::site`).
    /// The address answered, but not as a WordPress REST API (`not_wordpress`).
    NotWordpress,
    /// WordPress answered, but its REST API refused to serve its index: turned off or limited
    /// to logged-in users by a plugin or the host (`rest_api_disabled`).
    RestApiDisabled,
    /// The site offers no application passwords: plain http outside a local environment,
    /// turned off, or not for this account (`application_passwords_unavailable`).
    ApplicationPasswordsUnavailable,
    /// The Authorize Application redirect names another site than the one the user was sent
    /// to (`site_mismatch`).
    SiteMismatch,
    /// The site refused the application password: revoked, wrong, or an unknown user
    /// (`credentials_refused`).
    CredentialsRefused,
    /// The site answered as if no credentials were sent (`credentials_ignored`).
    CredentialsIgnored,
    /// Any other code WordPress.com sent, kept verbatim.
    Other(String),
}

/// Every named code with its wire string; `as_str` and `from_wire` both read this table.
const CODES: &[(ErrorCode, &str)] = &[
    (ErrorCode::AccessDenied, "access_denied"),
    (ErrorCode::StateMissing, "state_missing"),
    (ErrorCode::StateMismatch, "state_mismatch"),
    (ErrorCode::BadRedirect, "bad_redirect"),
    (ErrorCode::NotSignedIn, "not_signed_in"),
    (ErrorCode::TokenExpired, "token_expired"),
    (ErrorCode::TokenClientMismatch, "token_client_mismatch"),
    (ErrorCode::Network, "network"),
    (ErrorCode::RateLimited, "rate_limited"),
    (ErrorCode::BadResponse, "bad_response"),
    (ErrorCode::Timeout, "timeout"),
    (ErrorCode::Aborted, "aborted"),
    (ErrorCode::PopupBlocked, "popup_blocked"),
    (ErrorCode::PopupClosed, "popup_closed"),
    (ErrorCode::Unsupported, "unsupported"),
    (ErrorCode::InvalidConfig, "invalid_config"),
    (ErrorCode::NotFound, "not_found"),
    (ErrorCode::ServerError, "server_error"),
    (ErrorCode::LikeFailed, "like_failed"),
    (ErrorCode::FollowFailed, "follow_failed"),
    (ErrorCode::InvalidToken, "invalid_token"),
    (ErrorCode::AuthorizationRequired, "authorization_required"),
    (ErrorCode::Unauthorized, "unauthorized"),
    (ErrorCode::UnknownBlog, "unknown_blog"),
    (ErrorCode::UnknownPost, "unknown_post"),
    (ErrorCode::InvalidInput, "invalid_input"),
    (ErrorCode::InvalidNumber, "invalid_number"),
    (ErrorCode::InvalidContext, "invalid_context"),
    (ErrorCode::NotAllowed, "not_allowed"),
    (ErrorCode::InvalidRequest, "invalid_request"),
    (ErrorCode::ConnectionNotFound, "connection_not_found"),
    (
        ErrorCode::UnknownApplicationAccessToken,
        "unknown_application_access_token",
    ),
    (ErrorCode::NotWordpress, "not_wordpress"),
    (ErrorCode::RestApiDisabled, "rest_api_disabled"),
    (
        ErrorCode::ApplicationPasswordsUnavailable,
        "application_passwords_unavailable",
    ),
    (ErrorCode::SiteMismatch, "site_mismatch"),
    (ErrorCode::CredentialsRefused, "credentials_refused"),
    (ErrorCode::CredentialsIgnored, "credentials_ignored"),
];

impl ErrorCode {
    /// The snake_case wire string, e.g. `"state_mismatch"` or `"invalid_token"`.
    pub fn as_str(&self) -> &str {
        if let ErrorCode::Other(code) = self {
            return code;
        }
        CODES.iter().find(|(c, _)| c == self).map_or("", |(_, s)| s)
    }

    /// The code for a wire string; unknown strings become [`ErrorCode::Other`].
    pub fn from_wire(s: &str) -> ErrorCode {
        CODES
            .iter()
            .find(|(_, w)| *w == s)
            .map_or_else(|| ErrorCode::Other(s.to_string()), |(c, _)| c.clone())
    }
}

/// The client's error: a code, the HTTP status when there was a response, and a message.
///
/// Messages never hold a token.
#[derive(Clone, Debug, PartialEq)]
pub struct Error {
    /// What went wrong.
    pub code: ErrorCode,
    /// The HTTP status, when WordPress.com answered.
    pub status: Option<u16>,
    /// Human-readable text (WordPress.com's own message when it sent one).
    pub message: String,
    /// Whether the request may have reached the server (matters for a failed POST).
    pub may_have_reached_server: bool,
}

impl Error {
    /// An error with no status that did not reach the server.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Error {
        Error {
            code,
            status: None,
            message: message.into(),
            may_have_reached_server: false,
        }
    }

    /// The same error carrying an HTTP status.
    pub fn with_status(mut self, status: u16) -> Error {
        self.status = Some(status);
        self
    }

    /// The same error marked as (not) possibly having reached the server.
    pub fn reached_server(mut self, reached: bool) -> Error {
        self.may_have_reached_server = reached;
        self
    }
}

impl core::fmt::Display for Error {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.message)
    }
}

impl core::error::Error for Error {}

/// One item of the media endpoints' `errors` array.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ErrorItem {
    /// The item's code.
    pub error: Option<String>,
    /// The item's message.
    pub message: Option<String>,
}

/// Every error body shape WordPress.com sends, as [`ErrorBody::read`] finds it.
///
/// Shapes: `{"error","message"}` (REST, sometimes with `data`), `{"error","error_description"}`
/// (OAuth), `{"error","error_message"}` (405), `{"errors":[{"error","message"}]}` (media) and
/// `{"code","message"}` (the `wpcom/v2` API).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ErrorBody {
    /// The error code.
    pub error: Option<String>,
    /// The `wpcom/v2` error code.
    pub code: Option<String>,
    /// The REST message.
    pub message: Option<String>,
    /// The OAuth message.
    pub error_description: Option<String>,
    /// The 405 message.
    pub error_message: Option<String>,
    /// The media endpoints' list of errors (its first item, the only one that counts).
    pub errors: Vec<ErrorItem>,
}

impl ErrorBody {
    /// The error body of a parsed JSON object: the one decoder of error bodies, whatever reads
    /// the JSON (the browser layer with `Reflect`, the native tests with serde_json).
    ///
    /// `field(key)` is the body's value at `key` when it is a string, `first_error(key)` the same
    /// in `errors[0]`; fields of other types, and empty strings, count as absent.
    pub fn read(
        field: impl Fn(&str) -> Option<String>,
        first_error: impl Fn(&str) -> Option<String>,
    ) -> ErrorBody {
        let first = ErrorItem {
            error: text(first_error("error")),
            message: text(first_error("message")),
        };
        let has_first = first.error.is_some() || first.message.is_some();
        ErrorBody {
            error: text(field("error")),
            code: text(field("code")),
            message: text(field("message")),
            error_description: text(field("error_description")),
            error_message: text(field("error_message")),
            errors: if has_first { vec![first] } else { Vec::new() },
        }
    }

    /// The first error code found in any shape.
    pub fn code(&self) -> Option<&str> {
        let first = self.errors.first();
        [
            self.error.as_deref(),
            first.and_then(|e| e.error.as_deref()),
            self.code.as_deref(),
        ]
        .into_iter()
        .flatten()
        .find(|c| !c.is_empty())
    }

    /// The first message found in any shape.
    pub fn message(&self) -> Option<&str> {
        [
            self.message.as_deref(),
            self.error_description.as_deref(),
            self.error_message.as_deref(),
            self.errors.first().and_then(|e| e.message.as_deref()),
        ]
        .into_iter()
        .flatten()
        .find(|m| !m.is_empty())
    }
}

/// An error body's text field: a non-empty string.
fn text(field: Option<String>) -> Option<String> {
    field.filter(|s| !s.is_empty())
}

/// Maps a non-success response to an [`Error`].
///
/// `body_text` is the raw body and `body` its decoding as JSON when that worked. The status is
/// always set and the request always counts as having reached the server.
pub fn error_from_response(status: u16, body_text: &str, body: Option<ErrorBody>) -> Error {
    let body = body.unwrap_or_default();
    let json_code = body.code();
    let code = if status == 429 {
        ErrorCode::RateLimited
    } else if let Some(c) = json_code {
        ErrorCode::from_wire(c)
    } else if has(body_text, "Limit reached") {
        // WordPress.com's undocumented throttle: an HTML page, in practice with HTTP 500.
        ErrorCode::RateLimited
    } else if status == 404 && body_text.trim_ascii().is_empty() {
        ErrorCode::NotFound
    } else if status >= 500 {
        ErrorCode::ServerError
    } else {
        ErrorCode::BadResponse
    };
    let message = match body.message() {
        Some(m) => m.to_string(),
        None => generic_message(&code, status),
    };
    Error {
        code,
        status: Some(status),
        message,
        may_have_reached_server: true,
    }
}

/// A short text for responses that carry no message of their own.
fn generic_message(code: &ErrorCode, status: u16) -> String {
    let mut m = String::from(match code {
        ErrorCode::RateLimited => "rate limited by WordPress.com",
        ErrorCode::NotFound => "no such endpoint",
        ErrorCode::ServerError => "WordPress.com server error",
        ErrorCode::BadResponse => "unexpected response from WordPress.com",
        _ => "WordPress.com error",
    });
    m.push_str(" (HTTP ");
    push_u64(&mut m, u64::from(status));
    m.push(')');
    m
}

/// Maps an error answer of `/oauth2/token-info`.
///
/// WordPress.com answers `invalid_request` "The specified token is invalid." when the token was
/// not issued to the `client_id` asked about (or is not a token at all): for this client both
/// mean the token must not be used, so the code becomes [`ErrorCode::TokenClientMismatch`].
pub fn token_info_error(status: u16, body_text: &str, body: Option<ErrorBody>) -> Error {
    let mut err = error_from_response(status, body_text, body);
    if err.code == ErrorCode::InvalidRequest {
        err.code = ErrorCode::TokenClientMismatch;
    }
    err
}

/// Refuses a token that token-info says was issued to `issued_to`, not to `client_id`.
pub fn check_token_client(issued_to: &str, client_id: &str) -> Result<(), Error> {
    if issued_to == client_id {
        Ok(())
    } else {
        Err(Error::new(
            ErrorCode::TokenClientMismatch,
            cat(&[
                "the token was issued to another application, not to client ",
                client_id,
            ]),
        )
        .reached_server(true))
    }
}

/// `like_failed`: WordPress.com answered a like or unlike with HTTP 200 and a falsy `success`.
pub fn like_failed() -> Error {
    Error::new(
        ErrorCode::LikeFailed,
        "WordPress.com did not record the like change",
    )
    .reached_server(true)
}

// --- Connected applications ---------------------------------------------------------------------

/// The page where WordPress.com users see and remove the apps they connected.
pub const CONNECTED_APPS_PAGE: &str = "https://wordpress.com/me/security/connected-applications";

/// Maps an error answer of the connected-applications routes: like [`error_from_response`], and
/// a 403 `unauthorized` (WordPress.com refusing the token's scope) says what to do about it.
pub fn connected_apps_error(status: u16, body_text: &str, body: Option<ErrorBody>) -> Error {
    let mut err = error_from_response(status, body_text, body);
    if err.code == ErrorCode::Unauthorized {
        err.message = cat(&[
            "this token's scope cannot manage connected applications: sign in with \
             scope: 'global', or remove the app at ",
            CONNECTED_APPS_PAGE,
            " (WordPress.com said: ",
            &err.message,
            ")",
        ]);
    }
    err
}

/// `connection_not_found`: no connected application has this app's client ID as its `ID`.
pub fn connection_not_found(client_id: &str) -> Error {
    Error::new(
        ErrorCode::ConnectionNotFound,
        cat(&[
            "no connected application has this app's client ID (",
            client_id,
            ") as its ID: pass { id } from connectedApplications()",
        ]),
    )
    .reached_server(true)
}

/// `bad_response`: WordPress.com answered a disconnection without `success: true`.
pub fn disconnect_unconfirmed() -> Error {
    Error::new(
        ErrorCode::BadResponse,
        "WordPress.com did not confirm the disconnection",
    )
    .reached_server(true)
}

/// `follow_failed`: WordPress.com answered a follow or unfollow with HTTP 200 and a falsy
/// `success`. Ask again whether the user follows the site (`isFollowing`) before retrying.
pub fn follow_failed() -> Error {
    Error::new(
        ErrorCode::FollowFailed,
        "WordPress.com did not record the follow change",
    )
    .reached_server(true)
}

/// `popup_closed`: the user closed the sign-in window (a popup or an extension's) first.
pub fn popup_closed() -> Error {
    Error::new(
        ErrorCode::PopupClosed,
        "the window was closed before it finished: try again",
    )
}
