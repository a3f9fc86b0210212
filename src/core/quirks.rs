//! WordPress.com's response quirks as data: for each response shape, which field gets which fix.
//!
//! This is the one rule set of the crate. Both surfaces read WordPress.com's JSON through it:
//! the JavaScript surface returns the parsed JSON normalised in place by the browser layer
//! (`browser::normalise`, no serde: it would cost tens of kilobytes of wasm), and the typed Rust
//! API normalises the same way, then decodes the models of [`super::models`] strictly with
//! serde-wasm-bindgen. Every field of every model has a rule here, so a normalised value always
//! decodes (a property test checks it). What a fix does to one value is decided here, natively
//! testable; the browser layer only walks the paths and reads and writes JS values.
//!
//! # How ambiguous values read
//!
//! The Rust models used to have their own lenient decoders, which came to read some values
//! differently from these rules. The rules won, and say:
//!
//! - **A count or an ID is plain decimal digits**, with ASCII spaces around allowed: `"+5"`,
//!   `"5.0"`, `"1e3"` and digits padded with a no-break space are not numbers (`0`, or `null`
//!   where the field may be null). WordPress.com writes numeric strings from PHP integers and
//!   MySQL columns, never signed or padded; and an ID that needs guessing is safer refused than
//!   read as another ID. (The lenient decoders read `"+5"` and `"\u{a0}5"` as 5.)
//! - **A count or an ID fits a JavaScript number exactly**: above 2^53 - 1 it is `0` (or
//!   `null`), negative numbers are `0`, and a fraction is dropped (`1.9` is 1). JavaScript cannot
//!   hold a larger integer, and both surfaces must see the same value. (The lenient decoders kept
//!   `u64::MAX` natively; JavaScript used to keep negative and fractional counts.)
//! - **A flag is PHP's truthiness, with `"0"` and `"false"` false** after trimming ASCII spaces:
//!   any object is true (PHP's `(bool)` of a non-empty array or an object), and a `"0"` padded
//!   with a no-break space is a non-empty string, so true. (The lenient decoders read `{}` and
//!   `"\u{a0}0"` as false.)
//! - **Text is a string or a whole number written in decimal**; a negative number, like `false`
//!   or `null`, is `""` (the lenient decoders wrote `"-5"`).
//! - **A list of strings** (`token_scope`, `scope`) is an array, or one string split on spaces
//!   and commas; a lone number is `[]` (the lenient decoders made it a one-item list).
//! - **A logo size** keeps its form, a URL or a `{url, width, height}` object (Jetpack sites,
//!   its fields normalised): the Rust model now mirrors both (`SiteLogo::sizes` holds a
//!   [`super::models::LogoSize`]) rather than keeping only the URL.

use super::text::{is_whole, parse_digits, split_list, u64_text};
use alloc::{string::String, vec::Vec};

