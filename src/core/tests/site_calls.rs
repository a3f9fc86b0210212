use super::prelude::*;

use crate::core::endpoint::Method;
use crate::core::error::{Error, ErrorBody, ErrorCode};
use crate::core::paginate::{PageInfo, Pager, Style};
use crate::core::site::calls::{
    build_site_call, page_query, site_error_from_response, split_site_path, IGNORED,
};

const RR: &str = "http://127.0.0.1:8881/index.php?rest_route=/";
const WJ: &str = "https://ex.com/wp-json/";

type Query = Vec<(String, String)>;

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn paths_are_routes_under_the_discovered_root() {
    let cases: &[(&str, Method, &str, Query, Method, &str)] = &[
        (
            RR,
            Method::Get,
            "/wp/v2/users/me",
            pairs(&[]),
            Method::Get,
            "http://127.0.0.1:8881/index.php?rest_route=/wp/v2/users/me",
        ),
        (
            RR,
            Method::Get,
            "wp/v2/posts?status=publish",
            pairs(&[("per_page", "2")]),
            Method::Get,
            "http://127.0.0.1:8881/index.php?rest_route=/wp/v2/posts&status=publish&per_page=2",
        ),
        (
            RR,
            Method::Delete,
            "/wp/v2/users/me/application-passwords/0f8a3c1e-5b7d-4e2a-9c6f-1d2e3f4a5b6c",
            pairs(&[]),
            Method::Delete,
            "http://127.0.0.1:8881/index.php?rest_route=/wp/v2/users/me/application-passwords/0f8a3c1e-5b7d-4e2a-9c6f-1d2e3f4a5b6c",
        ),
        (
            WJ,
            Method::Put,
            "/wp/v2/posts/7",
            pairs(&[]),
            Method::Put,
            "https://ex.com/wp-json/wp/v2/posts/7",
        ),
        (
            WJ,
            Method::Get,
            "https://ex.com/wp-json/wp/v2/posts?page=3",
            pairs(&[("per_page", "10")]),
            Method::Get,
            "https://ex.com/wp-json/wp/v2/posts?page=3&per_page=10",
        ),
        (
            RR,
            Method::Get,
            "http://127.0.0.1:8881/index.php?rest_route=/wp/v2/posts&page=2",
            pairs(&[]),
            Method::Get,
            "http://127.0.0.1:8881/index.php?rest_route=/wp/v2/posts&page=2",
        ),
    ];
    for (root, method, path, query, wire, url) in cases {
        let call = build_site_call(root, *method, path, query).unwrap();
        assert_eq!((call.method, call.url.as_str()), (*wire, *url), "{path}");
    }
}

#[test]
fn paths_that_could_leave_the_site_or_say_a_key_twice_are_refused() {
    let refused: &[(&str, &str, Query)] = &[
        (WJ, "https://evil.example/wp-json/wp/v2/posts", pairs(&[])),
        (
            RR,
            "https://evil.example/index.php?rest_route=/wp/v2/posts",
            pairs(&[]),
        ),
        (WJ, "//evil.example/wp/v2/posts", pairs(&[])),
        (WJ, "/wp/v2/../../x", pairs(&[])),
        (WJ, "/wp/v2/posts#x", pairs(&[])),
        (WJ, "/wp/v2/po sts", pairs(&[])),
        (WJ, "/wp/v2/posts?page=1", pairs(&[("page", "2")])),
    ];
    for (root, path, query) in refused {
        let e = build_site_call(root, Method::Get, path, query).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidConfig, "{path}");
    }
}

#[test]
fn one_page_s_query() {
    assert_eq!(
        page_query(&pairs(&[("status", "publish")]), Some(2), Some(5)).unwrap(),
        pairs(&[("status", "publish"), ("page", "2"), ("per_page", "5")])
    );
    assert_eq!(page_query(&[], None, None).unwrap(), pairs(&[]));
    for (page, per_page) in [(Some(0), None), (None, Some(0)), (None, Some(101))] {
        assert_eq!(
            page_query(&[], page, per_page).unwrap_err().code,
            ErrorCode::InvalidConfig
        );
    }
}

#[test]
fn a_collection_is_walked_page_by_page_with_the_paths_own_query() {
    // `paginate('/wp/v2/posts?per_page=2&page=2', { query: { status } })`: the path's page and
    // size count, and the later pages' `page` replaces it (no key twice).
    let (route, query) = split_site_path(
        RR,
        "/wp/v2/posts?per_page=2&page=2",
        &pairs(&[("status", "publish")]),
    )
    .unwrap();
    assert_eq!(route, "/wp/v2/posts");
    let mut pager = Pager::with_style(Style::Core, &query).unwrap();
    let mut asked = Vec::new();
    let pages = [(2, Some(4)), (2, Some(4)), (1, Some(4))];
    for (items, total_pages) in pages {
        let Some(next) = pager.next_query() else {
            break;
        };
        asked.push((
            pager.page(),
            build_site_call(RR, Method::Get, &route, &next).unwrap().url,
        ));
        pager.read(&PageInfo {
            items,
            total_pages,
            ..PageInfo::default()
        });
    }
    assert_eq!(pager.next_query(), None);
    let base = "http://127.0.0.1:8881/index.php?rest_route=/wp/v2/posts&per_page=2&status=publish";
    assert_eq!(
        asked,
        [2, 3, 4].map(|n| (n, format!("{base}&page={n}"))).to_vec()
    );

    // An absolute URL under the root (a `Link` header's) is split the same way; one elsewhere,
    // or a key both in the path and in query, is refused before anything is sent.
    let (route, query) =
        split_site_path(WJ, "https://ex.com/wp-json/wp/v2/media?page=3", &[]).unwrap();
    assert_eq!(
        (route.as_str(), query),
        ("/wp/v2/media", pairs(&[("page", "3")]))
    );
    for (path, query) in [
        ("https://elsewhere.example/wp-json/wp/v2/posts", pairs(&[])),
        ("/wp/v2/posts?page=2", pairs(&[("page", "3")])),
        ("/wp/v2/posts#x", pairs(&[])),
    ] {
        let e = split_site_path(WJ, path, &query).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidConfig, "{path}");
    }
    // The pager refuses what it cannot page: offset, a page that is not a positive integer.
    for bad in [("offset", "5"), ("page", "0"), ("page", "x")] {
        let e = Pager::with_style(Style::Core, &pairs(&[bad])).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidConfig, "{bad:?}");
    }
}

