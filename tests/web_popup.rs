//! The popup sign-in in a real browser, every way it ends: `window.open` is stubbed to hand out
//! a same-origin frame's window as "the popup" (a real `WindowProxy`, which a `MessageEvent`'s
//! `source` must be), and the callback's messages are dispatched as they would arrive. Also
//! `checkConnection`'s four statuses against the emulator, and a failure.
#![cfg(test)]
#![cfg(target_arch = "wasm32")]

mod browser;

use browser::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use wpcom_wasm::browser::site::{Connection, SiteAuth, SiteAuthConfig};
use wpcom_wasm::browser::{
    Auth, AuthConfig, Client, ClientConfig, PopupOptions, Storage, DEFAULT_POPUP_TIMEOUT_MS,
};
use wpcom_wasm::core::site::WordPressSite;
use wpcom_wasm::core::{ConnectionStatus, Error, ErrorCode, Token};
use wpcom_wasm::js::JsSiteAuth;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
export function stubOpen(popup) {
  window.__realOpen ??= window.open;
  window.__opened = [];
  window.open = (url) => { window.__opened.push(url); return popup; };
}
export function restoreOpen() { if (window.__realOpen) window.open = window.__realOpen; }
export function openedUrls() { return window.__opened.slice(); }
export function frameWindow() {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  return frame.contentWindow;
}
export function removeFrame(win) { win.frameElement.remove(); }
export function isClosed(win) { return win.closed; }
export function postFrom(source, origin, type, url) {
  window.dispatchEvent(new MessageEvent('message', { data: { type, url, id: url }, origin, source }));
}
export function postOnChannel(type, url) {
  const channel = new BroadcastChannel('wpcom-wasm:popup');
  channel.postMessage({ type, url, id: 'c1' });
  channel.close();
}
export function listenForTaken() {
  const channel = new BroadcastChannel('wpcom-wasm:popup');
  const taken = [];
  channel.onmessage = ({ data }) => data?.type === 'wpcom-wasm:popup-taken' && taken.push(data.id);
  return taken;
}
export function origin() { return location.origin; }
// The test runner's page sends COOP same-origin itself; this makes it answer as a page without.
export function pageWithoutCoop() {
  const real = window.fetch;
  window.fetch = (url, init) => url === location.href ? Promise.resolve(new Response('')) : real(url, init);
  return () => { window.fetch = real; };
}
export function pageSendsCoop() {
  return fetch(location.href).then((r) => r.headers.get('cross-origin-opener-policy'));
}
export function abortController() { return new AbortController(); }
// The state an Authorize Application URL carries inside its success_url.
export function connectState(url) {
  return new URL(new URL(url).searchParams.get('success_url')).searchParams.get('state');
}
"#)]
extern "C" {
    fn stubOpen(popup: &JsValue);
    fn restoreOpen();
    fn openedUrls() -> Vec<String>;
    fn frameWindow() -> JsValue;
    fn removeFrame(win: &JsValue);
    fn isClosed(win: &JsValue) -> bool;
    fn postFrom(source: &JsValue, origin: &str, kind: &str, url: &str);
    fn postOnChannel(kind: &str, url: &str);
    fn listenForTaken() -> js_sys::Array;
    fn origin() -> String;
    fn pageWithoutCoop() -> js_sys::Function;
    fn pageSendsCoop() -> js_sys::Promise;
    fn abortController() -> web_sys::AbortController;
    fn connectState(url: &str) -> String;
}

const MESSAGE: &str = "wpcom-wasm:popup";
const CALLBACK: &str = "http://127.0.0.1:8080/callback.html";

type Outcome = Rc<RefCell<Option<Result<Token, Error>>>>;

fn popup_auth() -> Auth {
    let mut config = AuthConfig::new(unique_client_id("popup"), CALLBACK);
    config.scope = Some("global".into());
    config.storage = Storage::Session;
    config.oauth_base = Some(EMULATOR.into());
    Auth::new(config).expect("valid config")
}

