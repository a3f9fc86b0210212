//! The transport where there is no `XMLHttpRequest` (service workers, MV3 extensions): it falls
//! back to `fetch` with the same outcomes. Every test of this binary hides `XMLHttpRequest`
//! first (they share one page), so none of them can pass through the XHR path.
#![cfg(test)]
#![cfg(target_arch = "wasm32")]

mod browser;

use browser::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use wpcom_wasm::browser::{Client, ClientConfig};
use wpcom_wasm::core::retry::RetryPolicy;
use wpcom_wasm::core::ErrorCode;

wasm_bindgen_test_configure!(run_in_browser);

/// `globalThis.XMLHttpRequest = undefined`, as in a service worker.
fn hide_xhr() {
    let global = js_sys::global();
    js_sys::Reflect::set(&global, &"XMLHttpRequest".into(), &JsValue::UNDEFINED).unwrap();
    assert!(get(&global, "XMLHttpRequest").is_undefined());
}

async fn client(base: &str, timeout_ms: u32) -> Client {
    hide_xhr();
    Client::new(ClientConfig {
        token: Some(mint_on(base, "alice", "1234", None).await),
        api_base: Some(base.into()),
        timeout_ms: Some(timeout_ms),
        retry: Some(RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        }),
        ..Default::default()
    })
}

#[wasm_bindgen_test]
async fn a_call_succeeds_through_fetch() {
    let me = client(EMULATOR, 5000).await.me().await.unwrap();
    assert_eq!(me.username, "alice");
}

// Faults are global to the emulator: each test uses a route no other test calls.

#[wasm_bindgen_test]
async fn failures_map_to_the_same_errors_through_fetch() {
    let cases: &[(&str, ErrorCode, Option<u16>)] = &[
        (r#"{"kind":"delay","ms":1500}"#, ErrorCode::Timeout, None),
        (
            r#"{"kind":"malformed_json"}"#,
            ErrorCode::BadResponse,
            Some(200),
        ),
        (
            r#"{"kind":"limit_reached"}"#,
            ErrorCode::RateLimited,
            Some(500),
        ),
    ];
    for (post, (spec, code, status)) in (301..).zip(cases) {
        let route = format!("/rest/v1.1/sites/2003/posts/{post}/likes");
        fault(&format!(r#"{{"path":"{route}","count":1,"fault":{spec}}}"#)).await;
        let err = client(EMULATOR, 300)
            .await
            .post_likes("2003", post)
            .await
            .unwrap_err();
        assert_eq!((&err.code, err.status), (code, *status), "{spec}");
    }
}

#[wasm_bindgen_test]
async fn a_read_is_retried_through_fetch() {
    fault(r#"{"path":"/rest/v1.1/sites/2003/posts/101/likes","method":"GET","count":1,"fault":{"kind":"status","status":503}}"#).await;
    hide_xhr();
    let client = Client::new(ClientConfig {
        token: Some(mint("alice", "1234").await),
        api_base: Some(EMULATOR.into()),
        ..Default::default()
    });
    assert_eq!(client.post_likes("2003", 101).await.unwrap().found, 2);
}

#[wasm_bindgen_test]
async fn an_unregistered_origin_fails_as_network_through_fetch() {
    let err = client(EMULATOR_NO_CORS, 5000).await.me().await.unwrap_err();
    assert_eq!((err.code, err.status), (ErrorCode::Network, None));
}

#[wasm_bindgen_test]
async fn aborting_during_the_request_rejects_with_aborted_through_fetch() {
    fault(r#"{"path":"/rest/v1.1/sites/2011/posts/3/likes","count":1,"fault":{"kind":"delay","ms":1500}}"#).await;
    let controller = web_sys::AbortController::new().unwrap();
    let client = client(EMULATOR, 5000)
        .await
        .with_signal(Some(controller.signal()));
    let abort = Closure::once_into_js(move || controller.abort());
    window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(abort.unchecked_ref(), 100)
        .unwrap();
    let err = client.post_likes("2011", 3).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::Aborted);
}
