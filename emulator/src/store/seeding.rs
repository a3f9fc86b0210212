//! The world as the seed describes it: posts, comments, media (the placeholder PNG), follows.

use super::{sniff_image, Comment, Follow, Like, Media, Post, World, PLACEHOLDER_PNG};
use crate::seed::Seed;

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
