//! The world the API serves: seed data plus everything clients changed.

mod comments;
mod media;

use serde::{Deserialize, Serialize};

pub use comments::{Comment, Follow};
pub use media::{
    size_format, sniff_image, ImageInfo, Media, DEFAULT_MAX_UPLOAD_KB, PLACEHOLDER_PNG,
};

use crate::seed::{App, Role, Seed, Site, User};
use crate::tokens::TokenRecord;

/// A like of a post.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
pub struct Like {
    /// Who liked.
    pub user_id: u64,
    /// When.
    pub date: i64,
}

/// One metadata entry of a post.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
pub struct MetaEntry {
    /// Entry ID.
    pub id: u64,
    /// Key.
    pub key: String,
    /// Value.
    pub value: serde_json::Value,
}

/// A post as stored.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
pub struct Post {
    /// Site ID.
    pub site_id: u64,
    /// Post ID within the site.
    pub id: u64,
    /// Author's user ID.
    pub author_id: u64,
    /// Publication date.
    pub date: i64,
    /// Last modification.
    pub modified: i64,
    /// Raw title.
    pub title: String,
    /// Raw content.
    pub content: String,
    /// Raw excerpt.
    pub excerpt: String,
    /// Slug, unique within the site.
    pub slug: String,
    /// publish, draft, pending, private or future.
    pub status: String,
    /// Sticky flag.
    pub sticky: bool,
    /// Password, empty when none.
    pub password: String,
    /// Post format.
    pub format: String,
    /// Parent post ID.
    pub parent: Option<u64>,
    /// Tag names.
    pub tags: Vec<String>,
    /// Category names.
    pub categories: Vec<String>,
    /// Likes, oldest first.
    pub likes: Vec<Like>,
    /// Featured image URL, empty when none.
    #[serde(default)]
    pub featured_image: String,
    /// Custom metadata.
    #[serde(default)]
    pub metadata: Vec<MetaEntry>,
    /// Media ID of the featured image, 0 when none.
    #[serde(default)]
    pub featured_media: u64,
    /// Whether new comments are accepted.
    #[serde(default = "yes")]
    pub comments_open: bool,
    /// The status before the post went to the trash (WordPress's `_wp_trash_meta_status`).
    #[serde(default)]
    pub trashed_from: Option<String>,
}

fn yes() -> bool {
    true
}

impl Post {
    /// An empty `standard` post with no status yet, written now by `author_id`.
    pub fn blank(site_id: u64, id: u64, author_id: u64, now: i64) -> Post {
        Post {
            site_id,
            id,
            author_id,
            date: now,
            modified: now,
            title: String::new(),
            content: String::new(),
            excerpt: String::new(),
            slug: String::new(),
            status: String::new(),
            sticky: false,
            password: String::new(),
            format: "standard".to_owned(),
            parent: None,
            tags: Vec::new(),
            categories: Vec::new(),
            likes: Vec::new(),
            featured_image: String::new(),
            metadata: Vec::new(),
            featured_media: 0,
            comments_open: true,
            trashed_from: None,
        }
    }
}

/// Taxonomy of a term.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Taxonomy {
    /// `post_tag`.
    Tag,
    /// `category`.
    Category,
}

/// A tag or category of a site, with a stable ID.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
pub struct Term {
    /// Site ID.
    pub site_id: u64,
    /// Which taxonomy.
    pub taxonomy: Taxonomy,
    /// Term ID.
    pub id: u64,
    /// Name as given.
    pub name: String,
    /// URL slug.
    pub slug: String,
}

