//! The models on real and odd wire forms, decoded as a browser does: normalised by the quirk
//! rules (`normalise_json`, the mirror of the browser's walker), then strict serde.
use super::prelude::*;

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::normalise_json::decode;
use crate::core::error::ErrorCode;
use crate::core::models::{LikeResult, Likes, LogoSize, Me, Post, Site, Sites, TokenInfo};
use crate::core::quirks::Shape;

fn me(v: Value) -> Me {
    decode(v, Shape::Me).unwrap()
}

fn sites(v: Value) -> Sites {
    decode(v, Shape::Sites).unwrap()
}

#[test]
fn me_reads_a_real_response() {
    let m = me(json!({
        "ID": 1234567890, "display_name": "Jane Doe", "username": "janedoe",
        "email": "jane@example.com", "primary_blog": 98765, "primary_blog_url": "http://jane.example",
        "language": "en", "locale_variant": "", "token_site_id": false, "token_scope": ["global"],
        "avatar_URL": "https://0.gravatar.com/avatar/x", "profile_URL": "https://gravatar.com/janedoe",
        "verified": true, "email_verified": true, "date": "2011-05-11T10:13:30+00:00",
        "site_count": 3, "visible_site_count": 2, "has_unseen_notes": false,
        "meta": {"links": {"self": "https://public-api.wordpress.com/rest/v1.1/me"}}
    }));
    assert_eq!(m.id, 1_234_567_890);
    assert_eq!(m.display_name, "Jane Doe");
    assert_eq!(m.primary_blog, Some(98765));
    assert_eq!(m.token_site_id, None);
    assert_eq!(m.token_scope, vec!["global"]);
    assert_eq!(m.avatar_url, "https://0.gravatar.com/avatar/x");
    assert!(m.verified && m.email_verified);
    assert_eq!((m.site_count, m.visible_site_count), (3, 2));
}

#[test]
fn me_normalises_token_scope_and_token_site_id() {
    let cases = [
        (json!({"token_scope": ["global"]}), vec!["global"]),
        (json!({"token_scope": "global"}), vec!["global"]),
        (
            json!({"token_scope": "posts media,sites"}),
            vec!["posts", "media", "sites"],
        ),
        (json!({"token_scope": ""}), vec![]),
        (json!({"token_scope": null}), vec![]),
        (
            json!({"token_scope": ["auth", 3, null, ""]}),
            vec!["auth", "3"],
        ),
        (json!({}), vec![]),
    ];
    for (v, want) in cases {
        assert_eq!(me(v.clone()).token_scope, want, "{v}");
    }
    let sites = [
        (json!({"token_site_id": false}), None),
        (json!({"token_site_id": 0}), None),
        (json!({"token_site_id": null}), None),
        (json!({"token_site_id": "0"}), None),
        (json!({"token_site_id": 123}), Some(123)),
        (json!({"token_site_id": "123"}), Some(123)),
        (json!({"token_site_id": true}), None),
        (json!({}), None),
    ];
    for (v, want) in sites {
        assert_eq!(me(v.clone()).token_site_id, want, "{v}");
    }
}

#[test]
fn missing_and_odd_fields_read_as_defaults() {
    assert_eq!(me(json!({})), Me::default());
    let m = me(
        json!({"ID": "42", "display_name": null, "email": false, "verified": "1",
                      "email_verified": 0, "site_count": "7", "language": 12}),
    );
    assert_eq!(m.id, 42);
    assert_eq!(m.display_name, "");
    assert_eq!(m.email, "");
    assert!(m.verified && !m.email_verified);
    assert_eq!(m.site_count, 7);
    assert_eq!(m.language, "12");
}

