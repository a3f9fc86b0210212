//! Connected applications in a real browser against the emulator: `connectedApplications()` and
//! `disconnect()` through the typed Rust API and the JavaScript surface. Each test registers
//! its own apps, so removing one never touches another test's tokens.
#![cfg(test)]
#![cfg(target_arch = "wasm32")]

mod browser;

use browser::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use wpcom_wasm::browser::{Auth, AuthConfig, Client, ClientConfig, SignOutReason, Storage};
use wpcom_wasm::core::models::Disconnected;
use wpcom_wasm::core::retry::RetryPolicy;
use wpcom_wasm::core::ErrorCode;
use wpcom_wasm::js::{JsAuth, JsClient};

wasm_bindgen_test_configure!(run_in_browser);

const PAGE: &str = "https://wordpress.com/me/security/connected-applications";
const LIST: &str = "/rest/v1.1/me/connected-applications";

/// Registers a fresh app named `title` on the emulator; returns its client ID.
async fn register(title: &str) -> String {
    let client_id = unique_client_id("apps");
    let body = format!(
        r#"{{"client_id":"{client_id}","name":"{title}","redirect_uris":["{REDIRECT_URI}"],
            "URL":"https://apps.example/{title}","description":"{title} does things",
            "icon":"https://apps.example/{title}.png"}}"#
    );
    control(EMULATOR, "/_emulator/apps", &body).await;
    client_id
}

/// A client of app `client_id` with a fixed `token`.
fn client(token: &str, client_id: Option<&str>) -> Client {
    Client::new(ClientConfig {
        token: Some(token.into()),
        api_base: Some(EMULATOR.into()),
        client_id: client_id.map(Into::into),
        retry: Some(RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        }),
        ..Default::default()
    })
}

/// An `Auth` of app `client_id`, signed in with `token`, and the reasons its session ended.
fn signed_in(client_id: &str, token: &str) -> (Auth, Rc<RefCell<Vec<SignOutReason>>>) {
    let mut config = AuthConfig::new(client_id, REDIRECT_URI);
    config.storage = Storage::Memory;
    config.oauth_base = Some(EMULATOR.into());
    let auth = Auth::new(config).unwrap();
    let state = state_of(&auth.authorize_url().unwrap());
    let redirect = format!(
        "{REDIRECT_URI}#access_token={}&expires_in=3600&token_type=bearer&site_id=0&scope=global&state={state}",
        form_encode(token)
    );
    auth.handle_redirect(&redirect).unwrap().unwrap();
    let reasons = Rc::new(RefCell::new(Vec::new()));
    let seen = reasons.clone();
    auth.on_signed_out(move |r| seen.borrow_mut().push(r));
    (auth, reasons)
}

/// The IDs `token` lists.
async fn listed(token: &str) -> Vec<String> {
    let apps = client(token, None).connected_applications().await.unwrap();
    apps.into_iter().map(|app| app.id).collect()
}

#[wasm_bindgen_test]
async fn the_list_has_each_app_with_its_fields() {
    let global = register("Global").await;
    let one_site = register("OneSite").await;
    let token = mint_scoped("alice", &global, "global", None).await;
    mint_scoped("alice", &one_site, "", Some("2001")).await;

    let apps = client(&token, None).connected_applications().await.unwrap();
    let app = apps.iter().find(|a| a.id == global).expect("listed");
    assert_eq!(app.title, "Global");
    assert_eq!(app.url, "https://apps.example/Global");
    assert_eq!(app.description, "Global does things");
    assert_eq!(app.icon, "https://apps.example/Global.png");
    assert_eq!((app.scope.as_str(), app.site.as_ref()), ("global", None));
    assert!(app.authorized.contains('T'), "{}", app.authorized);
    assert_eq!(
        app.permissions.first().map(|p| p.name.as_str()),
        Some("global")
    );

    let site = apps.iter().find(|a| a.id == one_site).expect("listed");
    assert_eq!(site.scope, "");
    let blog = site
        .site
        .as_ref()
        .expect("a one-site connection has its site");
    assert_eq!(
        (blog.site_id.as_str(), blog.site_name.as_str()),
        ("2001", "Example Blog")
    );
    assert_eq!(blog.site_url, "https://example.wordpress.com");
}