/// The data the REST API and OAuth pages work on.
#[derive(Clone, Debug)]
pub struct World {
    /// Accounts (from the seed, never changed).
    pub users: Vec<User>,
    /// Sites (from the seed, never changed).
    pub sites: Vec<Site>,
    /// Registered apps (seed, plus `POST /_emulator/apps`).
    pub apps: Vec<App>,
    /// Every post of every site.
    pub posts: Vec<Post>,
    /// Tags and categories.
    pub terms: Vec<Term>,
    /// Every token ever issued (revoked ones are kept, flagged).
    pub tokens: Vec<TokenRecord>,
    /// Every media item of every site.
    pub media: Vec<Media>,
    /// Every comment of every site.
    pub comments: Vec<Comment>,
    /// Who follows which site.
    pub follows: Vec<Follow>,
}

impl World {
    /// The world as the seed describes it, with no tokens.
    pub fn from_seed(seed: &Seed) -> World {
        let user_id = |name: &str| {
            seed.users
                .iter()
                .find(|u| u.username == name)
                .map_or(0, |u| u.id)
        };
        let posts: Vec<Post> = seed
            .posts
            .iter()
            .map(|p| Post {
                site_id: p.site,
                id: p.id,
                author_id: user_id(&p.author),
                date: p.date,
                modified: p.modified,
                title: p.title.clone(),
                content: p.content.clone(),
                excerpt: p.excerpt.clone(),
                slug: p.slug.clone(),
                status: p.status.clone(),
                sticky: p.sticky,
                password: p.password.clone(),
                format: p.format.clone(),
                parent: p.parent,
                tags: p.tags.clone(),
                categories: p.categories.clone(),
                likes: p
                    .likes
                    .iter()
                    .map(|l| Like {
                        user_id: user_id(&l.user),
                        date: l.date,
                    })
                    .collect(),
                featured_image: String::new(),
                metadata: Vec::new(),
                featured_media: 0,
                comments_open: p.comments_open,
                trashed_from: None,
            })
            .collect();
        let mut world = World {
            users: seed.users.clone(),
            sites: seed.sites.clone(),
            apps: seed.apps.clone(),
            posts: Vec::new(),
            terms: Vec::new(),
            tokens: Vec::new(),
            media: seed_media(seed, &user_id),
            comments: seed_comments(seed, &user_id),
            follows: seed_follows(seed, &user_id),
        };
        for post in &posts {
            world.register_terms(post.site_id, &post.tags, &post.categories);
        }
        world.posts = posts;
        world
    }

    /// The user with this ID.
    pub fn user(&self, id: u64) -> Option<&User> {
        self.users.iter().find(|u| u.id == id)
    }

    /// The user with this log-in name.
    pub fn user_by_name(&self, name: &str) -> Option<&User> {
        self.users.iter().find(|u| u.username == name)
    }

    /// A site by numeric ID or domain (`::` for `/`); `None` when unknown or ID ≤ 0.
    pub fn site(&self, reference: &str) -> Option<&Site> {
        let reference = reference.trim();
        if let Ok(id) = reference.parse::<i64>() {
            return self
                .sites
                .iter()
                .find(|s| i64::try_from(s.id).ok() == Some(id) && id > 0);
        }
        let wanted = reference
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .replace('/', "::")
            .to_lowercase();
        self.sites.iter().find(|s| s.domain() == wanted)
    }

    /// A site by ID.
    pub fn site_by_id(&self, id: u64) -> Option<&Site> {
        self.sites.iter().find(|s| s.id == id)
    }

    /// The user's role on a site, if a member.
    pub fn role(&self, user_id: u64, site_id: u64) -> Option<Role> {
        let user = self.user(user_id)?;
        self.site_by_id(site_id)?
            .members
            .get(&user.username)
            .copied()
    }

    /// Sites the user is a member of, in seed order.
    pub fn sites_of(&self, user_id: u64) -> Vec<&Site> {
        self.sites
            .iter()
            .filter(|s| self.role(user_id, s.id).is_some())
            .collect()
    }

    /// A registered app.
    pub fn app(&self, client_id: &str) -> Option<&App> {
        self.apps.iter().find(|a| a.client_id == client_id)
    }