#[test]
fn models_serialize_with_wordpress_field_names() {
    let m =
        me(json!({"ID": 1, "avatar_URL": "a", "token_scope": "global", "token_site_id": false}));
    let out = serde_json::to_value(&m).unwrap();
    assert_eq!(out["ID"], 1);
    assert_eq!(out["avatar_URL"], "a");
    assert_eq!(out["profile_URL"], "");
    assert_eq!(out["token_scope"], json!(["global"]));
    assert_eq!(out["token_site_id"], Value::Null);
    assert!(out.get("id").is_none() && out.get("avatar_url").is_none());

    let p: Post = decode(
        json!({"ID": 5, "type": "page", "site_ID": 9, "short_URL": "s"}),
        Shape::Post,
    )
    .unwrap();
    let out = serde_json::to_value(&p).unwrap();
    assert_eq!(
        (
            out["ID"].clone(),
            out["type"].clone(),
            out["site_ID"].clone()
        ),
        (json!(5), json!("page"), json!(9))
    );
    assert_eq!(out["short_URL"], "s");
    assert_eq!(out["parent"], Value::Null);
    assert_eq!(out["tags"], json!({}));
    // What is serialized reads back the same, strictly or normalised again (a normal form is
    // left as it is).
    assert_eq!(serde_json::from_value::<Post>(out.clone()).unwrap(), p);
    assert_eq!(decode::<Post>(out, Shape::Post).unwrap(), p);
}

#[test]
fn sites_read_real_quirks() {
    let s = sites(json!({"sites": [
        {"ID": 123, "name": "Jane's blog", "description": "", "URL": "https://jane.example",
         "jetpack": false, "visible": null, "is_private": false,
         "capabilities": {"edit_posts": true, "publish_posts": true, "manage_options": false},
         "options": {"timezone": "", "admin_url": "https://jane.example/wp-admin/", "post_formats": [],
                     "is_mapped_domain": true, "unmapped_url": "https://jane.wordpress.com"},
         "icon": {"img": "https://i.example/icon.png", "ico": "https://i.example/icon.ico"},
         "logo": {"id": 0, "sizes": [], "url": ""},
         "plan": {"product_id": 1, "product_slug": "free_plan", "product_name_short": "Free"},
         "meta": {"links": {}}},
        {"ID": "456", "name": 2024, "visible": true, "jetpack": 1, "is_private": "1",
         "options": {"post_formats": {"aside": "Aside", "image": "Image"}},
         "logo": {"id": "9", "sizes": {"thumbnail": "t.png"}, "url": "l.png"},
         "capabilities": [], "icon": false, "plan": null},
        "not a site", 7, null
    ]}));
    assert_eq!(s.sites.len(), 2);
    let (a, b) = (&s.sites[0], &s.sites[1]);
    assert_eq!(
        (a.id, a.visible, a.jetpack, a.is_private),
        (123, None, false, false)
    );
    assert_eq!(a.capabilities.get("publish_posts"), Some(&true));
    assert!(a.options.post_formats.is_empty());
    assert!(a.options.is_mapped_domain);
    assert_eq!(a.icon.as_ref().unwrap().ico, "https://i.example/icon.ico");
    assert!(a.logo.as_ref().unwrap().sizes.is_empty());
    assert_eq!(a.plan.as_ref().unwrap().product_name_short, "Free");
    assert_eq!(
        (b.id, b.name.as_str(), b.visible, b.jetpack, b.is_private),
        (456, "2024", Some(true), true, true)
    );
    assert_eq!(
        b.options.post_formats.get("aside").map(String::as_str),
        Some("Aside")
    );
    assert_eq!(
        b.logo
            .as_ref()
            .unwrap()
            .sizes
            .get("thumbnail")
            .map(LogoSize::url),
        Some("t.png")
    );
    assert_eq!((b.icon.clone(), b.plan.clone()), (None, None));
    assert!(b.capabilities.is_empty());

    assert!(sites(json!({"sites": []})).sites.is_empty());
    assert!(sites(json!({"sites": {}})).sites.is_empty());
    // A site with nothing is all defaults, its objects included.
    assert_eq!(sites(json!({"sites": [{}]})).sites, vec![Site::default()]);
}

