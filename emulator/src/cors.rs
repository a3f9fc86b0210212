//! CORS like WordPress.com: only registered app origins get `Access-Control-Allow-Origin`.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::app::AppState;

/// Response headers a page may read with `--expose-headers` (as WordPress core exposes its
/// own, plus `Retry-After`). Off by default: nothing shows WordPress.com exposes any of them.
pub const EXPOSED_HEADERS: &str = "Retry-After, X-WP-Total, X-WP-TotalPages, Link";

/// Which policy a path falls under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Policy {
    /// WordPress.com routes: the origin must be registered.
    Registered,
    /// The control API: any origin (tests call it from their pages).
    Anyone,
}

fn allowed_origin(app: &AppState, policy: Policy, origin: Option<&str>) -> Option<HeaderValue> {
    match (policy, origin) {
        (Policy::Anyone, _) => Some(HeaderValue::from_static("*")),
        (Policy::Registered, Some(origin)) if app.is_registered_origin(origin) => {
            HeaderValue::from_str(origin).ok()
        }
        _ => None,
    }
}

/// Answers an `OPTIONS` preflight.
pub fn preflight(app: &AppState, policy: Policy, origin: Option<&str>) -> Response {
    let mut response = StatusCode::OK.into_response();
    let headers = response.headers_mut();
    headers.insert(header::VARY, HeaderValue::from_static("Origin"));
    if let Some(value) = allowed_origin(app, policy, origin) {
        headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, value);
        headers.insert(
            header::ACCESS_CONTROL_ALLOW_METHODS,
            HeaderValue::from_static("GET, POST"),
        );
        headers.insert(
            header::ACCESS_CONTROL_ALLOW_HEADERS,
            HeaderValue::from_static("Authorization, Content-Type"),
        );
        headers.insert(
            header::ACCESS_CONTROL_MAX_AGE,
            HeaderValue::from_static("600"),
        );
    }
    response
}

/// Adds the CORS headers to an actual response.
pub fn decorate(app: &AppState, policy: Policy, origin: Option<&str>, response: &mut Response) {
    let headers = response.headers_mut();
    if policy == Policy::Registered {
        headers.append(header::VARY, HeaderValue::from_static("Origin"));
    }
    if let Some(value) = allowed_origin(app, policy, origin) {
        headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, value);
        let exposed = match policy {
            Policy::Registered => app.settings().expose_headers.then_some(EXPOSED_HEADERS),
            // The control API is ours, not WordPress.com's: the setting does not touch it.
            Policy::Anyone => Some("Retry-After"),
        };
        if let Some(exposed) = exposed {
            headers.insert(
                header::ACCESS_CONTROL_EXPOSE_HEADERS,
                HeaderValue::from_static(exposed),
            );
        }
    }
}
