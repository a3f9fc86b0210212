//! `GET /wp/v2/users/me` and `GET /wp/v2/sites/$site/users/me`: the token's user in core's shape.

use serde_json::{json, Value};

use super::errors::WpError;
use super::reply::Reply;
use super::WpCall;

/// A Gravatar URL at `size` pixels (the seed's `avatar_URL` with its `s=` replaced).
fn avatar(url: &str, size: u32) -> String {
    let bare = url.split('?').next().unwrap_or(url);
    format!("{bare}?s={size}&d=identicon&r=g")
}

/// The signed-in user: `{id, name, url, description, link, slug, avatar_urls}`; anonymous →
/// 401 `rest_not_logged_in`. With a site, the site must be readable and `link` is there.
pub fn me(call: &WpCall, site_ref: Option<&str>) -> Result<Reply, WpError> {
    let grant = call.signed_in()?;
    call.app.read(|world| {
        let site = site_ref.map(|s| call.site(world, s)).transpose()?;
        let user = world
            .user(grant.user_id)
            .ok_or_else(WpError::not_logged_in)?;
        let home = world.site_by_id(user.primary_blog);
        let link_site = site.or(home);
        let link = link_site.map_or_else(String::new, |s| {
            format!("{}/author/{}/", s.url, user.username)
        });
        let self_url = match site {
            Some(s) => format!(
                "{}/wp/v2/sites/{}/users/{}",
                call.app.base_url, s.id, user.id
            ),
            None => format!("{}/wp/v2/users/{}", call.app.base_url, user.id),
        };
        let body: Value = json!({
            "id": user.id,
            "name": user.display_name,
            "url": home.map_or("", |s| s.url.as_str()),
            "description": "",
            "link": link,
            "slug": user.username,
            "avatar_urls": {
                "24": avatar(&user.avatar_url, 24),
                "48": avatar(&user.avatar_url, 48),
                "96": avatar(&user.avatar_url, 96),
            },
            "meta": [],
            "_links": {"self": [{"href": self_url}]},
        });
        Ok(Reply::ok(body))
    })
}
