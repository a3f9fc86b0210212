use super::prelude::*;

use crate::core::error::ErrorCode;
use crate::core::site::discovery::{
    api_root_from_link, discovery_urls, index_refused, parse_link_header, read_site, route_of,
    route_url, site_address, Link, SiteIndex,
};

fn link(target: &str, rels: &[&str]) -> Link {
    Link {
        target: target.into(),
        rels: rels.iter().map(|r| r.to_string()).collect(),
    }
}

#[test]
fn link_headers_in_every_form_wordpress_and_proxies_send() {
    let cases: &[(&str, Vec<Link>)] = &[
        // WordPress with plain permalinks (seen on the real 6.1).
        (
            r#"<http://127.0.0.1:8881/index.php?rest_route=/>; rel="https://api.w.org/""#,
            vec![link(
                "http://127.0.0.1:8881/index.php?rest_route=/",
                &["https://api.w.org/"],
            )],
        ),
        // Pretty permalinks, a shortlink beside it, no spaces, unquoted rel.
        (
            "<https://ex.com/wp-json/>;rel=\"https://api.w.org/\",<https://ex.com/?p=5>;rel=shortlink",
            vec![
                link("https://ex.com/wp-json/", &["https://api.w.org/"]),
                link("https://ex.com/?p=5", &["shortlink"]),
            ],
        ),
        // Several relations, other parameters with commas and semicolons in quotes, escapes.
        (
            r#"<https://ex.com/a,b>; title="x, y; z"; rel="alternate https://api.w.org/", <https://ex.com/c>; title="say \"hi\", ok"; rel=next"#,
            vec![
                link("https://ex.com/a,b", &["alternate", "https://api.w.org/"]),
                link("https://ex.com/c", &["next"]),
            ],
        ),
        // A collection's paging links (X-WP-TotalPages' neighbours).
        (
            r#"<https://ex.com/wp-json/wp/v2/posts?page=1>; rel="prev", <https://ex.com/wp-json/wp/v2/posts?page=3>; rel="next""#,
            vec![
                link("https://ex.com/wp-json/wp/v2/posts?page=1", &["prev"]),
                link("https://ex.com/wp-json/wp/v2/posts?page=3", &["next"]),
            ],
        ),
        // Garbage before a good link is skipped, not the whole header.
        (
            r#"junk; rel=x, <https://ex.com/wp-json/>; rel="https://api.w.org/""#,
            vec![link("https://ex.com/wp-json/", &["https://api.w.org/"])],
        ),
        ("", vec![]),
        ("<https://ex.com/unterminated; rel=x", vec![]),
    ];
    for (header, expected) in cases {
        assert_eq!(&parse_link_header(header), expected, "{header}");
    }
}