/// Starts a popup sign-in with `popup` as the window `window.open` gives; returns the outcome
/// slot and the state of the authorize URL it opened.
fn start(auth: &Auth, popup: &JsValue, options: PopupOptions) -> (Outcome, Option<String>) {
    stubOpen(popup);
    let outcome: Outcome = Rc::new(RefCell::new(None));
    let slot = outcome.clone();
    auth.sign_in_with_popup_then(options, Box::new(move |r| *slot.borrow_mut() = Some(r)));
    restoreOpen();
    let state = openedUrls().last().map(|url| state_of(url));
    (outcome, state)
}

fn token_url(state: &str, token: &str) -> String {
    format!("{CALLBACK}#access_token={token}&expires_in=3600&token_type=bearer&site_id=0&scope=global&state={state}")
}

/// Waits up to `ms` for the sign-in to end.
async fn settled(outcome: &Outcome, ms: i32) -> Option<Result<Token, Error>> {
    for _ in 0..(ms / 20) {
        if outcome.borrow().is_some() {
            break;
        }
        sleep(20).await;
    }
    outcome.borrow_mut().take()
}

fn code(result: Option<Result<Token, Error>>) -> ErrorCode {
    match result {
        Some(Err(e)) => e.code,
        Some(Ok(_)) => panic!("signed in"),
        None => panic!("still pending"),
    }
}

fn secret(result: Option<Result<Token, Error>>) -> String {
    match result {
        Some(Ok(token)) => token.access_token.secret().to_string(),
        other => panic!("no token: {:?}", other.map(|r| r.map(|_| ()))),
    }
}

#[wasm_bindgen_test]
async fn the_popup_s_own_answer_signs_in_is_acknowledged_and_uses_up_the_state() {
    let auth = popup_auth();
    let popup = frameWindow();
    let taken = listenForTaken();
    let (outcome, state) = start(&auth, &popup, PopupOptions::default());
    let state = state.expect("the popup was opened with the authorize URL");
    let opened = openedUrls();
    assert!(opened[0].starts_with(&format!("{EMULATOR}/oauth2/authorize?")));
    assert!(opened[0].contains(&format!("redirect_uri={}", form_encode(CALLBACK))));
    let answer = token_url(&state, "popup-token");
    postFrom(&popup, &origin(), MESSAGE, &answer);
    assert_eq!(secret(settled(&outcome, 1000).await), "popup-token");
    assert_eq!(
        auth.token().map(|t| t.access_token.secret().to_string()),
        Some("popup-token".into()),
        "stored like handleRedirect's"
    );
    sleep(50).await;
    let mine: Vec<_> = taken
        .iter()
        .filter(|id| id.as_string() == Some(answer.clone()))
        .collect();
    assert_eq!(mine.len(), 1, "the callback is told, once");
    // The same answer again is no sign-in: the state is used up (and nobody listens).
    assert_eq!(
        auth.handle_redirect(&token_url(&state, "popup-token"))
            .unwrap_err()
            .code,
        ErrorCode::StateMissing
    );
}

#[wasm_bindgen_test]
async fn the_answer_also_comes_over_the_channel_when_coop_cut_the_opener() {
    let auth = popup_auth();
    let (outcome, state) = start(&auth, &frameWindow(), PopupOptions::default());
    postOnChannel(MESSAGE, &token_url(&state.unwrap(), "channel-token"));
    assert_eq!(secret(settled(&outcome, 1000).await), "channel-token");
}

#[wasm_bindgen_test]
async fn blocked_when_window_open_gives_nothing() {
    let auth = popup_auth();
    let (outcome, _) = start(&auth, &JsValue::NULL, PopupOptions::default());
    let error = outcome
        .borrow_mut()
        .take()
        .expect("settled at once")
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::PopupBlocked);
    assert!(error.message.contains("click handler"), "{}", error.message);
}

#[wasm_bindgen_test]
async fn declining_in_the_popup_is_access_denied() {
    let auth = popup_auth();
    let popup = frameWindow();
    let (outcome, state) = start(&auth, &popup, PopupOptions::default());
    let url = format!(
        "{CALLBACK}#error=access_denied&error_description=You+declined&state={}",
        state.unwrap()
    );
    postFrom(&popup, &origin(), MESSAGE, &url);
    let error = settled(&outcome, 1000).await.unwrap().unwrap_err();
    assert_eq!(error.code, ErrorCode::AccessDenied);
    assert_eq!(error.message, "You declined");
    assert!(auth.token().is_none());
}

