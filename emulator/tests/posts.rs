//! `/sites/$site/posts/`, `/posts/$id` and `/posts/new`.
#![cfg(test)]

mod common;

use std::collections::BTreeSet;

use common::{Emu, POST_FIELDS};
use serde_json::{json, Value};

fn ids(page: &Value) -> Vec<u64> {
    page["posts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["ID"].as_u64().unwrap())
        .collect()
}

/// Follows `meta.next_page` until the end; returns every ID seen, in order.
async fn walk(emu: &Emu, query: &str) -> Vec<u64> {
    let mut seen = Vec::new();
    let mut handle: Option<String> = None;
    for _ in 0..100 {
        let mut path = format!("/rest/v1.1/sites/example.wordpress.com/posts/?number=10&{query}");
        if let Some(handle) = &handle {
            let encoded: String = form_urlencoded::byte_serialize(handle.as_bytes()).collect();
            path.push_str(&format!("&page_handle={encoded}"));
        }
        let page = emu.get(&path).await;
        assert_eq!(page.status, 200, "{}", page.text());
        let page = page.json();
        assert_eq!(page["found"], 48);
        seen.extend(ids(&page));
        match page["meta"]["next_page"].as_str() {
            Some(next) => handle = Some(next.to_owned()),
            None => return seen,
        }
    }
    panic!("pagination never ended");
}

#[tokio::test]
async fn list_defaults_to_20_published_posts_newest_first() {
    let emu = Emu::start().await;
    let page = emu.get("/rest/v1.1/sites/2001/posts/").await.json();
    assert_eq!(page["found"], 48);
    let posts = page["posts"].as_array().unwrap();
    assert_eq!(posts.len(), 20);
    let dates: Vec<&str> = posts.iter().map(|p| p["date"].as_str().unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    assert!(posts.iter().all(|p| p["status"] == "publish"));
    assert!(page["meta"]["next_page"]
        .as_str()
        .unwrap()
        .starts_with("value="));
}

#[tokio::test]
async fn page_handle_walks_every_post_once_in_both_orders() {
    let emu = Emu::start().await;
    let all: BTreeSet<u64> = (1..=48).collect();
    for query in [
        "",
        "order=ASC",
        "order_by=ID",
        "order_by=title&order=ASC",
        "order_by=modified",
    ] {
        let seen = walk(&emu, query).await;
        assert_eq!(seen.len(), 48, "{query}: {seen:?}");
        assert_eq!(
            seen.iter().copied().collect::<BTreeSet<_>>(),
            all,
            "{query}"
        );
    }
    // Posts 10 and 11, and 20, 21 and 22, share a date: the ID breaks ties.
    let seen = walk(&emu, "").await;
    let pos = |id: u64| seen.iter().position(|x| *x == id).unwrap();
    assert!(pos(11) < pos(10) && pos(22) < pos(21) && pos(21) < pos(20));
}

#[tokio::test]
async fn page_and_offset_select_slices_of_the_full_list() {
    let emu = Emu::start().await;
    let full = ids(&emu
        .get("/rest/v1.1/sites/2001/posts/?number=100")
        .await
        .json());
    assert_eq!(full.len(), 48);
    let cases = [
        ("page=2&number=10", 10..20),
        ("offset=5&number=3", 5..8),
        ("page=5&number=10", 40..48),
    ];
    for (query, range) in cases {
        let got = ids(&emu
            .get(&format!("/rest/v1.1/sites/2001/posts/?{query}"))
            .await
            .json());
        assert_eq!(got, full[range], "{query}");
    }
    let last = emu
        .get("/rest/v1.1/sites/2001/posts/?page=5&number=10")
        .await
        .json();
    assert!(last["meta"].get("next_page").is_none());
}

#[tokio::test]
async fn number_outside_1_to_100_is_invalid_number() {
    let emu = Emu::start().await;
    let cases = [
        ("0", 400),
        ("101", 400),
        ("abc", 400),
        ("1", 200),
        ("100", 200),
    ];
    for (number, status) in cases {
        let reply = emu
            .get(&format!("/rest/v1.1/sites/2001/posts/?number={number}"))
            .await;
        assert_eq!(reply.status, status, "{number}");
        if status == 400 {
            assert_eq!(reply.json()["error"], "invalid_number");
        }
    }
}

#[tokio::test]
async fn status_filter_shows_drafts_only_to_editors() {
    let emu = Emu::start().await;
    let alice = emu.alice().await;
    let cases = [
        (None, "status=draft", 0),
        (Some(&alice), "status=draft", 1),
        (Some(&alice), "status=pending", 1),
        (Some(&alice), "status=draft,pending", 2),
        (Some(&alice), "status=any", 50),
        (None, "status=any", 48),
    ];
    for (token, query, found) in cases {
        let path = format!("/rest/v1.1/sites/2001/posts/?{query}");
        let reply = match token {
            Some(token) => emu.get_auth(&path, token).await,
            None => emu.get(&path).await,
        };
        assert_eq!(
            reply.json()["found"],
            found,
            "{query} with token: {}",
            token.is_some()
        );
    }
    assert_eq!(
        emu.get("/rest/v1.1/sites/2001/posts/?status=bogus")
            .await
            .error(),
        (400, "invalid_input".to_owned())
    );
}

#[tokio::test]
async fn a_post_has_the_contract_fields_and_quirks() {
    let emu = Emu::start().await;
    let child = emu.get("/rest/v1.1/sites/2001/posts/48").await.json();
    for field in POST_FIELDS {
        assert!(child.get(*field).is_some(), "missing {field}");
    }
    assert_eq!(child["parent"]["ID"], 47);
    let top = emu
        .get("/rest/v1.1/sites/example.wordpress.com/posts/47/")
        .await
        .json();
    assert_eq!(top["parent"], false);
    assert!(top["tags"].is_object() && top["tags"]["design"]["slug"] == "design");
    let bare = emu.get("/rest/v1.1/sites/2001/posts/12").await.json();
    assert_eq!(
        (bare["tags"].clone(), bare["categories"].clone()),
        (json!([]), json!([]))
    );
    assert_eq!(top["content"], "<p>This is post number 47 about design.</p>\n<p>It has two paragraphs &amp; an ampersand.</p>\n");
}

#[tokio::test]
async fn unknown_or_unreadable_posts_are_refused() {
    let emu = Emu::start().await;
    let alice = emu.alice().await;
    assert_eq!(
        emu.get("/rest/v1.1/sites/2001/posts/9999").await.error(),
        (404, "unknown_post".to_owned())
    );
    assert_eq!(
        emu.get("/rest/v1.1/sites/2001/posts/abc").await.error(),
        (404, "unknown_post".to_owned())
    );
    assert_eq!(
        emu.get("/rest/v1.1/sites/2001/posts/49").await.error(),
        (403, "unauthorized".to_owned())
    );
    assert_eq!(
        emu.get_auth("/rest/v1.1/sites/2001/posts/49", &alice)
            .await
            .json()["status"],
        "draft"
    );
}

#[tokio::test]
async fn context_edit_gives_raw_content_to_editors_only() {
    let emu = Emu::start().await;
    let alice = emu.alice().await;
    let raw = emu
        .get_auth("/rest/v1.1/sites/2001/posts/47?context=edit", &alice)
        .await
        .json();
    assert_eq!(
        raw["content"],
        "This is post number 47 about design.\n\nIt has two paragraphs & an ampersand."
    );
    assert_eq!(
        emu.get("/rest/v1.1/sites/2001/posts/47?context=edit")
            .await
            .error(),
        (403, "unauthorized".to_owned())
    );
    assert_eq!(
        emu.get("/rest/v1.1/sites/2001/posts/47?context=nope")
            .await
            .error(),
        (400, "invalid_context".to_owned())
    );
    assert_eq!(
        emu.get("/rest/v1.1/me?context=nope").await.error(),
        (400, "invalid_context".to_owned())
    );
}

#[tokio::test]
async fn filters_narrow_the_list() {
    let emu = Emu::start().await;
    let cases = [
        ("search=COFFEE", vec![48, 40, 28, 16, 4]),
        ("author=1004&number=3", vec![48, 42, 36]),
        ("tag=post-2&number=3", vec![47, 37, 32]),
        ("category=tutorials&search=hiking", vec![46, 34, 22, 10]),
        ("tag=no-such-tag", vec![]),
    ];
    for (query, want) in cases {
        let page = emu
            .get(&format!("/rest/v1.1/sites/2001/posts/?{query}"))
            .await
            .json();
        assert_eq!(ids(&page), want, "{query}");
    }
}
