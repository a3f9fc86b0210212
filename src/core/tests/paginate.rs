//! The pager, as a table of walks: each answer a page gives and the query that follows it.
use super::prelude::*;

use crate::core::envelope::Envelope;
use crate::core::error::{Error, ErrorCode};
use crate::core::paginate::{found, handle, total_pages, PageInfo, Pager, Style};
use crate::core::path::split_collection;
use crate::core::quirks::Seen;

fn q(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn page(items: u64) -> PageInfo {
    PageInfo {
        items,
        ..PageInfo::default()
    }
}

fn rest(items: u64, found: Option<u64>, next: Option<&str>) -> PageInfo {
    PageInfo {
        items,
        found,
        next_page: next.map(String::from),
        total_pages: None,
    }
}

/// Runs a walk: each page answers the query the pager asked for; returns the queries asked.
fn walk(namespace: &str, query: &[(&str, &str)], pages: &[PageInfo]) -> Vec<Vec<(String, String)>> {
    let mut pager = Pager::new(namespace, &q(query)).unwrap();
    let mut asked = Vec::new();
    for info in pages {
        let Some(query) = pager.next_query() else {
            panic!(
                "the pager stopped before page {} of {}",
                asked.len() + 1,
                pages.len()
            );
        };
        asked.push(query);
        pager.read(info);
    }
    assert_eq!(
        pager.next_query(),
        None,
        "the pager asks for more after {asked:?}"
    );
    asked
}

#[test]
fn v1_pages_by_the_handle_each_page_gives_until_found() {
    let asked = walk(
        "rest/v1.1",
        &[("number", "20")],
        &[
            rest(20, Some(50), Some("value=a&id=30")),
            rest(20, Some(50), Some("value=b&id=10")),
            rest(10, Some(50), None),
        ],
    );
    assert_eq!(
        asked,
        vec![
            q(&[("number", "20")]),
            q(&[("number", "20"), ("page_handle", "value=a&id=30")]),
            q(&[("number", "20"), ("page_handle", "value=b&id=10")]),
        ]
    );
}

#[test]
fn v1_stops_at_found_even_when_a_handle_is_given() {
    walk(
        "rest/v1.1",
        &[],
        &[
            rest(20, Some(40), Some("h1")),
            rest(20, Some(40), Some("h2")),
        ],
    );
}

#[test]
fn v1_ends_when_a_page_read_by_handle_names_no_next_one() {
    // Uncounted, full pages: only the missing handle says it is over.
    walk(
        "rest/v1.1",
        &[],
        &[rest(20, None, Some("h1")), rest(20, None, None)],
    );
}

#[test]
fn v1_falls_back_to_page_where_the_route_gives_no_handle() {
    // Comments: no handle, `found: -1` (not counted), so a short page is the last.
    let asked = walk(
        "rest/v1.1",
        &[("number", "2"), ("order", "ASC")],
        &[
            rest(2, None, None),
            rest(2, None, None),
            rest(1, None, None),
        ],
    );
    assert_eq!(
        asked,
        vec![
            q(&[("number", "2"), ("order", "ASC")]),
            q(&[("number", "2"), ("order", "ASC"), ("page", "2")]),
            q(&[("number", "2"), ("order", "ASC"), ("page", "3")]),
        ]
    );
}

#[test]
fn v1_page_fallback_counts_when_found_is_given() {
    // Counted: a short page does not end it (WordPress.com may drop unreadable items), found does.
    walk(
        "rest/v1.1",
        &[("number", "5")],
        &[
            rest(5, Some(12), None),
            rest(4, Some(12), None),
            rest(3, Some(12), None),
        ],
    );
}

#[test]
fn v1_without_a_page_size_learns_it_from_the_pages() {
    // No `number` given and nothing counted: a page shorter than the largest before it is the
    // last; the first page alone cannot say, so an empty page ends it.
    walk(
        "rest/v1.1",
        &[],
        &[
            rest(20, None, None),
            rest(20, None, None),
            rest(7, None, None),
        ],
    );
    walk(
        "rest/v1.1",
        &[],
        &[rest(3, None, None), rest(0, None, None)],
    );
}

#[test]
fn a_server_that_repeats_a_handle_is_not_asked_again() {
    let asked = walk(
        "rest/v1.1",
        &[],
        &[
            rest(20, None, Some("h1")),
            rest(20, None, Some("h2")),
            rest(20, None, Some("h1")),
        ],
    );
    assert_eq!(asked.len(), 3);
    // The same handle twice in a row (a server that ignores a malformed one answers the first
    // page again, with its handle).
    walk(
        "rest/v1.1",
        &[],
        &[rest(20, None, Some("h1")), rest(20, None, Some("h1"))],
    );
}

#[test]
fn a_malformed_next_page_is_no_handle() {
    let cases: [(Seen<'_>, Option<&str>); 9] = [
        (
            Seen::Text("value=2024-01-01&id=5"),
            Some("value=2024-01-01&id=5"),
        ),
        (Seen::Number(42.0), Some("42")),
        (Seen::Text(""), None),
        (Seen::Text("   "), None),
        (Seen::Null, None),
        (Seen::Bool(false), None),
        (Seen::Object, None),
        (Seen::Array(1), None),
        (Seen::Number(-1.0), None),
    ];
    for (seen, want) in cases {
        assert_eq!(handle(seen).as_deref(), want, "{seen:?}");
    }
    // Without a usable handle on its first page, a route pages by number.
    let asked = walk(
        "rest/v1.1",
        &[("number", "2")],
        &[rest(2, Some(3), None), rest(1, Some(3), None)],
    );
    assert_eq!(asked[1], q(&[("number", "2"), ("page", "2")]));
}

#[test]
fn found_minus_one_is_not_counted() {
    let cases: [(Seen<'_>, Option<u64>); 7] = [
        (Seen::Number(12.0), Some(12)),
        (Seen::Number(0.0), Some(0)),
        (Seen::Text(" 7 "), Some(7)),
        (Seen::Number(-1.0), None),
        (Seen::Text("-1"), None),
        (Seen::Null, None),
        (Seen::Bool(true), None),
    ];
    for (seen, want) in cases {
        assert_eq!(found(seen), want, "{seen:?}");
    }
}

#[test]
fn an_empty_page_ends_every_walk() {
    for ns in ["rest/v1.1", "wp/v2", "wpcom/v2"] {
        let mut pager = Pager::new(ns, &[]).unwrap();
        // The first page is handed over even when empty (its `found: 0` says something).
        assert!(pager.read(&rest(0, Some(0), Some("h"))));
        assert!(pager.is_done(), "{ns}");
        let mut pager = Pager::new(ns, &[]).unwrap();
        assert!(pager.read(&page(10)));
        // A later empty page is not.
        assert!(!pager.read(&page(0)));
        assert!(pager.is_done(), "{ns}");
    }
}

#[test]
fn wp_v2_reads_total_pages_when_the_header_is_readable() {
    let with_total = |items| PageInfo {
        items,
        total_pages: Some(3),
        ..PageInfo::default()
    };
    let asked = walk(
        "wp/v2",
        &[("per_page", "10")],
        &[with_total(10), with_total(10), with_total(10)],
    );
    assert_eq!(
        asked,
        vec![
            q(&[("per_page", "10")]),
            q(&[("per_page", "10"), ("page", "2")]),
            q(&[("per_page", "10"), ("page", "3")]),
        ]
    );
    // A total of one page: no second request, even for a full page.
    walk(
        "wp/v2",
        &[("per_page", "5")],
        &[PageInfo {
            items: 5,
            total_pages: Some(1),
            ..PageInfo::default()
        }],
    );
}

#[test]
fn wp_v2_without_headers_stops_at_a_short_page() {
    let asked = walk(
        "wp/v2",
        &[("per_page", "10"), ("status", "publish")],
        &[page(10), page(10), page(4)],
    );
    assert_eq!(
        asked[2],
        q(&[("per_page", "10"), ("status", "publish"), ("page", "3")])
    );
    // No handles on the core API, even if a page seemed to give one.
    walk(
        "wp/v2",
        &[("per_page", "2")],
        &[rest(2, Some(2), Some("h")), page(1)],
    );
}

#[test]
fn wp_v2_past_the_last_page_ends_the_walk_without_an_error() {
    let mut pager = Pager::new("wp/v2", &q(&[("per_page", "10")])).unwrap();
    pager.read(&page(10));
    pager.read(&page(10));
    assert_eq!(pager.next_query().unwrap().last().unwrap().1, "3");
    let past = Error::new(
        ErrorCode::Other("rest_post_invalid_page_number".into()),
        "x",
    )
    .with_status(400);
    assert!(pager.ends_with(&past));
    assert_eq!(pager.next_query(), None);
    // The same answer to a first page, or another error, is a real error (the walk ends too).
    let mut first = Pager::new("wp/v2", &[]).unwrap();
    assert!(!first.ends_with(&past));
    let mut later = Pager::new("wp/v2", &[]).unwrap();
    later.read(&page(10));
    let forbidden = Error::new(ErrorCode::Other("rest_forbidden".into()), "x").with_status(403);
    assert!(!later.ends_with(&forbidden));
    assert_eq!(later.next_query(), None);
    // WordPress.com's REST API has no such answer.
    let mut v1 = Pager::new("rest/v1.1", &[]).unwrap();
    v1.read(&page(10));
    assert!(!v1.ends_with(&past));
}

#[test]
fn the_callers_start_is_kept_and_offset_is_refused() {
    let asked = walk(
        "wp/v2",
        &[("page", "3"), ("per_page", "2")],
        &[page(2), page(1)],
    );
    assert_eq!(asked[0], q(&[("per_page", "2"), ("page", "3")]));
    assert_eq!(asked[1], q(&[("per_page", "2"), ("page", "4")]));
    // Started by handle: that handle is not sent again, and found (of the whole list) does not
    // end a walk that did not start at the beginning.
    let asked = walk(
        "rest/v1.1",
        &[("page_handle", "h1")],
        &[
            rest(20, Some(21), Some("h2")),
            rest(20, Some(21), Some("h1")),
        ],
    );
    assert_eq!(asked[0], q(&[("page_handle", "h1")]));
    for bad in [&[("offset", "5")][..], &[("page", "0")], &[("page", "x")]] {
        let err = Pager::new("rest/v1.1", &q(bad)).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidConfig, "{bad:?}");
    }
    assert_eq!(Pager::new("wp/v2", &[]).unwrap().style(), Style::Core);
    assert_eq!(Pager::new("rest/v1.2", &[]).unwrap().style(), Style::Rest);
}

#[test]
fn a_collections_path_splits_like_a_call() {
    let c = split_collection(
        "https://public-api.wordpress.com",
        "wp/v2/sites/123/posts?per_page=5",
        &q(&[("status", "publish")]),
        None,
    )
    .unwrap();
    assert_eq!(c.namespace, "wp/v2");
    assert_eq!(c.path, "/wp/v2/sites/123/posts");
    assert_eq!(c.query, q(&[("per_page", "5"), ("status", "publish")]));
    let c = split_collection("https://x.test", "/sites/1/posts/", &[], None).unwrap();
    assert_eq!(
        (c.namespace, c.path.as_str()),
        ("rest/v1.1", "/rest/v1.1/sites/1/posts/")
    );
    let twice = split_collection("https://x.test", "/me?a=1", &q(&[("a", "2")]), None);
    assert_eq!(twice.unwrap_err().code, ErrorCode::InvalidConfig);
}

#[test]
fn total_pages_is_digits() {
    assert_eq!(total_pages("3"), Some(3));
    assert_eq!(total_pages(" 12 "), Some(12));
    assert_eq!(total_pages("3.5"), None);
    assert_eq!(total_pages(""), None);
}

#[test]
fn an_envelope_is_read_only_when_the_request_asked_for_one() {
    let cases = [
        (
            "rest/v1.1",
            &[("http_envelope", "1")][..],
            Some(Envelope::Http),
        ),
        (
            "rest/v1.1",
            &[("http_envelope", "true")],
            Some(Envelope::Http),
        ),
        ("rest/v1.1", &[("http_envelope", "0")], None),
        ("rest/v1.1", &[("http_envelope", "")], None),
        ("rest/v1.1", &[("_envelope", "1")], None),
        ("wp/v2", &[("_envelope", "")], Some(Envelope::Core)),
        (
            "wpcom/v2",
            &[("per_page", "5"), ("_envelope", "1")],
            Some(Envelope::Core),
        ),
        ("wp/v2", &[("http_envelope", "1")], None),
        ("wp/v2", &[], None),
    ];
    for (ns, query, want) in cases {
        assert_eq!(Envelope::asked(ns, &q(query)), want, "{ns} {query:?}");
    }
    assert_eq!(Envelope::Http.status_key(), "code");
    assert_eq!(Envelope::Core.status_key(), "status");
    let statuses: [(Seen<'_>, Option<u16>); 7] = [
        (Seen::Number(403.0), Some(403)),
        (Seen::Text("401"), Some(401)),
        (Seen::Number(200.0), Some(200)),
        (Seen::Number(99.0), None),
        (Seen::Number(600.0), None),
        (Seen::Text("rest_forbidden"), None),
        (Seen::Null, None),
    ];
    for (seen, want) in statuses {
        assert_eq!(Envelope::status(seen), want, "{seen:?}");
    }
    // The built call says which envelope it asked for.
    let call = crate::core::path::build_api_call(
        "https://x.test",
        crate::core::Method::Get,
        "wp/v2/sites/1/posts?_envelope=1",
        &[],
        None,
    )
    .unwrap();
    assert_eq!(call.envelope, Some(Envelope::Core));
}