#[wasm_bindgen_test]
async fn another_origin_another_window_and_other_messages_are_ignored_not_fatal() {
    let auth = popup_auth();
    let popup = frameWindow();
    let other = frameWindow();
    let (outcome, state) = start(&auth, &popup, PopupOptions::default());
    let state = state.unwrap();
    let forged = token_url(&state, "forged");
    // The right state each time: only the origin and source checks stop these.
    postFrom(&popup, "http://evil.example", MESSAGE, &forged);
    postFrom(&other, &origin(), MESSAGE, &forged);
    postFrom(&JsValue::NULL, &origin(), MESSAGE, &forged);
    // The right window and origin, but not the callback's message.
    postFrom(&popup, &origin(), "something-else", &forged);
    postFrom(
        &popup,
        &origin(),
        MESSAGE,
        "http://127.0.0.1:8080/callback.html#nothing=here",
    );
    sleep(100).await;
    assert!(outcome.borrow().is_none(), "still waiting");
    assert!(auth.token().is_none(), "nothing stored");
    postFrom(&popup, &origin(), MESSAGE, &token_url(&state, "real"));
    assert_eq!(secret(settled(&outcome, 1000).await), "real");
}

#[wasm_bindgen_test]
async fn a_replayed_or_foreign_state_is_ignored_and_the_real_answer_still_lands() {
    let auth = popup_auth();
    let popup = frameWindow();
    let (first, old_state) = start(&auth, &popup, PopupOptions::default());
    let old_state = old_state.unwrap();
    postFrom(&popup, &origin(), MESSAGE, &token_url(&old_state, "first"));
    assert_eq!(secret(settled(&first, 1000).await), "first");

    let (second, state) = start(&auth, &popup, PopupOptions::default());
    // A replay of the first sign-in's answer, and another tab's sign-in over the channel.
    postFrom(
        &popup,
        &origin(),
        MESSAGE,
        &token_url(&old_state, "replayed"),
    );
    postOnChannel(MESSAGE, &token_url("another-tabs-state", "theirs"));
    sleep(100).await;
    assert!(second.borrow().is_none(), "neither ends this sign-in");
    assert_eq!(
        auth.token().map(|t| t.access_token.secret().to_string()),
        Some("first".into())
    );
    postFrom(
        &popup,
        &origin(),
        MESSAGE,
        &token_url(&state.unwrap(), "second"),
    );
    assert_eq!(secret(settled(&second, 1000).await), "second");
}

#[wasm_bindgen_test]
async fn closing_the_popup_is_popup_closed() {
    let auth = popup_auth();
    let popup = frameWindow();
    let restore = pageWithoutCoop();
    let (outcome, _) = start(&auth, &popup, PopupOptions::default());
    removeFrame(&popup);
    assert!(isClosed(&popup));
    // One poll sees it closed, the page's COOP is asked (none), one more poll of grace.
    let result = settled(&outcome, 3000).await;
    restore.call0(&JsValue::NULL).unwrap();
    assert_eq!(code(result), ErrorCode::PopupClosed);
}

#[wasm_bindgen_test]
async fn under_coop_a_popup_that_reads_closed_is_waited_for() {
    // This page sends COOP same-origin (the test runner's), where a popup showing another
    // origin reads as closed although it is not: only the answer, the time limit or the
    // signal end the sign-in.
    let coop = wasm_bindgen_futures::JsFuture::from(pageSendsCoop())
        .await
        .unwrap();
    assert_eq!(coop.as_string().as_deref(), Some("same-origin"));
    let auth = popup_auth();
    let popup = frameWindow();
    let (outcome, state) = start(&auth, &popup, PopupOptions::default());
    removeFrame(&popup);
    sleep(1600).await;
    assert!(outcome.borrow().is_none(), "not popup_closed under COOP");
    postOnChannel(MESSAGE, &token_url(&state.unwrap(), "coop-token"));
    assert_eq!(secret(settled(&outcome, 1000).await), "coop-token");
}

