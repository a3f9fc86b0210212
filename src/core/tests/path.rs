use super::prelude::*;

use crate::core::endpoint::Method;
use crate::core::error::ErrorCode;
use crate::core::path::{build_api_call, namespace_option, NAMESPACES};

const BASE: &str = "https://public-api.wordpress.com";

fn q(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn url(path: &str) -> String {
    build_api_call(BASE, Method::Get, path, &[], None)
        .unwrap_or_else(|e| panic!("{path}: {e:?}"))
        .url
}

#[test]
fn paths_as_docs_and_sdks_write_them_reach_the_same_url() {
    // The Paragon docs write `v1.1/me/sites`; WordPress.com's docs `/rest/v1.1/me/sites`.
    let me_sites = "https://public-api.wordpress.com/rest/v1.1/me/sites";
    for path in [
        "/me/sites",
        "me/sites",
        "/rest/v1.1/me/sites",
        "rest/v1.1/me/sites",
        "v1.1/me/sites",
        "/v1.1/me/sites",
        "https://public-api.wordpress.com/rest/v1.1/me/sites",
        "HTTPS://Public-API.WordPress.com/rest/v1.1/me/sites",
    ] {
        assert_eq!(url(path), me_sites, "{path}");
    }
    let cases = [
        ("/rest/v1.1/me", "/rest/v1.1/me"),
        ("rest/v1/me", "/rest/v1/me"),
        ("v1/me", "/rest/v1/me"),
        ("v1.2/sites/1/posts", "/rest/v1.2/sites/1/posts"),
        ("/rest/v1.4/sites/1/posts", "/rest/v1.4/sites/1/posts"),
        ("sites/123/posts/new", "/rest/v1.1/sites/123/posts/new"),
        ("wp/v2/sites/123/posts", "/wp/v2/sites/123/posts"),
        (
            "/wpcom/v2/sites/1/blogging-prompts",
            "/wpcom/v2/sites/1/blogging-prompts",
        ),
        ("/wp/v2", "/wp/v2"),
        // A route that merely starts like a version stays a route.
        ("v1.10/me", "/rest/v1.1/v1.10/me"),
        ("/me/v1.1", "/rest/v1.1/me/v1.1"),
    ];
    for (path, want) in cases {
        assert_eq!(url(path), format!("{BASE}{want}"), "{path}");
    }
}

#[test]
fn a_query_in_the_path_merges_with_query_and_is_encoded_again() {
    let cases = [
        (
            "/rest/v1.2/sites/1/posts?number=5",
            q(&[("order", "ASC")]),
            "/rest/v1.2/sites/1/posts?number=5&order=ASC",
        ),
        (
            "/me?fields=ID,display_name",
            q(&[]),
            "/rest/v1.1/me?fields=ID%2Cdisplay_name",
        ),
        (
            "/x?search=a+b%26c",
            q(&[("before", "2024-01-01T00:00:00+00:00")]),
            "/rest/v1.1/x?search=a%20b%26c&before=2024-01-01T00%3A00%3A00%2B00%3A00",
        ),
        ("/me?", q(&[]), "/rest/v1.1/me"),
    ];
    for (path, query, want) in cases {
        let call = build_api_call(BASE, Method::Get, path, &query, None).unwrap();
        assert_eq!(call.url, format!("{BASE}{want}"), "{path}");
    }
}

#[test]
fn the_namespace_comes_from_the_path_or_the_options_never_both_different() {
    let v2 = namespace_option(Some("2"), None).unwrap();
    assert_eq!(v2, Some("wpcom/v2"));
    let cases = [
        ((None, None), "/me", "/rest/v1.1/me"),
        ((Some("1.2"), None), "/me", "/rest/v1.2/me"),
        ((Some("1"), None), "/me", "/rest/v1/me"),
        (
            (None, Some("wp/v2")),
            "/sites/1/posts",
            "/wp/v2/sites/1/posts",
        ),
        ((None, Some("/rest/v1.3/")), "/me", "/rest/v1.3/me"),
        ((Some("1.2"), Some("rest/v1.2")), "/me", "/rest/v1.2/me"),
        ((Some("1.2"), None), "/rest/v1.2/me", "/rest/v1.2/me"),
        ((Some("2"), None), "wpcom/v2/x", "/wpcom/v2/x"),
    ];
    for ((version, namespace), path, want) in cases {
        let ns = namespace_option(version, namespace).unwrap();
        let call = build_api_call(BASE, Method::Get, path, &[], ns).unwrap();
        assert_eq!(
            call.url,
            format!("{BASE}{want}"),
            "{version:?} {namespace:?} {path}"
        );
    }
    let refused = [
        (
            (Some("1.2"), None),
            "/rest/v1.1/me",
            ["rest/v1.1", "rest/v1.2"],
        ),
        ((None, Some("wp/v2")), "wpcom/v2/x", ["wpcom/v2", "wp/v2"]),
        ((Some("2"), None), "v1.1/me", ["rest/v1.1", "wpcom/v2"]),
    ];
    for ((version, namespace), path, named) in refused {
        let ns = namespace_option(version, namespace).unwrap();
        let err = build_api_call(BASE, Method::Get, path, &[], ns).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidConfig, "{path}");
        for name in named {
            assert!(err.message.contains(name), "{}", err.message);
        }
    }
    let both = namespace_option(Some("1.1"), Some("wp/v2")).unwrap_err();
    assert_eq!(both.code, ErrorCode::InvalidConfig);
    assert!(both.message.contains("rest/v1.1") && both.message.contains("wp/v2"));
    for (version, namespace) in [
        (Some("1.5"), None),
        (Some("v1.1"), None),
        (Some(""), None),
        (None, Some("wp/v3")),
        (None, Some("rest")),
    ] {
        let err = namespace_option(version, namespace).unwrap_err();
        assert_eq!(
            err.code,
            ErrorCode::InvalidConfig,
            "{version:?} {namespace:?}"
        );
    }
    assert!(NAMESPACES.contains(&crate::core::path::DEFAULT_NAMESPACE));
}