#[test]
fn the_api_root_is_the_link_with_wordpress_s_relation() {
    let base = "https://ex.com/blog/?rest_route=/";
    assert_eq!(
        api_root_from_link(
            r#"<https://ex.com/?p=1>; rel=shortlink, <https://ex.com/blog/wp-json/>; rel="https://api.w.org/""#,
            base
        )
        .as_deref(),
        Some("https://ex.com/blog/wp-json/")
    );
    // A path is resolved against the fetched URL's origin.
    assert_eq!(
        api_root_from_link(r#"</wp-json/>; rel="https://api.w.org/""#, base).as_deref(),
        Some("https://ex.com/wp-json/")
    );
    // Not http(s), or no such relation: none.
    for header in [
        r#"<javascript:alert(1)>; rel="https://api.w.org/""#,
        r#"<https://ex.com/wp-json/>; rel="https://api.w.org/x""#,
        r#"<https://ex.com/wp-json/>; rel=next"#,
    ] {
        assert_eq!(api_root_from_link(header, base), None, "{header}");
    }
}

#[test]
fn a_site_address_is_normalised_from_what_the_user_typed() {
    for (input, expected) in [
        ("example.com", "https://example.com"),
        ("  https://example.com/  ", "https://example.com"),
        ("http://127.0.0.1:8881/", "http://127.0.0.1:8881"),
        ("https://ex.com/blog/?p=4#top", "https://ex.com/blog"),
    ] {
        assert_eq!(site_address(input).unwrap(), expected, "{input}");
    }
    for bad in [
        "",
        "ftp://ex.com",
        "https://",
        "javascript:alert(1)",
        "https://ex .com",
    ] {
        assert_eq!(
            site_address(bad).unwrap_err().code,
            ErrorCode::InvalidConfig,
            "{bad}"
        );
    }
}

#[test]
fn discovery_asks_rest_route_first_then_wp_json_for_a_few_fields() {
    let [(first, first_root), (second, second_root)] = discovery_urls("https://ex.com/blog");
    assert_eq!(
        first,
        "https://ex.com/blog/?rest_route=/&_fields=name%2Cdescription%2Curl%2Chome%2Cnamespaces%2Cauthentication"
    );
    assert_eq!(first_root, "https://ex.com/blog/?rest_route=/");
    assert!(second.starts_with("https://ex.com/blog/wp-json/?_fields=name%2C"));
    assert_eq!(second_root, "https://ex.com/blog/wp-json/");
}

fn index(authorization: Option<&str>) -> SiteIndex {
    SiteIndex {
        name: Some("Test".into()),
        description: Some("Just another site".into()),
        url: Some("http://127.0.0.1:8881".into()),
        home: Some("http://127.0.0.1:8881".into()),
        namespaces: Some(vec!["oembed/1.0".into(), "wp/v2".into()]),
        authorization: authorization.map(String::from),
    }
}

#[test]
fn an_index_with_its_link_header_gives_the_site() {
    let root = "http://127.0.0.1:8881/?rest_route=/";
    let link = r#"<http://127.0.0.1:8881/index.php?rest_route=/>; rel="https://api.w.org/""#;
    let site = read_site(
        root,
        Some(link),
        index(Some(
            "http://127.0.0.1:8881/wp-admin/authorize-application.php",
        )),
    )
    .unwrap();
    assert_eq!(
        site.api_root,
        "http://127.0.0.1:8881/index.php?rest_route=/"
    );
    assert_eq!(
        site.authorization_url,
        "http://127.0.0.1:8881/wp-admin/authorize-application.php"
    );
    assert_eq!(site.name, "Test");
    assert_eq!(site.url, "http://127.0.0.1:8881");
    assert_eq!(site.namespaces, ["oembed/1.0", "wp/v2"]);
    // The Link header unreadable (a proxy that does not expose it): the fetched root stands.
    let site = read_site(root, None, index(Some("https://ex.com/wp-admin/a.php"))).unwrap();
    assert_eq!(site.api_root, root);
}

#[test]
fn discovery_errors_say_why() {
    let not_index = SiteIndex {
        namespaces: None,
        ..index(None)
    };
    let e = read_site("https://ex.com/wp-json/", None, not_index).unwrap_err();
    assert_eq!(e.code, ErrorCode::NotWordpress);
    assert!(
        e.message.contains("https://ex.com/wp-json/"),
        "{}",
        e.message
    );

    let e = read_site("http://ex.com/wp-json/", None, index(None)).unwrap_err();
    assert_eq!(e.code, ErrorCode::ApplicationPasswordsUnavailable);
    assert!(e.message.contains("plain http"), "{}", e.message);
    assert!(e.message.contains("https://"), "{}", e.message);
    // Over http the index cannot tell a local-only rule from a switch: both are named.
    assert!(e.message.contains("turned them off"), "{}", e.message);

    let e = read_site("https://ex.com/wp-json/", None, index(None)).unwrap_err();
    assert_eq!(e.code, ErrorCode::ApplicationPasswordsUnavailable);
    assert!(e.message.contains("turned them off"), "{}", e.message);

    // An authorization endpoint that is not http(s) is as good as none.
    let e = read_site("https://ex.com/wp-json/", None, index(Some("javascript:x"))).unwrap_err();
    assert_eq!(e.code, ErrorCode::ApplicationPasswordsUnavailable);

    let e = index_refused(
        "https://ex.com/?rest_route=/",
        401,
        Some("rest_cannot_access"),
        Some("Only authenticated users can access the REST API."),
    );
    assert_eq!(e.code, ErrorCode::RestApiDisabled);
    assert_eq!(e.status, Some(401));
    assert!(e.message.contains("rest_cannot_access"), "{}", e.message);
    assert!(
        e.message.contains("Only authenticated users"),
        "{}",
        e.message
    );

    let e = index_refused("https://ex.com/?rest_route=/", 404, None, None);
    assert_eq!(e.code, ErrorCode::NotWordpress);
}

#[test]
fn routes_join_a_path_root_and_a_rest_route_root() {
    let q = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    };
    type Case<'a> = (&'a str, &'a str, Vec<(String, String)>, &'a str);
    let cases: &[Case] = &[
        (
            "https://ex.com/wp-json/",
            "/wp/v2/users/me",
            q(&[]),
            "https://ex.com/wp-json/wp/v2/users/me",
        ),
        (
            "https://ex.com/wp-json",
            "wp/v2/posts",
            q(&[("per_page", "5"), ("search", "a b&c")]),
            "https://ex.com/wp-json/wp/v2/posts?per_page=5&search=a%20b%26c",
        ),
        // The route goes inside rest_route; the query is merged after it, not appended to
        // the root (which would give `?rest_route=/?per_page=5`).
        (
            "http://127.0.0.1:8881/index.php?rest_route=/",
            "/wp/v2/users/me",
            q(&[("context", "edit")]),
            "http://127.0.0.1:8881/index.php?rest_route=/wp/v2/users/me&context=edit",
        ),
        (
            "http://127.0.0.1:8881/index.php?rest_route=/",
            "/",
            q(&[]),
            "http://127.0.0.1:8881/index.php?rest_route=/",
        ),
        // A root with other parameters keeps them; route segments are encoded, `/` is not.
        (
            "https://ex.com/?lang=fr&rest_route=%2F",
            "/wp/v2/posts/7/a b",
            q(&[("page", "2")]),
            "https://ex.com/?rest_route=/wp/v2/posts/7/a%20b&lang=fr&page=2",
        ),
    ];
    for (root, route, query, expected) in cases {
        assert_eq!(&route_url(root, route, query), expected, "{root} {route}");
    }
}

