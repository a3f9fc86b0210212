//! Posts: the post object, a page of posts, and the body of `posts/new`.

use alloc::collections::BTreeMap;
use alloc::{string::String, vec::Vec};

use serde::{Deserialize, Serialize};

use super::lenient;
use crate::core::error::{Error, ErrorCode};
use crate::core::form::encode_pairs;

/// A post as WordPress.com returns it (`posts/new`, `posts/$id`, lists).
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default)]
pub struct Post {
    /// Post ID.
    #[serde(rename = "ID", deserialize_with = "lenient::u64")]
    pub id: u64,
    /// Site ID.
    #[serde(rename = "site_ID", deserialize_with = "lenient::u64")]
    pub site_id: u64,
    /// The author.
    #[serde(deserialize_with = "lenient::object_or_default")]
    pub author: Author,
    /// Publication date (ISO 8601).
    #[serde(deserialize_with = "lenient::string")]
    pub date: String,
    /// Last change (ISO 8601).
    #[serde(deserialize_with = "lenient::string")]
    pub modified: String,
    /// Title (HTML).
    #[serde(deserialize_with = "lenient::string")]
    pub title: String,
    /// Permalink.
    #[serde(rename = "URL", deserialize_with = "lenient::string")]
    pub url: String,
    /// Short link (`wp.me/…`).
    #[serde(rename = "short_URL", deserialize_with = "lenient::string")]
    pub short_url: String,
    /// Content (HTML).
    #[serde(deserialize_with = "lenient::string")]
    pub content: String,
    /// Excerpt (HTML).
    #[serde(deserialize_with = "lenient::string")]
    pub excerpt: String,
    /// URL slug.
    #[serde(deserialize_with = "lenient::string")]
    pub slug: String,
    /// Globally unique ID (a URL).
    #[serde(deserialize_with = "lenient::string")]
    pub guid: String,
    /// `publish`, `draft`, `pending`, `private` or `future`.
    #[serde(deserialize_with = "lenient::string")]
    pub status: String,
    /// Whether the post is sticky.
    #[serde(deserialize_with = "lenient::bool")]
    pub sticky: bool,
    /// Post password (empty when none).
    #[serde(deserialize_with = "lenient::string")]
    pub password: String,
    /// The parent post; `None` when the wire says `false`.
    #[serde(deserialize_with = "lenient::object_or_none")]
    pub parent: Option<PostParent>,
    /// Post type, e.g. `post` or `page`.
    #[serde(rename = "type", deserialize_with = "lenient::string")]
    pub post_type: String,
    /// Post format, e.g. `standard`.
    #[serde(deserialize_with = "lenient::string")]
    pub format: String,
    /// Tag name → term (`[]` on the wire when there are none).
    #[serde(deserialize_with = "lenient::object_or_default")]
    pub tags: BTreeMap<String, Term>,
    /// Category name → term (`[]` on the wire when there are none).
    #[serde(deserialize_with = "lenient::object_or_default")]
    pub categories: BTreeMap<String, Term>,
    /// Number of likes (a number or a numeric string on the wire).
    #[serde(deserialize_with = "lenient::u64")]
    pub like_count: u64,
    /// Whether the signed-in user likes it.
    #[serde(deserialize_with = "lenient::bool")]
    pub i_like: bool,
}

/// A post's author.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default)]
pub struct Author {
    /// User ID.
    #[serde(rename = "ID", deserialize_with = "lenient::u64")]
    pub id: u64,
    /// Login name.
    #[serde(deserialize_with = "lenient::string")]
    pub login: String,
    /// Display name.
    #[serde(deserialize_with = "lenient::string")]
    pub name: String,
    /// First name.
    #[serde(deserialize_with = "lenient::string")]
    pub first_name: String,
    /// Last name.
    #[serde(deserialize_with = "lenient::string")]
    pub last_name: String,
    /// URL-safe name.
    #[serde(deserialize_with = "lenient::string")]
    pub nice_name: String,
    /// The author's site URL.
    #[serde(rename = "URL", deserialize_with = "lenient::string")]
    pub url: String,
    /// Avatar image URL.
    #[serde(rename = "avatar_URL", deserialize_with = "lenient::string")]
    pub avatar_url: String,
    /// Profile URL.
    #[serde(rename = "profile_URL", deserialize_with = "lenient::string")]
    pub profile_url: String,
}

