use super::prelude::*;

use crate::core::error::ErrorCode;
use crate::core::pending::PendingStates;
use crate::core::redirect::{complete_redirect, parse_redirect, scrub_url, RedirectParams};
use crate::core::token::AccessToken;

const STATE: &str = "Q2hhbmdlIHRoaXMgc3RhdGU";
const NOW: f64 = 1_700_000_000_000.0;

/// The sign-ins pending in a tab that started them, each at `NOW`.
fn pending(states: &[&str]) -> PendingStates {
    let mut pending = PendingStates::default();
    for state in states {
        pending.add(state, NOW);
    }
    pending
}

fn token(
    access_token: &str,
    expires_in: Option<u64>,
    site_id: Option<u64>,
    scope: &[&str],
    state: Option<&str>,
) -> RedirectParams {
    RedirectParams::Token {
        access_token: AccessToken::new(access_token),
        expires_in,
        token_type: "bearer".into(),
        site_id,
        scope: scope.iter().map(|s| s.to_string()).collect(),
        state: state.map(String::from),
    }
}

fn error(code: &str, description: Option<&str>, state: Option<&str>) -> RedirectParams {
    RedirectParams::Error {
        error: code.into(),
        description: description.map(String::from),
        state: state.map(String::from),
    }
}

#[test]
fn redirect_fragments_parse_whatever_the_key_order() {
    let cases = [
        (
            "http://127.0.0.1:8080/#access_token=Ab%23c%24d%5Ee%40f%29g%21h%2Ai&expires_in=1209600&token_type=bearer&site_id=123&scope=&state=Q2hhbmdlIHRoaXMgc3RhdGU",
            token("Ab#c$d^e@f)g!h*i", Some(1_209_600), Some(123), &[], Some(STATE)),
        ),
        (
            "http://127.0.0.1:8080/#state=Q2hhbmdlIHRoaXMgc3RhdGU&scope=global&site_id=0&token_type=bearer&expires_in=64800&access_token=tok",
            token("tok", Some(64_800), None, &["global"], Some(STATE)),
        ),
        (
            "https://app.example/cb?page=2#access_token=a+b&state=&scope=posts+media,sites",
            token("a b", None, None, &["posts", "media", "sites"], None),
        ),
        (
            "http://x/#access_token=t&expires_in=&site_id=&extra=ignored&token_type=",
            token("t", None, None, &[], None),
        ),
        (
            "http://127.0.0.1:8080/#error=access_denied&error_description=You+need+to+log+in+to+WordPress.com&state=",
            error("access_denied", Some("You need to log in to WordPress.com"), None),
        ),
        (
            "http://127.0.0.1:8080/#state=Q2hhbmdlIHRoaXMgc3RhdGU&error=invalid_scope",
            error("invalid_scope", None, Some(STATE)),
        ),
        (
            "http://127.0.0.1:8080/?error=access_denied&state=Q2hhbmdlIHRoaXMgc3RhdGU",
            error("access_denied", None, Some(STATE)),
        ),
        (
            "http://127.0.0.1:8080/?error=access_denied&error_description=&state=x#/app",
            error("access_denied", None, Some("x")),
        ),
        (
            "http://x/#error=server_error&access_token=t&state=s",
            error("server_error", None, Some("s")),
        ),
    ];
    for (url, want) in cases {
        assert_eq!(parse_redirect(url).unwrap(), Some(want), "{url}");
    }
}

#[test]
fn token_type_defaults_to_bearer_and_keeps_other_values() {
    let parsed = parse_redirect("http://x/#access_token=t&token_type=mac").unwrap();
    let Some(RedirectParams::Token { token_type, .. }) = parsed else {
        panic!("not a token: {parsed:?}");
    };
    assert_eq!(token_type, "mac");
}

#[test]
fn urls_without_oauth_data_give_none() {
    let cases = [
        "http://127.0.0.1:8080/",
        "http://127.0.0.1:8080/#",
        "http://127.0.0.1:8080/#section-2",
        "http://127.0.0.1:8080/?code=abc&state=x",
        "http://127.0.0.1:8080/#/route?a=1&a=2",
        "http://127.0.0.1:8080/#100%",
        "http://127.0.0.1:8080/?q=%zz",
        "",
    ];
    for url in cases {
        assert_eq!(parse_redirect(url).unwrap(), None, "{url}");
    }
}

