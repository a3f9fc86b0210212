//! Pages of results, a post's life, comments and follows, in a real browser against the emulator:
//! the JS surface's async iterables (`paginate`, `posts`, `comments`) and the typed Rust API.
//!
//! Tests run concurrently in one page and faults are global to an emulator: a test that counts
//! requests (with a queued no-op fault whose count goes down) or injects a fault uses a path no
//! other test calls.
#![cfg(test)]
#![cfg(target_arch = "wasm32")]

mod browser;

use browser::*;
use std::collections::BTreeSet;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use wpcom_wasm::browser::{Client, ClientConfig, RequestOptions};
use wpcom_wasm::core::models::{Deletion, NewPost};
use wpcom_wasm::core::routes::PostRef;
use wpcom_wasm::core::ErrorCode;
use wpcom_wasm::js::JsClient;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
export function isAsyncIterable(value) {
  return typeof value[Symbol.asyncIterator] === 'function';
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = isAsyncIterable)]
    fn is_async_iterable(value: &JsValue) -> bool;
}

fn js(s: &str) -> JsValue {
    JsValue::from_str(s)
}

fn n(value: f64) -> JsValue {
    JsValue::from_f64(value)
}

async fn js_client_on(base: &str, user: &str) -> JsClient {
    let token = mint_on(base, user, "1234", None).await;
    JsClient::new(object(&[("apiBase", js(base)), ("token", js(&token))])).unwrap()
}

async fn alice_js() -> JsClient {
    js_client_on(EMULATOR, "alice").await
}

async fn rust_client(user: &str) -> Client {
    Client::new(ClientConfig {
        token: Some(mint(user, "1234").await),
        api_base: Some(EMULATOR.into()),
        ..Default::default()
    })
}

/// The items and the error of a [`walk`].
async fn items_of(
    iterable: JsValue,
    limit: u32,
    fault: Option<&str>,
) -> (Vec<JsValue>, Option<JsValue>) {
    let out = walk(iterable, limit, EMULATOR, fault.map(String::from), None, 0).await;
    split(out)
}

fn split(out: JsValue) -> (Vec<JsValue>, Option<JsValue>) {
    let items: js_sys::Array = get(&out, "items").into();
    let error = Some(get(&out, "error")).filter(|e| !e.is_null());
    (items.iter().collect(), error)
}

fn ids(items: &[JsValue]) -> Vec<u64> {
    items
        .iter()
        .map(|item| get(item, "ID").as_f64().unwrap() as u64)
        .collect()
}

fn code(error: &JsValue) -> String {
    get(error, "code").as_string().unwrap_or_default()
}

/// Counts the requests to `path` on `base` from now on: a no-op fault with a large count, whose
/// count goes down with each request.
async fn count_requests(base: &str, path: &str) {
    let spec = format!(
        r#"{{"path":"{path}","method":"GET","count":1000,"fault":{{"kind":"delay","ms":1}}}}"#
    );
    control(base, "/_emulator/faults", &spec).await;
}

/// How many requests reached `path` since [`count_requests`].
async fn requests(base: &str, path: &str) -> u32 {
    let left = control_get(base, "/_emulator/faults").await;
    let faults: js_sys::Array = get(&left, "faults").into();
    let ours = faults
        .iter()
        .find(|f| get(f, "path").as_string().as_deref() == Some(path))
        .expect("the counting fault is queued");
    1000 - get(&ours, "count").as_f64().unwrap() as u32
}

#[wasm_bindgen_test]
async fn posts_iterates_every_post_of_the_big_site_once() {
    let client = alice_js().await;
    let query = object(&[("number", n(7.0)), ("status", js("any"))]);
    let iterable = client.posts(
        js("example.wordpress.com"),
        query.clone(),
        JsValue::UNDEFINED,
    );
    assert!(is_async_iterable(&iterable));
    let (posts, error) = items_of(iterable, 0, None).await;
    assert!(error.is_none(), "{error:?}");
    let list = settle(client.list_posts(js("example.wordpress.com"), query, JsValue::UNDEFINED))
        .await
        .unwrap();
    let found = get(&list, "found").as_f64().unwrap() as usize;
    let all = ids(&posts);
    let unique: BTreeSet<u64> = all.iter().copied().collect();
    assert_eq!(all.len(), found, "count equals found");
    assert_eq!(unique.len(), all.len(), "no duplicates");
    assert!((1..=50).all(|id| unique.contains(&id)), "no gaps: {all:?}");
    // listPosts is one page, with the handle of the next.
    assert_eq!(js_sys::Array::from(&get(&list, "posts")).length(), 7);
    let next = get(&list, "nextPage").as_string().expect("a next page");
    let query = object(&[
        ("number", n(7.0)),
        ("status", js("any")),
        ("page_handle", js(&next)),
    ]);
    let second = settle(client.list_posts(js("example.wordpress.com"), query, JsValue::UNDEFINED))
        .await
        .unwrap();
    let second = ids(&js_sys::Array::from(&get(&second, "posts"))
        .iter()
        .collect::<Vec<_>>());
    assert_eq!(
        second,
        all[7..14].to_vec(),
        "the handle leads to the next page"
    );
}

