//! Errors of the core REST API: `{"code","message","data":{"status"}}`.

use axum::http::StatusCode;
use serde_json::{json, Map, Value};

use crate::rest::errors::ApiError;

/// An error answer of `wp/v2`; the status is also sent in `data.status`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WpError {
    /// HTTP status.
    pub status: StatusCode,
    /// Stable error code, e.g. `rest_post_invalid_id`.
    pub code: &'static str,
    /// Text for people.
    pub message: String,
    /// `data.params`: what was wrong with each parameter (for `rest_invalid_param`).
    pub params: Vec<(String, String)>,
}

impl WpError {
    /// An error with this status, code and message.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> WpError {
        WpError {
            status,
            code,
            message: message.into(),
            params: Vec::new(),
        }
    }

    /// The JSON body.
    pub fn body(&self) -> Value {
        let mut data = Map::new();
        data.insert("status".to_owned(), json!(self.status.as_u16()));
        if !self.params.is_empty() {
            let params: Map<String, Value> = self
                .params
                .iter()
                .map(|(name, detail)| (name.clone(), json!(detail)))
                .collect();
            data.insert("params".to_owned(), Value::Object(params));
        }
        json!({"code": self.code, "message": self.message, "data": data})
    }

    /// No route matches the path and method.
    pub fn no_route() -> WpError {
        WpError::new(
            StatusCode::NOT_FOUND,
            "rest_no_route",
            "No route was found matching the URL and request method.",
        )
    }

    /// The post does not exist on that site.
    pub fn invalid_post_id() -> WpError {
        WpError::new(
            StatusCode::NOT_FOUND,
            "rest_post_invalid_id",
            "Invalid post ID.",
        )
    }

    /// A parameter core's schema refuses; `detail` is its text in `data.params`.
    pub fn invalid_param(name: &str, detail: impl Into<String>) -> WpError {
        WpError {
            params: vec![(name.to_owned(), detail.into())],
            ..WpError::new(
                StatusCode::BAD_REQUEST,
                "rest_invalid_param",
                format!("Invalid parameter(s): {name}"),
            )
        }
    }

    /// An anonymous call to something that needs a user.
    pub fn not_logged_in() -> WpError {
        WpError::new(
            StatusCode::UNAUTHORIZED,
            "rest_not_logged_in",
            "You are not currently logged in.",
        )
    }

    /// A signed-in caller who may not do this.
    pub fn forbidden(code: &'static str, message: &str) -> WpError {
        WpError::new(StatusCode::FORBIDDEN, code, message)
    }

    /// The body is not the JSON object it claims to be.
    pub fn invalid_json() -> WpError {
        WpError::new(
            StatusCode::BAD_REQUEST,
            "rest_invalid_json",
            "Invalid JSON body passed.",
        )
    }

    /// A v1.1 error from the code both APIs share (token, site), in `wp/v2`'s words.
    ///
    /// A bad token keeps public-api's `invalid_token` ("sign in again", contract); an anonymous
    /// call that is refused is `rest_not_logged_in`; a refused signed-in one `rest_forbidden`.
    pub fn from_api(err: ApiError, anonymous: bool) -> WpError {
        match err.code {
            "invalid_token" => WpError::new(StatusCode::UNAUTHORIZED, err.code, err.message),
            "authorization_required" => WpError::not_logged_in(),
            "unauthorized" if anonymous => WpError::not_logged_in(),
            "unauthorized" => WpError::forbidden("rest_forbidden", &err.message),
            "unknown_post" => WpError::invalid_post_id(),
            // `unknown_blog` and the rest keep the code and status the contract gives them.
            _ => WpError::new(err.status, err.code, err.message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_errors_are_told_in_core_words() {
        let cases = [
            (ApiError::invalid_token(), true, 401, "invalid_token"),
            (
                ApiError::unauthorized("no"),
                true,
                401,
                "rest_not_logged_in",
            ),
            (ApiError::unauthorized("no"), false, 403, "rest_forbidden"),
            (ApiError::unknown_blog(), false, 404, "unknown_blog"),
            (ApiError::unknown_post(), false, 404, "rest_post_invalid_id"),
        ];
        for (err, anonymous, status, code) in cases {
            let wp = WpError::from_api(err.clone(), anonymous);
            assert_eq!((wp.status.as_u16(), wp.code), (status, code), "{err:?}");
            assert_eq!(wp.body()["data"]["status"], status);
        }
    }

    #[test]
    fn invalid_params_name_the_parameter() {
        let body = WpError::invalid_param("per_page", "too big").body();
        assert_eq!(
            body,
            json!({"code": "rest_invalid_param", "message": "Invalid parameter(s): per_page",
                "data": {"status": 400, "params": {"per_page": "too big"}}})
        );
    }
}
