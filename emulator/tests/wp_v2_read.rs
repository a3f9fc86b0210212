//! Core's REST API through public-api, reading: `/wp/v2/sites/$site/posts[/$id]`, paging,
//! core's errors, `_envelope`, and `rest_no_route` (also for `/wpcom/v2`).
#![cfg(test)]

mod common;

use common::{wp_error, wp_ids, Emu, WP_POST_FIELDS};
use serde_json::{json, Value};

const POSTS: &str = "/wp/v2/sites/2001/posts";

#[tokio::test]
async fn the_list_pages_ten_published_posts_newest_first_with_totals() {
    let emu = Emu::start().await;
    let reply = emu.get(POSTS).await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert!(reply
        .header("content-type")
        .unwrap()
        .starts_with("application/json"));
    assert_eq!(reply.header("x-wp-total").as_deref(), Some("48"));
    assert_eq!(reply.header("x-wp-totalpages").as_deref(), Some("5"));
    assert!(reply.header("link").unwrap().ends_with("rel=\"next\""));
    let posts = reply.json();
    let posts = posts.as_array().unwrap();
    assert_eq!(posts.len(), 10);
    for post in posts {
        for field in WP_POST_FIELDS {
            assert!(post.get(*field).is_some(), "missing {field}: {post}");
        }
        assert_eq!(post["status"], "publish");
        assert_eq!(post["type"], "post");
        assert_eq!(post["content"]["protected"], false);
        assert!(post["title"]["rendered"].is_string());
        assert!(post["tags"].is_array() && post["categories"].is_array());
    }
    let dates: Vec<&str> = posts.iter().map(|p| p["date"].as_str().unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
}

#[tokio::test]
async fn page_and_per_page_walk_every_post_and_stop_after_the_last_page() {
    let emu = Emu::start().await;
    let all = emu
        .get("/wp/v2/sites/example.wordpress.com/posts?per_page=100")
        .await;
    assert_eq!(wp_ids(&all).len(), 48);
    assert_eq!(all.header("x-wp-totalpages").as_deref(), Some("1"));
    assert_eq!(all.header("link"), None, "one page: no prev, no next");
    let mut walked = Vec::new();
    for page in 1..=5 {
        let reply = emu.get(&format!("{POSTS}?page={page}")).await;
        assert_eq!(reply.status, 200, "page {page}");
        walked.extend(wp_ids(&reply));
    }
    assert_eq!(walked, wp_ids(&all));
    let last = emu.get(&format!("{POSTS}?page=5&per_page=10")).await;
    assert!(last
        .header("link")
        .unwrap()
        .contains("page=4&per_page=10>; rel=\"prev\""));
    let beyond = emu.get(&format!("{POSTS}?page=6")).await;
    assert_eq!(
        (beyond.status, beyond.json()),
        (
            400,
            json!({"code": "rest_post_invalid_page_number",
                "message": "The page number requested is larger than the number of pages available.",
                "data": {"status": 400}})
        )
    );
}

#[tokio::test]
async fn out_of_range_paging_parameters_are_rest_invalid_param() {
    let emu = Emu::start().await;
    for (query, param) in [
        ("per_page=0", "per_page"),
        ("per_page=101", "per_page"),
        ("per_page=ten", "per_page"),
        ("page=0", "page"),
        ("context=full", "context"),
    ] {
        let reply = emu.get(&format!("{POSTS}?{query}")).await;
        assert_eq!(
            wp_error(&reply),
            (400, "rest_invalid_param".to_owned()),
            "{query}"
        );
        assert!(reply.json()["data"]["params"][param].is_string(), "{query}");
    }
}

#[tokio::test]
async fn one_post_is_found_by_id_and_unknown_ones_are_invalid_ids() {
    let emu = Emu::start().await;
    let post = emu.get(&format!("{POSTS}/1")).await;
    assert_eq!(post.status, 200);
    let post = post.json();
    assert_eq!(post["id"], 1);
    assert_eq!(post["title"]["rendered"], "WebAssembly notes #1");
    assert_eq!(post["tags"].as_array().unwrap().len(), 2);
    assert!(
        post["title"].get("raw").is_none(),
        "raw only with context=edit"
    );
    let unknown = emu.get(&format!("{POSTS}/999")).await;
    assert_eq!(
        (unknown.status, unknown.json()),
        (
            404,
            json!({"code": "rest_post_invalid_id", "message": "Invalid post ID.", "data": {"status": 404}})
        )
    );
    let no_site = emu.get("/wp/v2/sites/999999/posts/1").await;
    assert_eq!(wp_error(&no_site), (404, "unknown_blog".to_owned()));
}

#[tokio::test]
async fn drafts_and_private_sites_need_a_user_who_may_read_them() {
    let emu = Emu::start().await;
    let alice = emu.alice().await;
    let bob = emu.token("bob", "global", Value::Null).await;
    let cases = [
        (format!("{POSTS}/49"), None, 401, "rest_not_logged_in"),
        (format!("{POSTS}/49"), Some(&bob), 403, "rest_forbidden"),
        (
            format!("{POSTS}/1?context=edit"),
            None,
            401,
            "rest_not_logged_in",
        ),
        (
            format!("{POSTS}/1?context=edit"),
            Some(&bob),
            403,
            "rest_forbidden_context",
        ),
        (
            "/wp/v2/sites/2002/posts".to_owned(),
            None,
            401,
            "rest_not_logged_in",
        ),
        (
            "/wp/v2/sites/2002/posts".to_owned(),
            Some(&bob),
            403,
            "rest_forbidden",
        ),
    ];
    for (path, token, status, code) in cases {
        let reply = match token {
            Some(token) => emu.get_auth(&path, token).await,
            None => emu.get(&path).await,
        };
        assert_eq!(wp_error(&reply), (status, code.to_owned()), "{path}");
    }
    let draft = emu
        .get_auth(&format!("{POSTS}/49?context=edit"), &alice)
        .await
        .json();
    assert_eq!(draft["status"], "draft");
    assert!(draft["title"]["raw"].is_string() && draft["content"]["raw"].is_string());
    assert_eq!(
        emu.get_auth("/wp/v2/sites/2002/posts", &alice).await.status,
        200
    );
}

#[tokio::test]
async fn a_bad_token_is_invalid_token_401() {
    let emu = Emu::start().await;
    let reply = emu.get_auth(POSTS, "not-a-token").await;
    assert_eq!(
        (reply.status, reply.json()),
        (
            401,
            json!({"code": "invalid_token", "message": "The OAuth2 token is invalid.", "data": {"status": 401}})
        )
    );
}

#[tokio::test]
async fn unknown_routes_answer_core_rest_no_route_also_under_wpcom_v2() {
    let emu = Emu::start().await;
    let no_route = json!({"code": "rest_no_route",
        "message": "No route was found matching the URL and request method.", "data": {"status": 404}});
    for (method, path) in [
        ("GET", "/wp/v2/sites/2001/pages"),
        ("GET", "/wp/v2/sites/2001/posts/new"),
        ("DELETE", POSTS),
        ("POST", "/wp/v2/sites/2001/posts/1?_method=FROB"),
        ("GET", "/wp/v2/"),
        ("GET", "/wpcom/v2/sites/2001/anything"),
        ("POST", "/wpcom/v2"),
    ] {
        let reply = emu.request(method, path, &[], None).await;
        assert_eq!(
            (reply.status, reply.json()),
            (404, no_route.clone()),
            "{method} {path}"
        );
    }
}

#[tokio::test]
async fn envelope_answers_200_with_status_and_headers_as_an_object() {
    let emu = Emu::start().await;
    let reply = emu.get(&format!("{POSTS}?per_page=2&_envelope")).await;
    assert_eq!(reply.status, 200);
    assert_eq!(
        reply.header("x-wp-total"),
        None,
        "headers move into the envelope"
    );
    let envelope = reply.json();
    assert_eq!(envelope["status"], 200);
    assert_eq!(envelope["body"].as_array().unwrap().len(), 2);
    assert_eq!(envelope["headers"]["X-WP-Total"], "48");
    assert_eq!(envelope["headers"]["X-WP-TotalPages"], "24");
    let error = emu.get(&format!("{POSTS}/999?_envelope=1")).await;
    assert_eq!(
        (error.status, error.json()),
        (
            200,
            json!({"body": {"code": "rest_post_invalid_id", "message": "Invalid post ID.",
                "data": {"status": 404}}, "status": 404, "headers": {}})
        )
    );
}
