//! `POST /sites/$site/posts/new`: bodies, statuses, permissions.
#![cfg(test)]

mod common;

use common::{Emu, POST_FIELDS};
use serde_json::{json, Value};

#[tokio::test]
async fn new_post_with_a_title_is_returned_and_listed_first() {
    let emu = Emu::start().await;
    let alice = emu.alice().await;
    let reply = emu
        .post_json(
            "/rest/v1.1/sites/2001/posts/new",
            Some(&alice),
            json!({"title": "Hello from a test", "content": "Body"}),
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    let post = reply.json();
    for field in POST_FIELDS {
        assert!(post.get(*field).is_some(), "missing {field}");
    }
    assert_eq!(post["status"], "publish");
    assert_eq!(post["author"]["login"], "alice");
    assert_eq!(post["slug"], "hello-from-a-test");
    assert_eq!(post["ID"], 51);
    let page = emu
        .get("/rest/v1.1/sites/2001/posts/?number=1")
        .await
        .json();
    assert_eq!(page["found"], 49);
    assert_eq!(page["posts"][0]["ID"], 51);
    assert_eq!(page["posts"][0]["title"], "Hello from a test");
}

#[tokio::test]
async fn new_post_reads_form_bodies_with_comma_or_bracket_lists() {
    let emu = Emu::start().await;
    let alice = emu.alice().await;
    let cases = [
        (
            "title=Form+post&tags=one%2C+two&categories=News",
            vec!["one", "two"],
            vec!["News"],
        ),
        (
            "title=Bracket+post&tags[]=one&tags[]=three&categories[]=Life",
            vec!["one", "three"],
            vec!["Life"],
        ),
    ];
    for (form, tags, categories) in cases {
        let reply = emu
            .post_form("/rest/v1.1/sites/2001/posts/new", Some(&alice), form)
            .await;
        assert_eq!(reply.status, 200, "{form}: {}", reply.text());
        let post = reply.json();
        let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
        assert_eq!(keys(&post["tags"]), tags, "{form}");
        assert_eq!(keys(&post["categories"]), categories, "{form}");
    }
    let json_lists = emu
        .post_json(
            "/rest/v1.1/sites/2001/posts/new",
            Some(&alice),
            json!({"excerpt": "x", "tags": ["a", "b"], "parent": 47}),
        )
        .await
        .json();
    assert_eq!(json_lists["tags"]["b"]["name"], "b");
    assert_eq!(json_lists["parent"]["ID"], 47);
}

#[tokio::test]
async fn new_post_without_title_content_or_excerpt_is_invalid_input() {
    let emu = Emu::start().await;
    let alice = emu.alice().await;
    for body in [
        json!({}),
        json!({"status": "draft"}),
        json!({"title": "", "content": "  "}),
    ] {
        let reply = emu
            .post_json(
                "/rest/v1.1/sites/2001/posts/new",
                Some(&alice),
                body.clone(),
            )
            .await;
        assert_eq!(reply.error(), (400, "invalid_input".to_owned()), "{body}");
    }
}

#[tokio::test]
async fn a_contributor_post_becomes_pending_silently() {
    let emu = Emu::start().await;
    let bob = emu.token("bob", "global", Value::Null).await;
    let reply = emu
        .post_json(
            "/rest/v1.1/sites/2001/posts/new",
            Some(&bob),
            json!({"title": "Bob wants to publish", "status": "publish"}),
        )
        .await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.json()["status"], "pending");
    assert_eq!(
        emu.get("/rest/v1.1/sites/2001/posts/").await.json()["found"],
        48
    );
    let own = emu
        .post_json(
            "/rest/v1.1/sites/2010/posts/new",
            Some(&bob),
            json!({"title": "In my garden"}),
        )
        .await;
    assert_eq!(own.json()["status"], "publish");
}

#[tokio::test]
async fn new_post_needs_a_member_with_a_token_that_reaches_the_site() {
    let emu = Emu::start().await;
    let carol = emu.token("carol", "global", Value::Null).await;
    let auth = emu.token("alice", "auth", Value::Null).await;
    let other_blog = emu.token("alice", "", json!(2003)).await;
    let body = json!({"title": "t"});
    let cases = [
        (None, 403, "authorization_required"),
        (Some(carol.as_str()), 403, "unauthorized"),
        (Some(auth.as_str()), 403, "unauthorized"),
        (Some(other_blog.as_str()), 403, "unauthorized"),
    ];
    for (token, status, code) in cases {
        let reply = emu
            .post_json("/rest/v1.1/sites/2001/posts/new", token, body.clone())
            .await;
        assert_eq!(reply.error(), (status, code.to_owned()));
    }
    let private = emu
        .post_json(
            "/rest/v1.1/sites/2002/posts/new",
            Some(&emu.alice().await),
            body,
        )
        .await;
    assert_eq!(private.status, 200);
    assert_eq!(private.json()["site_ID"], 2002);
}
