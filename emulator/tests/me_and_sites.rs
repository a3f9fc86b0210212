//! `/me`, `/me/sites`, `/sites/$site`: fields, quirks, and what each kind of token reaches.
#![cfg(test)]

mod common;

use common::Emu;
use serde_json::{json, Value};

const ME_FIELDS: &[&str] = &[
    "ID",
    "display_name",
    "username",
    "email",
    "primary_blog",
    "primary_blog_url",
    "language",
    "token_site_id",
    "token_scope",
    "avatar_URL",
    "profile_URL",
    "verified",
    "email_verified",
    "date",
    "site_count",
    "visible_site_count",
    "meta",
];

const SITE_FIELDS: &[&str] = &[
    "ID",
    "name",
    "description",
    "URL",
    "jetpack",
    "visible",
    "is_private",
    "capabilities",
    "options",
    "logo",
    "plan",
    "meta",
];

#[tokio::test]
async fn me_with_a_global_token_has_every_contract_field() {
    let emu = Emu::start().await;
    let me = emu.get_auth("/rest/v1.1/me", &emu.alice().await).await;
    assert_eq!(me.status, 200);
    let me = me.json();
    for field in ME_FIELDS {
        assert!(me.get(*field).is_some(), "missing {field}");
    }
    assert_eq!(me["ID"], 1001);
    assert_eq!(me["username"], "alice");
    assert_eq!(me["verified"], true);
    assert_eq!(me["primary_blog"], 2001);
    assert_eq!(me["primary_blog_url"], "https://example.wordpress.com");
    assert_eq!(me["site_count"], 4);
    assert_eq!(me["visible_site_count"], 3);
}

#[tokio::test]
async fn me_token_quirks_depend_on_the_kind_of_token() {
    let emu = Emu::start().await;
    let cases = [
        ("global", Value::Null, json!(["global"]), json!(false)),
        ("", json!(2001), json!(""), json!(2001)),
        (
            "",
            json!("jetpack.example.org::blog"),
            json!(""),
            json!(2003),
        ),
        ("auth", Value::Null, json!("auth"), json!(0)),
    ];
    for (scope, blog, want_scope, want_site) in cases {
        let token = emu.token("alice", scope, blog.clone()).await;
        let me = emu.get_auth("/rest/v1.1/me", &token).await.json();
        assert_eq!(me["token_scope"], want_scope, "{scope} {blog}");
        assert_eq!(me["token_site_id"], want_site, "{scope} {blog}");
    }
}

#[tokio::test]
async fn me_without_a_token_is_authorization_required() {
    let emu = Emu::start().await;
    let reply = emu.get("/rest/v1.1/me").await;
    assert_eq!(reply.status, 403);
    assert_eq!(
        reply.json(),
        json!({"error": "authorization_required",
               "message": "An active access token must be used to query information about the current user."})
    );
}