#[wasm_bindgen_test]
async fn breaking_out_of_the_loop_sends_no_further_request() {
    let client = alice_js().await;
    let path = "/rest/v1.1/sites/2001/posts";
    count_requests(EMULATOR, path).await;
    let query = object(&[("number", n(10.0))]);
    // The whole first page, then break: the second page is never asked for.
    let (posts, error) =
        items_of(client.posts(n(2001.0), query, JsValue::UNDEFINED), 10, None).await;
    assert!(error.is_none());
    assert_eq!(posts.len(), 10);
    sleep(300).await;
    assert_eq!(requests(EMULATOR, path).await, 1, "one page, one request");
}

#[wasm_bindgen_test]
async fn aborting_mid_iteration_rejects_with_aborted_and_keeps_the_items() {
    let client = alice_js().await;
    let controller = web_sys::AbortController::new().unwrap();
    let options = object(&[("signal", controller.signal().into())]);
    let iterable = client.posts(
        js("jetpack.example.org::blog"),
        object(&[("number", n(1.0))]),
        options,
    );
    let out = walk(iterable, 0, EMULATOR, None, Some(controller), 1).await;
    let (items, error) = split(out);
    assert_eq!(items.len(), 1, "what was yielded stays yielded");
    assert_eq!(code(&error.expect("the loop rejects")), "aborted");

    // Aborted while a page is in flight.
    let controller = web_sys::AbortController::new().unwrap();
    let signal = controller.signal();
    let pages = client.paginate(
        js("v1.2/sites/2001/posts/"),
        object(&[
            ("query", object(&[("number", n(5.0))])),
            ("signal", signal.into()),
        ]),
    );
    let fault =
        r#"{"path":"/rest/v1.2/sites/2001/posts","count":1,"fault":{"kind":"delay","ms":3000}}"#;
    let walking = walk(pages, 0, EMULATOR, Some(fault.into()), None, 0);
    let aborting = async {
        sleep(500).await;
        controller.abort();
    };
    let (out, ()) = futures_join(walking, aborting).await;
    let (pages, error) = split(out);
    assert_eq!(pages.len(), 1);
    assert_eq!(code(&error.expect("the loop rejects")), "aborted");
}

#[wasm_bindgen_test]
async fn a_failed_page_rejects_the_loop_with_its_error() {
    let client = alice_js().await;
    let fault = r#"{"path":"/rest/v1.1/sites/2001/posts/44/replies","count":1,"fault":{"kind":"status","status":403,"body":{"error":"unauthorized","message":"Nope"}}}"#;
    let (comments, error) = items_of(
        client.comments(
            n(2001.0),
            n(44.0),
            object(&[("number", n(10.0))]),
            JsValue::UNDEFINED,
        ),
        0,
        Some(fault),
    )
    .await;
    assert_eq!(comments.len(), 10, "the first page stays yielded");
    let error = error.expect("the second page fails");
    assert_eq!(code(&error), "unauthorized");
    assert_eq!(get(&error, "status").as_f64(), Some(403.0));
}

