//! Comments (`replies/`, `replies/new`, `comments/$ID/replies/new`, `comments/$ID/delete`)
//! and follows (`follows/new`, `follows/mine`, `follows/mine/delete`).
#![cfg(test)]

mod common;

use std::collections::BTreeSet;

use common::Emu;
use serde_json::{json, Value};

fn ids(page: &Value) -> Vec<u64> {
    page["comments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["ID"].as_u64().unwrap())
        .collect()
}

#[tokio::test]
async fn a_post_lists_its_approved_comments_newest_first_with_threads() {
    let emu = Emu::start().await;
    let page = emu.get("/rest/v1.1/sites/2001/posts/48/replies/").await;
    assert_eq!(page.status, 200, "{}", page.text());
    let page = page.json();
    assert_eq!(
        (page["found"].clone(), page["site_ID"].clone()),
        (json!(3), json!(2001))
    );
    assert_eq!(
        ids(&page),
        [3, 2, 1],
        "the visitor's unapproved one is hidden"
    );
    let reply = &page["comments"][1];
    for field in [
        "ID",
        "post",
        "author",
        "date",
        "URL",
        "content",
        "status",
        "parent",
        "type",
        "like_count",
        "i_like",
    ] {
        assert!(reply.get(field).is_some(), "missing {field}");
    }
    assert_eq!(reply["parent"]["ID"], 1);
    assert_eq!(reply["parent"]["type"], "comment");
    assert_eq!(page["comments"][2]["parent"], false);
    assert_eq!(reply["post"]["ID"], 48);
    assert_eq!(reply["author"]["login"], "alice");
    assert_eq!(reply["status"], "approved");
    assert_eq!(
        page["comments"][0]["content"],
        "<p>I still prefer tea &amp; biscuits.</p>\n"
    );
    let oldest = emu
        .get("/rest/v1.1/sites/2001/posts/48/replies/?order=ASC&number=1")
        .await
        .json();
    assert_eq!(ids(&oldest), [1]);
}

#[tokio::test]
async fn comments_page_through_a_busy_post() {
    let emu = Emu::start().await;
    let mut seen = Vec::new();
    for page in 1..=3 {
        let reply = emu
            .get(&format!(
                "/rest/v1.1/sites/2001/posts/44/replies/?number=10&page={page}"
            ))
            .await
            .json();
        assert_eq!(reply["found"], 25);
        seen.extend(ids(&reply));
    }
    assert_eq!(seen.len(), 25);
    assert_eq!(seen.iter().collect::<BTreeSet<_>>().len(), 25);
    assert_eq!(
        emu.get("/rest/v1.1/sites/2001/posts/44/replies/?number=101")
            .await
            .error(),
        (400, "invalid_number".to_owned())
    );
}

#[tokio::test]
async fn jetpack_sites_do_not_count_comments_and_other_statuses_need_a_moderator() {
    let emu = Emu::start().await;
    let alice = emu.alice().await;
    let jetpack = emu
        .get("/rest/v1.1/sites/jetpack.example.org::blog/posts/101/replies/")
        .await
        .json();
    assert_eq!(jetpack["found"], -1);
    assert_eq!(ids(&jetpack), [2, 1]);
    let path = "/rest/v1.1/sites/2001/posts/48/replies/?status=all";
    assert_eq!(
        emu.get(path).await.error(),
        (403, "unauthorized".to_owned())
    );
    let all = emu.get_auth(path, &alice).await.json();
    assert_eq!(all["found"], 4);
    assert_eq!(all["comments"][0]["author"]["ID"], 0, "a visitor");
    assert_eq!(all["comments"][0]["status"], "unapproved");
    assert_eq!(
        emu.get("/rest/v1.1/sites/2001/posts/9999/replies/")
            .await
            .error(),
        (404, "unknown_post".to_owned())
    );
}

#[tokio::test]
async fn new_comments_and_replies_round_trip() {
    let emu = Emu::start().await;
    let dave = emu.token("dave", "global", Value::Null).await;
    let new = emu
        .post_json(
            "/rest/v1.1/sites/2001/posts/47/replies/new",
            Some(&dave),
            json!({"content": "Thanks for the tip."}),
        )
        .await;
    assert_eq!(new.status, 200, "{}", new.text());
    let new = new.json();
    assert_eq!(new["status"], "approved", "a member's comment");
    assert_eq!(new["parent"], false);
    let id = new["ID"].as_u64().unwrap();
    let reply = emu
        .post_json(
            &format!("/rest/v1.1/sites/2001/comments/{id}/replies/new"),
            Some(&dave),
            json!({"content": "And another thing."}),
        )
        .await
        .json();
    assert_eq!(reply["parent"]["ID"], id);
    assert_eq!(reply["post"]["ID"], 47);
    let list = emu
        .get("/rest/v1.1/sites/2001/posts/47/replies/")
        .await
        .json();
    assert_eq!(list["found"], 4);
    assert_eq!(ids(&list)[..2], [id + 1, id]);
    let post = emu.get("/rest/v1.1/sites/2001/posts/47").await.json();
    assert_eq!(post["discussion"]["comment_count"], 4);
    let carol = emu.token("carol", "global", Value::Null).await;
    let stranger = emu
        .post_form(
            "/rest/v1.1/sites/2001/posts/47/replies/new",
            Some(&carol),
            "content=Hi",
        )
        .await
        .json();
    assert_eq!(stranger["status"], "unapproved", "held for moderation");
}

#[tokio::test]
async fn new_comments_are_refused_with_the_contracts_errors() {
    let emu = Emu::start().await;
    let dave = emu.token("dave", "global", Value::Null).await;
    let bob = emu.token("bob", "global", Value::Null).await;
    let alice = emu.alice().await;
    let cases = [
        (
            None,
            "posts/47/replies/new",
            json!({"content": "x"}),
            403,
            "authorization_required",
        ),
        (
            Some(&dave),
            "posts/47/replies/new",
            json!({"content": "  "}),
            400,
            "invalid_input",
        ),
        (
            Some(&dave),
            "posts/47/replies/new",
            json!({}),
            400,
            "invalid_input",
        ),
        (
            Some(&dave),
            "posts/46/replies/new",
            json!({"content": "x"}),
            403,
            "unauthorized",
        ),
        (
            Some(&dave),
            "posts/9999/replies/new",
            json!({"content": "x"}),
            404,
            "unknown_post",
        ),
        (
            Some(&dave),
            "comments/9999/replies/new",
            json!({"content": "x"}),
            404,
            "unknown_comment",
        ),
        (
            Some(&bob),
            "comments/4/replies/new",
            json!({"content": "x"}),
            404,
            "unknown_comment",
        ),
    ];
    for (token, path, body, status, code) in cases {
        let reply = emu
            .post_json(
                &format!("/rest/v1.1/sites/2001/{path}"),
                token.map(String::as_str),
                body.clone(),
            )
            .await;
        assert_eq!(reply.error(), (status, code.to_owned()), "{path} {body}");
    }
    let closed = emu
        .post_json(
            "/rest/v1.1/sites/2001/posts/46/replies/new",
            Some(&dave),
            json!({"content": "x"}),
        )
        .await;
    assert_eq!(closed.json()["message"], "Comments on this post are closed");
    let owner = emu
        .post_json(
            "/rest/v1.1/sites/2001/posts/46/replies/new",
            Some(&alice),
            json!({"content": "The owner may."}),
        )
        .await;
    assert_eq!(
        owner.status, 200,
        "whoever can edit the post still comments"
    );
}

#[tokio::test]
async fn deleting_a_comment_trashes_it_then_deletes_it_for_good() {
    let emu = Emu::start().await;
    let alice = emu.alice().await;
    let bob = emu.token("bob", "global", Value::Null).await;
    let path = "/rest/v1.1/sites/2001/comments/1/delete";
    assert_eq!(
        emu.post_json(path, Some(&bob), json!({})).await.error(),
        (403, "unauthorized".to_owned())
    );
    let trashed = emu.post_json(path, Some(&alice), json!({})).await.json();
    assert_eq!(trashed["status"], "trash");
    let list = emu
        .get("/rest/v1.1/sites/2001/posts/48/replies/")
        .await
        .json();
    assert_eq!(ids(&list), [3, 2]);
    let gone = emu.post_json(path, Some(&alice), json!({})).await.json();
    assert_eq!(
        (gone["ID"].clone(), gone["status"].clone()),
        (json!(1), json!("deleted"))
    );
    assert_eq!(
        emu.post_json(path, Some(&alice), json!({})).await.error(),
        (404, "unknown_comment".to_owned())
    );
    let orphan = emu
        .get("/rest/v1.1/sites/2001/posts/48/replies/")
        .await
        .json();
    assert_eq!(orphan["comments"][1]["parent"], false, "its reply moved up");
}

#[tokio::test]
async fn follows_round_trip_per_user() {
    let emu = Emu::start().await;
    let carol = emu.token("carol", "global", Value::Null).await;
    let alice = emu.alice().await;
    let mine = "/rest/v1.1/sites/2010/follows/mine";
    assert_eq!(
        emu.get_auth(mine, &carol).await.json(),
        json!({"is_following": false})
    );
    let followed = emu
        .post_json("/rest/v1.1/sites/2010/follows/new", Some(&carol), json!({}))
        .await
        .json();
    assert_eq!(
        (
            followed["success"].clone(),
            followed["is_following"].clone()
        ),
        (json!(true), json!(true))
    );
    assert_eq!(
        emu.get_auth(mine, &carol).await.json()["is_following"],
        true
    );
    assert_eq!(
        emu.get_auth(mine, &alice).await.json()["is_following"],
        false,
        "per user"
    );
    let unfollowed = emu
        .post_json(
            "/rest/v1.1/sites/2010/follows/mine/delete",
            Some(&carol),
            json!({}),
        )
        .await
        .json();
    assert_eq!(unfollowed["is_following"], false);
    assert_eq!(
        emu.get_auth(mine, &carol).await.json()["is_following"],
        false
    );
    assert_eq!(
        emu.get_auth("/rest/v1.1/sites/2001/follows/mine", &alice)
            .await
            .json()["is_following"],
        true,
        "members follow their own sites"
    );
    assert_eq!(
        emu.get(mine).await.error(),
        (403, "authorization_required".to_owned())
    );
    assert_eq!(
        emu.post_json("/rest/v1.1/sites/2002/follows/new", Some(&carol), json!({}))
            .await
            .error(),
        (403, "unauthorized".to_owned()),
        "a private site"
    );
    assert_eq!(
        emu.get_auth("/rest/v1.1/sites/999999/follows/mine", &carol)
            .await
            .error(),
        (404, "unknown_blog".to_owned())
    );
}

#[tokio::test]
async fn faults_hit_comment_routes() {
    let emu = Emu::start().await;
    emu.fault(json!({"path": "/rest/v1.1/sites/2001/posts/48/replies/", "fault": {"kind": "malformed_json"}}))
        .await;
    let broken = emu.get("/rest/v1.1/sites/2001/posts/48/replies/").await;
    assert_eq!(broken.status, 200);
    assert!(serde_json::from_slice::<Value>(&broken.body).is_err());
    assert_eq!(
        emu.get("/rest/v1.1/sites/2001/posts/48/replies/")
            .await
            .json()["found"],
        3
    );
}
