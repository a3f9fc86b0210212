//! `GET /sites/$site/posts/$post_ID` and `GET /sites/$site/posts/slug:$slug`.

use serde_json::Value;

use super::auth::{readable_site, role};
use super::envelope::Context;
use super::errors::ApiError;
use super::post_json::{can_edit, can_read, post_json};
use super::Call;
use crate::seed::Site;
use crate::store::{Post, World};

/// The post `post_ref` names on a site: an ID, or `slug:` and a slug.
pub fn find_post<'w>(world: &'w World, site_id: u64, post_ref: &str) -> Option<&'w Post> {
    match post_ref.strip_prefix("slug:") {
        Some(slug) => world
            .posts
            .iter()
            .find(|p| p.site_id == site_id && p.slug == slug),
        None => post_ref
            .parse::<u64>()
            .ok()
            .and_then(|id| world.post(site_id, id)),
    }
}

/// Resolves `$site` and `$post_ID` (or `slug:…`) and checks the caller may read the post.
pub fn readable_post<'w>(
    call: &Call,
    world: &'w World,
    site_ref: &str,
    post_ref: &str,
) -> Result<(&'w Site, &'w Post), ApiError> {
    let grant = call.grant.as_ref();
    let site = readable_site(world, grant, site_ref)?;
    let post = find_post(world, site.id, post_ref).ok_or_else(ApiError::unknown_post)?;
    if !can_read(role(world, grant, site.id), grant, post) {
        return Err(ApiError::unauthorized(
            "You are not allowed to view this post.",
        ));
    }
    Ok((site, post))
}

/// `GET /sites/$site/posts/$post_ID` (or `slug:$slug`).
pub fn get(call: &Call, site_ref: &str, post_ref: &str) -> Result<Value, ApiError> {
    call.app.read(|world| {
        let (site, post) = readable_post(call, world, site_ref, post_ref)?;
        let grant = call.grant.as_ref();
        if call.context == Context::Edit && !can_edit(role(world, grant, site.id), grant, post) {
            return Err(ApiError::unauthorized("User cannot edit post"));
        }
        Ok(post_json(
            world,
            site,
            post,
            grant,
            call.context,
            &call.app.base_url,
        ))
    })
}
