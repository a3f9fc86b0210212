use super::prelude::*;

use crate::core::error::{
    check_token_client, error_from_response, token_info_error, Error, ErrorBody, ErrorCode,
};
use crate::core::models::TokenInfo;

use super::normalise_json::{decode, error_body};
use crate::core::quirks::Shape;

/// The error body of `text` as the browser reads it: `JSON.parse`, then the error fields.
fn parsed(text: &str) -> Option<ErrorBody> {
    error_body(&serde_json::from_str(text).ok()?)
}

/// Maps a response the way the browser does: JSON decoded when it parses.
fn map(status: u16, body: &str) -> Error {
    error_from_response(status, body, parsed(body))
}

const LIMIT_PAGE: &str = "<!DOCTYPE html><html><head><title>Limit reached</title></head>\
    <body><h1>Limit reached</h1><p>Please wait a few minutes.</p></body></html>";

#[test]
fn every_error_shape_maps_to_code_status_and_message() {
    use ErrorCode::*;
    let cases: &[(u16, &str, ErrorCode, &str)] = &[
        // A 2xx body that is an error: the code it names, with the real status.
        (
            200,
            r#"{"error":"authorization_required","message":"An active access token must be used to query information about the current user."}"#,
            AuthorizationRequired,
            "An active access token must be used to query information about the current user.",
        ),
        // The core WordPress REST API (wp/v2) and wpcom/v2: `{code, message, data:{status}}`.
        (
            404,
            r#"{"code":"rest_post_invalid_id","message":"Invalid post ID.","data":{"status":404}}"#,
            Other("rest_post_invalid_id".into()),
            "Invalid post ID.",
        ),
        (
            404,
            r#"{"code":"rest_no_route","message":"No route was found matching the URL and request method.","data":{"status":404}}"#,
            Other("rest_no_route".into()),
            "No route was found matching the URL and request method.",
        ),
        (
            401,
            r#"{"code":"rest_not_logged_in","message":"You are not currently logged in.","data":{"status":401}}"#,
            Other("rest_not_logged_in".into()),
            "You are not currently logged in.",
        ),
        (
            400,
            r#"{"error":"invalid_input","message":"Invalid request input"}"#,
            InvalidInput,
            "Invalid request input",
        ),
        (
            400,
            r#"{"error":"invalid_number","message":"The number parameter must be between 1 and 100."}"#,
            InvalidNumber,
            "The number parameter must be between 1 and 100.",
        ),
        (
            400,
            r#"{"error":"invalid_context","message":"You are not allowed to use the edit context"}"#,
            InvalidContext,
            "You are not allowed to use the edit context",
        ),
        (
            400,
            r#"{"error":"invalid_token","message":"The OAuth2 token is invalid."}"#,
            InvalidToken,
            "The OAuth2 token is invalid.",
        ),
        (
            403,
            r#"{"error":"authorization_required","message":"An active access token must be used to query information about the current user."}"#,
            AuthorizationRequired,
            "An active access token must be used to query information about the current user.",
        ),
        (
            403,
            r#"{"error":"unauthorized","message":"User cannot access this private blog.","data":{"status":403}}"#,
            Unauthorized,
            "User cannot access this private blog.",
        ),
        (
            404,
            r#"{"error":"unknown_blog","message":"Unknown blog"}"#,
            UnknownBlog,
            "Unknown blog",
        ),
        (
            404,
            r#"{"error":"unknown_post","message":"Unknown post"}"#,
            UnknownPost,
            "Unknown post",
        ),
        (
            405,
            r#"{"error":"not_allowed","error_message":"Method not allowed"}"#,
            NotAllowed,
            "Method not allowed",
        ),
        (
            400,
            r#"{"error":"invalid_request","error_description":"The specified token is invalid."}"#,
            InvalidRequest,
            "The specified token is invalid.",
        ),
        (
            400,
            r#"{"errors":[{"error":"rest_upload_user_quota_exceeded","message":"Not enough space"}]}"#,
            Other("rest_upload_user_quota_exceeded".into()),
            "Not enough space",
        ),
        (
            403,
            r#"{"code":"rest_forbidden","message":"Sorry, you are not allowed to do that.","data":{"status":403}}"#,
            Other("rest_forbidden".into()),
            "Sorry, you are not allowed to do that.",
        ),
        (
            418,
            r#"{"error":"teapot_mode","message":"short and stout"}"#,
            Other("teapot_mode".into()),
            "short and stout",
        ),
        (
            500,
            r#"{"error":"unknown_error","message":"oops"}"#,
            Other("unknown_error".into()),
            "oops",
        ),
        (
            429,
            r#"{"error":"rate_limit","message":"Slow down"}"#,
            RateLimited,
            "Slow down",
        ),
        (
            429,
            "",
            RateLimited,
            "rate limited by WordPress.com (HTTP 429)",
        ),
        (
            500,
            LIMIT_PAGE,
            RateLimited,
            "rate limited by WordPress.com (HTTP 500)",
        ),
        (
            503,
            LIMIT_PAGE,
            RateLimited,
            "rate limited by WordPress.com (HTTP 503)",
        ),
        (404, "", NotFound, "no such endpoint (HTTP 404)"),
        (404, "  \n", NotFound, "no such endpoint (HTTP 404)"),
        (
            404,
            "<html>Not here</html>",
            BadResponse,
            "unexpected response from WordPress.com (HTTP 404)",
        ),
        (
            500,
            "",
            ServerError,
            "WordPress.com server error (HTTP 500)",
        ),
        (
            502,
            "<html>Bad Gateway</html>",
            ServerError,
            "WordPress.com server error (HTTP 502)",
        ),
        (
            503,
            r#"{"message":"maintenance"}"#,
            ServerError,
            "maintenance",
        ),
        (
            400,
            "not json",
            BadResponse,
            "unexpected response from WordPress.com (HTTP 400)",
        ),
        (
            200,
            "{\"ID\":",
            BadResponse,
            "unexpected response from WordPress.com (HTTP 200)",
        ),
        (
            400,
            r#"{"error":42,"message":"odd code"}"#,
            BadResponse,
            "odd code",
        ),
        (
            400,
            r#"{"error":"","message":"empty code"}"#,
            BadResponse,
            "empty code",
        ),
        (
            403,
            r#"{"error":"unauthorized","message":7,"error_description":"from description"}"#,
            Unauthorized,
            "from description",
        ),
        (
            403,
            r#"{"error":["x"],"errors":"nope","message":{"a":1}}"#,
            BadResponse,
            "unexpected response from WordPress.com (HTTP 403)",
        ),
        // Only `errors[0]` counts, as the browser has always read it (the serde decoder, gone,
        // looked for the first object).
        (
            400,
            r#"{"errors":[1,"x",{"error":"second","message":"m2"}]}"#,
            BadResponse,
            "unexpected response from WordPress.com (HTTP 400)",
        ),
        (
            400,
            r#"{"error":"invalid_input"}"#,
            InvalidInput,
            "WordPress.com error (HTTP 400)",
        ),
    ];
    for (status, body, code, message) in cases {
        let err = map(*status, body);
        assert_eq!(&err.code, code, "status {status} body {body}");
        assert_eq!(err.status, Some(*status), "status {status} body {body}");
        assert_eq!(err.message, *message, "status {status} body {body}");
        assert!(err.may_have_reached_server);
    }
}

