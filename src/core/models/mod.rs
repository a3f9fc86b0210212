//! WordPress.com response and request bodies, decoded leniently.
//!
//! Field names on the wire (and in serialized output, which is what JavaScript users see) are
//! WordPress.com's own (`ID`, `avatar_URL`, `site_ID`…); Rust fields are snake_case. Every
//! struct reads missing fields as defaults and ignores unknown ones, and the quirks the contract
//! lists are normalised: see [`lenient`].

pub mod lenient;
mod likes;
mod me;
mod post;
mod site;
mod token_info;

pub use likes::{Like, LikeResult, Likes, PreferredBlog};
pub use me::Me;
pub use post::{
    empty_post, is_post_text, Author, NewPost, PageMeta, Post, PostParent, PostsPage, Term,
};
pub use site::{Site, SiteIcon, SiteLogo, SiteOptions, SitePlan, Sites};
pub use token_info::TokenInfo;
