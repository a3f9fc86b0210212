//! OAuth2: client checks, log-in, consent, Approve/Deny redirects, code flow, token-info.
#![cfg(test)]

mod common;

use common::{hidden_inputs, pairs, value, Browser, Emu};
use serde_json::{json, Value};
use wpcom_emulator::Config;

const REDIRECT: &str = "http://127.0.0.1:8080/callback.html";

fn authorize_path(extra: &str) -> String {
    let redirect: String = form_urlencoded::byte_serialize(REDIRECT.as_bytes()).collect();
    format!("/oauth2/authorize?client_id=1234&redirect_uri={redirect}&response_type=token{extra}")
}

/// Logs alice in from the authorize page; returns the consent page.
async fn consent_page(browser: &mut Browser<'_>, path: &str) -> String {
    let login = browser.get(path).await;
    assert_eq!(login.status, 200);
    let html = login.text();
    let redirect_to = value(&hidden_inputs(&html), "redirect_to")
        .unwrap()
        .to_owned();
    let logged_in = browser
        .log_in("alice", "alice-password", &redirect_to)
        .await;
    assert_eq!(logged_in.status, 302);
    let back = logged_in.header("location").unwrap();
    assert!(back.starts_with(path.split('?').next().unwrap()), "{back}");
    let consent = browser.get(&back).await;
    assert_eq!(consent.status, 200);
    consent.text()
}

/// Submits the consent form with `action` and extra fields; returns the redirect target.
async fn submit(
    browser: &mut Browser<'_>,
    html: &str,
    action: &str,
    extra: &[(&str, &str)],
) -> String {
    let mut form: Vec<(String, String)> = hidden_inputs(html);
    for (k, v) in extra {
        form.retain(|(name, _)| name != k);
        form.push(((*k).to_owned(), (*v).to_owned()));
    }
    form.push(("action".to_owned(), action.to_owned()));
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let path = if html.contains("action=\"/oauth2/authenticate\"") {
        "/oauth2/authenticate"
    } else {
        "/oauth2/authorize"
    };
    let reply = browser.post(path, &fields).await;
    assert_eq!(reply.status, 302, "{}", reply.text());
    reply.header("location").unwrap()
}

#[tokio::test]
async fn unknown_clients_and_unregistered_redirect_uris_get_an_error_page_not_a_redirect() {
    let emu = Emu::start().await;
    let cases = [
        "/oauth2/authorize?client_id=1234&redirect_uri=http%3A%2F%2Fevil.example%2F&response_type=token",
        "/oauth2/authorize?client_id=1234&redirect_uri=http%3A%2F%2F127.0.0.1%3A8080&response_type=token",
        "/oauth2/authorize?client_id=1234&redirect_uri=http%3A%2F%2F127.0.0.1%3A8081%2F&response_type=token",
        "/oauth2/authorize?client_id=9999&redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2F&response_type=token",
        "/oauth2/authorize?redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2F&response_type=token",
        "/oauth2/authenticate?client_id=1234&redirect_uri=http%3A%2F%2Fevil.example%2F&response_type=token",
    ];
    for path in cases {
        let mut browser = Browser::new(&emu);
        browser.log_in("alice", "alice-password", "/").await;
        let reply = browser.get(path).await;
        assert_eq!(reply.status, 400, "{path}");
        assert!(reply.header("location").is_none(), "{path}");
        assert!(reply
            .header("content-type")
            .unwrap()
            .starts_with("text/html"));
        assert!(
            !reply.text().contains("evil.example"),
            "the bad URI is not echoed as a link"
        );
    }
}

#[tokio::test]
async fn the_log_in_form_has_the_documented_inputs_and_rejects_a_wrong_password() {
    let emu = Emu::start().await;
    let mut browser = Browser::new(&emu);
    let html = browser.get(&authorize_path("&scope=global")).await.text();
    for needle in [
        "name=\"log\" id=\"user_login\"",
        "name=\"pwd\" id=\"user_pass\"",
        "id=\"wp-submit\"",
    ] {
        assert!(html.contains(needle), "{needle}");
    }
    let wrong = browser.log_in("alice", "nope", "/").await;
    assert_eq!(wrong.status, 200);
    assert!(wrong.text().contains("id=\"login_error\""));
    assert!(wrong.header("set-cookie").is_none());
}