#[test]
fn absolute_urls_are_read_back_only_under_the_root() {
    let rr = "http://127.0.0.1:8881/index.php?rest_route=/";
    assert_eq!(
        route_of(
            rr,
            "http://127.0.0.1:8881/index.php?rest_route=/wp/v2/posts&page=2"
        ),
        Some(("/wp/v2/posts".into(), "page=2".into()))
    );
    assert_eq!(
        route_of(
            rr,
            "http://127.0.0.1:8881/index.php?page=2&rest_route=%2Fwp%2Fv2%2Fposts"
        ),
        Some(("/wp/v2/posts".into(), "page=2".into()))
    );
    assert_eq!(
        route_of(rr, "http://evil.example/index.php?rest_route=/wp/v2/posts"),
        None
    );
    assert_eq!(route_of(rr, "http://127.0.0.1:8881/index.php?page=2"), None);
    let wj = "https://ex.com/wp-json/";
    assert_eq!(
        route_of(wj, "https://EX.com/wp-json/wp/v2/posts?page=2"),
        Some(("/wp/v2/posts".into(), "page=2".into()))
    );
    assert_eq!(route_of(wj, "https://ex.com/wp-jsonx/wp/v2/posts"), None);
    assert_eq!(
        route_of(wj, "https://ex.com.evil.example/wp-json/wp/v2"),
        None
    );
}
