use super::prelude::*;

use crate::core::error::ErrorCode;
use crate::core::form::parse_form;
use crate::core::pending::PendingStates;
use crate::core::site::connect::{
    build_connect_url, complete_connect, is_uuid, parse_connect_redirect, pending_payload,
    same_site, scrub_connect_url, ConnectRedirect, ConnectRequest,
};
use crate::core::site::credentials::{AppPassword, SiteCredentials};

const STATE: &str = "c3RhdGUtb2YtdGhlLWNvbm5lY3Rpb24tMTIzNDU2";
const APP_ID: &str = "0f8a3c1e-5b7d-4e2a-9c6f-1d2e3f4a5b6c";
const NOW: f64 = 1_700_000_000_000.0;
const PASSWORD: &str = "abcd EFGH 1234 ijkl MNOP 5678";
const ROOT: &str = "http://127.0.0.1:8881/index.php?rest_route=/";
const SITE: &str = "http://127.0.0.1:8881";

fn request<'a>(success: &'a str, reject: Option<&'a str>) -> ConnectRequest<'a> {
    ConnectRequest {
        authorization_url: "http://127.0.0.1:8881/wp-admin/authorize-application.php",
        app_name: "My App",
        app_id: APP_ID,
        success_url: success,
        reject_url: reject,
        state: STATE,
    }
}

/// The query of `url` as pairs.
fn query_of(url: &str) -> Vec<(String, String)> {
    parse_form(url.split_once('?').unwrap().1).unwrap()
}

fn value<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

#[test]
fn the_authorize_url_carries_the_state_in_success_url_and_keeps_the_password_in_a_fragment() {
    let url = build_connect_url(&request("https://app.example/cb", None)).unwrap();
    assert!(url.starts_with(
        "http://127.0.0.1:8881/wp-admin/authorize-application.php?app_name=My%20App&app_id="
    ));
    let q = query_of(&url);
    assert_eq!(value(&q, "app_id"), Some(APP_ID));
    // An empty fragment: core's script appends the credentials after it, so they stay in the
    // fragment and never reach the app's server.
    assert_eq!(
        value(&q, "success_url"),
        Some(format!("https://app.example/cb?state={STATE}#").as_str())
    );
    assert_eq!(
        value(&q, "reject_url"),
        None,
        "WordPress makes success_url&success=false"
    );

    let url = build_connect_url(&request(
        "https://app.example/cb?tab=2#/connected",
        Some("https://app.example/declined"),
    ))
    .unwrap();
    let q = query_of(&url);
    assert_eq!(
        value(&q, "success_url"),
        Some(format!("https://app.example/cb?tab=2&state={STATE}#/connected").as_str())
    );
    assert_eq!(
        value(&q, "reject_url"),
        Some(format!("https://app.example/declined?state={STATE}&success=false").as_str())
    );
}

#[test]
fn the_authorize_url_refuses_what_wordpress_or_the_flow_would() {
    let cases: Vec<(ConnectRequest, &str)> = vec![
        (
            ConnectRequest {
                app_id: "0F8A3C1E-5B7D-4E2A-9C6F-1D2E3F4A5B6C",
                ..request("https://app.example/cb", None)
            },
            "lowercase UUID",
        ),
        (
            ConnectRequest {
                app_id: "my-app",
                ..request("https://app.example/cb", None)
            },
            "UUID",
        ),
        (
            ConnectRequest {
                app_name: " ",
                ..request("https://app.example/cb", None)
            },
            "appName",
        ),
        (request("javascript:alert(1)", None), "http(s)"),
        (
            request("https://app.example/cb?state=mine", None),
            "must not hold",
        ),
        (
            request("https://app.example/cb#/x?password=1", None),
            "must not hold",
        ),
        (
            request("https://app.example/cb", Some("data:text/html,x")),
            "http(s)",
        ),
        (
            ConnectRequest {
                state: "short",
                ..request("https://app.example/cb", None)
            },
            "22 characters",
        ),
        (
            ConnectRequest {
                authorization_url: "/wp-admin/authorize-application.php",
                ..request("https://app.example/cb", None)
            },
            "authorizationUrl",
        ),
    ];
    for (req, words) in cases {
        let e = build_connect_url(&req).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidConfig, "{req:?}");
        assert!(e.message.contains(words), "{req:?}: {}", e.message);
    }
    assert!(is_uuid(APP_ID));
    assert!(!is_uuid("0f8a3c1e5b7d4e2a9c6f1d2e3f4a5b6c"));
}

fn approved(state: Option<&str>, site_url: &str) -> ConnectRedirect {
    ConnectRedirect::Approved {
        state: state.map(String::from),
        site_url: site_url.into(),
        user_login: "alice".into(),
        password: AppPassword::new(PASSWORD),
    }
}

