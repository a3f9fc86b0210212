//! `Auth` in a real browser: state handling, the redirect, scrubbing, storage backends, expiry
//! and the session hooks.
#![cfg(test)]
#![cfg(target_arch = "wasm32")]

mod browser;

use browser::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use wpcom_wasm::browser::{Auth, AuthConfig, SignOutReason, Storage};
use wpcom_wasm::core::{AccessToken, ErrorCode, Token};

wasm_bindgen_test_configure!(run_in_browser);

fn auth_with(storage: Storage, client_id: &str) -> Auth {
    let mut config = AuthConfig::new(client_id, REDIRECT_URI);
    config.scope = Some("global".into());
    config.storage = storage;
    config.oauth_base = Some(EMULATOR.into());
    Auth::new(config).expect("valid config")
}

fn redirect(state: &str, token: &str, expires_in: u32) -> String {
    format!(
        "{REDIRECT_URI}#access_token={}&expires_in={expires_in}&token_type=bearer&site_id=0&scope=global&state={state}",
        form_encode(token)
    )
}

fn session_item(key: &str) -> Option<String> {
    window()
        .session_storage()
        .unwrap()
        .unwrap()
        .get_item(key)
        .unwrap()
}

#[wasm_bindgen_test]
fn authorize_url_stores_a_fresh_state_before_returning() {
    let id = unique_client_id("authz");
    let auth = auth_with(Storage::Session, &id);
    let url = auth.authorize_url().unwrap();
    assert!(
        url.starts_with(&format!("{EMULATOR}/oauth2/authorize?")),
        "{url}"
    );
    assert!(url.contains("response_type=token"));
    assert!(url.contains(&format!("client_id={id}")));
    let state = state_of(&url);
    assert_eq!(state.len(), 43, "256 bits as base64url");
    let key = format!("wpcom-wasm:{id}:state");
    let stored = session_item(&key).unwrap_or_default();
    assert!(stored.starts_with(&format!("{state}:")), "{stored}");
    let again = state_of(&auth.authorize_url().unwrap());
    assert_ne!(again, state, "each flow gets its own state");
    let stored = session_item(&key).unwrap_or_default();
    assert!(
        stored.contains(&state) && stored.contains(&again),
        "both sign-ins pending: {stored}"
    );
}

#[wasm_bindgen_test]
fn login_only_apps_use_the_authenticate_endpoint() {
    let mut config = AuthConfig::new(unique_client_id("login"), REDIRECT_URI);
    config.login = true;
    config.storage = Storage::Memory;
    let url = Auth::new(config).unwrap().authorize_url().unwrap();
    assert!(
        url.starts_with("https://public-api.wordpress.com/oauth2/authenticate?"),
        "{url}"
    );
}

#[wasm_bindgen_test]
fn redirect_with_the_stored_state_gives_the_token_and_consumes_the_state() {
    let id = unique_client_id("redirect");
    let auth = auth_with(Storage::Session, &id);
    let state = state_of(&auth.authorize_url().unwrap());
    let before = js_sys::Date::now();
    let url = redirect(&state, "t0k#$^@)!*en", 3600);
    let token = auth.handle_redirect(&url).unwrap().expect("a token");
    assert_eq!(token.access_token.secret(), "t0k#$^@)!*en");
    let expires_at = token.expires_at.expect("absolute expiry");
    assert!(expires_at >= before + 3_600_000.0 && expires_at <= js_sys::Date::now() + 3_600_000.0);
    assert_eq!(token.scope, vec!["global".to_string()]);
    assert_eq!(
        auth.token()
            .map(|t| t.access_token.secret().to_string())
            .as_deref(),
        Some("t0k#$^@)!*en")
    );
    assert!(session_item(&format!("wpcom-wasm:{id}:token")).is_some());
    assert_eq!(
        session_item(&format!("wpcom-wasm:{id}:state")),
        None,
        "state consumed"
    );

    let replay = auth.handle_redirect(&url).unwrap_err();
    assert_eq!(
        replay.code,
        ErrorCode::StateMissing,
        "a replayed redirect is refused"
    );
}

