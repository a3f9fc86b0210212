//! `GET /me` and `GET /me/sites`.

use serde_json::{json, Value};

use super::auth::{require, Grant};
use super::errors::ApiError;
use super::sites::site_json;
use super::Call;
use crate::seed::Site;
use crate::store::World;
use crate::tokens::Access;

const NEED_TOKEN: &str =
    "An active access token must be used to query information about the current user.";

/// The sites a token shows: all of the user's, or just its blog.
fn sites_for<'w>(world: &'w World, grant: &Grant) -> Vec<&'w Site> {
    let mine = world.sites_of(grant.user_id);
    match grant.access {
        Access::AllSites => mine,
        Access::OneBlog(blog) => mine.into_iter().filter(|s| s.id == blog).collect(),
        Access::ProfileOnly => Vec::new(),
    }
}

/// `GET /me`.
pub fn me(call: &Call) -> Result<Value, ApiError> {
    let grant = require(call.grant.as_ref(), NEED_TOKEN)?;
    call.app.read(|world| {
        let user = world
            .user(grant.user_id)
            .ok_or_else(ApiError::invalid_token)?;
        let sites = sites_for(world, grant);
        let primary = world.site_by_id(user.primary_blog);
        // Quirks on purpose: WordPress.com sends `token_scope` as an array or a string,
        // and `token_site_id` as false, 0 or a number.
        let (token_scope, token_site_id) = match grant.access {
            Access::AllSites => (
                json!(grant.scope.split(' ').collect::<Vec<_>>()),
                json!(false),
            ),
            Access::OneBlog(blog) => (json!(grant.scope), json!(blog)),
            Access::ProfileOnly => (json!(grant.scope), json!(0)),
        };
        let base = &call.app.base_url;
        Ok(json!({
            "ID": user.id,
            "display_name": user.display_name,
            "username": user.username,
            "email": user.email,
            "primary_blog": user.primary_blog,
            "primary_blog_url": primary.map_or("", |s| s.url.as_str()),
            "primary_blog_is_jetpack": primary.is_some_and(|s| s.jetpack),
            "language": user.language,
            "locale_variant": "",
            "token_site_id": token_site_id,
            "token_scope": token_scope,
            "avatar_URL": user.avatar_url,
            "profile_URL": user.profile_url,
            "verified": user.email_verified,
            "email_verified": user.email_verified,
            "date": user.date,
            "site_count": sites.len(),
            "visible_site_count": sites.iter().filter(|s| s.visible != Some(false)).count(),
            "has_unseen_notes": false,
            "newest_note_type": "",
            "phone_account": false,
            "meta": {"links": {
                "self": format!("{base}/rest/v1.1/me"),
                "help": format!("{base}/rest/v1.1/help"),
                "site": format!("{base}/rest/v1.1/sites/{}", user.primary_blog),
                "flags": format!("{base}/rest/v1.1/me/flags"),
            }},
            "is_valid_google_apps_country": true,
            "logout_URL": format!("{base}/wp-login.php?action=logout"),
        }))
    })
}

/// `GET /me/sites`.
pub fn sites(call: &Call) -> Result<Value, ApiError> {
    let grant = require(call.grant.as_ref(), NEED_TOKEN)?;
    if grant.access == Access::ProfileOnly {
        return Err(ApiError::unauthorized(
            "This token only grants access to the user's profile.",
        ));
    }
    call.app.read(|world| {
        let sites: Vec<Value> = sites_for(world, grant)
            .into_iter()
            .map(|site| {
                site_json(
                    world,
                    site,
                    world.role(grant.user_id, site.id),
                    &call.app.base_url,
                )
            })
            .collect();
        Ok(json!({ "sites": sites }))
    })
}
