//! Comments and follows as stored.

use serde::{Deserialize, Serialize};

/// A comment on a post.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
pub struct Comment {
    /// Site ID.
    pub site_id: u64,
    /// Comment ID, unique within the site.
    pub id: u64,
    /// The post it is on.
    pub post_id: u64,
    /// Author's user ID; 0 for a visitor without an account.
    pub author_id: u64,
    /// A visitor's name (used when `author_id` is 0).
    pub author_name: String,
    /// When.
    pub date: i64,
    /// Raw content.
    pub content: String,
    /// approved, unapproved, spam or trash.
    pub status: String,
    /// The comment it answers, if any.
    pub parent: Option<u64>,
}

/// A user following a site (the Reader's subscription).
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
pub struct Follow {
    /// Who follows.
    pub user_id: u64,
    /// Which site.
    pub site_id: u64,
}
