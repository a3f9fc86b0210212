//! Paging through every post, one post by ID or slug, and a post's life: edit, trash,
//! delete for good, restore.
#![cfg(test)]

mod common;

use std::collections::BTreeSet;

use common::Emu;
use serde_json::{json, Value};

fn ids(page: &Value) -> Vec<u64> {
    page["posts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["ID"].as_u64().unwrap())
        .collect()
}

const ALL: &str = "/rest/v1.1/sites/2001/posts/?status=any&number=7";

#[tokio::test]
async fn every_post_of_the_big_site_is_reached_by_handle_once() {
    let emu = Emu::start().await;
    let alice = emu.alice().await;
    let mut seen = Vec::new();
    let mut path = ALL.to_owned();
    let mut found = None;
    for _ in 0..20 {
        let page = emu.get_auth(&path, &alice).await.json();
        found = Some(page["found"].as_u64().unwrap());
        seen.extend(ids(&page));
        match page["meta"]["next_page"].as_str() {
            Some(next) => {
                let encoded: String = form_urlencoded::byte_serialize(next.as_bytes()).collect();
                path = format!("{ALL}&page_handle={encoded}");
            }
            None => break,
        }
    }
    assert_eq!(found, Some(50));
    assert_eq!(seen.len(), 50, "{seen:?}");
    assert_eq!(
        seen.iter().collect::<BTreeSet<_>>().len(),
        50,
        "no duplicates"
    );
}

#[tokio::test]
async fn every_post_is_reached_by_page_and_only_page_1_has_a_handle() {
    let emu = Emu::start().await;
    let alice = emu.alice().await;
    let mut seen = Vec::new();
    for page in 1..=8 {
        let reply = emu
            .get_auth(&format!("{ALL}&page={page}"), &alice)
            .await
            .json();
        assert_eq!(reply["found"], 50);
        assert_eq!(
            reply["meta"].get("next_page").is_some(),
            page == 1,
            "page {page}"
        );
        seen.extend(ids(&reply));
    }
    assert_eq!(seen.len(), 50);
    assert_eq!(seen.iter().collect::<BTreeSet<_>>().len(), 50);
    let beyond = emu.get_auth(&format!("{ALL}&page=9"), &alice).await.json();
    assert_eq!(ids(&beyond), Vec::<u64>::new());
    let offset = emu
        .get_auth(&format!("{ALL}&offset=7"), &alice)
        .await
        .json();
    assert!(
        offset["meta"].get("next_page").is_none(),
        "no handle with offset"
    );
}

#[tokio::test]
async fn a_malformed_handle_is_ignored() {
    let emu = Emu::start().await;
    let first = emu
        .get("/rest/v1.1/sites/2001/posts/?number=5")
        .await
        .json();
    for handle in ["garbage", "value%3Dnot-a-date%26id%3D3", "id%3D4"] {
        let again = emu
            .get(&format!(
                "/rest/v1.1/sites/2001/posts/?number=5&page_handle={handle}"
            ))
            .await;
        assert_eq!(again.status, 200, "{handle}");
        assert_eq!(ids(&again.json()), ids(&first), "{handle}");
    }
}

#[tokio::test]
async fn type_dates_and_comment_count_narrow_and_order_the_list() {
    let emu = Emu::start().await;
    let get = |query: &'static str| {
        let emu = &emu;
        async move {
            emu.get(&format!("/rest/v1.1/sites/2001/posts/?{query}"))
                .await
        }
    };
    assert_eq!(get("type=page").await.json()["found"], 0);
    assert_eq!(get("type=any").await.json()["found"], 48);
    assert_eq!(
        get("type=product").await.error(),
        (400, "unknown_post_type".to_owned())
    );
    let window = get("after=2024-04-01T00:00:00%2B00:00&before=2024-04-05T00:00:00Z")
        .await
        .json();
    assert_eq!(ids(&window), [47, 46]);
    assert_eq!(
        get("after=yesterday").await.error(),
        (400, "invalid_input".to_owned())
    );
    let busy = get("order_by=comment_count&number=3").await.json();
    assert_eq!(ids(&busy), [44, 48, 47]);
    assert_eq!(busy["posts"][0]["discussion"]["comment_count"], 25);
}

#[tokio::test]
async fn a_post_is_found_by_id_or_slug() {
    let emu = Emu::start().await;
    let by_slug = emu
        .get("/rest/v1.1/sites/example.wordpress.com/posts/slug:follow-up")
        .await;
    assert_eq!(by_slug.status, 200, "{}", by_slug.text());
    assert_eq!(by_slug.json()["ID"], 48);
    for path in ["slug:no-such-post", "9999"] {
        let reply = emu
            .get(&format!("/rest/v1.1/sites/2001/posts/{path}"))
            .await;
        assert_eq!(reply.error(), (404, "unknown_post".to_owned()), "{path}");
        assert_eq!(reply.json()["message"], "Unknown post");
    }
    let closed = emu.get("/rest/v1.1/sites/2001/posts/46").await.json();
    assert_eq!(closed["discussion"]["comments_open"], false);
}

