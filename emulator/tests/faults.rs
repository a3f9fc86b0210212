//! Injected faults: statuses, throttling, delays, dropped connections, broken JSON.
#![cfg(test)]

mod common;

use std::time::{Duration, Instant};

use common::Emu;
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Sends a raw HTTP/1.1 request; returns every byte the server sent before closing.
async fn raw_exchange(emu: &Emu, request: String) -> Vec<u8> {
    let addr = emu.url.trim_start_matches("http://");
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut received = Vec::new();
    tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut received))
        .await
        .expect("the server closes the connection")
        .ok();
    received
}

fn raw_post(path: &str, token: &str, body: &str) -> String {
    format!(
        "POST {path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\n\
Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
}

async fn found(emu: &Emu) -> u64 {
    emu.get("/rest/v1.1/sites/2001/posts/?number=1")
        .await
        .json()["found"]
        .as_u64()
        .unwrap()
}

#[tokio::test]
async fn a_status_fault_answers_once_with_its_retry_after_then_things_recover() {
    let emu = Emu::start().await;
    let token = emu.alice().await;
    emu.fault(json!({"path": "/rest/v1.1/me", "count": 1, "fault": {"kind": "status", "status": 503, "retry_after": "1"}})).await;
    let faulted = emu.get_auth("/rest/v1.1/me", &token).await;
    assert_eq!(faulted.status, 503);
    assert_eq!(faulted.header("retry-after").as_deref(), Some("1"));
    assert!(faulted.json()["error"].is_string());
    assert_eq!(emu.get_auth("/rest/v1.1/me", &token).await.status, 200);
}

#[tokio::test]
async fn a_status_fault_can_carry_its_own_body_and_a_numeric_retry_after() {
    let emu = Emu::start().await;
    let body = json!({"error": "rate_limited", "message": "slow down"});
    emu.fault(json!({"path": "/rest/v1.1/sites/*", "fault": {"kind": "status", "status": 429, "retry_after": 7, "body": body}})).await;
    let reply = emu.get("/rest/v1.1/sites/2001/posts/").await;
    assert_eq!((reply.status, reply.json()), (429, body));
    assert_eq!(reply.header("retry-after").as_deref(), Some("7"));
}

#[tokio::test]
async fn limit_reached_is_an_html_500() {
    let emu = Emu::start().await;
    emu.fault(json!({"path": "/rest/v1.1/sites/2001", "fault": {"kind": "limit_reached"}}))
        .await;
    let reply = emu.get("/rest/v1.1/sites/2001/").await;
    assert_eq!(reply.status, 500);
    assert!(reply
        .header("content-type")
        .unwrap()
        .starts_with("text/html"));
    assert!(reply.text().contains("Limit reached"));
}

#[tokio::test]
async fn a_delay_fault_waits_then_answers_normally() {
    let emu = Emu::start().await;
    emu.fault(json!({"path": "/rest/v1.1/sites/2001", "fault": {"kind": "delay", "ms": 300}}))
        .await;
    let started = Instant::now();
    let reply = emu.get("/rest/v1.1/sites/2001").await;
    assert!(started.elapsed() >= Duration::from_millis(300));
    assert_eq!(reply.json()["ID"], 2001);
}

#[tokio::test]
async fn drop_before_closes_the_connection_without_answering_or_processing() {
    let emu = Emu::start().await;
    let token = emu.alice().await;
    let path = "/rest/v1.1/sites/2001/posts/new";
    emu.fault(json!({"path": path, "method": "POST", "fault": {"kind": "drop", "when": "before"}}))
        .await;
    let received = raw_exchange(&emu, raw_post(path, &token, r#"{"title":"lost"}"#)).await;
    assert!(
        received.is_empty(),
        "got {:?}",
        String::from_utf8_lossy(&received)
    );
    assert_eq!(found(&emu).await, 48, "the post was not created");
}

#[tokio::test]
async fn drop_after_processes_the_request_then_closes_without_answering() {
    let emu = Emu::start().await;
    let token = emu.alice().await;
    let path = "/rest/v1.1/sites/2001/posts/new";
    emu.fault(json!({"path": path, "fault": {"kind": "drop", "when": "after"}}))
        .await;
    let received = raw_exchange(
        &emu,
        raw_post(path, &token, r#"{"title":"created anyway"}"#),
    )
    .await;
    assert!(
        received.is_empty(),
        "got {:?}",
        String::from_utf8_lossy(&received)
    );
    assert_eq!(found(&emu).await, 49, "the post was created");
    let newest = emu
        .get("/rest/v1.1/sites/2001/posts/?number=1")
        .await
        .json();
    assert_eq!(newest["posts"][0]["title"], "created anyway");
}

#[tokio::test]
async fn drop_mid_response_processes_the_request_then_cuts_the_answer_short() {
    let emu = Emu::start().await;
    let token = emu.alice().await;
    let path = "/rest/v1.1/sites/2001/posts/new";
    emu.fault(json!({"path": path, "fault": {"kind": "drop", "when": "mid_response"}}))
        .await;
    let received = raw_exchange(
        &emu,
        raw_post(path, &token, r#"{"title":"half an answer"}"#),
    )
    .await;
    let text = String::from_utf8_lossy(&received);
    assert!(
        text.starts_with("HTTP/1.1 200"),
        "the head went out: {text:?}"
    );
    assert!(
        text.to_ascii_lowercase()
            .contains("transfer-encoding: chunked"),
        "{text:?}"
    );
    assert!(
        !text.ends_with("0\r\n\r\n"),
        "the body never ends: {text:?}"
    );
    assert_eq!(found(&emu).await, 49, "the post was created");
}

#[tokio::test]
async fn malformed_json_is_a_200_that_does_not_parse() {
    let emu = Emu::start().await;
    emu.fault(json!({"path": "/rest/v1.1/me", "fault": {"kind": "malformed_json"}}))
        .await;
    let reply = emu.get("/rest/v1.1/me").await;
    assert_eq!(reply.status, 200);
    assert_eq!(
        reply.header("content-type").as_deref(),
        Some("application/json")
    );
    assert!(serde_json::from_slice::<Value>(&reply.body).is_err());
}

#[tokio::test]
async fn faults_match_by_method_and_are_used_in_order_by_count() {
    let emu = Emu::start().await;
    emu.fault(json!({"path": "/rest/v1.1/sites/2001", "method": "POST", "fault": {"kind": "limit_reached"}})).await;
    emu.fault(json!({"path": "/rest/v1.1/sites/2001", "count": 2, "fault": {"kind": "status", "status": 502}})).await;
    emu.fault(json!({"path": "/rest/v1.1/sites/2001", "fault": {"kind": "status", "status": 504}}))
        .await;
    let listed = emu.get("/_emulator/faults").await.json();
    assert_eq!(listed["faults"].as_array().unwrap().len(), 3);
    let statuses = [
        emu.get("/rest/v1.1/sites/2001").await.status,
        emu.get("/rest/v1.1/sites/2001").await.status,
    ];
    assert_eq!(statuses, [502, 502]);
    let left = emu.get("/_emulator/faults").await.json();
    assert_eq!(
        left["faults"][0]["fault"]["kind"], "limit_reached",
        "the POST-only fault waits"
    );
    assert_eq!(left["faults"][1]["fault"]["status"], 504);
    assert_eq!(emu.get("/rest/v1.1/sites/2001").await.status, 504);
    assert_eq!(emu.get("/rest/v1.1/sites/2001").await.status, 200);
}

#[tokio::test]
async fn bad_fault_specs_are_refused() {
    let emu = Emu::start().await;
    let cases = [
        json!({"path": "/x", "count": 0, "fault": {"kind": "limit_reached"}}),
        json!({"path": "/x", "fault": {"kind": "status", "status": 42}}),
        json!({"path": "/x", "fault": {"kind": "explode"}}),
        json!({"fault": {"kind": "limit_reached"}}),
    ];
    for spec in cases {
        assert_eq!(
            emu.post_json("/_emulator/faults", None, spec.clone())
                .await
                .status,
            400,
            "{spec}"
        );
    }
}

const ORIGIN: &str = "http://127.0.0.1:8080";

#[tokio::test]
async fn ok_error_body_is_a_200_whose_body_is_an_error() {
    let emu = Emu::start().await;
    let token = emu.alice().await;
    emu.fault(json!({"path": "/rest/v1.1/me", "fault": {"kind": "ok_error_body"}}))
        .await;
    emu.fault(
        json!({"path": "/rest/v1.1/me/sites", "fault": {"kind": "ok_error_body",
        "error": "invalid_token", "message": "The OAuth2 token is invalid."}}),
    )
    .await;
    let bearer = format!("Bearer {token}");
    let headers = [("authorization", bearer.as_str()), ("origin", ORIGIN)];
    let me = emu.request("GET", "/rest/v1.1/me", &headers, None).await;
    assert_eq!(
        (me.status, me.json()),
        (
            200,
            json!({"error": "authorization_required",
                "message": "An active access token must be used to query information about the current user."})
        )
    );
    assert_eq!(
        me.header("content-type").as_deref(),
        Some("application/json")
    );
    assert_eq!(
        me.header("access-control-allow-origin").as_deref(),
        Some(ORIGIN)
    );
    let sites = emu
        .request("GET", "/rest/v1.1/me/sites", &headers, None)
        .await;
    assert_eq!(
        (sites.status, sites.json()),
        (
            200,
            json!({"error": "invalid_token", "message": "The OAuth2 token is invalid."})
        )
    );
    assert_eq!(
        emu.get_auth("/rest/v1.1/me", &token).await.json()["ID"],
        1001
    );
}

#[tokio::test]
async fn ok_missing_key_answers_the_processed_body_without_that_key() {
    let emu = Emu::start().await;
    let token = emu.alice().await;
    emu.fault(
        json!({"path": "/rest/v1.1/me/sites", "fault": {"kind": "ok_missing_key", "key": "sites"}}),
    )
    .await;
    emu.fault(json!({"path": "/rest/v1.1/me", "fault": {"kind": "ok_missing_key", "key": "ID"}}))
        .await;
    let bearer = format!("Bearer {token}");
    let headers = [("authorization", bearer.as_str()), ("origin", ORIGIN)];
    let sites = emu
        .request("GET", "/rest/v1.1/me/sites", &headers, None)
        .await;
    assert_eq!((sites.status, sites.json()), (200, json!({})));
    assert_eq!(
        sites.header("access-control-allow-origin").as_deref(),
        Some(ORIGIN)
    );
    let me = emu
        .request("GET", "/rest/v1.1/me", &headers, None)
        .await
        .json();
    assert!(me.get("ID").is_none(), "{me}");
    assert_eq!(me["username"], "alice");
    assert_eq!(
        emu.get_auth("/rest/v1.1/me", &token).await.json()["ID"],
        1001
    );
}

#[tokio::test]
async fn ok_missing_key_processes_the_request_and_spares_other_answers() {
    let emu = Emu::start().await;
    let token = emu.alice().await;
    let path = "/rest/v1.1/sites/2001/posts/new";
    emu.fault(json!({"path": path, "fault": {"kind": "ok_missing_key", "key": "ID"}}))
        .await;
    let created = emu
        .post_json(path, Some(&token), json!({"title": "no ID in the answer"}))
        .await;
    assert_eq!(created.status, 200);
    assert!(created.json().get("ID").is_none());
    assert_eq!(found(&emu).await, 49, "the post was created");
    let cases = [
        ("/oauth2/authorize?client_id=1234&redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2F&response_type=token", 200),
        ("/rest/v1.1/me", 403),
    ];
    for (path, status) in cases {
        let plain = emu.get(path).await;
        emu.fault(json!({"path": path.split('?').next().unwrap(), "fault": {"kind": "ok_missing_key", "key": "error"}}))
            .await;
        let faulted = emu.get(path).await;
        assert_eq!(faulted.status, status, "{path}");
        assert_eq!(faulted.body, plain.body, "{path}: unchanged");
    }
    let no_key = json!({"path": "/x", "fault": {"kind": "ok_missing_key", "key": ""}});
    assert_eq!(
        emu.post_json("/_emulator/faults", None, no_key)
            .await
            .status,
        400
    );
}

#[tokio::test]
async fn faults_hit_wp_v2_routes_by_path() {
    let emu = Emu::start().await;
    let posts = "/wp/v2/sites/2001/posts";
    emu.fault(json!({"path": posts, "fault": {"kind": "status", "status": 503}}))
        .await;
    emu.fault(json!({"path": "/wp/v2/sites/2001/posts/1", "fault": {"kind": "ok_missing_key", "key": "title"}}))
        .await;
    assert_eq!(emu.get(posts).await.status, 503);
    assert_eq!(emu.get(posts).await.status, 200);
    let post = emu.get("/wp/v2/sites/2001/posts/1").await.json();
    assert!(post.get("title").is_none() && post["id"] == 1, "{post}");
}
