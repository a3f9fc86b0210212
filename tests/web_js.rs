//! The JavaScript surface (`Auth`, `Client`, `WpcomError`) driven through its exports.
#![cfg(test)]
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
    let state = state_of(&url);
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
    let message = get(&e, "message").as_string().unwrap_or_default();
    assert!(
        message.contains("/delete"),
        "names the POST …/delete convention: {message}"
    );
}

#[wasm_bindgen_test]
async fn request_takes_the_paths_the_docs_write_and_the_fetch_like_form() {
    let token = mint("alice", "1234").await;
    let client = new_client(&[("apiBase", js(EMULATOR)), ("token", js(&token))]);
    let undefined = JsValue::UNDEFINED;
    // `request(method, path, options)` with every path form, and `request(path, options)`.
    let forms = [
        client.request(js("GET"), js("/rest/v1.1/me"), undefined.clone()),
        client.request(js("get"), js("v1.1/me"), undefined.clone()),
        client.request(
            js("GET"),
            js(&format!("{EMULATOR}/rest/v1.1/me")),
            undefined.clone(),
        ),
        client.request(js("/me"), undefined.clone(), undefined.clone()),
        client.request(
            js("rest/v1.1/me"),
            object(&[("method", js("GET"))]),
            undefined.clone(),
        ),
    ];
    for (i, promise) in forms.into_iter().enumerate() {
        let me = settle(promise)
            .await
            .unwrap_or_else(|e| panic!("form {i}: {:?}", get(&e, "message")));
        assert_eq!(
            get(&me, "username").as_string().as_deref(),
            Some("alice"),
            "form {i}"
        );
    }
    let sites = settle(client.request(
        js("v1.1/me/sites?fields=ID"),
        undefined.clone(),
        undefined.clone(),
    ))
    .await
    .unwrap();
    assert!(js_sys::Array::is_array(&get(&sites, "sites")));
    let post_form = object(&[
        ("method", js("POST")),
        (
            "body",
            object(&[("title", js("fetch-like")), ("content", js("c"))]),
        ),
    ]);
    let post = settle(client.request(
        js("sites/example.wordpress.com/posts/new"),
        post_form,
        undefined.clone(),
    ))
    .await
    .unwrap();
    assert_eq!(
        get(&post, "title").as_string().as_deref(),
        Some("fetch-like")
    );

    let refused = [
        client.request(
            js("https://evil.example/rest/v1.1/me"),
            undefined.clone(),
            undefined.clone(),
        ),
        client.request(js("GET"), js("/me"), object(&[("method", js("POST"))])),
        client.request(
            js("/me?fields=ID"),
            object(&[("query", object(&[("fields", js("x"))]))]),
            undefined.clone(),
        ),
        client.request(
            js("/rest/v1.2/me"),
            object(&[("apiVersion", js("1.1"))]),
            undefined.clone(),
        ),
    ];
    for (i, promise) in refused.into_iter().enumerate() {
        let e = settle(promise).await.unwrap_err();
        assert_wpcom_error(&e, "invalid_config");
        assert_eq!(
            get(&e, "mayHaveReachedServer").as_bool(),
            Some(false),
            "refused {i}"
        );
    }
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
    let state = state_of(&state);
    auth.handle_redirect(Some(format!(
        "{REDIRECT_URI}#access_token=abc&expires_in=600&token_type=bearer&state={state}"
    )))
    .unwrap();
    assert!(auth.token().is_object());
    auth.sign_out();
    assert!(auth.token().is_null());
    assert_eq!(*reasons.borrow(), vec!["sign_out".to_string()]);
}

// The JS surface returns the JSON itself, normalised in place by the quirk rules: these check
// each quirk against the emulator, which sends WordPress.com's odd forms on purpose.

fn client_with(token: &str) -> JsClient {
    new_client(&[
        ("apiBase", js(EMULATOR)),
        ("oauthBase", js(EMULATOR)),
        ("clientId", js("1234")),
        ("token", js(token)),
    ])
}

fn strings(value: &JsValue) -> Vec<String> {
    assert!(js_sys::Array::is_array(value), "an array: {value:?}");
    js_sys::Array::from(value)
        .iter()
        .map(|v| v.as_string().expect("a string"))
        .collect()
}

#[wasm_bindgen_test]
async fn me_turns_a_scope_string_into_a_list_and_zero_into_null() {
    // A log-in-only token: the wire has `"token_scope": "auth"` and `"token_site_id": 0`.
    let client = client_with(&mint_scoped("alice", "1234", "auth", None).await);
    let me = settle(client.me(JsValue::UNDEFINED)).await.unwrap();
    assert_eq!(strings(&get(&me, "token_scope")), ["auth"]);
    assert!(get(&me, "token_site_id").is_null());
    assert_eq!(get(&me, "ID").as_f64(), Some(1001.0));
}

