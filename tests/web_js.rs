//! The JavaScript surface (`Auth`, `Client`, `WpcomError`) driven through its exports.
#![cfg(target_arch = "wasm32")]

mod browser;

use browser::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use wpcom_wasm::js::{JsAuth, JsClient};

wasm_bindgen_test_configure!(run_in_browser);

fn js(s: &str) -> JsValue {
    JsValue::from_str(s)
}

fn new_client(pairs: &[(&str, JsValue)]) -> JsClient {
    JsClient::new(object(pairs)).unwrap_or_else(|e| panic!("{:?}", get(&e, "message")))
}

fn new_auth(client_id: &str) -> JsAuth {
    JsAuth::new(object(&[
        ("clientId", js(client_id)),
        ("redirectUri", js(REDIRECT_URI)),
        ("scope", js("global")),
        ("storage", js("memory")),
        ("oauthBase", js(EMULATOR)),
    ]))
    .unwrap_or_else(|e| panic!("{:?}", get(&e, "message")))
}

fn assert_wpcom_error(e: &JsValue, code: &str) {
    assert!(isInstance(e, &errorCtor()), "instanceof Error");
    assert_eq!(protoCtorName(e), "WpcomError", "instanceof WpcomError");
    assert_eq!(get(e, "name").as_string().as_deref(), Some("WpcomError"));
    assert_eq!(
        get(e, "code").as_string().as_deref(),
        Some(code),
        "{:?}",
        get(e, "message")
    );
    assert!(get(e, "message").as_string().is_some_and(|m| !m.is_empty()));
    assert!(get(e, "stack").is_string());
}

#[wasm_bindgen_test]
async fn wpcom_error_is_an_error_with_code_and_no_status_without_response() {
    let client = new_client(&[("apiBase", js(EMULATOR))]);
    let e = settle(client.me(JsValue::UNDEFINED)).await.unwrap_err();
    assert_wpcom_error(&e, "not_signed_in");
    assert!(get(&e, "status").is_undefined());
    assert_eq!(get(&e, "mayHaveReachedServer").as_bool(), Some(false));
    let text = String::from(e.unchecked_ref::<js_sys::Error>().to_string());
    assert!(text.starts_with("WpcomError: "), "{text}");
}

#[wasm_bindgen_test]
async fn wpcom_error_carries_the_http_status() {
    let token = mint("alice", "1234").await;
    let client = new_client(&[("apiBase", js(EMULATOR)), ("token", js(&token))]);
    let e = settle(client.post_likes(
        js("no-such-blog.wordpress.com"),
        JsValue::from(1),
        JsValue::UNDEFINED,
    ))
    .await
    .unwrap_err();
    assert_wpcom_error(&e, "unknown_blog");
    assert_eq!(get(&e, "status").as_f64(), Some(404.0));
    assert_eq!(get(&e, "mayHaveReachedServer").as_bool(), Some(true));
}

