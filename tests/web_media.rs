//! Media in a real browser against the emulator: `uploadMedia` (a real PNG fetched back byte for
//! byte, progress in bytes, partial and total failures, abort), `sideloadMedia`, `media`,
//! `deleteMedia` and `createPost`'s featured image, through the JS surface and the Rust API.
#![cfg(test)]
#![cfg(target_arch = "wasm32")]

mod browser;

use browser::*;
use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use wpcom_wasm::browser::{Client, ClientConfig};
use wpcom_wasm::core::media::MediaAttrs;
use wpcom_wasm::core::ErrorCode;
use wpcom_wasm::js::JsClient;

wasm_bindgen_test_configure!(run_in_browser);

/// Alice is an editor there; no other test file uploads to it.
const SITE: &str = "alice-archive.wordpress.com";

/// A real PNG, 1×1, red: the emulator checks an upload's bytes against its extension.
const RED_DOT: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
    0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x08, 0xd7, 0x63, 0xf8, 0xcf, 0xc0, 0x00,
    0x00, 0x03, 0x01, 0x01, 0x00, 0x18, 0xdd, 0x8d, 0xb0, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e,
    0x44, 0xae, 0x42, 0x60, 0x82,
];

#[wasm_bindgen(inline_js = r#"
export function blob(bytes, type, name) {
  return name == null ? new Blob([bytes], { type }) : new File([bytes], name, { type });
}
export function padded(bytes, size) {
  const out = new Uint8Array(size);
  out.set(bytes);
  return new Blob([out], { type: 'image/png' });
}
export async function fetchFile(url) {
  const r = await fetch(url);
  return { status: r.status, type: r.headers.get('content-type'), bytes: new Uint8Array(await r.arrayBuffer()) };
}
export function recorder() {
  const events = [];
  return { events, onProgress: (p) => events.push(p) };
}
export function abortMidUpload(controller) {
  const events = [];
  return { events, onProgress: (p) => { events.push(p); if (p.loaded < p.total) controller.abort(); } };
}
export function controller() { return new AbortController(); }
// Every item of an async iterable, or the error that ended it: `{ items, error }`.
export async function collect(iterable) {
  const items = [];
  try {
    for await (const item of iterable) items.push(item);
  } catch (error) {
    return { items, error };
  }
  return { items, error: null };
}
export function abortedSignal() { return AbortSignal.abort(); }
"#)]
extern "C" {
    fn blob(bytes: &[u8], mime_type: &str, name: Option<&str>) -> JsValue;
    fn padded(bytes: &[u8], size: u32) -> JsValue;
    async fn collect(iterable: JsValue) -> JsValue;
    #[wasm_bindgen(js_name = fetchFile)]
    async fn fetch_file(url: &str) -> JsValue;
    fn recorder() -> JsValue;
    #[wasm_bindgen(js_name = abortMidUpload)]
    fn abort_mid_upload(controller: &JsValue) -> JsValue;
    fn controller() -> JsValue;
    #[wasm_bindgen(js_name = abortedSignal)]
    fn aborted_signal() -> JsValue;
}

fn js(s: &str) -> JsValue {
    JsValue::from_str(s)
}

fn list(items: &[JsValue]) -> JsValue {
    items.iter().collect::<Array>().into()
}

async fn js_client(user: &str) -> JsClient {
    let token = mint(user, "1234").await;
    JsClient::new(object(&[("apiBase", js(EMULATOR)), ("token", js(&token))]))
        .unwrap_or_else(|e| panic!("{:?}", get(&e, "message")))
}

fn code(e: &JsValue) -> String {
    get(e, "code").as_string().unwrap_or_default()
}

/// The site's media items, read with `media()` (`number` per page), or the error that ended
/// the walk.
async fn all_media(client: &JsClient, per_page: u32) -> Result<Vec<JsValue>, JsValue> {
    let query = object(&[("number", per_page.into())]);
    let out = collect(client.media(js(SITE), query, JsValue::UNDEFINED)).await;
    let error = get(&out, "error");
    if !error.is_null() {
        return Err(error);
    }
    Ok(Array::from(&get(&out, "items")).iter().collect())
}

