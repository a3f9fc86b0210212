//! The seed: users, sites, posts and apps the emulator starts from (`seed.json` by default).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{Error, Result};

/// The seed shipped in the repository, used when no `--seed` is given.
pub const DEFAULT_SEED: &str = include_str!("../seed.json");

/// Everything the emulator knows at start-up.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct Seed {
    /// Accounts that can sign in.
    pub users: Vec<User>,
    /// Sites, each with its members.
    pub sites: Vec<Site>,
    /// Posts of every site.
    pub posts: Vec<SeedPost>,
    /// Registered OAuth2 applications.
    pub apps: Vec<App>,
    /// Comments on the posts.
    #[serde(default)]
    pub comments: Vec<SeedComment>,
    /// Media items; their files are the placeholder PNG.
    #[serde(default)]
    pub media: Vec<SeedMedia>,
    /// Who follows which site, besides every member following their own sites.
    #[serde(default)]
    pub follows: Vec<SeedFollow>,
}

/// A WordPress.com account.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct User {
    /// Numeric user ID.
    #[serde(rename = "ID")]
    pub id: u64,
    /// Log-in name.
    pub username: String,
    /// Plain-text password (this is a test double).
    pub password: String,
    /// Name shown to others.
    pub display_name: String,
    /// Given name.
    #[serde(default)]
    pub first_name: String,
    /// Family name.
    #[serde(default)]
    pub last_name: String,
    /// E-mail address.
    pub email: String,
    /// Whether the e-mail address was confirmed.
    pub email_verified: bool,
    /// ID of the primary site, 0 when none.
    #[serde(default)]
    pub primary_blog: u64,
    /// Interface language.
    #[serde(default = "default_language")]
    pub language: String,
    /// Registration date (ISO 8601).
    pub date: String,
    /// Gravatar URL.
    #[serde(rename = "avatar_URL")]
    pub avatar_url: String,
    /// Public profile URL.
    #[serde(rename = "profile_URL")]
    pub profile_url: String,
}

fn default_language() -> String {
    "en".to_owned()
}

/// A member's role on a site; it decides the capabilities.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Everything.
    Administrator,
    /// Publishes and edits everyone's posts.
    Editor,
    /// Publishes and edits their own posts.
    Author,
    /// Writes posts but cannot publish them.
    Contributor,
    /// Reads (matters on private sites).
    Subscriber,
}

impl Role {
    /// Can create and edit their own posts.
    pub fn can_edit_posts(self) -> bool {
        !matches!(self, Role::Subscriber)
    }

    /// Can publish (otherwise new posts become `pending`).
    pub fn can_publish(self) -> bool {
        matches!(self, Role::Administrator | Role::Editor | Role::Author)
    }

    /// Can upload media (WordPress's `upload_files`: not contributors or subscribers).
    pub fn can_upload(self) -> bool {
        self.can_publish()
    }

    /// Can edit posts written by others.
    pub fn can_edit_others(self) -> bool {
        matches!(self, Role::Administrator | Role::Editor)
    }

    /// Can change the site's settings.
    pub fn can_manage(self) -> bool {
        matches!(self, Role::Administrator)
    }
}

/// A site (WordPress.com-hosted or Jetpack-connected).
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct Site {
    /// Numeric blog ID.
    #[serde(rename = "ID")]
    pub id: u64,
    /// Title.
    pub name: String,
    /// Tagline.
    #[serde(default)]
    pub description: String,
    /// Home URL; its host (and path, `/` as `::`) is the site's domain in REST paths.
    #[serde(rename = "URL")]
    pub url: String,
    /// Self-hosted and connected with Jetpack.
    #[serde(default)]
    pub jetpack: bool,
    /// Only members may read it.
    #[serde(default)]
    pub is_private: bool,
    /// Shown in the user's site list; WordPress.com sometimes sends `null`.
    #[serde(default)]
    pub visible: Option<bool>,
    /// Site language.
    #[serde(default = "default_language")]
    pub lang: String,
    /// Username → role.
    #[serde(default)]
    pub members: BTreeMap<String, Role>,
    /// `icon` object, sent as is.
    #[serde(default)]
    pub icon: Value,
    /// `logo` object, sent as is (its `sizes` is `[]` or an object on purpose).
    #[serde(default)]
    pub logo: Value,
    /// `plan` object, sent as is.
    #[serde(default)]
    pub plan: Value,
    /// `options` object, sent as is (its `post_formats` is `[]` or an object on purpose).
    #[serde(default)]
    pub options: Value,
}

