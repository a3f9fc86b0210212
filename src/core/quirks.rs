//! WordPress.com's response quirks as data: for each response shape, which field gets which fix.
//!
//! The JavaScript surface returns the parsed JSON itself, normalised in place by the browser
//! layer with these rules (no serde on that path: it would cost tens of kilobytes of wasm). The
//! typed Rust models reach the same normal forms through their lenient decoders
//! (`models::lenient`). What a fix does to one value is decided here, natively testable; the
//! browser layer only walks the paths and reads and writes JS values.

use super::text::{is_whole, parse_digits, split_list, u64_text};
use alloc::{string::String, vec::Vec};

/// How one field is normalised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fix {
    /// A list of strings: an array stays, a string is split on spaces and commas, anything
    /// else is `[]`.
    StringList,
    /// A positive number or `null`: `false`, `0`, `""` and non-numbers are `null`; a numeric
    /// string becomes a number.
    NumberOrNull,
    /// A number: a numeric string becomes a number, anything else that is not a number `0`.
    Number,
    /// A boolean: `1`, `"1"`, `true` are true; `0`, `"0"`, `"false"`, `false`, `""`, `null`
    /// and `[]` are false; PHP truthiness for the rest.
    Bool,
    /// An object: `[]` (PHP's empty array), `false`, `null` and other non-objects are `{}`.
    Object,
    /// An object or `null`: `false`, `[]` and other non-objects are `null`.
    ObjectOrNull,
    /// An ID as text: a whole number becomes its decimal text; non-text is `""`.
    IdText,
    /// An ID as text or `null`: `null`, `false`, `0`, `""` and `"0"` are `null`.
    IdTextOrNull,
}

/// A JSON value, as far as a [`Fix`] needs to see it (an absent field is [`Seen::Null`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Seen<'a> {
    /// `null` or absent.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    Text(&'a str),
    /// An array with this many items.
    Array(u32),
    /// An object (not an array).
    Object,
}

/// What a [`Fix`] puts in the field's place.
#[derive(Clone, Debug, PartialEq)]
pub enum Out {
    /// The value is already in normal form.
    Keep,
    /// `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    Text(String),
    /// An array of strings.
    List(Vec<String>),
    /// `{}`.
    EmptyObject,
}

/// Largest integer a JS number holds exactly (2^53 - 1).
const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

impl Fix {
    /// The normal form of `seen` under this fix.
    pub fn apply(self, seen: Seen<'_>) -> Out {
        match self {
            Fix::StringList => match seen {
                Seen::Array(_) => Out::Keep,
                Seen::Text(s) => Out::List(split_list(s)),
                _ => Out::List(Vec::new()),
            },
            Fix::NumberOrNull => match number(seen) {
                Some(n) if n != 0.0 && matches!(seen, Seen::Number(_)) => Out::Keep,
                Some(n) if n != 0.0 => Out::Number(n),
                _ => Out::Null,
            },
            Fix::Number => match (seen, number(seen)) {
                (Seen::Number(_), _) => Out::Keep,
                (_, n) => Out::Number(n.unwrap_or(0.0)),
            },
            Fix::Bool => match seen {
                Seen::Bool(_) => Out::Keep,
                _ => Out::Bool(truthy(seen)),
            },
            Fix::Object => match seen {
                Seen::Object => Out::Keep,
                _ => Out::EmptyObject,
            },
            Fix::ObjectOrNull => match seen {
                Seen::Object => Out::Keep,
                _ => Out::Null,
            },
            Fix::IdText => match seen {
                Seen::Text(_) => Out::Keep,
                _ => Out::Text(id_text(seen).unwrap_or_default()),
            },
            Fix::IdTextOrNull => match seen {
                Seen::Text(s) if !matches!(s, "" | "0") => Out::Keep,
                _ => id_text(seen)
                    .filter(|s| !matches!(s.as_str(), "" | "0"))
                    .map_or(Out::Null, Out::Text),
            },
        }
    }
}

/// A number, or a string of decimal digits (surrounding spaces allowed) read as one.
fn number(seen: Seen<'_>) -> Option<f64> {
    match seen {
        Seen::Number(n) if n.is_finite() => Some(n),
        Seen::Text(s) => parse_digits(s.trim_ascii()).map(|n| n as f64),
        _ => None,
    }
}

/// PHP-style truthiness, with the strings `"0"` and `"false"` read as false.
fn truthy(seen: Seen<'_>) -> bool {
    match seen {
        Seen::Null => false,
        Seen::Bool(b) => b,
        Seen::Number(n) => n != 0.0 && !n.is_nan(),
        Seen::Text(s) => !matches!(s.trim_ascii(), "" | "0" | "false"),
        Seen::Array(len) => len != 0,
        Seen::Object => true,
    }
}

