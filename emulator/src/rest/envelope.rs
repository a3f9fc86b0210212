//! Global query parameters that shape every answer: `context`, `fields`, `http_envelope`, `pretty`.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use super::body::Query;
use super::errors::ApiError;

/// `context`: how much of each object the caller wants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    /// Rendered for reading (default).
    Display,
    /// Raw values for editing; needs edit rights.
    Edit,
}

impl Context {
    /// Reads `context`; anything but `display` or `edit` is `invalid_context`.
    pub fn from_query(query: &Query) -> Result<Context, ApiError> {
        match query.get("context") {
            None | Some("") | Some("display") => Ok(Context::Display),
            Some("edit") => Ok(Context::Edit),
            Some(_) => Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                "invalid_context",
                "Invalid API CONTEXT",
            )),
        }
    }
}

/// Keys that hold the items of a collection answer.
const COLLECTIONS: &[&str] = &["posts", "sites", "likes", "media", "comments"];

/// Keeps only the listed keys: in each item of a collection, else at the top level.
pub fn apply_fields(body: &mut Value, fields: &str) {
    let wanted: Vec<&str> = fields
        .split(',')
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .collect();
    if wanted.is_empty() {
        return;
    }
    let keep = |value: &mut Value| {
        if let Value::Object(map) = value {
            map.retain(|key, _| wanted.contains(&key.as_str()));
        }
    };
    let Value::Object(map) = body else { return };
    let collection = COLLECTIONS
        .iter()
        .find(|key| map.get(**key).is_some_and(Value::is_array));
    match collection.and_then(|key| map.get_mut(*key)) {
        Some(Value::Array(items)) => items.iter_mut().for_each(keep),
        _ => keep(body),
    }
}

/// Turns a handler's result into the HTTP answer, honouring the global parameters.
pub fn finish(result: Result<Value, ApiError>, query: &Query) -> Response {
    let (status, mut body) = match result {
        Ok(body) => (StatusCode::OK, body),
        Err(err) => (err.status, err.body()),
    };
    if status.is_success() {
        if let Some(fields) = query.get("fields") {
            apply_fields(&mut body, fields);
        }
    }
    json_response(status, body, query)
}

/// Serializes `body`, wrapped in the envelope when `http_envelope=1`.
pub fn json_response(status: StatusCode, body: Value, query: &Query) -> Response {
    let (status, body) = if query.flag("http_envelope") {
        let envelope = json!({
            "code": status.as_u16(),
            "headers": [{"name": "Content-Type", "value": "application/json"}],
            "body": body,
        });
        (StatusCode::OK, envelope)
    } else {
        (status, body)
    };
    let text = if query.flag("pretty") {
        serde_json::to_string_pretty(&body)
    } else {
        serde_json::to_string(&body)
    }
    .unwrap_or_else(|_| "null".to_owned());
    (status, [(header::CONTENT_TYPE, "application/json")], text).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_filter_collection_items_or_the_object() {
        let cases = [
            (
                json!({"found": 2, "posts": [{"ID": 1, "title": "a"}, {"ID": 2, "title": "b"}]}),
                "ID",
                json!({"found": 2, "posts": [{"ID": 1}, {"ID": 2}]}),
            ),
            (
                json!({"ID": 1, "username": "alice", "email": "a@x"}),
                "ID, username",
                json!({"ID": 1, "username": "alice"}),
            ),
            (json!({"ID": 1}), "", json!({"ID": 1})),
        ];
        for (mut body, fields, want) in cases {
            apply_fields(&mut body, fields);
            assert_eq!(body, want, "{fields}");
        }
    }

    #[test]
    fn context_accepts_only_display_and_edit() {
        let cases = [
            ("", Ok(Context::Display)),
            ("context=edit", Ok(Context::Edit)),
            ("context=view", Err(())),
        ];
        for (raw, want) in cases {
            let got = Context::from_query(&Query::parse(Some(raw)))
                .map_err(|e| assert_eq!(e.code, "invalid_context"));
            assert_eq!(got, want, "{raw}");
        }
    }
}