#[wasm_bindgen_test]
async fn the_time_limit_is_timeout_and_the_default_is_five_minutes() {
    assert_eq!(DEFAULT_POPUP_TIMEOUT_MS, 300_000);
    let auth = popup_auth();
    let options = PopupOptions {
        timeout_ms: Some(100),
        ..Default::default()
    };
    let (outcome, _) = start(&auth, &frameWindow(), options);
    sleep(30).await;
    assert!(outcome.borrow().is_none());
    assert_eq!(code(settled(&outcome, 1000).await), ErrorCode::Timeout);
}

#[wasm_bindgen_test]
async fn the_signal_aborts_and_an_aborted_one_opens_nothing() {
    let auth = popup_auth();
    let controller = abortController();
    let options = PopupOptions {
        signal: Some(controller.signal()),
        ..Default::default()
    };
    let (outcome, _) = start(&auth, &frameWindow(), options.clone());
    assert!(outcome.borrow().is_none());
    controller.abort();
    assert_eq!(code(settled(&outcome, 1000).await), ErrorCode::Aborted);

    let (outcome, state) = start(&auth, &frameWindow(), options);
    assert_eq!(state, None, "no window opened");
    assert_eq!(code(outcome.borrow_mut().take()), ErrorCode::Aborted);
}

#[wasm_bindgen_test]
async fn the_rust_future_opens_the_window_before_it_is_polled() {
    let auth = popup_auth();
    let popup = frameWindow();
    stubOpen(&popup);
    let future = auth.sign_in_with_popup(PopupOptions::default());
    restoreOpen();
    let state = state_of(openedUrls().last().expect("opened at once"));
    postFrom(&popup, &origin(), MESSAGE, &token_url(&state, "rust"));
    let token = future.await.expect("signed in");
    assert_eq!(token.access_token.secret(), "rust");
}

// checkConnection

fn checking(token: Option<String>) -> Client {
    Client::new(ClientConfig {
        token,
        api_base: Some(EMULATOR.into()),
        oauth_base: Some(EMULATOR.into()),
        client_id: Some("1234".into()),
        ..Default::default()
    })
}

#[wasm_bindgen_test]
async fn check_connection_connected_with_the_token_info_details() {
    let token = mint("alice", "1234").await;
    let connection = checking(Some(token))
        .check_connection()
        .await
        .unwrap()
        .unwrap();
    assert_eq!(connection.status, ConnectionStatus::Connected);
    assert!(connection.user_id.is_some_and(|id| id > 0));
    assert_eq!(connection.blog_id, None, "a global token");
    assert_eq!(connection.scope, vec!["global".to_string()]);
}

#[wasm_bindgen_test]
async fn check_connection_foreign_for_another_app_s_live_token() {
    let token = mint("alice", "5678").await;
    let connection = checking(Some(token))
        .check_connection()
        .await
        .unwrap()
        .unwrap();
    assert_eq!(connection.status, ConnectionStatus::Foreign);
    assert!(connection.user_id.is_some(), "/me said whose it is");
}

#[wasm_bindgen_test]
async fn check_connection_revoked_for_a_token_the_server_refuses() {
    // Refused by WordPress.com: one it never issued, and one that ended on its side.
    let connection = checking(Some("not-a-token".into()))
        .check_connection()
        .await
        .unwrap()
        .unwrap();
    assert_eq!(connection.status, ConnectionStatus::Revoked);
    let ended = mint_on(EMULATOR, "alice", "1234", Some(1)).await;
    sleep(2100).await;
    let connection = checking(Some(ended))
        .check_connection()
        .await
        .unwrap()
        .unwrap();
    assert_eq!(connection.status, ConnectionStatus::Revoked);
}

#[wasm_bindgen_test]
async fn check_connection_expired_from_the_stored_expiry_and_none_without_a_token() {
    let id = unique_client_id("check");
    let mut config = AuthConfig::new(id.as_str(), REDIRECT_URI);
    config.storage = Storage::Session;
    config.oauth_base = Some(EMULATOR.into());
    let auth = Auth::new(config).unwrap();
    let client = Client::new(ClientConfig {
        auth: Some(auth.clone()),
        api_base: Some(EMULATOR_NO_CORS.into()),
        ..Default::default()
    });
    assert_eq!(client.check_connection().await.unwrap(), None, "no token");
    let storage = window().session_storage().unwrap().unwrap();
    let stored = "v=1&access_token=old&token_type=bearer&expires_at=1000&site_id=77&scope=posts";
    storage
        .set_item(&format!("wpcom-wasm:{id}:token"), stored)
        .unwrap();
    // The API base refuses this origin: an answer from it would be `network`, not `expired`.
    let connection = client.check_connection().await.unwrap().unwrap();
    assert_eq!(connection.status, ConnectionStatus::Expired);
    assert_eq!(
        (connection.user_id, connection.blog_id, connection.scope),
        (None, Some(77), vec!["posts".to_string()])
    );
    assert!(auth.token().is_none(), "dropped, as token() does");
    assert_eq!(client.check_connection().await.unwrap(), None);
}

