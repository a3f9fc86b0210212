//! Comments: `GET /sites/$site/posts/$ID/replies/`, `POST …/posts/$ID/replies/new`,
//! `POST /sites/$site/comments/$ID/replies/new` and `POST …/comments/$ID/delete`, as Jetpack's
//! `class.wpcom-json-api-{list,update}-comment(s)-endpoint.php` answer them.
//!
//! Quirks: Jetpack sites answer `found: -1` (not counted); a new comment by someone who is
//! neither a member of the site nor already approved there is `unapproved`.

use axum::http::StatusCode;
use serde_json::{json, Value};

use super::auth::{require, role, Grant};
use super::envelope::Context;
use super::errors::ApiError;
use super::paging;
use super::post_json::{can_edit, permalink, render_html};
use super::posts::readable_post;
use super::Call;
use crate::seed::Site;
use crate::store::{Comment, Post, World};
use crate::time;

/// The comment does not exist on that site (or the caller may not see it).
fn unknown_comment() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "unknown_comment", "Unknown comment")
}

/// Whether the caller may moderate comments on the post (edit it, as `edit_comment` maps).
fn can_moderate(world: &World, grant: Option<&Grant>, post: &Post) -> bool {
    can_edit(role(world, grant, post.site_id), grant, post)
}

/// Whether the caller may see the comment: approved, or theirs, or a moderator.
fn visible(world: &World, grant: Option<&Grant>, post: &Post, comment: &Comment) -> bool {
    comment.status == "approved"
        || grant.is_some_and(|g| g.user_id == comment.author_id && comment.status != "spam")
        || can_moderate(world, grant, post)
}

/// The comment as WordPress.com's v1.1 sends it.
fn comment_json(world: &World, site: &Site, post: &Post, comment: &Comment, call: &Call) -> Value {
    let base = &call.app.base_url;
    let grant = call.grant.as_ref();
    let author = match world.user(comment.author_id) {
        Some(user) => json!({
            "ID": user.id,
            "login": user.username,
            "email": false,
            "name": user.display_name,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "nice_name": user.username,
            "URL": world.site_by_id(user.primary_blog).map_or("", |s| s.url.as_str()),
            "avatar_URL": user.avatar_url,
            "profile_URL": user.profile_url,
            "site_ID": user.primary_blog,
        }),
        None => json!({
            "ID": 0,
            "login": "",
            "email": false,
            "name": comment.author_name,
            "first_name": "",
            "last_name": "",
            "nice_name": "",
            "URL": "",
            "avatar_URL": "https://0.gravatar.com/avatar/?s=96&d=identicon",
            "profile_URL": "",
            "site_ID": 0,
        }),
    };
    let site_link = format!("{base}/rest/v1.1/sites/{}", site.id);
    let self_link = format!("{site_link}/comments/{}", comment.id);
    let parent = comment.parent.map_or(
        json!(false),
        |id| json!({"ID": id, "type": "comment", "link": format!("{site_link}/comments/{id}")}),
    );
    let content = match call.context {
        Context::Edit => comment.content.clone(),
        Context::Display => render_html(&comment.content),
    };
    json!({
        "ID": comment.id,
        "post": {
            "ID": post.id,
            "title": post.title,
            "type": "post",
            "link": format!("{site_link}/posts/{}", post.id),
        },
        "author": author,
        "date": time::iso(comment.date),
        "URL": format!("{}#comment-{}", permalink(site, post), comment.id),
        "short_URL": format!("https://wp.me/p{}-{}%23comment-{}", site.id, post.id, comment.id),
        "content": content,
        "status": comment.status,
        "parent": parent,
        "type": "comment",
        "like_count": 0,
        "i_like": false,
        "can_moderate": can_moderate(world, grant, post),
        "meta": {"links": {
            "self": self_link,
            "help": format!("{self_link}/help"),
            "site": site_link,
            "post": format!("{site_link}/posts/{}", post.id),
            "replies": format!("{self_link}/replies/"),
            "likes": format!("{self_link}/likes/"),
        }},
    })
}

/// `status`: `approved` (default), `unapproved`, `spam`, `trash`, or `all` (approved and
/// unapproved, as WordPress's `all` is).
fn statuses(query: &super::body::Query) -> Result<Vec<&'static str>, ApiError> {
    Ok(match query.get("status").unwrap_or("approved") {
        "approved" | "" => vec!["approved"],
        "unapproved" => vec!["unapproved"],
        "spam" => vec!["spam"],
        "trash" => vec!["trash"],
        "all" => vec!["approved", "unapproved"],
        _ => return Err(ApiError::invalid_input("Invalid status")),
    })
}

/// `GET /sites/$site/posts/$ID/replies/`: `number` (≤ 100, default 20), `page`, `order`
/// (`DESC` default), `status` → `{"found","site_ID","comments"}`.
pub fn list(call: &Call, site_ref: &str, post_ref: &str) -> Result<Value, ApiError> {
    let number = paging::number(&call.query, 20)?;
    let page = paging::page(&call.query)?;
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
    let statuses = statuses(&call.query)?;
    call.app.read(|world| {
        let (site, post) = readable_post(call, world, site_ref, post_ref)?;
        let grant = call.grant.as_ref();
        if statuses != ["approved"] && !can_moderate(world, grant, post) {
            return Err(ApiError::unauthorized(
                "User cannot read non-approved comments",
            ));
        }
        let mut comments: Vec<&Comment> = world
            .comments
            .iter()
            .filter(|c| c.site_id == site.id && c.post_id == post.id)
            .filter(|c| statuses.contains(&c.status.as_str()))
            .collect();
        comments.sort_by_key(|c| (c.date, c.id));
        if descending {
            comments.reverse();
        }
        // Jetpack sites do not count their comments: `found` is -1 there.
        let found = if site.jetpack {
            json!(-1)
        } else {
            json!(comments.len())
        };
        let items: Vec<Value> = comments
            .iter()
            .skip(page.saturating_sub(1).saturating_mul(number))
            .take(number)
            .map(|c| comment_json(world, site, post, c, call))
            .collect();
        Ok(json!({"found": found, "site_ID": site.id, "comments": items}))
    })
}

