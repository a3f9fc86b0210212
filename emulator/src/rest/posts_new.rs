//! `POST /sites/$site/posts/new`.

use serde_json::Value;

use super::auth::{readable_site, require};
use super::body::{list_field, text_field};
use super::errors::ApiError;
use super::post_json::post_json;
use super::Call;
use crate::seed::Role;
use crate::store::{scheduled_status, slugify, MetaEntry, Post};
use crate::time;

const STATUSES: &[&str] = &["publish", "draft", "pending", "private", "future"];

fn non_empty(body: &Value, key: &str) -> Option<String> {
    text_field(body, key).filter(|text| !text.trim().is_empty())
}

fn metadata(body: &Value) -> Vec<MetaEntry> {
    let Some(Value::Array(items)) = body.get("metadata") else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| {
            let key = text_field(item, "key")?;
            Some((key, item.get("value").cloned().unwrap_or(Value::Null)))
        })
        .zip(1..)
        .map(|((key, value), id)| MetaEntry { id, key, value })
        .collect()
}

/// The status a post really gets: contributors' posts wait for review, and dates decide
/// between `publish` and `future`, as WordPress does without telling the caller.
fn effective_status(asked: &str, role: Role, date: i64, now: i64) -> String {
    let asked = if !role.can_publish() && matches!(asked, "publish" | "future" | "private") {
        "pending"
    } else {
        asked
    };
    scheduled_status(asked, date, now).to_owned()
}

/// `POST /sites/$site/posts/new`.
pub fn create(call: &Call, site_ref: &str) -> Result<Value, ApiError> {
    let grant = require(
        call.grant.as_ref(),
        "An active access token must be used to create posts.",
    )?;
    let body = &call.body;
    let title = non_empty(body, "title");
    let content = non_empty(body, "content");
    let excerpt = non_empty(body, "excerpt");
    if title.is_none() && content.is_none() && excerpt.is_none() {
        return Err(ApiError::invalid_input(
            "A post requires a title, content or excerpt.",
        ));
    }
    let asked = text_field(body, "status").unwrap_or_else(|| "publish".to_owned());
    if !STATUSES.contains(&asked.as_str()) {
        return Err(ApiError::invalid_input("Invalid status"));
    }
    let now = time::now();
    let date = match non_empty(body, "date") {
        Some(text) => {
            time::parse_iso(&text).ok_or_else(|| ApiError::invalid_input("Invalid date"))?
        }
        None => now,
    };
    let tags = list_field(body, "tags");
    let categories = list_field(body, "categories");
    let sticky = text_field(body, "sticky").is_some_and(|s| matches!(s.as_str(), "true" | "1"));
    call.app.try_write(|world| {
        let site = readable_site(world, Some(grant), site_ref)?.clone();
        let role = world
            .role(grant.user_id, site.id)
            .filter(|r| r.can_edit_posts())
            .ok_or_else(|| ApiError::unauthorized("User cannot publish posts"))?;
        let parent = text_field(body, "parent")
            .and_then(|p| p.parse::<u64>().ok())
            .filter(|id| world.post(site.id, *id).is_some());
        let wanted_slug = non_empty(body, "slug")
            .map(|s| slugify(&s))
            .unwrap_or_else(|| slugify(title.as_deref().unwrap_or("")));
        let id = world.next_post_id(site.id);
        let post = Post {
            site_id: site.id,
            id,
            author_id: grant.user_id,
            date,
            modified: now,
            title: title.clone().unwrap_or_default(),
            content: content.clone().unwrap_or_default(),
            excerpt: excerpt.clone().unwrap_or_default(),
            slug: world.unique_slug(site.id, &wanted_slug),
            status: effective_status(&asked, role, date, now),
            sticky,
            password: text_field(body, "password").unwrap_or_default(),
            format: non_empty(body, "format").unwrap_or_else(|| "standard".to_owned()),
            parent,
            tags: tags.clone(),
            categories: categories.clone(),
            likes: Vec::new(),
            featured_image: text_field(body, "featured_image").unwrap_or_default(),
            metadata: metadata(body),
        };
        world.register_terms(site.id, &tags, &categories);
        world.posts.push(post.clone());
        Ok(post_json(
            world,
            &site,
            &post,
            Some(grant),
            call.context,
            &call.app.base_url,
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_follows_role_and_date() {
        let (now, later) = (1_000, 2_000);
        let cases = [
            ("publish", Role::Author, now, "publish"),
            ("publish", Role::Contributor, now, "pending"),
            ("private", Role::Contributor, now, "pending"),
            ("draft", Role::Contributor, now, "draft"),
            ("publish", Role::Editor, later, "future"),
            ("future", Role::Editor, now, "publish"),
        ];
        for (asked, role, date, want) in cases {
            assert_eq!(
                effective_status(asked, role, date, now),
                want,
                "{asked} {role:?}"
            );
        }
    }
}
