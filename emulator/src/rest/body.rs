//! Request input: the path's segments, the query string, and POST bodies in JSON or form
//! encoding.

use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap};
use serde_json::{Map, Value};

use super::errors::ApiError;

/// Largest JSON or form request body accepted (v1.1 and `wp/v2`).
pub const BODY_LIMIT: usize = 1 << 20;

/// Largest `multipart/form-data` request body accepted (uploads); the server's
/// `DefaultBodyLimit` is set to this. Each file is held to the smaller upload limit on its own.
pub const MULTIPART_LIMIT: usize = 64 << 20;

/// A file part of a `multipart/form-data` body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Upload {
    /// The part's name, e.g. `media[]`.
    pub field: String,
    /// The file name the client gave (may be empty).
    pub file_name: String,
    /// The part's `Content-Type`, if any.
    pub content_type: Option<String>,
    /// The bytes.
    pub bytes: Bytes,
}

/// A POST body: its fields as JSON (form and multipart text parts converted with PHP's
/// `a[]`/`a[k]` rules) and its file parts.
#[derive(Clone, Debug, Default)]
pub struct Input {
    /// Fields, `{}` when none.
    pub fields: Value,
    /// File parts in order.
    pub files: Vec<Upload>,
}

fn media_type(headers: &HeaderMap) -> String {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|ct| ct.split(';').next())
        .map(|m| m.trim().to_ascii_lowercase())
        .unwrap_or_default()
}

/// Reads a POST body of any kind the REST API takes: JSON, form-urlencoded, or multipart
/// (parsed by axum's `Multipart`, up to [`MULTIPART_LIMIT`] as the server's limit says).
pub async fn read_input(parts: &Parts, body: Body) -> Result<Input, ApiError> {
    if media_type(&parts.headers) != "multipart/form-data" {
        let fields = read_body(&parts.headers, body).await?;
        return Ok(Input {
            fields,
            files: Vec::new(),
        });
    }
    let broken = |_| ApiError::invalid_input("Invalid multipart body");
    let request = Request::from_parts(parts.clone(), body);
    let mut multipart = Multipart::from_request(request, &())
        .await
        .map_err(|_| ApiError::invalid_input("Invalid multipart body: no boundary"))?;
    let mut root = Map::new();
    let mut files = Vec::new();
    while let Some(field) = multipart.next_field().await.map_err(broken)? {
        let name = field.name().unwrap_or_default().to_owned();
        match field.file_name().map(str::to_owned) {
            Some(file_name) => {
                let content_type = field.content_type().map(str::to_owned);
                let bytes = field.bytes().await.map_err(broken)?;
                files.push(Upload {
                    field: name,
                    file_name,
                    content_type,
                    bytes,
                });
            }
            None => {
                let text = field.text().await.map_err(broken)?;
                insert_php_key(&mut root, &name, text);
            }
        }
    }
    let mut fields = Value::Object(root);
    numeric_objects_to_arrays(&mut fields);
    Ok(Input { fields, files })
}

/// The segments of `path` after `prefix`, empty ones (doubled or trailing slashes) removed.
pub fn path_segments<'p>(path: &'p str, prefix: &str) -> Vec<&'p str> {
    path.trim_start_matches(prefix)
        .split('/')
        .filter(|s| !s.is_empty())
        .collect()
}

/// Query parameters in order.
#[derive(Clone, Debug, Default)]
pub struct Query {
    pairs: Vec<(String, String)>,
}

