use super::prelude::*;

use serde_json::{json, Value};

use super::normalise_json::decode;
use crate::core::error::ErrorCode;
use crate::core::models::{NewPost, Post, PostsPage};
use crate::core::quirks::Shape;

fn post(v: Value) -> Post {
    decode(v, Shape::Post).unwrap()
}

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
    let p = post(real_post());
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
    let p = post(v);
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
    let page: PostsPage = decode(json!({
        "found": 366, "posts": [real_post(), real_post()],
        "meta": {"links": {"counts": "x"}, "next_page": "value=2024-03-01T10%3A00%3A00%2B00%3A00&id=8535"}
    }), Shape::PostsPage).unwrap();
    assert_eq!((page.found, page.posts.len()), (366, 2));
    // Each post of a page gets a post's rules.
    assert_eq!(page.posts[0], post(real_post()));
    assert_eq!(
        page.meta.next_page.as_deref(),
        Some("value=2024-03-01T10%3A00%3A00%2B00%3A00&id=8535")
    );
    let last: PostsPage = decode(
        json!({"found": 0, "posts": [], "meta": []}),
        Shape::PostsPage,
    )
    .unwrap();
    assert_eq!(last.meta.next_page, None);
    let odd: PostsPage = decode(
        json!({"found": "2", "posts": [real_post(), false], "meta": {"next_page": ""}}),
        Shape::PostsPage,
    )
    .unwrap();
    assert_eq!(
        (odd.found, odd.posts.len(), odd.meta.next_page),
        (2, 1, None)
    );
}

#[test]
fn new_post_serializes_only_what_is_set_and_terms_as_arrays() {
    let p = NewPost {
        title: Some("Hello".into()),
        content: Some("<p>x</p>".into()),
        status: Some("draft".into()),
        categories: vec!["news".into(), "rust".into()],
        tags: vec!["one".into()],
        sticky: Some(true),
        ..NewPost::default()
    };
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
    let text = |s: &str| Some(s.to_string());
    let cases = [
        (
            NewPost {
                title: text("T"),
                ..NewPost::default()
            },
            true,
        ),
        (
            NewPost {
                content: text("C"),
                ..NewPost::default()
            },
            true,
        ),
        (
            NewPost {
                excerpt: text("E"),
                ..NewPost::default()
            },
            true,
        ),
        (NewPost::default(), false),
        (
            NewPost {
                title: text(""),
                content: text("  "),
                status: text("publish"),
                tags: vec!["a".into()],
                ..NewPost::default()
            },
            false,
        ),
        (
            NewPost {
                title: None,
                excerpt: text("0"),
                ..NewPost::default()
            },
            true,
        ),
    ];
    for (p, ok) in cases {
        match p.validate() {
            Ok(()) => assert!(ok, "{p:?}"),
            Err(e) => {
                assert!(!ok, "{p:?}");
                assert_eq!(e.code, ErrorCode::InvalidInput);
            }
        }
    }
}