#[test]
fn malformed_oauth_redirects_are_refused() {
    let cases = [
        "http://x/#access_token=a&access_token=b&state=s",
        "http://x/#access_token=a&state=s1&state=s2",
        "http://x/#error=access_denied&error=other",
        "http://x/#access_token=&state=s",
        "http://x/#access_token=a&expires_in=soon",
        "http://x/#access_token=a&expires_in=-1",
        "http://x/#access_token=a&expires_in=1.5",
        "http://x/#access_token=a&site_id=abc",
        "http://x/#access_token=%ZZ",
        "http://x/#access_token=%FF%FE",
        "http://x/#error=&state=s",
        "http://x/?error=a&error=b",
    ];
    for url in cases {
        let err = parse_redirect(url).unwrap_err();
        assert_eq!(err.code, ErrorCode::BadRedirect, "{url}");
        assert!(
            !err.message.contains("access_token=a"),
            "{url}: {}",
            err.message
        );
    }
}

#[test]
fn completing_a_token_redirect_checks_its_state_against_the_pending_ones() {
    let ok = || token("tok", Some(1_209_600), Some(7), &["global"], Some(STATE));
    let cases = [
        (ok(), pending(&[]), ErrorCode::StateMissing),
        (
            token("tok", None, None, &[], None),
            pending(&[STATE]),
            ErrorCode::StateMissing,
        ),
        (
            ok(),
            pending(&["Q2hhbmdlIHRoaXMgc3RhdGX"]),
            ErrorCode::StateMismatch,
        ),
        (ok(), pending(&["short"]), ErrorCode::StateMismatch),
        (
            token("tok", Some(0), None, &[], Some(STATE)),
            pending(&[STATE]),
            ErrorCode::TokenExpired,
        ),
    ];
    for (params, mut pending, code) in cases {
        let shown = format!("{params:?} {pending:?}");
        let err = complete_redirect(params, &mut pending, NOW).unwrap_err();
        assert_eq!(err.code, code, "{shown}");
        assert_eq!(err.status, None);
    }
}

#[test]
fn a_redirect_consumes_only_its_own_state() {
    // Two sign-ins in flight (two tabs sharing storage, a popup beside a redirect).
    let mut both = pending(&["A", "B"]);
    let a = token("tok-a", None, None, &[], Some("A"));
    assert!(complete_redirect(a.clone(), &mut both, NOW).is_ok());
    let replay = complete_redirect(a, &mut both, NOW).unwrap_err();
    assert_eq!(
        replay.code,
        ErrorCode::StateMismatch,
        "A is used up, B still pending"
    );
    let b = token("tok-b", None, None, &[], Some("B"));
    assert!(complete_redirect(b, &mut both, NOW).is_ok());
    assert!(both.is_empty());

    // A foreign state fails and leaves the pending ones alone.
    let mut kept = pending(&["A", "B"]);
    let forged = token("evil", None, None, &[], Some("X"));
    let err = complete_redirect(forged, &mut kept, NOW).unwrap_err();
    assert_eq!(err.code, ErrorCode::StateMismatch);
    assert_eq!(kept, pending(&["A", "B"]));

    // Once the last one is used, a replay finds nothing pending.
    let mut one = pending(&[STATE]);
    let ok = token("tok", None, None, &[], Some(STATE));
    assert!(complete_redirect(ok.clone(), &mut one, NOW).is_ok());
    let err = complete_redirect(ok, &mut one, NOW).unwrap_err();
    assert_eq!(err.code, ErrorCode::StateMissing);
    assert!(err.message.contains("already used"), "{}", err.message);
}