impl Site {
    /// The domain form used in REST paths: host plus path, with `/` written `::`.
    pub fn domain(&self) -> String {
        let rest = self
            .url
            .split_once("://")
            .map_or(self.url.as_str(), |(_, rest)| rest);
        rest.trim_end_matches('/').replace('/', "::").to_lowercase()
    }
}

/// A like as written in the seed.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct SeedLike {
    /// Username of whoever liked.
    pub user: String,
    /// When (ISO 8601).
    #[serde(with = "crate::time::iso_serde")]
    pub date: i64,
}

/// A post as written in the seed (authors and likers by username).
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct SeedPost {
    /// Site ID.
    pub site: u64,
    /// Post ID, unique within its site.
    #[serde(rename = "ID")]
    pub id: u64,
    /// Author's username.
    pub author: String,
    /// Publication date.
    #[serde(with = "crate::time::iso_serde")]
    pub date: i64,
    /// Last modification.
    #[serde(with = "crate::time::iso_serde")]
    pub modified: i64,
    /// Title.
    pub title: String,
    /// Raw content.
    #[serde(default)]
    pub content: String,
    /// Raw excerpt.
    #[serde(default)]
    pub excerpt: String,
    /// URL slug.
    pub slug: String,
    /// publish, draft, pending, private or future.
    pub status: String,
    /// Pinned to the front page.
    #[serde(default)]
    pub sticky: bool,
    /// Password protecting the post, empty when none.
    #[serde(default)]
    pub password: String,
    /// Post format (standard, aside, …).
    #[serde(default = "default_format")]
    pub format: String,
    /// Parent post ID.
    #[serde(default)]
    pub parent: Option<u64>,
    /// Tag names.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Category names.
    #[serde(default)]
    pub categories: Vec<String>,
    /// Likes.
    #[serde(default)]
    pub likes: Vec<SeedLike>,
    /// Whether new comments are accepted.
    #[serde(default = "default_true")]
    pub comments_open: bool,
}

fn default_true() -> bool {
    true
}

/// A comment as written in the seed.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct SeedComment {
    /// Site ID.
    pub site: u64,
    /// Comment ID, unique within its site.
    #[serde(rename = "ID")]
    pub id: u64,
    /// Post ID.
    pub post: u64,
    /// Author's username; absent for a visitor.
    #[serde(default)]
    pub author: Option<String>,
    /// A visitor's name.
    #[serde(default)]
    pub author_name: String,
    /// When (ISO 8601).
    #[serde(with = "crate::time::iso_serde")]
    pub date: i64,
    /// Raw content.
    pub content: String,
    /// approved (default), unapproved, spam or trash.
    #[serde(default = "default_comment_status")]
    pub status: String,
    /// ID of the comment it answers.
    #[serde(default)]
    pub parent: Option<u64>,
}

fn default_comment_status() -> String {
    "approved".to_owned()
}

/// A media item as written in the seed; its file is the placeholder PNG.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct SeedMedia {
    /// Site ID.
    pub site: u64,
    /// Media ID, unique among the site's media.
    #[serde(rename = "ID")]
    pub id: u64,
    /// Uploader's username.
    pub author: String,
    /// Upload date (ISO 8601).
    #[serde(with = "crate::time::iso_serde")]
    pub date: i64,
    /// Post it is attached to, 0 when none.
    #[serde(default, rename = "post_ID")]
    pub post_id: u64,
    /// File name.
    pub file: String,
    /// Title.
    #[serde(default)]
    pub title: String,
    /// Caption.
    #[serde(default)]
    pub caption: String,
    /// Description.
    #[serde(default)]
    pub description: String,
    /// Alternative text.
    #[serde(default)]
    pub alt: String,
}

/// A follow as written in the seed.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct SeedFollow {
    /// Username.
    pub user: String,
    /// Site ID.
    pub site: u64,
}

