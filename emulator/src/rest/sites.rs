//! `GET /sites/$site` and the site objects `/me/sites` lists.

use serde_json::{json, Value};

use super::auth::{readable_site, role};
use super::errors::ApiError;
use super::Call;
use crate::seed::{Role, Site};
use crate::store::World;

/// `GET /sites/$site`.
pub fn get(call: &Call, reference: &str) -> Result<Value, ApiError> {
    call.app.read(|world| {
        let site = readable_site(world, call.grant.as_ref(), reference)?;
        Ok(site_json(
            world,
            site,
            role(world, call.grant.as_ref(), site.id),
            &call.app.base_url,
        ))
    })
}

/// Capabilities of a role, with WordPress's names.
fn capabilities(role: Option<Role>) -> Value {
    let edit = role.is_some_and(Role::can_edit_posts);
    let publish = role.is_some_and(Role::can_publish);
    let others = role.is_some_and(Role::can_edit_others);
    let manage = role.is_some_and(Role::can_manage);
    json!({
        "edit_pages": others,
        "edit_posts": edit,
        "edit_others_posts": others,
        "edit_others_pages": others,
        "delete_posts": edit,
        "delete_others_posts": others,
        "edit_theme_options": manage,
        "edit_users": manage,
        "list_users": manage,
        "manage_categories": others,
        "manage_options": manage,
        "moderate_comments": others,
        "activate_wordads": manage,
        "promote_users": manage,
        "publish_posts": publish,
        "upload_files": publish,
        "delete_users": manage,
        "remove_users": manage,
        "own_site": manage,
        "view_stats": role.is_some(),
        "view_hosting": manage,
    })
}

/// The site object, as WordPress.com sends it to a viewer with `role`.
pub fn site_json(world: &World, site: &Site, role: Option<Role>, base: &str) -> Value {
    let post_count = world
        .posts
        .iter()
        .filter(|p| p.site_id == site.id && p.status == "publish")
        .count();
    let owner = site
        .members
        .iter()
        .find(|(_, r)| **r == Role::Administrator)
        .and_then(|(name, _)| world.user_by_name(name))
        .map_or(0, |u| u.id);
    let links = format!("{base}/rest/v1.1/sites/{}", site.id);
    let mut object = json!({
        "ID": site.id,
        "name": site.name,
        "description": site.description,
        "URL": site.url,
        "user_can_manage": role.is_some_and(Role::can_manage),
        "capabilities": capabilities(role),
        "jetpack": site.jetpack,
        "jetpack_connection": site.jetpack,
        "is_multisite": site.jetpack,
        "site_owner": owner,
        "post_count": post_count,
        "subscribers_count": site.members.len(),
        "lang": site.lang,
        "logo": site.logo,
        "visible": site.visible,
        "is_private": site.is_private,
        "is_coming_soon": false,
        "single_user_site": site.members.len() == 1,
        "is_vip": false,
        "is_following": role.is_some(),
        "launch_status": "launched",
        "slug": site.domain(),
        "options": site.options,
        "plan": site.plan,
        "meta": {"links": {
            "self": links,
            "help": format!("{links}/help"),
            "posts": format!("{links}/posts/"),
            "comments": format!("{links}/comments/"),
            "xmlrpc": format!("{}/xmlrpc.php", site.url),
        }},
    });
    // Sites without an icon have no `icon` key at all, as on WordPress.com.
    if let (Value::Object(map), false) = (&mut object, site.icon.is_null()) {
        map.insert("icon".to_owned(), site.icon.clone());
    }
    object
}