#[test]
fn oauth_errors_are_reported_whatever_their_state() {
    // A denial grants nothing: its description reaches the app with or without a state.
    let cases = [
        (
            error("access_denied", Some("You need to log in"), None),
            pending(&[STATE]),
            ErrorCode::AccessDenied,
            pending(&[STATE]),
        ),
        (
            error("access_denied", Some("You need to log in"), None),
            pending(&[]),
            ErrorCode::AccessDenied,
            pending(&[]),
        ),
        (
            error("access_denied", Some("You need to log in"), Some(STATE)),
            pending(&[STATE, "B"]),
            ErrorCode::AccessDenied,
            pending(&["B"]),
        ),
        (
            error("access_denied", Some("You need to log in"), Some("other")),
            pending(&[STATE]),
            ErrorCode::AccessDenied,
            pending(&[STATE]),
        ),
        (
            error("invalid_request", None, Some(STATE)),
            pending(&[STATE]),
            ErrorCode::InvalidRequest,
            pending(&[]),
        ),
        (
            error("temporarily_unavailable", None, None),
            pending(&[]),
            ErrorCode::Other("temporarily_unavailable".into()),
            pending(&[]),
        ),
    ];
    for (params, mut before, code, after) in cases {
        let shown = format!("{params:?}");
        let err = complete_redirect(params, &mut before, NOW).unwrap_err();
        assert_eq!(err.code, code, "{shown}");
        assert_eq!(before, after, "{shown}: only its own state is consumed");
    }
}

#[test]
fn a_denial_without_state_keeps_wordpress_com_s_description() {
    // `?error=access_denied&error_description=You+need+to+log+in`, as the code flow sends it.
    let url = "https://app.example/?error=access_denied&error_description=You+need+to+log+in";
    let params = parse_redirect(url).unwrap().unwrap();
    let err = complete_redirect(params, &mut pending(&[STATE]), NOW).unwrap_err();
    assert_eq!(err.code, ErrorCode::AccessDenied);
    assert_eq!(err.message, "You need to log in");
    for url in [
        "https://app.example/#error=access_denied&error_description=You+need+to+log+in",
        "https://app.example/#/login?error=access_denied&error_description=You+need+to+log+in&state=",
    ] {
        let params = parse_redirect(url).unwrap().unwrap();
        let err = complete_redirect(params, &mut pending(&[]), NOW).unwrap_err();
        assert_eq!((err.code, err.message.as_str()), (ErrorCode::AccessDenied, "You need to log in"), "{url}");
    }
}

#[test]
fn access_denied_carries_the_description_as_message() {
    let err = complete_redirect(
        error(
            "access_denied",
            Some("You need to log in to WordPress.com"),
            Some(STATE),
        ),
        &mut pending(&[STATE]),
        NOW,
    )
    .unwrap_err();
    assert_eq!(err.message, "You need to log in to WordPress.com");
    let bare = complete_redirect(
        error("access_denied", None, Some(STATE)),
        &mut pending(&[STATE]),
        NOW,
    );
    assert_eq!(
        bare.unwrap_err().message,
        "authorization failed: access_denied"
    );
}

#[test]
fn completed_token_has_an_absolute_expiry() {
    let t = complete_redirect(
        token("tok", Some(1_209_600), Some(7), &["global"], Some(STATE)),
        &mut pending(&[STATE]),
        NOW,
    )
    .unwrap();
    assert_eq!(t.access_token.secret(), "tok");
    assert_eq!(t.expires_at, Some(NOW + 1_209_600_000.0));
    assert_eq!(t.site_id, Some(7));
    assert_eq!(t.scope, vec!["global".to_string()]);
    assert_eq!(t.token_type, "bearer");

    let forever = complete_redirect(
        token("t", None, None, &[], Some(STATE)),
        &mut pending(&[STATE]),
        NOW,
    );
    assert_eq!(forever.unwrap().expires_at, None);
}

#[test]
fn redirect_debug_never_shows_the_token() {
    let parsed = parse_redirect("http://x/#access_token=SECRET%21&state=s").unwrap();
    let shown = format!("{parsed:?}");
    assert!(!shown.contains("SECRET"), "{shown}");
    assert!(shown.contains("[redacted]"), "{shown}");
}