fn default_format() -> String {
    "standard".to_owned()
}

/// A registered OAuth2 application.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
pub struct App {
    /// Public client ID.
    pub client_id: String,
    /// Name shown on the consent page.
    pub name: String,
    /// Redirect URIs, compared exactly.
    pub redirect_uris: Vec<String>,
    /// JavaScript origins allowed by CORS.
    #[serde(default)]
    pub origins: Vec<String>,
    /// Secret for `POST /oauth2/token`; when absent any secret is accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_secret: Option<String>,
}

impl Seed {
    /// Parses and checks a seed (every username and site a post names must exist).
    pub fn parse(text: &str) -> Result<Seed> {
        let seed: Seed =
            serde_json::from_str(text).map_err(|e| Error::Data(format!("seed: {e}")))?;
        seed.check()?;
        Ok(seed)
    }

    /// The seed shipped with the emulator.
    pub fn default_seed() -> Result<Seed> {
        Seed::parse(DEFAULT_SEED)
    }

    fn check(&self) -> Result<()> {
        let known_user = |name: &str| self.users.iter().any(|u| u.username == name);
        for site in &self.sites {
            if let Some(name) = site.members.keys().find(|name| !known_user(name)) {
                return Err(Error::Data(format!(
                    "site {} names unknown member {name}",
                    site.id
                )));
            }
        }
        for post in &self.posts {
            if !self.sites.iter().any(|s| s.id == post.site) {
                return Err(Error::Data(format!(
                    "post {} names unknown site {}",
                    post.id, post.site
                )));
            }
            let people = std::iter::once(&post.author).chain(post.likes.iter().map(|l| &l.user));
            if let Some(name) = people.into_iter().find(|name| !known_user(name)) {
                return Err(Error::Data(format!(
                    "post {} names unknown user {name}",
                    post.id
                )));
            }
        }
        self.check_extras(&known_user)
    }

    fn check_extras(&self, known_user: &dyn Fn(&str) -> bool) -> Result<()> {
        let known_post =
            |site: u64, id: u64| self.posts.iter().any(|p| p.site == site && p.id == id);
        for comment in &self.comments {
            if !known_post(comment.site, comment.post) {
                return Err(Error::Data(format!(
                    "comment {} names unknown post {}",
                    comment.id, comment.post
                )));
            }
            if let Some(name) = comment.author.as_deref().filter(|n| !known_user(n)) {
                return Err(Error::Data(format!(
                    "comment {} names unknown user {name}",
                    comment.id
                )));
            }
        }
        for media in &self.media {
            let parent_known = media.post_id == 0 || known_post(media.site, media.post_id);
            if !known_user(&media.author) || !parent_known {
                return Err(Error::Data(format!(
                    "media {} names an unknown user or post",
                    media.id
                )));
            }
        }
        let known_site = |id: u64| self.sites.iter().any(|s| s.id == id);
        if let Some(follow) = self
            .follows
            .iter()
            .find(|f| !known_user(&f.user) || !known_site(f.site))
        {
            return Err(Error::Data(format!(
                "follow of {} names an unknown user or site",
                follow.user
            )));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_seed_parses_and_has_the_promised_accounts() {
        let seed = Seed::default_seed().unwrap();
        for name in ["alice", "bob", "carol"] {
            assert!(seed.users.iter().any(|u| u.username == name), "{name}");
        }
        let published = seed
            .posts
            .iter()
            .filter(|p| p.site == 2001 && p.status == "publish")
            .count();
        assert!(published >= 45, "{published}");
    }

    #[test]
    fn domain_turns_slashes_into_double_colons() {
        let mut site = Seed::default_seed().unwrap().sites.remove(0);
        site.url = "https://Jetpack.example.org/blog/".to_owned();
        assert_eq!(site.domain(), "jetpack.example.org::blog");
    }

    #[test]
    fn seed_naming_an_unknown_user_is_rejected() {
        let text = DEFAULT_SEED.replacen("\"author\": \"alice\"", "\"author\": \"mallory\"", 1);
        assert!(matches!(Seed::parse(&text), Err(Error::Data(_))));
    }
}