#[tokio::test]
async fn approving_a_single_blog_request_redirects_with_the_token_fragment() {
    let emu = Emu::start().await;
    let mut browser = Browser::new(&emu);
    let html = consent_page(&mut browser, &authorize_path("&state=xyz%2F1")).await;
    assert!(html.contains("wpcom-wasm demo"));
    assert!(
        html.contains("<select name=\"blog\""),
        "site picker when no blog is given"
    );
    let location = submit(&mut browser, &html, "approve", &[("blog", "2001")]).await;
    let (target, fragment) = location.split_once('#').unwrap();
    assert_eq!(target, REDIRECT);
    assert!(fragment.starts_with("access_token="));
    let raw_token = fragment.split('&').next().unwrap();
    assert!(
        raw_token.contains('%'),
        "special characters are percent-encoded: {raw_token}"
    );
    let got = pairs(fragment);
    let keys: Vec<&str> = got.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        keys,
        [
            "access_token",
            "expires_in",
            "token_type",
            "site_id",
            "scope",
            "state"
        ]
    );
    assert_eq!(value(&got, "expires_in"), Some("1209600"));
    assert_eq!(value(&got, "token_type"), Some("bearer"));
    assert_eq!(value(&got, "site_id"), Some("2001"));
    assert_eq!(value(&got, "scope"), Some(""));
    assert_eq!(value(&got, "state"), Some("xyz/1"));
    let token = value(&got, "access_token").unwrap();
    assert!(token.len() >= 40);
    assert_eq!(
        emu.get_auth("/rest/v1.1/sites/2001", token).await.status,
        200
    );
    assert_eq!(
        emu.get_auth("/rest/v1.1/sites/2003", token).await.status,
        403
    );
}

#[tokio::test]
async fn consent_describes_the_access_asked_for() {
    let emu = Emu::start().await;
    let cases = [
        (
            authorize_path("&scope=global"),
            "All your sites",
            "global",
            "0",
        ),
        (
            authorize_path("&blog=example.wordpress.com"),
            "One site: <strong>Example Blog</strong>",
            "",
            "2001",
        ),
        (
            authorize_path("&scope=posts+media"),
            "limited to: posts media",
            "posts media",
            "0",
        ),
        (
            authorize_path("&scope=global").replace("/oauth2/authorize", "/oauth2/authenticate"),
            "Profile only",
            "auth",
            "0",
        ),
    ];
    for (path, text, scope, site_id) in cases {
        let mut browser = Browser::new(&emu);
        let html = consent_page(&mut browser, &path).await;
        assert!(html.contains(text), "{path}: {html}");
        assert!(!html.contains("<select"), "{path}");
        let location = submit(&mut browser, &html, "approve", &[]).await;
        let got = pairs(location.split_once('#').unwrap().1);
        assert_eq!(value(&got, "scope"), Some(scope), "{path}");
        assert_eq!(value(&got, "site_id"), Some(site_id), "{path}");
        assert_eq!(value(&got, "state"), Some(""), "state is present but empty");
        let token = value(&got, "access_token").unwrap();
        let sites = emu.get_auth("/rest/v1.1/me/sites", token).await.status;
        assert_eq!(sites, if scope == "auth" { 403 } else { 200 }, "{path}");
    }
}

#[tokio::test]
async fn denying_redirects_with_access_denied() {
    let emu = Emu::start().await;
    let mut browser = Browser::new(&emu);
    let html = consent_page(&mut browser, &authorize_path("&scope=global&state=abc")).await;
    let location = submit(&mut browser, &html, "deny", &[]).await;
    assert_eq!(
        location,
        format!("{REDIRECT}#error=access_denied&error_description=You+need+to+log+in+to+WordPress.com&state=abc")
    );
}

