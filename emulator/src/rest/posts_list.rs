//! `GET /sites/$site/posts/`: filters, order, and three ways to page (page, offset, page_handle).

use std::cmp::Ordering;

use axum::http::StatusCode;
use serde_json::{json, Value};

use super::auth::{readable_site, role};
use super::envelope::Context;
use super::errors::ApiError;
use super::post_json::{can_read, post_json};
use super::Call;
use crate::seed::Role;
use crate::store::Post;
use crate::time;

const STATUSES: &[&str] = &["publish", "private", "draft", "pending", "future", "trash"];

/// Sort field of the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum OrderBy {
    Date,
    Modified,
    Title,
    Id,
}

/// Value of the sort field of one post; with the post ID it orders the list totally.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Num(i64),
    Text(String),
}

impl OrderBy {
    fn parse(raw: Option<&str>) -> Result<OrderBy, ApiError> {
        match raw.unwrap_or("date") {
            "date" | "comment_count" => Ok(OrderBy::Date),
            "modified" => Ok(OrderBy::Modified),
            "title" => Ok(OrderBy::Title),
            "ID" => Ok(OrderBy::Id),
            _ => Err(ApiError::invalid_input("Invalid order_by")),
        }
    }

    fn key(self, post: &Post) -> Key {
        match self {
            OrderBy::Date => Key::Num(post.date),
            OrderBy::Modified => Key::Num(post.modified),
            OrderBy::Title => Key::Text(post.title.to_lowercase()),
            OrderBy::Id => Key::Num(i64::try_from(post.id).unwrap_or(i64::MAX)),
        }
    }

    /// `meta.next_page` for the last post of a page: `value=…&id=…`, as WordPress.com does.
    fn handle(self, post: &Post) -> String {
        let value = match self {
            OrderBy::Date => time::iso(post.date),
            OrderBy::Modified => time::iso(post.modified),
            OrderBy::Title => post.title.to_lowercase(),
            OrderBy::Id => post.id.to_string(),
        };
        form_urlencoded::Serializer::new(String::new())
            .append_pair("value", &value)
            .append_pair("id", &post.id.to_string())
            .finish()
    }

    fn parse_handle(self, handle: &str) -> Option<(Key, u64)> {
        let mut value = None;
        let mut id = None;
        for (k, v) in form_urlencoded::parse(handle.as_bytes()) {
            match k.as_ref() {
                "value" => value = Some(v.into_owned()),
                "id" => id = v.parse::<u64>().ok(),
                _ => {}
            }
        }
        let value = value?;
        let key = match self {
            OrderBy::Date | OrderBy::Modified => Key::Num(time::parse_iso(&value)?),
            OrderBy::Title => Key::Text(value),
            OrderBy::Id => Key::Num(value.parse().ok()?),
        };
        Some((key, id?))
    }
}

fn int_param(call: &Call, name: &str, default: i64) -> Result<i64, ApiError> {
    match call.query.get(name) {
        None | Some("") => Ok(default),
        Some(text) => text
            .trim()
            .parse()
            .map_err(|_| ApiError::invalid_input(&format!("Invalid {name}"))),
    }
}