/// How one field is normalised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fix {
    /// A list of strings: an array stays (a `*` rule fixes its items), a string is split on
    /// spaces and commas, anything else is `[]`.
    StringList,
    /// A list: an array stays (a `*` rule fixes its items), anything else is `[]`.
    List,
    /// A positive count or ID, or `null`: `false`, `0`, `""` and non-numbers are `null`; a
    /// numeric string becomes a number.
    NumberOrNull,
    /// A count or an ID: a whole number from 0 to 2^53 - 1. A numeric string becomes a number, a
    /// fraction is dropped, and anything else is `0`.
    Number,
    /// A boolean: `1`, `"1"`, `true` are true; `0`, `"0"`, `"false"`, `false`, `""`, `null`
    /// and `[]` are false; PHP truthiness for the rest.
    Bool,
    /// A boolean or `null`: `null` stays, anything else is read as [`Fix::Bool`].
    BoolOrNull,
    /// An object: `[]` (PHP's empty array), `false`, `null` and other non-objects are `{}`.
    Object,
    /// An object or `null`: `false`, `[]` and other non-objects are `null`.
    ObjectOrNull,
    /// An object of that shape, or `null` like [`Fix::ObjectOrNull`]: the shape's rules then
    /// apply inside it (each post of a page is a post).
    ObjectOf(Shape),
    /// Text: a whole number becomes its decimal text (IDs come either way); anything else that
    /// is not a string is `""`.
    Text,
    /// Text or `null`: like [`Fix::Text`], with `""` and non-text read as `null`.
    TextOrNull,
    /// A URL given as a string or as an object with a `url` (a logo size): either stays,
    /// anything else is `""`.
    TextOrObject,
    /// An ID as text or `null`: `null`, `false`, `0`, `""` and `"0"` are `null`.
    IdTextOrNull,
    /// The field under its other spelling: when it is missing (or `null`), it takes the value of
    /// the sibling field named here, as sent; the rules after this one then fix it. Where
    /// WordPress.com's answer and its public docs name a field differently (a connected
    /// application's `ID` / `connection_ID`), both spellings read the same. The walkers of
    /// parsed JSON do the copy: [`Fix::apply`] keeps the value.
    Alias(&'static str),
    /// A list of objects that keeps each one's input index (media/new's `errors`): an array,
    /// or an object keyed by index (PHP's array with gaps), becomes an array of its objects in
    /// key order, each with `index` set by [`item_index`]; anything else is `[]`.
    Indexed,
    /// A count that may be missing: a whole number from 0 to 2^53 - 1 (a numeric string becomes
    /// one, `0` stays), anything else `null` — WordPress.com's `found: -1`, "not counted".
    CountOrNull,
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
    /// The objects of the array or object, in key order, each with `index` from
    /// [`item_index`] ([`Fix::Indexed`]).
    Indexed,
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
            Fix::List => match seen {
                Seen::Array(_) => Out::Keep,
                _ => Out::List(Vec::new()),
            },
            Fix::NumberOrNull => match number(seen).filter(|n| *n != 0.0) {
                Some(n) if is_number(seen, n) => Out::Keep,
                Some(n) => Out::Number(n),
                None => Out::Null,
            },
            Fix::Number => match number(seen) {
                Some(n) if is_number(seen, n) => Out::Keep,
                n => Out::Number(n.unwrap_or(0.0)),
            },
            Fix::CountOrNull => match number(seen) {
                Some(n) if is_number(seen, n) => Out::Keep,
                Some(n) => Out::Number(n),
                None => Out::Null,
            },
            Fix::Bool => match seen {
                Seen::Bool(_) => Out::Keep,
                _ => Out::Bool(truthy(seen)),
            },
            Fix::BoolOrNull => match seen {
                Seen::Null => Out::Null,
                _ => Fix::Bool.apply(seen),
            },
            Fix::Object => match seen {
                Seen::Object => Out::Keep,
                _ => Out::EmptyObject,
            },
            Fix::ObjectOrNull | Fix::ObjectOf(_) => match seen {
                Seen::Object => Out::Keep,
                _ => Out::Null,
            },
            Fix::Text => match seen {
                Seen::Text(_) => Out::Keep,
                _ => Out::Text(text(seen).unwrap_or_default()),
            },
            Fix::TextOrObject => match seen {
                Seen::Text(_) | Seen::Object => Out::Keep,
                _ => Out::Text(String::new()),
            },
            Fix::Alias(_) => Out::Keep,
            Fix::Indexed => match seen {
                Seen::Array(_) | Seen::Object => Out::Indexed,
                _ => Out::List(Vec::new()),
            },
            Fix::TextOrNull | Fix::IdTextOrNull => {
                // `"0"` is no ID: WordPress.com's way of saying "none" (a global token's blog).
                let none = |s: &str| s.is_empty() || (self == Fix::IdTextOrNull && s == "0");
                match seen {
                    Seen::Text(s) if !none(s) => Out::Keep,
                    _ => text(seen).filter(|s| !none(s)).map_or(Out::Null, Out::Text),
                }
            }
        }
    }
}

/// The input index of an item of a [`Fix::Indexed`] list: `own` (the item's `index`) when it
/// is already a whole number from 0 to 2^53 - 1 (a normalised list normalises to itself); else
/// `key` (the array position or the object key) when it is decimal digits; else `position`, the
/// item's place in the rebuilt list.
///
/// Why the key is the index: WordPress.com keys media/new's errors by input index (one index over
/// the files, then the URLs: `$errors[$i]` in Jetpack's `handle_media_creation_v1_1`), and PHP's
/// `json_encode` writes such an array as a JSON list when its keys are 0, 1, 2… in order, and as
/// an object (`{"1":{…}}`) otherwise: both forms say the same.
pub fn item_index(own: Seen<'_>, key: &str, position: u32) -> f64 {
    match own {
        Seen::Number(n) if (0.0..=MAX_SAFE).contains(&n) && is_whole(n) => n,
        _ => parse_digits(key)
            .filter(|n| *n as f64 <= MAX_SAFE)
            .map_or(f64::from(position), |n| n as f64),
    }
}