#[wasm_bindgen_test]
fn missing_and_mismatched_state_are_distinct_errors() {
    let auth = auth_with(Storage::Session, &unique_client_id("states"));
    let never_started = auth
        .handle_redirect(&redirect("abc", "tok", 60))
        .unwrap_err();
    assert_eq!(never_started.code, ErrorCode::StateMissing);

    let state = state_of(&auth.authorize_url().unwrap());
    let other_flow = auth
        .handle_redirect(&redirect("another-flow", "tok", 60))
        .unwrap_err();
    assert_eq!(other_flow.code, ErrorCode::StateMismatch);
    assert!(auth.token().is_none());
    // A state that matches none leaves the pending one alone: the genuine redirect follows.
    let genuine = auth.handle_redirect(&redirect(&state, "tok", 60)).unwrap();
    assert_eq!(
        genuine
            .map(|t| t.access_token.secret().to_string())
            .as_deref(),
        Some("tok")
    );
}

fn local_storage_item(key: &str) -> Option<String> {
    window()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item(key)
        .unwrap()
}

#[wasm_bindgen_test]
fn two_sign_ins_in_flight_both_complete() {
    // Two `Auth`s of one app sharing `localStorage` (two tabs, or a popup beside a redirect):
    // B's authorize URL used to overwrite A's state, A then failed and cleared B's.
    let id = unique_client_id("two-tabs");
    let a = auth_with(Storage::Local, &id);
    let b = auth_with(Storage::Local, &id);
    let state_a = state_of(&a.authorize_url().unwrap());
    let state_b = state_of(&b.authorize_url().unwrap());
    // Pending states stay in the tab (sessionStorage); the token is shared (localStorage).
    assert_eq!(local_storage_item(&format!("wpcom-wasm:{id}:state")), None);
    let forged = a
        .handle_redirect(&redirect("forged", "evil", 60))
        .unwrap_err();
    assert_eq!(forged.code, ErrorCode::StateMismatch);
    let token_a = a.handle_redirect(&redirect(&state_a, "tok-a", 60)).unwrap();
    assert!(token_a.is_some());
    let token_b = b.handle_redirect(&redirect(&state_b, "tok-b", 60)).unwrap();
    assert!(token_b.is_some());
    assert!(local_storage_item(&format!("wpcom-wasm:{id}:token")).is_some());
    // Each state was single-use.
    for state in [&state_a, &state_b] {
        let again = a.handle_redirect(&redirect(state, "x", 60)).unwrap_err();
        assert_eq!(again.code, ErrorCode::StateMissing);
    }
    a.sign_out();
}

#[wasm_bindgen_test]
fn a_denial_without_state_is_access_denied_with_its_description() {
    let auth = auth_with(Storage::Session, &unique_client_id("denied-no-state"));
    let pending = state_of(&auth.authorize_url().unwrap());
    let err = auth
        .handle_redirect(&format!(
            "{REDIRECT_URI}?error=access_denied&error_description=You+need+to+log+in"
        ))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::AccessDenied);
    assert_eq!(err.message, "You need to log in");
    // It granted nothing and consumed nothing: the pending sign-in can still complete.
    assert!(auth
        .handle_redirect(&redirect(&pending, "tok", 60))
        .unwrap()
        .is_some());
}

#[wasm_bindgen_test]
fn state_missing_in_a_popup_says_to_hand_the_url_to_the_opener() {
    let auth = auth_with(Storage::Memory, &unique_client_id("popup-hint"));
    let plain = auth
        .handle_redirect(&redirect("abc", "tok", 60))
        .unwrap_err();
    assert_eq!(plain.code, ErrorCode::StateMissing);
    assert!(!plain.message.contains("opener"), "{}", plain.message);
    // A window opened by another has `opener` (replaceable, so a test can set it).
    let window = JsValue::from(window());
    js_sys::Reflect::set(&window, &"opener".into(), &js_sys::Object::new()).unwrap();
    let in_popup = auth
        .handle_redirect(&redirect("abc", "tok", 60))
        .unwrap_err();
    js_sys::Reflect::set(&window, &"opener".into(), &JsValue::NULL).unwrap();
    assert_eq!(in_popup.code, ErrorCode::StateMissing);
    assert!(
        in_popup.message.contains("popup") && in_popup.message.contains("handleRedirect"),
        "{}",
        in_popup.message
    );
}

