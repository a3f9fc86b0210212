//! Comments, follows and what a deletion did (`../shared/wpcom-contract.md`, "Comments and
//! follows", "Posts (beyond posts/new and likes)").

use alloc::{string::String, vec::Vec};
use serde::{Deserialize, Serialize};

use crate::core::error::{follow_failed, Error, ErrorCode};
use crate::core::quirks::is_deletion_status;

/// A comment (`GET …/replies/`, `…/replies/new`).
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct Comment {
    /// Comment ID.
    #[serde(rename = "ID")]
    pub id: u64,
    /// The post it is on; `None` when the wire has none.
    pub post: Option<CommentPost>,
    /// Who wrote it.
    pub author: CommentAuthor,
    /// When (ISO 8601).
    pub date: String,
    /// Its permalink.
    #[serde(rename = "URL")]
    pub url: String,
    /// Content (HTML).
    pub content: String,
    /// `approved`, `unapproved`, `spam`, `trash` (or `deleted` after a deletion for good).
    pub status: String,
    /// The comment it answers; `None` when the wire says `false`.
    pub parent: Option<CommentParent>,
    /// `comment`, `pingback` or `trackback`.
    #[serde(rename = "type")]
    pub comment_type: String,
    /// Number of likes.
    pub like_count: u64,
    /// Whether the signed-in user likes it.
    pub i_like: bool,
}

/// The post a comment is on.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct CommentPost {
    /// Post ID.
    #[serde(rename = "ID")]
    pub id: u64,
    /// Post title.
    pub title: String,
    /// Post type.
    #[serde(rename = "type")]
    pub post_type: String,
    /// API link to the post.
    pub link: String,
}

/// A comment's author.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct CommentAuthor {
    /// User ID (0 for a visitor without an account).
    #[serde(rename = "ID")]
    pub id: u64,
    /// Login name.
    pub login: String,
    /// Display name.
    pub name: String,
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

/// The comment a reply answers.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct CommentParent {
    /// Parent comment ID.
    #[serde(rename = "ID")]
    pub id: u64,
    /// Parent comment type.
    #[serde(rename = "type")]
    pub comment_type: String,
    /// API link to the parent.
    pub link: String,
}

/// A page of a post's comments (`GET /sites/$site/posts/$id/replies/`).
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct CommentsPage {
    /// Total number of matching comments; `None` when WordPress.com did not count (`-1`).
    pub found: Option<u64>,
    /// The site's ID.
    #[serde(rename = "site_ID")]
    pub site_id: u64,
    /// This page's comments.
    pub comments: Vec<Comment>,
}

/// The answer of a follow or an unfollow (and of `follows/mine`).
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct FollowResult {
    /// Whether WordPress.com made the change (`false` on `follows/mine`, which changes nothing).
    pub success: bool,
    /// Whether the user now follows the site.
    pub is_following: bool,
}

impl FollowResult {
    /// The result, or `follow_failed` when `success` is falsy.
    pub fn into_result(self) -> Result<FollowResult, Error> {
        if self.success {
            Ok(self)
        } else {
            Err(follow_failed())
        }
    }
}

/// What a `…/delete` did to a post or a comment, told by the `status` it answers with.
#[derive(Clone, Debug, PartialEq)]
pub enum Deletion<T> {
    /// `status: "trash"`: moved to the trash; restore it, or delete it again to delete it for
    /// good.
    Trashed(T),
    /// `status: "deleted"`: deleted for good.
    Deleted(T),
}

impl<T> Deletion<T> {
    /// `item` as a deletion told by `status`; `bad_response` for any status but `trash` and
    /// `deleted` (the same rule as the JS surface: [`is_deletion_status`]).
    pub fn from_status(status: &str, item: T) -> Result<Deletion<T>, Error> {
        match status {
            "trash" => Ok(Deletion::Trashed(item)),
            _ if is_deletion_status(status) => Ok(Deletion::Deleted(item)),
            _ => Err(bad_deletion()),
        }
    }

    /// The post or comment as the server answered.
    pub fn item(&self) -> &T {
        match self {
            Deletion::Trashed(item) | Deletion::Deleted(item) => item,
        }
    }
}

/// `bad_response`: a deletion answered with a status that says neither trashed nor deleted.
pub fn bad_deletion() -> Error {
    Error::new(
        ErrorCode::BadResponse,
        "a deletion answered a status other than trash or deleted",
    )
    .reached_server(true)
}
