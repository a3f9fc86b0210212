//! Any WordPress site with an application password, against a REAL self-hosted WordPress 6.1
//! (`scripts/wordpress.sh`, started by `scripts/wasm-test.sh`, which passes its URL and the seeded
//! admin's application password through `WPCOM_WORDPRESS_*`). Core's CORS answers the test
//! page's origin. Driven through the JS exports (`discoverSite`, `SiteAuth`, `SiteClient`), plus
//! the typed Rust API. Without a WordPress (its packages cannot be installed here) each test says
//! so and passes.
#![cfg(test)]
#![cfg(target_arch = "wasm32")]

mod browser;

use browser::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use wpcom_wasm::browser::site::{SiteClient, SiteClientConfig};
use wpcom_wasm::core::site::{AppPassword, SiteCredentials};
use wpcom_wasm::js::{discover_site_js, JsSiteAuth, JsSiteClient};

wasm_bindgen_test_configure!(run_in_browser);

const WORDPRESS: Option<&str> = option_env!("WPCOM_WORDPRESS_URL");
const USER: &str = match option_env!("WPCOM_WORDPRESS_USER") {
    Some(user) => user,
    None => "admin",
};
const PASSWORD: &str = match option_env!("WPCOM_WORDPRESS_APP_PASSWORD") {
    Some(password) => password,
    None => "",
};
const APP_ID: &str = "0f8a3c1e-5b7d-4e2a-9c6f-1d2e3f4a5b6c";

/// The site's URL, or `None` (and a note) when no WordPress runs for these tests.
fn wordpress() -> Option<&'static str> {
    if WORDPRESS.is_none() {
        wasm_bindgen_test::console_log!("no WordPress (WPCOM_WORDPRESS_URL unset): skipped");
    }
    WORDPRESS
}

fn js(s: &str) -> JsValue {
    JsValue::from_str(s)
}

fn text(object: &JsValue, key: &str) -> String {
    get(object, key).as_string().unwrap_or_default()
}

fn code(e: &JsValue) -> String {
    text(e, "code")
}

#[wasm_bindgen(inline_js = r#"
export async function linkHeaderRoot(url) {
  const r = await fetch(url + '/?rest_route=/&_fields=name', { credentials: 'omit' });
  const m = /<([^>]+)>;\s*rel="https:\/\/api\.w\.org\/"/.exec(r.headers.get('Link') || '');
  return m ? m[1] : null;
}
export function tinyPng() {
  return Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
}
"#)]
extern "C" {
    /// The API root the site's own `Link` header names (read by hand).
    async fn linkHeaderRoot(url: &str) -> JsValue;
    /// A 1×1 PNG.
    fn tinyPng() -> JsValue;
}

async fn discover(url: &str) -> JsValue {
    settle(discover_site_js(js(url), JsValue::UNDEFINED))
        .await
        .unwrap_or_else(|e| panic!("discoverSite: {}", text(&e, "message")))
}

fn client_with(api_root: &str, user: &str, password: &str) -> JsSiteClient {
    JsSiteClient::new(object(&[
        ("apiRoot", js(api_root)),
        ("userLogin", js(user)),
        ("password", js(password)),
    ]))
    .unwrap_or_else(|e| panic!("{}", text(&e, "message")))
}

#[wasm_bindgen_test]
async fn discovery_finds_the_api_root_the_site_announces_and_its_authorize_page() {
    let Some(url) = wordpress() else { return };
    let site = discover(url).await;
    let announced = linkHeaderRoot(url)
        .await
        .as_string()
        .expect("a Link header");
    assert_eq!(text(&site, "apiRoot"), announced);
    assert_eq!(
        text(&site, "authorizationUrl"),
        format!("{url}/wp-admin/authorize-application.php")
    );
    assert_eq!(text(&site, "name"), "wpcom-wasm test site");
    assert_eq!(text(&site, "url"), url);
    let namespaces: Vec<String> = js_sys::Array::from(&get(&site, "namespaces"))
        .iter()
        .filter_map(|n| n.as_string())
        .collect();
    assert!(namespaces.iter().any(|n| n == "wp/v2"), "{namespaces:?}");
    // The address as a user types it: a trailing slash, a path of the site.
    let again = discover(&format!("{url}/?p=1")).await;
    assert_eq!(text(&again, "apiRoot"), announced);
}

