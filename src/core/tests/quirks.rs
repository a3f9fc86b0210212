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
        (Fix::StringList, Seen::Number(5.0), list(&[])),
        // sites, likes, posts: an array or nothing.
        (Fix::List, Seen::Array(2), Out::Keep),
        (Fix::List, Seen::Object, list(&[])),
        (Fix::List, Seen::Text("a b"), list(&[])),
        (Fix::List, Seen::Null, list(&[])),
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
        (Fix::NumberOrNull, Seen::Number(-5.0), Out::Null),
        (Fix::NumberOrNull, Seen::Number(0.5), Out::Null),
        (Fix::NumberOrNull, Seen::Number(7.9), Out::Number(7.0)),
        (Fix::NumberOrNull, Seen::Text("+5"), Out::Null),
        (Fix::NumberOrNull, Seen::Text("\u{a0}5"), Out::Null),
        (
            Fix::NumberOrNull,
            Seen::Number(9_007_199_254_740_992.0),
            Out::Null,
        ),
        // like_count, found: a number or a numeric string.
        (Fix::Number, Seen::Number(3.0), Out::Keep),
        (Fix::Number, Seen::Text("3"), Out::Number(3.0)),
        (Fix::Number, Seen::Text(" 12 "), Out::Number(12.0)),
        (Fix::Number, Seen::Text("lots"), Out::Number(0.0)),
        (Fix::Number, Seen::Text("-1"), Out::Number(0.0)),
        (Fix::Number, Seen::Null, Out::Number(0.0)),
        (Fix::Number, Seen::Bool(true), Out::Number(0.0)),
        (Fix::Number, Seen::Number(0.0), Out::Keep),
        (Fix::Number, Seen::Number(-5.0), Out::Number(0.0)),
        (Fix::Number, Seen::Number(1.9), Out::Number(1.0)),
        (Fix::Number, Seen::Number(1e300), Out::Number(0.0)),
        (Fix::Number, Seen::Number(f64::NAN), Out::Number(0.0)),
        (
            Fix::Number,
            Seen::Number(9_007_199_254_740_991.0),
            Out::Keep,
        ),
        (
            Fix::Number,
            Seen::Number(9_007_199_254_740_992.0),
            Out::Number(0.0),
        ),
        (
            Fix::Number,
            Seen::Text("9007199254740991"),
            Out::Number(9_007_199_254_740_991.0),
        ),
        (
            Fix::Number,
            Seen::Text("9007199254740992"),
            Out::Number(0.0),
        ),
        // Settled: a sign, a no-break space or a fraction makes no count.
        (Fix::Number, Seen::Text("+5"), Out::Number(0.0)),
        (Fix::Number, Seen::Text("\u{a0}5"), Out::Number(0.0)),
        (Fix::Number, Seen::Text("5.0"), Out::Number(0.0)),
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
        (Fix::Bool, Seen::Text(" 0 "), Out::Bool(false)),
        (Fix::Bool, Seen::Text("\u{a0}0"), Out::Bool(true)),
        (Fix::Bool, Seen::Array(1), Out::Bool(true)),
        // visible: a flag, or null when never set.
        (Fix::BoolOrNull, Seen::Null, Out::Null),
        (Fix::BoolOrNull, Seen::Bool(false), Out::Keep),
        (Fix::BoolOrNull, Seen::Text("1"), Out::Bool(true)),
        (Fix::BoolOrNull, Seen::Number(0.0), Out::Bool(false)),
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
        // each post of a page: an object (of a shape) or nothing.
        (Fix::ObjectOf(Shape::Post), Seen::Object, Out::Keep),
        (Fix::ObjectOf(Shape::Post), Seen::Bool(false), Out::Null),
        (Fix::ObjectOf(Shape::Post), Seen::Array(1), Out::Null),
        // Text, token-info IDs among it: strings or numbers on the wire, strings for JS.
        (Fix::Text, Seen::Text("11"), Out::Keep),
        (Fix::Text, Seen::Text(""), Out::Keep),
        (Fix::Text, Seen::Number(11.0), Out::Text("11".into())),
        (
            Fix::Text,
            Seen::Number(1234567890.0),
            Out::Text("1234567890".into()),
        ),
        (Fix::Text, Seen::Number(1.5), Out::Text(String::new())),
        (Fix::Text, Seen::Number(-5.0), Out::Text(String::new())),
        (Fix::Text, Seen::Null, Out::Text(String::new())),
        (Fix::Text, Seen::Bool(false), Out::Text(String::new())),
        (Fix::Text, Seen::Object, Out::Text(String::new())),
        // next_page, scope items: text or nothing.
        (Fix::TextOrNull, Seen::Text("x"), Out::Keep),
        (Fix::TextOrNull, Seen::Text("0"), Out::Keep),
        (Fix::TextOrNull, Seen::Text(""), Out::Null),
        (Fix::TextOrNull, Seen::Number(3.0), Out::Text("3".into())),
        (Fix::TextOrNull, Seen::Null, Out::Null),
        (Fix::TextOrNull, Seen::Array(1), Out::Null),
        // logo sizes: a URL or {height, width, url}, kept as sent.
        (Fix::TextOrObject, Seen::Text("t.png"), Out::Keep),
        (Fix::TextOrObject, Seen::Object, Out::Keep),
        (
            Fix::TextOrObject,
            Seen::Number(7.0),
            Out::Text(String::new()),
        ),
        (Fix::TextOrObject, Seen::Null, Out::Text(String::new())),
        (Fix::TextOrObject, Seen::Array(1), Out::Text(String::new())),
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

