//! The JS path's decoding, in a real browser: the quirk rules applied in place to parsed JSON,
//! on the wire forms WordPress.com sends (fixtures from the contract, not from the emulator).

use super::normalise;
use crate::browser::env::get;
use crate::core::quirks::Shape;
use std::string::{String, ToString};
use std::vec;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn parsed(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("valid JSON")
}

fn at(value: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(value.clone(), |v, key| get(&v, key))
}

/// `body` parsed and normalised as the typed call of `shape` does before decoding.
fn normalised(body: &str, shape: Shape) -> JsValue {
    let value = parsed(body);
    normalise(&value, shape);
    value
}

fn json(value: &JsValue) -> String {
    js_sys::JSON::stringify(value).unwrap().as_string().unwrap()
}

#[wasm_bindgen_test]
fn each_shape_normalises_the_wire_quirks() {
    // (shape, body as sent, path, the normal form as JSON)
    let cases: &[(Shape, &str, &str, &str)] = &[
        (
            Shape::Me,
            r#"{"token_scope":"global"}"#,
            "token_scope",
            r#"["global"]"#,
        ),
        (
            Shape::Me,
            r#"{"token_scope":"posts,media sites"}"#,
            "token_scope",
            r#"["posts","media","sites"]"#,
        ),
        (
            Shape::Me,
            r#"{"token_scope":["global"]}"#,
            "token_scope",
            r#"["global"]"#,
        ),
        (
            Shape::Me,
            r#"{"token_site_id":false}"#,
            "token_site_id",
            "null",
        ),
        (Shape::Me, r#"{"token_site_id":0}"#, "token_site_id", "null"),
        (
            Shape::Me,
            r#"{"token_site_id":"123"}"#,
            "token_site_id",
            "123",
        ),
        (Shape::Me, r#"{}"#, "token_scope", "[]"),
        (
            Shape::Sites,
            r#"{"sites":[{"logo":{"sizes":[]}}]}"#,
            "sites.0.logo.sizes",
            "{}",
        ),
        (
            Shape::Sites,
            r#"{"sites":[{"logo":false}]}"#,
            "sites.0.logo",
            "null",
        ),
        (
            Shape::Sites,
            r#"{"sites":[{"options":{"post_formats":[]}}]}"#,
            "sites.0.options.post_formats",
            "{}",
        ),
        (
            Shape::Sites,
            r#"{"sites":[{"ID":"456","is_private":"1"}]}"#,
            "sites.0.ID",
            "456",
        ),
        (
            Shape::Sites,
            r#"{"sites":[{"ID":"456","is_private":"1"}]}"#,
            "sites.0.is_private",
            "true",
        ),
        (Shape::Likes, r#"{"found":"3","likes":[]}"#, "found", "3"),
        (
            Shape::Likes,
            r#"{"likes":[{"preferred_blog":false}]}"#,
            "likes.0.preferred_blog",
            "null",
        ),
        (
            Shape::LikeResult,
            r#"{"success":1,"like_count":"5"}"#,
            "success",
            "true",
        ),
        (
            Shape::LikeResult,
            r#"{"success":1,"like_count":"5"}"#,
            "like_count",
            "5",
        ),
        (Shape::Post, r#"{"parent":false}"#, "parent", "null"),
        (Shape::Post, r#"{"tags":[],"categories":[]}"#, "tags", "{}"),
        (
            Shape::Post,
            r#"{"tags":[],"categories":[]}"#,
            "categories",
            "{}",
        ),
        (
            Shape::Post,
            r#"{"categories":{"Uncategorized":{"ID":"1","post_count":"12"}}}"#,
            "categories.Uncategorized.ID",
            "1",
        ),
        (
            Shape::Post,
            r#"{"categories":{"Uncategorized":{"ID":"1","post_count":"12"}}}"#,
            "categories.Uncategorized.post_count",
            "12",
        ),
        (Shape::Post, r#"{"like_count":"0"}"#, "like_count", "0"),
        (
            Shape::TokenInfo,
            r#"{"client_id":11,"user_id":1234567890,"blog_id":null,"scope":"global"}"#,
            "client_id",
            r#""11""#,
        ),
        (
            Shape::TokenInfo,
            r#"{"client_id":11,"user_id":1234567890,"blog_id":null,"scope":"global"}"#,
            "user_id",
            r#""1234567890""#,
        ),
        (
            Shape::TokenInfo,
            r#"{"client_id":"11","blog_id":0,"scope":"global"}"#,
            "blog_id",
            "null",
        ),
        (
            Shape::TokenInfo,
            r#"{"client_id":"11","blog_id":2001,"scope":"posts media"}"#,
            "blog_id",
            r#""2001""#,
        ),
        (
            Shape::TokenInfo,
            r#"{"client_id":"11","scope":"posts media"}"#,
            "scope",
            r#"["posts","media"]"#,
        ),
        // Connected applications: the docs' spelling (`connection_ID`, `blog`) reads as the
        // answer's (`ID`, `site`); `site` is `false` or an object; the answer's own spelling wins.
        (
            Shape::ConnectedApplications,
            r#"{"connected_applications":[7,{"connection_ID":12,"blog":{"site_ID":5,"site_name":false}}]}"#,
            "connected_applications.0",
            // `blog` and `site` are one object: JavaScript copies the reference.
            concat!(
                r#"{"connection_ID":12,"blog":{"site_ID":"5","site_name":"","site_URL":""},"#,
                r#""ID":"12","site":{"site_ID":"5","site_name":"","site_URL":""},"URL":"","#,
                r#""authorized":"","description":"","icon":"","scope":"","title":"","#,
                r#""permissions":[]}"#
            ),
        ),
        (
            Shape::ConnectedApplication,
            r#"{"ID":"a1","connection_ID":99,"site":false,"blog":{"site_ID":5}}"#,
            "ID",
            r#""a1""#,
        ),
        (
            Shape::ConnectedApplication,
            r#"{"ID":"a1","site":false,"blog":{"site_ID":5}}"#,
            "site",
            "null",
        ),
    ];
    for (shape, body, path, want) in cases {
        let value = parsed(body);
        normalise(&value, *shape);
        assert_eq!(json(&at(&value, path)), *want, "{shape:?} {body} at {path}");
    }
}

#[wasm_bindgen_test]
fn every_field_of_a_model_gets_its_normal_form() {
    // (shape, body as sent, the normal form of the whole body)
    let cases: &[(Shape, &str, &str)] = &[
        // Text from a number, `null` or `false`; IDs from strings; settled forms of numbers.
        (
            Shape::LikeResult,
            r#"{"success":"1","i_like":0,"like_count":1.9,"site_ID":"+5","post_ID":-5}"#,
            r#"{"success":true,"i_like":false,"like_count":1,"site_ID":0,"post_ID":0}"#,
        ),
        (
            Shape::TokenInfo,
            r#"{"client_id":11,"user_id":null,"blog_id":"0","scope":["a",3,null,""]}"#,
            r#"{"client_id":"11","user_id":"","blog_id":null,"scope":["a","3"]}"#,
        ),
        // What is not a site is left out of the list; a site gets all its fields.
        (
            Shape::Sites,
            r#"{"sites":[null,7,"x",{"ID":"9","name":2024,"visible":null,"logo":{"sizes":{"a":"a.png","b":{"url":5},"c":7}},"capabilities":{"edit_posts":"1"}}]}"#,
            concat!(
                r#"{"sites":[{"ID":9,"name":"2024","visible":null,"#,
                r#""logo":{"sizes":{"a":"a.png","b":{"url":"5","width":0,"height":0},"c":""},"#,
                r#""id":0,"url":""},"#,
                r#""capabilities":{"edit_posts":true},"description":"","URL":"","#,
                r#""jetpack":false,"is_private":false,"icon":null,"plan":null,"#,
                r#""options":{"timezone":"","admin_url":"","unmapped_url":"","#,
                r#""is_mapped_domain":false,"post_formats":{}}}]}"#
            ),
        ),
        // Each post of a page gets a post's rules; what is not a post is left out.
        (
            Shape::PostsPage,
            r#"{"found":"1","posts":[false,{"ID":"3","tags":[],"parent":false,"author":false}],"meta":[]}"#,
            concat!(
                r#"{"found":1,"posts":[{"ID":3,"tags":{},"parent":null,"#,
                r#""author":{"ID":0,"login":"","name":"","first_name":"","last_name":"","#,
                r#""nice_name":"","URL":"","avatar_URL":"","profile_URL":""},"#,
                r#""site_ID":0,"like_count":0,"sticky":false,"i_like":false,"date":"","#,
                r#""modified":"","title":"","URL":"","short_URL":"","content":"","#,
                r#""excerpt":"","slug":"","guid":"","status":"","password":"","type":"","#,
                r#""format":"","categories":{},"featured_image":"","#,
                r#""discussion":{"comments_open":false,"pings_open":false,"comment_status":"","#,
                r#""ping_status":"","comment_count":0}}],"meta":{"next_page":null}}"#
            ),
        ),
    ];
    for (shape, body, want) in cases {
        let value = parsed(body);
        normalise(&value, *shape);
        assert_eq!(json(&value), *want, "{shape:?} {body}");
    }
}

#[wasm_bindgen_test]
fn the_typed_api_decodes_what_the_rules_normalise() {
    use crate::browser::typed::decode;
    use crate::core::models::{LogoSize, Me, PostsPage, Sites, TokenInfo};

    let me: Me = decode(normalised(r#"{"ID":"42","display_name":null,"email":false,"language":12,"verified":"1","token_site_id":"0","token_scope":"posts media"}"#, Shape::Me))
    .unwrap();
    assert_eq!(
        (me.id, me.display_name.as_str(), me.email.as_str()),
        (42, "", "")
    );
    assert_eq!(
        (me.language.as_str(), me.verified, me.token_site_id),
        ("12", true, None)
    );
    assert_eq!(me.token_scope, ["posts", "media"]);

    let sites: Sites = decode(normalised(r#"{"sites":[7,{"ID":2003,"logo":{"id":"1","sizes":{"full":{"height":400,"width":400,"url":"f.png"},"thumb":"t.png"},"url":"l"},"options":[]}]}"#, Shape::Sites))
    .unwrap();
    assert_eq!(sites.sites.len(), 1);
    let sizes = &sites.sites[0].logo.as_ref().unwrap().sizes;
    assert_eq!(
        sizes["full"],
        LogoSize::Image {
            url: "f.png".into(),
            width: 400,
            height: 400
        }
    );
    assert_eq!(sizes["thumb"], LogoSize::Url("t.png".into()));

    let info: TokenInfo = decode(normalised(
        r#"{"client_id":1234,"user_id":1001,"blog_id":0,"scope":"global"}"#,
        Shape::TokenInfo,
    ))
    .unwrap();
    assert_eq!(
        (info.client_id.as_str(), info.user_id.as_str()),
        ("1234", "1001")
    );
    assert_eq!(
        (info.blog_id, info.scope),
        (None, vec!["global".to_string()])
    );

    let page: PostsPage = decode(normalised(r#"{"found":"2","posts":[{"ID":"8","categories":{"News":{"ID":"1","post_count":"12"}}},null],"meta":{"next_page":"value=x"}}"#, Shape::PostsPage))
    .unwrap();
    assert_eq!((page.found, page.posts.len(), page.posts[0].id), (2, 1, 8));
    assert_eq!(page.posts[0].categories["News"].post_count, 12);
    assert_eq!(page.meta.next_page.as_deref(), Some("value=x"));
}

#[wasm_bindgen_test]
fn fields_the_rules_do_not_name_stay_as_sent() {
    let value = parsed(
        r#"{"parent":{"ID":10,"title":"P"},"meta":{"links":{"self":"x"}},"likes_enabled":[1,"two"]}"#,
    );
    normalise(&value, Shape::Post);
    // The parent's missing fields are filled in; what the rules do not name is left alone.
    assert_eq!(
        json(&get(&value, "parent")),
        r#"{"ID":10,"title":"P","type":"","link":""}"#
    );
    assert_eq!(json(&get(&value, "meta")), r#"{"links":{"self":"x"}}"#);
    assert_eq!(json(&get(&value, "likes_enabled")), r#"[1,"two"]"#);
}

#[wasm_bindgen_test]
fn odd_containers_become_empty_lists_without_failing() {
    // `sites` not a list, sites that are not objects: no site.
    for body in [
        r#"{"sites":{}}"#,
        r#"{"sites":"none"}"#,
        r#"{"sites":[null,7,"x"]}"#,
    ] {
        let value = parsed(body);
        normalise(&value, Shape::Sites);
        assert_eq!(json(&value), r#"{"sites":[]}"#, "{body}");
    }
}