#[wasm_bindgen_test]
async fn discovery_refuses_what_is_not_a_wordpress_address() {
    let Some(_) = wordpress() else { return };
    let e = settle(discover_site_js(
        js("javascript:alert(1)"),
        JsValue::UNDEFINED,
    ))
    .await
    .unwrap_err();
    assert_eq!(code(&e), "invalid_config");
    // The WordPress.com emulator answers, with CORS, but is no WordPress REST API.
    let e = settle(discover_site_js(js(EMULATOR), JsValue::UNDEFINED))
        .await
        .unwrap_err();
    assert_eq!(code(&e), "not_wordpress", "{}", text(&e, "message"));
    assert!(text(&e, "message").contains(EMULATOR));
    // An origin that allows no CORS: nothing readable answers.
    let e = settle(discover_site_js(js(EMULATOR_NO_CORS), JsValue::UNDEFINED))
        .await
        .unwrap_err();
    assert_eq!(code(&e), "network", "{}", text(&e, "message"));
    assert!(text(&e, "message").contains("not WordPress"));
}

/// A fresh application password for the seeded user (so a test may revoke it).
async fn fresh_password(api_root: &str, name: &str) -> String {
    let admin = client_with(api_root, USER, PASSWORD);
    let created = settle(admin.request(
        js("POST"),
        js("/wp/v2/users/me/application-passwords"),
        object(&[("body", object(&[("name", js(name))]))]),
    ))
    .await
    .unwrap_or_else(|e| panic!("{}", text(&e, "message")));
    text(&created, "password")
}

#[wasm_bindgen_test]
async fn connect_through_the_redirect_call_the_api_then_disconnect() {
    let Some(url) = wordpress() else { return };
    let site = discover(url).await;
    let api_root = text(&site, "apiRoot");
    let auth = JsSiteAuth::new(object(&[
        ("site", site.clone()),
        ("appName", js("wpcom-wasm tests")),
        ("appId", js(APP_ID)),
        ("successUrl", js(&format!("{}/connected", page_origin()))),
        ("storage", js("memory")),
    ]))
    .unwrap_or_else(|e| panic!("{}", text(&e, "message")));
    let authorize = auth.authorize_url().expect("authorize URL");
    assert!(authorize.starts_with(&format!(
        "{url}/wp-admin/authorize-application.php?app_name="
    )));
    let success = js_sys::decode_uri_component(
        authorize
            .split("success_url=")
            .nth(1)
            .unwrap()
            .split('&')
            .next()
            .unwrap(),
    )
    .unwrap()
    .as_string()
    .unwrap();
    assert!(success.ends_with('#'), "{success}");

    // What core's page script does on "Approve": append to success_url as a string.
    let password = fresh_password(&api_root, "wpcom-wasm connect test").await;
    let redirect = format!(
        "{success}&site_url={}&user_login={USER}&password={}",
        form_encode(url),
        form_encode(&password)
    );
    let here = window().location().href().unwrap();
    window()
        .history()
        .unwrap()
        .push_state_with_url(&JsValue::NULL, "", Some(&redirect))
        .unwrap();
    let connection = auth
        .handle_redirect(None)
        .unwrap_or_else(|e| panic!("{}", text(&e, "message")));
    let now = window().location().href().unwrap();
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(&here))
        .unwrap();
    assert_eq!(
        now,
        format!("{}/connected", page_origin()),
        "password scrubbed"
    );
    assert_eq!(text(&connection, "userLogin"), USER);
    assert_eq!(text(&connection, "apiRoot"), api_root);
    // Replayed: the state is used up (and no other is pending), nothing changes.
    let e = auth.handle_redirect(Some(redirect.clone())).unwrap_err();
    assert_eq!(code(&e), "state_missing");
    assert!(text(&e, "message").contains("already used"));
    assert!(!text(&e, "message").contains(&password));

    let client = JsSiteClient::new(object(&[("auth", auth.link().into())])).unwrap();
    let me = settle(client.me(JsValue::UNDEFINED)).await.unwrap();
    assert_eq!(text(&me, "slug"), USER);
    assert!(get(&me, "id").as_f64().unwrap() >= 1.0);

    settle(client.disconnect(JsValue::UNDEFINED)).await.unwrap();
    assert!(auth.connection().is_null(), "forgotten");
    let e = settle(client.me(JsValue::UNDEFINED)).await.unwrap_err();
    assert_eq!(code(&e), "not_signed_in");
    // Revoked on the site: the same password is now refused. WordPress 6.1 answers it as an
    // anonymous request (401 rest_not_logged_in): `credentials_ignored`, reasons in words.
    let old = client_with(&api_root, USER, &password);
    let e = settle(old.me(JsValue::UNDEFINED)).await.unwrap_err();
    assert_eq!(code(&e), "credentials_ignored", "{}", text(&e, "message"));
    assert_eq!(get(&e, "status").as_f64(), Some(401.0));
    assert!(!text(&e, "message").contains(&password));
}

