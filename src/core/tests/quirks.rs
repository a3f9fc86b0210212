use super::prelude::*;

use crate::core::quirks::{Fix, Out, Seen, Shape};

fn list(items: &[&str]) -> Out {
    Out::List(items.iter().map(|s| s.to_string()).collect())
}

#[test]
fn each_fix_normalises_the_wire_forms_wordpress_com_sends() {
    let cases: Vec<(Fix, Seen, Out)> = vec![
        // token_scope / token-info scope: an array or one string.
        (Fix::StringList, Seen::Array(1), Out::Keep),
        (Fix::StringList, Seen::Text("global"), list(&["global"])),
        (
            Fix::StringList,
            Seen::Text("posts, media sites"),
            list(&["posts", "media", "sites"]),
        ),
        (Fix::StringList, Seen::Text(""), list(&[])),
        (Fix::StringList, Seen::Null, list(&[])),
        (Fix::StringList, Seen::Bool(false), list(&[])),
        // token_site_id: false, 0 or a number.
        (Fix::NumberOrNull, Seen::Number(2001.0), Out::Keep),
        (Fix::NumberOrNull, Seen::Bool(false), Out::Null),
        (Fix::NumberOrNull, Seen::Number(0.0), Out::Null),
        (Fix::NumberOrNull, Seen::Text(""), Out::Null),
        (Fix::NumberOrNull, Seen::Text("0"), Out::Null),
        (Fix::NumberOrNull, Seen::Text("2001"), Out::Number(2001.0)),
        (Fix::NumberOrNull, Seen::Text("20x1"), Out::Null),
        (Fix::NumberOrNull, Seen::Null, Out::Null),
        (Fix::NumberOrNull, Seen::Object, Out::Null),
        // like_count, found: a number or a numeric string.
        (Fix::Number, Seen::Number(3.0), Out::Keep),
        (Fix::Number, Seen::Text("3"), Out::Number(3.0)),
        (Fix::Number, Seen::Text(" 12 "), Out::Number(12.0)),
        (Fix::Number, Seen::Text("lots"), Out::Number(0.0)),
        (Fix::Number, Seen::Text("-1"), Out::Number(0.0)),
        (Fix::Number, Seen::Null, Out::Number(0.0)),
        (Fix::Number, Seen::Bool(true), Out::Number(0.0)),
        // success, i_like: 1, "1", true or their falsy forms.
        (Fix::Bool, Seen::Bool(true), Out::Keep),
        (Fix::Bool, Seen::Bool(false), Out::Keep),
        (Fix::Bool, Seen::Number(1.0), Out::Bool(true)),
        (Fix::Bool, Seen::Text("1"), Out::Bool(true)),
        (Fix::Bool, Seen::Number(0.0), Out::Bool(false)),
        (Fix::Bool, Seen::Text("0"), Out::Bool(false)),
        (Fix::Bool, Seen::Text("false"), Out::Bool(false)),
        (Fix::Bool, Seen::Text(""), Out::Bool(false)),
        (Fix::Bool, Seen::Null, Out::Bool(false)),
        (Fix::Bool, Seen::Array(0), Out::Bool(false)),
        (Fix::Bool, Seen::Text("yes"), Out::Bool(true)),
        (Fix::Bool, Seen::Object, Out::Bool(true)),
        // tags, categories, logo.sizes, options.post_formats: PHP's [] for an empty map.
        (Fix::Object, Seen::Object, Out::Keep),
        (Fix::Object, Seen::Array(0), Out::EmptyObject),
        (Fix::Object, Seen::Bool(false), Out::EmptyObject),
        (Fix::Object, Seen::Null, Out::EmptyObject),
        // parent, icon, logo, plan: false or an object.
        (Fix::ObjectOrNull, Seen::Object, Out::Keep),
        (Fix::ObjectOrNull, Seen::Bool(false), Out::Null),
        (Fix::ObjectOrNull, Seen::Array(0), Out::Null),
        (Fix::ObjectOrNull, Seen::Number(0.0), Out::Null),
        (Fix::ObjectOrNull, Seen::Null, Out::Null),
        // token-info IDs: strings or numbers on the wire, strings for JS.
        (Fix::IdText, Seen::Text("11"), Out::Keep),
        (Fix::IdText, Seen::Number(11.0), Out::Text("11".into())),
        (
            Fix::IdText,
            Seen::Number(1234567890.0),
            Out::Text("1234567890".into()),
        ),
        (Fix::IdText, Seen::Number(1.5), Out::Text(String::new())),
        (Fix::IdText, Seen::Null, Out::Text(String::new())),
        (Fix::IdTextOrNull, Seen::Text("2001"), Out::Keep),
        (
            Fix::IdTextOrNull,
            Seen::Number(2001.0),
            Out::Text("2001".into()),
        ),
        (Fix::IdTextOrNull, Seen::Null, Out::Null),
        (Fix::IdTextOrNull, Seen::Bool(false), Out::Null),
        (Fix::IdTextOrNull, Seen::Number(0.0), Out::Null),
        (Fix::IdTextOrNull, Seen::Text("0"), Out::Null),
        (Fix::IdTextOrNull, Seen::Text(""), Out::Null),
    ];
    for (fix, seen, want) in cases {
        assert_eq!(fix.apply(seen), want, "{fix:?} on {seen:?}");
    }
}