#[test]
fn redirects_are_read_wherever_wordpress_put_the_parameters() {
    let enc = "abcd%20EFGH%201234%20ijkl%20MNOP%205678";
    let plus = "abcd+EFGH+1234+ijkl+MNOP+5678";
    let site = "http%3A%2F%2F127.0.0.1%3A8881";
    let cases = [
        // Core's script after our empty fragment: everything after `#&`.
        format!("https://app.example/cb?state={STATE}#&site_url={site}&user_login=alice&password={enc}"),
        // No fragment (success_url given without one by another client): in the query.
        format!("https://app.example/cb?state={STATE}&site_url={site}&user_login=alice&password={enc}"),
        // The no-JavaScript form: add_query_arg, urlencode's `+`, the fragment kept last.
        format!("https://app.example/cb?state={STATE}&site_url={site}&user_login=alice&password={plus}#"),
        // A hash router's route before them, with its own parameters.
        format!("https://app.example/cb?tab=2&state={STATE}#/connected?x=1&site_url={site}&user_login=alice&password={enc}"),
        // Raw spaces (a URL pasted by hand).
        format!("https://app.example/cb?state={STATE}#&site_url={site}&user_login=alice&password={PASSWORD}"),
    ];
    for url in cases {
        assert_eq!(
            parse_connect_redirect(&url).unwrap(),
            Some(approved(Some(STATE), SITE)),
            "{url}"
        );
    }
}

#[test]
fn rejections_and_ordinary_urls() {
    for url in [
        format!("https://app.example/cb?state={STATE}&success=false#"),
        format!("https://app.example/declined?state={STATE}&success=false"),
    ] {
        assert_eq!(
            parse_connect_redirect(&url).unwrap(),
            Some(ConnectRedirect::Rejected {
                state: Some(STATE.into()),
                unavailable: false
            })
        );
    }
    assert_eq!(
        parse_connect_redirect(&format!(
            "https://app.example/declined?state={STATE}&success=false&error=disabled"
        ))
        .unwrap(),
        Some(ConnectRedirect::Rejected {
            state: Some(STATE.into()),
            unavailable: true
        })
    );
    for url in [
        "https://app.example/",
        "https://app.example/?state=abc",
        "https://app.example/#access_token=x&state=y",
        "https://app.example/?success=true",
    ] {
        assert_eq!(parse_connect_redirect(url).unwrap(), None, "{url}");
    }
}

#[test]
fn malformed_redirects_are_refused_without_the_password_in_the_message() {
    for url in [
        // Missing fields.
        format!("https://app.example/cb?state={STATE}#&site_url=x&password={PASSWORD}"),
        format!("https://app.example/cb?state={STATE}#&user_login=alice&password=p"),
        format!("https://app.example/cb?state={STATE}#&site_url=x&user_login=alice&password="),
        // A key twice, also once in the query and once in the fragment.
        format!("https://app.example/cb?state={STATE}&password=a#&site_url=x&user_login=alice&password={PASSWORD}"),
        format!("https://app.example/cb?state={STATE}#&state=other&site_url=x&user_login=alice&password=b"),
        // Bad encoding.
        format!("https://app.example/cb?state={STATE}#&site_url=%zz&user_login=alice&password=b"),
    ] {
        let e = parse_connect_redirect(&url).unwrap_err();
        assert_eq!(e.code, ErrorCode::BadRedirect, "{url}");
        assert!(!e.message.contains("abcd"), "{}", e.message);
    }
}

fn pending_for(site_url: &str) -> PendingStates {
    let mut pending = PendingStates::default();
    pending.add_with(
        "other-state-still-pending-1234",
        NOW,
        &pending_payload(ROOT, SITE),
    );
    pending.add_with(STATE, NOW, &pending_payload(ROOT, site_url));
    pending
}

#[test]
fn an_approval_with_its_state_and_site_gives_credentials_once() {
    let pending = pending_for(SITE);
    let stored = pending.to_storage_string().unwrap();
    let mut pending = PendingStates::parse(Some(&stored), NOW + 1.0);
    let credentials = complete_connect(approved(Some(STATE), SITE), &mut pending).unwrap();
    assert_eq!(
        credentials,
        SiteCredentials {
            api_root: ROOT.into(),
            site_url: SITE.into(),
            user_login: "alice".into(),
            password: AppPassword::new(PASSWORD),
        }
    );
    // Replayed: the state is used up.
    let e = complete_connect(approved(Some(STATE), SITE), &mut pending).unwrap_err();
    assert_eq!(e.code, ErrorCode::StateMismatch);
    assert!(
        pending.take("other-state-still-pending-1234"),
        "the other flow is untouched"
    );
    let e = complete_connect(approved(Some(STATE), SITE), &mut pending).unwrap_err();
    assert_eq!(e.code, ErrorCode::StateMissing);
}