#[wasm_bindgen_test]
async fn comments_page_by_number_and_the_typed_api_reads_found() {
    let client = alice_js().await;
    let query = object(&[("number", n(10.0)), ("order", js("ASC"))]);
    let iterable = client.comments(
        js("example.wordpress.com"),
        n(44.0),
        query,
        JsValue::UNDEFINED,
    );
    let (comments, error) = items_of(iterable, 0, None).await;
    assert!(error.is_none(), "{error:?}");
    let ids = ids(&comments);
    assert_eq!(ids.len(), 25, "25 comments on post 44, by page (no handle)");
    assert_eq!(ids.iter().collect::<BTreeSet<_>>().len(), 25);

    let rust = rust_client("alice").await;
    let mut pages = rust.comments("2001", 44, &[("number", "10")]).unwrap();
    let mut seen = 0;
    while let Some(page) = pages.next_page().await.unwrap() {
        assert_eq!(page.found, Some(25));
        seen += page.comments.len();
    }
    assert_eq!(seen, 25);
    // Jetpack sites answer found: -1 (not counted): paged until a short page all the same.
    let mut pages = rust.comments("2003", 101, &[("number", "1")]).unwrap();
    let first = pages.next_page().await.unwrap().expect("a first page");
    assert_eq!(first.found, None);
}

#[wasm_bindgen_test]
async fn the_typed_rust_pager_reads_every_post() {
    let rust = rust_client("alice").await;
    let mut pages = rust
        .posts("2001", &[("number", "20"), ("status", "any")])
        .unwrap();
    let mut ids = Vec::new();
    let mut found = 0;
    while let Some(page) = pages.next_page().await.unwrap() {
        found = page.found;
        ids.extend(page.posts.iter().map(|p| p.id));
    }
    assert_eq!(ids.len() as u64, found);
    assert_eq!(ids.iter().collect::<BTreeSet<_>>().len(), ids.len());
    assert!(pages.next_page().await.unwrap().is_none(), "stays done");
    let one = rust.list_posts("2001", &[("number", "3")]).await.unwrap();
    assert_eq!(one.posts.len(), 3);
    assert!(one.meta.next_page.is_some());
}

#[wasm_bindgen_test]
async fn a_posts_life_trash_restore_delete() {
    let client = alice_js().await;
    let undefined = JsValue::UNDEFINED;
    let post = object(&[
        ("title", js("Short-lived")),
        ("slug", js("short-lived-pages-test")),
    ]);
    let created = settle(client.create_post(n(2003.0), post, undefined.clone()))
        .await
        .unwrap();
    let id = get(&created, "ID").as_f64().unwrap();
    let by_id = settle(client.post(n(2003.0), n(id), undefined.clone()))
        .await
        .unwrap();
    assert_eq!(
        get(&by_id, "title").as_string().as_deref(),
        Some("Short-lived")
    );
    let by_slug = settle(client.post(
        n(2003.0),
        js("slug:short-lived-pages-test"),
        undefined.clone(),
    ))
    .await
    .unwrap();
    assert_eq!(get(&by_slug, "ID").as_f64(), Some(id));
    let fields = object(&[("title", js("Renamed"))]);
    let updated = settle(client.update_post(n(2003.0), n(id), fields, undefined.clone()))
        .await
        .unwrap();
    assert_eq!(
        get(&updated, "title").as_string().as_deref(),
        Some("Renamed")
    );
    let status = |v: &JsValue| get(v, "status").as_string().unwrap_or_default();
    let trashed = settle(client.delete_post(n(2003.0), n(id), undefined.clone()))
        .await
        .unwrap();
    assert_eq!(status(&trashed), "trash");
    let restored = settle(client.restore_post(n(2003.0), n(id), undefined.clone()))
        .await
        .unwrap();
    assert_eq!(status(&restored), "publish");
    settle(client.delete_post(n(2003.0), n(id), undefined.clone()))
        .await
        .unwrap();
    let deleted = settle(client.delete_post(n(2003.0), n(id), undefined.clone()))
        .await
        .unwrap();
    assert_eq!(status(&deleted), "deleted");
    let gone = settle(client.post(n(2003.0), n(id), undefined.clone()))
        .await
        .unwrap_err();
    assert_eq!(code(&gone), "unknown_post");
    assert_eq!(get(&gone, "status").as_f64(), Some(404.0));

    // The typed Rust API says which happened.
    let rust = rust_client("alice").await;
    let new = NewPost {
        title: Some("Typed".into()),
        ..NewPost::default()
    };
    let post = rust.create_post("2003", &new).await.unwrap();
    let fetched = rust.post("2003", PostRef::Id(post.id)).await.unwrap();
    assert_eq!(fetched.title, "Typed");
    assert!(matches!(
        rust.delete_post("2003", post.id).await.unwrap(),
        Deletion::Trashed(_)
    ));
    assert!(matches!(
        rust.delete_post("2003", post.id).await.unwrap(),
        Deletion::Deleted(_)
    ));
}