#[test]
fn error_body_ignores_fields_of_odd_types() {
    let body = parsed(r#"{"error":null,"message":["a"],"errors":{"0":{}},"data":[1]}"#).unwrap();
    assert_eq!(body, ErrorBody::default());
    assert_eq!(parsed(r#""a string""#), None);
    assert_eq!(parsed("[]"), Some(ErrorBody::default()));
    assert_eq!(body.code(), None);
    assert_eq!(body.message(), None);
}

#[test]
fn codes_round_trip_through_their_wire_strings() {
    use ErrorCode::*;
    let all = [
        (AccessDenied, "access_denied"),
        (StateMissing, "state_missing"),
        (StateMismatch, "state_mismatch"),
        (BadRedirect, "bad_redirect"),
        (NotSignedIn, "not_signed_in"),
        (TokenExpired, "token_expired"),
        (TokenClientMismatch, "token_client_mismatch"),
        (Network, "network"),
        (RateLimited, "rate_limited"),
        (BadResponse, "bad_response"),
        (Timeout, "timeout"),
        (Aborted, "aborted"),
        (PopupBlocked, "popup_blocked"),
        (PopupClosed, "popup_closed"),
        (Unsupported, "unsupported"),
        (InvalidConfig, "invalid_config"),
        (NotFound, "not_found"),
        (ServerError, "server_error"),
        (LikeFailed, "like_failed"),
        (FollowFailed, "follow_failed"),
        (InvalidToken, "invalid_token"),
        (AuthorizationRequired, "authorization_required"),
        (Unauthorized, "unauthorized"),
        (UnknownBlog, "unknown_blog"),
        (UnknownPost, "unknown_post"),
        (InvalidInput, "invalid_input"),
        (InvalidNumber, "invalid_number"),
        (InvalidContext, "invalid_context"),
        (NotAllowed, "not_allowed"),
        (InvalidRequest, "invalid_request"),
        (ConnectionNotFound, "connection_not_found"),
        (
            UnknownApplicationAccessToken,
            "unknown_application_access_token",
        ),
        (Other("something_new".into()), "something_new"),
    ];
    for (code, wire) in all {
        assert_eq!(code.as_str(), wire);
        assert_eq!(ErrorCode::from_wire(wire), code);
    }
}

#[test]
fn error_displays_its_message_and_builders_set_fields() {
    let err = Error::new(ErrorCode::Network, "offline")
        .with_status(0)
        .reached_server(true);
    assert_eq!(err.to_string(), "offline");
    assert_eq!(err.status, Some(0));
    assert!(err.may_have_reached_server);
    assert!(!Error::new(ErrorCode::Timeout, "t").may_have_reached_server);
}

#[test]
fn token_info_invalid_request_means_token_of_another_client() {
    let body =
        r#"{"error":"invalid_request","error_description":"The specified token is invalid."}"#;
    let err = token_info_error(400, body, parsed(body));
    assert_eq!(err.code, ErrorCode::TokenClientMismatch);
    assert_eq!(err.status, Some(400));
    assert_eq!(err.message, "The specified token is invalid.");

    let other = r#"{"error":"invalid_token","message":"expired"}"#;
    let err = token_info_error(400, other, parsed(other));
    assert_eq!(err.code, ErrorCode::InvalidToken);
}

#[test]
fn token_info_of_another_client_is_refused() {
    let info: TokenInfo = decode(
        serde_json::json!({"client_id": "11", "user_id": "1234567890", "blog_id": null,
                           "scope": "global"}),
        Shape::TokenInfo,
    )
    .unwrap();
    assert_eq!(check_token_client(&info.client_id, "11"), Ok(()));
    for other in ["12", "", "011", "11 "] {
        let err = check_token_client(&info.client_id, other).unwrap_err();
        assert_eq!(err.code, ErrorCode::TokenClientMismatch, "client {other:?}");
    }
}