#[test]
fn approvals_that_do_not_fit_a_pending_connection_are_refused() {
    let mut pending = pending_for(SITE);
    let e = complete_connect(approved(None, SITE), &mut pending).unwrap_err();
    assert_eq!(e.code, ErrorCode::StateMissing);
    let e = complete_connect(
        approved(Some("forged-state-xxxxxxxxxxxxx"), SITE),
        &mut pending,
    )
    .unwrap_err();
    assert_eq!(e.code, ErrorCode::StateMismatch);
    // A foreign site_url: refused, and the state is spent (it went to the user's browser).
    let e =
        complete_connect(approved(Some(STATE), "https://evil.example"), &mut pending).unwrap_err();
    assert_eq!(e.code, ErrorCode::SiteMismatch);
    assert!(e.message.contains("https://evil.example"), "{}", e.message);
    assert!(!e.message.contains("abcd"), "{}", e.message);
    let e = complete_connect(approved(Some(STATE), SITE), &mut pending).unwrap_err();
    assert_eq!(e.code, ErrorCode::StateMismatch);
}

#[test]
fn a_rejection_is_access_denied_and_uses_up_its_state() {
    let mut pending = pending_for(SITE);
    let rejected = ConnectRedirect::Rejected {
        state: Some(STATE.into()),
        unavailable: false,
    };
    assert_eq!(
        complete_connect(rejected, &mut pending).unwrap_err().code,
        ErrorCode::AccessDenied
    );
    assert_eq!(
        complete_connect(approved(Some(STATE), SITE), &mut pending)
            .unwrap_err()
            .code,
        ErrorCode::StateMismatch
    );
    let unavailable = ConnectRedirect::Rejected {
        state: None,
        unavailable: true,
    };
    assert_eq!(
        complete_connect(unavailable, &mut PendingStates::default())
            .unwrap_err()
            .code,
        ErrorCode::ApplicationPasswordsUnavailable
    );
}

#[test]
fn site_addresses_compare_by_host_and_path() {
    assert!(same_site("http://127.0.0.1:8881", "http://127.0.0.1:8881/"));
    assert!(same_site("https://Ex.COM/blog", "http://ex.com/blog/"));
    assert!(!same_site("https://ex.com/blog", "https://ex.com"));
    assert!(!same_site("https://ex.com.evil.example", "https://ex.com"));
    assert!(!same_site("", ""));
}

#[test]
fn the_address_bar_loses_the_flow_s_parameters_and_keeps_the_app_s() {
    let enc = "abcd%20EFGH";
    let cases = [
        (
            format!("https://app.example/cb?state={STATE}#&site_url=s&user_login=alice&password={enc}"),
            "https://app.example/cb",
        ),
        (
            format!("https://app.example/cb?tab=2&state={STATE}#/connected?x=1&site_url=s&user_login=a&password={enc}"),
            "https://app.example/cb?tab=2#/connected?x=1",
        ),
        (
            format!("https://app.example/cb?state={STATE}&site_url=s&user_login=a&password=a+b#/r"),
            "https://app.example/cb#/r",
        ),
        (
            format!("https://app.example/cb?state={STATE}#/connected&site_url=s&user_login=a&password={enc}"),
            "https://app.example/cb#/connected",
        ),
        (
            format!("https://app.example/d?x=1&state={STATE}&success=false&error=disabled"),
            "https://app.example/d?x=1",
        ),
    ];
    for (url, expected) in cases {
        assert_eq!(scrub_connect_url(&url), expected, "{url}");
    }
}

#[test]
fn credentials_make_a_basic_header_survive_storage_and_never_print_the_password() {
    let credentials = SiteCredentials {
        api_root: ROOT.into(),
        site_url: SITE.into(),
        user_login: "zoë".into(),
        password: AppPassword::new(PASSWORD),
    };
    // RFC 7617 with UTF-8: base64("zoë:abcd EFGH 1234 ijkl MNOP 5678").
    assert_eq!(
        credentials.authorization(),
        "Basic em/DqzphYmNkIEVGR0ggMTIzNCBpamtsIE1OT1AgNTY3OA=="
    );
    let stored = credentials.to_storage_string();
    assert_eq!(
        SiteCredentials::from_storage_string(&stored),
        Some(credentials.clone())
    );
    assert_eq!(SiteCredentials::from_storage_string("v=2&api_root=x"), None);
    assert_eq!(SiteCredentials::from_storage_string("garbage"), None);
    let printed = format!("{credentials:?} {:?}", approved(Some(STATE), SITE));
    assert!(!printed.contains("abcd"), "{printed}");
    assert!(printed.contains("[redacted]"), "{printed}");
}

#[test]
fn pending_states_keep_a_payload_and_read_old_entries() {
    let mut pending = PendingStates::parse(Some("old:1700000600000"), NOW);
    pending.add_with("new", NOW, "api_root=x%3Ay&site_url=z");
    let stored = pending.to_storage_string().unwrap();
    assert_eq!(
        stored,
        "old:1700000600000 new:1700000600000:api_root=x%3Ay&site_url=z"
    );
    let mut back = PendingStates::parse(Some(&stored), NOW);
    assert_eq!(
        back.take_with("new").as_deref(),
        Some("api_root=x%3Ay&site_url=z")
    );
    assert_eq!(back.take_with("old").as_deref(), Some(""));
    assert_eq!(back.take_with("old"), None);
}