#[wasm_bindgen_test]
async fn the_js_surface_resolves_with_the_list_itself() {
    let app = register("Js").await;
    let one_site = register("JsSite").await;
    let token = mint_scoped("alice", &app, "global", None).await;
    mint_scoped("alice", &one_site, "", Some("2001")).await;
    let client = JsClient::new(object(&[
        ("token", JsValue::from_str(&token)),
        ("apiBase", JsValue::from_str(EMULATOR)),
    ]))
    .unwrap();
    let apps = settle(client.connected_applications(JsValue::UNDEFINED))
        .await
        .unwrap();
    assert!(js_sys::Array::is_array(&apps), "an array, not the wrapper");
    let apps: Vec<JsValue> = js_sys::Array::from(&apps).iter().collect();
    let find = |id: &str| {
        apps.iter()
            .find(|a| get(a, "ID").as_string().as_deref() == Some(id))
            .cloned()
            .expect("listed")
    };
    let mine = find(&app);
    assert!(get(&mine, "site").is_null(), "false on the wire is null");
    assert_eq!(get(&mine, "title").as_string().as_deref(), Some("Js"));
    assert!(js_sys::Array::is_array(&get(&mine, "permissions")));
    let site = get(&find(&one_site), "site");
    assert_eq!(get(&site, "site_ID").as_string().as_deref(), Some("2001"));
}

#[wasm_bindgen_test]
async fn disconnecting_its_own_entry_signs_out_and_the_old_token_is_refused() {
    let app = register("Own").await;
    let manager = register("Manager").await;
    let token = mint_scoped("alice", &app, "global", None).await;
    let managing = mint_scoped("alice", &manager, "global", None).await;
    let (auth, reasons) = signed_in(&app, &token);
    let wp = Client::new(ClientConfig {
        auth: Some(auth.clone()),
        api_base: Some(EMULATOR.into()),
        ..Default::default()
    });

    let gone = wp.disconnect(None).await.unwrap();
    assert_eq!(
        gone,
        Disconnected {
            id: app.clone(),
            signed_out: true
        }
    );
    assert!(auth.token().is_none(), "signed out locally");
    assert_eq!(*reasons.borrow(), [SignOutReason::Disconnected]);
    let refused = client(&token, None).me().await.unwrap_err();
    assert_eq!(refused.code, ErrorCode::InvalidToken);
    assert!(!listed(&managing).await.contains(&app));
    assert_eq!(
        wp.me().await.unwrap_err().code,
        ErrorCode::NotSignedIn,
        "nothing left to send"
    );
}

#[wasm_bindgen_test]
async fn disconnecting_its_own_entry_by_id_signs_out_too() {
    let app = register("OwnById").await;
    let token = mint_scoped("alice", &app, "global", None).await;
    let (auth, reasons) = signed_in(&app, &token);
    let wp = Client::new(ClientConfig {
        auth: Some(auth.clone()),
        api_base: Some(EMULATOR.into()),
        ..Default::default()
    });
    let gone = wp.disconnect(Some(&app)).await.unwrap();
    assert!(gone.signed_out);
    assert!(auth.token().is_none());
    assert_eq!(*reasons.borrow(), [SignOutReason::Disconnected]);
}

#[wasm_bindgen_test]
async fn disconnecting_another_app_by_id_keeps_this_session() {
    let manager = register("Keeper").await;
    let other = register("Other").await;
    let token = mint_scoped("alice", &manager, "global", None).await;
    let others = mint_scoped("alice", &other, "auth", None).await;
    let (auth, reasons) = signed_in(&manager, &token);
    let wp = Client::new(ClientConfig {
        auth: Some(auth.clone()),
        api_base: Some(EMULATOR.into()),
        ..Default::default()
    });

    let gone = wp.disconnect(Some(&other)).await.unwrap();
    assert_eq!(
        gone,
        Disconnected {
            id: other.clone(),
            signed_out: false
        }
    );
    assert!(auth.token().is_some() && reasons.borrow().is_empty());
    assert_eq!(
        client(&others, None).me().await.unwrap_err().code,
        ErrorCode::InvalidToken
    );
    let still = listed(&token).await;
    assert!(
        still.contains(&manager) && !still.contains(&other),
        "{still:?}"
    );
    let again = wp.disconnect(Some(&other)).await.unwrap_err();
    assert_eq!(
        (again.code, again.status),
        (ErrorCode::UnknownApplicationAccessToken, Some(404))
    );
}

