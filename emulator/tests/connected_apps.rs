//! The connected-applications page and its Disconnect button.
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
