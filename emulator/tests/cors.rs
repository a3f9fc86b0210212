//! CORS: only registered origins get `Access-Control-Allow-Origin`.
#![cfg(test)]

mod common;

use common::Emu;
use serde_json::json;
use wpcom_emulator::Config;

async fn preflight(emu: &Emu, path: &str, origin: &str) -> common::Reply {
    let headers = [
        ("origin", origin),
        ("access-control-request-method", "POST"),
        (
            "access-control-request-headers",
            "authorization, content-type",
        ),
    ];
    emu.request("OPTIONS", path, &headers, None).await
}

#[tokio::test]
async fn preflight_allows_registered_origins_only() {
    let emu = Emu::start().await;
    let cases = [
        ("/rest/v1.1/me", "http://127.0.0.1:8080", true),
        (
            "/rest/v1.1/sites/2001/posts/new",
            "http://127.0.0.1:8081",
            true,
        ),
        ("/oauth2/token-info", "http://127.0.0.1:8080", true),
        ("/rest/v1.1/me", "http://evil.example", false),
        ("/rest/v1.1/me", "http://127.0.0.1:8080.evil.example", false),
    ];
    for (path, origin, allowed) in cases {
        let reply = preflight(&emu, path, origin).await;
        assert_eq!(reply.status, 200);
        let acao = reply.header("access-control-allow-origin");
        if allowed {
            assert_eq!(acao.as_deref(), Some(origin), "{path} {origin}");
            assert_eq!(
                reply.header("access-control-allow-methods").as_deref(),
                Some("GET, POST")
            );
            let allowed_headers = reply.header("access-control-allow-headers").unwrap();
            assert!(
                allowed_headers.contains("Authorization")
                    && allowed_headers.contains("Content-Type")
            );
            assert_eq!(reply.header("vary").as_deref(), Some("Origin"));
        } else {
            assert_eq!(acao, None, "{origin}");
            assert_eq!(reply.header("access-control-allow-methods"), None);
        }
    }
}

#[tokio::test]
async fn responses_carry_acao_for_registered_origins_and_expose_nothing_by_default() {
    let emu = Emu::start().await;
    let cases = [
        ("http://127.0.0.1:8080", true),
        ("http://evil.example", false),
    ];
    for (origin, allowed) in cases {
        let reply = emu
            .request("GET", "/rest/v1.1/sites/2001", &[("origin", origin)], None)
            .await;
        assert_eq!(reply.status, 200);
        if allowed {
            assert_eq!(
                reply.header("access-control-allow-origin").as_deref(),
                Some(origin)
            );
        } else {
            assert_eq!(reply.header("access-control-allow-origin"), None);
        }
        assert_eq!(reply.header("access-control-expose-headers"), None);
    }
    let error = emu
        .request(
            "GET",
            "/rest/v1.1/me",
            &[("origin", "http://127.0.0.1:8080")],
            None,
        )
        .await;
    assert_eq!(error.status, 403);
    assert_eq!(
        error.header("access-control-allow-origin").as_deref(),
        Some("http://127.0.0.1:8080")
    );
}

const EXPOSED: &str = "Retry-After, X-WP-Total, X-WP-TotalPages, Link";

/// `Access-Control-Expose-Headers` of a GET from the registered origin 8080.
async fn exposed(emu: &Emu, path: &str) -> Option<String> {
    emu.request("GET", path, &[("origin", "http://127.0.0.1:8080")], None)
        .await
        .header("access-control-expose-headers")
}

#[tokio::test]
async fn expose_headers_exposes_retry_after_and_the_paging_headers() {
    let emu = Emu::start_with(Config {
        port: 0,
        expose_headers: true,
        ..Config::default()
    })
    .await;
    for path in ["/rest/v1.1/sites/2001", "/wp/v2/sites/2001/posts"] {
        assert_eq!(
            exposed(&emu, path).await.as_deref(),
            Some(EXPOSED),
            "{path}"
        );
    }
    let unlisted = emu
        .request(
            "GET",
            "/wp/v2/sites/2001/posts",
            &[("origin", "http://evil.example")],
            None,
        )
        .await;
    assert_eq!(unlisted.header("access-control-expose-headers"), None);
    assert_eq!(unlisted.header("x-wp-total").as_deref(), Some("48"));
}

