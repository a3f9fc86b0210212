//! Core's REST API through public-api: `users/me` and `media`, with totals exposed to pages
//! only when the emulator is told to.
#![cfg(test)]

mod common;

use common::{wp_error, wp_ids, Emu};
use serde_json::Value;
use wpcom_emulator::Config;

const MEDIA: &str = "/wp/v2/sites/2001/media";

#[tokio::test]
async fn users_me_is_the_tokens_user_in_cores_shape() {
    let emu = Emu::start().await;
    let alice = emu.alice().await;
    for path in [
        "/wp/v2/users/me",
        "/wp/v2/sites/example.wordpress.com/users/me",
    ] {
        let reply = emu.get_auth(path, &alice).await;
        assert_eq!(reply.status, 200, "{path}: {}", reply.text());
        let me = reply.json();
        for field in [
            "id",
            "name",
            "url",
            "description",
            "link",
            "slug",
            "avatar_urls",
        ] {
            assert!(me.get(field).is_some(), "{path}: missing {field}");
        }
        assert_eq!(me["id"], 1001);
        assert_eq!(me["slug"], "alice");
        assert_eq!(me["name"], "Alice Anderson");
        assert_eq!(me["link"], "https://example.wordpress.com/author/alice/");
        for size in ["24", "48", "96"] {
            assert!(me["avatar_urls"][size]
                .as_str()
                .unwrap()
                .contains(&format!("s={size}")));
        }
    }
    assert_eq!(
        wp_error(&emu.get("/wp/v2/users/me").await),
        (401, "rest_not_logged_in".to_owned())
    );
    let carol = emu.token("carol", "global", Value::Null).await;
    assert_eq!(
        wp_error(&emu.get_auth("/wp/v2/sites/2002/users/me", &carol).await),
        (403, "rest_forbidden".to_owned()),
        "a private site she is not a member of"
    );
    assert_eq!(
        wp_error(
            &emu.request_with_token("DELETE", "/wp/v2/users/me", Some(&alice), None)
                .await
        ),
        (404, "rest_no_route".to_owned())
    );
}

#[tokio::test]
async fn media_pages_with_totals_and_links() {
    let emu = Emu::start().await;
    let first = emu.get(&format!("{MEDIA}?per_page=5")).await;
    assert_eq!(first.status, 200, "{}", first.text());
    assert_eq!(first.header("x-wp-total").as_deref(), Some("12"));
    assert_eq!(first.header("x-wp-totalpages").as_deref(), Some("3"));
    assert!(first
        .header("link")
        .unwrap()
        .contains("/media?page=2&per_page=5>; rel=\"next\""));
    let item = &first.json()[0];
    for field in [
        "id",
        "date",
        "slug",
        "status",
        "type",
        "link",
        "title",
        "author",
        "caption",
        "alt_text",
        "media_type",
        "mime_type",
        "media_details",
        "post",
        "source_url",
    ] {
        assert!(item.get(field).is_some(), "missing {field}: {item}");
    }
    assert_eq!(item["type"], "attachment");
    assert_eq!(item["media_type"], "image");
    let mut walked = Vec::new();
    for page in 1..=3 {
        walked.extend(wp_ids(
            &emu.get(&format!("{MEDIA}?per_page=5&page={page}")).await,
        ));
    }
    assert_eq!(walked, (1001..=1012).rev().collect::<Vec<_>>());
    assert_eq!(
        wp_error(&emu.get(&format!("{MEDIA}?per_page=5&page=4")).await),
        (400, "rest_post_invalid_page_number".to_owned())
    );
    assert_eq!(
        wp_error(&emu.get(&format!("{MEDIA}?per_page=101")).await),
        (400, "rest_invalid_param".to_owned())
    );
    let attached = emu.get(&format!("{MEDIA}?parent=48")).await;
    assert_eq!(wp_ids(&attached), [1005]);
    let enveloped = emu
        .get(&format!("{MEDIA}?_envelope=1&per_page=5"))
        .await
        .json();
    assert_eq!(enveloped["headers"]["X-WP-Total"], "12");
}

#[tokio::test]
async fn one_media_item_or_cores_error() {
    let emu = Emu::start().await;
    let item = emu.get(&format!("{MEDIA}/1005")).await.json();
    assert_eq!(item["post"], 48);
    assert_eq!(item["alt_text"], "Coffee cup on a desk");
    let file = emu
        .get(
            item["source_url"]
                .as_str()
                .unwrap()
                .strip_prefix(&emu.url)
                .unwrap(),
        )
        .await;
    assert_eq!(file.header("content-type").as_deref(), Some("image/png"));
    assert_eq!(
        wp_error(&emu.get(&format!("{MEDIA}/9999")).await),
        (404, "rest_post_invalid_id".to_owned())
    );
    assert_eq!(
        wp_error(&emu.get("/wp/v2/sites/999999/media").await),
        (404, "unknown_blog".to_owned())
    );
}

async fn exposed(emu: &Emu, path: &str) -> Option<String> {
    emu.request("GET", path, &[("origin", "http://127.0.0.1:8080")], None)
        .await
        .header("access-control-expose-headers")
}

#[tokio::test]
async fn totals_are_readable_cross_origin_only_with_expose_headers() {
    let quiet = Emu::start().await;
    assert_eq!(exposed(&quiet, MEDIA).await, None);
    let open = Emu::start_with(Config {
        port: 0,
        expose_headers: true,
        ..Config::default()
    })
    .await;
    let list = exposed(&open, MEDIA).await.unwrap();
    assert!(
        list.contains("X-WP-Total") && list.contains("X-WP-TotalPages") && list.contains("Link")
    );
}
