//! `GET /sites/$site/media`, `GET …/media/$id` and `POST …/media/$id/delete`, and the media
//! item as v1.1 sends it.

use axum::http::StatusCode;
use serde_json::{json, Value};

use super::auth::{readable_site, require, role};
use super::errors::ApiError;
use super::paging;
use super::Call;
use crate::seed::{Role, Site};
use crate::store::{size_format, Media, World};
use crate::time;

/// The item is not a media item of that site.
pub fn unknown_media() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "unknown_media", "Unknown Media")
}

/// The media item as WordPress.com's v1.1 sends it. Images get `thumbnail`, `medium` and
/// `large` thumbnails (the same file with `?w=`); other files `{}`.
pub fn media_json(site: &Site, media: &Media, base: &str) -> Value {
    let url = media.url(base);
    let is_image = media.mime_type.starts_with("image/");
    let thumbnails = if is_image {
        json!({
            "thumbnail": format!("{url}?w=150"),
            "medium": format!("{url}?w=300"),
            "large": format!("{url}?w=1024"),
        })
    } else {
        json!({})
    };
    let self_link = format!("{base}/rest/v1.1/sites/{}/media/{}", site.id, media.id);
    let mut links = json!({
        "self": self_link,
        "help": format!("{self_link}/help"),
        "site": format!("{base}/rest/v1.1/sites/{}", site.id),
    });
    if let (true, Value::Object(map)) = (media.post_id > 0, &mut links) {
        map.insert(
            "parent".to_owned(),
            json!(format!(
                "{base}/rest/v1.1/sites/{}/posts/{}",
                site.id, media.post_id
            )),
        );
    }
    json!({
        "ID": media.id,
        "URL": url,
        "guid": url,
        "date": time::iso(media.date),
        "post_ID": media.post_id,
        "author_ID": media.author_id,
        "file": media.file(),
        "mime_type": media.mime_type,
        "extension": media.extension(),
        "title": media.title,
        "caption": media.caption,
        "description": media.description,
        "alt": media.alt,
        "icon": format!("{}/wp-includes/images/media/default.png", site.url),
        "size": size_format(media.bytes.len()),
        "thumbnails": thumbnails,
        "height": media.height,
        "width": media.width,
        "exif": {},
        "meta": {"links": links},
    })
}

fn find<'w>(world: &'w World, site: &Site, id_ref: &str) -> Result<&'w Media, ApiError> {
    id_ref
        .parse::<u64>()
        .ok()
        .and_then(|id| world.media_item(site.id, id))
        .ok_or_else(unknown_media)
}

/// `GET /sites/$site/media`: newest first; `number` (≤ 100, default 20), `page`,
/// `page_handle`, `mime_type` (a prefix: `image` or `image/png`), `post_ID`.
pub fn list(call: &Call, site_ref: &str) -> Result<Value, ApiError> {
    let query = &call.query;
    let number = paging::number(query, 20)?;
    let page = paging::page(query)?;
    // A malformed handle is ignored, as on the posts list.
    let cursor = query
        .get("page_handle")
        .and_then(paging::parse_handle)
        .and_then(|(value, id)| Some((time::parse_iso(&value)?, id)));
    let mime_prefix = query.get("mime_type").unwrap_or("").to_ascii_lowercase();
    let post_id = match query.get("post_ID") {
        None | Some("") => None,
        Some(text) => Some(
            text.parse::<u64>()
                .map_err(|_| ApiError::invalid_input("Invalid post_ID"))?,
        ),
    };
    call.app.read(|world| {
        let site = readable_site(world, call.grant.as_ref(), site_ref)?;
        let mut items: Vec<&Media> = world
            .media
            .iter()
            .filter(|m| m.site_id == site.id && m.mime_type.starts_with(&mime_prefix))
            .filter(|m| post_id.map_or(true, |p| m.post_id == p))
            .collect();
        items.sort_by_key(|m| std::cmp::Reverse((m.date, m.id)));
        let found = items.len();
        let start = match cursor {
            Some(at) => items
                .iter()
                .position(|m| (m.date, m.id) < at)
                .unwrap_or(found),
            None => page.saturating_sub(1).saturating_mul(number),
        };
        let shown: Vec<&Media> = items.iter().skip(start).take(number).copied().collect();
        let base = &call.app.base_url;
        let mut meta = json!({});
        let more = start.saturating_add(shown.len()) < found;
        if let (true, true, Some(last), Value::Object(map)) =
            (page == 1, more, shown.last(), &mut meta)
        {
            let handle = paging::handle(&time::iso(last.date), last.id);
            map.insert("next_page".to_owned(), json!(handle));
        }
        let media: Vec<Value> = shown.iter().map(|m| media_json(site, m, base)).collect();
        Ok(json!({"found": found, "media": media, "meta": meta}))
    })
}

/// `GET /sites/$site/media/$id`.
pub fn get(call: &Call, site_ref: &str, id_ref: &str) -> Result<Value, ApiError> {
    call.app.read(|world| {
        let site = readable_site(world, call.grant.as_ref(), site_ref)?;
        let media = find(world, site, id_ref)?;
        Ok(media_json(site, media, &call.app.base_url))
    })
}

/// `POST /sites/$site/media/$id/delete`: deleted for good (media has no trash), answered with
/// the item as it was and `"status":"deleted"`; its file URL answers 404 afterwards.
pub fn delete(call: &Call, site_ref: &str, id_ref: &str) -> Result<Value, ApiError> {
    let grant = require(
        call.grant.as_ref(),
        "An active access token must be used to delete media.",
    )?;
    call.app.try_write(|world| {
        let site = readable_site(world, Some(grant), site_ref)?.clone();
        let media = find(world, &site, id_ref)?.clone();
        let role = role(world, Some(grant), site.id);
        let own = media.author_id == grant.user_id && role.is_some_and(Role::can_upload);
        if !(own || role.is_some_and(Role::can_edit_others)) {
            return Err(ApiError::unauthorized(
                "User is not authorized delete media",
            ));
        }
        let mut body = media_json(&site, &media, &call.app.base_url);
        world
            .media
            .retain(|m| !(m.site_id == media.site_id && m.id == media.id));
        for post in world
            .posts
            .iter_mut()
            .filter(|p| p.site_id == media.site_id && p.featured_media == media.id)
        {
            post.featured_media = 0;
            post.featured_image.clear();
        }
        if let Value::Object(map) = &mut body {
            map.insert("status".to_owned(), json!("deleted"));
        }
        Ok(body)
    })
}
