//! `GET …/posts/$id/likes`, `POST …/likes/new` and `POST …/likes/mine/delete`.

use serde_json::{json, Value};

use super::auth::require;
use super::errors::ApiError;
use super::posts::readable_post;
use super::Call;
use crate::store::{Like, World};
use crate::time;

/// One liker, with their preferred blog (`null` when they have none).
fn liker_json(world: &World, like: &Like) -> Option<Value> {
    let user = world.user(like.user_id)?;
    let blog = world.site_by_id(user.primary_blog);
    let preferred = blog.map_or(Value::Null, |b| {
        json!({
            "ID": b.id,
            "URL": b.url,
            "name": b.name,
            "icon": {
                "img": b.icon.get("img").cloned().unwrap_or(Value::Null),
                "ico": b.icon.get("ico").cloned().unwrap_or(Value::Null),
            },
        })
    });
    Some(json!({
        "ID": user.id,
        "login": user.username,
        "email": false,
        "name": user.display_name,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "nice_name": user.username,
        "URL": blog.map_or("", |b| b.url.as_str()),
        "avatar_URL": user.avatar_url,
        "profile_URL": user.profile_url,
        "site_ID": user.primary_blog,
        "date_liked": time::iso(like.date),
        "default_avatar": false,
        "preferred_blog": preferred,
    }))
}

/// `GET /sites/$site/posts/$id/likes`: newest like first.
pub fn list(call: &Call, site_ref: &str, post_ref: &str) -> Result<Value, ApiError> {
    call.app.read(|world| {
        let (site, post) = readable_post(call, world, site_ref, post_ref)?;
        let me = call.grant.as_ref().map(|g| g.user_id);
        let mut likes: Vec<&Like> = post.likes.iter().collect();
        likes.sort_by(|a, b| b.date.cmp(&a.date).then(b.user_id.cmp(&a.user_id)));
        let base = &call.app.base_url;
        let post_link = format!("{base}/rest/v1.1/sites/{}/posts/{}", site.id, post.id);
        Ok(json!({
            "found": likes.len(),
            "i_like": me.is_some_and(|id| post.likes.iter().any(|l| l.user_id == id)),
            "can_like": me.is_some(),
            "site_ID": site.id,
            "post_ID": post.id,
            "likes": likes.iter().filter_map(|l| liker_json(world, l)).collect::<Vec<_>>(),
            "meta": {"links": {"site": format!("{base}/rest/v1.1/sites/{}", site.id), "post": post_link}},
        }))
    })
}

/// `POST …/likes/new` (`like = true`) and `POST …/likes/mine/delete` (`like = false`).
pub fn set(call: &Call, site_ref: &str, post_ref: &str, like: bool) -> Result<Value, ApiError> {
    let grant = require(
        call.grant.as_ref(),
        "An active access token must be used to like posts.",
    )?;
    call.app.try_write(|world| {
        let (site, post) = readable_post(call, world, site_ref, post_ref)?;
        if post.status != "publish" {
            return Err(ApiError::unauthorized("This post cannot be liked."));
        }
        let (site_id, post_id, jetpack) = (site.id, post.id, site.jetpack);
        let post = world
            .post_mut(site_id, post_id)
            .ok_or_else(ApiError::unknown_post)?;
        let already = post.likes.iter().any(|l| l.user_id == grant.user_id);
        if like && !already {
            post.likes.push(Like {
                user_id: grant.user_id,
                date: time::now(),
            });
        }
        if !like {
            post.likes.retain(|l| l.user_id != grant.user_id);
        }
        let count = post.likes.len();
        // Quirk on purpose: WordPress.com answers `success` as `true` or `1`, and
        // `like_count` as a number or a string. Unlikes and Jetpack sites get the odd forms.
        let odd = jetpack || !like;
        let base = &call.app.base_url;
        let post_link = format!("{base}/rest/v1.1/sites/{site_id}/posts/{post_id}");
        Ok(json!({
            "success": if odd { json!(1) } else { json!(true) },
            "i_like": like,
            "like_count": if odd { json!(count.to_string()) } else { json!(count) },
            "site_ID": site_id,
            "post_ID": post_id,
            "meta": {"links": {
                "site": format!("{base}/rest/v1.1/sites/{site_id}"),
                "post": post_link,
                "likes": format!("{post_link}/likes/"),
            }},
        }))
    })
}