#[tokio::test]
async fn the_settings_switch_exposure_at_run_time_and_reset_restores_the_flag() {
    let path = "/wp/v2/sites/2001/posts";
    for flag in [false, true] {
        let emu = Emu::start_with(Config {
            port: 0,
            expose_headers: flag,
            ..Config::default()
        })
        .await;
        let want = |on: bool| on.then(|| EXPOSED.to_owned());
        assert_eq!(exposed(&emu, path).await, want(flag));
        let switched = emu
            .post_json(
                "/_emulator/settings",
                None,
                json!({"expose_headers": !flag}),
            )
            .await;
        assert_eq!(
            switched.json(),
            json!({"expose_headers": !flag, "max_upload_kb": 10240})
        );
        assert_eq!(
            emu.get("/_emulator/settings").await.json(),
            json!({"expose_headers": !flag, "max_upload_kb": 10240})
        );
        assert_eq!(exposed(&emu, path).await, want(!flag), "switched");
        emu.post_json("/_emulator/reset", None, json!({})).await;
        assert_eq!(exposed(&emu, path).await, want(flag), "reset");
    }
}

#[tokio::test]
async fn wp_v2_preflight_allows_get_and_post_only() {
    let emu = Emu::start().await;
    let reply = emu
        .request(
            "OPTIONS",
            "/wp/v2/sites/2001/posts/1",
            &[
                ("origin", "http://127.0.0.1:8080"),
                ("access-control-request-method", "DELETE"),
            ],
            None,
        )
        .await;
    assert_eq!(
        reply.header("access-control-allow-methods").as_deref(),
        Some("GET, POST")
    );
}

#[tokio::test]
async fn allow_origin_adds_an_origin_to_every_app() {
    let config = Config {
        port: 0,
        allow_origins: vec!["http://127.0.0.1:7777".to_owned()],
        ..Config::default()
    };
    let emu = Emu::start_with(config).await;
    let reply = preflight(&emu, "/rest/v1.1/me", "http://127.0.0.1:7777").await;
    assert_eq!(
        reply.header("access-control-allow-origin").as_deref(),
        Some("http://127.0.0.1:7777")
    );
    let bearer = format!("Bearer {}", emu.alice().await);
    let headers = [
        ("authorization", bearer.as_str()),
        ("origin", "http://127.0.0.1:7777"),
    ];
    assert_eq!(
        emu.request("GET", "/rest/v1.1/me", &headers, None)
            .await
            .status,
        200
    );
}

#[tokio::test]
async fn a_newly_registered_app_origin_is_allowed_at_once() {
    let emu = Emu::start().await;
    let origin = "chrome-extension://abcdefghijklmnop";
    assert_eq!(
        preflight(&emu, "/rest/v1.1/me", origin)
            .await
            .header("access-control-allow-origin"),
        None
    );
    let app = json!({"client_id": "4242", "name": "Extension", "redirect_uris": [format!("{origin}/cb.html")], "origins": [origin]});
    assert_eq!(
        emu.post_json("/_emulator/apps", None, app).await.status,
        200
    );
    assert_eq!(
        preflight(&emu, "/rest/v1.1/me", origin)
            .await
            .header("access-control-allow-origin")
            .as_deref(),
        Some(origin)
    );
}

#[tokio::test]
async fn the_control_api_answers_any_origin() {
    let emu = Emu::start().await;
    let reply = preflight(&emu, "/_emulator/tokens", "http://anything.example").await;
    assert_eq!(
        reply.header("access-control-allow-origin").as_deref(),
        Some("*")
    );
    let minted = emu
        .request(
            "POST",
            "/_emulator/tokens",
            &[("origin", "http://anything.example")],
            Some((
                "application/json",
                br#"{"user":"alice","client_id":"1234"}"#.to_vec(),
            )),
        )
        .await;
    assert_eq!(minted.status, 200);
    assert_eq!(
        minted.header("access-control-allow-origin").as_deref(),
        Some("*")
    );
}