#[wasm_bindgen_test]
async fn a_posts_routes_refuse_and_report_errors() {
    let client = alice_js().await;
    let undefined = JsValue::UNDEFINED;
    let e = settle(client.post(n(2001.0), js("a/b"), undefined.clone()))
        .await
        .unwrap_err();
    assert_eq!(code(&e), "invalid_config");
    let e = settle(client.update_post(n(2001.0), n(1.0), js("title"), undefined.clone()))
        .await
        .unwrap_err();
    assert_eq!(code(&e), "invalid_input");
    assert_eq!(get(&e, "mayHaveReachedServer").as_bool(), Some(false));
    for call in [
        client.update_post(
            n(2001.0),
            n(999_999.0),
            object(&[("title", js("x"))]),
            undefined.clone(),
        ),
        client.delete_post(n(2001.0), n(999_999.0), undefined.clone()),
        client.restore_post(n(2001.0), n(999_999.0), undefined.clone()),
        client.post(n(2001.0), js("slug:no-such-post"), undefined.clone()),
    ] {
        let e = settle(call).await.unwrap_err();
        assert_eq!(code(&e), "unknown_post");
    }
    // bob is a contributor on 2001: he may not edit alice's posts.
    let bob = js_client_on(EMULATOR, "bob").await;
    let e = settle(bob.update_post(n(2001.0), n(1.0), object(&[("title", js("x"))]), undefined))
        .await
        .unwrap_err();
    assert_eq!(code(&e), "unauthorized");
    assert_eq!(get(&e, "status").as_f64(), Some(403.0));
    // A collection refuses an offset, before any request.
    let (_, error) = items_of(
        client.posts(n(2001.0), object(&[("offset", n(5.0))]), JsValue::UNDEFINED),
        0,
        None,
    )
    .await;
    assert_eq!(code(&error.unwrap()), "invalid_config");
}

#[wasm_bindgen_test]
async fn comment_round_trip() {
    let client = alice_js().await;
    let undefined = JsValue::UNDEFINED;
    let site = js("example.wordpress.com");
    let comment = settle(client.add_comment(
        site.clone(),
        n(47.0),
        js("A comment from the pages test"),
        undefined.clone(),
    ))
    .await
    .unwrap();
    let comment_id = get(&comment, "ID").as_f64().unwrap();
    assert!(get(&comment, "parent").is_null());
    let reply = settle(client.reply_to_comment(
        site.clone(),
        n(comment_id),
        js("And a reply"),
        undefined.clone(),
    ))
    .await
    .unwrap();
    let reply_id = get(&reply, "ID").as_f64().unwrap();
    assert_eq!(get(&get(&reply, "parent"), "ID").as_f64(), Some(comment_id));
    let (all, error) = items_of(
        client.comments(
            site.clone(),
            n(47.0),
            object(&[("number", n(2.0))]),
            undefined.clone(),
        ),
        0,
        None,
    )
    .await;
    assert!(error.is_none());
    let listed = ids(&all);
    assert!(
        listed.contains(&(comment_id as u64)) && listed.contains(&(reply_id as u64)),
        "{listed:?}"
    );
    let status = |v: &JsValue| get(v, "status").as_string().unwrap_or_default();
    let trashed = settle(client.delete_comment(site.clone(), n(reply_id), undefined.clone()))
        .await
        .unwrap();
    assert_eq!(status(&trashed), "trash");
    let deleted = settle(client.delete_comment(site.clone(), n(reply_id), undefined.clone()))
        .await
        .unwrap();
    assert_eq!(status(&deleted), "deleted");

    // Errors: blank content (no request), closed comments, an unknown comment.
    let e = settle(client.add_comment(site.clone(), n(47.0), js("  "), undefined.clone()))
        .await
        .unwrap_err();
    assert_eq!(code(&e), "invalid_input");
    assert_eq!(get(&e, "mayHaveReachedServer").as_bool(), Some(false));
    let carol = js_client_on(EMULATOR, "carol").await;
    let e = settle(carol.add_comment(site.clone(), n(46.0), js("Closed?"), undefined.clone()))
        .await
        .unwrap_err();
    assert_eq!(
        (code(&e), get(&e, "status").as_f64()),
        ("unauthorized".into(), Some(403.0))
    );
    let e = settle(client.reply_to_comment(
        site.clone(),
        n(999_999.0),
        js("Hello?"),
        undefined.clone(),
    ))
    .await
    .unwrap_err();
    assert_eq!(code(&e), "unknown_comment");
    let e = settle(client.delete_comment(site, js("x"), undefined))
        .await
        .unwrap_err();
    assert_eq!(code(&e), "invalid_config");
}

