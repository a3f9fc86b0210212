//! Property tests: the parsers, the error mapper and the model decoders never panic, and every
//! value the quirk rules normalise decodes into its model.
use super::prelude::*;

use std::collections::BTreeMap;

use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::normalise_json::{decode, error_body, js_numbers, normalise};
use crate::core::error::error_from_response;
use crate::core::form::parse_form;
use crate::core::models::{
    Comment, CommentsPage, ConnectedApplication, FollowResult, LikeResult, Likes, Me, MediaError,
    MediaItem, MediaPage, MediaUpload, NewPost, Post, PostsPage, Sites, TokenInfo,
};
use crate::core::pending::PendingStates;
use crate::core::quirks::{Fix, Shape};
use crate::core::redirect::{complete_redirect, parse_redirect, scrub_url};
use crate::core::retry::parse_retry_after;
use crate::core::token::Token;

/// Whether a value decodes into a shape's model (normalised first).
type Decodes = fn(Value, Shape) -> bool;

/// Every shape, with its model's decoder. (`Disconnected` has none: `disconnect` resolves with
/// the client's own `{ID, signedOut}`, not with WordPress.com's `{success}`.)
const SHAPES: [(Shape, Decodes); 19] = [
    (Shape::Me, decodes::<Me>),
    (Shape::Sites, decodes::<Sites>),
    (Shape::Likes, decodes::<Likes>),
    (Shape::LikeResult, decodes::<LikeResult>),
    (Shape::Post, decodes::<Post>),
    (Shape::TokenInfo, decodes::<TokenInfo>),
    (Shape::PostsPage, decodes::<PostsPage>),
    // Connected applications.
    (
        Shape::ConnectedApplications,
        decodes::<ConnectedApplications>,
    ),
    (Shape::ConnectedApplication, decodes::<ConnectedApplication>),
    (Shape::MediaItem, decodes::<MediaItem>),
    (Shape::MediaError, decodes::<MediaError>),
    (Shape::MediaUpload, decodes::<MediaUpload>),
    (Shape::MediaPage, decodes::<MediaPage>),
    (Shape::Comment, decodes::<Comment>),
    (Shape::CommentsPage, decodes::<CommentsPage>),
    (Shape::DeletedPost, decodes::<Post>),
    (Shape::DeletedComment, decodes::<Comment>),
    (Shape::FollowResult, decodes::<FollowResult>),
    (Shape::Following, decodes::<FollowResult>),
];

/// The answer of `GET /me/connected-applications` (the client resolves with its list).
#[derive(serde::Deserialize)]
struct ConnectedApplications {
    #[allow(dead_code)]
    connected_applications: Vec<ConnectedApplication>,
}

fn decodes<T: DeserializeOwned>(value: Value, shape: Shape) -> bool {
    decode::<T>(value, shape).is_ok()
}

/// Keys of error bodies, mixed with the rules' own and random ones, so generated objects hit
/// the quirks.
const ERROR_KEYS: &[&str] = &[
    "error",
    "errors",
    "0",
    "message",
    "error_description",
    "error_message",
    "code",
    "title",
    "content",
    "excerpt",
];

/// Every key a rule names, and the error bodies' keys.
fn keys() -> Vec<String> {
    let mut keys: Vec<String> = ERROR_KEYS.iter().map(|k| k.to_string()).collect();
    for (shape, _) in SHAPES {
        for (path, fix) in shape.rules() {
            keys.extend(
                path.split(['.', '|'])
                    .filter(|k| *k != "*")
                    .map(String::from),
            );
            // The other spelling of a field (`connection_ID`, `blog`).
            if let Fix::Alias(other) = fix {
                keys.push(other.to_string());
            }
        }
    }
    keys.sort();
    keys.dedup();
    keys
}

/// PHP-ish scalars: the forms WordPress.com mixes up (`"1"`, `0`, `false`, `""`, `[]`…).
fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        (-3i64..20).prop_map(Value::from),
        (-3.0f64..20.0).prop_map(Value::from),
        "[0-9]{0,25}".prop_map(Value::from),
        "[ +-]?[0-9]{1,3}(\\.[0-9])?[ \u{a0}]?".prop_map(Value::from),
        proptest::sample::select(&["", "0", "1", "true", "false", " 1 ", "global", "a,b c"][..])
            .prop_map(Value::from),
        Just(Value::Array(Vec::new())),
        Just(Value::Object(Map::new())),
        ".{0,12}".prop_map(Value::from),
    ]
}