/// How many media items the site has now.
async fn media_count(client: &JsClient) -> f64 {
    all_media(client, 100).await.unwrap().len() as f64
}

fn items(value: &JsValue, key: &str) -> Vec<JsValue> {
    Array::from(&get(value, key)).iter().collect()
}

#[wasm_bindgen_test]
async fn an_uploaded_png_comes_back_byte_for_byte_with_progress_to_the_total() {
    let client = js_client("alice").await;
    let progress = recorder();
    let options = object(&[
        (
            "attrs",
            list(&[object(&[
                ("title", js("Red dot")),
                ("alt", js("One red pixel")),
            ])]),
        ),
        ("onProgress", get(&progress, "onProgress")),
    ]);
    // A Blob has no name: it is sent as its title with the extension of its type.
    let upload = client.upload_media(js(SITE), blob(RED_DOT, "image/png", None), options);
    let result = settle(upload).await.unwrap();
    assert!(items(&result, "errors").is_empty());
    let media = items(&result, "media");
    assert_eq!(media.len(), 1);
    let item = &media[0];
    assert!(get(item, "ID").as_f64().unwrap() > 0.0);
    assert_eq!(
        get(item, "mime_type").as_string().as_deref(),
        Some("image/png")
    );
    assert_eq!(get(item, "extension").as_string().as_deref(), Some("png"));
    assert_eq!(get(item, "title").as_string().as_deref(), Some("Red dot"));
    assert_eq!(
        get(item, "alt").as_string().as_deref(),
        Some("One red pixel")
    );
    assert_eq!(
        (get(item, "width").as_f64(), get(item, "height").as_f64()),
        (Some(1.0), Some(1.0))
    );
    assert!(get(item, "thumbnails").is_object());

    let url = get(item, "URL").as_string().unwrap();
    let file = fetch_file(&url).await;
    assert_eq!(get(&file, "status").as_f64(), Some(200.0));
    assert_eq!(get(&file, "type").as_string().as_deref(), Some("image/png"));
    assert_eq!(
        get(&file, "bytes").unchecked_into::<Uint8Array>().to_vec(),
        RED_DOT
    );

    // Progress in bytes of the request body (the multipart wrapping included), up to the total.
    let events: Vec<JsValue> = Array::from(&get(&progress, "events")).iter().collect();
    assert!(!events.is_empty(), "no progress event");
    let (loaded, total): (Vec<f64>, Vec<f64>) = events
        .iter()
        .map(|e| {
            (
                get(e, "loaded").as_f64().unwrap(),
                get(e, "total").as_f64().unwrap(),
            )
        })
        .unzip();
    assert!(loaded.windows(2).all(|w| w[0] < w[1]), "{loaded:?}");
    let last_total = *total.last().unwrap();
    assert_eq!(
        *loaded.last().unwrap(),
        last_total,
        "the last event reaches the total"
    );
    assert!(last_total > RED_DOT.len() as f64, "{last_total}");
}

#[wasm_bindgen_test]
async fn a_partial_failure_is_data_with_the_input_index() {
    let client = js_client("alice").await;
    let before = media_count(&client).await;
    let files = list(&[
        blob(RED_DOT, "image/png", Some("good.png")),
        blob(b"just text", "image/png", Some("notes.png")),
    ]);
    let result = settle(client.upload_media(js(SITE), files, JsValue::UNDEFINED))
        .await
        .unwrap();
    let media = items(&result, "media");
    assert_eq!(media.len(), 1);
    assert_eq!(
        get(&media[0], "file").as_string().as_deref(),
        Some("good.png")
    );
    // WordPress.com keys errors by input index: {"1": {…}} becomes a list keeping index 1.
    let errors = items(&result, "errors");
    assert_eq!(errors.len(), 1);
    assert_eq!(get(&errors[0], "index").as_f64(), Some(1.0));
    assert_eq!(
        get(&errors[0], "file").as_string().as_deref(),
        Some("notes.png")
    );
    assert_eq!(
        get(&errors[0], "error").as_string().as_deref(),
        Some("invalid_input")
    );
    assert_eq!(
        get(&errors[0], "message").as_string().as_deref(),
        Some("Invalid file type.")
    );
    assert_eq!(media_count(&client).await, before + 1.0);
}

