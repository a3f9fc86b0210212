//! Likes: listing, liking, unliking, and who may do it.
#![cfg(test)]

mod common;

use common::Emu;
use serde_json::{json, Value};

const LIKER_FIELDS: &[&str] = &[
    "ID",
    "login",
    "name",
    "nice_name",
    "URL",
    "avatar_URL",
    "profile_URL",
    "site_ID",
    "date_liked",
    "preferred_blog",
];

#[tokio::test]
async fn likes_of_a_public_post_are_listed_without_a_token() {
    let emu = Emu::start().await;
    let reply = emu
        .get("/rest/v1.1/sites/example.wordpress.com/posts/3/likes/")
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    let likes = reply.json();
    assert_eq!(likes["found"], 3);
    assert_eq!(likes["i_like"], false);
    let list = likes["likes"].as_array().unwrap();
    for liker in list {
        for field in LIKER_FIELDS {
            assert!(liker.get(*field).is_some(), "missing {field}");
        }
    }
    let logins: Vec<&str> = list.iter().map(|l| l["login"].as_str().unwrap()).collect();
    assert_eq!(logins, ["dave", "carol", "alice"], "newest first");
    let preferred =
        |login: &str| list.iter().find(|l| l["login"] == login).unwrap()["preferred_blog"].clone();
    assert_eq!(preferred("dave")["ID"], 2011);
    assert_eq!(preferred("carol"), Value::Null);
}

#[tokio::test]
async fn liking_adds_one_and_unliking_removes_it() {
    let emu = Emu::start().await;
    let alice = emu.alice().await;
    let likes = "/rest/v1.1/sites/2001/posts/4/likes";
    let before = emu.get_auth(likes, &alice).await.json();
    assert_eq!(
        (before["found"].clone(), before["i_like"].clone()),
        (json!(0), json!(false))
    );

    let liked = emu
        .post_json(&format!("{likes}/new"), Some(&alice), json!({}))
        .await;
    assert_eq!(liked.status, 200);
    let liked = liked.json();
    assert_eq!(liked["success"], true);
    assert_eq!(liked["i_like"], true);
    assert_eq!(liked["like_count"], 1);
    assert_eq!(
        (liked["site_ID"].clone(), liked["post_ID"].clone()),
        (json!(2001), json!(4))
    );

    let after = emu.get_auth(likes, &alice).await.json();
    assert_eq!(
        (after["found"].clone(), after["i_like"].clone()),
        (json!(1), json!(true))
    );
    assert_eq!(after["likes"][0]["login"], "alice");

    let again = emu
        .post_json(&format!("{likes}/new"), Some(&alice), json!({}))
        .await
        .json();
    assert_eq!(again["like_count"], 1, "liking twice counts once");

    // Quirk on purpose: the unlike answer has `success: 1` and a string count.
    let unliked = emu
        .post_json(&format!("{likes}/mine/delete"), Some(&alice), json!({}))
        .await
        .json();
    assert_eq!(unliked["success"], 1);
    assert_eq!(unliked["like_count"], "0");
    assert_eq!(unliked["i_like"], false);
    assert_eq!(emu.get(likes).await.json()["found"], 0);
}

#[tokio::test]
async fn jetpack_sites_answer_likes_with_the_odd_types() {
    let emu = Emu::start().await;
    let carol = emu.token("carol", "global", Value::Null).await;
    let reply = emu
        .post_json(
            "/rest/v1.1/sites/jetpack.example.org::blog/posts/101/likes/new",
            Some(&carol),
            json!({}),
        )
        .await
        .json();
    assert_eq!(
        (reply["success"].clone(), reply["like_count"].clone()),
        (json!(1), json!("3"))
    );
}

#[tokio::test]
async fn private_blog_likes_need_a_member() {
    let emu = Emu::start().await;
    let bob = emu.token("bob", "global", Value::Null).await;
    let path = "/rest/v1.1/sites/2002/posts/1/likes";
    assert_eq!(
        emu.get(path).await.error(),
        (403, "unauthorized".to_owned())
    );
    assert_eq!(
        emu.get_auth(path, &bob).await.error(),
        (403, "unauthorized".to_owned())
    );
    assert_eq!(
        emu.get_auth(path, &emu.alice().await).await.json()["found"],
        1
    );
}

#[tokio::test]
async fn liking_needs_a_token_that_reaches_the_post() {
    let emu = Emu::start().await;
    let auth = emu.token("alice", "auth", Value::Null).await;
    let alice = emu.alice().await;
    let cases = [
        (
            None,
            "/rest/v1.1/sites/2001/posts/4/likes/new",
            403,
            "authorization_required",
        ),
        (
            Some(auth.as_str()),
            "/rest/v1.1/sites/2001/posts/4/likes/new",
            403,
            "unauthorized",
        ),
        (
            Some(alice.as_str()),
            "/rest/v1.1/sites/2001/posts/9999/likes/new",
            404,
            "unknown_post",
        ),
        (
            Some(alice.as_str()),
            "/rest/v1.1/sites/999999/posts/1/likes/new",
            404,
            "unknown_blog",
        ),
        (
            None,
            "/rest/v1.1/sites/2001/posts/4/likes/mine/delete",
            403,
            "authorization_required",
        ),
    ];
    for (token, path, status, code) in cases {
        let reply = emu.post_json(path, token, json!({})).await;
        assert_eq!(reply.error(), (status, code.to_owned()), "{path}");
    }
}