#[wasm_bindgen_test]
async fn a_rejection_comes_back_as_access_denied() {
    let Some(url) = wordpress() else { return };
    let site = discover(url).await;
    let auth = JsSiteAuth::new(object(&[
        ("site", site),
        ("appName", js("wpcom-wasm tests")),
        ("appId", js(APP_ID)),
        ("successUrl", js("http://127.0.0.1:1/app")),
        ("storage", js("memory")),
    ]))
    .unwrap();
    let authorize = auth.authorize_url().unwrap();
    let state = state_of(
        &js_sys::decode_uri_component(authorize.split("success_url=").nth(1).unwrap())
            .unwrap()
            .as_string()
            .unwrap(),
    );
    let state = state.trim_end_matches('#');
    // What authorize-application.php makes of a missing reject_url: success_url&success=false.
    let e = auth
        .handle_redirect(Some(format!(
            "http://127.0.0.1:1/app?state={state}&success=false#"
        )))
        .unwrap_err();
    assert_eq!(code(&e), "access_denied");
}

#[wasm_bindgen_test]
async fn posts_come_in_pages_with_the_totals_the_site_exposes() {
    let Some(url) = wordpress() else { return };
    let api_root = text(&discover(url).await, "apiRoot");
    let client = client_with(&api_root, USER, PASSWORD);
    let options = |page: u32| object(&[("page", page.into()), ("perPage", 10.into())]);
    let first = settle(client.list_posts(options(1))).await.unwrap();
    let total = get(&first, "total").as_f64().expect("X-WP-Total");
    let pages = get(&first, "totalPages").as_f64().expect("X-WP-TotalPages");
    assert!(total >= 21.0, "{total}");
    assert_eq!(pages, (total / 10.0).ceil());
    assert_eq!(js_sys::Array::from(&get(&first, "items")).length(), 10);
    let last = settle(client.list_posts(options(pages as u32)))
        .await
        .unwrap();
    let rest = total as u32 - 10 * (pages as u32 - 1);
    assert_eq!(js_sys::Array::from(&get(&last, "items")).length(), rest);
    assert_eq!(get(&last, "page").as_f64(), Some(pages));

    // The typed Rust API reads the same.
    let rust = SiteClient::new(SiteClientConfig {
        credentials: Some(SiteCredentials {
            api_root: api_root.clone(),
            site_url: url.into(),
            user_login: USER.into(),
            password: AppPassword::new(PASSWORD),
        }),
        ..Default::default()
    });
    let page = rust.list_posts(Some(2), Some(5)).await.unwrap();
    assert_eq!((page.items.len(), page.page), (5, 2));
    assert_eq!(page.total, Some(total as u64));
    assert!(page.items.iter().all(|p| p.id > 0 && p.status == "publish"));
    let me = rust.me().await.unwrap();
    assert_eq!(me.slug, USER);
}

/// The 20 seeded posts (`scripts/wordpress/seed.php`), apart from what other tests write.
const SEEDED: (&str, &str) = ("search", "Seeded post");

/// `{ items, error }` of a `for await` over `iterable` (at most `limit` items, 0: all).
async fn collect(iterable: JsValue, limit: u32) -> (Vec<JsValue>, Option<JsValue>) {
    let out = walk(iterable, limit, "", None, None, 0).await;
    let error = Some(get(&out, "error")).filter(|e| !e.is_null());
    (
        js_sys::Array::from(&get(&out, "items")).iter().collect(),
        error,
    )
}