#[wasm_bindgen_test]
async fn client_takes_its_token_from_an_auth_object() {
    // Memory storage: no key shared with other tests despite the real client id.
    let auth = new_auth("1234");
    let url = auth.authorize_url().unwrap();
    let state = url
        .split("state=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap()
        .to_string();
    let token = mint("alice", "1234").await;
    let redirect = format!(
        "{REDIRECT_URI}#access_token={}&expires_in=600&token_type=bearer&site_id=0&scope=global&state={state}",
        form_encode(&token)
    );
    let shape = auth.handle_redirect(Some(redirect)).unwrap();
    assert_eq!(get(&shape, "accessToken").as_string(), Some(token));
    assert_eq!(
        get(&shape, "tokenType").as_string().as_deref(),
        Some("bearer")
    );
    assert!(get(&shape, "expiresAt").as_f64().unwrap() > js_sys::Date::now());
    assert!(get(&shape, "siteId").is_null());
    let scope: js_sys::Array = get(&shape, "scope").into();
    assert_eq!(scope.get(0).as_string().as_deref(), Some("global"));

    let auth_object = JsValue::from(auth);
    let client = new_client(&[("auth", auth_object.clone()), ("apiBase", js(EMULATOR))]);
    let me = settle(client.me(JsValue::UNDEFINED)).await.unwrap();
    assert_eq!(get(&me, "username").as_string().as_deref(), Some("alice"));
    let info = settle(client.token_info(JsValue::UNDEFINED)).await.unwrap();
    assert_eq!(get(&info, "user_id").as_string().as_deref(), Some("1001"));
}

#[wasm_bindgen_test]
fn auth_option_must_be_an_auth() {
    let e = JsClient::new(object(&[("auth", object(&[]))]))
        .err()
        .expect("refused");
    assert_wpcom_error(&e, "invalid_config");
}

#[wasm_bindgen_test]
fn handle_redirect_throws_a_wpcom_error() {
    let auth = new_auth(&unique_client_id("js-throw"));
    let e = auth
        .handle_redirect(Some(format!("{REDIRECT_URI}#access_token=x&state=forged")))
        .expect_err("refused");
    assert_wpcom_error(&e, "state_missing");
}

#[wasm_bindgen_test]
fn auth_needs_client_id_and_redirect_uri() {
    let e = JsAuth::new(object(&[("clientId", js("1234"))]))
        .err()
        .expect("refused");
    assert_wpcom_error(&e, "invalid_config");
}

#[wasm_bindgen_test]
async fn create_post_error_keeps_the_input() {
    let client = new_client(&[("apiBase", js(EMULATOR)), ("token", js("x"))]);
    let post = object(&[("status", js("draft"))]);
    let e = settle(client.create_post(
        js("example.wordpress.com"),
        post.clone(),
        JsValue::UNDEFINED,
    ))
    .await
    .unwrap_err();
    assert_wpcom_error(&e, "invalid_input");
    assert!(
        js_sys::Object::is(&get(&e, "input"), &post),
        "the same object comes back"
    );
}

#[wasm_bindgen_test]
async fn create_post_sends_the_post() {
    let token = mint("alice", "1234").await;
    let client = new_client(&[("apiBase", js(EMULATOR)), ("token", js(&token))]);
    let tags = js_sys::Array::of2(&js("js"), &js("surface"));
    let post = object(&[
        ("title", js("From JS")),
        ("tags", tags.into()),
        ("status", js("draft")),
    ]);
    let created = settle(client.create_post(js("example.wordpress.com"), post, JsValue::UNDEFINED))
        .await
        .unwrap();
    assert_eq!(
        get(&created, "title").as_string().as_deref(),
        Some("From JS")
    );
    assert!(get(&created, "parent").is_null());
    assert!(get(&get(&created, "tags"), "surface").is_object());
}

#[wasm_bindgen_test]
async fn post_id_must_be_a_positive_integer() {
    let client = new_client(&[("apiBase", js(EMULATOR)), ("token", js("x"))]);
    for bad in [
        js("abc"),
        JsValue::from(0),
        JsValue::from(1.5),
        JsValue::NULL,
    ] {
        let e = settle(client.like_post(js("example.wordpress.com"), bad, JsValue::UNDEFINED))
            .await
            .unwrap_err();
        assert_wpcom_error(&e, "invalid_config");
    }
}

#[wasm_bindgen_test]
async fn request_passes_query_and_returns_raw_json() {
    let token = mint("alice", "1234").await;
    let client = new_client(&[("apiBase", js(EMULATOR)), ("token", js(&token))]);
    let options = object(&[("query", object(&[("number", JsValue::from(2))]))]);
    let page = settle(client.request(
        js("GET"),
        js("/sites/example.wordpress.com/posts/"),
        options,
    ))
    .await
    .unwrap();
    let posts: js_sys::Array = get(&page, "posts").into();
    assert_eq!(posts.length(), 2);
    let e = settle(client.request(js("DELETE"), js("/me"), JsValue::UNDEFINED))
        .await
        .unwrap_err();
    assert_wpcom_error(&e, "invalid_config");
}

#[wasm_bindgen_test]
async fn signal_option_aborts() {
    let client = new_client(&[("apiBase", js(EMULATOR)), ("token", js("x"))]);
    let controller = web_sys::AbortController::new().unwrap();
    controller.abort();
    let options = object(&[("signal", controller.signal().into())]);
    let e = settle(client.sites(options)).await.unwrap_err();
    assert_wpcom_error(&e, "aborted");
    let bad = object(&[("signal", js("nope"))]);
    let e = settle(client.sites(bad)).await.unwrap_err();
    assert_wpcom_error(&e, "invalid_config");
}

#[wasm_bindgen_test]
fn on_signed_out_gets_the_reason() {
    let auth = new_auth(&unique_client_id("js-hook"));
    let reasons = Rc::new(RefCell::new(Vec::<String>::new()));
    let seen = reasons.clone();
    let callback = Closure::<dyn Fn(String)>::new(move |r: String| seen.borrow_mut().push(r));
    auth.on_signed_out(
        callback
            .as_ref()
            .unchecked_ref::<js_sys::Function>()
            .clone(),
    );
    callback.forget();
    let state = auth.authorize_url().unwrap();
    let state = state
        .split("state=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap()
        .to_string();
    auth.handle_redirect(Some(format!(
        "{REDIRECT_URI}#access_token=abc&expires_in=600&token_type=bearer&state={state}"
    )))
    .unwrap();
    assert!(auth.token().is_object());
    auth.sign_out();
    assert!(auth.token().is_null());
    assert_eq!(*reasons.borrow(), vec!["sign_out".to_string()]);
}