#[wasm_bindgen_test]
async fn check_connection_throws_for_a_network_failure() {
    let token = mint("alice", "1234").await;
    let client = Client::new(ClientConfig {
        token: Some(token),
        api_base: Some(EMULATOR_NO_CORS.into()),
        oauth_base: Some(EMULATOR_NO_CORS.into()),
        client_id: Some("1234".into()),
        ..Default::default()
    });
    let error = client.check_connection().await.unwrap_err();
    assert_eq!(error.code, ErrorCode::Network);
}

// The JavaScript surface: `signInWithPopup`, `checkConnection`, `signInWithExtension`.

fn strings(value: &JsValue) -> Vec<String> {
    js_sys::Array::from(value)
        .iter()
        .filter_map(|v| v.as_string())
        .collect()
}

fn js_auth(client_id: &str) -> wpcom_wasm::js::JsAuth {
    wpcom_wasm::js::JsAuth::new(object(&[
        ("clientId", JsValue::from_str(client_id)),
        ("redirectUri", JsValue::from_str(CALLBACK)),
        ("storage", JsValue::from_str("memory")),
        ("oauthBase", JsValue::from_str(EMULATOR)),
    ]))
    .unwrap_or_else(|e| panic!("{:?}", get(&e, "message")))
}

#[wasm_bindgen_test]
async fn js_sign_in_with_popup_resolves_a_token_and_a_huge_time_limit_waits() {
    let auth = js_auth(&unique_client_id("js-popup"));
    let popup = frameWindow();
    stubOpen(&popup);
    // Past 2^31-1 ms a browser timer fires at once: the limit is clamped, so this one waits.
    let promise = auth.sign_in_with_popup(object(&[("timeoutMs", JsValue::from_f64(1e12))]));
    restoreOpen();
    let state = state_of(openedUrls().last().unwrap());
    sleep(50).await;
    postFrom(&popup, &origin(), MESSAGE, &token_url(&state, "js-token"));
    let token = settle(promise).await.expect("signed in");
    assert_eq!(
        get(&token, "accessToken").as_string().as_deref(),
        Some("js-token")
    );
    assert_eq!(strings(&get(&token, "scope")), ["global"]);

    let bad = settle(auth.sign_in_with_popup(object(&[("timeoutMs", "soon".into())]))).await;
    assert_eq!(
        get(&bad.unwrap_err(), "code").as_string().as_deref(),
        Some("invalid_config")
    );
}

#[wasm_bindgen_test]
async fn js_check_connection_is_an_object_or_null() {
    let token = mint("alice", "1234").await;
    let client = wpcom_wasm::js::JsClient::new(object(&[
        ("token", token.into()),
        ("apiBase", EMULATOR.into()),
        ("oauthBase", EMULATOR.into()),
        ("clientId", "1234".into()),
    ]))
    .unwrap();
    let connection = settle(client.check_connection(JsValue::UNDEFINED))
        .await
        .unwrap();
    assert_eq!(
        get(&connection, "status").as_string().as_deref(),
        Some("connected")
    );
    assert!(get(&connection, "userId")
        .as_f64()
        .is_some_and(|id| id > 0.0));
    assert!(get(&connection, "blogId").is_null());
    assert_eq!(strings(&get(&connection, "scope")), ["global"]);

    let signed_out = wpcom_wasm::js::JsClient::new(object(&[("clientId", "1234".into())])).unwrap();
    let none = settle(signed_out.check_connection(JsValue::UNDEFINED))
        .await
        .unwrap();
    assert!(none.is_null(), "no token: null, nothing sent");
}