fn ids(items: &[JsValue]) -> Vec<u64> {
    items
        .iter()
        .map(|item| get(item, "id").as_f64().unwrap() as u64)
        .collect()
}

#[wasm_bindgen_test]
async fn posts_and_paginate_walk_every_page_and_stop_where_asked() {
    let Some(url) = wordpress() else { return };
    let api_root = text(&discover(url).await, "apiRoot");
    let client = client_with(&api_root, USER, PASSWORD);
    let seeded = || object(&[(SEEDED.0, js(SEEDED.1))]);

    // posts(): every seeded post once, newest first, over pages of 6 (6, 6, 6, 2).
    let (posts, error) = collect(
        client.posts(object(&[("perPage", 6.into()), ("query", seeded())])),
        0,
    )
    .await;
    assert!(error.is_none(), "{error:?}");
    let mut seen = ids(&posts);
    assert_eq!(seen.len(), 20, "{seen:?}");
    seen.dedup();
    assert_eq!(seen.len(), 20, "no post twice");
    let titles: Vec<String> = posts
        .iter()
        .map(|p| text(&get(p, "title"), "rendered"))
        .collect();
    assert_eq!(titles[0], "Seeded post 01");
    assert_eq!(titles[19], "Seeded post 20");

    // paginate(): the pages themselves, numbered, with the totals; the path's own query counts,
    // and a full last page (5 × 4) ends the walk at X-WP-TotalPages.
    let (pages, error) = collect(
        client.paginate(
            js("/wp/v2/posts?per_page=5&_fields=id"),
            object(&[("query", seeded())]),
        ),
        0,
    )
    .await;
    assert!(error.is_none(), "{error:?}");
    let numbers: Vec<f64> = pages
        .iter()
        .filter_map(|p| get(p, "page").as_f64())
        .collect();
    assert_eq!(numbers, [1.0, 2.0, 3.0, 4.0]);
    for page in &pages {
        assert_eq!(js_sys::Array::from(&get(page, "items")).length(), 5);
        assert_eq!(get(page, "total").as_f64(), Some(20.0));
        assert_eq!(get(page, "totalPages").as_f64(), Some(4.0));
    }

    // Starting at a page; a break after 7 items leaves the rest unread.
    let from_third = object(&[
        ("page", 3.into()),
        ("perPage", 6.into()),
        ("query", seeded()),
    ]);
    let (posts, _) = collect(client.posts(from_third), 0).await;
    assert_eq!(posts.len(), 8);
    let (posts, _) = collect(client.posts(object(&[("query", seeded())])), 7).await;
    assert_eq!(posts.len(), 7);

    // A first page past the last is WordPress's own error; an offset, a key given twice or a
    // path off the site are refused before any request.
    let past = object(&[("page", 99.into()), ("query", seeded())]);
    let (_, error) = collect(client.paginate(js("/wp/v2/posts"), past), 0).await;
    assert_eq!(code(&error.unwrap()), "rest_post_invalid_page_number");
    for (path, options) in [
        (
            "/wp/v2/posts",
            object(&[("query", object(&[("offset", 5.into())]))]),
        ),
        ("/wp/v2/posts?page=2", object(&[("page", 3.into())])),
        (
            "https://evil.example/wp-json/wp/v2/posts",
            JsValue::UNDEFINED,
        ),
    ] {
        let (_, error) = collect(client.paginate(js(path), options), 0).await;
        assert_eq!(code(&error.unwrap()), "invalid_config", "{path}");
    }

    // The typed Rust API walks the same pages.
    let rust = SiteClient::new(SiteClientConfig {
        credentials: Some(SiteCredentials {
            api_root,
            site_url: url.into(),
            user_login: USER.into(),
            password: AppPassword::new(PASSWORD),
        }),
        ..Default::default()
    });
    let mut walk = rust.posts(&[SEEDED, ("per_page", "8")]).unwrap();
    let mut sizes = Vec::new();
    while let Some(page) = walk.next_page().await.unwrap() {
        assert!(page
            .items
            .iter()
            .all(|p| p.title.rendered.starts_with("Seeded post")));
        sizes.push((page.page, page.items.len()));
    }
    assert_eq!(sizes, [(1, 8), (2, 8), (3, 4)]);
    assert!(walk.next_page().await.unwrap().is_none());
    let mut raw = rust.paginate("/wp/v2/users", &[("per_page", "1")]).unwrap();
    let first = raw
        .next_page()
        .await
        .unwrap()
        .expect("a first page of users");
    assert!(
        get(&first, "totalPages").as_f64().unwrap() >= 3.0,
        "admin, author, subscriber"
    );
    assert_eq!(
        rust.posts(&[("offset", "1")]).unwrap_err().code.as_str(),
        "invalid_config"
    );
}