impl Query {
    /// Parses a raw query string.
    pub fn parse(raw: Option<&str>) -> Query {
        let pairs = form_urlencoded::parse(raw.unwrap_or("").as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        Query { pairs }
    }

    /// The first value of `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// A flag like `pretty=1` or `pretty=true`.
    pub fn flag(&self, key: &str) -> bool {
        self.get(key).is_some_and(|v| matches!(v, "1" | "true"))
    }
}

/// Reads a request body of at most [`BODY_LIMIT`] bytes and parses it as [`parse_body`] does.
pub async fn read_body(headers: &HeaderMap, body: Body) -> Result<Value, ApiError> {
    let bytes = axum::body::to_bytes(body, BODY_LIMIT)
        .await
        .map_err(|_| ApiError::invalid_input("Request body too large or unreadable"))?;
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    parse_body(content_type, &bytes)
}

/// Parses a POST body: JSON, form-urlencoded (with PHP's `a[]=` and `a[k]=`), or nothing.
pub fn parse_body(content_type: Option<&str>, bytes: &[u8]) -> Result<Value, ApiError> {
    let media = content_type
        .and_then(|ct| ct.split(';').next())
        .map(|m| m.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let blank = bytes.iter().all(u8::is_ascii_whitespace);
    if blank {
        return Ok(Value::Object(Map::new()));
    }
    if media == "application/json" || (media.is_empty() && bytes.first() == Some(&b'{')) {
        return match serde_json::from_slice::<Value>(bytes) {
            Ok(Value::Object(map)) => Ok(Value::Object(map)),
            Ok(_) | Err(_) => Err(ApiError::invalid_input("Invalid JSON body")),
        };
    }
    let mut root = Map::new();
    for (key, value) in form_urlencoded::parse(bytes) {
        insert_php_key(&mut root, &key, value.into_owned());
    }
    let mut value = Value::Object(root);
    numeric_objects_to_arrays(&mut value);
    Ok(value)
}

/// Stores `value` at a PHP-style key such as `tags[]` or `metadata[0][key]`.
fn insert_php_key(root: &mut Map<String, Value>, key: &str, value: String) {
    let split = key
        .find('[')
        .filter(|at| *at > 0 && key.ends_with(']'))
        .and_then(|at| key.split_at_checked(at));
    let (head, rest) = match split {
        Some(parts) => parts,
        None => {
            root.insert(key.to_owned(), Value::String(value));
            return;
        }
    };
    let segments: Vec<&str> = rest
        .trim_start_matches('[')
        .trim_end_matches(']')
        .split("][")
        .collect();
    let mut slot = root.entry(head.to_owned()).or_insert(Value::Null);
    for segment in segments {
        slot = if segment.is_empty() {
            if !slot.is_array() {
                *slot = Value::Array(Vec::new());
            }
            match slot {
                Value::Array(items) => {
                    items.push(Value::Null);
                    match items.last_mut() {
                        Some(last) => last,
                        None => return,
                    }
                }
                _ => return,
            }
        } else {
            if !slot.is_object() {
                *slot = Value::Object(Map::new());
            }
            match slot {
                Value::Object(map) => map.entry(segment.to_owned()).or_insert(Value::Null),
                _ => return,
            }
        };
    }
    *slot = Value::String(value);
}

/// `{"0": a, "1": b}` from `x[0]=…&x[1]=…` becomes `[a, b]`, as PHP code would treat it.
fn numeric_objects_to_arrays(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.values_mut().for_each(numeric_objects_to_arrays);
            if !map.is_empty() && map.keys().all(|k| k.parse::<u32>().is_ok()) {
                let mut entries: Vec<(u32, Value)> = std::mem::take(map)
                    .into_iter()
                    .map(|(k, v)| (k.parse().unwrap_or(0), v))
                    .collect();
                entries.sort_by_key(|(k, _)| *k);
                *value = Value::Array(entries.into_iter().map(|(_, v)| v).collect());
            }
        }
        Value::Array(items) => items.iter_mut().for_each(numeric_objects_to_arrays),
        _ => {}
    }
}

/// A body field as text (numbers and booleans too).
pub fn text_field(body: &Value, key: &str) -> Option<String> {
    match body.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A list field given as a comma-separated string or as an array.
pub fn list_field(body: &Value, key: &str) -> Vec<String> {
    let items: Vec<String> = match body.get(key) {
        Some(Value::String(s)) => s.split(',').map(str::to_owned).collect(),
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|v| match v {
                Value::String(s) => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let mut out: Vec<String> = Vec::new();
    for item in items.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        if !out.iter().any(|seen| seen == item) {
            out.push(item.to_owned());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn bodies_parse_from_every_encoding() {
        let form = "application/x-www-form-urlencoded";
        let cases: [(Option<&str>, &str, Value); 6] = [
            (
                Some("application/json"),
                r#"{"title":"Hi","tags":["a","b"]}"#,
                json!({"title":"Hi","tags":["a","b"]}),
            ),
            (
                Some(form),
                "title=Hi+there&tags=a%2Cb",
                json!({"title":"Hi there","tags":"a,b"}),
            ),
            (Some(form), "tags[]=a&tags[]=b", json!({"tags":["a","b"]})),
            (
                Some(form),
                "metadata[0][key]=k&metadata[0][value]=v",
                json!({"metadata":[{"key":"k","value":"v"}]}),
            ),
            (None, "", json!({})),
            (Some("application/json; charset=utf-8"), " ", json!({})),
        ];
        for (ct, body, want) in cases {
            assert_eq!(parse_body(ct, body.as_bytes()).unwrap(), want, "{body}");
        }
    }

    #[test]
    fn broken_json_is_invalid_input() {
        let err = parse_body(Some("application/json"), b"{nope").unwrap_err();
        assert_eq!(err.code, "invalid_input");
    }

    #[test]
    fn list_fields_accept_strings_and_arrays() {
        let body = json!({"a": " x, y ,,x", "b": ["x", 2], "c": 5});
        assert_eq!(list_field(&body, "a"), ["x", "y"]);
        assert_eq!(list_field(&body, "b"), ["x", "2"]);
        assert!(list_field(&body, "c").is_empty());
    }
}
