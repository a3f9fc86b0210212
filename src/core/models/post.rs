//! Posts: the post object, a page of posts, and the body of `posts/new`.

use alloc::collections::BTreeMap;
use alloc::{string::String, vec::Vec};

use serde::{Deserialize, Serialize};

use crate::core::error::{Error, ErrorCode};
use crate::core::form::encode_pairs;
use crate::core::text::u64_text;

/// A post as WordPress.com returns it (`posts/new`, `posts/$id`, lists).
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct Post {
    /// Post ID.
    #[serde(rename = "ID")]
    pub id: u64,
    /// Site ID.
    #[serde(rename = "site_ID")]
    pub site_id: u64,
    /// The author.
    pub author: Author,
    /// Publication date (ISO 8601).
    pub date: String,
    /// Last change (ISO 8601).
    pub modified: String,
    /// Title (HTML).
    pub title: String,
    /// Permalink.
    #[serde(rename = "URL")]
    pub url: String,
    /// Short link (`wp.me/…`).
    #[serde(rename = "short_URL")]
    pub short_url: String,
    /// Content (HTML).
    pub content: String,
    /// Excerpt (HTML).
    pub excerpt: String,
    /// URL slug.
    pub slug: String,
    /// Globally unique ID (a URL).
    pub guid: String,
    /// `publish`, `draft`, `pending`, `private` or `future`.
    pub status: String,
    /// Whether the post is sticky.
    pub sticky: bool,
    /// Post password (empty when none).
    pub password: String,
    /// The parent post; `None` when the wire says `false`.
    pub parent: Option<PostParent>,
    /// Post type, e.g. `post` or `page`.
    #[serde(rename = "type")]
    pub post_type: String,
    /// Post format, e.g. `standard`.
    pub format: String,
    /// Tag name → term (`[]` on the wire when there are none).
    pub tags: BTreeMap<String, Term>,
    /// Category name → term (`[]` on the wire when there are none).
    pub categories: BTreeMap<String, Term>,
    /// Number of likes (a number or a numeric string on the wire).
    pub like_count: u64,
    /// Whether the signed-in user likes it.
    pub i_like: bool,
    /// The featured image's URL (`""` when there is none); set it with
    /// [`NewPost::featured_image`], a media ID.
    pub featured_image: String,
    /// Whether comments and pings are open, and how many comments there are.
    pub discussion: Discussion,
}

/// A post's `discussion`.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct Discussion {
    /// New comments are accepted.
    pub comments_open: bool,
    /// `open` or `closed`.
    pub comment_status: String,
    /// Pingbacks are accepted.
    pub pings_open: bool,
    /// `open` or `closed`.
    pub ping_status: String,
    /// Approved comments.
    pub comment_count: u64,
}

/// A post's author.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct Author {
    /// User ID.
    #[serde(rename = "ID")]
    pub id: u64,
    /// Login name.
    pub login: String,
    /// Display name.
    pub name: String,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// URL-safe name.
    pub nice_name: String,
    /// The author's site URL.
    #[serde(rename = "URL")]
    pub url: String,
    /// Avatar image URL.
    #[serde(rename = "avatar_URL")]
    pub avatar_url: String,
    /// Profile URL.
    #[serde(rename = "profile_URL")]
    pub profile_url: String,
}

/// The parent of a post (pages and attachments).
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct PostParent {
    /// Parent post ID.
    #[serde(rename = "ID")]
    pub id: u64,
    /// Parent post type.
    #[serde(rename = "type")]
    pub post_type: String,
    /// API link to the parent.
    pub link: String,
    /// Parent title.
    pub title: String,
}

/// A tag or category.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct Term {
    /// Term ID.
    #[serde(rename = "ID")]
    pub id: u64,
    /// Name.
    pub name: String,
    /// URL slug.
    pub slug: String,
    /// Description.
    pub description: String,
    /// Number of posts with the term.
    pub post_count: u64,
}

/// A page of a post list (`GET /sites/$site/posts/`).
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct PostsPage {
    /// Total number of matching posts.
    pub found: u64,
    /// This page's posts.
    pub posts: Vec<Post>,
    /// Paging data.
    pub meta: PageMeta,
}

/// Paging data of a list.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct PageMeta {
    /// Opaque handle for the next page (pass back unchanged as `page_handle`).
    pub next_page: Option<String>,
}

/// The body of `POST /sites/$site/posts/new`; every field is optional.
///
/// Input from Rust code, not WordPress.com's output: it is built, not decoded, so it has no
/// `Deserialize` (and no quirks to read).
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct NewPost {
    /// Title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Content (HTML).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// Excerpt.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<String>,
    /// `publish` (server default), `draft`, `pending`, `private` or `future`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Publication date (ISO 8601).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// URL slug.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    /// Post format, e.g. `standard`, `aside`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// Post password.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    /// Whether the post is sticky.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sticky: Option<bool>,
    /// Tag names, each sent as one list item (a name may hold a comma).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Category names, each sent as one list item.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
    /// The featured image: the ID of a media item (`MediaItem::id`, e.g. from
    /// `Client::upload_media`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub featured_image: Option<u64>,
    /// Image URLs for WordPress.com to download into the site's media and attach to the post.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub media_urls: Vec<String>,
}

impl NewPost {
    /// Refuses a post with none of title, content or excerpt, as WordPress.com does
    /// (`invalid_input`), without a round trip.
    pub fn validate(&self) -> Result<(), Error> {
        let has = |f: &Option<String>| f.as_deref().is_some_and(is_post_text);
        if has(&self.title) || has(&self.content) || has(&self.excerpt) {
            Ok(())
        } else {
            Err(empty_post())
        }
    }

    /// The post as a form-urlencoded body. Tags and categories go out as lists (`tags[]=…`, one
    /// pair per item), so a term holding a comma stays one term.
    pub fn to_form(&self) -> String {
        let fields = [
            ("title", self.title.as_deref()),
            ("content", self.content.as_deref()),
            ("excerpt", self.excerpt.as_deref()),
            ("status", self.status.as_deref()),
            ("date", self.date.as_deref()),
            ("slug", self.slug.as_deref()),
            ("format", self.format.as_deref()),
            ("password", self.password.as_deref()),
            ("sticky", self.sticky.map(|s| if s { "1" } else { "0" })),
        ];
        let featured_image = self.featured_image.map(u64_text);
        let mut pairs: Vec<(&str, &str)> = fields
            .into_iter()
            .filter_map(|(k, v)| Some((k, v?)))
            .collect();
        if let Some(id) = &featured_image {
            pairs.push(("featured_image", id));
        }
        let lists = [
            ("tags[]", &self.tags),
            ("categories[]", &self.categories),
            ("media_urls[]", &self.media_urls),
        ];
        for (key, items) in lists {
            pairs.extend(items.iter().map(|item| (key, item.as_str())));
        }
        encode_pairs(&pairs)
    }
}

/// Whether `s` counts as a post's title, content or excerpt: anything but blank.
pub fn is_post_text(s: &str) -> bool {
    !s.trim_ascii().is_empty()
}

/// `invalid_input` for a post with none of title, content or excerpt (WordPress.com refuses it).
pub fn empty_post() -> Error {
    Error::new(
        ErrorCode::InvalidInput,
        "a post needs a title, content or an excerpt",
    )
}
