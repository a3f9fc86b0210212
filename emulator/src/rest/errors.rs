//! REST error codes and bodies, as WordPress.com sends them.

use axum::http::StatusCode;
use serde_json::{json, Value};

/// An error answer of the REST API: `{"error": code, "message": text}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// Stable error code.
    pub code: &'static str,
    /// Text for people.
    pub message: String,
    /// A body other than `{"error","message"}` (media's `{"errors":[…]}`), when set.
    pub custom_body: Option<Value>,
}

impl ApiError {
    /// An error with this status, code and message.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
            custom_body: None,
        }
    }

    /// An error whose body is `body` as given (the status and code still count for logs and
    /// for `wp/v2`'s translation).
    pub fn with_body(self, body: Value) -> ApiError {
        ApiError {
            custom_body: Some(body),
            ..self
        }
    }

    /// The JSON body.
    pub fn body(&self) -> Value {
        match &self.custom_body {
            Some(body) => body.clone(),
            None => json!({"error": self.code, "message": self.message}),
        }
    }

    /// Unknown, expired or revoked token (400 on the REST API).
    pub fn invalid_token() -> ApiError {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_token",
            "The OAuth2 token is invalid.",
        )
    }

    /// No token where one is needed.
    pub fn authorization_required(message: &str) -> ApiError {
        ApiError::new(StatusCode::FORBIDDEN, "authorization_required", message)
    }

    /// A token or user that may not do this.
    pub fn unauthorized(message: &str) -> ApiError {
        ApiError::new(StatusCode::FORBIDDEN, "unauthorized", message)
    }

    /// `$site` is not a known site.
    pub fn unknown_blog() -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, "unknown_blog", "Unknown blog")
    }

    /// The post does not exist on that site.
    pub fn unknown_post() -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, "unknown_post", "Unknown post")
    }

    /// A body or query value that makes no sense.
    pub fn invalid_input(message: &str) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, "invalid_input", message)
    }
}
