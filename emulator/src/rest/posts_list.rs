//! `GET /sites/$site/posts/`: filters, order, and three ways to page (page, offset, page_handle).

use serde_json::{json, Value};

use super::auth::{readable_site, role};
use super::body::Query;
use super::envelope::Context;
use super::errors::ApiError;
use super::paging;
use super::post_json::{can_read, post_json};
use super::Call;
use crate::seed::Role;
use crate::store::{Post, World};
use crate::time;

const STATUSES: &[&str] = &["publish", "private", "draft", "pending", "future", "trash"];

/// Sort field of the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum OrderBy {
    Date,
    Modified,
    Title,
    CommentCount,
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
            "date" => Ok(OrderBy::Date),
            "modified" => Ok(OrderBy::Modified),
            "title" => Ok(OrderBy::Title),
            "comment_count" => Ok(OrderBy::CommentCount),
            "ID" => Ok(OrderBy::Id),
            _ => Err(ApiError::invalid_input("Invalid order_by")),
        }
    }

    fn key(self, world: &World, post: &Post) -> Key {
        match self {
            OrderBy::Date => Key::Num(post.date),
            OrderBy::Modified => Key::Num(post.modified),
            OrderBy::Title => Key::Text(post.title.to_lowercase()),
            OrderBy::CommentCount => {
                Key::Num(i64::try_from(approved_comments(world, post)).unwrap_or(i64::MAX))
            }
            OrderBy::Id => Key::Num(i64::try_from(post.id).unwrap_or(i64::MAX)),
        }
    }

    /// `meta.next_page` for the last post of a page: `value=…&id=…`, as WordPress.com does.
    fn handle(self, world: &World, post: &Post) -> String {
        let value = match self.key(world, post) {
            Key::Num(n) if matches!(self, OrderBy::Date | OrderBy::Modified) => time::iso(n),
            Key::Num(n) => n.to_string(),
            Key::Text(text) => text,
        };
        paging::handle(&value, post.id)
    }

    fn parse_handle(self, handle: &str) -> Option<(Key, u64)> {
        let (value, id) = paging::parse_handle(handle)?;
        let key = match self {
            OrderBy::Date | OrderBy::Modified => Key::Num(time::parse_iso(&value)?),
            OrderBy::Title => Key::Text(value),
            OrderBy::CommentCount | OrderBy::Id => Key::Num(value.parse().ok()?),
        };
        Some((key, id))
    }
}

/// How many approved comments a post has (`discussion.comment_count`).
pub fn approved_comments(world: &World, post: &Post) -> usize {
    world
        .comments
        .iter()
        .filter(|c| c.site_id == post.site_id && c.post_id == post.id && c.status == "approved")
        .count()
}

/// `after`/`before`: ISO 8601 dates, else `invalid_input`.
fn date_param(query: &Query, name: &str) -> Result<Option<i64>, ApiError> {
    match query.get(name).filter(|v| !v.trim().is_empty()) {
        None => Ok(None),
        Some(text) => time::parse_iso(text)
            .map(Some)
            .ok_or_else(|| ApiError::invalid_input(&format!("Invalid {name} date"))),
    }
}

/// `status`: a comma list, or `any` (every status but `trash`, as `WP_Query` reads it).
fn statuses(query: &Query) -> Result<Vec<&str>, ApiError> {
    let statuses: Vec<&str> = match query.get("status").unwrap_or("publish") {
        "any" => STATUSES.iter().copied().filter(|s| *s != "trash").collect(),
        list => list
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect(),
    };
    if statuses.is_empty() || statuses.iter().any(|s| !STATUSES.contains(s)) {
        return Err(ApiError::invalid_input("Invalid status"));
    }
    Ok(statuses)
}

/// `type`: `post` (default) or `any` list the posts; `page` lists nothing (no pages are
/// seeded); any other type is WordPress.com's 400 `unknown_post_type`.
fn wants_posts(query: &Query) -> Result<bool, ApiError> {
    match query.get("type").unwrap_or("post") {
        "post" | "any" | "" => Ok(true),
        "page" => Ok(false),
        _ => Err(ApiError::new(
            axum::http::StatusCode::BAD_REQUEST,
            "unknown_post_type",
            "Unknown post type",
        )),
    }
}

/// `GET /sites/$site/posts/`.
pub fn list(call: &Call, site_ref: &str) -> Result<Value, ApiError> {
    let query = &call.query;
    let number = paging::number(query, 20)?;
    let page = paging::page(query)?;
    let offset = usize::try_from(paging::int_param(query, "offset", 0)?)
        .map_err(|_| ApiError::invalid_input("offset must be at least 0"))?;
    let descending = match query.get("order").map(str::to_ascii_uppercase).as_deref() {
        None | Some("DESC") => true,
        Some("ASC") => false,
        Some(_) => return Err(ApiError::invalid_input("Invalid order")),
    };
    let order_by = OrderBy::parse(query.get("order_by"))?;
    let statuses = statuses(query)?;
    let wants_posts = wants_posts(query)?;
    // A malformed handle is ignored: the first page comes back.
    let cursor = query
        .get("page_handle")
        .and_then(|h| order_by.parse_handle(h));
    let after = date_param(query, "after")?;
    let before = date_param(query, "before")?;
    let search = query.get("search").map(str::to_lowercase);
    let author = query.get("author").and_then(|a| a.parse::<u64>().ok());
    let tag = query.get("tag");
    let category = query.get("category");

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
        let mut posts: Vec<(Key, &Post)> = world
            .posts
            .iter()
            .filter(|p| wants_posts && p.site_id == site.id)
            .filter(|p| statuses.contains(&p.status.as_str()))
            .filter(|p| can_read(role, grant, p))
            .filter(|p| search.as_ref().map_or(true, |n| matches_search(p, n)))
            .filter(|p| author.map_or(true, |a| p.author_id == a))
            .filter(|p| tag.map_or(true, |t| has_term(&p.tags, t)))
            .filter(|p| category.map_or(true, |c| has_term(&p.categories, c)))
            .filter(|p| after.map_or(true, |a| p.date > a))
            .filter(|p| before.map_or(true, |b| p.date < b))
            .map(|p| (order_by.key(world, p), p))
            .collect();
        posts.sort_by(|(ka, a), (kb, b)| {
            let natural = (ka, a.id).cmp(&(kb, b.id));
            if descending {
                natural.reverse()
            } else {
                natural
            }
        });
        let found = posts.len();
        let start = match &cursor {
            Some((key, id)) => posts
                .iter()
                .position(|(k, p)| {
                    let here = (k, p.id);
                    if descending {
                        here < (key, *id)
                    } else {
                        here > (key, *id)
                    }
                })
                .unwrap_or(found),
            None if offset > 0 => offset,
            None => page.saturating_sub(1).saturating_mul(number),
        };
        let shown: Vec<&Post> = posts
            .iter()
            .skip(start)
            .take(number)
            .map(|(_, p)| *p)
            .collect();
        let base = &call.app.base_url;
        let mut meta = json!({
            "links": {"counts": format!("{base}/rest/v1.1/sites/{}/post-counts/post", site.id)},
            "wpcom": true,
        });
        // Only a "first" page (no `page` > 1, no `offset`) carries the handle to the next.
        let first_page = page == 1 && offset == 0;
        let more = start.saturating_add(shown.len()) < found;
        if let (true, true, Some(last), Value::Object(map)) =
            (first_page, more, shown.last(), &mut meta)
        {
            map.insert("next_page".to_owned(), json!(order_by.handle(world, last)));
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
