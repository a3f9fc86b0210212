//! `GET /me/sites`: the user's sites.

use alloc::collections::BTreeMap;
use alloc::{string::String, vec::Vec};

use serde::{Deserialize, Serialize};

/// The answer of `GET /me/sites`.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct Sites {
    /// The sites (possibly none).
    pub sites: Vec<Site>,
}

/// One site.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct Site {
    /// Site ID.
    #[serde(rename = "ID")]
    pub id: u64,
    /// Site title.
    pub name: String,
    /// Tagline.
    pub description: String,
    /// Home URL.
    #[serde(rename = "URL")]
    pub url: String,
    /// Whether it is a self-hosted site connected through Jetpack.
    pub jetpack: bool,
    /// Whether the user shows it in their list (`null` when never set).
    pub visible: Option<bool>,
    /// Whether the site is private.
    pub is_private: bool,
    /// Site icon, if set.
    pub icon: Option<SiteIcon>,
    /// Site logo, if set.
    pub logo: Option<SiteLogo>,
    /// What the user may do on the site (`edit_posts`, `publish_posts`…).
    pub capabilities: BTreeMap<String, bool>,
    /// A few useful site options.
    pub options: SiteOptions,
    /// The site's plan, if reported.
    pub plan: Option<SitePlan>,
}

/// A site icon.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct SiteIcon {
    /// Image URL.
    pub img: String,
    /// Favicon URL.
    pub ico: String,
}

/// A site logo.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct SiteLogo {
    /// Media ID.
    pub id: u64,
    /// Size name → image, as sent: the URL, or an object `{height, width, url}` (Jetpack sites).
    /// The wire has `[]` when there are none.
    pub sizes: BTreeMap<String, LogoSize>,
    /// Full-size URL.
    pub url: String,
}

/// One size of a site logo: a URL, or (Jetpack sites) an object with one.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(untagged)]
pub enum LogoSize {
    /// The image URL.
    Url(String),
    /// An image described by an object (`{height, width, url}`).
    Image {
        /// The image URL.
        url: String,
        /// Width in pixels (0 when not given).
        width: u64,
        /// Height in pixels (0 when not given).
        height: u64,
    },
}

impl LogoSize {
    /// The image URL, whichever form it came in.
    pub fn url(&self) -> &str {
        match self {
            LogoSize::Url(url) | LogoSize::Image { url, .. } => url,
        }
    }
}

/// The site options most apps need.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct SiteOptions {
    /// Time zone name, e.g. `Europe/Paris` (may be empty).
    pub timezone: String,
    /// wp-admin URL.
    pub admin_url: String,
    /// The `*.wordpress.com` URL of a site with a custom domain.
    pub unmapped_url: String,
    /// Whether the site uses a custom domain.
    pub is_mapped_domain: bool,
    /// Post format slug → label (`[]` on the wire when there are none).
    pub post_formats: BTreeMap<String, String>,
}

/// A site's plan.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct SitePlan {
    /// Plan slug, e.g. `free_plan`.
    pub product_slug: String,
    /// Short plan name, e.g. `Free`.
    pub product_name_short: String,
}