#[test]
fn a_key_in_the_path_and_in_query_is_refused() {
    let err = build_api_call(
        BASE,
        Method::Get,
        "/me?fields=ID",
        &q(&[("fields", "x")]),
        None,
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidConfig);
    assert!(err.message.contains("'fields'"), "{}", err.message);
    for path in ["/me?a=1&a=2", "/me?a=%zz"] {
        let err = build_api_call(BASE, Method::Get, path, &[], None).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidConfig, "{path}");
    }
}

#[test]
fn the_token_is_never_sent_to_another_origin() {
    for path in [
        "https://evil.example/rest/v1.1/me",
        "https://public-api.wordpress.com.evil.example/rest/v1.1/me",
        "https://public-api.wordpress.com@evil.example/rest/v1.1/me",
        "https://public-api.wordpress.com:8443/rest/v1.1/me",
        "http://public-api.wordpress.com/rest/v1.1/me",
        "//evil.example/rest/v1.1/me",
        "javascript://public-api.wordpress.com/%0aalert(1)",
    ] {
        let err = build_api_call(BASE, Method::Get, path, &[], None).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidConfig, "{path}");
    }
    let err = build_api_call(BASE, Method::Get, "https://evil.example/me", &[], None).unwrap_err();
    assert!(
        err.message.contains(BASE) && err.message.contains("never sent to another origin"),
        "{}",
        err.message
    );
    // A base with a path prefix (a proxy): absolute URLs must be under the prefix.
    let proxy = "http://127.0.0.1:9000/proxy/";
    let ok = build_api_call(
        proxy,
        Method::Get,
        "http://127.0.0.1:9000/proxy/rest/v1.1/me",
        &[],
        None,
    );
    assert_eq!(ok.unwrap().url, "http://127.0.0.1:9000/proxy/rest/v1.1/me");
    let out = build_api_call(
        proxy,
        Method::Get,
        "http://127.0.0.1:9000/rest/v1.1/me",
        &[],
        None,
    );
    assert_eq!(out.unwrap_err().code, ErrorCode::InvalidConfig);
}

#[test]
fn wp_v2_writes_other_than_post_go_out_as_post_with_method_override() {
    let cases = [
        (
            Method::Delete,
            "wp/v2/sites/1/posts/7",
            q(&[]),
            "/wp/v2/sites/1/posts/7?_method=DELETE",
        ),
        (
            Method::Put,
            "/wp/v2/sites/1/posts/7",
            q(&[]),
            "/wp/v2/sites/1/posts/7?_method=PUT",
        ),
        (
            Method::Patch,
            "wpcom/v2/x?a=1",
            q(&[("b", "2")]),
            "/wpcom/v2/x?a=1&b=2&_method=PATCH",
        ),
        (
            Method::Delete,
            "wp/v2/sites/1/posts/7",
            q(&[("force", "true")]),
            "/wp/v2/sites/1/posts/7?force=true&_method=DELETE",
        ),
    ];
    for (method, path, query, want) in cases {
        let call = build_api_call(BASE, method, path, &query, None).unwrap();
        assert_eq!(call.method, Method::Post, "{path}");
        assert_eq!(call.url, format!("{BASE}{want}"), "{path}");
    }
    for method in [Method::Get, Method::Post] {
        let call = build_api_call(BASE, method, "wp/v2/sites/1/posts", &[], None).unwrap();
        assert_eq!((call.method, call.url.contains("_method")), (method, false));
    }
    let twice = build_api_call(BASE, Method::Delete, "wp/v2/x?_method=PUT", &[], None);
    assert_eq!(twice.unwrap_err().code, ErrorCode::InvalidConfig);
}

#[test]
fn rest_v1_refuses_other_methods_with_the_delete_route_to_use() {
    for method in [Method::Delete, Method::Put, Method::Patch] {
        for path in ["/sites/1/posts/7", "v1.2/sites/1/posts/7", "rest/v1/me"] {
            let err = build_api_call(BASE, method, path, &[], None).unwrap_err();
            assert_eq!(err.code, ErrorCode::InvalidConfig, "{method:?} {path}");
            assert!(err.message.contains(method.as_str()), "{}", err.message);
            assert!(
                err.message.contains("POST /sites/$site/posts/$ID/delete"),
                "{}",
                err.message
            );
        }
    }
}

#[test]
fn paths_that_could_escape_or_bases_that_are_not_urls_are_refused() {
    for path in ["/sites/../me", "/me#x", "..", "/me/..%2f", "//me"] {
        let err = build_api_call(BASE, Method::Get, path, &[], None);
        let err = err.err().unwrap_or_else(|| panic!("{path} was accepted"));
        assert_eq!(err.code, ErrorCode::InvalidConfig, "{path}");
    }
    for base in [
        "public-api.wordpress.com",
        "",
        "https://x/?a",
        "https://x/#a",
    ] {
        let err = build_api_call(base, Method::Get, "/me", &[], None).unwrap_err();
        assert!(err.message.contains("apiBase"), "{}", err.message);
    }
    let local = build_api_call(
        "http://127.0.0.1:9000/",
        Method::Get,
        "/me/sites",
        &q(&[("fields", "ID,name")]),
        None,
    );
    assert_eq!(
        local.unwrap().url,
        "http://127.0.0.1:9000/rest/v1.1/me/sites?fields=ID%2Cname"
    );
}