    /// A post of a site.
    pub fn post(&self, site_id: u64, post_id: u64) -> Option<&Post> {
        self.posts
            .iter()
            .find(|p| p.site_id == site_id && p.id == post_id)
    }

    /// A post of a site, to change it.
    pub fn post_mut(&mut self, site_id: u64, post_id: u64) -> Option<&mut Post> {
        self.posts
            .iter_mut()
            .find(|p| p.site_id == site_id && p.id == post_id)
    }

    /// The ID the next new post of a site gets.
    pub fn next_post_id(&self, site_id: u64) -> u64 {
        self.posts
            .iter()
            .filter(|p| p.site_id == site_id)
            .map(|p| p.id)
            .max()
            .unwrap_or(0)
            .saturating_add(1)
    }

    /// The ID the next media item of a site gets: from 1001 on, apart from post IDs (in
    /// WordPress attachments share the posts' sequence; no client may rely on either).
    pub fn next_media_id(&self, site_id: u64) -> u64 {
        self.media
            .iter()
            .filter(|m| m.site_id == site_id)
            .map(|m| m.id)
            .max()
            .unwrap_or(1000)
            .max(1000)
            .saturating_add(1)
    }

    /// A media item of a site.
    pub fn media_item(&self, site_id: u64, id: u64) -> Option<&Media> {
        self.media
            .iter()
            .find(|m| m.site_id == site_id && m.id == id)
    }

    /// A comment of a site.
    pub fn comment(&self, site_id: u64, id: u64) -> Option<&Comment> {
        self.comments
            .iter()
            .find(|c| c.site_id == site_id && c.id == id)
    }

    /// The ID the next new comment of a site gets.
    pub fn next_comment_id(&self, site_id: u64) -> u64 {
        self.comments
            .iter()
            .filter(|c| c.site_id == site_id)
            .map(|c| c.id)
            .max()
            .unwrap_or(0)
            .saturating_add(1)
    }

    /// Whether the user follows the site.
    pub fn is_following(&self, user_id: u64, site_id: u64) -> bool {
        self.follows.contains(&Follow { user_id, site_id })
    }

    /// A token by its secret.
    pub fn token(&self, secret: &str) -> Option<&TokenRecord> {
        self.tokens.iter().find(|t| t.secret == secret)
    }

    /// The term of a site with this name, if any.
    pub fn term(&self, site_id: u64, taxonomy: Taxonomy, name: &str) -> Option<&Term> {
        self.terms
            .iter()
            .find(|t| t.site_id == site_id && t.taxonomy == taxonomy && t.name == name)
    }

    /// Gives every new tag and category name an ID.
    pub fn register_terms(&mut self, site_id: u64, tags: &[String], categories: &[String]) {
        let wanted = tags
            .iter()
            .map(|n| (Taxonomy::Tag, n))
            .chain(categories.iter().map(|n| (Taxonomy::Category, n)));
        for (taxonomy, name) in wanted {
            if self.term(site_id, taxonomy, name).is_none() {
                let id = self
                    .terms
                    .iter()
                    .filter(|t| t.site_id == site_id)
                    .map(|t| t.id)
                    .max()
                    .unwrap_or(0)
                    + 1;
                self.terms.push(Term {
                    site_id,
                    taxonomy,
                    id,
                    name: name.clone(),
                    slug: slugify(name),
                });
            }
        }
    }

    /// A post slug not yet used on the site.
    pub fn unique_slug(&self, site_id: u64, wanted: &str) -> String {
        let base = if wanted.is_empty() {
            "post".to_owned()
        } else {
            wanted.to_owned()
        };
        let taken = |slug: &str| {
            self.posts
                .iter()
                .any(|p| p.site_id == site_id && p.slug == slug)
        };
        if !taken(&base) {
            return base;
        }
        (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|slug| !taken(slug))
            .unwrap_or(base)
    }
}