/// A count or an ID: a number from 0 to 2^53 - 1 (its fraction dropped), or a string of decimal
/// digits in that range with ASCII spaces around; `None` for anything else.
fn number(seen: Seen<'_>) -> Option<f64> {
    let n = match seen {
        Seen::Number(n) => n,
        Seen::Text(s) => parse_digits(s.trim_ascii())? as f64,
        _ => return None,
    };
    // NaN fails the range check; within the range the casts drop the fraction exactly (and out
    // of it they saturate, harmlessly).
    (0.0..=MAX_SAFE).contains(&n).then_some(n as u64 as f64)
}

/// Whether `seen` is already the number `n`.
fn is_number(seen: Seen<'_>, n: f64) -> bool {
    matches!(seen, Seen::Number(m) if m == n)
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

/// A string as it is, or a whole number from 0 to 2^53 - 1 as decimal text; else `None`.
fn text(seen: Seen<'_>) -> Option<String> {
    match seen {
        Seen::Text(s) => Some(String::from(s)),
        Seen::Number(n) if (0.0..=MAX_SAFE).contains(&n) && is_whole(n) => Some(u64_text(n as u64)),
        _ => None,
    }
}

/// One rule: the field at `path` gets the fix.
///
/// A path is keys separated by `.`; a key may name several fields separated by `|` (each gets
/// the rule), and `*` stands for every item of an array or every value of an object. A path
/// that stops at a missing object or array is skipped; a missing last field is fixed like
/// `null` (so a normalised shape always has its fields). When `*` is last, the fix applies to
/// each item itself, and an array leaves out the items whose normal form is `null`: with
/// `("sites.*", Fix::ObjectOrNull)`, what is not an object is no site.
pub type Rule = (&'static str, Fix);

/// The response shapes the client normalises.
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
    /// A page of posts (`GET /sites/$site/posts/`).
    PostsPage,
    // Connected applications.
    /// `GET /me/connected-applications`: `{connected_applications: [App…]}`.
    ConnectedApplications,
    /// One connected application (an item of [`Shape::ConnectedApplications`]).
    ConnectedApplication,
    /// `POST /me/connected-applications/$ID/delete`: `{success: true}`.
    Disconnected,
    /// A media item (`GET …/media/$id`, `POST …/media/$id/delete`, the items of lists).
    MediaItem,
    /// One failed input of `POST …/media/new` (an item of [`Shape::MediaUpload`]'s `errors`).
    MediaError,
    /// `POST /sites/$site/media/new`: `{ media, errors }`.
    MediaUpload,
    /// A page of media (`GET /sites/$site/media`).
    MediaPage,
    // Pages of results, a post's life, comments and follows (issue 13).
    /// A comment (`…/replies/new`).
    Comment,
    /// A page of comments (`GET /sites/$site/posts/$id/replies/`); `found` is `null` when
    /// WordPress.com did not count (`-1`).
    CommentsPage,
    /// `POST …/delete` of a post: the post, its `status` `trash` (moved to the trash) or
    /// `deleted` (gone for good); any other status is `bad_response`.
    DeletedPost,
    /// `POST /sites/$site/comments/$id/delete`: the comment, `status` `trash` or `deleted`.
    DeletedComment,
    /// `POST /sites/$site/follows/new` and `…/follows/mine/delete`: a falsy `success` is
    /// `follow_failed`.
    FollowResult,
    /// `GET /sites/$site/follows/mine`: read for its `is_following`.
    Following,
}

// Order matters: an object is fixed before the fields inside it.
const ME: &[Rule] = &[
    ("ID|site_count|visible_site_count", Fix::Number),
    ("primary_blog|token_site_id", Fix::NumberOrNull),
    ("token_scope", Fix::StringList),
    ("token_scope.*", Fix::TextOrNull),
    ("verified|email_verified", Fix::Bool),
    (
        "display_name|username|email|primary_blog_url|language|avatar_URL|profile_URL|date",
        Fix::Text,
    ),
];

const SITES: &[Rule] = &[
    ("sites", Fix::List),
    ("sites.*", Fix::ObjectOrNull),
    ("sites.*.ID", Fix::Number),
    ("sites.*.name|description|URL", Fix::Text),
    ("sites.*.jetpack|is_private", Fix::Bool),
    ("sites.*.visible", Fix::BoolOrNull),
    ("sites.*.icon|logo|plan", Fix::ObjectOrNull),
    ("sites.*.icon.img|ico", Fix::Text),
    ("sites.*.logo.id", Fix::Number),
    ("sites.*.logo.url", Fix::Text),
    ("sites.*.logo.sizes", Fix::Object),
    ("sites.*.logo.sizes.*", Fix::TextOrObject),
    ("sites.*.logo.sizes.*.url", Fix::Text),
    ("sites.*.logo.sizes.*.width|height", Fix::Number),
    ("sites.*.capabilities|options", Fix::Object),
    ("sites.*.capabilities.*", Fix::Bool),
    ("sites.*.options.timezone|admin_url|unmapped_url", Fix::Text),
    ("sites.*.options.is_mapped_domain", Fix::Bool),
    ("sites.*.options.post_formats", Fix::Object),
    ("sites.*.options.post_formats.*", Fix::Text),
    ("sites.*.plan.product_slug|product_name_short", Fix::Text),
];

const LIKES: &[Rule] = &[
    ("found", Fix::Number),
    ("i_like|can_like", Fix::Bool),
    ("likes", Fix::List),
    ("likes.*", Fix::ObjectOrNull),
    ("likes.*.ID|site_ID", Fix::Number),
    (
        "likes.*.login|name|nice_name|URL|avatar_URL|profile_URL|date_liked",
        Fix::Text,
    ),
    ("likes.*.preferred_blog", Fix::ObjectOrNull),
    ("likes.*.preferred_blog.ID", Fix::Number),
    ("likes.*.preferred_blog.name|URL", Fix::Text),
];

const LIKE_RESULT: &[Rule] = &[
    ("success|i_like", Fix::Bool),
    ("like_count|site_ID|post_ID", Fix::Number),
];

const POST: &[Rule] = &[
    ("ID|site_ID|like_count", Fix::Number),
    ("sticky|i_like", Fix::Bool),
    (
        "date|modified|title|URL|short_URL|content|excerpt|slug|guid|status|password|type|format",
        Fix::Text,
    ),
    ("author", Fix::Object),
    ("author.ID", Fix::Number),
    (
        "author.login|name|first_name|last_name|nice_name|URL|avatar_URL|profile_URL",
        Fix::Text,
    ),
    ("parent", Fix::ObjectOrNull),
    ("parent.ID", Fix::Number),
    ("parent.type|link|title", Fix::Text),
    ("tags|categories", Fix::Object),
    ("tags|categories.*", Fix::Object),
    ("tags|categories.*.ID|post_count", Fix::Number),
    ("tags|categories.*.name|slug|description", Fix::Text),
    ("featured_image", Fix::Text),
    ("discussion", Fix::Object),
    ("discussion.comments_open|pings_open", Fix::Bool),
    ("discussion.comment_status|ping_status", Fix::Text),
    ("discussion.comment_count", Fix::Number),
];

const POSTS_PAGE: &[Rule] = &[
    ("found", Fix::Number),
    ("posts", Fix::List),
    ("posts.*", Fix::ObjectOf(Shape::Post)),
    ("meta", Fix::Object),
    ("meta.next_page", Fix::TextOrNull),
];

const MEDIA_ITEM: &[Rule] = &[
    ("ID|post_ID|author_ID|height|width", Fix::Number),
    (
        "URL|guid|date|file|mime_type|extension|title|caption|description|alt|icon|size",
        Fix::Text,
    ),
    ("thumbnails", Fix::Object),
    ("thumbnails.*", Fix::Text),
];

const MEDIA_ERROR: &[Rule] = &[("index", Fix::Number), ("file|error|message", Fix::Text)];

const MEDIA_UPLOAD: &[Rule] = &[
    ("media", Fix::List),
    ("media.*", Fix::ObjectOf(Shape::MediaItem)),
    ("errors", Fix::Indexed),
    ("errors.*", Fix::ObjectOf(Shape::MediaError)),
];

const MEDIA_PAGE: &[Rule] = &[
    ("found", Fix::Number),
    ("media", Fix::List),
    ("media.*", Fix::ObjectOf(Shape::MediaItem)),
    ("meta", Fix::Object),
    ("meta.next_page", Fix::TextOrNull),
];

// Pages of results, a post's life, comments and follows (issue 13).
const COMMENT: &[Rule] = &[
    ("ID|like_count", Fix::Number),
    ("i_like", Fix::Bool),
    ("date|URL|content|status|type", Fix::Text),
    ("post", Fix::ObjectOrNull),
    ("post.ID", Fix::Number),
    ("post.title|type|link", Fix::Text),
    ("author", Fix::Object),
    ("author.ID", Fix::Number),
    (
        "author.login|name|nice_name|URL|avatar_URL|profile_URL",
        Fix::Text,
    ),
    ("parent", Fix::ObjectOrNull),
    ("parent.ID", Fix::Number),
    ("parent.type|link", Fix::Text),
];

const COMMENTS_PAGE: &[Rule] = &[
    ("found", Fix::CountOrNull),
    ("site_ID", Fix::Number),
    ("comments", Fix::List),
    ("comments.*", Fix::ObjectOf(Shape::Comment)),
];

const FOLLOW: &[Rule] = &[("success|is_following", Fix::Bool)];

const TOKEN_INFO: &[Rule] = &[
    ("client_id|user_id", Fix::Text),
    ("blog_id", Fix::IdTextOrNull),
    ("scope", Fix::StringList),
    ("scope.*", Fix::TextOrNull),
];

// Connected applications. Two spellings (the contract's "Connected Applications"): the answer's
// `ID` (a string) and `site`, the public docs' `connection_ID` (a number) and `blog`. `site` is
// `false` or `{site_ID, site_URL, site_name}`, `site_ID` a string or a number, `site_name` a
// string or `false`.
const CONNECTED_APPLICATIONS: &[Rule] = &[
    ("connected_applications", Fix::List),
    (
        "connected_applications.*",
        Fix::ObjectOf(Shape::ConnectedApplication),
    ),
];

const CONNECTED_APPLICATION: &[Rule] = &[
    ("ID", Fix::Alias("connection_ID")),
    ("site", Fix::Alias("blog")),
    ("ID|URL|authorized|description|icon|scope|title", Fix::Text),
    ("site", Fix::ObjectOrNull),
    ("site.site_ID|site_URL|site_name", Fix::Text),
    ("permissions", Fix::List),
    ("permissions.*", Fix::ObjectOrNull),
    ("permissions.*.name|description", Fix::Text),
];

const DISCONNECTED: &[Rule] = &[("success", Fix::Bool)];

/// Whether a deleted post's or comment's `status` says what happened: `trash` (moved to the
/// trash; deleting it again deletes it for good) or `deleted` (gone).
pub fn is_deletion_status(status: &str) -> bool {
    matches!(status, "trash" | "deleted")
}

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
    /// the shapes checked otherwise (a like's `success`, token-info's `client_id`). For a page
    /// of a collection it is the list of its items.
    pub fn required(self) -> Option<(&'static str, Need)> {
        match self {
            Shape::Me | Shape::Post | Shape::MediaItem => Some(("ID", Need::Id)),
            Shape::Comment | Shape::DeletedPost | Shape::DeletedComment => Some(("ID", Need::Id)),
            Shape::CommentsPage => Some(("comments", Need::List)),
            Shape::FollowResult | Shape::Following => None,
            Shape::Sites => Some(("sites", Need::List)),
            Shape::Likes => Some(("likes", Need::List)),
            Shape::PostsPage => Some(("posts", Need::List)),
            Shape::LikeResult | Shape::TokenInfo | Shape::MediaError => None,
            Shape::ConnectedApplications => Some(("connected_applications", Need::List)),
            // Items are checked by the list's rules; `success` by the client.
            Shape::ConnectedApplication | Shape::Disconnected => None,
            Shape::MediaUpload | Shape::MediaPage => Some(("media", Need::List)),
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
            Shape::PostsPage => POSTS_PAGE,
            Shape::ConnectedApplications => CONNECTED_APPLICATIONS,
            Shape::ConnectedApplication => CONNECTED_APPLICATION,
            Shape::Disconnected => DISCONNECTED,
            Shape::MediaItem => MEDIA_ITEM,
            Shape::MediaError => MEDIA_ERROR,
            Shape::MediaUpload => MEDIA_UPLOAD,
            Shape::MediaPage => MEDIA_PAGE,
            Shape::Comment | Shape::DeletedComment => COMMENT,
            Shape::CommentsPage => COMMENTS_PAGE,
            Shape::DeletedPost => POST,
            Shape::FollowResult | Shape::Following => FOLLOW,
        }
    }
}