#[wasm_bindgen_test]
fn error_redirect_becomes_access_denied() {
    let auth = auth_with(Storage::Memory, &unique_client_id("denied"));
    let state = state_of(&auth.authorize_url().unwrap());
    let url = format!(
        "{REDIRECT_URI}#error=access_denied&error_description=You+need+to+log+in&state={state}"
    );
    let err = auth.handle_redirect(&url).unwrap_err();
    assert_eq!(err.code, ErrorCode::AccessDenied);
    assert_eq!(err.message, "You need to log in");
}

#[wasm_bindgen_test]
fn duplicate_access_token_keys_are_refused() {
    let auth = auth_with(Storage::Memory, &unique_client_id("dup"));
    let state = state_of(&auth.authorize_url().unwrap());
    let url = format!("{}&access_token=evil", redirect(&state, "good", 60));
    assert_eq!(
        auth.handle_redirect(&url).unwrap_err().code,
        ErrorCode::BadRedirect
    );
    assert!(auth.token().is_none());
}

#[wasm_bindgen_test]
fn a_page_without_oauth_data_is_left_alone() {
    let id = unique_client_id("plain");
    let auth = auth_with(Storage::Session, &id);
    auth.authorize_url().unwrap();
    assert!(auth
        .handle_redirect("http://127.0.0.1:8080/?page=2#section")
        .unwrap()
        .is_none());
    assert!(
        session_item(&format!("wpcom-wasm:{id}:state")).is_some(),
        "state kept"
    );
}

#[wasm_bindgen_test]
fn redirect_scrubs_the_address_bar_without_a_new_history_entry() {
    let auth = auth_with(Storage::Memory, &unique_client_id("scrub"));
    let state = state_of(&auth.authorize_url().unwrap());
    let location = window().location();
    let history = window().history().unwrap();
    let page = location.href().unwrap();
    let base = page.split('#').next().unwrap().to_string();
    let with_token = format!(
        "{base}#access_token=secret-in-url&expires_in=60&token_type=bearer&site_id=0&scope=global&state={state}"
    );
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(&with_token))
        .unwrap();
    let length = history.length().unwrap();

    let token = auth.handle_redirect(&location.href().unwrap()).unwrap();
    assert!(token.is_some());
    let now = location.href().unwrap();
    assert!(
        !now.contains("secret-in-url"),
        "token left in the address bar: {now}"
    );
    assert_eq!(location.hash().unwrap(), "");
    assert_eq!(now, base);
    assert_eq!(history.length().unwrap(), length, "no history entry added");
}

/// Puts `fragment` in the address bar (no new history entry), runs `handle_redirect` on it and
/// returns the outcome and the address after it; the page's own address comes back after.
fn redirect_in_address_bar(
    auth: &Auth,
    fragment: &str,
) -> (Result<Option<Token>, wpcom_wasm::core::Error>, String) {
    let location = window().location();
    let history = window().history().unwrap();
    let page = location.href().unwrap();
    let base = page.split('#').next().unwrap().to_string();
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(&format!("{base}{fragment}")))
        .unwrap();
    let length = history.length().unwrap();
    let outcome = auth.handle_redirect(&location.href().unwrap());
    let now = location.href().unwrap();
    assert_eq!(history.length().unwrap(), length, "no history entry added");
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(&page))
        .unwrap();
    (outcome, now.strip_prefix(&base).unwrap_or(&now).to_string())
}

#[wasm_bindgen_test]
fn a_hash_router_redirect_is_read_and_scrubbed_keeping_the_route() {
    let cases = [
        (
            "#/access_token=secret-in-url&expires_in=1209600&token_type=bearer&state=STATE",
            "#/",
        ),
        (
            "#/cb&access_token=secret-in-url&expires_in=60&state=STATE",
            "#/cb",
        ),
        (
            "#/cb?access_token=secret-in-url&state=STATE&expires_in=60",
            "#/cb",
        ),
        (
            "#/settings?tab=wp&access_token=secret-in-url&state=STATE",
            "#/settings?tab=wp",
        ),
    ];
    for (fragment, kept) in cases {
        let auth = auth_with(Storage::Memory, &unique_client_id("hash-route"));
        let state = state_of(&auth.authorize_url().unwrap());
        let (outcome, now) = redirect_in_address_bar(&auth, &fragment.replace("STATE", &state));
        let token = outcome.unwrap().expect("a token");
        assert_eq!(token.access_token.secret(), "secret-in-url", "{fragment}");
        assert_eq!(now, kept, "{fragment}");
    }
}