#[wasm_bindgen_test]
async fn without_an_id_it_never_guesses() {
    let app = register("NoGuess").await;
    let token = mint_scoped("alice", &app, "global", None).await;

    // No client ID: nothing to look for, nothing sent.
    let err = client(&token, None).disconnect(None).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidConfig);
    assert!(!err.may_have_reached_server);
    assert!(err.message.contains("{ id }"), "{}", err.message);

    // A client ID no entry has (the mapping is unverified on WordPress.com): refused.
    let unknown = unique_client_id("absent");
    let err = client(&token, Some(&unknown))
        .disconnect(None)
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::ConnectionNotFound);
    assert!(
        err.message.contains(&unknown)
            && err
                .message
                .contains("pass { id } from connectedApplications()"),
        "{}",
        err.message
    );
    assert!(listed(&token).await.contains(&app), "nothing was removed");
}

#[wasm_bindgen_test]
async fn a_token_whose_scope_may_not_manage_apps_is_told_what_to_do() {
    let app = register("Scoped").await;
    for (scope, blog) in [("auth", None), ("", Some("2001")), ("posts", None)] {
        let token = mint_scoped("alice", &app, scope, blog).await;
        let wp = client(&token, Some(&app));
        let errors = [
            wp.connected_applications().await.unwrap_err(),
            wp.disconnect(Some(&app)).await.unwrap_err(),
            wp.disconnect(None).await.unwrap_err(),
        ];
        for err in errors {
            assert_eq!(
                (err.code, err.status),
                (ErrorCode::Unauthorized, Some(403)),
                "{scope:?}"
            );
            assert!(err.message.contains("scope: 'global'"), "{}", err.message);
            assert!(err.message.contains(PAGE), "{}", err.message);
        }
        assert!(
            client(&token, None).me().await.is_ok(),
            "the token still works"
        );
    }
}

#[wasm_bindgen_test]
async fn each_route_reports_its_errors() {
    let app = register("Errors").await;
    let token = mint_scoped("alice", &app, "global", None).await;
    let wp = client(&token, Some(&app));

    // An ID that could leave its path segment: refused before anything is sent.
    for id in ["../me", "", "12/34", "a b"] {
        let err = wp.disconnect(Some(id)).await.unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidConfig, "{id:?}");
        assert!(!err.may_have_reached_server);
    }
    let unknown = wp.disconnect(Some("999999")).await.unwrap_err();
    assert_eq!(unknown.code, ErrorCode::UnknownApplicationAccessToken);

    // A 200 without the list, or with an error body; a delete not confirmed.
    fault(&format!(
        r#"{{"path":"{LIST}","fault":{{"kind":"ok_missing_key","key":"connected_applications"}}}}"#
    ))
    .await;
    assert_eq!(
        wp.connected_applications().await.unwrap_err().code,
        ErrorCode::BadResponse
    );
    fault(&format!(
        r#"{{"path":"{LIST}","fault":{{"kind":"ok_error_body"}}}}"#
    ))
    .await;
    assert_eq!(
        wp.connected_applications().await.unwrap_err().code,
        ErrorCode::AuthorizationRequired
    );
    fault(&format!(
        r#"{{"path":"{LIST}/*","method":"POST","fault":{{"kind":"status","status":200,"body":{{"success":false}}}}}}"#
    ))
    .await;
    let unconfirmed = wp.disconnect(Some(&app)).await.unwrap_err();
    assert_eq!(unconfirmed.code, ErrorCode::BadResponse);
    assert!(unconfirmed.message.contains("did not confirm"));
    fault(&format!(
        r#"{{"path":"{LIST}/*","method":"POST","fault":{{"kind":"status","status":500}}}}"#
    ))
    .await;
    let failed = wp.disconnect(Some(&app)).await.unwrap_err();
    assert_eq!(failed.status, Some(500));
    assert!(failed.may_have_reached_server);
    assert!(listed(&token).await.contains(&app), "still connected");

    // A revoked token: `invalid_token`, and an `Auth` signs out for that reason.
    let (auth, reasons) = signed_in(&app, "not-a-token");
    let with_auth = Client::new(ClientConfig {
        auth: Some(auth.clone()),
        api_base: Some(EMULATOR.into()),
        ..Default::default()
    });
    let err = with_auth.connected_applications().await.unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidToken);
    assert_eq!(*reasons.borrow(), [SignOutReason::InvalidToken]);
}