#[wasm_bindgen_test]
async fn a_total_failure_rejects_and_creates_nothing() {
    let client = js_client("alice").await;
    let before = media_count(&client).await;
    let files = list(&[
        blob(b"a", "text/plain", Some("a.txt")),
        blob(b"b", "image/gif", Some("b.gif")),
    ]);
    let e = settle(client.upload_media(js(SITE), files, JsValue::UNDEFINED))
        .await
        .unwrap_err();
    assert_eq!(code(&e), "invalid_input");
    assert_eq!(get(&e, "status").as_f64(), Some(400.0));
    assert_eq!(
        get(&e, "message").as_string().as_deref(),
        Some("Invalid file type.")
    );
    assert_eq!(media_count(&client).await, before);
}

#[wasm_bindgen_test]
async fn an_aborted_upload_rejects_aborted_and_leaves_nothing_half_made() {
    let client = js_client("alice").await;
    let before = media_count(&client).await;
    // The emulator holds the request before reading its body, so 8 MB cannot all leave before
    // the first progress event aborts it.
    fault(r#"{"path":"/rest/v1.1/sites/alice-archive.wordpress.com/media/new","fault":{"kind":"delay","ms":1500}}"#)
        .await;
    let abort = controller();
    let progress = abort_mid_upload(&abort);
    let options = object(&[
        ("signal", get(&abort, "signal")),
        ("onProgress", get(&progress, "onProgress")),
        ("attrs", object(&[("title", js("Never"))])),
    ]);
    let e = settle(client.upload_media(js(SITE), padded(RED_DOT, 8 << 20), options))
        .await
        .unwrap_err();
    assert_eq!(code(&e), "aborted");
    let events = Array::from(&get(&progress, "events"));
    assert!(events.length() > 0, "aborted by the progress callback");
    sleep(2500).await;
    assert_eq!(media_count(&client).await, before, "nothing half-made");

    // A signal aborted before the call: nothing is sent.
    let options = object(&[("signal", aborted_signal())]);
    let e = settle(client.upload_media(js(SITE), blob(RED_DOT, "image/png", None), options))
        .await
        .unwrap_err();
    assert_eq!(code(&e), "aborted");
    assert_eq!(get(&e, "mayHaveReachedServer").as_bool(), Some(false));
}

#[wasm_bindgen_test]
async fn sideload_copies_a_url_and_reports_the_one_that_failed() {
    let client = js_client("alice").await;
    let uploaded = settle(client.upload_media(
        js(SITE),
        blob(RED_DOT, "image/png", Some("original.png")),
        JsValue::UNDEFINED,
    ))
    .await
    .unwrap();
    let url = get(&items(&uploaded, "media")[0], "URL");
    let urls = list(&[url, js("https://cdn.invalid/a.png")]);
    let options = object(&[("attrs", list(&[object(&[("title", js("Copy"))])]))]);
    let result = settle(client.sideload_media(js(SITE), urls, options))
        .await
        .unwrap();
    let media = items(&result, "media");
    assert_eq!(media.len(), 1);
    assert_eq!(get(&media[0], "title").as_string().as_deref(), Some("Copy"));
    let copy = fetch_file(&get(&media[0], "URL").as_string().unwrap()).await;
    assert_eq!(
        get(&copy, "bytes").unchecked_into::<Uint8Array>().to_vec(),
        RED_DOT
    );
    let errors = items(&result, "errors");
    assert_eq!(errors.len(), 1);
    assert_eq!(get(&errors[0], "index").as_f64(), Some(1.0));
    assert_eq!(
        get(&errors[0], "file").as_string().as_deref(),
        Some("https://cdn.invalid/a.png")
    );
    assert_eq!(
        get(&errors[0], "error").as_string().as_deref(),
        Some("http_request_failed")
    );
}

#[wasm_bindgen_test]
async fn media_pages_by_handle_and_delete_removes_for_good() {
    let client = js_client("alice").await;
    for name in ["one.png", "two.png", "three.png"] {
        let file = blob(RED_DOT, "image/png", Some(name));
        settle(client.upload_media(js(SITE), file, JsValue::UNDEFINED))
            .await
            .unwrap();
    }
    // Two per page: every item once, the same as in pages of 100.
    let ids = |items: Vec<JsValue>| -> Vec<f64> {
        items
            .iter()
            .map(|m| get(m, "ID").as_f64().unwrap())
            .collect()
    };
    let small = ids(all_media(&client, 2).await.unwrap());
    let mut unique = small.clone();
    unique.sort_by(f64::total_cmp);
    unique.dedup();
    assert_eq!(unique.len(), small.len(), "no item twice: {small:?}");
    assert_eq!(small, ids(all_media(&client, 100).await.unwrap()));
    let found = small.len() as f64;
    assert!(found >= 3.0, "{found}");

    let id = small[0];
    let deleted = settle(client.delete_media(js(SITE), id.into(), JsValue::UNDEFINED))
        .await
        .unwrap();
    assert_eq!(get(&deleted, "ID").as_f64(), Some(id));
    assert_eq!(
        get(&deleted, "status").as_string().as_deref(),
        Some("deleted")
    );
    assert_eq!(media_count(&client).await, found - 1.0);
    let again = settle(client.delete_media(js(SITE), id.into(), JsValue::UNDEFINED))
        .await
        .unwrap_err();
    assert_eq!(code(&again), "unknown_media");
    assert_eq!(get(&again, "status").as_f64(), Some(404.0));
}

#[wasm_bindgen_test]
async fn a_new_post_takes_an_uploaded_featured_image() {
    let client = js_client("alice").await;
    let uploaded = settle(client.upload_media(
        js(SITE),
        blob(RED_DOT, "image/png", Some("cover.png")),
        JsValue::UNDEFINED,
    ))
    .await
    .unwrap();
    let item = &items(&uploaded, "media")[0];
    let post = object(&[
        ("title", js("With a cover")),
        ("featured_image", get(item, "ID")),
    ]);
    let created = settle(client.create_post(js(SITE), post, JsValue::UNDEFINED))
        .await
        .unwrap();
    assert_eq!(get(&created, "featured_image"), get(item, "URL"));
}

#[wasm_bindgen_test]
async fn each_media_route_refuses_with_its_code() {
    let client = js_client("alice").await;
    let png = || blob(RED_DOT, "image/png", Some("a.png"));
    let none = JsValue::UNDEFINED;
    let cases: Vec<(&str, js_sys::Promise, &str, Option<f64>)> = vec![
        (
            "unknown site",
            client.upload_media(js("nowhere.wordpress.com"), png(), none.clone()),
            "unknown_blog",
            Some(404.0),
        ),
        (
            "no file",
            client.upload_media(js(SITE), list(&[]), none.clone()),
            "invalid_input",
            None,
        ),
        (
            "not a Blob",
            client.upload_media(js(SITE), list(&[js("a.png")]), none.clone()),
            "invalid_config",
            None,
        ),
        (
            "no files at all",
            client.upload_media(js(SITE), js("a.png"), none.clone()),
            "invalid_config",
            None,
        ),
        (
            "unknown attribute",
            client.upload_media(
                js(SITE),
                png(),
                object(&[("attrs", object(&[("titel", js("x"))]))]),
            ),
            "invalid_config",
            None,
        ),
        (
            "more attrs than files",
            client.upload_media(
                js(SITE),
                png(),
                object(&[("attrs", list(&[JsValue::NULL, JsValue::NULL]))]),
            ),
            "invalid_config",
            None,
        ),
        (
            "onProgress not a function",
            client.upload_media(js(SITE), png(), object(&[("onProgress", js("x"))])),
            "invalid_config",
            None,
        ),
        (
            "no URL",
            client.sideload_media(js(SITE), list(&[]), none.clone()),
            "invalid_input",
            None,
        ),
        (
            "a URL that is not text",
            client.sideload_media(js(SITE), list(&[1.into()]), none.clone()),
            "invalid_config",
            None,
        ),
        (
            "unknown media",
            client.delete_media(js(SITE), 999_999.into(), none.clone()),
            "unknown_media",
            Some(404.0),
        ),
        (
            "media ID 0",
            client.delete_media(js(SITE), 0.into(), none.clone()),
            "invalid_config",
            None,
        ),
    ];
    for (what, call, want, status) in cases {
        let e = settle(call).await.expect_err(what);
        assert_eq!(code(&e), want, "{what}: {:?}", get(&e, "message"));
        assert_eq!(get(&e, "status").as_f64(), status, "{what}");
    }
    // A page size WordPress.com refuses ends the walk with its error.
    let e = all_media(&client, 101).await.unwrap_err();
    assert_eq!(code(&e), "invalid_number", "{:?}", get(&e, "message"));
    assert_eq!(get(&e, "status").as_f64(), Some(400.0));
    // bob is a contributor on example.wordpress.com: he may not upload.
    let bob = js_client("bob").await;
    let e = settle(bob.upload_media(js("example.wordpress.com"), png(), JsValue::UNDEFINED))
        .await
        .unwrap_err();
    assert_eq!(code(&e), "unauthorized");
    assert_eq!(get(&e, "status").as_f64(), Some(403.0));
}

#[wasm_bindgen_test]
async fn the_rust_api_uploads_lists_sideloads_and_deletes() {
    let token = mint("alice", "1234").await;
    let client = Client::new(ClientConfig {
        token: Some(token),
        api_base: Some(EMULATOR.into()),
        ..Default::default()
    });
    let files: Vec<web_sys::Blob> = vec![
        blob(RED_DOT, "image/png", None).unchecked_into(),
        blob(b"not an image", "image/png", Some("bad.png")).unchecked_into(),
    ];
    let attrs = [MediaAttrs {
        title: Some("From Rust".into()),
        caption: Some("A caption".into()),
        ..MediaAttrs::default()
    }];
    let uploaded = client.upload_media(SITE, &files, &attrs).await.unwrap();
    assert_eq!(uploaded.media.len(), 1);
    let item = &uploaded.media[0];
    assert_eq!(
        (item.title.as_str(), item.caption.as_str()),
        ("From Rust", "A caption")
    );
    assert_eq!(item.file, "from-rust.png", "a Blob named from its title");
    assert_eq!(uploaded.errors.len(), 1);
    assert_eq!(
        (uploaded.errors[0].index, uploaded.errors[0].file.as_str()),
        (1, "bad.png")
    );

    let mut pages = client.media(SITE, &[("number", "100")]).unwrap();
    let page = pages.next_page().await.unwrap().expect("a first page");
    assert!(page.media.iter().any(|m| m.id == item.id));
    assert_eq!(page.found as usize, page.media.len());
    assert!(
        pages.next_page().await.unwrap().is_none(),
        "one page holds them all"
    );

    let sideloaded = client
        .sideload_media(SITE, &[item.url.as_str()], &[])
        .await
        .unwrap();
    assert_eq!(sideloaded.media.len(), 1);
    assert!(sideloaded.errors.is_empty());

    let deleted = client.delete_media(SITE, item.id).await.unwrap();
    assert_eq!(deleted.id, item.id);
    let gone = client.delete_media(SITE, item.id).await.unwrap_err();
    assert_eq!(gone.code, ErrorCode::Other("unknown_media".into()));
    let empty = client.upload_media(SITE, &[], &[]).await.unwrap_err();
    assert_eq!((empty.code, empty.status), (ErrorCode::InvalidInput, None));
}