/// Every response shape.
const SHAPES: [Shape; 7] = [
    Shape::Me,
    Shape::Sites,
    Shape::Likes,
    Shape::LikeResult,
    Shape::Post,
    Shape::TokenInfo,
    Shape::PostsPage,
];

/// The rules of `shape` with one path per field (`a|b.c` → `a.c`, `b.c`), in order.
fn expanded(shape: Shape) -> Vec<(String, Fix)> {
    let mut out = Vec::new();
    for (path, fix) in shape.rules() {
        let mut paths = vec![String::new()];
        for (i, segment) in path.split('.').enumerate() {
            let dot = if i == 0 { "" } else { "." };
            paths = paths
                .iter()
                .flat_map(|p| segment.split('|').map(move |key| format!("{p}{dot}{key}")))
                .collect();
        }
        out.extend(paths.into_iter().map(|p| (p, *fix)));
    }
    out
}

#[test]
fn each_shape_covers_the_quirks_the_contract_lists() {
    let cases: &[(Shape, &str, Fix)] = &[
        (Shape::Me, "token_scope", Fix::StringList),
        (Shape::Me, "token_site_id", Fix::NumberOrNull),
        (Shape::Me, "display_name", Fix::Text),
        (Shape::Sites, "sites.*", Fix::ObjectOrNull),
        (Shape::Sites, "sites.*.visible", Fix::BoolOrNull),
        (Shape::Sites, "sites.*.logo.sizes", Fix::Object),
        (Shape::Sites, "sites.*.logo.sizes.*", Fix::TextOrObject),
        (Shape::Sites, "sites.*.options.post_formats", Fix::Object),
        (Shape::Likes, "found", Fix::Number),
        (Shape::Likes, "likes.*.preferred_blog", Fix::ObjectOrNull),
        (Shape::LikeResult, "success", Fix::Bool),
        (Shape::LikeResult, "like_count", Fix::Number),
        (Shape::Post, "parent", Fix::ObjectOrNull),
        (Shape::Post, "tags", Fix::Object),
        (Shape::Post, "categories", Fix::Object),
        (Shape::Post, "categories.*.ID", Fix::Number),
        (Shape::Post, "like_count", Fix::Number),
        (Shape::Post, "author.login", Fix::Text),
        (Shape::TokenInfo, "client_id", Fix::Text),
        (Shape::TokenInfo, "user_id", Fix::Text),
        (Shape::TokenInfo, "blog_id", Fix::IdTextOrNull),
        (Shape::TokenInfo, "scope", Fix::StringList),
        (Shape::TokenInfo, "scope.*", Fix::TextOrNull),
        (Shape::PostsPage, "posts.*", Fix::ObjectOf(Shape::Post)),
        (Shape::PostsPage, "meta.next_page", Fix::TextOrNull),
    ];
    for (shape, path, fix) in cases {
        assert!(
            expanded(*shape).contains(&(path.to_string(), *fix)),
            "{shape:?} lacks {path} → {fix:?}"
        );
    }
}

#[test]
fn an_object_is_fixed_before_the_fields_inside_it() {
    for shape in SHAPES {
        let rules = expanded(shape);
        for (i, (path, _)) in rules.iter().enumerate() {
            for (outer, fix) in &rules[i + 1..] {
                let inside = path
                    .strip_prefix(outer.as_str())
                    .is_some_and(|rest| rest.starts_with('.'));
                assert!(!inside, "{shape:?}: {outer} ({fix:?}) comes after {path}");
            }
        }
    }
}

#[test]
fn each_field_has_one_rule() {
    for shape in SHAPES {
        let mut paths: Vec<String> = expanded(shape).into_iter().map(|(p, _)| p).collect();
        let all = paths.len();
        paths.sort();
        paths.dedup();
        assert_eq!(paths.len(), all, "{shape:?} fixes a field twice");
    }
}

#[test]
fn rule_paths_are_well_formed() {
    for shape in SHAPES {
        for (path, _) in shape.rules() {
            let keys = path.split(['.', '|']);
            assert!(!keys.clone().any(str::is_empty), "{path}");
            // `*` is a key of its own, never the first: a rule starts at a named field.
            assert!(!path.starts_with('*'), "{path}");
            for segment in path.split('.') {
                assert!(segment == "*" || !segment.contains('*'), "{path}");
            }
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
        (Shape::PostsPage, Some(("posts", Need::List))),
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