/// `GET /sites/$site/posts/`.
pub fn list(call: &Call, site_ref: &str) -> Result<Value, ApiError> {
    let number = int_param(call, "number", 20)
        .ok()
        .filter(|n| (1..=100).contains(n))
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "invalid_number",
                "The number parameter must be between 1 and 100.",
            )
        })?;
    let page = int_param(call, "page", 1)?;
    let offset = int_param(call, "offset", 0)?;
    if page < 1 || offset < 0 {
        return Err(ApiError::invalid_input(
            "page must be at least 1 and offset at least 0",
        ));
    }
    let descending = match call
        .query
        .get("order")
        .map(str::to_ascii_uppercase)
        .as_deref()
    {
        None | Some("DESC") => true,
        Some("ASC") => false,
        Some(_) => return Err(ApiError::invalid_input("Invalid order")),
    };
    let order_by = OrderBy::parse(call.query.get("order_by"))?;
    let statuses: Vec<&str> = match call.query.get("status").unwrap_or("publish") {
        "any" => STATUSES.to_vec(),
        list => list
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect(),
    };
    if statuses.is_empty() || statuses.iter().any(|s| !STATUSES.contains(s)) {
        return Err(ApiError::invalid_input("Invalid status"));
    }
    let cursor = match call.query.get("page_handle").filter(|h| !h.is_empty()) {
        Some(handle) => Some(
            order_by
                .parse_handle(handle)
                .ok_or_else(|| ApiError::invalid_input("Invalid page_handle"))?,
        ),
        None => None,
    };
    let search = call.query.get("search").map(str::to_lowercase);
    let author = call.query.get("author").and_then(|a| a.parse::<u64>().ok());
    let tag = call.query.get("tag");
    let category = call.query.get("category");

    call.app.read(|world| {
        let grant = call.grant.as_ref();
        let site = readable_site(world, grant, site_ref)?;
        let role = role(world, grant, site.id);
        if call.context == Context::Edit && !role.is_some_and(Role::can_edit_posts) {
            return Err(ApiError::unauthorized("User cannot edit posts"));
        }
        let has_term = |names: &[String], wanted: &str| {
            names
                .iter()
                .any(|n| n == wanted || crate::store::slugify(n) == wanted)
        };
        let mut posts: Vec<&Post> = world
            .posts
            .iter()
            .filter(|p| p.site_id == site.id && statuses.contains(&p.status.as_str()))
            .filter(|p| can_read(role, grant, p))
            .filter(|p| {
                search
                    .as_ref()
                    .map_or(true, |needle| matches_search(p, needle))
            })
            .filter(|p| author.map_or(true, |a| p.author_id == a))
            .filter(|p| tag.map_or(true, |t| has_term(&p.tags, t)))
            .filter(|p| category.map_or(true, |c| has_term(&p.categories, c)))
            .collect();
        let ordering = |a: &&Post, b: &&Post| -> Ordering {
            let natural = (order_by.key(a), a.id).cmp(&(order_by.key(b), b.id));
            if descending {
                natural.reverse()
            } else {
                natural
            }
        };
        posts.sort_by(ordering);
        let found = posts.len();
        let start = match &cursor {
            Some((key, id)) => {
                let at = (key.clone(), *id);
                posts
                    .iter()
                    .position(|p| {
                        let here = (order_by.key(p), p.id);
                        if descending {
                            here < at
                        } else {
                            here > at
                        }
                    })
                    .unwrap_or(found)
            }
            None if offset > 0 => usize::try_from(offset).unwrap_or(usize::MAX),
            None => usize::try_from((page - 1).saturating_mul(number)).unwrap_or(usize::MAX),
        };
        let size = usize::try_from(number).unwrap_or(20);
        let shown: Vec<&Post> = posts.iter().skip(start).take(size).copied().collect();
        let more = start.saturating_add(size) < found;
        let base = &call.app.base_url;
        let mut meta = json!({
            "links": {"counts": format!("{base}/rest/v1.1/sites/{}/post-counts/post", site.id)},
            "wpcom": true,
        });
        if let (true, Some(last), Value::Object(map)) = (more, shown.last(), &mut meta) {
            map.insert("next_page".to_owned(), json!(order_by.handle(last)));
        }
        let items: Vec<Value> = shown
            .iter()
            .map(|p| post_json(world, site, p, grant, call.context, base))
            .collect();
        Ok(json!({"found": found, "posts": items, "meta": meta}))
    })
}

fn matches_search(post: &Post, needle: &str) -> bool {
    post.title.to_lowercase().contains(needle) || post.content.to_lowercase().contains(needle)
}
