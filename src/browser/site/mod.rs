//! Any WordPress site, with an application password: [`discover_site`], [`SiteAuth`] (WordPress
//! core's Authorize Application flow) and [`SiteClient`] (its REST API with
//! `Authorization: Basic`). The logic is the core's ([`crate::core::site`]).

pub mod auth;
pub mod client;
mod discover;
pub mod pages;
pub(crate) mod transport;
#[cfg(feature = "rust-api")]
mod typed;

pub use auth::{Connection, SiteAuth, SiteAuthConfig};
pub use client::{SiteClient, SiteClientConfig, SiteOperation};
pub use discover::discover_site;
pub use pages::SitePages;
#[cfg(feature = "rust-api")]
pub use typed::{discover, SitePaged};