/// A whole non-negative number as decimal text; strings as they are; else `None`.
fn id_text(seen: Seen<'_>) -> Option<String> {
    match seen {
        Seen::Text(s) => Some(String::from(s)),
        Seen::Number(n) if (0.0..=MAX_SAFE).contains(&n) && is_whole(n) => Some(u64_text(n as u64)),
        _ => None,
    }
}

/// One rule: the field at `path` (keys separated by `.`; `*` for every item of an array or
/// every value of an object) gets
/// the fix. A path that stops at a missing object or array is skipped; a missing last field is
/// fixed like `null` (so a normalised shape always has its fields).
pub type Rule = (&'static str, Fix);

/// The response shapes the typed JS helpers normalise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// `GET /me`.
    Me,
    /// `GET /me/sites`.
    Sites,
    /// `GET /sites/$site/posts/$id/likes`.
    Likes,
    /// `POST …/likes/new` and `…/likes/mine/delete`.
    LikeResult,
    /// A post (`posts/new`).
    Post,
    /// `GET /oauth2/token-info`.
    TokenInfo,
}

const ME: &[Rule] = &[
    ("ID", Fix::Number),
    ("primary_blog", Fix::NumberOrNull),
    ("token_site_id", Fix::NumberOrNull),
    ("token_scope", Fix::StringList),
    ("verified", Fix::Bool),
    ("email_verified", Fix::Bool),
    ("site_count", Fix::Number),
    ("visible_site_count", Fix::Number),
];

// Order matters: an object is fixed before the fields inside it.
const SITES: &[Rule] = &[
    ("sites.*.ID", Fix::Number),
    ("sites.*.jetpack", Fix::Bool),
    ("sites.*.is_private", Fix::Bool),
    ("sites.*.icon", Fix::ObjectOrNull),
    ("sites.*.logo", Fix::ObjectOrNull),
    ("sites.*.logo.sizes", Fix::Object),
    ("sites.*.capabilities", Fix::Object),
    ("sites.*.options", Fix::Object),
    ("sites.*.options.is_mapped_domain", Fix::Bool),
    ("sites.*.options.post_formats", Fix::Object),
    ("sites.*.plan", Fix::ObjectOrNull),
];

const LIKES: &[Rule] = &[
    ("found", Fix::Number),
    ("i_like", Fix::Bool),
    ("can_like", Fix::Bool),
    ("likes.*.ID", Fix::Number),
    ("likes.*.site_ID", Fix::Number),
    ("likes.*.preferred_blog", Fix::ObjectOrNull),
];

const LIKE_RESULT: &[Rule] = &[
    ("success", Fix::Bool),
    ("i_like", Fix::Bool),
    ("like_count", Fix::Number),
    ("site_ID", Fix::Number),
    ("post_ID", Fix::Number),
];

const POST: &[Rule] = &[
    ("ID", Fix::Number),
    ("site_ID", Fix::Number),
    ("author", Fix::Object),
    ("sticky", Fix::Bool),
    ("parent", Fix::ObjectOrNull),
    ("tags", Fix::Object),
    ("tags.*.ID", Fix::Number),
    ("tags.*.post_count", Fix::Number),
    ("categories", Fix::Object),
    ("categories.*.ID", Fix::Number),
    ("categories.*.post_count", Fix::Number),
    ("like_count", Fix::Number),
    ("i_like", Fix::Bool),
];

const TOKEN_INFO: &[Rule] = &[
    ("client_id", Fix::IdText),
    ("user_id", Fix::IdText),
    ("blog_id", Fix::IdTextOrNull),
    ("scope", Fix::StringList),
];

/// What the key that makes a shape must hold (see [`Shape::required`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    /// A positive ID: a number, or a string of digits.
    Id,
    /// An array.
    List,
}

impl Need {
    /// Whether `seen` is what this key needs.
    pub fn accepts(self, seen: Seen<'_>) -> bool {
        match self {
            Need::Id => number(seen).is_some_and(|n| n > 0.0),
            Need::List => matches!(seen, Seen::Array(_)),
        }
    }
}

impl Shape {
    /// The top-level key without which a 2xx body is not this shape (`bad_response`):
    /// normalisation fixes the quirks of a valid shape, it never invents one. `None` for
    /// the shapes checked otherwise (a like's `success`, token-info's `client_id`).
    pub fn required(self) -> Option<(&'static str, Need)> {
        match self {
            Shape::Me | Shape::Post => Some(("ID", Need::Id)),
            Shape::Sites => Some(("sites", Need::List)),
            Shape::Likes => Some(("likes", Need::List)),
            Shape::LikeResult | Shape::TokenInfo => None,
        }
    }

    /// The rules of this shape, in the order they apply.
    pub fn rules(self) -> &'static [Rule] {
        match self {
            Shape::Me => ME,
            Shape::Sites => SITES,
            Shape::Likes => LIKES,
            Shape::LikeResult => LIKE_RESULT,
            Shape::Post => POST,
            Shape::TokenInfo => TOKEN_INFO,
        }
    }
}