/// Any JSON, its object keys mostly the ones the rules name.
fn json_value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(5, 96, 8, |inner| {
        let key = prop_oneof![
            3 => proptest::sample::select(keys()),
            1 => "[a-zA-Z_]{0,8}",
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key, inner), 0..8)
                .prop_map(|entries| Value::Object(entries.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// The fields the rules of a shape name, as a tree (`*`: the items of a list or a map).
#[derive(Default)]
struct Fields(BTreeMap<String, Fields>);

impl Fields {
    fn of(shape: Shape) -> Fields {
        let mut root = Fields::default();
        for (path, fix) in shape.rules() {
            root.insert(&path.split('.').collect::<Vec<_>>(), *fix);
        }
        root
    }

    fn insert(&mut self, path: &[&str], fix: Fix) {
        match path.split_first() {
            Some((first, rest)) => {
                for key in first.split('|') {
                    self.0.entry(key.to_string()).or_default().insert(rest, fix);
                }
            }
            // An object of a shape has that shape's fields.
            None => {
                if let Fix::ObjectOf(shape) = fix {
                    self.0.extend(Fields::of(shape).0);
                }
            }
        }
    }

    /// A PHP-ish object with these fields: any of them may be missing, a random value or (a
    /// list or a map) hold a few items, and unknown keys come along.
    fn object(&self, draws: &mut Draws) -> Value {
        let mut map = Map::new();
        for (key, field) in &self.0 {
            if draws.choice() % 6 != 0 {
                map.insert(key.clone(), field.value(draws));
            }
        }
        if draws.choice() % 4 == 0 {
            map.insert("unknown".into(), draws.leaf());
        }
        Value::Object(map)
    }

    fn value(&self, draws: &mut Draws) -> Value {
        let choice = draws.choice();
        if self.0.is_empty() || choice % 5 == 0 {
            return draws.leaf();
        }
        let Some(item) = self.0.get("*") else {
            return self.object(draws);
        };
        let items: Vec<Value> = (0..choice % 4).map(|_| item.value(draws)).collect();
        if choice % 3 == 0 {
            let entries = items.into_iter().enumerate();
            Value::Object(entries.map(|(i, v)| (format!("k{i}"), v)).collect())
        } else {
            Value::Array(items)
        }
    }
}

/// Random values and choices, drawn in turn (and again from the start when used up).
struct Draws<'a> {
    leaves: &'a [Value],
    choices: &'a [u8],
    next: (usize, usize),
}

impl Draws<'_> {
    fn leaf(&mut self) -> Value {
        self.next.0 += 1;
        self.leaves[self.next.0 % self.leaves.len()].clone()
    }

    fn choice(&mut self) -> u8 {
        self.next.1 += 1;
        self.choices[self.next.1 % self.choices.len()]
    }
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
        let err = error_from_response(status, &text, error_body(&v));
        prop_assert_eq!(err.status, Some(status));
        prop_assert!(!err.message.is_empty());
        let parsed = serde_json::from_str::<Value>(&body).ok();
        let err = error_from_response(status, &body, parsed.as_ref().and_then(error_body));
        prop_assert_eq!(err.status, Some(status));
    }

    #[test]
    fn model_decoders_never_panic(v in json_value()) {
        for (shape, decodes) in SHAPES {
            let decoded = decodes(v.clone(), shape);
            // A 2xx body that is not an object is `bad_response` before any rule runs; an
            // object always decodes once normalised.
            if v.is_object() {
                prop_assert!(decoded, "{:?} does not decode {}", shape, v);
            }
        }
    }

    #[test]
    fn every_normalised_value_decodes_into_its_model(
        leaves in prop::collection::vec(json_value(), 1..24),
        choices in prop::collection::vec(any::<u8>(), 1..96),
    ) {
        for (shape, decodes) in SHAPES {
            let mut draws = Draws { leaves: &leaves, choices: &choices, next: (0, 0) };
            let value = Fields::of(shape).object(&mut draws);
            prop_assert!(decodes(value.clone(), shape), "{:?} does not decode {}", shape, value);
        }
    }

    #[test]
    fn normalising_a_normal_form_changes_nothing(v in json_value()) {
        for (shape, _) in SHAPES {
            let mut once = js_numbers(v.clone());
            normalise(&mut once, shape);
            let mut twice = once.clone();
            normalise(&mut twice, shape);
            prop_assert_eq!(&twice, &once, "{:?}", shape);
        }
    }

    #[test]
    fn new_posts_validate_and_encode_without_panicking(
        texts in prop::collection::vec(proptest::option::of(".{0,12}"), 8),
        sticky in proptest::option::of(any::<bool>()),
        tags in prop::collection::vec(".{0,8}", 0..4),
        categories in prop::collection::vec(".{0,8}", 0..4),
    ) {
        let text = |i: usize| texts[i].clone();
        let post = NewPost {
            title: text(0),
            content: text(1),
            excerpt: text(2),
            status: text(3),
            date: text(4),
            slug: text(5),
            format: text(6),
            password: text(7),
            sticky,
            tags,
            categories,
            featured_image: None,
            media_urls: Vec::new(),
        };
        let has_text = [&post.title, &post.content, &post.excerpt]
            .iter()
            .any(|t| t.as_deref().is_some_and(|t| !t.trim_ascii().is_empty()));
        prop_assert_eq!(post.validate().is_ok(), has_text);
        let _ = post.to_form();
    }

    #[test]
    fn retry_after_never_panics(s in ".{0,40}", now in any::<f64>()) {
        if let Some(ms) = parse_retry_after(&s, now, |v| httpdate::parse_http_date(v).ok().map(|_| 0.0)) {
            prop_assert!(ms <= 86_400_000);
        }
    }
}
