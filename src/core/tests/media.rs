//! The `media/new` form plan, the `errors`-keyed-by-index quirk and media item normalisation.
use super::prelude::*;

use serde_json::{json, Value};

use super::normalise_json::{decode, js_numbers, normalise};
use crate::core::error::ErrorCode;
use crate::core::media::{extension_for, file_name, media_form, FileInfo, MediaAttrs, Part};
use crate::core::models::{MediaError, MediaItem, MediaPage, MediaUpload, NewPost};
use crate::core::quirks::{item_index, Fix, Out, Seen, Shape};

fn png(name: Option<&str>) -> FileInfo {
    FileInfo {
        name: name.map(String::from),
        mime_type: "image/png".into(),
    }
}

fn urls(list: &[&str]) -> Vec<String> {
    list.iter().map(|u| u.to_string()).collect()
}

fn title(t: &str) -> MediaAttrs {
    MediaAttrs {
        title: Some(t.into()),
        ..MediaAttrs::default()
    }
}

/// The plan as `(name, value)`: a file part as `media[]` and `file #i as <filename>`.
fn fields(parts: &[Part]) -> Vec<(String, String)> {
    parts
        .iter()
        .map(|part| match part {
            Part::File { index, filename } => (
                "media[]".to_string(),
                format!("file #{index} as {filename}"),
            ),
            Part::Text { name, value } => (name.clone(), value.clone()),
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn multipart_body_assembly_names_files_then_urls_then_attrs() {
    let files = [png(Some("sunset.png")), png(None)];
    let urls = urls(&["https://example.com/a.jpg"]);
    let attrs = [
        MediaAttrs {
            title: Some("Sunset".into()),
            caption: Some("At the beach".into()),
            description: Some("Long text".into()),
            alt: Some("An orange sky".into()),
            parent_id: Some(7),
        },
        title("Logo"),
        title("From the web"),
    ];
    let parts = media_form(&files, &urls, &attrs).unwrap();
    assert_eq!(
        fields(&parts),
        pairs(&[
            ("media[]", "file #0 as sunset.png"),
            ("media[]", "file #1 as Logo.png"),
            ("media_urls[]", "https://example.com/a.jpg"),
            ("attrs[0][title]", "Sunset"),
            ("attrs[0][caption]", "At the beach"),
            ("attrs[0][description]", "Long text"),
            ("attrs[0][alt]", "An orange sky"),
            ("attrs[0][parent_id]", "7"),
            ("attrs[1][title]", "Logo"),
            // One index over the files, then the URLs.
            ("attrs[2][title]", "From the web"),
        ])
    );
}

#[test]
fn attrs_before_the_last_given_are_filled_as_php_reindexes_them() {
    // WordPress.com runs `array_values` on attrs: without an entry for input 0, input 1's
    // attributes would land on input 0. `parent_id=0` is the no-op entry.
    let files = [png(Some("a.png")), png(Some("b.png")), png(Some("c.png"))];
    let attrs = [MediaAttrs::default(), title("B"), MediaAttrs::default()];
    let parts = media_form(&files, &[], &attrs).unwrap();
    assert_eq!(
        fields(&parts)[3..],
        pairs(&[("attrs[0][parent_id]", "0"), ("attrs[1][title]", "B")])[..]
    );
    // Nothing to say: no attrs at all.
    let none = media_form(&files, &[], &[MediaAttrs::default()]).unwrap();
    assert_eq!(none.len(), 3);
    assert!(media_form(&files, &[], &[]).unwrap().len() == 3);
}

#[test]
fn sideload_plan_sends_only_urls_and_their_attrs() {
    let urls = urls(&["https://example.com/a.jpg", "https://example.com/b.png"]);
    let parts = media_form(&[], &urls, &[MediaAttrs::default(), title("B")]).unwrap();
    assert_eq!(
        fields(&parts),
        pairs(&[
            ("media_urls[]", "https://example.com/a.jpg"),
            ("media_urls[]", "https://example.com/b.png"),
            ("attrs[0][parent_id]", "0"),
            ("attrs[1][title]", "B"),
        ])
    );
}

#[test]
fn form_plan_refuses_no_media_and_extra_attrs_before_sending() {
    let empty = media_form(&[], &[], &[]).unwrap_err();
    assert_eq!(empty.code, ErrorCode::InvalidInput);
    assert_eq!(empty.status, None);
    let extra = media_form(&[png(None)], &[], &[title("a"), title("b")]).unwrap_err();
    assert_eq!(extra.code, ErrorCode::InvalidConfig);
    assert!(extra.message.contains("attrs"), "{}", extra.message);
}

#[test]
fn a_blob_is_named_from_its_title_or_made_a_name_with_its_type_extension() {
    let blob = |mime: &str| FileInfo {
        name: None,
        mime_type: mime.into(),
    };
    let cases: Vec<(FileInfo, Option<MediaAttrs>, usize, &str)> = vec![
        // A File keeps its own name, whatever the title.
        (
            png(Some("IMG_0001.PNG")),
            Some(title("Holiday")),
            0,
            "IMG_0001.PNG",
        ),
        (blob("image/png"), Some(title("Holiday")), 0, "Holiday.png"),
        (
            blob("image/jpeg"),
            Some(title("photo.jpeg")),
            0,
            "photo.jpeg",
        ),
        (
            blob("image/png"),
            Some(title("v1.2 final")),
            0,
            "v1.2 final.png",
        ),
        (
            blob("image/png"),
            Some(title("../../etc/passwd")),
            0,
            "-..-etc-passwd.png",
        ),
        (blob("image/png"), Some(title("a\nb")), 0, "a-b.png"),
        (blob("image/png"), Some(title(" .. ")), 2, "media-3.png"),
        (blob("image/gif"), None, 0, "media-1.gif"),
        (blob("IMAGE/JPEG; q=1"), None, 1, "media-2.jpg"),
        (blob(""), None, 0, "media-1.bin"),
        (png(Some("  ")), None, 0, "media-1.png"),
    ];
    for (file, attrs, index, want) in cases {
        assert_eq!(
            file_name(&file, attrs.as_ref(), index),
            want,
            "{file:?} {attrs:?}"
        );
    }
    assert_eq!(extension_for("image/svg+xml"), "svg");
    assert_eq!(extension_for("application/x-unknown"), "bin");
}

#[test]
fn indexed_fix_reads_arrays_and_objects_keyed_by_index() {
    assert_eq!(Fix::Indexed.apply(Seen::Array(2)), Out::Indexed);
    assert_eq!(Fix::Indexed.apply(Seen::Object), Out::Indexed);
    assert_eq!(Fix::Indexed.apply(Seen::Null), Out::List(Vec::new()));
    assert_eq!(Fix::Indexed.apply(Seen::Text("x")), Out::List(Vec::new()));
    // The item's own whole index wins (normalised input); else the key; else the position.
    assert_eq!(item_index(Seen::Number(3.0), "0", 0), 3.0);
    assert_eq!(item_index(Seen::Null, "4", 0), 4.0);
    assert_eq!(item_index(Seen::Number(1.5), "4", 0), 4.0);
    assert_eq!(item_index(Seen::Number(-1.0), "4", 0), 4.0);
    assert_eq!(item_index(Seen::Text("2"), "4", 0), 4.0);
    assert_eq!(item_index(Seen::Null, "first", 6), 6.0);
    assert_eq!(item_index(Seen::Null, "99999999999999999999", 1), 1.0);
}

fn upload(json: Value) -> MediaUpload {
    decode(json, Shape::MediaUpload).unwrap()
}

#[test]
fn upload_errors_keyed_by_index_become_a_list_that_keeps_the_index() {
    let error = |file: &str| json!({"file": file, "error": "invalid_input", "message": "Invalid file type."});
    // PHP's array with a gap: an object.
    let partial = upload(json!({
        "media": [{"ID": 5, "URL": "http://x/a.png"}],
        "errors": {"1": error("b.exe")},
    }));
    assert_eq!(partial.media.len(), 1);
    assert_eq!(
        partial.errors,
        vec![MediaError {
            index: 1,
            file: "b.exe".into(),
            error: "invalid_input".into(),
            message: "Invalid file type.".into(),
        }]
    );
    // Keys 0, 1 in order: a list; the position is the index. Keys in numeric order, not text.
    let listed = upload(json!({"media": [{"ID": 9}], "errors": [error("a"), error("b")]}));
    assert_eq!(
        listed.errors.iter().map(|e| e.index).collect::<Vec<_>>(),
        [0, 1]
    );
    let keyed =
        upload(json!({"media": [{"ID": 9}], "errors": {"10": error("k"), "2": error("c")}}));
    let got: Vec<(u64, &str)> = keyed
        .errors
        .iter()
        .map(|e| (e.index, e.file.as_str()))
        .collect();
    assert_eq!(got, [(2, "c"), (10, "k")]);
    // No errors (all succeeded): an empty list. What is not an error object is left out.
    assert!(upload(json!({"media": [{"ID": 9}]})).errors.is_empty());
    let odd = upload(json!({"media": [], "errors": {"0": "oops", "3": {"error": "upload_error"}}}));
    assert_eq!(odd.errors.len(), 1);
    assert_eq!((odd.errors[0].index, odd.errors[0].file.as_str()), (3, ""));
}

#[test]
fn normalised_upload_errors_normalise_to_themselves() {
    let mut once =
        js_numbers(json!({"media": [], "errors": {"2": {"error": "e"}, "5": {"error": "f"}}}));
    normalise(&mut once, Shape::MediaUpload);
    assert_eq!(once["errors"][1]["index"], json!(5));
    let mut twice = once.clone();
    normalise(&mut twice, Shape::MediaUpload);
    assert_eq!(twice, once);
}

#[test]
fn media_item_reads_a_real_item_and_its_quirks() {
    let item: MediaItem = decode(
        json!({
            "ID": "123", "URL": "https://example.files.wordpress.com/2026/11/sunset.png",
            "guid": "https://example.files.wordpress.com/2026/11/sunset.png",
            "date": "2026-11-30T10:00:00+00:00", "post_ID": 0, "author_ID": "1001",
            "file": "sunset.png", "mime_type": "image/png", "extension": "png",
            "title": "sunset", "caption": "", "description": "", "alt": "",
            "icon": "https://example.wordpress.com/wp-includes/images/media/default.png",
            "size": "24.62 KB", "height": 480, "width": "640",
            "thumbnails": [], "meta": {"links": {"self": "…"}}, "exif": {"camera": ""}
        }),
        Shape::MediaItem,
    )
    .unwrap();
    assert_eq!((item.id, item.author_id, item.post_id), (123, 1001, 0));
    assert_eq!((item.width, item.height), (640, 480));
    assert_eq!(item.size, "24.62 KB");
    assert!(item.thumbnails.is_empty(), "[] is no thumbnails");
    let sparse: MediaItem = decode(
        json!({"ID": 5, "thumbnails": {"thumbnail": "https://x/t.png", "odd": 3}, "title": false}),
        Shape::MediaItem,
    )
    .unwrap();
    assert_eq!(sparse.thumbnails["thumbnail"], "https://x/t.png");
    assert_eq!(sparse.thumbnails["odd"], "3");
    assert_eq!((sparse.title.as_str(), sparse.url.as_str()), ("", ""));
}

#[test]
fn media_page_keeps_the_next_page_handle() {
    let page: MediaPage = decode(
        json!({"found": "45", "media": [{"ID": 1}, null, {"ID": 2}],
               "meta": {"next_page": "value=2026-11-30&id=2"}}),
        Shape::MediaPage,
    )
    .unwrap();
    assert_eq!((page.found, page.media.len()), (45, 2));
    assert_eq!(
        page.meta.next_page.as_deref(),
        Some("value=2026-11-30&id=2")
    );
    let last: MediaPage = decode(
        json!({"found": 1, "media": [{"ID": 1}], "meta": []}),
        Shape::MediaPage,
    )
    .unwrap();
    assert_eq!(last.meta.next_page, None);
}

#[test]
fn media_shapes_need_their_key() {
    assert_eq!(Shape::MediaItem.required().map(|r| r.0), Some("ID"));
    assert_eq!(Shape::MediaUpload.required().map(|r| r.0), Some("media"));
    assert_eq!(Shape::MediaPage.required().map(|r| r.0), Some("media"));
}

#[test]
fn a_post_takes_a_featured_image_and_media_urls() {
    let post = NewPost {
        title: Some("With a picture".into()),
        featured_image: Some(42),
        media_urls: vec!["https://example.com/a.jpg".into()],
        ..NewPost::default()
    };
    assert_eq!(
        serde_json::to_value(&post).unwrap(),
        json!({"title": "With a picture", "featured_image": 42,
               "media_urls": ["https://example.com/a.jpg"]})
    );
    assert_eq!(
        post.to_form(),
        "title=With%20a%20picture&featured_image=42&media_urls%5B%5D=https%3A%2F%2Fexample.com%2Fa.jpg"
    );
}
