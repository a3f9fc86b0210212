//! The connected-applications page and its Disconnect button, and the REST routes
//! `/rest/v1.1/me/connected-applications` that serve the same connections.
#![cfg(test)]

mod common;

use common::{hidden_inputs, pairs, value, Browser, Emu};
use serde_json::{json, Value};

const PAGE: &str = "/me/security/connected-applications";

/// Authorizes app 1234 for one blog through the real pages; returns the token.
async fn authorize_blog(browser: &mut Browser<'_>) -> String {
    let path = "/oauth2/authorize?client_id=1234&redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2F&response_type=token&blog=2001";
    let consent = browser.get(path).await.text();
    let mut form = hidden_inputs(&consent);
    form.push(("action".to_owned(), "approve".to_owned()));
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let location = browser
        .post("/oauth2/authorize", &fields)
        .await
        .header("location")
        .unwrap();
    value(&pairs(location.split_once('#').unwrap().1), "access_token")
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn the_page_asks_to_log_in_first_and_comes_back() {
    let emu = Emu::start().await;
    let mut browser = Browser::new(&emu);
    let html = browser.get(PAGE).await.text();
    assert!(html.contains("id=\"user_login\""));
    assert_eq!(value(&hidden_inputs(&html), "redirect_to"), Some(PAGE));
    let logged_in = browser.log_in("carol", "carol-password", PAGE).await;
    assert_eq!(logged_in.header("location").as_deref(), Some(PAGE));
    assert!(browser.get(PAGE).await.text().contains("id=\"no-apps\""));
}

#[tokio::test]
async fn disconnect_revokes_every_token_of_that_app_only() {
    let emu = Emu::start().await;
    let mut browser = Browser::new(&emu);
    browser.log_in("alice", "alice-password", PAGE).await;
    let from_pages = authorize_blog(&mut browser).await;
    let from_control = emu.alice().await;
    let other_app = emu
        .post_json(
            "/_emulator/tokens",
            None,
            json!({"user": "alice", "client_id": "5678", "scope": "auth"}),
        )
        .await
        .json()["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let bobs = emu.token("bob", "global", Value::Null).await;

    let html = browser.get(PAGE).await.text();
    for needle in [
        "id=\"app-1234\"",
        "wpcom-wasm demo",
        "Example Blog",
        "All sites",
        "One site",
        "Global",
        "id=\"app-5678\"",
        "Second app",
        "Profile only",
        "Authorized on",
        "id=\"disconnect-1234\"",
    ] {
        assert!(html.contains(needle), "{needle}");
    }
    let nonce = value(&hidden_inputs(&html), "nonce").unwrap().to_owned();
    let reply = browser
        .post(PAGE, &[("client_id", "1234"), ("nonce", &nonce)])
        .await;
    assert_eq!(
        (reply.status, reply.header("location").as_deref()),
        (303, Some(PAGE))
    );

    for token in [&from_pages, &from_control] {
        assert_eq!(
            emu.get_auth("/rest/v1.1/me", token).await.error(),
            (400, "invalid_token".to_owned())
        );
    }
    assert_eq!(emu.get_auth("/rest/v1.1/me", &other_app).await.status, 200);
    assert_eq!(
        emu.get_auth("/rest/v1.1/me", &bobs).await.status,
        200,
        "other users keep their tokens"
    );
    let after = browser.get(PAGE).await.text();
    assert!(!after.contains("id=\"app-1234\"") && after.contains("id=\"app-5678\""));
}

#[tokio::test]
async fn disconnect_without_the_nonce_changes_nothing() {
    let emu = Emu::start().await;
    let token = emu.alice().await;
    let mut browser = Browser::new(&emu);
    browser.log_in("alice", "alice-password", PAGE).await;
    let reply = browser
        .post(PAGE, &[("client_id", "1234"), ("nonce", "forged")])
        .await;
    assert_eq!(reply.status, 400);
    assert_eq!(emu.get_auth("/rest/v1.1/me", &token).await.status, 200);
}

// --- The REST routes ----------------------------------------------------------------------------

const API: &str = "/rest/v1.1/me/connected-applications";

/// A token of `user` for app `client_id` with `scope` (and `blog` for one site).
async fn mint(emu: &Emu, user: &str, client_id: &str, scope: &str, blog: Value) -> String {
    let reply = emu
        .post_json(
            "/_emulator/tokens",
            None,
            json!({"user": user, "client_id": client_id, "scope": scope, "blog": blog}),
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    reply.json()["access_token"].as_str().unwrap().to_owned()
}

fn ids(list: &Value) -> Vec<&str> {
    list["connected_applications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|app| app["ID"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn the_list_has_each_app_once_with_the_contract_fields() {
    let emu = Emu::start().await;
    let global = emu.alice().await;
    mint(&emu, "alice", "1234", "", json!(2001)).await;
    mint(&emu, "alice", "5678", "", json!("example.wordpress.com")).await;
    mint(&emu, "bob", "5678", "auth", Value::Null).await;

    let reply = emu.get_auth(API, &global).await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    let list = reply.json();
    assert_eq!(ids(&list), ["1234", "5678"], "bob's app is not alice's");

    let demo = &list["connected_applications"][0];
    assert_eq!(demo["title"], "wpcom-wasm demo");
    assert_eq!(demo["URL"], "http://127.0.0.1:8080/");
    assert!(demo["description"].as_str().unwrap().contains("demo"));
    assert!(demo["icon"]
        .as_str()
        .unwrap()
        .starts_with("data:image/svg+xml"));
    assert_eq!(
        demo["scope"], "global",
        "the broadest grant names the scope"
    );
    assert_eq!(demo["site"], json!(false));
    let authorized = demo["authorized"].as_str().unwrap();
    assert!(
        authorized.len() >= 20 && authorized.contains('T'),
        "{authorized}"
    );
    let permissions = demo["permissions"].as_array().unwrap();
    let names: Vec<&str> = permissions
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["global", "blog"]);
    assert!(permissions.iter().all(|p| p["description"].is_string()));

    let one_site = &list["connected_applications"][1];
    assert_eq!(one_site["scope"], "");
    assert_eq!(
        one_site["URL"], "http://127.0.0.1:8081",
        "no URL: the first origin"
    );
    assert_eq!(
        one_site["site"],
        json!({"site_ID": "2001", "site_URL": "https://example.wordpress.com", "site_name": "Example Blog"})
    );
}

#[tokio::test]
async fn one_app_by_id_and_an_unknown_id() {
    let emu = Emu::start().await;
    let global = emu.alice().await;
    // An app bob authorized is not one of alice's.
    mint(&emu, "bob", "5678", "global", Value::Null).await;
    let reply = emu.get_auth(&format!("{API}/5678"), &global).await;
    assert_eq!(
        reply.error(),
        (404, "unknown_application_access_token".to_owned())
    );

    mint(&emu, "alice", "5678", "auth", Value::Null).await;
    let one = emu.get_auth(&format!("{API}/5678"), &global).await;
    assert_eq!(one.status, 200, "{}", one.text());
    let app = one.json();
    assert_eq!(
        (app["ID"].as_str(), app["scope"].as_str()),
        (Some("5678"), Some("auth"))
    );
    assert_eq!(app["title"], "Second app");
    assert_eq!(app["permissions"][0]["name"], "auth");
    for id in ["9999", "bob"] {
        let reply = emu.get_auth(&format!("{API}/{id}"), &global).await;
        assert_eq!(
            reply.error(),
            (404, "unknown_application_access_token".to_owned()),
            "{id}"
        );
    }
}

#[tokio::test]
async fn only_a_global_token_may_call_the_routes() {
    let emu = Emu::start().await;
    let cases = [
        ("auth", Value::Null),
        ("", json!(2001)),
        ("posts media", Value::Null),
    ];
    for (scope, blog) in cases {
        let token = mint(&emu, "alice", "1234", scope, blog).await;
        for (method, path) in [
            ("GET", API.to_owned()),
            ("GET", format!("{API}/1234")),
            ("POST", format!("{API}/1234/delete")),
        ] {
            let reply = emu
                .request_with_token(method, &path, Some(&token), None)
                .await;
            assert_eq!(
                reply.error(),
                (403, "unauthorized".to_owned()),
                "{scope:?} {method} {path}"
            );
        }
        assert_eq!(
            emu.get_auth("/rest/v1.1/me", &token).await.status,
            200,
            "nothing was revoked"
        );
    }
}

#[tokio::test]
async fn without_a_token_the_routes_need_authorization() {
    let emu = Emu::start().await;
    for (method, path) in [
        ("GET", API.to_owned()),
        ("GET", format!("{API}/1234")),
        ("POST", format!("{API}/1234/delete")),
    ] {
        let reply = emu.request_with_token(method, &path, None, None).await;
        assert_eq!(
            reply.error(),
            (403, "authorization_required".to_owned()),
            "{method} {path}"
        );
    }
    let bad = emu.get_auth(API, "not-a-token").await;
    assert_eq!(bad.error().1, "invalid_token");
}

#[tokio::test]
async fn deleting_revokes_every_token_of_that_app_for_that_user_only() {
    let emu = Emu::start().await;
    let manager = mint(&emu, "alice", "5678", "global", Value::Null).await;
    let demo_global = emu.alice().await;
    let demo_blog = mint(&emu, "alice", "1234", "", json!(2001)).await;
    let bobs = emu.token("bob", "global", Value::Null).await;

    // No body at all, as the contract sends it.
    let reply = emu
        .request_with_token("POST", &format!("{API}/1234/delete"), Some(&manager), None)
        .await;
    assert_eq!(
        (reply.status, reply.json()),
        (200, json!({"success": true}))
    );
    for token in [&demo_global, &demo_blog] {
        assert_eq!(
            emu.get_auth("/rest/v1.1/me", token).await.error(),
            (400, "invalid_token".to_owned())
        );
    }
    assert_eq!(emu.get_auth("/rest/v1.1/me", &bobs).await.status, 200);
    assert_eq!(ids(&emu.get_auth(API, &manager).await.json()), ["5678"]);
    let again = emu
        .post_json(&format!("{API}/1234/delete"), Some(&manager), json!({}))
        .await;
    assert_eq!(
        again.error(),
        (404, "unknown_application_access_token".to_owned())
    );

    // An app may remove its own connection: its token is refused right after.
    let own = emu
        .post_json(&format!("{API}/5678/delete"), Some(&manager), json!({}))
        .await;
    assert_eq!(own.status, 200);
    assert_eq!(emu.get_auth(API, &manager).await.error().1, "invalid_token");
}

#[tokio::test]
async fn the_page_and_the_routes_show_the_same_connections() {
    let emu = Emu::start().await;
    let mut browser = Browser::new(&emu);
    browser.log_in("alice", "alice-password", PAGE).await;
    let manager = mint(&emu, "alice", "5678", "global", Value::Null).await;
    let demo = emu.alice().await;
    let html = browser.get(PAGE).await.text();
    assert!(html.contains("id=\"app-1234\"") && html.contains("id=\"app-5678\""));
    assert_eq!(
        ids(&emu.get_auth(API, &manager).await.json()),
        ["5678", "1234"]
    );

    // Through the API: gone from the page.
    emu.post_json(&format!("{API}/1234/delete"), Some(&manager), json!({}))
        .await;
    let html = browser.get(PAGE).await.text();
    assert!(!html.contains("id=\"app-1234\"") && html.contains("id=\"app-5678\""));
    assert_eq!(
        emu.get_auth("/rest/v1.1/me", &demo).await.error().1,
        "invalid_token"
    );

    // Through the page: gone from the API.
    let demo = emu.alice().await;
    let html = browser.get(PAGE).await.text();
    let nonce = value(&hidden_inputs(&html), "nonce").unwrap().to_owned();
    browser
        .post(PAGE, &[("client_id", "1234"), ("nonce", &nonce)])
        .await;
    assert_eq!(ids(&emu.get_auth(API, &manager).await.json()), ["5678"]);
    assert_eq!(
        emu.get_auth(&format!("{API}/1234"), &manager)
            .await
            .error()
            .1,
        "unknown_application_access_token"
    );
    assert_eq!(
        emu.get_auth("/rest/v1.1/me", &demo).await.error().1,
        "invalid_token"
    );
}

#[tokio::test]
async fn the_routes_answer_cors_and_faults_like_the_others() {
    let emu = Emu::start().await;
    let token = emu.alice().await;
    let bearer = format!("Bearer {token}");
    let origin = "http://127.0.0.1:8080";
    let reply = emu
        .request(
            "GET",
            API,
            &[("authorization", &bearer), ("origin", origin)],
            None,
        )
        .await;
    assert_eq!(reply.status, 200);
    assert_eq!(
        reply.header("access-control-allow-origin").as_deref(),
        Some(origin)
    );
    let preflight = emu
        .request(
            "OPTIONS",
            &format!("{API}/1234/delete"),
            &[
                ("origin", origin),
                ("access-control-request-method", "POST"),
            ],
            None,
        )
        .await;
    assert_eq!(
        preflight.header("access-control-allow-origin").as_deref(),
        Some(origin)
    );
    let stranger = emu
        .request(
            "GET",
            API,
            &[
                ("authorization", &bearer),
                ("origin", "http://evil.example"),
            ],
            None,
        )
        .await;
    assert_eq!(stranger.header("access-control-allow-origin"), None);

    emu.fault(json!({"path": API, "fault": {"kind": "status", "status": 503}}))
        .await;
    assert_eq!(emu.get_auth(API, &token).await.status, 503);
    emu.fault(
        json!({"path": format!("{API}/*"), "method": "POST", "fault": {"kind": "ok_error_body"}}),
    )
    .await;
    let faulted = emu
        .post_json(&format!("{API}/1234/delete"), Some(&token), json!({}))
        .await;
    assert_eq!(
        (faulted.status, faulted.json()["error"].as_str()),
        (200, Some("authorization_required"))
    );
    assert_eq!(
        emu.get_auth(API, &token).await.status,
        200,
        "the fault took the request, not the token"
    );
}

#[tokio::test]
async fn other_versions_serve_the_routes_and_other_methods_are_refused() {
    let emu = Emu::start().await;
    let token = emu.alice().await;
    for version in ["v1", "v1.2"] {
        let reply = emu
            .get_auth(
                &format!("/rest/{version}/me/connected-applications/"),
                &token,
            )
            .await;
        assert_eq!(ids(&reply.json()), ["1234"], "{version}");
    }
    let get_delete = emu.get_auth(&format!("{API}/1234/delete"), &token).await;
    assert_eq!((get_delete.status, get_delete.text()), (404, String::new()));
    let post_list = emu.post_json(API, Some(&token), json!({})).await;
    assert_eq!(post_list.status, 404);
    let delete = emu
        .request_with_token("DELETE", &format!("{API}/1234"), Some(&token), None)
        .await;
    assert_eq!(delete.error(), (405, "not_allowed".to_owned()));
}
