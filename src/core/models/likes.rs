//! Post likes: the list, and the answer of like/unlike.

use alloc::{string::String, vec::Vec};
use serde::{Deserialize, Serialize};

use crate::core::error::{like_failed, Error};

/// The answer of `GET /sites/$site/posts/$id/likes`.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct Likes {
    /// Total number of likes.
    pub found: u64,
    /// Whether the signed-in user likes the post.
    pub i_like: bool,
    /// Whether the signed-in user may like it.
    pub can_like: bool,
    /// The likers (a page of them).
    pub likes: Vec<Like>,
}

/// One user who liked a post.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct Like {
    /// User ID.
    #[serde(rename = "ID")]
    pub id: u64,
    /// Login name.
    pub login: String,
    /// Display name.
    pub name: String,
    /// URL-safe name.
    pub nice_name: String,
    /// The user's site URL.
    #[serde(rename = "URL")]
    pub url: String,
    /// Avatar image URL.
    #[serde(rename = "avatar_URL")]
    pub avatar_url: String,
    /// Profile URL.
    #[serde(rename = "profile_URL")]
    pub profile_url: String,
    /// The user's primary site ID.
    #[serde(rename = "site_ID")]
    pub site_id: u64,
    /// When the like was given (ISO 8601).
    pub date_liked: String,
    /// The site the user chose to show, if any.
    pub preferred_blog: Option<PreferredBlog>,
}

/// The site a liker shows next to their name.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct PreferredBlog {
    /// Site ID.
    #[serde(rename = "ID")]
    pub id: u64,
    /// Site title.
    pub name: String,
    /// Site URL.
    #[serde(rename = "URL")]
    pub url: String,
}

/// The answer of `likes/new` and `likes/mine/delete`.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct LikeResult {
    /// Whether the change was made (`1`, `"1"` or `true` on the wire).
    pub success: bool,
    /// Whether the user now likes the post.
    pub i_like: bool,
    /// The post's like count (a number or a numeric string on the wire).
    pub like_count: u64,
    /// Site ID.
    #[serde(rename = "site_ID")]
    pub site_id: u64,
    /// Post ID.
    #[serde(rename = "post_ID")]
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