#[wasm_bindgen_test]
fn an_unreadable_token_in_the_address_bar_is_scrubbed_and_refused() {
    let auth = auth_with(Storage::Memory, &unique_client_id("hash-garbage"));
    let state = state_of(&auth.authorize_url().unwrap());
    for fragment in [
        format!("#/cb;access_token=secret-in-url&state={state}"),
        format!("#/cb&access_token=secret%ZZ-in-url&state={state}"),
        format!("?access_token=secret-in-url&state={state}"),
    ] {
        let (outcome, now) = redirect_in_address_bar(&auth, &fragment);
        let err = outcome.unwrap_err();
        assert_eq!(err.code, ErrorCode::BadRedirect, "{fragment}");
        assert!(!err.message.contains("secret"), "{}", err.message);
        assert!(
            !now.contains("secret"),
            "token left in the address bar: {now}"
        );
    }
    assert!(auth.token().is_none());
}

#[wasm_bindgen_test]
fn another_url_than_the_current_one_is_not_scrubbed_into_the_address_bar() {
    let auth = auth_with(Storage::Memory, &unique_client_id("noscrub"));
    let state = state_of(&auth.authorize_url().unwrap());
    let before = window().location().href().unwrap();
    auth.handle_redirect(&redirect(&state, "tok", 60)).unwrap();
    assert_eq!(window().location().href().unwrap(), before);
}

/// Signs in `auth` with a token that expires in `expires_in` seconds.
fn sign_in(auth: &Auth, token: &str, expires_in: u32) -> Token {
    let state = state_of(&auth.authorize_url().unwrap());
    auth.handle_redirect(&redirect(&state, token, expires_in))
        .unwrap()
        .unwrap()
}

