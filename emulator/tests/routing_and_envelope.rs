//! Routing (versions, trailing slashes, 404, 405) and the global parameters.
#![cfg(test)]

mod common;

use common::Emu;
use serde_json::json;

#[tokio::test]
async fn every_version_and_slash_variant_reaches_the_same_handler() {
    let emu = Emu::start().await;
    let token = emu.alice().await;
    for path in [
        "/rest/v1/me",
        "/rest/v1.1/me",
        "/rest/v1.2/me/",
        "/rest/v1.1//me//",
    ] {
        let reply = emu.get_auth(path, &token).await;
        assert_eq!(reply.status, 200, "{path}");
        assert_eq!(reply.json()["username"], "alice");
    }
}

#[tokio::test]
async fn unknown_routes_are_404_with_an_empty_body() {
    let emu = Emu::start().await;
    let cases = [
        ("GET", "/rest/v1.1/nope"),
        ("GET", "/rest/v9/me"),
        ("GET", "/rest/v1.1/sites/2001/widgets"),
        ("GET", "/rest/v1.1/sites/2001/posts/new"),
        ("POST", "/rest/v1.1/me"),
        ("GET", "/somewhere/else"),
    ];
    for (method, path) in cases {
        let reply = emu.request(method, path, &[], None).await;
        assert_eq!(reply.status, 404, "{method} {path}");
        assert!(reply.body.is_empty(), "{path}: {}", reply.text());
        assert_eq!(reply.header("content-type").as_deref(), Some("text/plain"));
    }
}

#[tokio::test]
async fn methods_other_than_get_and_post_are_405() {
    let emu = Emu::start().await;
    for method in ["DELETE", "PUT", "PATCH"] {
        let reply = emu
            .request(method, "/rest/v1.1/sites/2001/posts/3", &[], None)
            .await;
        assert_eq!(reply.status, 405, "{method}");
        assert_eq!(
            reply.json(),
            json!({"error": "not_allowed", "error_message": "Method not allowed"})
        );
    }
}

#[tokio::test]
async fn fields_filter_objects_and_collection_items() {
    let emu = Emu::start().await;
    let token = emu.alice().await;
    let me = emu
        .get_auth("/rest/v1.1/me?fields=ID,username", &token)
        .await
        .json();
    assert_eq!(me, json!({"ID": 1001, "username": "alice"}));
    let page = emu
        .get("/rest/v1.1/sites/2001/posts/?number=2&fields=ID,title")
        .await
        .json();
    assert_eq!(page["found"], 48);
    for post in page["posts"].as_array().unwrap() {
        assert_eq!(
            post.as_object().unwrap().keys().collect::<Vec<_>>(),
            ["ID", "title"]
        );
    }
    let sites = emu
        .get_auth("/rest/v1.1/me/sites?fields=ID", &token)
        .await
        .json();
    assert_eq!(sites["sites"][0], json!({"ID": 2001}));
}

#[tokio::test]
async fn http_envelope_wraps_successes_and_errors_in_a_200() {
    let emu = Emu::start().await;
    let cases = [
        (
            "/rest/v1.1/sites/2001?http_envelope=1&fields=ID",
            200,
            json!({"ID": 2001}),
        ),
        (
            "/rest/v1.1/sites/999999?http_envelope=1",
            404,
            json!({"error": "unknown_blog", "message": "Unknown blog"}),
        ),
        (
            "/rest/v1.1/me?http_envelope=1",
            403,
            json!({"error": "authorization_required",
            "message": "An active access token must be used to query information about the current user."}),
        ),
    ];
    for (path, code, body) in cases {
        let reply = emu.get(path).await;
        assert_eq!(reply.status, 200, "{path}");
        assert_eq!(
            reply.json(),
            json!({"code": code, "headers": [{"name": "Content-Type", "value": "application/json"}], "body": body}),
        );
    }
    let not_allowed = emu
        .request("DELETE", "/rest/v1.1/me?http_envelope=1", &[], None)
        .await;
    assert_eq!(
        (not_allowed.status, not_allowed.json()["code"].clone()),
        (200, json!(405))
    );
}

#[tokio::test]
async fn pretty_indents_the_json() {
    let emu = Emu::start().await;
    let plain = emu.get("/rest/v1.1/sites/2001").await.text();
    let pretty = emu.get("/rest/v1.1/sites/2001?pretty=1").await.text();
    assert!(!plain.contains('\n'));
    assert!(pretty.contains("\n  \"ID\": 2001"));
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&pretty).unwrap()["ID"],
        2001
    );
}
