//! The body of `posts/new` and `posts/$ID`: the fields both read, and how they change a post.

use serde_json::Value;

use super::body::{list_field, text_field};
use super::errors::ApiError;
use crate::seed::Role;
use crate::store::{scheduled_status, slugify, MetaEntry, Post, World};
use crate::time;
use crate::wp::post_fields::as_bool;

/// The fields a body gives; `None` leaves the post's value as it is.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PostInput {
    /// `title`.
    pub title: Option<String>,
    /// `content`.
    pub content: Option<String>,
    /// `excerpt`.
    pub excerpt: Option<String>,
    /// `status`, one of the statuses the route allows.
    pub status: Option<String>,
    /// `date`.
    pub date: Option<i64>,
    /// `slug`.
    pub slug: Option<String>,
    /// `password`.
    pub password: Option<String>,
    /// `format`.
    pub format: Option<String>,
    /// `sticky`.
    pub sticky: Option<bool>,
    /// `parent` (a post ID).
    pub parent: Option<u64>,
    /// `tags` (comma string or array).
    pub tags: Option<Vec<String>>,
    /// `categories` (comma string or array).
    pub categories: Option<Vec<String>>,
    /// `featured_image`: a media ID, or `""` to remove it.
    pub featured_image: Option<String>,
    /// `media_urls[]`: images to sideload and attach.
    pub media_urls: Vec<String>,
    /// `metadata[]`.
    pub metadata: Option<Vec<MetaEntry>>,
    /// `discussion.comments_open`.
    pub comments_open: Option<bool>,
}

fn metadata(body: &Value) -> Option<Vec<MetaEntry>> {
    let Some(Value::Array(items)) = body.get("metadata") else {
        return None;
    };
    let entries = items
        .iter()
        .filter_map(|item| {
            let key = text_field(item, "key")?;
            Some((key, item.get("value").cloned().unwrap_or(Value::Null)))
        })
        .zip(1..)
        .map(|((key, value), id)| MetaEntry { id, key, value })
        .collect();
    Some(entries)
}

fn blank(text: Option<&String>) -> bool {
    text.map_or(true, |t| t.trim().is_empty())
}

impl PostInput {
    /// Reads a body; a status outside `statuses` or a bad date is `invalid_input`.
    pub fn parse(body: &Value, statuses: &[&str]) -> Result<PostInput, ApiError> {
        let status = text_field(body, "status").filter(|s| !s.is_empty());
        if status.as_deref().is_some_and(|s| !statuses.contains(&s)) {
            return Err(ApiError::invalid_input("Invalid status"));
        }
        let date = match text_field(body, "date").filter(|d| !d.trim().is_empty()) {
            Some(text) => Some(
                time::parse_iso(&text).ok_or_else(|| ApiError::invalid_input("Invalid date"))?,
            ),
            None => None,
        };
        let list = |key: &str| body.get(key).map(|_| list_field(body, key));
        let comments_open = body
            .get("discussion")
            .and_then(|d| d.get("comments_open"))
            .and_then(as_bool);
        let media_urls = match body.get("media_urls") {
            Some(Value::String(url)) => vec![url.clone()],
            Some(_) => list_field(body, "media_urls"),
            None => Vec::new(),
        };
        Ok(PostInput {
            title: text_field(body, "title"),
            content: text_field(body, "content"),
            excerpt: text_field(body, "excerpt"),
            status,
            date,
            slug: text_field(body, "slug").filter(|s| !s.trim().is_empty()),
            password: text_field(body, "password"),
            format: text_field(body, "format").filter(|f| !f.trim().is_empty()),
            sticky: body.get("sticky").and_then(as_bool),
            parent: text_field(body, "parent").and_then(|p| p.parse().ok()),
            tags: list("tags"),
            categories: list("categories"),
            featured_image: text_field(body, "featured_image"),
            media_urls,
            metadata: metadata(body),
            comments_open,
        })
    }

    /// Whether a title, content or excerpt that is not blank is given (posts/new needs one).
    pub fn has_text(&self) -> bool {
        !(blank(self.title.as_ref())
            && blank(self.content.as_ref())
            && blank(self.excerpt.as_ref()))
    }

