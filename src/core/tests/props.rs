//! Property tests: the parsers, the error mapper and the model decoders never panic.
use super::prelude::*;

use proptest::prelude::*;
use serde_json::{Map, Value};

use crate::core::error::{error_from_response, ErrorBody};
use crate::core::form::parse_form;
use crate::core::models::{
    LikeResult, Likes, Me, NewPost, Post, PostsPage, Site, Sites, TokenInfo,
};
use crate::core::pending::PendingStates;
use crate::core::redirect::{complete_redirect, parse_redirect, scrub_url};
use crate::core::retry::parse_retry_after;
use crate::core::token::Token;

/// Keys that the models read, mixed with random ones, so generated objects hit the quirks.
const KEYS: &[&str] = &[
    "ID",
    "site_ID",
    "post_ID",
    "token_scope",
    "token_site_id",
    "success",
    "like_count",
    "parent",
    "tags",
    "categories",
    "sites",
    "likes",
    "posts",
    "meta",
    "next_page",
    "logo",
    "sizes",
    "options",
    "post_formats",
    "capabilities",
    "icon",
    "plan",
    "author",
    "visible",
    "preferred_blog",
    "client_id",
    "blog_id",
    "scope",
    "error",
    "errors",
    "message",
    "error_description",
    "error_message",
    "code",
    "title",
    "content",
    "excerpt",
    "found",
];

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "[0-9]{0,25}".prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(5, 96, 8, |inner| {
        let key = prop_oneof![
            3 => proptest::sample::select(KEYS).prop_map(String::from),
            1 => "[a-zA-Z_]{0,8}",
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key, inner), 0..8)
                .prop_map(|entries| Value::Object(entries.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Form-like strings built from OAuth keys, encoded bytes and separators.
fn form_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        proptest::sample::select(
            &[
                "access_token",
                "error",
                "state",
                "expires_in",
                "site_id",
                "scope",
                "token_type",
                "error_description",
                "=",
                "&",
                "#",
                "?",
                "+",
                "%",
                "%2",
                "%ZZ",
                "%23",
                "%C3%A9",
                "%FF",
                "0",
                "1209600",
                "-1",
                "bearer",
                "global",
            ][..]
        )
        .prop_map(String::from),
        ".{0,4}",
    ];
    prop::collection::vec(piece, 0..16).prop_map(|p| p.concat())
}

proptest! {
    #[test]
    fn parse_form_never_panics(s in ".*") {
        let _ = parse_form(&s);
    }

    #[test]
    fn parse_form_never_panics_on_form_like_input(s in form_like()) {
        if let Ok(pairs) = parse_form(&s) {
            let mut keys: Vec<_> = pairs.iter().map(|(k, _)| k).collect();
            keys.sort();
            keys.dedup();
            prop_assert_eq!(keys.len(), pairs.len());
        }
    }

    #[test]
    fn redirect_handling_never_panics(s in form_like(), prefix in "(http://h/)?(\\?)?", now in any::<f64>()) {
        let url = prefix + &s;
        if let Ok(Some(params)) = parse_redirect(&url) {
            let mut one = PendingStates::default();
            one.add("state", now);
            let _ = complete_redirect(params.clone(), &mut one, now);
            let _ = complete_redirect(params, &mut PendingStates::default(), now);
        }
        // Whatever the URL, no token is left after the path.
        let scrubbed = scrub_url(&url);
        let path_end = url.find(['?', '#']).unwrap_or(url.len());
        prop_assert!(!scrubbed[path_end.min(scrubbed.len())..].contains("access_token"), "{}", scrubbed);
        let _ = Token::from_storage_string(&s);
    }

    #[test]
    fn parse_redirect_never_panics_on_any_text(s in ".*") {
        let _ = parse_redirect(&s);
        let _ = scrub_url(&s);
    }

    #[test]
    fn error_mapping_never_panics(status in any::<u16>(), body in ".{0,64}", v in json_value()) {
        let text = v.to_string();
        let decoded = serde_json::from_value::<ErrorBody>(v).ok();
        let err = error_from_response(status, &text, decoded);
        prop_assert_eq!(err.status, Some(status));
        prop_assert!(!err.message.is_empty());
        let err = error_from_response(status, &body, serde_json::from_str::<ErrorBody>(&body).ok());
        prop_assert_eq!(err.status, Some(status));
    }

    #[test]
    fn model_decoders_never_panic(v in json_value()) {
        let _ = serde_json::from_value::<Me>(v.clone());
        let _ = serde_json::from_value::<Sites>(v.clone());
        let _ = serde_json::from_value::<Site>(v.clone());
        let _ = serde_json::from_value::<Likes>(v.clone());
        let _ = serde_json::from_value::<LikeResult>(v.clone());
        let _ = serde_json::from_value::<Post>(v.clone());
        let _ = serde_json::from_value::<PostsPage>(v.clone());
        let _ = serde_json::from_value::<TokenInfo>(v.clone());
        if let Ok(p) = serde_json::from_value::<NewPost>(v) {
            let _ = p.validate();
            let _ = p.to_form();
        }
    }

    #[test]
    fn retry_after_never_panics(s in ".{0,40}", now in any::<f64>()) {
        if let Some(ms) = parse_retry_after(&s, now, |v| httpdate::parse_http_date(v).ok().map(|_| 0.0)) {
            prop_assert!(ms <= 86_400_000);
        }
    }
}
