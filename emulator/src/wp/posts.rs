//! `GET /wp/v2/sites/$site/posts` (paged, with `X-WP-Total`) and `GET …/posts/$id`.

use std::ops::RangeInclusive;

use axum::http::StatusCode;
use serde_json::Value;

use super::errors::WpError;
use super::post_json::{post_json, WpContext};
use super::reply::Reply;
use super::WpCall;
use crate::rest::auth::role;
use crate::rest::post_json::{can_edit, can_read};
use crate::seed::Role;
use crate::store::Post;

/// An integer parameter within `range`, with core's words when it is not.
pub fn int_param(
    call: &WpCall,
    name: &str,
    default: i64,
    range: RangeInclusive<i64>,
) -> Result<i64, WpError> {
    let value = match call.param(name) {
        None => return Ok(default),
        Some(Value::Number(n)) => n.as_i64(),
        Some(Value::String(s)) => s.trim().parse().ok(),
        Some(_) => None,
    }
    .ok_or_else(|| WpError::invalid_param(name, format!("{name} is not of type integer.")))?;
    if range.contains(&value) {
        return Ok(value);
    }
    let detail = if *range.end() == i64::MAX {
        format!("{name} must be greater than or equal to {}", range.start())
    } else {
        format!(
            "{name} must be between {} (inclusive) and {} (inclusive)",
            range.start(),
            range.end()
        )
    };
    Err(WpError::invalid_param(name, detail))
}

/// The paging parameters of a collection: `page` (from 1) and `per_page` (1–100, default 10),
/// with core's words when they are out of range.
#[derive(Clone, Copy)]
pub struct Paging {
    page: i64,
    per_page: i64,
}

impl Paging {
    /// Reads `page` and `per_page` from the call: 400 `rest_invalid_param` when out of range.
    pub fn read(call: &WpCall) -> Result<Paging, WpError> {
        Ok(Paging {
            page: int_param(call, "page", 1, 1..=i64::MAX)?,
            per_page: int_param(call, "per_page", 10, 1..=100)?,
        })
    }

    /// The page of `items` (already filtered and sorted) as core answers it: the JSON array of
    /// `render`ed items, `X-WP-Total`, `X-WP-TotalPages` and `Link` (prev/next); a page past the
    /// last (of a collection that has items) is 400 `rest_post_invalid_page_number`.
    pub fn reply<T>(
        &self,
        call: &WpCall,
        site_ref: &str,
        collection: &str,
        items: &[T],
        render: impl Fn(&T) -> Value,
    ) -> Result<Reply, WpError> {
        let Paging { page, per_page } = *self;
        let total = i64::try_from(items.len()).unwrap_or(i64::MAX);
        let pages = (total + per_page - 1) / per_page;
        if page > pages && total > 0 {
            return Err(WpError::new(
                StatusCode::BAD_REQUEST,
                "rest_post_invalid_page_number",
                "The page number requested is larger than the number of pages available.",
            ));
        }
        let skip = usize::try_from((page - 1).saturating_mul(per_page)).unwrap_or(usize::MAX);
        let take = usize::try_from(per_page).unwrap_or(10);
        let body: Vec<Value> = items.iter().skip(skip).take(take).map(render).collect();
        let mut reply = Reply::ok(Value::Array(body))
            .header("X-WP-Total", total.to_string())
            .header("X-WP-TotalPages", pages.to_string());
        let url = |page: i64| {
            format!(
                "<{}/wp/v2/sites/{site_ref}/{collection}?page={page}&per_page={per_page}>",
                call.app.base_url
            )
        };
        let mut links = Vec::new();
        if page > 1 && pages > 0 {
            links.push(format!("{}; rel=\"prev\"", url((page - 1).min(pages))));
        }
        if page < pages {
            links.push(format!("{}; rel=\"next\"", url(page + 1)));
        }
        if !links.is_empty() {
            reply = reply.header("Link", links.join(", "));
        }
        Ok(reply)
    }
}

/// `GET /wp/v2/sites/$site/posts`: published posts, newest first.
pub fn list(call: &WpCall, site_ref: &str) -> Result<Reply, WpError> {
    let paging = Paging::read(call)?;
    call.app.read(|world| {
        let grant = call.grant.as_ref();
        let site = call.site(world, site_ref)?;
        let role = role(world, grant, site.id);
        if call.context == WpContext::Edit && !role.is_some_and(Role::can_edit_posts) {
            return Err(call.denied(
                "rest_forbidden_context",
                "Sorry, you are not allowed to edit posts in this post type.",
            ));
        }
        let mut posts: Vec<&Post> = world
            .posts
            .iter()
            .filter(|p| p.site_id == site.id && p.status == "publish")
            .collect();
        posts.sort_by_key(|p| std::cmp::Reverse((p.date, p.id)));
        paging.reply(call, site_ref, "posts", &posts, |p| {
            let editable = can_edit(role, grant, p);
            post_json(world, site, p, call.context, editable, &call.app.base_url)
        })
    })
}

/// `GET /wp/v2/sites/$site/posts/$id`.
pub fn get(call: &WpCall, site_ref: &str, id: u64) -> Result<Reply, WpError> {
    call.app.read(|world| {
        let grant = call.grant.as_ref();
        let site = call.site(world, site_ref)?;
        let post = world
            .post(site.id, id)
            .ok_or_else(WpError::invalid_post_id)?;
        let role = role(world, grant, site.id);
        if !can_read(role, grant, post) {
            return Err(call.denied("rest_forbidden", "Sorry, you are not allowed to do that."));
        }
        let editable = can_edit(role, grant, post);
        if call.context == WpContext::Edit && !editable {
            return Err(call.denied(
                "rest_forbidden_context",
                "Sorry, you are not allowed to edit this post.",
            ));
        }
        Ok(Reply::ok(post_json(
            world,
            site,
            post,
            call.context,
            editable,
            &call.app.base_url,
        )))
    })
}
