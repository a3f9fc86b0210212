//! Post likes: the list, and the answer of like/unlike.

use alloc::{string::String, vec::Vec};
use serde::{Deserialize, Serialize};

use super::lenient;
use crate::core::error::{like_failed, Error};

/// The answer of `GET /sites/$site/posts/$id/likes`.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default)]
pub struct Likes {
    /// Total number of likes.
    #[serde(deserialize_with = "lenient::u64")]
    pub found: u64,
    /// Whether the signed-in user likes the post.
    #[serde(deserialize_with = "lenient::bool")]
    pub i_like: bool,
    /// Whether the signed-in user may like it.
    #[serde(deserialize_with = "lenient::bool")]
    pub can_like: bool,
    /// The likers (a page of them).
    #[serde(deserialize_with = "lenient::objects")]
    pub likes: Vec<Like>,
}

/// One user who liked a post.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default)]
pub struct Like {
    /// User ID.
    #[serde(rename = "ID", deserialize_with = "lenient::u64")]
    pub id: u64,
    /// Login name.
    #[serde(deserialize_with = "lenient::string")]
    pub login: String,
    /// Display name.
    #[serde(deserialize_with = "lenient::string")]
    pub name: String,
    /// URL-safe name.
    #[serde(deserialize_with = "lenient::string")]
    pub nice_name: String,
    /// The user's site URL.
    #[serde(rename = "URL", deserialize_with = "lenient::string")]
    pub url: String,
    /// Avatar image URL.
    #[serde(rename = "avatar_URL", deserialize_with = "lenient::string")]
    pub avatar_url: String,
    /// Profile URL.
    #[serde(rename = "profile_URL", deserialize_with = "lenient::string")]
    pub profile_url: String,
    /// The user's primary site ID.
    #[serde(rename = "site_ID", deserialize_with = "lenient::u64")]
    pub site_id: u64,
    /// When the like was given (ISO 8601).
    #[serde(deserialize_with = "lenient::string")]
    pub date_liked: String,
    /// The site the user chose to show, if any.
    #[serde(deserialize_with = "lenient::object_or_none")]
    pub preferred_blog: Option<PreferredBlog>,
}

/// The site a liker shows next to their name.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default)]
pub struct PreferredBlog {
    /// Site ID.
    #[serde(rename = "ID", deserialize_with = "lenient::u64")]
    pub id: u64,
    /// Site title.
    #[serde(deserialize_with = "lenient::string")]
    pub name: String,
    /// Site URL.
    #[serde(rename = "URL", deserialize_with = "lenient::string")]
    pub url: String,
}

/// The answer of `likes/new` and `likes/mine/delete`.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default)]
pub struct LikeResult {
    /// Whether the change was made (`1`, `"1"` or `true` on the wire).
    #[serde(deserialize_with = "lenient::bool")]
    pub success: bool,
    /// Whether the user now likes the post.
    #[serde(deserialize_with = "lenient::bool")]
    pub i_like: bool,
    /// The post's like count (a number or a numeric string on the wire).
    #[serde(deserialize_with = "lenient::u64")]
    pub like_count: u64,
    /// Site ID.
    #[serde(rename = "site_ID", deserialize_with = "lenient::u64")]
    pub site_id: u64,
    /// Post ID.
    #[serde(rename = "post_ID", deserialize_with = "lenient::u64")]
    pub post_id: u64,
}

impl LikeResult {
    /// The result, or an error with code `like_failed` when `success` is falsy.
    ///
    /// WordPress.com answers HTTP 200 with `success: false` when it did not record the change.
    pub fn into_result(self) -> Result<LikeResult, Error> {
        if self.success {
            Ok(self)
        } else {
            Err(like_failed())
        }
    }
}
