//! The control API: minting tokens, reset, apps, and switching it off.
#![cfg(test)]

mod common;

use common::Emu;
use serde_json::json;
use wpcom_emulator::Config;

#[tokio::test]
async fn minted_tokens_report_what_they_grant() {
    let emu = Emu::start().await;
    let cases = [
        (
            json!({"user": "alice", "client_id": "1234", "scope": "global", "blog": null, "expires_in": null}),
            json!({"token_type": "bearer", "expires_in": 1209600, "site_id": 0, "scope": "global"}),
        ),
        (
            json!({"user": "alice", "client_id": "1234", "scope": "", "blog": "example.wordpress.com"}),
            json!({"token_type": "bearer", "expires_in": 1209600, "site_id": 2001, "scope": ""}),
        ),
        (
            json!({"user": "bob", "client_id": "5678", "scope": "auth", "expires_in": 30}),
            json!({"token_type": "bearer", "expires_in": 30, "site_id": 0, "scope": "auth"}),
        ),
    ];
    for (request, want) in cases {
        let mut got = emu
            .post_json("/_emulator/tokens", None, request.clone())
            .await
            .json();
        let token = got.as_object_mut().unwrap().remove("access_token").unwrap();
        assert!(token.as_str().unwrap().len() >= 40);
        assert_eq!(got, want, "{request}");
    }
}

#[tokio::test]
async fn impossible_token_requests_are_refused() {
    let emu = Emu::start().await;
    let cases = [
        json!({"user": "alice", "client_id": "1234", "scope": ""}),
        json!({"user": "alice", "client_id": "1234", "scope": "", "blog": 999999}),
        json!({"user": "bob", "client_id": "1234", "scope": "", "blog": 2002}),
        json!({"user": "mallory", "client_id": "1234"}),
        json!({"user": "alice", "client_id": "0000"}),
        json!({"user": "alice", "client_id": "1234", "scope": "global posts"}),
    ];
    for request in cases {
        let reply = emu
            .post_json("/_emulator/tokens", None, request.clone())
            .await;
        assert_eq!(
            reply.error(),
            (400, "invalid_input".to_owned()),
            "{request}"
        );
    }
}

#[tokio::test]
async fn reset_restores_the_seed_and_forgets_tokens_and_faults() {
    let emu = Emu::start().await;
    let token = emu.alice().await;
    emu.post_json(
        "/rest/v1.1/sites/2001/posts/new",
        Some(&token),
        json!({"title": "temporary"}),
    )
    .await;
    emu.post_json(
        "/rest/v1.1/sites/2001/posts/4/likes/new",
        Some(&token),
        json!({}),
    )
    .await;
    emu.fault(json!({"path": "/nowhere", "fault": {"kind": "limit_reached"}}))
        .await;
    assert_eq!(
        emu.post_json("/_emulator/reset", None, json!({}))
            .await
            .status,
        200
    );
    assert_eq!(
        emu.get("/rest/v1.1/sites/2001/posts/").await.json()["found"],
        48
    );
    assert_eq!(
        emu.get("/rest/v1.1/sites/2001/posts/4/likes").await.json()["found"],
        0
    );
    assert_eq!(
        emu.get_auth("/rest/v1.1/me", &token).await.error(),
        (400, "invalid_token".to_owned())
    );
    assert_eq!(
        emu.get("/_emulator/faults").await.json(),
        json!({"faults": []})
    );
}

#[tokio::test]
async fn registered_apps_can_be_used_for_authorize_at_once() {
    let emu = Emu::start().await;
    let path = "/oauth2/authorize?client_id=777&redirect_uri=http%3A%2F%2F127.0.0.1%3A9999%2Fcb&response_type=token";
    assert_eq!(emu.get(path).await.status, 400);
    let app = json!({"client_id": "777", "name": "Test app", "redirect_uris": ["http://127.0.0.1:9999/cb"], "origins": []});
    assert_eq!(
        emu.post_json("/_emulator/apps", None, app).await.status,
        200
    );
    let page = emu.get(path).await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("id=\"user_login\""));
}

#[tokio::test]
async fn no_control_turns_the_control_api_into_404s() {
    let emu = Emu::start_with(Config {
        port: 0,
        control: false,
        ..Config::default()
    })
    .await;
    let request = json!({"user": "alice", "client_id": "1234"});
    for path in [
        "/_emulator/tokens",
        "/_emulator/faults",
        "/_emulator/reset",
        "/_emulator/apps",
        "/_emulator/settings",
    ] {
        let reply = emu.post_json(path, None, request.clone()).await;
        assert_eq!(reply.status, 404, "{path}");
    }
    assert_eq!(
        emu.get("/rest/v1.1/sites/2001").await.json()["ID"],
        json!(2001)
    );
    assert_eq!(emu.get("/_emulator/faults").await.status, 404);
}

#[tokio::test]
async fn settings_refuse_unknown_switches_and_bad_values() {
    let emu = Emu::start().await;
    assert_eq!(
        emu.get("/_emulator/settings").await.json(),
        json!({"expose_headers": false, "max_upload_kb": 10240})
    );
    for body in [
        json!({"expose_header": true}),
        json!({"expose_headers": "yes"}),
        json!({"max_upload_kb": -1}),
        json!("expose_headers"),
    ] {
        let reply = emu
            .post_json("/_emulator/settings", None, body.clone())
            .await;
        assert_eq!(reply.error(), (400, "invalid_input".to_owned()), "{body}");
    }
    assert_eq!(
        emu.post_json("/_emulator/settings", None, json!({}))
            .await
            .json(),
        json!({"expose_headers": false, "max_upload_kb": 10240}),
        "an empty patch changes nothing"
    );
}
