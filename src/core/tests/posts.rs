use super::prelude::*;

use serde_json::{json, Value};

use crate::core::error::ErrorCode;
use crate::core::models::{NewPost, Post, PostsPage};

fn real_post() -> Value {
    json!({
        "ID": 8535, "site_ID": 123, "author": {"ID": 1, "login": "jane", "email": false, "name": "Jane",
            "first_name": "Jane", "last_name": "Doe", "nice_name": "jane", "URL": "https://jane.example",
            "avatar_URL": "av", "profile_URL": "pr", "site_ID": 123},
        "date": "2024-03-01T10:00:00+00:00", "modified": "2024-03-01T10:00:00+00:00",
        "title": "Hello", "URL": "https://jane.example/2024/03/01/hello/", "short_URL": "https://wp.me/p1-2d",
        "content": "<p>Hi</p>\n", "excerpt": "", "slug": "hello", "guid": "https://jane.example/?p=8535",
        "status": "publish", "sticky": false, "password": "", "parent": false, "type": "post",
        "discussion": {"comments_open": true, "comment_count": 0}, "likes_enabled": true,
        "format": "standard", "tags": {"rust": {"ID": 5, "name": "rust", "slug": "rust",
            "description": "", "post_count": 3, "meta": {}}},
        "categories": {"Uncategorized": {"ID": "1", "name": "Uncategorized", "slug": "uncategorized",
            "description": "", "post_count": "12"}},
        "like_count": "0", "i_like": false, "meta": {"links": {"self": "x"}}
    })
}

#[test]
fn posts_read_real_quirks() {
    let p: Post = serde_json::from_value(real_post()).unwrap();
    assert_eq!((p.id, p.site_id, p.author.id), (8535, 123, 1));
    assert_eq!(p.author.last_name, "Doe");
    assert_eq!(p.parent, None);
    assert_eq!(p.post_type, "post");
    assert_eq!(p.tags["rust"].post_count, 3);
    assert_eq!(p.categories["Uncategorized"].id, 1);
    assert_eq!(p.categories["Uncategorized"].post_count, 12);
    assert_eq!(p.like_count, 0);

    let mut v = real_post();
    v["parent"] = json!({"ID": 10, "type": "page", "link": "l", "title": "Parent"});
    v["tags"] = json!([]);
    v["categories"] = json!([]);
    v["author"] = json!(false);
    v["like_count"] = json!(17);
    v["ID"] = json!("8536");
    let p: Post = serde_json::from_value(v).unwrap();
    let parent = p.parent.unwrap();
    assert_eq!(
        (parent.id, parent.post_type.as_str(), parent.title.as_str()),
        (10, "page", "Parent")
    );
    assert!(p.tags.is_empty() && p.categories.is_empty());
    assert_eq!(p.author, Default::default());
    assert_eq!((p.like_count, p.id), (17, 8536));
}

#[test]
fn posts_page_keeps_the_opaque_next_page_handle() {
    let page: PostsPage = serde_json::from_value(json!({
        "found": 366, "posts": [real_post(), real_post()],
        "meta": {"links": {"counts": "x"}, "next_page": "value=2024-03-01T10%3A00%3A00%2B00%3A00&id=8535"}
    })).unwrap();
    assert_eq!((page.found, page.posts.len()), (366, 2));
    assert_eq!(
        page.meta.next_page.as_deref(),
        Some("value=2024-03-01T10%3A00%3A00%2B00%3A00&id=8535")
    );
    let last: PostsPage =
        serde_json::from_value(json!({"found": 0, "posts": [], "meta": []})).unwrap();
    assert_eq!(last.meta.next_page, None);
}

#[test]
fn new_post_accepts_tags_as_string_or_array_and_serializes_arrays() {
    let cases = [
        (
            json!({"title": "T", "tags": "a, b,,c "}),
            vec!["a", "b", "c"],
        ),
        (
            json!({"title": "T", "tags": ["a, b", "c"]}),
            vec!["a, b", "c"],
        ),
        (json!({"title": "T", "tags": null}), vec![]),
        (json!({"title": "T"}), vec![]),
    ];
    for (v, want) in cases {
        let p: NewPost = serde_json::from_value(v.clone()).unwrap();
        assert_eq!(p.tags, want, "{v}");
    }
    let p: NewPost = serde_json::from_value(json!({
        "title": "Hello", "content": "<p>x</p>", "status": "draft", "categories": "news,rust",
        "tags": ["one"], "sticky": true, "unknown": 1
    }))
    .unwrap();
    assert_eq!(
        serde_json::to_value(&p).unwrap(),
        json!({"title": "Hello", "content": "<p>x</p>", "status": "draft", "sticky": true,
               "tags": ["one"], "categories": ["news", "rust"]})
    );
    assert_eq!(
        p.to_form(),
        "title=Hello&content=%3Cp%3Ex%3C%2Fp%3E&status=draft&sticky=1&tags%5B%5D=one\
         &categories%5B%5D=news&categories%5B%5D=rust"
    );
    assert_eq!(serde_json::to_value(NewPost::default()).unwrap(), json!({}));
}

#[test]
fn new_post_form_sends_each_term_as_one_list_item() {
    // A term holding a comma is one term: joining with commas would make it two.
    let cases = [
        (vec!["Rock, Paper"], vec![], "tags%5B%5D=Rock%2C%20Paper"),
        (
            vec!["a", "b,c"],
            vec!["News, Local"],
            "tags%5B%5D=a&tags%5B%5D=b%2Cc&categories%5B%5D=News%2C%20Local",
        ),
        (vec![], vec![], ""),
    ];
    for (tags, categories, want) in cases {
        let post = NewPost {
            tags: tags.iter().map(|t| t.to_string()).collect(),
            categories: categories.iter().map(|t| t.to_string()).collect(),
            ..NewPost::default()
        };
        assert_eq!(post.to_form(), want, "{tags:?} {categories:?}");
    }
}

#[test]
fn new_post_needs_a_title_content_or_excerpt() {
    let cases = [
        (json!({"title": "T"}), true),
        (json!({"content": "C"}), true),
        (json!({"excerpt": "E"}), true),
        (json!({}), false),
        (
            json!({"title": "", "content": "  ", "status": "publish", "tags": "a"}),
            false,
        ),
        (json!({"title": null, "excerpt": 0}), true),
    ];
    for (v, ok) in cases {
        let p: NewPost = serde_json::from_value(v.clone()).unwrap();
        match p.validate() {
            Ok(()) => assert!(ok, "{v}"),
            Err(e) => {
                assert!(!ok, "{v}");
                assert_eq!(e.code, ErrorCode::InvalidInput);
            }
        }
    }
}
