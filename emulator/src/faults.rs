//! Faults queued by tests: errors, throttling, delays, dropped connections, broken JSON,
//! and 200 answers that still mean failure.

use axum::body::{Body, Bytes};
use axum::http::response::Parts;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use http_body_util::BodyExt;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// One queued fault: which requests it hits, how many times, and what happens.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
pub struct FaultSpec {
    /// Exact path (trailing slash ignored), or a prefix when it ends with `*`.
    pub path: String,
    /// Only this method, when given.
    #[serde(default)]
    pub method: Option<String>,
    /// How many matching requests it hits (left, when listed).
    #[serde(default = "one")]
    pub count: u32,
    /// What happens.
    pub fault: Fault,
}

fn one() -> u32 {
    1
}

/// When a dropped connection is closed.
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum DropWhen {
    /// Before the request is processed.
    #[default]
    Before,
    /// After the request was processed (the change happened), before any response.
    ///
    /// Browsers silently resend a request (a POST too) when a reused keep-alive connection
    /// closes before any response byte, so from a page this fault can run the request twice.
    After,
    /// After the request was processed, in the middle of the response: the status line, the
    /// headers and part of the body go out, then the connection closes. No browser resends
    /// that, so the caller sees the failure (the case of a reply lost on its way back).
    MidResponse,
}

/// What a fault does.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Fault {
    /// Answers with this status, an optional `Retry-After` and an optional JSON body.
    Status {
        /// HTTP status.
        status: u16,
        /// `Retry-After` value (string or number).
        #[serde(default)]
        retry_after: Option<Value>,
        /// JSON body; a JSON error when absent.
        #[serde(default)]
        body: Option<Value>,
    },
    /// WordPress.com's throttling: HTTP 500 with an HTML "Limit reached" page.
    LimitReached,
    /// Waits, then answers normally.
    Delay {
        /// Milliseconds to wait.
        ms: u64,
    },
    /// Closes the TCP connection: without any response, or in the middle of one.
    Drop {
        /// Before or after processing.
        #[serde(default)]
        when: DropWhen,
    },
    /// `200` with `Content-Type: application/json` and a truncated body.
    MalformedJson,
    /// `200` with an error body, as WordPress.com has answered `/me` and `/me/sites`.
    OkErrorBody {
        /// The `error` code.
        #[serde(default = "default_ok_error")]
        error: String,
        /// The `message` text.
        #[serde(default = "default_ok_message")]
        message: String,
    },
    /// Processes the request, then answers `200` with this top-level key removed from the JSON.
    OkMissingKey {
        /// The key to remove, e.g. `sites` or `ID`.
        key: String,
    },
}

fn default_ok_error() -> String {
    "authorization_required".to_owned()
}

fn default_ok_message() -> String {
    "An active access token must be used to query information about the current user.".to_owned()
}

/// Faults waiting for their requests, in the order they were queued.
#[derive(Debug, Default)]
pub struct FaultQueue {
    pending: Vec<FaultSpec>,
}

fn normalize(path: &str) -> &str {
    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty() {
        "/"
    } else {
        trimmed
    }
}

impl FaultSpec {
    fn matches(&self, method: &Method, path: &str) -> bool {
        let method_ok = self
            .method
            .as_deref()
            .map_or(true, |m| m.eq_ignore_ascii_case(method.as_str()));
        let path_ok = match self.path.strip_suffix('*') {
            Some(prefix) => path.starts_with(prefix),
            None => normalize(&self.path) == normalize(path),
        };
        method_ok && path_ok
    }
}

impl FaultQueue {
    /// Queues a fault; rejects a zero count or an impossible status.
    pub fn push(&mut self, spec: FaultSpec) -> Result<(), String> {
        if spec.count == 0 {
            return Err("count must be at least 1".to_owned());
        }
        if let Fault::Status { status, .. } = &spec.fault {
            if StatusCode::from_u16(*status).is_err() || *status < 200 {
                return Err(format!("status {status} cannot be sent"));
            }
        }
        if spec.path.is_empty() {
            return Err("path is required".to_owned());
        }
        if let Fault::OkMissingKey { key } = &spec.fault {
            if key.is_empty() {
                return Err("key is required".to_owned());
            }
        }
        self.pending.push(spec);
        Ok(())
    }

    /// Takes one use of the first fault matching the request.
    pub fn take(&mut self, method: &Method, path: &str) -> Option<Fault> {
        let index = self.pending.iter().position(|f| f.matches(method, path))?;
        let spec = self.pending.get_mut(index)?;
        spec.count = spec.count.saturating_sub(1);
        let fault = spec.fault.clone();
        if spec.count == 0 {
            self.pending.remove(index);
        }
        Some(fault)
    }

    /// What is still queued.
    pub fn list(&self) -> &[FaultSpec] {
        &self.pending
    }
}