/// The parent of a post (pages and attachments).
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default)]
pub struct PostParent {
    /// Parent post ID.
    #[serde(rename = "ID", deserialize_with = "lenient::u64")]
    pub id: u64,
    /// Parent post type.
    #[serde(rename = "type", deserialize_with = "lenient::string")]
    pub post_type: String,
    /// API link to the parent.
    #[serde(deserialize_with = "lenient::string")]
    pub link: String,
    /// Parent title.
    #[serde(deserialize_with = "lenient::string")]
    pub title: String,
}

/// A tag or category.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default)]
pub struct Term {
    /// Term ID.
    #[serde(rename = "ID", deserialize_with = "lenient::u64")]
    pub id: u64,
    /// Name.
    #[serde(deserialize_with = "lenient::string")]
    pub name: String,
    /// URL slug.
    #[serde(deserialize_with = "lenient::string")]
    pub slug: String,
    /// Description.
    #[serde(deserialize_with = "lenient::string")]
    pub description: String,
    /// Number of posts with the term.
    #[serde(deserialize_with = "lenient::u64")]
    pub post_count: u64,
}

/// A page of a post list (`GET /sites/$site/posts/`).
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default)]
pub struct PostsPage {
    /// Total number of matching posts.
    #[serde(deserialize_with = "lenient::u64")]
    pub found: u64,
    /// This page's posts.
    #[serde(deserialize_with = "lenient::objects")]
    pub posts: Vec<Post>,
    /// Paging data.
    #[serde(deserialize_with = "lenient::object_or_default")]
    pub meta: PageMeta,
}

/// Paging data of a list.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default)]
pub struct PageMeta {
    /// Opaque handle for the next page (pass back unchanged as `page_handle`).
    #[serde(deserialize_with = "lenient::opt_string")]
    pub next_page: Option<String>,
}

/// The body of `POST /sites/$site/posts/new`; every field is optional.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default)]
pub struct NewPost {
    /// Title.
    #[serde(
        deserialize_with = "lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub title: Option<String>,
    /// Content (HTML).
    #[serde(
        deserialize_with = "lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub content: Option<String>,
    /// Excerpt.
    #[serde(
        deserialize_with = "lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub excerpt: Option<String>,
    /// `publish` (server default), `draft`, `pending`, `private` or `future`.
    #[serde(
        deserialize_with = "lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub status: Option<String>,
    /// Publication date (ISO 8601).
    #[serde(
        deserialize_with = "lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub date: Option<String>,
    /// URL slug.
    #[serde(
        deserialize_with = "lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub slug: Option<String>,
    /// Post format, e.g. `standard`, `aside`.
    #[serde(
        deserialize_with = "lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub format: Option<String>,
    /// Post password.
    #[serde(
        deserialize_with = "lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub password: Option<String>,
    /// Whether the post is sticky.
    #[serde(
        deserialize_with = "lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub sticky: Option<bool>,
    /// Tag names (an array, or a comma-separated string on input).
    #[serde(
        deserialize_with = "lenient::comma_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tags: Vec<String>,
    /// Category names (an array, or a comma-separated string on input).
    #[serde(
        deserialize_with = "lenient::comma_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub categories: Vec<String>,
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
        let mut pairs: Vec<(&str, &str)> = fields
            .into_iter()
            .filter_map(|(k, v)| Some((k, v?)))
            .collect();
        for (key, items) in [("tags[]", &self.tags), ("categories[]", &self.categories)] {
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