#[wasm_bindgen_test]
async fn create_a_post_upload_media_and_delete_them() {
    let Some(url) = wordpress() else { return };
    let api_root = text(&discover(url).await, "apiRoot");
    let client = client_with(&api_root, USER, PASSWORD);
    let post = settle(client.create_post(
        object(&[
            ("title", js("From wasm")),
            ("content", js("Hello, WordPress")),
            ("status", js("publish")),
        ]),
        JsValue::UNDEFINED,
    ))
    .await
    .unwrap_or_else(|e| panic!("{}", text(&e, "message")));
    let id = get(&post, "id").as_f64().unwrap();
    assert_eq!(text(&get(&post, "title"), "rendered"), "From wasm");
    let fetched = settle(client.request(
        js(&format!("/wp/v2/posts/{id}")),
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    ))
    .await
    .unwrap();
    assert_eq!(get(&fetched, "id").as_f64(), Some(id));

    let media = settle(client.upload_media(
        tinyPng(),
        object(&[
            ("filename", js("dot é.png")),
            ("contentType", js("image/png")),
        ]),
    ))
    .await
    .unwrap_or_else(|e| panic!("{}", text(&e, "message")));
    assert_eq!(text(&media, "mime_type"), "image/png");
    assert!(text(&media, "source_url").ends_with(".png"), "{media:?}");

    // A real DELETE (a `_method` override would break the preflight), its query merged into the
    // ?rest_route= one when there is one.
    let force = object(&[("query", object(&[("force", true.into())]))]);
    for path in [
        format!("/wp/v2/posts/{id}"),
        format!("/wp/v2/media/{}", get(&media, "id").as_f64().unwrap()),
    ] {
        let deleted = settle(client.request(js("DELETE"), js(&path), force.clone()))
            .await
            .unwrap_or_else(|e| panic!("{path}: {}", text(&e, "message")));
        assert_eq!(get(&deleted, "deleted").as_bool(), Some(true), "{path}");
    }
}

#[wasm_bindgen_test]
async fn errors_keep_wordpress_s_shape_and_a_wrong_password_is_named() {
    let Some(url) = wordpress() else { return };
    let api_root = text(&discover(url).await, "apiRoot");
    let client = client_with(&api_root, USER, PASSWORD);
    let e = settle(client.request(
        js("/wp/v2/posts/999999"),
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    ))
    .await
    .unwrap_err();
    assert_eq!(code(&e), "rest_post_invalid_id");
    assert_eq!(get(&e, "status").as_f64(), Some(404.0));
    assert_eq!(text(&e, "message"), "Invalid post ID.");
    assert_eq!(protoCtorName(&e), "WpcomError");

    let wrong = client_with(&api_root, USER, "abcd abcd abcd abcd abcd abcd");
    let e = settle(wrong.me(JsValue::UNDEFINED)).await.unwrap_err();
    assert_eq!(code(&e), "credentials_ignored", "{}", text(&e, "message"));
    assert!(text(&e, "message").contains("refused the application password"));
    assert!(!text(&e, "message").contains("abcd"));

    // A path that would leave the site is refused before anything is sent.
    let e = settle(client.request(
        js("https://evil.example/wp-json/wp/v2/posts"),
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    ))
    .await
    .unwrap_err();
    assert_eq!(code(&e), "invalid_config");
}

/// The test page's origin.
fn page_origin() -> String {
    window().location().origin().unwrap()
}