/// `POST …/posts/$ID/replies/new` (`post_ref` given) or `POST …/comments/$ID/replies/new`
/// (`comment_ref` given), body `{"content"}` → the new comment.
pub fn create(
    call: &Call,
    site_ref: &str,
    post_ref: Option<&str>,
    comment_ref: Option<&str>,
) -> Result<Value, ApiError> {
    let grant = require(
        call.grant.as_ref(),
        "An active access token must be used to comment.",
    )?;
    let content = super::body::text_field(&call.body, "content").unwrap_or_default();
    let now = time::now();
    call.app.try_write(|world| {
        let site = super::auth::readable_site(world, Some(grant), site_ref)?.clone();
        let parent = match comment_ref {
            Some(reference) => Some(find_comment(world, call, &site, reference)?),
            None => None,
        };
        let post_ref = match (&parent, post_ref) {
            (Some(parent), _) => parent.post_id.to_string(),
            (None, Some(post_ref)) => post_ref.to_owned(),
            (None, None) => return Err(ApiError::unknown_post()),
        };
        let (_, post) = readable_post(call, world, site_ref, &post_ref)?;
        let post = post.clone();
        let moderator = can_moderate(world, Some(grant), &post);
        if !post.comments_open && !moderator {
            return Err(ApiError::unauthorized("Comments on this post are closed"));
        }
        if !matches!(post.status.as_str(), "publish" | "private") {
            return Err(ApiError::unauthorized("Comments on drafts are not allowed"));
        }
        if content.trim().is_empty() {
            return Err(ApiError::invalid_input("Invalid request input"));
        }
        if let Some(parent) = parent
            .as_ref()
            .filter(|p| moderator && p.status == "unapproved")
        {
            if let Some(slot) = world
                .comments
                .iter_mut()
                .find(|c| c.site_id == site.id && c.id == parent.id)
            {
                slot.status = "approved".to_owned();
            }
        }
        let trusted = world.role(grant.user_id, site.id).is_some()
            || world.comments.iter().any(|c| {
                c.site_id == site.id && c.author_id == grant.user_id && c.status == "approved"
            });
        let comment = Comment {
            site_id: site.id,
            id: world.next_comment_id(site.id),
            post_id: post.id,
            author_id: grant.user_id,
            author_name: String::new(),
            date: now,
            content: content.clone(),
            status: if trusted { "approved" } else { "unapproved" }.to_owned(),
            parent: parent.map(|p| p.id),
        };
        world.comments.push(comment.clone());
        Ok(comment_json(world, &site, &post, &comment, call))
    })
}

/// The comment `reference` names on the site, if the caller may see it.
fn find_comment(
    world: &World,
    call: &Call,
    site: &Site,
    reference: &str,
) -> Result<Comment, ApiError> {
    let comment = reference
        .parse::<u64>()
        .ok()
        .and_then(|id| world.comment(site.id, id))
        .ok_or_else(unknown_comment)?;
    let post = world
        .post(site.id, comment.post_id)
        .ok_or_else(unknown_comment)?;
    if !visible(world, call.grant.as_ref(), post, comment) {
        return Err(unknown_comment());
    }
    Ok(comment.clone())
}

/// `POST /sites/$site/comments/$ID/delete`: a comment not in the trash goes there (answered
/// with `"status":"trash"`); one already there is deleted for good (`"status":"deleted"`),
/// its replies moving up to its parent, as WordPress does.
pub fn delete(call: &Call, site_ref: &str, comment_ref: &str) -> Result<Value, ApiError> {
    let grant = require(
        call.grant.as_ref(),
        "An active access token must be used to delete comments.",
    )?;
    call.app.try_write(|world| {
        let site = super::auth::readable_site(world, Some(grant), site_ref)?.clone();
        let mut comment = find_comment(world, call, &site, comment_ref)?;
        let post = world
            .post(site.id, comment.post_id)
            .cloned()
            .ok_or_else(unknown_comment)?;
        if !can_moderate(world, Some(grant), &post) {
            return Err(ApiError::unauthorized("User cannot delete comment"));
        }
        let same = |c: &Comment| c.site_id == site.id && c.id == comment.id;
        if comment.status != "trash" {
            comment.status = "trash".to_owned();
            if let Some(slot) = world.comments.iter_mut().find(|c| same(c)) {
                slot.status = comment.status.clone();
            }
            return Ok(comment_json(world, &site, &post, &comment, call));
        }
        let mut body = comment_json(world, &site, &post, &comment, call);
        world.comments.retain(|c| !same(c));
        for child in world
            .comments
            .iter_mut()
            .filter(|c| c.site_id == site.id && c.parent == Some(comment.id))
        {
            child.parent = comment.parent;
        }
        if let Value::Object(map) = &mut body {
            map.insert("status".to_owned(), json!("deleted"));
        }
        Ok(body)
    })
}