#[test]
fn logo_sizes_keep_urls_and_objects_with_a_url() {
    let cases = [
        (json!([]), vec![]),
        (json!({}), vec![]),
        (json!(false), vec![]),
        (json!({"thumbnail": "t.png"}), vec![("thumbnail", "t.png")]),
        // Jetpack sites (the emulator's site 2003): {height, width, url} per size.
        (
            json!({"thumbnail": {"height": 150, "width": 150, "url": "t.png"},
                   "full": {"height": 400, "width": 400, "url": "f.png"}}),
            vec![("full", "f.png"), ("thumbnail", "t.png")],
        ),
        (
            json!({"odd": 7, "none": null, "list": [1], "nourl": {"height": 1}}),
            vec![("list", ""), ("none", ""), ("nourl", ""), ("odd", "")],
        ),
    ];
    for (sizes, want) in cases {
        let s = sites(json!({"sites": [{"logo": {"id": 1, "sizes": sizes.clone(), "url": "l"}}]}));
        let got: Vec<(&str, &str)> = s.sites[0]
            .logo
            .as_ref()
            .unwrap()
            .sizes
            .iter()
            .map(|(k, v)| (k.as_str(), v.url()))
            .collect();
        assert_eq!(got, want, "{sizes}");
    }
    // The Jetpack form stays an object, as the JS surface returns it.
    let s = sites(json!({"sites": [{"logo": {"sizes": {"full": {"height": 4, "url": "f.png"}}}}]}));
    assert_eq!(
        s.sites[0].logo.as_ref().unwrap().sizes["full"],
        LogoSize::Image {
            url: "f.png".into(),
            width: 0,
            height: 4
        }
    );
}

#[test]
fn likes_read_a_real_list() {
    let l: Likes = decode(json!({
        "found": 3, "i_like": true, "can_like": true, "site_ID": 1, "post_ID": 2,
        "likes": [
            {"ID": 11, "login": "a", "name": "A", "nice_name": "a", "URL": "", "avatar_URL": "av",
             "profile_URL": "pr", "site_ID": 0, "date_liked": "2024-01-01 10:00:00",
             "preferred_blog": {"ID": 77, "name": "Blog", "URL": "https://b.example", "icon": {"img": ""}}},
            {"ID": "12", "login": "b", "preferred_blog": null, "site_ID": "5"},
            {"ID": 13, "preferred_blog": false}
        ]
    }), Shape::Likes).unwrap();
    assert_eq!(
        (l.found, l.i_like, l.can_like, l.likes.len()),
        (3, true, true, 3)
    );
    assert_eq!(l.likes[0].preferred_blog.as_ref().unwrap().id, 77);
    assert_eq!(l.likes[0].avatar_url, "av");
    assert_eq!((l.likes[1].id, l.likes[1].site_id), (12, 5));
    assert_eq!(l.likes[1].preferred_blog, None);
    assert_eq!(l.likes[2].preferred_blog, None);
}

#[test]
fn like_results_coerce_success_and_count() {
    let cases = [
        (
            json!({"success": true, "i_like": true, "like_count": 4, "site_ID": 1, "post_ID": 2}),
            true,
            4,
        ),
        (
            json!({"success": 1, "i_like": 1, "like_count": "5"}),
            true,
            5,
        ),
        (
            json!({"success": "1", "i_like": false, "like_count": "0"}),
            true,
            0,
        ),
        (json!({"success": "true", "like_count": 2.0}), true, 2),
        (json!({"success": false, "like_count": 3}), false, 3),
        (json!({"success": 0}), false, 0),
        (json!({"success": "0", "like_count": "many"}), false, 0),
        (json!({"success": null}), false, 0),
        (json!({}), false, 0),
    ];
    for (v, success, count) in cases {
        let r: LikeResult = decode(v.clone(), Shape::LikeResult).unwrap();
        assert_eq!((r.success, r.like_count), (success, count), "{v}");
        match r.into_result() {
            Ok(ok) => assert!(success && ok.success, "{v}"),
            Err(e) => {
                assert!(!success, "{v}");
                assert_eq!(e.code, ErrorCode::LikeFailed);
                assert_eq!(e.code.as_str(), "like_failed");
            }
        }
    }
    let ids: LikeResult =
        decode(json!({"site_ID": "10", "post_ID": 20}), Shape::LikeResult).unwrap();
    assert_eq!((ids.site_id, ids.post_id), (10, 20));
}