#[wasm_bindgen_test]
async fn js_sign_in_with_extension_outside_an_extension_is_unsupported() {
    let auth = js_auth(&unique_client_id("js-ext"));
    let error = settle(auth.sign_in_with_extension(JsValue::UNDEFINED))
        .await
        .unwrap_err();
    assert_eq!(
        get(&error, "code").as_string().as_deref(),
        Some("unsupported")
    );
    // And without a redirect URI outside an extension, there is none to default to.
    let missing = wpcom_wasm::js::JsAuth::new(object(&[("clientId", "1".into())]))
        .err()
        .unwrap();
    assert_eq!(
        get(&missing, "code").as_string().as_deref(),
        Some("invalid_config")
    );
    let storage = wpcom_wasm::js::JsAuth::new(object(&[
        ("clientId", "1".into()),
        ("redirectUri", CALLBACK.into()),
        ("storage", "extension".into()),
    ]))
    .err()
    .unwrap();
    assert_eq!(
        get(&storage, "code").as_string().as_deref(),
        Some("unsupported")
    );
}

// The same popup connecting a WordPress site with an application password (SiteAuth): the
// callback page forwards Authorize Application's redirect instead of OAuth's.

const SITE: &str = "http://127.0.0.1:8881";
const APP_PASSWORD: &str = "abcd EFGH 1234 ijkl MNOP 5678";

fn site_auth() -> SiteAuth {
    let mut config = SiteAuthConfig::new(
        "Popup test",
        "0f8a3c1e-5b7d-4e2a-9c6f-1d2e3f4a5b6c",
        CALLBACK,
    );
    config.storage = Storage::Memory;
    config.site = Some(WordPressSite {
        api_root: format!("{SITE}/wp-json/"),
        authorization_url: format!("{SITE}/wp-admin/authorize-application.php"),
        url: SITE.into(),
        home: SITE.into(),
        ..Default::default()
    });
    SiteAuth::new(config).expect("valid config")
}

/// What `authorize-application.php` appends to the success URL on approval (after the `#` the
/// client added), for the site `site_url`.
fn approved_url(state: &str, site_url: &str) -> String {
    format!(
        "{CALLBACK}?state={state}#&site_url={}&user_login=alice&password={}",
        form_encode(site_url),
        form_encode(APP_PASSWORD).replace('+', "%20")
    )
}

type Connected = Rc<RefCell<Option<Result<Connection, Error>>>>;

/// Starts a popup connection with `popup` as what `window.open` gives; the outcome slot.
fn start_connect(auth: &SiteAuth, popup: &JsValue) -> Connected {
    stubOpen(popup);
    let outcome: Connected = Rc::new(RefCell::new(None));
    let slot = outcome.clone();
    auth.sign_in_with_popup_then(
        PopupOptions::default(),
        Box::new(move |r| *slot.borrow_mut() = Some(r)),
    );
    restoreOpen();
    outcome
}

/// Starts a popup connection with `popup` as the window; the outcome slot and the state.
fn connect(auth: &SiteAuth, popup: &JsValue) -> (Connected, String) {
    let outcome = start_connect(auth, popup);
    let opened = openedUrls();
    assert!(opened[0].starts_with(&format!("{SITE}/wp-admin/authorize-application.php?")));
    (outcome, connectState(&opened[0]))
}

async fn connected(outcome: &Connected) -> Result<Connection, Error> {
    for _ in 0..50 {
        if let Some(result) = outcome.borrow_mut().take() {
            return result;
        }
        sleep(20).await;
    }
    panic!("still pending")
}

