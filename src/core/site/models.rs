//! What a WordPress site's REST API answers (`wp/v2`), as the typed Rust API decodes it. Fields a
//! site leaves out (a plugin, `_fields`) read as their defaults.

use alloc::collections::BTreeMap;
use alloc::{string::String, vec::Vec};
use serde::{Deserialize, Serialize};

/// A text field of `wp/v2` (`title`, `content`, `excerpt`): the HTML, and the source with
/// `context=edit`.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(default)]
pub struct Rendered {
    /// The HTML as the site shows it.
    pub rendered: String,
    /// The source, only with `context=edit`.
    pub raw: Option<String>,
}

/// `GET /wp/v2/users/me`: the user the application password belongs to.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(default)]
pub struct SiteUser {
    /// User ID on that site.
    pub id: u64,
    /// Display name.
    pub name: String,
    /// The user's website.
    pub url: String,
    /// Biographical info.
    pub description: String,
    /// The author archive's URL.
    pub link: String,
    /// URL-friendly name.
    pub slug: String,
    /// Avatar URLs by size in pixels (`"24"`, `"48"`, `"96"`).
    pub avatar_urls: BTreeMap<String, String>,
}

/// A post of `wp/v2/posts`.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(default)]
pub struct WpPost {
    /// Post ID.
    pub id: u64,
    /// Publication date in the site's time zone (ISO 8601 without offset).
    pub date: String,
    /// Publication date in UTC.
    pub date_gmt: String,
    /// Last change, site time zone.
    pub modified: String,
    /// URL-friendly name.
    pub slug: String,
    /// `publish`, `draft`, `pending`, `private`, `future`.
    pub status: String,
    /// The post type (`post`).
    #[serde(rename = "type")]
    pub post_type: String,
    /// The post's URL.
    pub link: String,
    /// Title.
    pub title: Rendered,
    /// Content.
    pub content: Rendered,
    /// Excerpt.
    pub excerpt: Rendered,
    /// Author's user ID.
    pub author: u64,
    /// Featured image (media ID; 0 for none).
    pub featured_media: u64,
    /// Sticky on the front page.
    pub sticky: bool,
    /// Category IDs.
    pub categories: Vec<u64>,
    /// Tag IDs.
    pub tags: Vec<u64>,
}

/// The body of `createPost`, sent as JSON; what is `None` is left out.
#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct NewWpPost {
    /// Title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Content (HTML or blocks).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// Excerpt.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<String>,
    /// `publish`, `draft` (the site's default), `pending`, `private`, `future`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

/// An item of `wp/v2/media`.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(default)]
pub struct WpMedia {
    /// Media ID.
    pub id: u64,
    /// URL-friendly name.
    pub slug: String,
    /// The attachment page's URL.
    pub link: String,
    /// The file's URL.
    pub source_url: String,
    /// Its MIME type.
    pub mime_type: String,
    /// `image` or `file`.
    pub media_type: String,
    /// Title.
    pub title: Rendered,
}

/// One page of a collection: its items and the totals the site exposed (`X-WP-Total`,
/// `X-WP-TotalPages`; `None` when it did not).
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Page<T> {
    /// The items.
    pub items: Vec<T>,
    /// This page's number, from 1.
    pub page: u32,
    /// Items in all pages.
    pub total: Option<u64>,
    /// Number of pages.
    pub total_pages: Option<u64>,
}