    /// Changes `post` (already in or about to join `world`) as the body asks, at `now`, by a
    /// caller with `role`. The slug is made unique; `featured_image` must be a media ID of the
    /// site (anything else is ignored, where WordPress.com would try to sideload a URL).
    pub fn apply(&self, world: &mut World, post: &mut Post, role: Role, now: i64, base: &str) {
        let set = |field: &mut String, value: &Option<String>| {
            if let Some(value) = value {
                field.clone_from(value);
            }
        };
        set(&mut post.title, &self.title);
        set(&mut post.content, &self.content);
        set(&mut post.excerpt, &self.excerpt);
        set(&mut post.password, &self.password);
        set(&mut post.format, &self.format);
        if let Some(sticky) = self.sticky {
            post.sticky = sticky;
        }
        if let Some(open) = self.comments_open {
            post.comments_open = open;
        }
        if let Some(parent) = self.parent {
            let known = parent != post.id && world.post(post.site_id, parent).is_some();
            post.parent = known.then_some(parent);
        }
        if let Some(tags) = &self.tags {
            post.tags.clone_from(tags);
        }
        if let Some(categories) = &self.categories {
            post.categories.clone_from(categories);
        }
        if let Some(metadata) = &self.metadata {
            post.metadata.clone_from(metadata);
        }
        world.register_terms(post.site_id, &post.tags, &post.categories);
        if let Some(wanted) = &self.featured_image {
            set_featured(world, post, wanted, base);
        }
        if let Some(date) = self.date {
            post.date = date;
        }
        let wanted_slug = match &self.slug {
            Some(slug) => Some(slugify(slug)),
            None if post.slug.is_empty() => Some(slugify(&post.title)),
            None => None,
        };
        if let Some(slug) = wanted_slug.filter(|s| *s != post.slug) {
            post.slug = world.unique_slug(post.site_id, &slug);
        }
        let asked = self.status.clone().unwrap_or_else(|| post.status.clone());
        let status = effective_status(&asked, role, post.date, now);
        if status == "trash" && post.status != "trash" {
            post.trashed_from = Some(post.status.clone());
        } else if status != "trash" {
            post.trashed_from = None;
        }
        post.status = status;
        post.modified = now;
    }
}

fn set_featured(world: &World, post: &mut Post, wanted: &str, base: &str) {
    if wanted.trim().is_empty() {
        post.featured_media = 0;
        post.featured_image.clear();
        return;
    }
    let media = wanted
        .trim()
        .parse::<u64>()
        .ok()
        .and_then(|id| world.media_item(post.site_id, id));
    if let Some(media) = media {
        post.featured_media = media.id;
        post.featured_image = media.url(base);
    }
}

/// The status a post really gets: contributors' posts wait for review, and dates decide
/// between `publish` and `future`, as WordPress does without telling the caller.
pub fn effective_status(asked: &str, role: Role, date: i64, now: i64) -> String {
    let asked = if !role.can_publish() && matches!(asked, "publish" | "future" | "private") {
        "pending"
    } else {
        asked
    };
    scheduled_status(asked, date, now).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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
            ("trash", Role::Contributor, now, "trash"),
        ];
        for (asked, role, date, want) in cases {
            assert_eq!(
                effective_status(asked, role, date, now),
                want,
                "{asked} {role:?}"
            );
        }
    }

    #[test]
    fn bodies_read_every_field_form() {
        let body = json!({"title": "T", "sticky": "1", "tags": "a, b", "media_urls": "http://x/a.png",
            "discussion": {"comments_open": false}, "featured_image": ""});
        let input = PostInput::parse(&body, &["publish"]).unwrap();
        assert_eq!(input.sticky, Some(true));
        assert_eq!(input.tags, Some(vec!["a".to_owned(), "b".to_owned()]));
        assert_eq!(input.media_urls, ["http://x/a.png"]);
        assert_eq!(input.comments_open, Some(false));
        assert_eq!(input.featured_image.as_deref(), Some(""));
        assert!(input.categories.is_none());
        assert!(input.has_text());
        let bad = PostInput::parse(&json!({"status": "trash"}), &["publish"]);
        assert_eq!(bad.unwrap_err().code, "invalid_input");
    }
}