#[wasm_bindgen_test]
async fn follow_round_trip() {
    let erin = js_client_on(EMULATOR, "erin").await;
    let undefined = JsValue::UNDEFINED;
    let site = js("example.wordpress.com");
    let following = |v: JsValue| v.as_bool().expect("a boolean");
    assert!(!following(
        settle(erin.is_following(site.clone(), undefined.clone()))
            .await
            .unwrap()
    ));
    let followed = settle(erin.follow(site.clone(), undefined.clone()))
        .await
        .unwrap();
    assert_eq!(get(&followed, "is_following").as_bool(), Some(true));
    assert!(following(
        settle(erin.is_following(site.clone(), undefined.clone()))
            .await
            .unwrap()
    ));
    let unfollowed = settle(erin.unfollow(site.clone(), undefined.clone()))
        .await
        .unwrap();
    assert_eq!(get(&unfollowed, "is_following").as_bool(), Some(false));
    assert!(!following(
        settle(erin.is_following(site, undefined.clone()))
            .await
            .unwrap()
    ));
    let e = settle(erin.follow(js("no-such-blog.wordpress.com"), undefined))
        .await
        .unwrap_err();
    assert_eq!(code(&e), "unknown_blog");

    let rust = rust_client("erin").await;
    assert!(rust.follow("2001").await.unwrap().is_following);
    assert!(rust.is_following("2001").await.unwrap());
    assert!(!rust.unfollow("2001").await.unwrap().is_following);
    assert!(!rust.is_following("2001").await.unwrap());
}

/// The number of published posts of 2001 and a page size that divides it: the last page is
/// full, so only `X-WP-TotalPages` (or core's answer to the page after) can end the walk.
async fn published_and_full_pages(client: &JsClient) -> (usize, usize) {
    let list =
        settle(client.list_posts(n(2001.0), object(&[("number", n(1.0))]), JsValue::UNDEFINED))
            .await
            .unwrap();
    let found = get(&list, "found").as_f64().unwrap() as usize;
    let per_page = (2..=found / 2)
        .rev()
        .find(|d| found % d == 0)
        .unwrap_or(found);
    (found, per_page)
}

async fn walk_wp_v2(base: &str, path: &str, query: &[(&str, JsValue)]) -> (usize, Vec<JsValue>) {
    let client = js_client_on(base, "alice").await;
    let (found, _) = published_and_full_pages(&client).await;
    count_requests(base, path).await;
    let pages = client.paginate(js(path), object(&[("query", object(query))]));
    let (pages, error) = split(walk(pages, 0, base, None, None, 0).await);
    assert!(error.is_none(), "{error:?}");
    let items: Vec<JsValue> = pages
        .iter()
        .flat_map(|page| js_sys::Array::from(page).iter().collect::<Vec<_>>())
        .collect();
    assert_eq!(items.len(), found, "every published post");
    let ids: BTreeSet<u64> = items
        .iter()
        .map(|p| get(p, "id").as_f64().unwrap() as u64)
        .collect();
    assert_eq!(ids.len(), found, "no duplicates");
    (requests(base, path).await as usize, pages)
}

#[wasm_bindgen_test]
async fn wp_v2_pages_without_exposed_headers_until_core_says_past_the_end() {
    let client = alice_js().await;
    let (found, per_page) = published_and_full_pages(&client).await;
    let path = "/wp/v2/sites/2001/posts";
    let (requests, pages) = walk_wp_v2(EMULATOR, path, &[("per_page", n(per_page as f64))]).await;
    assert_eq!(pages.len(), found / per_page);
    // The last page is full: one more request, answered 400 rest_post_invalid_page_number,
    // which ends the walk without an error.
    assert_eq!(requests, found / per_page + 1);
}

#[wasm_bindgen_test]
async fn wp_v2_pages_with_exposed_headers_stop_at_total_pages() {
    let path = "/wp/v2/sites/2001/posts";
    let client = js_client_on(EMULATOR_EXPOSING, "alice").await;
    let (found, per_page) = published_and_full_pages(&client).await;
    let (requests, _) =
        walk_wp_v2(EMULATOR_EXPOSING, path, &[("per_page", n(per_page as f64))]).await;
    assert_eq!(
        requests,
        found / per_page,
        "X-WP-TotalPages: no request past the last page"
    );
}

