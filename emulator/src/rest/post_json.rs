//! The post object, rendered for `display` or `edit`.

use serde_json::{json, Map, Value};

use super::auth::Grant;
use super::envelope::Context;
use super::media::media_json;
use crate::seed::{Role, Site};
use crate::store::{Post, Taxonomy, World};
use crate::time;

/// Whether the caller may edit this post.
pub fn can_edit(role: Option<Role>, grant: Option<&Grant>, post: &Post) -> bool {
    let own = grant.is_some_and(|g| g.user_id == post.author_id);
    role.is_some_and(|r| r.can_edit_others() || (r.can_edit_posts() && own))
}

/// Whether the caller may read this post: published, or theirs to edit, or private and a member.
pub fn can_read(role: Option<Role>, grant: Option<&Grant>, post: &Post) -> bool {
    post.status == "publish"
        || can_edit(role, grant, post)
        || (post.status == "private" && role.is_some())
}

/// Paragraphs become `<p>`, like WordPress's `wpautop`, and a bare `&` becomes `&amp;`.
pub fn render_html(raw: &str) -> String {
    raw.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            format!(
                "<p>{}</p>\n",
                p.replace("& ", "&amp; ").replace('\n', "<br />\n")
            )
        })
        .collect()
}

/// The first 55 words of the content, as WordPress makes an excerpt.
pub fn auto_excerpt(content: &str) -> String {
    let words: Vec<&str> = content.split_whitespace().collect();
    let text = words.iter().take(55).copied().collect::<Vec<_>>().join(" ");
    let more = if words.len() > 55 { " [&hellip;]" } else { "" };
    format!("<p>{}{more}</p>\n", text.replace("& ", "&amp; "))
}

/// A title as WordPress renders it for reading.
pub fn render_title(raw: &str) -> String {
    raw.replace("& ", "&amp; ")
}

/// The post's address on its site: a dated permalink once published, `?p=` before.
pub fn permalink(site: &Site, post: &Post) -> String {
    if post.status == "publish" {
        let day = time::iso(post.date);
        let ymd = day.get(..10).unwrap_or("1970-01-01").replace('-', "/");
        format!("{}/{ymd}/{}/", site.url, post.slug)
    } else {
        format!("{}/?p={}", site.url, post.id)
    }
}

fn terms(world: &World, site: &Site, post: &Post, taxonomy: Taxonomy, base: &str) -> Value {
    let names = match taxonomy {
        Taxonomy::Tag => &post.tags,
        Taxonomy::Category => &post.categories,
    };
    // An empty PHP array becomes `[]`, a filled one an object keyed by name.
    if names.is_empty() {
        return json!([]);
    }
    let kind = match taxonomy {
        Taxonomy::Tag => "tags",
        Taxonomy::Category => "categories",
    };
    let mut map = Map::new();
    for name in names {
        let Some(term) = world.term(site.id, taxonomy, name) else {
            continue;
        };
        let count = world
            .posts
            .iter()
            .filter(|p| p.site_id == site.id && p.status == "publish")
            .filter(|p| match taxonomy {
                Taxonomy::Tag => p.tags.contains(name),
                Taxonomy::Category => p.categories.contains(name),
            })
            .count();
        let link = format!(
            "{base}/rest/v1.1/sites/{}/{kind}/slug:{}",
            site.id, term.slug
        );
        map.insert(
            name.clone(),
            json!({
                "ID": term.id,
                "name": term.name,
                "slug": term.slug,
                "description": "",
                "post_count": count,
                "parent": 0,
                "meta": {"links": {"self": link, "help": format!("{link}/help"),
                    "site": format!("{base}/rest/v1.1/sites/{}", site.id)}},
            }),
        );
    }
    Value::Object(map)
}