/// A WordPress REST error body, as the browser layer reads it.
fn wp_error(code: &str, message: &str) -> Option<ErrorBody> {
    Some(ErrorBody {
        code: Some(code.into()),
        message: Some(message.into()),
        ..ErrorBody::default()
    })
}

fn map(status: u16, body: Option<ErrorBody>) -> Error {
    site_error_from_response(status, "{}", body)
}

#[test]
fn the_site_s_refusals_of_the_password_are_named_as_such() {
    let e = map(
        401,
        wp_error(
            "incorrect_password",
            "The provided password is an invalid application password.",
        ),
    );
    assert_eq!(
        (e.code, e.status),
        (ErrorCode::CredentialsRefused, Some(401))
    );
    assert!(
        e.message.contains("invalid application password"),
        "{}",
        e.message
    );
    assert!(e.message.contains("connect again"), "{}", e.message);
    assert_eq!(
        map(401, wp_error("invalid_username", "Unknown username.")).code,
        ErrorCode::CredentialsRefused
    );

    // What the real WordPress 6.1 answered to a wrong password, and what a site that never read
    // the credentials answers: both named, with the reasons in words.
    let e = map(
        401,
        wp_error("rest_not_logged_in", "You are not currently logged in."),
    );
    assert_eq!(e.code, ErrorCode::CredentialsIgnored);
    assert!(e
        .message
        .starts_with("You are not currently logged in. (rest_not_logged_in): "));
    assert!(e.message.ends_with(IGNORED));
    assert!(e.message.contains("plain http"), "{}", e.message);

    let e = map(
        501,
        wp_error(
            "application_passwords_disabled",
            "Application passwords are not available.",
        ),
    );
    assert_eq!(e.code, ErrorCode::ApplicationPasswordsUnavailable);
}

#[test]
fn other_errors_keep_wordpress_s_code_and_message() {
    let e = map(404, wp_error("rest_post_invalid_id", "Invalid post ID."));
    assert_eq!(
        (e.code.as_str(), e.status, e.message.as_str()),
        ("rest_post_invalid_id", Some(404), "Invalid post ID.")
    );
    let e = map(
        403,
        wp_error("rest_cannot_create", "Sorry, you are not allowed."),
    );
    assert_eq!(e.code.as_str(), "rest_cannot_create");
    // No message: one that names the site, not WordPress.com.
    let e = site_error_from_response(502, "<html>Bad gateway</html>", None);
    assert_eq!(e.code, ErrorCode::ServerError);
    assert_eq!(
        e.message,
        "the site answered HTTP 502 with no error message"
    );
    // A bare 404 (no REST error: WordPress says rest_no_route) is an API root that is none.
    let e = map(404, None);
    assert!(e
        .message
        .starts_with("the site answered HTTP 404 with no error message: is apiRoot"));
    assert!(e.message.contains("/wp-json/"), "{}", e.message);
    let routed = map(404, wp_error("rest_no_route", "No route was found."));
    assert_eq!(routed.message, "No route was found.");
}

#[test]
fn the_new_codes_round_trip_through_their_wire_strings() {
    use ErrorCode::*;
    for (code, wire) in [
        (NotWordpress, "not_wordpress"),
        (RestApiDisabled, "rest_api_disabled"),
        (
            ApplicationPasswordsUnavailable,
            "application_passwords_unavailable",
        ),
        (SiteMismatch, "site_mismatch"),
        (CredentialsRefused, "credentials_refused"),
        (CredentialsIgnored, "credentials_ignored"),
    ] {
        assert_eq!(code.as_str(), wire);
        assert_eq!(ErrorCode::from_wire(wire), code);
    }
}

#[test]
fn media_filenames_become_a_content_disposition_wordpress_reads() {
    use crate::core::site::calls::content_disposition;
    for (name, header) in [
        ("photo.jpg", r#"attachment; filename="photo.jpg""#),
        (" my photo.png ", r#"attachment; filename="my photo.png""#),
        (
            "café \"x\";y/z\\.gif",
            r#"attachment; filename="caf- -x--y-z-.gif""#,
        ),
        ("a\r\nb.txt", r#"attachment; filename="a--b.txt""#),
    ] {
        assert_eq!(content_disposition(name).unwrap(), header, "{name:?}");
    }
    assert_eq!(
        content_disposition("  ").unwrap_err().code,
        ErrorCode::InvalidConfig
    );
}