#[tokio::test]
async fn unknown_malformed_or_expired_tokens_are_invalid_token() {
    let emu = Emu::start().await;
    let expired = emu
        .post_json(
            "/_emulator/tokens",
            None,
            json!({"user": "alice", "client_id": "1234", "scope": "global", "expires_in": -1}),
        )
        .await
        .json()["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let expired_bearer = format!("Bearer {expired}");
    let cases = [
        ("Bearer not-a-real-token", "/rest/v1.1/me"),
        ("Basic YWxpY2U6YWxpY2UtcGFzc3dvcmQ=", "/rest/v1.1/me"),
        (expired_bearer.as_str(), "/rest/v1.1/me"),
        (
            expired_bearer.as_str(),
            "/rest/v1.1/sites/2001/posts/3/likes",
        ),
    ];
    for (authorization, path) in cases {
        let reply = emu
            .request("GET", path, &[("authorization", authorization)], None)
            .await;
        assert_eq!(reply.status, 400, "{authorization}");
        assert_eq!(
            reply.json(),
            json!({"error": "invalid_token", "message": "The OAuth2 token is invalid."})
        );
    }
}

#[tokio::test]
async fn bob_is_shown_as_unverified() {
    let emu = Emu::start().await;
    let token = emu.token("bob", "global", Value::Null).await;
    let me = emu.get_auth("/rest/v1.1/me", &token).await.json();
    assert_eq!(
        (me["verified"].clone(), me["email_verified"].clone()),
        (json!(false), json!(false))
    );
}

#[tokio::test]
async fn me_sites_lists_alice_sites_with_their_quirks() {
    let emu = Emu::start().await;
    let reply = emu
        .get_auth("/rest/v1.1/me/sites", &emu.alice().await)
        .await;
    assert_eq!(reply.status, 200);
    let sites = reply.json()["sites"].as_array().unwrap().clone();
    let ids: Vec<u64> = sites.iter().map(|s| s["ID"].as_u64().unwrap()).collect();
    assert_eq!(ids, [2001, 2002, 2003, 2004]);
    for site in &sites {
        for field in SITE_FIELDS {
            assert!(
                site.get(*field).is_some(),
                "site {} misses {field}",
                site["ID"]
            );
        }
    }
    let by_id = |id: u64| sites.iter().find(|s| s["ID"] == id).unwrap().clone();
    assert_eq!(by_id(2001)["logo"]["sizes"], json!([]));
    assert_eq!(by_id(2001)["options"]["post_formats"], json!([]));
    assert!(by_id(2003)["logo"]["sizes"].is_object());
    assert!(by_id(2003)["options"]["post_formats"].is_object());
    assert_eq!(by_id(2002)["is_private"], true);
    assert_eq!(by_id(2003)["jetpack"], true);
    assert_eq!(by_id(2003)["URL"], "https://jetpack.example.org/blog");
    let visible: Vec<Value> = sites.iter().map(|s| s["visible"].clone()).collect();
    assert_eq!(
        visible,
        [json!(true), json!(true), Value::Null, json!(false)]
    );
    assert_eq!(by_id(2001)["capabilities"]["publish_posts"], true);
    assert_eq!(by_id(2004)["capabilities"]["manage_options"], false);
}

#[tokio::test]
async fn carol_has_no_sites() {
    let emu = Emu::start().await;
    let token = emu.token("carol", "global", Value::Null).await;
    assert_eq!(
        emu.get_auth("/rest/v1.1/me/sites", &token).await.json(),
        json!({"sites": []})
    );
}

#[tokio::test]
async fn scopes_limit_what_a_token_reaches() {
    let emu = Emu::start().await;
    let global = emu.alice().await;
    let blog = emu.token("alice", "", json!(2001)).await;
    let auth = emu.token("alice", "auth", Value::Null).await;
    let cases = [
        (&auth, "/rest/v1.1/me", 200, ""),
        (&auth, "/rest/v1.1/me/sites", 403, "unauthorized"),
        (&auth, "/rest/v1.1/sites/2001", 403, "unauthorized"),
        (&auth, "/rest/v1.1/sites/2001/posts/", 403, "unauthorized"),
        (
            &auth,
            "/rest/v1.1/sites/2001/posts/3/likes",
            403,
            "unauthorized",
        ),
        (&blog, "/rest/v1.1/sites/2001", 200, ""),
        (
            &blog,
            "/rest/v1.1/sites/example.wordpress.com/posts/",
            200,
            "",
        ),
        (&blog, "/rest/v1.1/sites/2003", 403, "unauthorized"),
        (&blog, "/rest/v1.1/sites/2002/posts/", 403, "unauthorized"),
        (&blog, "/rest/v1.1/sites/999999", 404, "unknown_blog"),
        (&global, "/rest/v1.1/sites/2002", 200, ""),
        (&global, "/rest/v1.1/sites/2003/posts/101/likes", 200, ""),
    ];
    for (token, path, status, code) in cases {
        let reply = emu.get_auth(path, token).await;
        assert_eq!(reply.status, status, "{path}: {}", reply.text());
        if !code.is_empty() {
            assert_eq!(reply.json()["error"], code, "{path}");
        }
    }
    let sites = emu.get_auth("/rest/v1.1/me/sites", &blog).await.json();
    assert_eq!(sites["sites"].as_array().unwrap().len(), 1);
    assert_eq!(sites["sites"][0]["ID"], 2001);
}

#[tokio::test]
async fn sites_resolve_by_id_or_domain_and_unknown_ones_are_unknown_blog() {
    let emu = Emu::start().await;
    let cases = [
        ("2001", 200, Some(2001)),
        ("example.wordpress.com", 200, Some(2001)),
        ("jetpack.example.org::blog", 200, Some(2003)),
        ("999999", 404, None),
        ("0", 404, None),
        ("-7", 404, None),
        ("nope.wordpress.com", 404, None),
    ];
    for (site, status, id) in cases {
        let reply = emu.get(&format!("/rest/v1.1/sites/{site}")).await;
        assert_eq!(reply.status, status, "{site}");
        match id {
            Some(id) => assert_eq!(reply.json()["ID"], id),
            None => assert_eq!(
                reply.json(),
                json!({"error": "unknown_blog", "message": "Unknown blog"})
            ),
        }
    }
}

#[tokio::test]
async fn private_blogs_need_a_member() {
    let emu = Emu::start().await;
    let bob = emu.token("bob", "global", Value::Null).await;
    let alice = emu.alice().await;
    assert_eq!(
        emu.get("/rest/v1.1/sites/2002").await.error(),
        (403, "unauthorized".to_owned())
    );
    assert_eq!(
        emu.get_auth("/rest/v1.1/sites/2002", &bob).await.error(),
        (403, "unauthorized".to_owned())
    );
    assert_eq!(
        emu.get_auth("/rest/v1.1/sites/2002", &alice).await.status,
        200
    );
}

#[tokio::test]
async fn a_token_is_refused_from_the_origin_of_another_app() {
    let emu = Emu::start().await;
    let bearer = format!("Bearer {}", emu.alice().await);
    let cases = [
        ("http://127.0.0.1:8080", 200),
        ("http://127.0.0.1:8081", 403),
        ("http://evil.example", 403),
    ];
    for (origin, status) in cases {
        let headers = [("authorization", bearer.as_str()), ("origin", origin)];
        let reply = emu.request("GET", "/rest/v1.1/me", &headers, None).await;
        assert_eq!(reply.status, status, "{origin}");
    }
}