#[tokio::test]
async fn the_code_flow_puts_code_or_error_in_the_query_and_codes_work_once() {
    let emu = Emu::start().await;
    let path = authorize_path("&scope=global&state=s1")
        .replace("response_type=token", "response_type=code");
    let mut browser = Browser::new(&emu);
    let html = consent_page(&mut browser, &path).await;
    let denied = submit(&mut browser, &html, "deny", &[]).await;
    assert!(
        denied.starts_with(&format!("{REDIRECT}?error=access_denied&")),
        "{denied}"
    );
    let location = submit(&mut browser, &html, "approve", &[]).await;
    let (target, query) = location.split_once('?').unwrap();
    assert_eq!(target, REDIRECT);
    let got = pairs(query);
    assert_eq!(value(&got, "state"), Some("s1"));
    let code = value(&got, "code").unwrap();
    let form = format!(
        "grant_type=authorization_code&client_id=1234&client_secret=x&code={code}&redirect_uri={}",
        form_urlencoded::byte_serialize(REDIRECT.as_bytes()).collect::<String>()
    );
    let exchanged = emu.post_form("/oauth2/token", None, &form).await;
    assert_eq!(exchanged.status, 200, "{}", exchanged.text());
    let token = exchanged.json()["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        emu.get_auth("/rest/v1.1/me", &token).await.json()["username"],
        "alice"
    );
    let again = emu.post_form("/oauth2/token", None, &form).await;
    assert_eq!(again.error(), (400, "invalid_grant".to_owned()));
}

#[tokio::test]
async fn a_consent_post_without_the_session_nonce_is_refused() {
    let emu = Emu::start().await;
    let mut browser = Browser::new(&emu);
    let html = consent_page(&mut browser, &authorize_path("&scope=global")).await;
    let mut form = hidden_inputs(&html);
    form.retain(|(k, _)| k != "nonce");
    form.push(("nonce".to_owned(), "forged".to_owned()));
    form.push(("action".to_owned(), "approve".to_owned()));
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let reply = browser.post("/oauth2/authorize", &fields).await;
    assert_eq!(reply.status, 400);
    assert!(reply.header("location").is_none());
}

#[tokio::test]
async fn token_ttl_sets_expires_in() {
    let emu = Emu::start_with(Config {
        port: 0,
        token_ttl: 60,
        ..Config::default()
    })
    .await;
    let mut browser = Browser::new(&emu);
    let html = consent_page(&mut browser, &authorize_path("&scope=global")).await;
    let location = submit(&mut browser, &html, "approve", &[]).await;
    assert_eq!(
        value(&pairs(location.split_once('#').unwrap().1), "expires_in"),
        Some("60")
    );
}

#[tokio::test]
async fn token_info_describes_a_token_only_to_its_own_app() {
    let emu = Emu::start().await;
    let global = emu.alice().await;
    let blog = emu.token("alice", "", json!(2001)).await;
    let expired = emu
        .post_json(
            "/_emulator/tokens",
            None,
            json!({"user": "alice", "client_id": "1234", "expires_in": -5}),
        )
        .await
        .json()["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let info = |client: &str, token: &str| {
        let token: String = form_urlencoded::byte_serialize(token.as_bytes()).collect();
        format!("/oauth2/token-info?client_id={client}&token={token}")
    };
    let invalid =
        json!({"error": "invalid_request", "error_description": "The specified token is invalid."});
    let cases: [(String, u16, Value); 5] = [
        (
            info("1234", &global),
            200,
            json!({"client_id": "1234", "user_id": "1001", "blog_id": null, "scope": "global"}),
        ),
        (
            info("1234", &blog),
            200,
            json!({"client_id": "1234", "user_id": "1001", "blog_id": "2001", "scope": ""}),
        ),
        (info("5678", &global), 400, invalid.clone()),
        (info("1234", "unknown"), 400, invalid.clone()),
        (info("1234", &expired), 400, invalid),
    ];
    for (path, status, body) in cases {
        let reply = emu.get(&path).await;
        assert_eq!((reply.status, reply.json()), (status, body));
    }
}