/// The post object as WordPress.com sends it.
pub fn post_json(
    world: &World,
    site: &Site,
    post: &Post,
    grant: Option<&Grant>,
    context: Context,
    base: &str,
) -> Value {
    let role = grant.and_then(|g| world.role(g.user_id, site.id));
    let author = world.user(post.author_id);
    let author_blog = author.and_then(|a| world.site_by_id(a.primary_blog));
    let self_link = format!("{base}/rest/v1.1/sites/{}/posts/{}", site.id, post.id);
    let url = permalink(site, post);
    let (title, content, excerpt) = match context {
        Context::Edit => (
            post.title.clone(),
            post.content.clone(),
            post.excerpt.clone(),
        ),
        Context::Display => (
            render_title(&post.title),
            render_html(&post.content),
            if post.excerpt.is_empty() {
                auto_excerpt(&post.content)
            } else {
                render_html(&post.excerpt)
            },
        ),
    };
    // `parent` is `false` for top-level posts and an object otherwise.
    let parent = post
        .parent
        .and_then(|id| world.post(site.id, id))
        .map_or(json!(false), |p| {
            json!({
                "ID": p.id,
                "type": "post",
                "link": format!("{base}/rest/v1.1/sites/{}/posts/{}", site.id, p.id),
                "title": p.title,
            })
        });
    let metadata = if post.metadata.is_empty() {
        json!(false)
    } else {
        json!(post
            .metadata
            .iter()
            .map(|m| json!({"id": m.id.to_string(), "key": m.key, "value": m.value}))
            .collect::<Vec<_>>())
    };
    let editable = can_edit(role, grant, post);
    let thumbnail = world
        .media_item(site.id, post.featured_media)
        .map_or(Value::Null, |m| {
            json!({"ID": m.id, "URL": m.url(base), "guid": m.url(base), "mime_type": m.mime_type,
                "width": m.width, "height": m.height})
        });
    let attached: Map<String, Value> = world
        .media
        .iter()
        .filter(|m| m.site_id == site.id && m.post_id == post.id)
        .map(|m| (m.id.to_string(), media_json(site, m, base)))
        .collect();
    let attachment_count = attached.len();
    let attachments = Value::Object(attached);
    json!({
        "ID": post.id,
        "site_ID": site.id,
        "author": author.map_or(json!(false), |a| json!({
            "ID": a.id,
            "login": a.username,
            "email": false,
            "name": a.display_name,
            "first_name": a.first_name,
            "last_name": a.last_name,
            "nice_name": a.username,
            "URL": author_blog.map_or("", |s| s.url.as_str()),
            "avatar_URL": a.avatar_url,
            "profile_URL": a.profile_url,
            "site_ID": a.primary_blog,
        })),
        "date": time::iso(post.date),
        "modified": time::iso(post.modified),
        "title": title,
        "URL": url,
        "short_URL": format!("https://wp.me/p{}-{}", site.id, post.id),
        "content": content,
        "excerpt": excerpt,
        "slug": post.slug,
        "guid": format!("{}/?p={}", site.url, post.id),
        "status": post.status,
        "sticky": post.sticky,
        "password": post.password,
        "parent": parent,
        "type": "post",
        "discussion": {
            "comments_open": post.comments_open,
            "comment_status": if post.comments_open { "open" } else { "closed" },
            "pings_open": true,
            "ping_status": "open",
            "comment_count": super::posts_list::approved_comments(world, post),
        },
        "likes_enabled": true,
        "sharing_enabled": true,
        "like_count": post.likes.len(),
        "i_like": grant.is_some_and(|g| post.likes.iter().any(|l| l.user_id == g.user_id)),
        "is_reblogged": false,
        "is_following": grant.is_some_and(|g| world.is_following(g.user_id, site.id)),
        "global_ID": format!("{:032x}", site.id.wrapping_mul(1_000_003).wrapping_add(post.id)),
        "featured_image": post.featured_image,
        "post_thumbnail": thumbnail,
        "format": post.format,
        "geo": false,
        "menu_order": 0,
        "page_template": "",
        "publicize_URLs": [],
        "tags": terms(world, site, post, Taxonomy::Tag, base),
        "categories": terms(world, site, post, Taxonomy::Category, base),
        "attachments": attachments,
        "attachment_count": attachment_count,
        "metadata": metadata,
        "meta": {"links": {
            "self": self_link,
            "help": format!("{self_link}/help"),
            "site": format!("{base}/rest/v1.1/sites/{}", site.id),
            "replies": format!("{self_link}/replies/"),
            "likes": format!("{self_link}/likes/"),
        }},
        "capabilities": {
            "publish_post": role.is_some_and(Role::can_publish),
            "delete_post": editable,
            "edit_post": editable,
        },
        "other_URLs": {},
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_is_rendered_into_paragraphs() {
        assert_eq!(
            render_html("One & two.\n\nThree\nfour"),
            "<p>One &amp; two.</p>\n<p>Three<br />\nfour</p>\n"
        );
    }

    #[test]
    fn excerpts_are_cut_at_55_words() {
        let long = "word ".repeat(60);
        assert!(auto_excerpt(&long).ends_with(" [&hellip;]</p>\n"));
        assert_eq!(auto_excerpt("short text"), "<p>short text</p>\n");
    }
}
