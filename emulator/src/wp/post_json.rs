//! The post object in WordPress core's shape (`wp/v2`), for `view` or `edit`.

use serde_json::{json, Value};

use crate::rest::post_json::{auto_excerpt, permalink, render_html, render_title};
use crate::seed::Site;
use crate::store::{Post, Taxonomy, World};
use crate::time;

/// `context`: `view` (and `embed`, served the same) or `edit` (adds the `raw` values).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WpContext {
    /// Rendered for reading (default).
    View,
    /// Raw values too; needs edit rights.
    Edit,
}

/// Where a post lives in `wp/v2`.
pub fn post_url(base: &str, site: &Site, id: u64) -> String {
    format!("{base}/wp/v2/sites/{}/posts/{id}", site.id)
}

fn term_ids(world: &World, site: &Site, taxonomy: Taxonomy, names: &[String]) -> Vec<u64> {
    names
        .iter()
        .filter_map(|name| world.term(site.id, taxonomy, name))
        .map(|term| term.id)
        .collect()
}

/// The post as core sends it. `editable`: the caller may edit it, so a password does not
/// hide its content.
pub fn post_json(
    world: &World,
    site: &Site,
    post: &Post,
    context: WpContext,
    editable: bool,
    base: &str,
) -> Value {
    let protected = !post.password.is_empty();
    let hidden = protected && !editable;
    let content = if hidden {
        String::new()
    } else {
        render_html(&post.content)
    };
    let excerpt = match (hidden, post.excerpt.is_empty()) {
        (true, _) => String::new(),
        (false, true) => auto_excerpt(&post.content),
        (false, false) => render_html(&post.excerpt),
    };
    let mut title = json!({"rendered": render_title(&post.title)});
    let mut content = json!({"rendered": content, "protected": protected});
    let mut excerpt = json!({"rendered": excerpt, "protected": protected});
    if context == WpContext::Edit {
        for (object, raw) in [
            (&mut title, &post.title),
            (&mut content, &post.content),
            (&mut excerpt, &post.excerpt),
        ] {
            if let Value::Object(map) = object {
                map.insert("raw".to_owned(), json!(raw));
            }
        }
    }
    let date = time::iso_naive(post.date);
    let modified = time::iso_naive(post.modified);
    let self_url = post_url(base, site, post.id);
    let mut object = json!({
        "id": post.id,
        "date": date,
        "date_gmt": date,
        "guid": {"rendered": format!("{}/?p={}", site.url, post.id)},
        "modified": modified,
        "modified_gmt": modified,
        "slug": post.slug,
        "status": post.status,
        "type": "post",
        "link": permalink(site, post),
        "title": title,
        "content": content,
        "excerpt": excerpt,
        "author": post.author_id,
        "featured_media": post.featured_media,
        "comment_status": if post.comments_open { "open" } else { "closed" },
        "ping_status": "open",
        "sticky": post.sticky,
        "template": "",
        "format": post.format,
        "meta": [],
        "categories": term_ids(world, site, Taxonomy::Category, &post.categories),
        "tags": term_ids(world, site, Taxonomy::Tag, &post.tags),
        "_links": {
            "self": [{"href": self_url}],
            "collection": [{"href": format!("{base}/wp/v2/sites/{}/posts", site.id)}],
        },
    });
    if let (WpContext::Edit, Value::Object(map)) = (context, &mut object) {
        map.insert("password".to_owned(), json!(post.password));
    }
    object
}