#[test]
fn each_shape_covers_the_quirks_the_contract_lists() {
    let cases: &[(Shape, &str, Fix)] = &[
        (Shape::Me, "token_scope", Fix::StringList),
        (Shape::Me, "token_site_id", Fix::NumberOrNull),
        (Shape::Sites, "sites.*.logo.sizes", Fix::Object),
        (Shape::Sites, "sites.*.options.post_formats", Fix::Object),
        (Shape::Likes, "found", Fix::Number),
        (Shape::LikeResult, "success", Fix::Bool),
        (Shape::LikeResult, "like_count", Fix::Number),
        (Shape::Post, "parent", Fix::ObjectOrNull),
        (Shape::Post, "tags", Fix::Object),
        (Shape::Post, "categories", Fix::Object),
        (Shape::Post, "categories.*.ID", Fix::Number),
        (Shape::Post, "like_count", Fix::Number),
        (Shape::TokenInfo, "client_id", Fix::IdText),
        (Shape::TokenInfo, "user_id", Fix::IdText),
        (Shape::TokenInfo, "blog_id", Fix::IdTextOrNull),
        (Shape::TokenInfo, "scope", Fix::StringList),
    ];
    for (shape, path, fix) in cases {
        assert!(
            shape.rules().contains(&(*path, *fix)),
            "{shape:?} lacks {path} → {fix:?}"
        );
    }
}

/// Every response shape that has quirk rules.
const SHAPES: [Shape; 6] = [
    Shape::Me,
    Shape::Sites,
    Shape::Likes,
    Shape::LikeResult,
    Shape::Post,
    Shape::TokenInfo,
];

#[test]
fn an_object_is_fixed_before_the_fields_inside_it() {
    for shape in SHAPES {
        let rules = shape.rules();
        for (i, (path, _)) in rules.iter().enumerate() {
            for (outer, fix) in &rules[i + 1..] {
                let inside = path
                    .strip_prefix(*outer)
                    .is_some_and(|rest| rest.starts_with('.'));
                assert!(!inside, "{shape:?}: {outer} ({fix:?}) comes after {path}");
            }
        }
    }
}

#[test]
fn rule_paths_are_well_formed() {
    for shape in SHAPES {
        for (path, _) in shape.rules() {
            assert!(!path.split('.').any(str::is_empty), "{path}");
            assert!(!path.ends_with('*'), "{path}: a rule names a field");
        }
    }
}

#[test]
fn each_typed_shape_names_the_key_that_makes_it() {
    use crate::core::quirks::Need;
    let cases = [
        (Shape::Me, Some(("ID", Need::Id))),
        (Shape::Post, Some(("ID", Need::Id))),
        (Shape::Sites, Some(("sites", Need::List))),
        (Shape::Likes, Some(("likes", Need::List))),
        (Shape::LikeResult, None),
        (Shape::TokenInfo, None),
    ];
    for (shape, want) in cases {
        assert_eq!(shape.required(), want, "{shape:?}");
    }
    // `{"sites": null}` is no site list; `{"ID": 0}` (an error completed into a user) no user.
    let needs = [
        (Need::Id, Seen::Number(123.0), true),
        (Need::Id, Seen::Text("123"), true),
        (Need::Id, Seen::Number(0.0), false),
        (Need::Id, Seen::Number(-1.0), false),
        (Need::Id, Seen::Text(""), false),
        (Need::Id, Seen::Text("abc"), false),
        (Need::Id, Seen::Null, false),
        (Need::Id, Seen::Bool(true), false),
        (Need::Id, Seen::Object, false),
        (Need::List, Seen::Array(0), true),
        (Need::List, Seen::Array(3), true),
        (Need::List, Seen::Null, false),
        (Need::List, Seen::Object, false),
        (Need::List, Seen::Text(""), false),
    ];
    for (need, seen, accepted) in needs {
        assert_eq!(need.accepts(seen), accepted, "{need:?} {seen:?}");
    }
}
