//! A post's life after `posts/new`: `POST /sites/$site/posts/$ID` (edit),
//! `POST …/posts/$ID/delete` (trash, then delete for good) and `POST …/posts/$ID/restore`,
//! as Jetpack's `class.wpcom-json-api-update-post-v1-1-endpoint.php` does them.

use serde_json::{json, Value};

use super::auth::{require, role, Grant};
use super::errors::ApiError;
use super::media_new::post_with_media;
use super::post_input::PostInput;
use super::post_json::{can_edit, post_json};
use super::posts::readable_post;
use super::Call;
use crate::seed::{Role, Site};
use crate::store::{Post, World};
use crate::time;

/// Statuses an edit may ask for: those of `posts/new`, and `trash`.
const STATUSES: &[&str] = &["publish", "draft", "pending", "private", "future", "trash"];

/// The post, its site and the caller's role, when the caller may change it; `refusal` is the
/// message of the 403 `unauthorized` otherwise.
fn editable(
    call: &Call,
    world: &World,
    grant: &Grant,
    site_ref: &str,
    post_ref: &str,
    refusal: &str,
) -> Result<(Site, Post, Role), ApiError> {
    let (site, post) = readable_post(call, world, site_ref, post_ref)?;
    let role = role(world, Some(grant), site.id);
    match role {
        Some(role) if can_edit(Some(role), Some(grant), post) => {
            Ok((site.clone(), post.clone(), role))
        }
        _ => Err(ApiError::unauthorized(refusal)),
    }
}

fn store(world: &mut World, post: &Post) {
    if let Some(slot) = world.post_mut(post.site_id, post.id) {
        *slot = post.clone();
    }
}

/// `POST /sites/$site/posts/$ID`: the fields of `posts/new`, each optional; `status` may
/// be `trash` (and a trashed post given another status is restored).
pub fn edit(call: &Call, site_ref: &str, post_ref: &str) -> Result<Value, ApiError> {
    let grant = require(
        call.grant.as_ref(),
        "An active access token must be used to edit posts.",
    )?;
    let input = PostInput::parse(&call.body, STATUSES)?;
    let now = time::now();
    let base = &call.app.base_url;
    call.app.try_write(|world| {
        let (site, mut post, role) = editable(
            call,
            world,
            grant,
            site_ref,
            post_ref,
            "User cannot edit post",
        )?;
        input.apply(world, &mut post, role, now, base);
        store(world, &post);
        Ok(post_with_media(
            world,
            call,
            &site,
            &post,
            grant,
            role,
            &input.media_urls,
        ))
    })
}

/// `POST /sites/$site/posts/$ID/delete`: a post not in the trash goes there (answered with
/// `"status":"trash"`); one already there is deleted for good, with its comments (answered
/// as it was, with `"status":"deleted"`).
pub fn delete(call: &Call, site_ref: &str, post_ref: &str) -> Result<Value, ApiError> {
    let grant = require(
        call.grant.as_ref(),
        "An active access token must be used to delete posts.",
    )?;
    let now = time::now();
    let base = &call.app.base_url;
    call.app.try_write(|world| {
        let (site, mut post, _) = editable(
            call,
            world,
            grant,
            site_ref,
            post_ref,
            "User cannot delete posts",
        )?;
        if post.status != "trash" {
            post.trashed_from = Some(std::mem::replace(&mut post.status, "trash".to_owned()));
            post.modified = now;
            store(world, &post);
            return Ok(post_json(
                world,
                &site,
                &post,
                Some(grant),
                call.context,
                base,
            ));
        }
        let mut body = post_json(world, &site, &post, Some(grant), call.context, base);
        world
            .posts
            .retain(|p| !(p.site_id == post.site_id && p.id == post.id));
        world
            .comments
            .retain(|c| !(c.site_id == post.site_id && c.post_id == post.id));
        if let Value::Object(map) = &mut body {
            map.insert("status".to_owned(), json!("deleted"));
        }
        Ok(body)
    })
}

/// `POST /sites/$site/posts/$ID/restore`: a trashed post gets back the status it had before
/// (the endpoint's documented "previous status"); any other post is answered unchanged.
pub fn restore(call: &Call, site_ref: &str, post_ref: &str) -> Result<Value, ApiError> {
    let grant = require(
        call.grant.as_ref(),
        "An active access token must be used to restore posts.",
    )?;
    let now = time::now();
    let base = &call.app.base_url;
    call.app.try_write(|world| {
        let (site, mut post, _) = editable(
            call,
            world,
            grant,
            site_ref,
            post_ref,
            "User cannot restore trashed posts",
        )?;
        if post.status == "trash" {
            post.status = post
                .trashed_from
                .take()
                .unwrap_or_else(|| "draft".to_owned());
            post.modified = now;
            store(world, &post);
        }
        Ok(post_json(
            world,
            &site,
            &post,
            Some(grant),
            call.context,
            base,
        ))
    })
}