#[tokio::test]
async fn edits_change_only_the_fields_given() {
    let emu = Emu::start().await;
    let alice = emu.alice().await;
    let reply = emu
        .post_json(
            "/rest/v1.1/sites/2001/posts/47",
            Some(&alice),
            json!({"title": "Design notes, revised", "tags": ["design", "fonts"], "sticky": true}),
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    let post = reply.json();
    assert_eq!(post["title"], "Design notes, revised");
    assert_eq!(post["sticky"], true);
    assert!(post["tags"]["fonts"].is_object());
    assert_eq!(post["slug"], "design-notes-47", "the slug stays");
    assert!(post["content"].as_str().unwrap().contains("post number 47"));
    let read = emu.get("/rest/v1.1/sites/2001/posts/47").await.json();
    assert_eq!(read["title"], "Design notes, revised");
}

#[tokio::test]
async fn edits_are_refused_to_those_who_may_not() {
    let emu = Emu::start().await;
    let bob = emu.token("bob", "global", Value::Null).await;
    let cases = [
        (
            None,
            "47",
            json!({"title": "x"}),
            403,
            "authorization_required",
        ),
        (Some(&bob), "47", json!({"title": "x"}), 403, "unauthorized"),
        (
            Some(&bob),
            "9999",
            json!({"title": "x"}),
            404,
            "unknown_post",
        ),
        (
            Some(&bob),
            "50",
            json!({"status": "bogus"}),
            400,
            "invalid_input",
        ),
    ];
    for (token, id, body, status, code) in cases {
        let reply = emu
            .post_json(
                &format!("/rest/v1.1/sites/2001/posts/{id}"),
                token.map(String::as_str),
                body,
            )
            .await;
        assert_eq!(reply.error(), (status, code.to_owned()), "{id}");
    }
    let own = emu
        .post_json(
            "/rest/v1.1/sites/2001/posts/50",
            Some(&bob),
            json!({"status": "publish"}),
        )
        .await;
    assert_eq!(
        own.json()["status"],
        "pending",
        "a contributor cannot publish"
    );
}

#[tokio::test]
async fn delete_trashes_then_deletes_for_good_and_restore_undoes_the_trash() {
    let emu = Emu::start().await;
    let alice = emu.alice().await;
    let delete = "/rest/v1.1/sites/2001/posts/45/delete";
    let trashed = emu.post_json(delete, Some(&alice), json!({})).await;
    assert_eq!(trashed.status, 200, "{}", trashed.text());
    assert_eq!(trashed.json()["status"], "trash");
    assert_eq!(
        emu.get("/rest/v1.1/sites/2001/posts/").await.json()["found"],
        47
    );
    assert_eq!(
        emu.get("/rest/v1.1/sites/2001/posts/45").await.error(),
        (403, "unauthorized".to_owned()),
        "a trashed post is not public"
    );
    let restored = emu
        .post_json(
            "/rest/v1.1/sites/2001/posts/45/restore",
            Some(&alice),
            json!({}),
        )
        .await
        .json();
    assert_eq!(restored["status"], "publish", "back to the status it had");
    emu.post_json(delete, Some(&alice), json!({})).await;
    let gone = emu.post_json(delete, Some(&alice), json!({})).await.json();
    assert_eq!(
        (gone["ID"].clone(), gone["status"].clone()),
        (json!(45), json!("deleted"))
    );
    assert_eq!(
        emu.get_auth("/rest/v1.1/sites/2001/posts/45", &alice)
            .await
            .error(),
        (404, "unknown_post".to_owned())
    );
    assert_eq!(
        emu.post_json(delete, Some(&alice), json!({})).await.error(),
        (404, "unknown_post".to_owned())
    );
    let bob = emu.token("bob", "global", Value::Null).await;
    assert_eq!(
        emu.post_json(
            "/rest/v1.1/sites/2001/posts/44/delete",
            Some(&bob),
            json!({})
        )
        .await
        .error(),
        (403, "unauthorized".to_owned())
    );
}

#[tokio::test]
async fn an_edit_to_trash_is_a_trash_and_status_any_leaves_it_out() {
    let emu = Emu::start().await;
    let alice = emu.alice().await;
    let reply = emu
        .post_json(
            "/rest/v1.1/sites/2001/posts/44",
            Some(&alice),
            json!({"status": "trash"}),
        )
        .await;
    assert_eq!(reply.json()["status"], "trash");
    let any = emu.get_auth(ALL, &alice).await.json();
    assert_eq!(any["found"], 49);
    let trash = emu
        .get_auth("/rest/v1.1/sites/2001/posts/?status=trash", &alice)
        .await
        .json();
    assert_eq!(ids(&trash), [44]);
    let back = emu
        .post_json(
            "/rest/v1.1/sites/2001/posts/44/restore",
            Some(&alice),
            json!({}),
        )
        .await
        .json();
    assert_eq!(back["status"], "publish");
}