#[test]
fn scrubbed_urls_lose_the_oauth_parameters_only() {
    let cases = [
        ("http://127.0.0.1:8080/#access_token=t&state=s", "http://127.0.0.1:8080/"),
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080/"),
        ("http://127.0.0.1:8080/?", "http://127.0.0.1:8080/"),
        ("http://h/p?error=access_denied&state=s", "http://h/p"),
        ("http://h/p?a=1&error=x&b=2&state=s#frag", "http://h/p?a=1&b=2#frag"),
        ("http://h/p?code=c&scope=global&expires_in=1&token_type=bearer&site_id=1&error_description=d&access_token=t&keep=me", "http://h/p?keep=me"),
        ("http://h/p?%73tate=s&x=%zz&&y", "http://h/p?x=%zz&y"),
        ("http://h/p?stateful=1", "http://h/p?stateful=1"),
        ("http://h/p#a?b", "http://h/p#a?b"),
        ("http://h/p#access_token=t&tab=2", "http://h/p#tab=2"),
    ];
    for (url, want) in cases {
        assert_eq!(scrub_url(url), want, "{url}");
    }
}

/// The redirect as a hash router leaves it, with the app's route first.
const HASH_ROUTED: [(&str, &str); 7] = [
    (
        "https://app.example/#/access_token=tok123&expires_in=1209600&token_type=bearer&state=S",
        "https://app.example/#/",
    ),
    (
        "https://app.example/#/cb&access_token=tok123&expires_in=1209600&token_type=bearer&state=S",
        "https://app.example/#/cb",
    ),
    (
        "https://app.example/#/cb?access_token=tok123&expires_in=1209600&state=S",
        "https://app.example/#/cb",
    ),
    (
        "https://app.example/app/#/settings/accounts?tab=wp&access_token=tok123&state=S",
        "https://app.example/app/#/settings/accounts?tab=wp",
    ),
    (
        "https://app.example/#!/cb?access_token=tok123&state=S&expires_in=60",
        "https://app.example/#!/cb",
    ),
    (
        "https://app.example/?lang=fr#/deep/route/access_token=tok123&state=S",
        "https://app.example/?lang=fr#/deep/route/",
    ),
    (
        "https://app.example/#cb&access_token=tok123&state=S",
        "https://app.example/#cb",
    ),
];

#[test]
fn redirects_behind_a_hash_router_route_are_read_and_keep_the_route() {
    for (url, scrubbed) in HASH_ROUTED {
        let params = parse_redirect(url).unwrap_or_else(|e| panic!("{url}: {e:?}"));
        let Some(RedirectParams::Token {
            access_token,
            state,
            ..
        }) = params
        else {
            panic!("{url}: no token found");
        };
        assert_eq!(access_token.secret(), "tok123", "{url}");
        assert_eq!(state.as_deref(), Some("S"), "{url}");
        assert_eq!(scrub_url(url), scrubbed, "{url}");
    }
}

#[test]
fn an_access_token_that_cannot_be_read_is_refused_and_still_scrubbed() {
    let cases = [
        (
            "https://app.example/#/cb;access_token=tok123&state=S",
            "https://app.example/#/",
        ),
        (
            "https://app.example/#/cb&access_token=tok%ZZ&state=S",
            "https://app.example/#/cb",
        ),
        (
            "https://app.example/#/cb?access_token=a&access_token=b",
            "https://app.example/#/cb",
        ),
        (
            "https://app.example/?access_token=tok123&state=S",
            "https://app.example/",
        ),
        (
            "https://app.example/?next=/x?access_token=tok123",
            "https://app.example/",
        ),
    ];
    for (url, scrubbed) in cases {
        let err = parse_redirect(url).unwrap_err();
        assert_eq!(err.code, ErrorCode::BadRedirect, "{url}");
        assert!(!err.message.contains("tok123"), "{}", err.message);
        assert_eq!(scrub_url(url), scrubbed, "{url}");
    }
    // The word alone is no token: an ordinary page load.
    for url in [
        "https://app.example/#/docs/access_token",
        "https://app.example/?q=access_token",
    ] {
        assert_eq!(parse_redirect(url).unwrap(), None, "{url}");
    }
}
