//! The body of a create or update, read as core's schema reads it.

use serde_json::Value;

use super::errors::WpError;
use crate::rest::body::{list_field, text_field};
use crate::store::{Post, Taxonomy, World};
use crate::time;

/// Statuses a body may ask for (core's enum: `trash` only through `DELETE`).
pub const STATUSES: &[&str] = &["publish", "future", "draft", "pending", "private"];

/// Post formats core knows.
pub const FORMATS: &[&str] = &[
    "standard", "aside", "chat", "gallery", "link", "image", "quote", "status", "video", "audio",
];

/// `a, b, and c`, as core lists an enum in its messages.
fn listed(items: &[&str]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{}, and {last}", rest.join(", ")),
        _ => items.join(""),
    }
}

/// Core takes `title`, `content` and `excerpt` as a string or as `{"raw": …}`.
fn raw_text(body: &Value, key: &str) -> Option<String> {
    match body.get(key)? {
        Value::Object(map) => map.get("raw").and_then(Value::as_str).map(str::to_owned),
        _ => text_field(body, key),
    }
}

/// A boolean as JSON or form bodies and query strings spell it.
pub fn as_bool(value: &Value) -> Option<bool> {
    match value {
        Value::Bool(b) => Some(*b),
        Value::String(s) => match s.as_str() {
            "true" | "1" => Some(true),
            "false" | "0" | "" => Some(false),
            _ => None,
        },
        Value::Number(n) => match n.as_i64() {
            Some(1) => Some(true),
            Some(0) => Some(false),
            _ => None,
        },
        _ => None,
    }
}

fn one_of(body: &Value, key: &str, allowed: &[&str]) -> Result<Option<String>, WpError> {
    match text_field(body, key) {
        None => Ok(None),
        Some(value) if allowed.contains(&value.as_str()) => Ok(Some(value)),
        Some(_) => Err(WpError::invalid_param(
            key,
            format!("{key} is not one of {}.", listed(allowed)),
        )),
    }
}

/// Term IDs given as an array or a comma string.
fn ids(body: &Value, key: &str) -> Result<Option<Vec<u64>>, WpError> {
    if body.get(key).is_none() {
        return Ok(None);
    }
    list_field(body, key)
        .iter()
        .enumerate()
        .map(|(i, id)| {
            id.parse::<u64>().map_err(|_| {
                WpError::invalid_param(key, format!("{key}[{i}] is not of type integer."))
            })
        })
        .collect::<Result<Vec<u64>, WpError>>()
        .map(Some)
}

/// The names of the site's terms with these IDs; unknown IDs are skipped, as core does.
fn names(world: &World, site_id: u64, taxonomy: Taxonomy, ids: &[u64]) -> Vec<String> {
    ids.iter()
        .filter_map(|id| {
            world
                .terms
                .iter()
                .find(|t| t.site_id == site_id && t.taxonomy == taxonomy && t.id == *id)
        })
        .map(|t| t.name.clone())
        .collect()
}

/// The fields of a create or update body; `None` is "not given".
pub struct Changes {
    /// Raw title.
    pub title: Option<String>,
    /// Raw content.
    pub content: Option<String>,
    /// Raw excerpt.
    pub excerpt: Option<String>,
    /// One of [`STATUSES`].
    pub status: Option<String>,
    /// Publication date.
    pub date: Option<i64>,
    /// Wanted slug (made unique by the caller).
    pub slug: Option<String>,
    /// Sticky flag.
    pub sticky: Option<bool>,
    /// One of [`FORMATS`].
    pub format: Option<String>,
    /// Password, empty for none.
    pub password: Option<String>,
    /// Tag term IDs.
    pub tags: Option<Vec<u64>>,
    /// Category term IDs.
    pub categories: Option<Vec<u64>>,
}

impl Changes {
    /// Reads the fields a body gives; a value core would refuse is `rest_invalid_param`.
    pub fn parse(body: &Value) -> Result<Changes, WpError> {
        let date = match text_field(body, "date").filter(|d| !d.trim().is_empty()) {
            Some(text) => Some(
                time::parse_iso(&text)
                    .ok_or_else(|| WpError::invalid_param("date", "Invalid date."))?,
            ),
            None => None,
        };
        let sticky = match body.get("sticky") {
            Some(value) => Some(as_bool(value).ok_or_else(|| {
                WpError::invalid_param("sticky", "sticky is not of type boolean.")
            })?),
            None => None,
        };
        Ok(Changes {
            title: raw_text(body, "title"),
            content: raw_text(body, "content"),
            excerpt: raw_text(body, "excerpt"),
            status: one_of(body, "status", STATUSES)?,
            date,
            slug: text_field(body, "slug"),
            sticky,
            format: one_of(body, "format", FORMATS)?,
            password: text_field(body, "password"),
            tags: ids(body, "tags")?,
            categories: ids(body, "categories")?,
        })
    }

    /// Sets every given field but `slug` and `status`, which need the site and the role.
    pub fn apply(&self, world: &World, post: &mut Post) {
        let text_fields = [
            (&mut post.title, &self.title),
            (&mut post.content, &self.content),
            (&mut post.excerpt, &self.excerpt),
            (&mut post.format, &self.format),
            (&mut post.password, &self.password),
        ];
        for (slot, given) in text_fields {
            if let Some(value) = given {
                slot.clone_from(value);
            }
        }
        if let Some(date) = self.date {
            post.date = date;
        }
        if let Some(sticky) = self.sticky {
            post.sticky = sticky;
        }
        if let Some(ids) = &self.tags {
            post.tags = names(world, post.site_id, Taxonomy::Tag, ids);
        }
        if let Some(ids) = &self.categories {
            post.categories = names(world, post.site_id, Taxonomy::Category, ids);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn bodies_are_read_as_core_reads_them() {
        let body = json!({"title": {"raw": "T"}, "content": "C", "sticky": "1",
            "tags": "3, 4", "status": "pending", "date": "2024-01-01T09:00:00"});
        let changes = Changes::parse(&body).unwrap();
        assert_eq!(changes.title.as_deref(), Some("T"));
        assert_eq!(changes.content.as_deref(), Some("C"));
        assert_eq!(changes.sticky, Some(true));
        assert_eq!(changes.tags, Some(vec![3, 4]));
        assert_eq!(changes.date, Some(1_704_099_600));
        assert_eq!(changes.excerpt, None);
    }

    #[test]
    fn bad_values_name_their_parameter() {
        let cases = [
            (json!({"status": "trash"}), "status"),
            (json!({"format": "poem"}), "format"),
            (json!({"sticky": "maybe"}), "sticky"),
            (json!({"tags": ["x"]}), "tags"),
            (json!({"date": "soon"}), "date"),
        ];
        for (body, param) in cases {
            let err = Changes::parse(&body).err().unwrap();
            assert_eq!(err.code, "rest_invalid_param", "{body}");
            assert_eq!(err.params.first().map(|p| p.0.as_str()), Some(param));
        }
    }

    #[test]
    fn enums_are_listed_like_core_lists_them() {
        assert_eq!(listed(&["a", "b", "c"]), "a, b, and c");
        assert_eq!(listed(&["a"]), "a");
    }
}