#[test]
fn token_info_reads_ids_as_strings_or_numbers() {
    let cases = [
        (
            json!({"client_id": "11", "user_id": "1234567890", "blog_id": null, "scope": "global"}),
            "11",
            "1234567890",
            None,
            vec!["global"],
        ),
        (
            json!({"client_id": 11, "user_id": 1234567890, "blog_id": 0, "scope": ["global"]}),
            "11",
            "1234567890",
            None,
            vec!["global"],
        ),
        (
            json!({"client_id": 11, "user_id": 5, "blog_id": 321, "scope": ""}),
            "11",
            "5",
            Some("321"),
            vec![],
        ),
        (
            json!({"client_id": "11", "blog_id": "321", "scope": "posts media"}),
            "11",
            "",
            Some("321"),
            vec!["posts", "media"],
        ),
        (json!({"blog_id": "0"}), "", "", None, vec![]),
    ];
    for (v, client, user, blog, scope) in cases {
        let t: TokenInfo = decode(v.clone(), Shape::TokenInfo).unwrap();
        assert_eq!(t.client_id, client, "{v}");
        assert_eq!(t.user_id, user, "{v}");
        assert_eq!(t.blog_id.as_deref(), blog, "{v}");
        assert_eq!(t.scope, scope, "{v}");
    }
}

#[test]
fn large_and_negative_numbers_coerce_without_loss_or_panic() {
    let cases = [
        // Beyond 2^53 - 1 no JS number holds it: 0 on both surfaces (the lenient decoders kept
        // u64::MAX natively).
        (json!({"ID": 18446744073709551615u64}), 0),
        (json!({"ID": 9007199254740991u64}), 9_007_199_254_740_991),
        (json!({"ID": 9007199254740992u64}), 0),
        (json!({"ID": "9007199254740991"}), 9_007_199_254_740_991),
        (json!({"ID": "9007199254740992"}), 0),
        (json!({"ID": -5}), 0),
        (json!({"ID": 1.9}), 1),
        (json!({"ID": -1.5}), 0),
        (json!({"ID": 1e300}), 0),
        (json!({"ID": " 77 "}), 77),
        (json!({"ID": [1]}), 0),
        (json!({"ID": {"a": 1}}), 0),
    ];
    for (v, want) in cases {
        assert_eq!(me(v.clone()).id, want, "{v}");
    }
    let map: BTreeMap<String, Value> = BTreeMap::new();
    assert_eq!(me(serde_json::to_value(map).unwrap()), Me::default());
}

#[test]
fn ambiguous_values_read_as_the_quirk_rules_settle_them() {
    // Counts and IDs are plain digits: a sign or a no-break space makes no number.
    for v in [
        json!("+5"),
        json!("\u{a0}5"),
        json!("5\u{a0}"),
        json!("5.0"),
        json!("1e3"),
    ] {
        let m = me(json!({"ID": v, "primary_blog": v, "site_count": v}));
        assert_eq!((m.id, m.primary_blog, m.site_count), (0, None, 0), "{v}");
    }
    // Flags: any object is true, and so is a "0" padded with a no-break space.
    let m = me(json!({"verified": {}, "email_verified": "\u{a0}0"}));
    assert!(m.verified && m.email_verified);
    let m = me(json!({"verified": " 0 ", "email_verified": []}));
    assert!(!m.verified && !m.email_verified);
    // Text: a negative number is no text; a lone number is no scope list.
    let m = me(json!({"display_name": -5, "language": 5.0, "token_scope": 5}));
    assert_eq!((m.display_name.as_str(), m.language.as_str()), ("", "5"));
    assert!(m.token_scope.is_empty());
}
