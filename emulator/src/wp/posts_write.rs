//! `POST /wp/v2/sites/$site/posts` (create), `POST|PUT|PATCH …/posts/$id` (update) and
//! `DELETE …/posts/$id` (trash; with `force=true` delete for good). Answers use `context=edit`,
//! as core's do.

use axum::http::StatusCode;
use serde_json::{json, Value};

use super::errors::WpError;
use super::post_fields::{as_bool, Changes};
use super::post_json::{post_json, post_url, WpContext};
use super::reply::Reply;
use super::WpCall;
use crate::rest::post_json::can_edit;
use crate::seed::{Role, Site};
use crate::store::{scheduled_status, slugify, Post, World};
use crate::time;

/// Publishing (also privately or later) needs the right to publish: core refuses, where
/// v1.1 silently makes the post `pending`.
fn check_publish(role: Option<Role>, status: &str) -> Result<(), WpError> {
    if matches!(status, "publish" | "future" | "private") && !role.is_some_and(Role::can_publish) {
        return Err(WpError::forbidden(
            "rest_cannot_publish",
            "Sorry, you are not allowed to publish posts in this post type.",
        ));
    }
    Ok(())
}

/// A slug from `wanted`, else from the title, not used by another post of the site.
fn pick_slug(world: &World, post: &Post, wanted: Option<&str>) -> String {
    let slug = wanted.map(slugify).filter(|s| !s.is_empty());
    let slug = slug.unwrap_or_else(|| slugify(&post.title));
    if slug == post.slug {
        return slug;
    }
    world.unique_slug(post.site_id, &slug)
}

/// The post as a write answers it: `context=edit`, by a caller who may edit it.
fn edit_json(world: &World, site: &Site, post: &Post, base: &str) -> Value {
    post_json(world, site, post, WpContext::Edit, true, base)
}

/// `POST /wp/v2/sites/$site/posts` → `201` with the post (status `draft` unless asked).
pub fn create(call: &WpCall, site_ref: &str) -> Result<Reply, WpError> {
    let grant = call.signed_in()?;
    let changes = Changes::parse(&call.body)?;
    let blank = |field: &Option<String>| field.as_deref().map_or(true, |t| t.trim().is_empty());
    if blank(&changes.title) && blank(&changes.content) && blank(&changes.excerpt) {
        return Err(WpError::new(
            StatusCode::BAD_REQUEST,
            "empty_content",
            "Content, title, and excerpt are empty.",
        ));
    }
    let now = time::now();
    let base = &call.app.base_url;
    call.app.try_write(|world| {
        let site = call.site(world, site_ref)?.clone();
        let role = world.role(grant.user_id, site.id);
        if !role.is_some_and(Role::can_edit_posts) {
            return Err(WpError::forbidden(
                "rest_cannot_create",
                "Sorry, you are not allowed to create posts as this user.",
            ));
        }
        let asked = changes.status.as_deref().unwrap_or("draft");
        check_publish(role, asked)?;
        let mut post = Post::blank(site.id, world.next_post_id(site.id), grant.user_id, now);
        changes.apply(world, &mut post);
        post.slug = pick_slug(world, &post, changes.slug.as_deref());
        post.status = scheduled_status(asked, post.date, now).to_owned();
        world.posts.push(post.clone());
        let body = edit_json(world, &site, &post, base);
        Ok(Reply::created(body).header("Location", post_url(base, &site, post.id)))
    })
}

/// `POST|PUT|PATCH /wp/v2/sites/$site/posts/$id` → `200` with the changed post.
pub fn update(call: &WpCall, site_ref: &str, id: u64) -> Result<Reply, WpError> {
    let grant = call.signed_in()?;
    let changes = Changes::parse(&call.body)?;
    let now = time::now();
    call.app.try_write(|world| {
        let site = call.site(world, site_ref)?.clone();
        let role = world.role(grant.user_id, site.id);
        let mut post = world
            .post(site.id, id)
            .ok_or_else(WpError::invalid_post_id)?
            .clone();
        if !can_edit(role, Some(grant), &post) {
            return Err(WpError::forbidden(
                "rest_cannot_edit",
                "Sorry, you are not allowed to edit this post.",
            ));
        }
        if let Some(status) = &changes.status {
            check_publish(role, status)?;
        }
        changes.apply(world, &mut post);
        if changes.slug.is_some() {
            post.slug = pick_slug(world, &post, changes.slug.as_deref());
        }
        if changes.status.is_some() || changes.date.is_some() {
            let asked = changes
                .status
                .clone()
                .unwrap_or_else(|| post.status.clone());
            post.status = scheduled_status(&asked, post.date, now).to_owned();
        }
        post.modified = now;
        if let Some(slot) = world.post_mut(site.id, id) {
            *slot = post.clone();
        }
        Ok(Reply::ok(edit_json(
            world,
            &site,
            &post,
            &call.app.base_url,
        )))
    })
}

/// `DELETE /wp/v2/sites/$site/posts/$id`: to the trash (`200`, the post with `status:"trash"`),
/// or with `force=true` gone for good (`{"deleted":true,"previous":…}`).
pub fn delete(call: &WpCall, site_ref: &str, id: u64) -> Result<Reply, WpError> {
    let grant = call.signed_in()?;
    let force = match call.param("force") {
        None => false,
        Some(value) => as_bool(&value)
            .ok_or_else(|| WpError::invalid_param("force", "force is not of type boolean."))?,
    };
    let now = time::now();
    let base = &call.app.base_url;
    call.app.try_write(|world| {
        let site = call.site(world, site_ref)?.clone();
        let role = world.role(grant.user_id, site.id);
        let post = world
            .post(site.id, id)
            .ok_or_else(WpError::invalid_post_id)?;
        if !can_edit(role, Some(grant), post) {
            return Err(WpError::forbidden(
                "rest_cannot_delete",
                "Sorry, you are not allowed to delete this post.",
            ));
        }
        if force {
            let previous = edit_json(world, &site, post, base);
            world
                .posts
                .retain(|p| !(p.site_id == site.id && p.id == id));
            return Ok(Reply::ok(json!({"deleted": true, "previous": previous})));
        }
        if post.status == "trash" {
            return Err(WpError::new(
                StatusCode::GONE,
                "rest_already_trashed",
                "The post has already been deleted.",
            ));
        }
        let mut post = post.clone();
        post.status = "trash".to_owned();
        post.modified = now;
        if let Some(slot) = world.post_mut(site.id, id) {
            *slot = post.clone();
        }
        Ok(Reply::ok(edit_json(world, &site, &post, base)))
    })
}