#[wasm_bindgen_test]
fn local_storage_keeps_the_token_for_other_instances() {
    let id = unique_client_id("local");
    let first = auth_with(Storage::Local, &id);
    sign_in(&first, "shared", 600);
    let key = format!("wpcom-wasm:{id}:token");
    assert!(window()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item(&key)
        .unwrap()
        .is_some());
    let second = auth_with(Storage::Local, &id);
    assert_eq!(second.token().unwrap().access_token.secret(), "shared");
    second.sign_out();
    assert!(first.token().is_none(), "one storage, one session");
    assert!(window()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item(&key)
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
fn session_storage_survives_a_new_instance_and_memory_does_not() {
    let id = unique_client_id("session");
    sign_in(&auth_with(Storage::Session, &id), "kept", 600);
    assert_eq!(
        auth_with(Storage::Session, &id)
            .token()
            .unwrap()
            .access_token
            .secret(),
        "kept"
    );

    let mem_id = unique_client_id("memory");
    let memory = auth_with(Storage::Memory, &mem_id);
    sign_in(&memory, "volatile", 600);
    assert_eq!(memory.token().unwrap().access_token.secret(), "volatile");
    assert!(auth_with(Storage::Memory, &mem_id).token().is_none());
    assert!(session_item(&format!("wpcom-wasm:{mem_id}:token")).is_none());
}

#[wasm_bindgen_test]
async fn synchronous_adapter_is_read_at_once() {
    let id = unique_client_id("sync-adapter");
    let adapter = makeAdapter(false);
    let storage = Storage::from_js(&adapter).unwrap();
    sign_in(&auth_with(storage.clone(), &id), "via-adapter", 600);
    let stored = adapterValue(&adapter, &format!("wpcom-wasm:{id}:token"));
    assert!(stored.as_string().unwrap().contains("via-adapter") || stored.is_string());
    let again = auth_with(storage, &id);
    assert_eq!(again.token().unwrap().access_token.secret(), "via-adapter");
}

#[wasm_bindgen_test]
async fn promise_adapter_is_loaded_by_restore() {
    let id = unique_client_id("async-adapter");
    let adapter = makeAdapter(true);
    let storage = Storage::from_js(&adapter).unwrap();
    let first = auth_with(storage.clone(), &id);
    sign_in(&first, "from-chrome-storage", 600);
    sleep(20).await; // the adapter's set() settles asynchronously
    assert!(adapterValue(&adapter, &format!("wpcom-wasm:{id}:token")).is_string());

    let second = auth_with(storage, &id);
    assert!(second.token().is_none(), "nothing before restore");
    let restored = second.restore().await.unwrap().expect("restored");
    assert_eq!(restored.access_token.secret(), "from-chrome-storage");
    second.sign_out();
    sleep(20).await;
    assert!(adapterValue(&adapter, &format!("wpcom-wasm:{id}:token")).is_null());
}

#[wasm_bindgen_test]
fn adapter_without_methods_is_refused() {
    let not_an_adapter = object(&[("get", JsValue::from_f64(1.0))]);
    let storage = Storage::from_js(&not_an_adapter).unwrap();
    let mut config = AuthConfig::new("1234", REDIRECT_URI);
    config.storage = storage;
    assert_eq!(
        Auth::new(config).unwrap_err().code,
        ErrorCode::InvalidConfig
    );
    assert_eq!(
        Storage::from_js(&JsValue::from_str("cookies"))
            .unwrap_err()
            .code,
        ErrorCode::InvalidConfig
    );
}

#[wasm_bindgen_test]
fn an_expired_token_is_never_handed_out() {
    let id = unique_client_id("expired");
    let auth = auth_with(Storage::Session, &id);
    let reasons = Rc::new(RefCell::new(Vec::new()));
    let seen = reasons.clone();
    auth.on_signed_out(move |r| seen.borrow_mut().push(r));
    let expired = Token {
        access_token: AccessToken::new("old"),
        token_type: "bearer".into(),
        expires_at: Some(js_sys::Date::now() - 1000.0),
        site_id: None,
        scope: vec!["global".into()],
    };
    let key = format!("wpcom-wasm:{id}:token");
    let storage = window().session_storage().unwrap().unwrap();
    storage
        .set_item(&key, &expired.to_storage_string())
        .unwrap();

    assert!(auth.token().is_none());
    assert_eq!(
        storage.get_item(&key).unwrap(),
        None,
        "removed from storage"
    );
    assert_eq!(*reasons.borrow(), vec![SignOutReason::Expired]);
    storage
        .set_item(&key, &expired.to_storage_string())
        .unwrap();
    assert_eq!(
        auth.require_token().unwrap_err().code,
        ErrorCode::TokenExpired
    );
}

#[wasm_bindgen_test]
async fn on_expiring_fires_before_the_expiry() {
    let auth = auth_with(Storage::Memory, &unique_client_id("expiring"));
    let fired = Rc::new(RefCell::new(Vec::new()));
    let seen = fired.clone();
    auth.on_expiring(
        move |t| seen.borrow_mut().push(t.access_token.secret().to_string()),
        9.7,
    );
    sign_in(&auth, "soon", 10);
    assert!(fired.borrow().is_empty());
    sleep(800).await;
    assert_eq!(*fired.borrow(), vec!["soon".to_string()]);
}

#[wasm_bindgen_test]
fn sign_out_fires_the_hook_and_forgets_the_token() {
    let auth = auth_with(Storage::Session, &unique_client_id("signout"));
    let reasons = Rc::new(RefCell::new(Vec::new()));
    let seen = reasons.clone();
    auth.on_signed_out(move |r| seen.borrow_mut().push(r));
    sign_in(&auth, "bye", 600);
    auth.sign_out();
    assert!(auth.token().is_none());
    assert_eq!(*reasons.borrow(), vec![SignOutReason::SignOut]);
}

#[wasm_bindgen_test]
fn sign_out_in_another_tab_signs_this_tab_out() {
    let id = unique_client_id("tabs");
    let auth = auth_with(Storage::Local, &id);
    let reasons = Rc::new(RefCell::new(Vec::new()));
    let seen = reasons.clone();
    auth.on_signed_out(move |r| seen.borrow_mut().push(r));
    sign_in(&auth, "tab-token", 600);
    let key = format!("wpcom-wasm:{id}:token");
    let storage = window().local_storage().unwrap().unwrap();
    let old = storage.get_item(&key).unwrap();
    // What the other tab does, and the event this tab then receives.
    storage.remove_item(&key).unwrap();
    dispatchStorageEvent(&key, old, None);
    assert!(auth.token().is_none());
    assert_eq!(*reasons.borrow(), vec![SignOutReason::OtherTab]);
}
