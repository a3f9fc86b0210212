//! Media: an item of the media library, the answer of `media/new` (partial failures included),
//! a page of media.

use alloc::collections::BTreeMap;
use alloc::{string::String, vec::Vec};
use serde::{Deserialize, Serialize};

use super::post::PageMeta;

/// A media item (`GET /sites/$site/media/$id`, `media/new`, lists, `…/delete`).
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct MediaItem {
    /// Media ID (usable as a post's `featured_image`).
    #[serde(rename = "ID")]
    pub id: u64,
    /// The file's URL.
    #[serde(rename = "URL")]
    pub url: String,
    /// Globally unique ID (a URL).
    pub guid: String,
    /// Upload date (ISO 8601).
    pub date: String,
    /// The post it is attached to; 0 when unattached.
    #[serde(rename = "post_ID")]
    pub post_id: u64,
    /// The uploader's user ID.
    #[serde(rename = "author_ID")]
    pub author_id: u64,
    /// File name.
    pub file: String,
    /// MIME type, e.g. `image/png`.
    pub mime_type: String,
    /// File extension, e.g. `png`.
    pub extension: String,
    /// Title.
    pub title: String,
    /// Caption.
    pub caption: String,
    /// Description.
    pub description: String,
    /// Alternative text.
    pub alt: String,
    /// URL of an icon for the file's type.
    pub icon: String,
    /// Human-readable size, e.g. `24.62 KB`.
    pub size: String,
    /// Height in pixels (images and videos; 0 otherwise).
    pub height: u64,
    /// Width in pixels (images and videos; 0 otherwise).
    pub width: u64,
    /// Thumbnail name → URL (`[]` on the wire when there are none).
    pub thumbnails: BTreeMap<String, String>,
}

/// One input of `media/new` that failed.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct MediaError {
    /// Its index among the inputs (the files, then the URLs), from 0.
    pub index: u64,
    /// The file name or URL it was sent as.
    pub file: String,
    /// The error code, e.g. `invalid_input` or `rest_upload_file_too_big`.
    pub error: String,
    /// WordPress.com's message.
    pub message: String,
}

/// The answer of `POST /sites/$site/media/new`: what was created and what failed. A call where
/// every input failed is an error instead.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct MediaUpload {
    /// The items created.
    pub media: Vec<MediaItem>,
    /// The inputs that failed, each with its index (an object keyed by index on the wire).
    pub errors: Vec<MediaError>,
}

/// A page of media (`GET /sites/$site/media`).
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct MediaPage {
    /// Total number of matching items.
    pub found: u64,
    /// This page's items.
    pub media: Vec<MediaItem>,
    /// Paging data: `next_page` is the `page_handle` of the next page.
    pub meta: PageMeta,
}
