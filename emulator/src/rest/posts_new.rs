//! `POST /sites/$site/posts/new`.

use serde_json::Value;

use super::auth::{readable_site, require};
use super::errors::ApiError;
use super::media_new::post_with_media;
use super::post_input::PostInput;
use super::Call;
use crate::store::Post;
use crate::time;

const STATUSES: &[&str] = &["publish", "draft", "pending", "private", "future"];

/// `POST /sites/$site/posts/new`: the fields of [`PostInput`]; `media_urls` are sideloaded
/// and attached (failures listed in `media_errors`, as Jetpack's endpoint does).
pub fn create(call: &Call, site_ref: &str) -> Result<Value, ApiError> {
    let grant = require(
        call.grant.as_ref(),
        "An active access token must be used to create posts.",
    )?;
    let input = PostInput::parse(&call.body, STATUSES)?;
    if !input.has_text() {
        return Err(ApiError::invalid_input(
            "A post requires a title, content or excerpt.",
        ));
    }
    let now = time::now();
    let base = &call.app.base_url;
    call.app.try_write(|world| {
        let site = readable_site(world, Some(grant), site_ref)?.clone();
        let role = world
            .role(grant.user_id, site.id)
            .filter(|r| r.can_edit_posts())
            .ok_or_else(|| ApiError::unauthorized("User cannot publish posts"))?;
        let mut post = Post::blank(site.id, world.next_post_id(site.id), grant.user_id, now);
        post.status = "publish".to_owned();
        input.apply(world, &mut post, role, now, base);
        world.posts.push(post.clone());
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
