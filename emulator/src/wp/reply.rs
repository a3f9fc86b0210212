//! A `wp/v2` answer: status, JSON body and headers, optionally in core's `_envelope`.

use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Map, Value};

use super::errors::WpError;
use crate::rest::body::Query;

/// A successful answer before it is sent.
#[derive(Clone, Debug, PartialEq)]
pub struct Reply {
    /// HTTP status (200, or 201 for a new post).
    pub status: StatusCode,
    /// JSON body.
    pub body: Value,
    /// Headers such as `X-WP-Total`, spelled as core spells them.
    pub headers: Vec<(&'static str, String)>,
}

impl Reply {
    /// `200` with this body.
    pub fn ok(body: Value) -> Reply {
        Reply {
            status: StatusCode::OK,
            body,
            headers: Vec::new(),
        }
    }

    /// `201` with this body.
    pub fn created(body: Value) -> Reply {
        Reply {
            status: StatusCode::CREATED,
            ..Reply::ok(body)
        }
    }

    /// Adds a header.
    pub fn header(mut self, name: &'static str, value: impl Into<String>) -> Reply {
        self.headers.push((name, value.into()));
        self
    }
}

/// Sends the answer; with `_envelope` (any value) as `200 {"body","status","headers":{…}}`,
/// the headers then only inside the envelope, as core does.
pub fn finish(result: Result<Reply, WpError>, query: &Query) -> Response {
    let reply = result.unwrap_or_else(|err| Reply {
        status: err.status,
        body: err.body(),
        headers: Vec::new(),
    });
    let (status, body, headers) = if query.get("_envelope").is_some() {
        let names: Map<String, Value> = reply
            .headers
            .iter()
            .map(|(name, value)| ((*name).to_owned(), json!(value)))
            .collect();
        let envelope = json!({
            "body": reply.body,
            "status": reply.status.as_u16(),
            "headers": names,
        });
        (StatusCode::OK, envelope, Vec::new())
    } else {
        (reply.status, reply.body, reply.headers)
    };
    let text = serde_json::to_string(&body).unwrap_or_else(|_| "null".to_owned());
    let mut response = (
        status,
        [(header::CONTENT_TYPE, "application/json; charset=UTF-8")],
        text,
    )
        .into_response();
    for (name, value) in headers {
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(&value),
        ) {
            response.headers_mut().insert(name, value);
        }
    }
    response
}
