//! `GET /wp/v2/sites/$site/media` (paged, with `X-WP-Total`) and `GET …/media/$id`, over the
//! same media items as v1.1, in core's attachment shape.

use serde_json::{json, Value};

use super::errors::WpError;
use super::posts::{int_param, Paging};
use super::reply::Reply;
use super::WpCall;
use crate::seed::Site;
use crate::store::{Media, World};
use crate::time;

/// The attachment as core sends it.
fn media_json(world: &World, site: &Site, media: &Media, base: &str) -> Value {
    let url = media.url(base);
    let date = time::iso_naive(media.date);
    let self_url = format!("{base}/wp/v2/sites/{}/media/{}", site.id, media.id);
    let kind = if media.mime_type.starts_with("image/") {
        "image"
    } else {
        "file"
    };
    let parent = (media.post_id > 0 && world.post(site.id, media.post_id).is_some())
        .then_some(media.post_id);
    json!({
        "id": media.id,
        "date": date,
        "date_gmt": date,
        "guid": {"rendered": url},
        "modified": date,
        "modified_gmt": date,
        "slug": crate::store::slugify(&media.title),
        "status": "inherit",
        "type": "attachment",
        "link": format!("{}/?attachment_id={}", site.url, media.id),
        "title": {"rendered": media.title},
        "author": media.author_id,
        "comment_status": "open",
        "ping_status": "closed",
        "template": "",
        "meta": [],
        "description": {"rendered": crate::rest::post_json::render_html(&media.description)},
        "caption": {"rendered": crate::rest::post_json::render_html(&media.caption)},
        "alt_text": media.alt,
        "media_type": kind,
        "mime_type": media.mime_type,
        "media_details": {
            "width": media.width,
            "height": media.height,
            "file": format!("{}/{}", site.id, media.path),
            "filesize": media.bytes.len(),
            "sizes": {},
        },
        "post": parent,
        "source_url": url,
        "_links": {
            "self": [{"href": self_url}],
            "collection": [{"href": format!("{base}/wp/v2/sites/{}/media", site.id)}],
        },
    })
}

/// `GET /wp/v2/sites/$site/media`: newest first; `page`, `per_page` (1–100, default 10),
/// `mime_type` (exact), `parent` (a post ID).
pub fn list(call: &WpCall, site_ref: &str) -> Result<Reply, WpError> {
    let paging = Paging::read(call)?;
    let mime_type = call.query.get("mime_type").filter(|m| !m.is_empty());
    let parent = match call.query.get("parent") {
        None | Some("") => None,
        Some(_) => Some(int_param(call, "parent", 0, 0..=i64::MAX)?),
    };
    call.app.read(|world| {
        let site = call.site(world, site_ref)?;
        let mut items: Vec<&Media> = world
            .media
            .iter()
            .filter(|m| m.site_id == site.id)
            .filter(|m| mime_type.map_or(true, |t| m.mime_type == t))
            .filter(|m| parent.map_or(true, |p| i64::try_from(m.post_id).ok() == Some(p)))
            .collect();
        items.sort_by_key(|m| std::cmp::Reverse((m.date, m.id)));
        let base = &call.app.base_url;
        paging.reply(call, site_ref, "media", &items, |m| {
            media_json(world, site, m, base)
        })
    })
}

/// `GET /wp/v2/sites/$site/media/$id`; unknown → 404 `rest_post_invalid_id`.
pub fn get(call: &WpCall, site_ref: &str, id: u64) -> Result<Reply, WpError> {
    call.app.read(|world| {
        let site = call.site(world, site_ref)?;
        let media = world
            .media_item(site.id, id)
            .ok_or_else(WpError::invalid_post_id)?;
        Ok(Reply::ok(media_json(
            world,
            site,
            media,
            &call.app.base_url,
        )))
    })
}
