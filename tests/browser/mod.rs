//! Shared helpers of the browser tests: the emulator's control API, waits, JS snippets.
#![allow(dead_code)]

use js_sys::{Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The emulator that registered the test page's origin (set by scripts/wasm-test.sh).
pub const EMULATOR: &str = match option_env!("WPCOM_EMULATOR_URL") {
    Some(url) => url,
    None => "http://127.0.0.1:9090",
};

/// A second emulator started without the test page's origin: every API call is a CORS failure.
pub const EMULATOR_NO_CORS: &str = match option_env!("WPCOM_EMULATOR_NO_CORS_URL") {
    Some(url) => url,
    None => "http://127.0.0.1:9091",
};

/// Like [`EMULATOR`], but exposing `Retry-After` and the pagination headers to the page
/// (`--expose-headers`): WordPress.com is not known to.
pub const EMULATOR_EXPOSING: &str = match option_env!("WPCOM_EMULATOR_EXPOSING_URL") {
    Some(url) => url,
    None => "http://127.0.0.1:9092",
};

/// The redirect URI registered for app 1234 in the emulator's seed.
pub const REDIRECT_URI: &str = "http://127.0.0.1:8080/";

#[wasm_bindgen(inline_js = r#"
export function makeAdapter(asPromises) {
  const map = new Map();
  const wrap = (v) => asPromises ? new Promise((r) => setTimeout(() => r(v), 5)) : v;
  return {
    map,
    get(key) { return wrap(map.has(key) ? map.get(key) : null); },
    set(key, value) { map.set(key, value); return wrap(undefined); },
    remove(key) { map.delete(key); return wrap(undefined); },
  };
}
export function adapterValue(adapter, key) {
  const v = adapter.map.get(key);
  return v === undefined ? null : v;
}
export function dispatchStorageEvent(key, oldValue, newValue) {
  window.dispatchEvent(new StorageEvent('storage', { key, oldValue, newValue }));
}
export function isInstance(value, ctor) { return value instanceof ctor; }
export function errorCtor() { return Error; }
export function protoCtorName(value) { return Object.getPrototypeOf(value).constructor.name; }
// Iterates `iterable`: stops after `limit` items (0: no limit), queues `fault` (JSON, on `base`)
// after the first item, aborts `controller` after `abortAt` items. Never throws.
export async function walk(iterable, limit, base, fault, controller, abortAt) {
  const items = [];
  try {
    for await (const item of iterable) {
      items.push(item);
      if (items.length === 1 && fault) {
        await fetch(`${base}/_emulator/faults`, { method: 'POST', body: fault });
      }
      if (controller && items.length === abortAt) controller.abort();
      if (limit && items.length >= limit) break;
    }
  } catch (error) {
    return { items, error };
  }
  return { items, error: null };
}
"#)]
extern "C" {
    /// A JS storage adapter over a `Map`, sync or answering with Promises.
    pub fn makeAdapter(as_promises: bool) -> JsValue;
    /// What the adapter holds under `key`, or `null`.
    pub fn adapterValue(adapter: &JsValue, key: &str) -> JsValue;
    /// Fires a `storage` event as another tab's change would.
    pub fn dispatchStorageEvent(key: &str, old_value: Option<String>, new_value: Option<String>);
    /// `value instanceof ctor`.
    pub fn isInstance(value: &JsValue, ctor: &JsValue) -> bool;
    /// The global `Error`.
    pub fn errorCtor() -> JsValue;
    /// The name of the class whose prototype `value` has.
    pub fn protoCtorName(value: &JsValue) -> String;
    /// `{ items, error }` of a `for await` over `iterable`: at most `limit` items (0: all); a
    /// `fault` (JSON) queued on the emulator at `base` after the first; `controller` aborted
    /// after `abort_at` items. Never throws.
    pub async fn walk(
        iterable: JsValue,
        limit: u32,
        base: &str,
        fault: Option<String>,
        controller: Option<web_sys::AbortController>,
        abort_at: u32,
    ) -> JsValue;
}

/// `window`.
pub fn window() -> web_sys::Window {
    web_sys::window().expect("a page")
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let promise = Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("setTimeout");
    });
    JsFuture::from(promise).await.expect("timer");
}

/// POSTs `body` (JSON text) to the emulator's control API at `path` and returns the JSON.
pub async fn control(base: &str, path: &str, body: &str) -> JsValue {
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&JsValue::from_str(body));
    let url = format!("{base}{path}");
    let response = JsFuture::from(window().fetch_with_str_and_init(&url, &init))
        .await
        .expect("control API reachable");
    let response: web_sys::Response = response.unchecked_into();
    assert!(
        response.ok(),
        "control call {path} failed: {}",
        response.status()
    );
    JsFuture::from(response.json().expect("json"))
        .await
        .expect("control API answers JSON")
}

/// GETs the emulator's control API at `path`.
pub async fn control_get(base: &str, path: &str) -> JsValue {
    let url = format!("{base}{path}");
    let response = JsFuture::from(window().fetch_with_str(&url))
        .await
        .expect("control API reachable");
    let response: web_sys::Response = response.unchecked_into();
    JsFuture::from(response.json().expect("json"))
        .await
        .expect("control API answers JSON")
}

/// Mints a token on `base` for `user` and app `client_id`.
pub async fn mint_on(base: &str, user: &str, client_id: &str, expires_in: Option<u32>) -> String {
    let expires = expires_in.map_or("null".to_string(), |s| s.to_string());
    let body = format!(
        r#"{{"user":"{user}","client_id":"{client_id}","scope":"global","blog":null,"expires_in":{expires}}}"#
    );
    let minted = control(base, "/_emulator/tokens", &body).await;
    get(&minted, "access_token")
        .as_string()
        .expect("access_token")
}

/// Mints a token on the main emulator with `scope` (`""` for one blog) and `blog`.
pub async fn mint_scoped(user: &str, client_id: &str, scope: &str, blog: Option<&str>) -> String {
    let blog = blog.map_or("null".to_string(), |b| format!("\"{b}\""));
    let body =
        format!(r#"{{"user":"{user}","client_id":"{client_id}","scope":"{scope}","blog":{blog}}}"#);
    let minted = control(EMULATOR, "/_emulator/tokens", &body).await;
    get(&minted, "access_token")
        .as_string()
        .expect("access_token")
}

/// Mints a global token on the main emulator.
pub async fn mint(user: &str, client_id: &str) -> String {
    mint_on(EMULATOR, user, client_id, None).await
}

/// Queues a fault on the main emulator.
pub async fn fault(spec: &str) {
    control(EMULATOR, "/_emulator/faults", spec).await;
}

/// `object[key]`.
pub fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// A plain object from `(key, value)` pairs.
pub fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in pairs {
        Reflect::set(&object, &JsValue::from_str(key), value).expect("set");
    }
    object.into()
}

/// Awaits a Promise, giving its result or its rejection.
pub async fn settle(promise: Promise) -> Result<JsValue, JsValue> {
    JsFuture::from(promise).await
}

/// A client id no other test uses, so storage keys never collide.
pub fn unique_client_id(label: &str) -> String {
    format!("{label}-{}", js_sys::Math::random().to_bits())
}

/// `percent-encodes` a form value the way WordPress.com does in the fragment.
pub fn form_encode(s: &str) -> String {
    String::from(js_sys::encode_uri_component(s))
}

/// The `state` parameter of an authorize URL.
pub fn state_of(url: &str) -> String {
    let query = url.split_once('?').expect("query").1;
    query
        .split('&')
        .find_map(|p| p.strip_prefix("state="))
        .expect("state param")
        .to_string()
}