/// The response a fault answers with, for the kinds that answer at all.
pub fn canned_response(fault: &Fault) -> Option<Response> {
    match fault {
        Fault::Status { status, retry_after, body } => {
            let code = StatusCode::from_u16(*status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let body = body.clone().unwrap_or_else(|| {
                json!({"error": "emulated_fault", "message": format!("HTTP {status} (fault injected by the emulator)")})
            });
            let mut response = (code, axum::Json(body)).into_response();
            let retry = retry_after.as_ref().map(|value| match value {
                Value::String(text) => text.clone(),
                other => other.to_string(),
            });
            if let Some(value) = retry.and_then(|r| HeaderValue::from_str(&r).ok()) {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
            Some(response)
        }
        Fault::LimitReached => Some(
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
                "<!DOCTYPE html><html><head><title>Limit reached</title></head><body>\
<h1>Limit reached</h1><p>You have made too many requests. Please wait and try again.</p></body></html>\n",
            )
                .into_response(),
        ),
        Fault::MalformedJson => Some(
            (
                StatusCode::OK,
                [(header::CONTENT_TYPE, "application/json")],
                "{\"ID\":1001,\"username\":\"alice\",\"display_name\":\"Ali",
            )
                .into_response(),
        ),
        Fault::OkErrorBody { error, message } => Some(
            (
                StatusCode::OK,
                axum::Json(json!({"error": error, "message": message})),
            )
                .into_response(),
        ),
        Fault::Delay { .. } | Fault::Drop { .. } | Fault::OkMissingKey { .. } => None,
    }
}

/// The head of a response and its whole body, read to the end (empty if reading fails): the
/// faults that spoil an answer after it was made start from this.
pub async fn buffered(response: Response) -> (Parts, Bytes) {
    let (parts, body) = response.into_parts();
    let bytes = body
        .collect()
        .await
        .map(|b| b.to_bytes())
        .unwrap_or_default();
    (parts, bytes)
}

/// A processed answer as `200` without the top-level `key`. Only a successful answer with a
/// JSON object body is changed: the fault stands for a reply that worked but lacks a key.
pub async fn without_key(response: Response, key: &str) -> Response {
    if !response.status().is_success() {
        return response;
    }
    let (mut parts, bytes) = buffered(response).await;
    let mut object = match serde_json::from_slice::<Value>(&bytes) {
        Ok(Value::Object(object)) => object,
        _ => return Response::from_parts(parts, Body::from(bytes)),
    };
    object.remove(key);
    let text = serde_json::to_vec(&Value::Object(object)).unwrap_or_default();
    parts.status = StatusCode::OK;
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(path: &str, method: Option<&str>, count: u32) -> FaultSpec {
        FaultSpec {
            path: path.to_owned(),
            method: method.map(str::to_owned),
            count,
            fault: Fault::LimitReached,
        }
    }

    #[test]
    fn paths_match_exactly_or_by_prefix() {
        let cases = [
            ("/rest/v1.1/me", "/rest/v1.1/me/", true),
            ("/rest/v1.1/me/", "/rest/v1.1/me", true),
            ("/rest/v1.1/me", "/rest/v1.1/me/sites", false),
            ("/rest/v1.1/sites/*", "/rest/v1.1/sites/2001/posts", true),
            ("/rest/v1.1/sites/*", "/rest/v1.1/me", false),
        ];
        for (pattern, path, want) in cases {
            assert_eq!(
                spec(pattern, None, 1).matches(&Method::GET, path),
                want,
                "{pattern} {path}"
            );
        }
    }

    #[test]
    fn faults_are_consumed_in_order_and_by_count() {
        let mut queue = FaultQueue::default();
        queue.push(spec("/a", Some("POST"), 2)).unwrap();
        queue
            .push(FaultSpec {
                fault: Fault::MalformedJson,
                ..spec("/a", None, 1)
            })
            .unwrap();
        assert_eq!(queue.take(&Method::GET, "/a"), Some(Fault::MalformedJson));
        assert_eq!(queue.take(&Method::GET, "/a"), None);
        assert_eq!(queue.take(&Method::POST, "/a"), Some(Fault::LimitReached));
        assert_eq!(queue.list().first().map(|f| f.count), Some(1));
        assert_eq!(queue.take(&Method::POST, "/a"), Some(Fault::LimitReached));
        assert!(queue.list().is_empty());
    }

    #[test]
    fn impossible_faults_are_refused() {
        let mut queue = FaultQueue::default();
        assert!(queue.push(spec("/a", None, 0)).is_err());
        let bad_status = FaultSpec {
            fault: Fault::Status {
                status: 42,
                retry_after: None,
                body: None,
            },
            ..spec("/a", None, 1)
        };
        assert!(queue.push(bad_status).is_err());
    }
}