#[wasm_bindgen_test]
async fn an_application_password_comes_through_the_popup_only_with_its_own_state() {
    let auth = site_auth();
    let popup = frameWindow();
    let taken = listenForTaken();
    let (outcome, state) = connect(&auth, &popup);
    // Another connection's answer, one from another origin, and an OAuth answer: ignored.
    postOnChannel(MESSAGE, &approved_url("another-tabs-state", SITE));
    postFrom(
        &popup,
        "http://evil.example",
        MESSAGE,
        &approved_url(&state, SITE),
    );
    postFrom(&popup, &origin(), MESSAGE, &token_url(&state, "oauth"));
    sleep(100).await;
    assert!(outcome.borrow().is_none(), "still waiting");
    assert!(auth.credentials().is_none(), "nothing stored");

    let answer = approved_url(&state, SITE);
    postFrom(&popup, &origin(), MESSAGE, &answer);
    let connection = connected(&outcome).await.expect("connected");
    assert_eq!(
        (connection.site_url.as_str(), connection.user_login.as_str()),
        (SITE, "alice")
    );
    assert_eq!(connection.api_root, format!("{SITE}/wp-json/"));
    let stored = auth.credentials().expect("the password is stored");
    assert_eq!(stored.password.secret(), APP_PASSWORD);
    sleep(50).await;
    let told = taken
        .iter()
        .filter(|id| id.as_string() == Some(answer.clone()));
    assert_eq!(told.count(), 1, "the callback is told, once");
}

#[wasm_bindgen_test]
async fn a_popup_connection_is_refused_like_a_redirect() {
    // "No thanks": WordPress sends the user to reject_url (here success_url) with success=false.
    let auth = site_auth();
    let popup = frameWindow();
    let (outcome, state) = connect(&auth, &popup);
    postOnChannel(MESSAGE, &format!("{CALLBACK}?state={state}&success=false#"));
    assert_eq!(
        connected(&outcome).await.unwrap_err().code,
        ErrorCode::AccessDenied
    );

    // Another site's name in the answer is site_mismatch, and nothing is stored.
    let (outcome, state) = connect(&auth, &popup);
    postFrom(
        &popup,
        &origin(),
        MESSAGE,
        &approved_url(&state, "http://127.0.0.1:9999"),
    );
    assert_eq!(
        connected(&outcome).await.unwrap_err().code,
        ErrorCode::SiteMismatch
    );
    assert!(auth.credentials().is_none());

    // Blocked: the message names the call to make in the click handler.
    let outcome = start_connect(&auth, &JsValue::NULL);
    let error = outcome.borrow_mut().take().expect("at once").unwrap_err();
    assert_eq!(error.code, ErrorCode::PopupBlocked);
    assert!(
        error.message.contains("signInWithPopup"),
        "{}",
        error.message
    );
}

#[wasm_bindgen_test]
async fn js_site_auth_sign_in_with_popup_resolves_the_connection() {
    let site = object(&[
        ("apiRoot", format!("{SITE}/wp-json/").into()),
        (
            "authorizationUrl",
            format!("{SITE}/wp-admin/authorize-application.php").into(),
        ),
        ("url", SITE.into()),
        ("name", "Local".into()),
    ]);
    let auth = JsSiteAuth::new(object(&[
        ("site", site),
        ("appName", "Popup test".into()),
        ("appId", "0f8a3c1e-5b7d-4e2a-9c6f-1d2e3f4a5b6c".into()),
        ("successUrl", CALLBACK.into()),
        ("storage", "memory".into()),
    ]))
    .unwrap_or_else(|e| panic!("{:?}", get(&e, "message")));
    let popup = frameWindow();
    stubOpen(&popup);
    let promise = auth.sign_in_with_popup(JsValue::UNDEFINED);
    restoreOpen();
    let state = connectState(openedUrls().last().unwrap());
    postFrom(&popup, &origin(), MESSAGE, &approved_url(&state, SITE));
    let connection = settle(promise).await.expect("connected");
    assert_eq!(
        get(&connection, "userLogin").as_string().as_deref(),
        Some("alice")
    );
    assert_eq!(
        get(&connection, "siteUrl").as_string().as_deref(),
        Some(SITE)
    );
    assert!(
        get(&connection, "password").is_undefined(),
        "no password in the result"
    );
    assert_eq!(
        get(&auth.connection(), "userLogin").as_string().as_deref(),
        Some("alice")
    );

    // The Rust future opens the window before it is polled, as Auth's does.
    let rust = site_auth();
    stubOpen(&popup);
    let future = rust.sign_in_with_popup(PopupOptions::default());
    restoreOpen();
    let state = connectState(openedUrls().last().unwrap());
    postFrom(&popup, &origin(), MESSAGE, &approved_url(&state, SITE));
    assert_eq!(future.await.expect("connected").user_login, "alice");
}
