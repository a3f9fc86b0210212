//! Core's REST API through public-api, writing: create, update and delete posts, by POST,
//! by `_method` or by the real method.
#![cfg(test)]

mod common;

use common::{call, wp_error, wp_ids, Emu};
use serde_json::{json, Value};

const POSTS: &str = "/wp/v2/sites/2001/posts";

#[tokio::test]
async fn new_posts_from_json_or_form_bodies_answer_201_and_join_both_apis() {
    let emu = Emu::start().await;
    let alice = emu.alice().await;
    let tag_ids = emu.get(&format!("{POSTS}/1")).await.json()["tags"].clone();
    let body =
        json!({"title": "Core post", "content": "Hello", "status": "publish", "tags": tag_ids});
    let created = call(&emu, "POST", POSTS, Some(&alice), body).await;
    assert_eq!(created.status, 201, "{}", created.text());
    let post = created.json();
    assert_eq!(post["id"], 51);
    assert_eq!(post["status"], "publish");
    assert_eq!(post["slug"], "core-post");
    assert_eq!(
        post["title"]["raw"], "Core post",
        "answers use context=edit"
    );
    assert_eq!(post["tags"], tag_ids);
    assert!(created
        .header("location")
        .unwrap()
        .ends_with("/wp/v2/sites/2001/posts/51"));
    let list = emu.get(&format!("{POSTS}?per_page=1")).await;
    assert_eq!(list.header("x-wp-total").as_deref(), Some("49"));
    assert_eq!(wp_ids(&list), [51]);
    let v1 = emu.get("/rest/v1.1/sites/2001/posts/51").await.json();
    assert_eq!(v1["title"], "Core post");

    let form = emu
        .post_form(POSTS, Some(&alice), "title=Form+draft&content=Later")
        .await;
    assert_eq!(form.status, 201, "{}", form.text());
    assert_eq!(form.json()["status"], "draft", "core's default status");
}

#[tokio::test]
async fn new_posts_are_refused_in_core_words() {
    let emu = Emu::start().await;
    let alice = emu.alice().await;
    let bob = emu.token("bob", "global", Value::Null).await;
    let carol = emu.token("carol", "global", Value::Null).await;
    let cases = [
        (None, json!({"title": "x"}), 401, "rest_not_logged_in"),
        (
            Some(&bob),
            json!({"title": "x", "status": "publish"}),
            403,
            "rest_cannot_publish",
        ),
        (
            Some(&carol),
            json!({"title": "x"}),
            403,
            "rest_cannot_create",
        ),
        (
            Some(&alice),
            json!({"status": "publish"}),
            400,
            "empty_content",
        ),
        (
            Some(&alice),
            json!({"title": "x", "status": "trash"}),
            400,
            "rest_invalid_param",
        ),
    ];
    for (token, body, status, code) in cases {
        let reply = call(&emu, "POST", POSTS, token.map(String::as_str), body.clone()).await;
        assert_eq!(wp_error(&reply), (status, code.to_owned()), "{body}");
    }
    let pending = call(
        &emu,
        "POST",
        POSTS,
        Some(&bob),
        json!({"title": "x", "status": "pending"}),
    )
    .await;
    assert_eq!(
        (pending.status, pending.json()["status"].clone()),
        (201, json!("pending"))
    );
    let broken = emu
        .request(
            "POST",
            POSTS,
            &[("authorization", &format!("Bearer {alice}"))],
            Some(("application/json", b"{nope".to_vec())),
        )
        .await;
    assert_eq!(wp_error(&broken), (400, "rest_invalid_json".to_owned()));
}

#[tokio::test]
async fn updates_come_by_post_by_method_override_or_by_put() {
    let emu = Emu::start().await;
    let alice = emu.alice().await;
    let bob = emu.token("bob", "global", Value::Null).await;
    let path = format!("{POSTS}/1");
    for (method, suffix, title) in [
        ("POST", "", "By POST"),
        ("POST", "?_method=patch", "By override"),
        ("PUT", "", "By PUT"),
    ] {
        let reply = call(
            &emu,
            method,
            &format!("{path}{suffix}"),
            Some(&alice),
            json!({"title": title}),
        )
        .await;
        assert_eq!(reply.status, 200, "{method}{suffix}: {}", reply.text());
        assert_eq!(reply.json()["title"]["raw"], title);
        assert_eq!(emu.get(&path).await.json()["title"]["rendered"], title);
    }
    let by_bob = call(&emu, "POST", &path, Some(&bob), json!({"title": "mine"})).await;
    assert_eq!(wp_error(&by_bob), (403, "rest_cannot_edit".to_owned()));
    let unknown = call(
        &emu,
        "POST",
        &format!("{POSTS}/999"),
        Some(&alice),
        json!({}),
    )
    .await;
    assert_eq!(wp_error(&unknown), (404, "rest_post_invalid_id".to_owned()));
}

#[tokio::test]
async fn delete_trashes_first_and_force_deletes_for_good() {
    let emu = Emu::start().await;
    let alice = emu.alice().await;
    let trash = format!("{POSTS}/2?_method=DELETE");
    let trashed = call(&emu, "POST", &trash, Some(&alice), json!({})).await;
    assert_eq!(trashed.status, 200, "{}", trashed.text());
    assert_eq!(
        (
            trashed.json()["id"].clone(),
            trashed.json()["status"].clone()
        ),
        (json!(2), json!("trash"))
    );
    let again = call(&emu, "POST", &trash, Some(&alice), json!({})).await;
    assert_eq!(wp_error(&again), (410, "rest_already_trashed".to_owned()));
    let gone = call(
        &emu,
        "POST",
        &format!("{POSTS}/2?_method=delete&force=true"),
        Some(&alice),
        json!({}),
    )
    .await;
    let gone = gone.json();
    assert_eq!(gone["deleted"], true);
    assert_eq!(
        (
            gone["previous"]["id"].clone(),
            gone["previous"]["status"].clone()
        ),
        (json!(2), json!("trash"))
    );
    assert_eq!(
        emu.get_auth(&format!("{POSTS}/2"), &alice).await.status,
        404
    );
    let real_delete = call(
        &emu,
        "DELETE",
        &format!("{POSTS}/3"),
        Some(&alice),
        json!({"force": true}),
    )
    .await;
    assert_eq!(real_delete.json()["deleted"], true);
    assert_eq!(
        emu.get(POSTS).await.header("x-wp-total").as_deref(),
        Some("46")
    );
    let anonymous = call(
        &emu,
        "POST",
        &format!("{POSTS}/4?_method=DELETE"),
        None,
        json!({}),
    )
    .await;
    assert_eq!(wp_error(&anonymous), (401, "rest_not_logged_in".to_owned()));
}