#[wasm_bindgen_test]
async fn wp_v2_envelope_carries_the_total_and_the_status() {
    let client = alice_js().await;
    let (found, per_page) = published_and_full_pages(&client).await;
    let path = "/wp/v2/sites/example.wordpress.com/posts";
    let (requests, pages) = walk_wp_v2(
        EMULATOR,
        path,
        &[("per_page", n(per_page as f64)), ("_envelope", n(1.0))],
    )
    .await;
    assert!(
        pages.iter().all(js_sys::Array::is_array),
        "the envelope's body, unwrapped"
    );
    assert_eq!(requests, found / per_page, "the envelope's X-WP-TotalPages");
    // request(): a failure inside an envelope rejects with its status and code.
    let undefined = JsValue::UNDEFINED;
    let e = settle(client.request(
        js("wp/v2/sites/2001/posts/999999?_envelope=1"),
        undefined.clone(),
        undefined.clone(),
    ))
    .await
    .unwrap_err();
    assert_eq!(code(&e), "rest_post_invalid_id");
    assert_eq!(get(&e, "status").as_f64(), Some(404.0));
    let ok = settle(client.request(
        js("wp/v2/sites/2001/posts/1?_envelope"),
        undefined.clone(),
        undefined.clone(),
    ))
    .await
    .unwrap();
    assert_eq!(
        get(&ok, "status").as_f64(),
        Some(200.0),
        "a success comes back as sent"
    );
    // WordPress.com's http_envelope=1: carol may not read the private blog.
    let carol = js_client_on(EMULATOR, "carol").await;
    let e = settle(carol.request(
        js("/sites/2002/posts/?http_envelope=1"),
        undefined.clone(),
        undefined,
    ))
    .await
    .unwrap_err();
    assert_eq!(get(&e, "status").as_f64(), Some(403.0));
    assert_eq!(code(&e), "unauthorized");
}

#[wasm_bindgen_test]
async fn paginate_refuses_what_is_no_collection_and_reports_route_errors() {
    let client = alice_js().await;
    let (pages, error) = items_of(
        client.paginate(js("wp/v2/users/me"), JsValue::UNDEFINED),
        0,
        None,
    )
    .await;
    assert!(pages.is_empty());
    assert_eq!(code(&error.unwrap()), "bad_response");
    let (_, error) = items_of(
        client.paginate(js("wp/v2/sites/2001/nothing"), JsValue::UNDEFINED),
        0,
        None,
    )
    .await;
    assert_eq!(code(&error.unwrap()), "rest_no_route");
    let (_, error) = items_of(client.paginate(n(5.0), JsValue::UNDEFINED), 0, None).await;
    assert_eq!(code(&error.unwrap()), "invalid_config");
    let (_, error) = items_of(
        client.posts(
            js("no-such-blog.wordpress.com"),
            JsValue::UNDEFINED,
            JsValue::UNDEFINED,
        ),
        0,
        None,
    )
    .await;
    assert_eq!(code(&error.unwrap()), "unknown_blog");

    // The Rust pager: a wp/v2 collection, page by page.
    let rust = rust_client("alice").await;
    let options = RequestOptions {
        query: vec![("per_page".into(), "20".into())],
        ..Default::default()
    };
    let mut pages = rust.paginate("wp/v2/sites/2003/posts", options).unwrap();
    let first = pages.next_page().await.unwrap().expect("a page");
    assert!(js_sys::Array::is_array(&first));
    let err = rust
        .paginate("/me?offset=2", RequestOptions::default())
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidConfig);
}

/// Runs two futures at once (no executor crate in the tests).
async fn futures_join<A: std::future::Future, B: std::future::Future>(
    a: A,
    b: B,
) -> (A::Output, B::Output) {
    use std::pin::pin;
    use std::task::Poll;
    let (mut a, mut b) = (pin!(a), pin!(b));
    let (mut out_a, mut out_b) = (None, None);
    std::future::poll_fn(|cx| {
        if out_a.is_none() {
            if let Poll::Ready(v) = a.as_mut().poll(cx) {
                out_a = Some(v);
            }
        }
        if out_b.is_none() {
            if let Poll::Ready(v) = b.as_mut().poll(cx) {
                out_b = Some(v);
            }
        }
        if out_a.is_some() && out_b.is_some() {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    })
    .await;
    (out_a.unwrap(), out_b.unwrap())
}