fn seed_media(seed: &Seed, user_id: &dyn Fn(&str) -> u64) -> Vec<Media> {
    let info = sniff_image(PLACEHOLDER_PNG);
    seed.media
        .iter()
        .map(|m| {
            let month = crate::time::iso(m.date);
            let folder = month.get(..7).unwrap_or("1970-01").replace('-', "/");
            Media {
                site_id: m.site,
                id: m.id,
                author_id: user_id(&m.author),
                date: m.date,
                post_id: m.post_id,
                path: format!("{folder}/{}", m.file),
                mime_type: "image/png".to_owned(),
                title: m.title.clone(),
                caption: m.caption.clone(),
                description: m.description.clone(),
                alt: m.alt.clone(),
                width: info.as_ref().map_or(0, |i| i.width),
                height: info.as_ref().map_or(0, |i| i.height),
                bytes: PLACEHOLDER_PNG.to_vec(),
            }
        })
        .collect()
}

fn seed_comments(seed: &Seed, user_id: &dyn Fn(&str) -> u64) -> Vec<Comment> {
    seed.comments
        .iter()
        .map(|c| Comment {
            site_id: c.site,
            id: c.id,
            post_id: c.post,
            author_id: c.author.as_deref().map_or(0, user_id),
            author_name: c.author_name.clone(),
            date: c.date,
            content: c.content.clone(),
            status: c.status.clone(),
            parent: c.parent,
        })
        .collect()
}

/// Members follow their own sites (WordPress.com subscribes them), plus the seed's follows.
fn seed_follows(seed: &Seed, user_id: &dyn Fn(&str) -> u64) -> Vec<Follow> {
    let members = seed.sites.iter().flat_map(|site| {
        site.members.keys().map(|name| Follow {
            user_id: user_id(name),
            site_id: site.id,
        })
    });
    let extra = seed.follows.iter().map(|f| Follow {
        user_id: user_id(&f.user),
        site_id: f.site,
    });
    let mut follows: Vec<Follow> = Vec::new();
    for follow in members.chain(extra) {
        if !follows.contains(&follow) {
            follows.push(follow);
        }
    }
    follows
}

/// The status a post with this date gets: WordPress turns `publish` with a date to come into
/// `future`, and `future` with a date gone into `publish`, without telling the caller.
pub fn scheduled_status(asked: &str, date: i64, now: i64) -> &str {
    match asked {
        "publish" if date > now => "future",
        "future" if date <= now => "publish",
        other => other,
    }
}

/// Lower-case ASCII letters, digits and hyphens, like WordPress's `sanitize_title`.
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn world() -> World {
        World::from_seed(&Seed::default_seed().unwrap())
    }

    #[test]
    fn sites_resolve_by_id_or_domain() {
        let w = world();
        let cases = [
            ("2001", Some(2001)),
            ("example.wordpress.com", Some(2001)),
            ("EXAMPLE.wordpress.com", Some(2001)),
            ("jetpack.example.org::blog", Some(2003)),
            ("0", None),
            ("-2001", None),
            ("999999", None),
            ("nope.wordpress.com", None),
        ];
        for (reference, want) in cases {
            assert_eq!(w.site(reference).map(|s| s.id), want, "{reference}");
        }
    }

    #[test]
    fn slugs_are_sanitized_and_unique() {
        let w = world();
        assert_eq!(slugify("Hello, World! Ça va?"), "hello-world-a-va");
        assert_eq!(w.unique_slug(2001, "follow-up"), "follow-up-2");
        assert_eq!(w.unique_slug(2001, "brand-new"), "brand-new");
    }

    #[test]
    fn terms_get_stable_ids_per_site() {
        let mut w = world();
        let before = w.terms.len();
        w.register_terms(2001, &["news-new".to_owned()], &[]);
        w.register_terms(2001, &["news-new".to_owned()], &[]);
        assert_eq!(w.terms.len(), before + 1);
    }
}