#[wasm_bindgen_test]
async fn me_keeps_the_blog_of_a_single_blog_token() {
    // One blog: `"token_scope": ""` (a string) and the blog's ID.
    let client = client_with(&mint_scoped("alice", "1234", "", Some("2001")).await);
    let me = settle(client.me(JsValue::UNDEFINED)).await.unwrap();
    assert!(strings(&get(&me, "token_scope")).is_empty());
    assert_eq!(get(&me, "token_site_id").as_f64(), Some(2001.0));
}

#[wasm_bindgen_test]
async fn unlike_coerces_success_and_like_count() {
    // Unlikes answer `"success": 1` and `"like_count": "<n>"`.
    let client = client_with(&mint("carol", "1234").await);
    let liked = settle(client.like_post(js("2001"), JsValue::from(7), JsValue::UNDEFINED))
        .await
        .unwrap();
    assert_eq!(get(&liked, "success").as_bool(), Some(true));
    let count = get(&liked, "like_count").as_f64().expect("a number");
    let unliked = settle(client.unlike_post(js("2001"), JsValue::from(7), JsValue::UNDEFINED))
        .await
        .unwrap();
    assert_eq!(get(&unliked, "success").as_bool(), Some(true));
    assert_eq!(get(&unliked, "like_count").as_f64(), Some(count - 1.0));
    assert_eq!(get(&unliked, "i_like").as_bool(), Some(false));
}

#[wasm_bindgen_test]
async fn sites_read_empty_arrays_as_objects() {
    let client = client_with(&mint("alice", "1234").await);
    let sites = settle(client.sites(JsValue::UNDEFINED)).await.unwrap();
    let list = js_sys::Array::from(&get(&sites, "sites"));
    assert!(list.length() >= 3);
    for site in list.iter() {
        let formats = get(&get(&site, "options"), "post_formats");
        assert!(
            formats.is_object() && !js_sys::Array::is_array(&formats),
            "post_formats {formats:?}"
        );
        let logo = get(&site, "logo");
        if !logo.is_null() {
            let sizes = get(&logo, "sizes");
            assert!(
                sizes.is_object() && !js_sys::Array::is_array(&sizes),
                "sizes {sizes:?}"
            );
        }
    }
    // Site 2003 (Jetpack) has `{height, width, url}` per logo size: kept as sent.
    let jetpack = list
        .iter()
        .find(|s| get(s, "ID").as_f64() == Some(2003.0))
        .expect("site 2003");
    let full = get(&get(&get(&jetpack, "logo"), "sizes"), "full");
    assert!(get(&full, "url")
        .as_string()
        .is_some_and(|u| u.ends_with("logo.png")));
}

#[wasm_bindgen_test]
async fn token_info_ids_are_strings_and_scope_a_list() {
    let client = client_with(&mint("alice", "1234").await);
    let info = settle(client.token_info(JsValue::UNDEFINED)).await.unwrap();
    assert_eq!(get(&info, "client_id").as_string().as_deref(), Some("1234"));
    assert_eq!(get(&info, "user_id").as_string().as_deref(), Some("1001"));
    assert!(get(&info, "blog_id").is_null());
    assert_eq!(strings(&get(&info, "scope")), ["global"]);
}

#[wasm_bindgen_test]
async fn token_info_refuses_a_token_of_another_app() {
    let client = client_with(&mint("alice", "5678").await);
    let e = settle(client.token_info(JsValue::UNDEFINED))
        .await
        .unwrap_err();
    assert_wpcom_error(&e, "token_client_mismatch");
}

#[wasm_bindgen_test]
async fn create_post_accepts_a_comma_string_of_tags() {
    let client = client_with(&mint("alice", "1234").await);
    let post = object(&[
        ("content", js("<p>comma tags</p>")),
        ("tags", js("one, two")),
        ("status", js("draft")),
    ]);
    let created = settle(client.create_post(js("example.wordpress.com"), post, JsValue::UNDEFINED))
        .await
        .unwrap();
    let tags = get(&created, "tags");
    assert!(
        get(&tags, "one").is_object() && get(&tags, "two").is_object(),
        "{tags:?}"
    );
    // No categories: the wire's `[]` reads as an empty object.
    let categories = get(&created, "categories");
    assert!(categories.is_object() && !js_sys::Array::is_array(&categories));
    assert_eq!(get(&created, "like_count").as_f64(), Some(0.0));
    assert!(get(&created, "parent").is_null());
}
