//! WordPress.com response and request bodies.
//!
//! Field names on the wire (and in serialized output, which is what JavaScript users see) are
//! WordPress.com's own (`ID`, `avatar_URL`, `site_ID`…); Rust fields are snake_case.
//!
//! The response models are plain serde structs, decoded strictly from JSON that the quirk rules
//! of [`super::quirks`] have normalised first (`Shape::rules`, the same rules the JavaScript
//! surface applies): a string ID is a number by then, PHP's `[]` an object, `false` a `None`.
//! Every field has a rule, so a normalised value has all of them; unknown fields are ignored.

mod comment;
mod connected_apps;
mod likes;
mod me;
mod media;
mod post;
mod site;
mod token_info;

pub use comment::{
    bad_deletion, Comment, CommentAuthor, CommentParent, CommentPost, CommentsPage, Deletion,
    FollowResult,
};
pub use connected_apps::{ConnectedApplication, ConnectedSite, Disconnected, Permission};
pub use likes::{Like, LikeResult, Likes, PreferredBlog};
pub use me::Me;
pub use media::{MediaError, MediaItem, MediaPage, MediaUpload};
pub use post::{
    empty_post, is_post_text, Author, Discussion, NewPost, PageMeta, Post, PostParent, PostsPage,
    Term,
};
pub use site::{LogoSize, Site, SiteIcon, SiteLogo, SiteOptions, SitePlan, Sites};
pub use token_info::TokenInfo;