#[wasm_bindgen_test]
async fn the_js_surface_disconnects_and_tells_on_signed_out() {
    let app = register("JsOwn").await;
    let other = register("JsOther").await;
    let token = mint_scoped("alice", &app, "global", None).await;
    let others = mint_scoped("alice", &other, "global", None).await;
    let auth = JsAuth::new(object(&[
        ("clientId", JsValue::from_str(&app)),
        ("redirectUri", JsValue::from_str(REDIRECT_URI)),
        ("storage", JsValue::from_str("memory")),
        ("oauthBase", JsValue::from_str(EMULATOR)),
    ]))
    .unwrap();
    let state = state_of(&auth.authorize_url().unwrap());
    auth.handle_redirect(Some(format!(
        "{REDIRECT_URI}#access_token={}&expires_in=3600&token_type=bearer&site_id=0&scope=global&state={state}",
        form_encode(&token)
    )))
    .unwrap();
    let reasons = Rc::new(RefCell::new(Vec::<String>::new()));
    let seen = reasons.clone();
    let callback = Closure::<dyn Fn(JsValue)>::new(move |r: JsValue| {
        seen.borrow_mut().push(r.as_string().unwrap_or_default())
    });
    auth.on_signed_out(
        callback
            .as_ref()
            .unchecked_ref::<js_sys::Function>()
            .clone(),
    );
    callback.forget();
    let auth = JsValue::from(auth);
    let wp = JsClient::new(object(&[
        ("auth", auth.clone()),
        ("apiBase", JsValue::from_str(EMULATOR)),
    ]))
    .unwrap();

    // Another app's entry by a numeric-looking ID given as a string, then an unknown option.
    let gone = settle(wp.disconnect(object(&[("id", JsValue::from_str(&other))])))
        .await
        .unwrap();
    assert_eq!(get(&gone, "ID").as_string(), Some(other.clone()));
    assert_eq!(get(&gone, "signedOut").as_bool(), Some(false));
    assert!(client(&others, None).me().await.is_err());
    let bad = settle(wp.disconnect(object(&[("id", object(&[]))])))
        .await
        .unwrap_err();
    assert_eq!(
        get(&bad, "code").as_string().as_deref(),
        Some("invalid_config")
    );

    // Its own entry, found by the client ID.
    let gone = settle(wp.disconnect(JsValue::UNDEFINED)).await.unwrap();
    assert_eq!(get(&gone, "ID").as_string(), Some(app.clone()));
    assert_eq!(get(&gone, "signedOut").as_bool(), Some(true));
    assert_eq!(*reasons.borrow(), ["disconnected"]);
    let token_now = js_sys::Reflect::get(&auth, &JsValue::from_str("token"))
        .unwrap()
        .unchecked_into::<js_sys::Function>()
        .call0(&auth)
        .unwrap();
    assert!(token_now.is_null(), "signed out locally");
    let refused = client(&token, None).me().await.unwrap_err();
    assert_eq!(refused.code, ErrorCode::InvalidToken);

    // Signed out: the next call is refused without a request.
    let err = settle(wp.connected_applications(JsValue::UNDEFINED))
        .await
        .unwrap_err();
    assert_eq!(
        get(&err, "code").as_string().as_deref(),
        Some("not_signed_in")
    );
}
