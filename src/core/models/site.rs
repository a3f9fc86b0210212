//! `GET /me/sites`: the user's sites.

use alloc::collections::BTreeMap;
use alloc::{string::String, vec::Vec};

use serde::{Deserialize, Serialize};

use super::lenient;

/// The answer of `GET /me/sites`.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default)]
pub struct Sites {
    /// The sites (possibly none).
    #[serde(deserialize_with = "lenient::objects")]
    pub sites: Vec<Site>,
}

/// One site.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default)]
pub struct Site {
    /// Site ID.
    #[serde(rename = "ID", deserialize_with = "lenient::u64")]
    pub id: u64,
    /// Site title.
    #[serde(deserialize_with = "lenient::string")]
    pub name: String,
    /// Tagline.
    #[serde(deserialize_with = "lenient::string")]
    pub description: String,
    /// Home URL.
    #[serde(rename = "URL", deserialize_with = "lenient::string")]
    pub url: String,
    /// Whether it is a self-hosted site connected through Jetpack.
    #[serde(deserialize_with = "lenient::bool")]
    pub jetpack: bool,
    /// Whether the user shows it in their list (`null` when never set).
    #[serde(deserialize_with = "lenient::opt_bool")]
    pub visible: Option<bool>,
    /// Whether the site is private.
    #[serde(deserialize_with = "lenient::bool")]
    pub is_private: bool,
    /// Site icon, if set.
    #[serde(deserialize_with = "lenient::object_or_none")]
    pub icon: Option<SiteIcon>,
    /// Site logo, if set.
    #[serde(deserialize_with = "lenient::object_or_none")]
    pub logo: Option<SiteLogo>,
    /// What the user may do on the site (`edit_posts`, `publish_posts`…).
    #[serde(deserialize_with = "lenient::object_or_default")]
    pub capabilities: BTreeMap<String, bool>,
    /// A few useful site options.
    #[serde(deserialize_with = "lenient::object_or_default")]
    pub options: SiteOptions,
    /// The site's plan, if reported.
    #[serde(deserialize_with = "lenient::object_or_none")]
    pub plan: Option<SitePlan>,
}

/// A site icon.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default)]
pub struct SiteIcon {
    /// Image URL.
    #[serde(deserialize_with = "lenient::string")]
    pub img: String,
    /// Favicon URL.
    #[serde(deserialize_with = "lenient::string")]
    pub ico: String,
}

/// A site logo.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default)]
pub struct SiteLogo {
    /// Media ID.
    #[serde(deserialize_with = "lenient::u64")]
    pub id: u64,
    /// Size name → URL. The wire has `[]` when there are none, and per size either the URL or
    /// an object `{height, width, url}` (Jetpack sites).
    #[serde(deserialize_with = "lenient::url_map")]
    pub sizes: BTreeMap<String, String>,
    /// Full-size URL.
    #[serde(deserialize_with = "lenient::string")]
    pub url: String,
}

/// The site options most apps need.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default)]
pub struct SiteOptions {
    /// Time zone name, e.g. `Europe/Paris` (may be empty).
    #[serde(deserialize_with = "lenient::string")]
    pub timezone: String,
    /// wp-admin URL.
    #[serde(deserialize_with = "lenient::string")]
    pub admin_url: String,
    /// The `*.wordpress.com` URL of a site with a custom domain.
    #[serde(deserialize_with = "lenient::string")]
    pub unmapped_url: String,
    /// Whether the site uses a custom domain.
    #[serde(deserialize_with = "lenient::bool")]
    pub is_mapped_domain: bool,
    /// Post format slug → label (`[]` on the wire when there are none).
    #[serde(deserialize_with = "lenient::object_or_default")]
    pub post_formats: BTreeMap<String, String>,
}

/// A site's plan.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default)]
pub struct SitePlan {
    /// Plan slug, e.g. `free_plan`.
    #[serde(deserialize_with = "lenient::string")]
    pub product_slug: String,
    /// Short plan name, e.g. `Free`.
    #[serde(deserialize_with = "lenient::string")]
    pub product_name_short: String,
}
