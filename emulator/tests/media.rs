//! `media/new` (multipart and sideload), the files served back, the media list, one item,
//! deletion, `posts/new` with a featured image, and media kept by `--state`.
#![cfg(test)]

mod common;

use common::{Emu, PLACEHOLDER_PNG};
use serde_json::{json, Value};
use wpcom_emulator::Config;

const NEW: &str = "/rest/v1.1/sites/2001/media/new";

/// A real PNG unlike the placeholder: the placeholder's bytes with a text chunk appended
/// before `IEND` would do, but a smaller one says more: 1×1, red.
const RED_DOT: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
    0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x08, 0xd7, 0x63, 0xf8, 0xcf, 0xc0, 0x00,
    0x00, 0x03, 0x01, 0x01, 0x00, 0x18, 0xdd, 0x8d, 0xb0, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e,
    0x44, 0xae, 0x42, 0x60, 0x82,
];

/// `media/new` on site 2001 with [`RED_DOT`] named `name`, by the user of `token`: the answer.
async fn upload_red_dot(emu: &Emu, token: &str, name: &str) -> Value {
    emu.post_multipart(NEW, Some(token), &[("media[]", Some(name), None, RED_DOT)])
        .await
        .json()
}

/// The path of a media item's URL on the emulator.
fn local(emu: &Emu, item: &Value) -> String {
    item["URL"]
        .as_str()
        .unwrap()
        .strip_prefix(&emu.url)
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn an_uploaded_png_comes_back_byte_for_byte_with_its_type_and_cors() {
    let emu = Emu::start().await;
    let alice = emu.alice().await;
    let reply = emu
        .post_multipart(
            NEW,
            Some(&alice),
            &[
                ("media[]", Some("Red Dot.png"), Some("image/png"), RED_DOT),
                ("attrs[0][title]", None, None, b"A red dot"),
                ("attrs[0][caption]", None, None, b"Tiny"),
                ("attrs[0][alt]", None, None, b"One red pixel"),
                ("attrs[0][parent_id]", None, None, b"47"),
            ],
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    let body = reply.json();
    assert!(body.get("errors").is_none(), "{body}");
    let item = &body["media"][0];
    for field in [
        "ID",
        "URL",
        "guid",
        "date",
        "post_ID",
        "author_ID",
        "file",
        "mime_type",
        "extension",
        "title",
        "caption",
        "description",
        "alt",
        "icon",
        "size",
        "height",
        "width",
        "thumbnails",
        "meta",
    ] {
        assert!(item.get(field).is_some(), "missing {field}: {item}");
    }
    assert_eq!(item["ID"], 1013, "after the twelve seeded items");
    assert_eq!(item["file"], "red-dot.png");
    assert_eq!(
        (item["mime_type"].clone(), item["extension"].clone()),
        (json!("image/png"), json!("png"))
    );
    assert_eq!(
        (item["width"].clone(), item["height"].clone()),
        (json!(1), json!(1))
    );
    assert_eq!(item["title"], "A red dot");
    assert_eq!(item["alt"], "One red pixel");
    assert_eq!(item["post_ID"], 47);
    assert_eq!(item["author_ID"], 1001);
    assert_eq!(item["size"], "69.00 B");
    assert!(item["thumbnails"]["thumbnail"]
        .as_str()
        .unwrap()
        .ends_with("?w=150"));
    let origin = "http://127.0.0.1:8080";
    let file = emu
        .request("GET", &local(&emu, item), &[("origin", origin)], None)
        .await;
    assert_eq!(file.status, 200);
    assert_eq!(file.body, RED_DOT);
    assert_eq!(file.header("content-type").as_deref(), Some("image/png"));
    assert_eq!(
        file.header("access-control-allow-origin").as_deref(),
        Some(origin)
    );
    let stranger = emu
        .request(
            "GET",
            &local(&emu, item),
            &[("origin", "http://evil.test")],
            None,
        )
        .await;
    assert_eq!(stranger.header("access-control-allow-origin"), None);
    let again = upload_red_dot(&emu, &alice, "red dot.png").await;
    assert_eq!(
        again["media"][0]["file"], "red-dot-1.png",
        "names stay unique"
    );
}

#[tokio::test]
async fn partial_failures_are_data_keyed_by_input_index() {
    let emu = Emu::start().await;
    let alice = emu.alice().await;
    emu.post_json("/_emulator/settings", None, json!({"max_upload_kb": 1}))
        .await;
    let big = vec![0_u8; 2048];
    let reply = emu
        .post_multipart(
            NEW,
            Some(&alice),
            &[
                ("media[]", Some("ok.png"), Some("image/png"), RED_DOT),
                (
                    "media[]",
                    Some("notes.png"),
                    Some("image/png"),
                    b"just text",
                ),
                ("media[]", Some("big.png"), Some("image/png"), &big),
            ],
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    let body = reply.json();
    assert_eq!(body["media"].as_array().unwrap().len(), 1);
    let errors = &body["errors"];
    assert!(errors.is_object(), "keyed by index 1 and 2: {errors}");
    assert_eq!(
        errors["1"],
        json!({"file": "notes.png", "error": "invalid_input", "message": "Invalid file type."})
    );
    assert_eq!(errors["2"]["error"], "rest_upload_file_too_big");
    assert_eq!(
        errors["2"]["message"],
        "This file is too big. Files must be less than 1 KB in size."
    );
    let first_fails = emu
        .post_multipart(
            NEW,
            Some(&alice),
            &[
                ("media[]", Some("notes.txt"), Some("text/plain"), b"hello"),
                ("media[]", Some("ok.png"), None, RED_DOT),
            ],
        )
        .await
        .json();
    assert!(first_fails["errors"].is_array(), "index 0 only: a list");
    assert_eq!(first_fails["errors"][0]["file"], "notes.txt");
}

#[tokio::test]
async fn when_every_input_fails_the_answer_is_400_with_errors() {
    let emu = Emu::start().await;
    let alice = emu.alice().await;
    let reply = emu
        .post_multipart(
            NEW,
            Some(&alice),
            &[
                ("media[]", Some("a.txt"), None, b"a"),
                ("media[]", Some("b.gif"), None, b"b"),
            ],
        )
        .await;
    assert_eq!(reply.status, 400);
    let errors = reply.json()["errors"].clone();
    assert_eq!(errors.as_array().unwrap().len(), 2, "{errors}");
    assert_eq!(errors[1]["message"], "Invalid file type.");
    let list = emu.get("/rest/v1.1/sites/2001/media").await.json();
    assert_eq!(list["found"], 12, "nothing half-made");
}

#[tokio::test]
async fn uploads_are_refused_when_nothing_is_given_or_the_user_may_not() {
    let emu = Emu::start().await;
    let alice = emu.alice().await;
    let bob = emu.token("bob", "global", Value::Null).await;
    let png = [("media[]", Some("a.png"), None, RED_DOT)];
    let empty = emu.post_json(NEW, Some(&alice), json!({})).await;
    assert_eq!(empty.error(), (400, "invalid_input".to_owned()));
    assert_eq!(empty.json()["message"], "No media provided in input.");
    let contributor = emu.post_multipart(NEW, Some(&bob), &png).await;
    assert_eq!(contributor.error(), (403, "unauthorized".to_owned()));
    assert_eq!(contributor.json()["message"], "User cannot upload media.");
    let anonymous = emu.post_multipart(NEW, None, &png).await;
    assert_eq!(
        anonymous.error(),
        (403, "authorization_required".to_owned())
    );
    let unknown = emu
        .post_multipart("/rest/v1.1/sites/999999/media/new", Some(&alice), &png)
        .await;
    assert_eq!(unknown.error(), (404, "unknown_blog".to_owned()));
}

#[tokio::test]
async fn sideloads_store_the_placeholder_or_copy_our_own_files() {
    let emu = Emu::start().await;
    let alice = emu.alice().await;
    let uploaded = upload_red_dot(&emu, &alice, "dot.png").await;
    let own = uploaded["media"][0]["URL"].as_str().unwrap().to_owned();
    let reply = emu
        .post_json(
            NEW,
            Some(&alice),
            json!({"media_urls": [
                "https://images.example.com/photos/beach.jpg?size=large",
                own,
                "https://cdn.invalid/a.png",
                "https://example.com/report.pdf",
            ], "attrs": [{"title": "Beach"}]}),
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    let body = reply.json();
    let media = body["media"].as_array().unwrap();
    assert_eq!(media.len(), 2);
    assert_eq!(media[0]["title"], "Beach");
    assert_eq!(media[0]["file"], "beach.png", "the placeholder is a PNG");
    let placeholder = emu.get(&local(&emu, &media[0])).await;
    assert_eq!(placeholder.body, PLACEHOLDER_PNG);
    assert_eq!(media[1]["file"], "dot-1.png");
    assert_eq!(
        emu.get(&local(&emu, &media[1])).await.body,
        RED_DOT,
        "copied"
    );
    assert_eq!(body["errors"]["2"]["error"], "http_request_failed");
    assert_eq!(body["errors"]["3"]["message"], "Invalid file type.");
    let form = emu
        .post_form(
            NEW,
            Some(&alice),
            "media_urls%5B%5D=http%3A%2F%2Fx.test%2Fy.gif",
        )
        .await
        .json();
    assert_eq!(form["media"][0]["file"], "y.png");
}

#[tokio::test]
async fn the_list_pages_by_handle_and_filters_by_type_and_post() {
    let emu = Emu::start().await;
    let first = emu.get("/rest/v1.1/sites/2001/media?number=5").await.json();
    assert_eq!(first["found"], 12);
    let mut ids: Vec<u64> = Vec::new();
    let mut page = first;
    for _ in 0..5 {
        ids.extend(
            page["media"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m["ID"].as_u64().unwrap()),
        );
        let Some(next) = page["meta"]["next_page"].as_str() else {
            break;
        };
        let encoded: String = form_urlencoded::byte_serialize(next.as_bytes()).collect();
        page = emu
            .get(&format!(
                "/rest/v1.1/sites/2001/media?number=5&page_handle={encoded}"
            ))
            .await
            .json();
    }
    assert_eq!(ids, (1001..=1012).rev().collect::<Vec<_>>());
    let attached = emu
        .get("/rest/v1.1/sites/2001/media?post_ID=48")
        .await
        .json();
    assert_eq!(attached["found"], 1);
    assert_eq!(attached["media"][0]["ID"], 1005);
    assert_eq!(
        emu.get("/rest/v1.1/sites/2001/media?mime_type=image")
            .await
            .json()["found"],
        12
    );
    assert_eq!(
        emu.get("/rest/v1.1/sites/2001/media?mime_type=video")
            .await
            .json()["found"],
        0
    );
    assert_eq!(
        emu.get("/rest/v1.1/sites/2001/media?number=101")
            .await
            .error(),
        (400, "invalid_number".to_owned())
    );
    let post = emu.get("/rest/v1.1/sites/2001/posts/48").await.json();
    assert_eq!(post["attachment_count"], 1);
    assert_eq!(post["attachments"]["1005"]["ID"], 1005);
}

#[tokio::test]
async fn one_item_and_its_deletion_for_good() {
    let emu = Emu::start().await;
    let alice = emu.alice().await;
    let item = emu.get("/rest/v1.1/sites/2001/media/1001").await;
    assert_eq!(item.status, 200);
    let item = item.json();
    assert_eq!(item["file"], "sunrise.png");
    let missing = emu.get("/rest/v1.1/sites/2001/media/9999").await;
    assert_eq!(missing.error(), (404, "unknown_media".to_owned()));
    assert_eq!(missing.json()["message"], "Unknown Media");
    let bob = emu.token("bob", "global", Value::Null).await;
    let delete = "/rest/v1.1/sites/2001/media/1001/delete";
    assert_eq!(
        emu.post_json(delete, Some(&bob), json!({})).await.error(),
        (403, "unauthorized".to_owned())
    );
    let deleted = emu.post_json(delete, Some(&alice), json!({})).await.json();
    assert_eq!(deleted["status"], "deleted");
    assert_eq!(deleted["ID"], 1001);
    assert_eq!(emu.get(&local(&emu, &item)).await.status, 404);
    assert_eq!(
        emu.post_json(delete, Some(&alice), json!({})).await.error(),
        (404, "unknown_media".to_owned())
    );
}

#[tokio::test]
async fn a_new_post_takes_a_featured_image_and_media_urls() {
    let emu = Emu::start().await;
    let alice = emu.alice().await;
    let upload = upload_red_dot(&emu, &alice, "cover.png").await;
    let media_id = upload["media"][0]["ID"].as_u64().unwrap();
    let post = emu
        .post_json(
            "/rest/v1.1/sites/2001/posts/new",
            Some(&alice),
            json!({"title": "With a cover", "featured_image": media_id.to_string(),
                "media_urls": ["https://example.com/extra.png", "https://nowhere.invalid/x.png"]}),
        )
        .await;
    assert_eq!(post.status, 200, "{}", post.text());
    let post = post.json();
    assert_eq!(post["featured_image"], upload["media"][0]["URL"]);
    assert_eq!(post["post_thumbnail"]["ID"], media_id);
    assert_eq!(post["attachment_count"], 1, "the sideloaded image");
    assert_eq!(post["media_errors"][0]["error"], "http_request_failed");
    let post_id = post["ID"].as_u64().unwrap();
    let attached = emu
        .get(&format!("/rest/v1.1/sites/2001/media?post_ID={post_id}"))
        .await
        .json();
    assert_eq!(attached["media"][0]["file"], "extra.png");
}

#[tokio::test]
async fn media_survive_a_restart_with_state() {
    let dir = std::env::temp_dir().join(format!("wpcom-emu-media-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let state = dir.join("state.json");
    let config = || Config {
        port: 0,
        state: Some(state.clone()),
        ..Config::default()
    };
    let (path, token) = {
        let emu = Emu::start_with(config()).await;
        let alice = emu.alice().await;
        let item = upload_red_dot(&emu, &alice, "kept.png").await;
        (local(&emu, &item["media"][0]), alice)
    };
    let emu = Emu::start_with(config()).await;
    let file = emu.get(&path).await;
    assert_eq!(file.status, 200);
    assert_eq!(file.body, RED_DOT);
    let list = emu
        .get_auth("/rest/v1.1/sites/2001/media", &token)
        .await
        .json();
    assert_eq!(list["found"], 13);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn faults_hit_the_new_routes_too() {
    let emu = Emu::start().await;
    let alice = emu.alice().await;
    emu.fault(json!({"path": NEW, "method": "POST", "fault": {"kind": "status", "status": 503}}))
        .await;
    let reply = emu
        .post_multipart(
            NEW,
            Some(&alice),
            &[("media[]", Some("a.png"), None, RED_DOT)],
        )
        .await;
    assert_eq!(reply.status, 503);
    assert_eq!(
        emu.get("/rest/v1.1/sites/2001/media").await.json()["found"],
        12
    );
    emu.fault(json!({"path": "/files/*", "fault": {"kind": "limit_reached"}}))
        .await;
    assert_eq!(emu.get("/files/2001/2024/02/sunrise.png").await.status, 500);
    assert_eq!(emu.get("/files/2001/2024/02/sunrise.png").await.status, 200);
}
