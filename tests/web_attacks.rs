//! Issue 7 in the browser, through the JavaScript surface: dropped connections (a read is
//! retried, a POST is never repeated by the client and its error keeps the input), and
//! redirects or configurations an attacker could craft.
#![cfg(test)]
#![cfg(target_arch = "wasm32")]

mod browser;

use browser::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use wpcom_wasm::js::{JsAuth, JsClient};

wasm_bindgen_test_configure!(run_in_browser);

fn js(s: &str) -> JsValue {
    JsValue::from_str(s)
}

fn code(e: &JsValue) -> String {
    get(e, "code").as_string().unwrap_or_default()
}

async fn alice_client() -> JsClient {
    let token = mint("alice", "1234").await;
    JsClient::new(object(&[("apiBase", js(EMULATOR)), ("token", js(&token))]))
        .unwrap_or_else(|e| panic!("{:?}", get(&e, "message")))
}

fn memory_auth(client_id: &str, redirect_uri: &str) -> Result<JsAuth, JsValue> {
    JsAuth::new(object(&[
        ("clientId", js(client_id)),
        ("redirectUri", js(redirect_uri)),
        ("scope", js("global")),
        ("storage", js("memory")),
        ("oauthBase", js(EMULATOR)),
    ]))
}

fn redirect_with_state(state: &str) -> String {
    format!(
        "{REDIRECT_URI}#access_token=attacker%21token&expires_in=3600&token_type=bearer&site_id=0&scope=global&state={state}"
    )
}

/// How many posts of `site` (among its newest 100) carry `title`.
async fn posts_titled(client: &JsClient, site: &str, title: &str) -> usize {
    let query = object(&[("number", JsValue::from(100))]);
    let page = settle(client.request(
        js("GET"),
        js(&format!("/sites/{site}/posts/")),
        object(&[("query", query)]),
    ))
    .await
    .unwrap();
    let posts: js_sys::Array = get(&page, "posts").into();
    posts
        .iter()
        .filter(|p| get(p, "title").as_string().as_deref() == Some(title))
        .count()
}

#[wasm_bindgen_test]
async fn a_dropped_connection_on_a_read_is_retried() {
    // Site 2004 is read by no other test, so the queued fault is ours alone.
    fault(r#"{"path":"/rest/v1.1/sites/2004","method":"GET","count":1,"fault":{"kind":"drop","when":"before"}}"#).await;
    let client = alice_client().await;
    let site = settle(client.request(js("GET"), js("/sites/2004"), JsValue::UNDEFINED))
        .await
        .unwrap_or_else(|e| panic!("retried after the drop: {:?}", get(&e, "code")));
    assert_eq!(get(&site, "ID").as_f64(), Some(2004.0));
}

#[wasm_bindgen_test]
async fn a_post_whose_answer_is_cut_short_exists_once_and_the_error_keeps_it() {
    let client = alice_client().await;
    let title = format!("Cut short {}", js_sys::Math::random());
    fault(r#"{"path":"/rest/v1.1/sites/2003/posts/new","method":"POST","count":1,"fault":{"kind":"drop","when":"mid_response"}}"#).await;
    let post = object(&[("title", js(&title)), ("content", js("typed by a user"))]);
    let e = settle(client.create_post(js("2003"), post.clone(), JsValue::UNDEFINED))
        .await
        .unwrap_err();
    assert_eq!(code(&e), "network");
    assert_eq!(get(&e, "mayHaveReachedServer").as_bool(), Some(true));
    assert!(get(&e, "status").is_undefined(), "no response, no status");
    assert!(
        js_sys::Object::is(&get(&e, "input"), &post),
        "the error carries the post the caller sent"
    );
    assert_eq!(posts_titled(&client, "2003", &title).await, 1, "never two");
}

#[wasm_bindgen_test]
async fn a_post_dropped_before_the_server_saw_it_is_created_at_most_once() {
    let client = alice_client().await;
    let title = format!("Dropped before {}", js_sys::Math::random());
    fault(r#"{"path":"/rest/v1.1/sites/2003/posts/new","method":"POST","count":1,"fault":{"kind":"drop","when":"before"}}"#).await;
    let post = object(&[("title", js(&title))]);
    let result = settle(client.create_post(js("2003"), post.clone(), JsValue::UNDEFINED)).await;
    let count = posts_titled(&client, "2003", &title).await;
    match result {
        // The client never resends a POST; a browser may, on a reused keep-alive connection
        // that closed before any byte of an answer (nothing had been processed): then it is
        // created once and the call succeeds.
        Ok(created) => {
            assert_eq!(
                get(&created, "title").as_string().as_deref(),
                Some(title.as_str())
            );
            assert_eq!(count, 1, "created once");
        }
        Err(e) => {
            assert_eq!(code(&e), "network");
            assert!(js_sys::Object::is(&get(&e, "input"), &post));
            assert_eq!(count, 0, "not created, not retried");
        }
    }
}

#[wasm_bindgen_test]
fn a_redirect_uri_carrying_a_fragment_is_refused() {
    let refused = match memory_auth("1234", "http://127.0.0.1:8080/#/callback") {
        Err(e) => e,
        Ok(auth) => auth
            .authorize_url()
            .expect_err("no authorize URL for a redirect URI with a fragment"),
    };
    assert_eq!(code(&refused), "invalid_config");
}

#[wasm_bindgen_test]
fn a_state_from_another_flow_is_refused_and_nothing_is_stored() {
    let client_id = unique_client_id("other-flow");
    let ours = memory_auth(&client_id, REDIRECT_URI).unwrap();
    let theirs = memory_auth(&client_id, REDIRECT_URI).unwrap();
    let _ = ours.authorize_url().unwrap();
    let foreign_state = state_of(&theirs.authorize_url().unwrap());
    let e = ours
        .handle_redirect(Some(redirect_with_state(&foreign_state)))
        .unwrap_err();
    assert_eq!(code(&e), "state_mismatch");
    assert!(ours.token().is_null(), "nothing stored");
}

#[wasm_bindgen_test]
fn an_earlier_state_of_the_same_auth_completes_once() {
    // Several sign-ins may be in flight (a user who clicks twice): each state works once.
    let auth = memory_auth(&unique_client_id("earlier-state"), REDIRECT_URI).unwrap();
    let first = state_of(&auth.authorize_url().unwrap());
    let _second = auth.authorize_url().unwrap();
    assert!(!auth
        .handle_redirect(Some(redirect_with_state(&first)))
        .unwrap()
        .is_null());
    let e = auth
        .handle_redirect(Some(redirect_with_state(&first)))
        .unwrap_err();
    assert_eq!(
        code(&e),
        "state_mismatch",
        "used up; the second is still pending"
    );
}
