//! The operations of the typed helpers, declared once each: method, namespace, path template,
//! what is sent and the shape of the answer. The URL, the body check, the normalisation, the
//! shape check and the retry rule (reads only) are all derived from these lines; a route without
//! a shape does not compile.
//!
//! Routes follow WordPress.com's REST API v1.1 (`../shared/wpcom-contract.md`, "Endpoints the
//! client must cover"; developer.wordpress.com/docs/api).

use super::endpoint::{invalid, site_segment, Method};
use super::error::Error;
use super::quirks::Shape;
use super::text::{cut, push_u64};
use alloc::string::String;

/// What a route sends as its body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Body {
    /// Nothing (a read).
    None,
    /// `{}` (WordPress.com's writes that take no fields).
    Empty,
    /// The caller's post, as JSON: at least one of `title`, `content` or `excerpt` must be a
    /// non-blank string (`invalid_input` otherwise, refused before any request). WordPress.com
    /// also reads `featured_image` (a media ID) and `media_urls` (images to sideload) here.
    Post,
    /// Files to upload (`File`s and `Blob`s) and their attributes, as a multipart form planned
    /// by [`crate::core::media::media_form`]; the browser sets the `Content-Type`. Never
    /// retried, like every write.
    Upload,
    /// URLs for WordPress.com to download (`media_urls[]`) and their attributes, in the same
    /// multipart form as [`Body::Upload`].
    Sideload,
}

/// One operation of the typed helpers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Route {
    /// The helper's name in JavaScript (`client.postLikes(…)`); the Rust helper is its
    /// snake_case form.
    pub js_name: &'static str,
    /// The HTTP method; only reads (`GET`) are retried.
    pub method: Method,
    /// The namespace (see [`crate::core::path::NAMESPACES`]).
    pub namespace: &'static str,
    /// The path below the namespace: `{site}` is a site ID or domain ([`site_segment`]),
    /// `{post_id}` and `{media_id}` positive integers, `{app_id}` a connected application's `ID`.
    pub template: &'static str,
    /// What the route sends.
    pub body: Body,
    /// What the answer is checked against and normalised to.
    pub shape: Shape,
}

/// `GET /me`: the signed-in user.
pub const ME: Route = Route {
    js_name: "me",
    method: Method::Get,
    namespace: "rest/v1.1",
    template: "/me",
    body: Body::None,
    shape: Shape::Me,
};

/// `GET /me/sites`: the user's sites.
pub const SITES: Route = Route {
    js_name: "sites",
    method: Method::Get,
    namespace: "rest/v1.1",
    template: "/me/sites",
    body: Body::None,
    shape: Shape::Sites,
};

/// `GET /sites/$site/posts/$post_ID/likes`: a post's likes.
pub const POST_LIKES: Route = Route {
    js_name: "postLikes",
    method: Method::Get,
    namespace: "rest/v1.1",
    template: "/sites/{site}/posts/{post_id}/likes",
    body: Body::None,
    shape: Shape::Likes,
};

/// `POST /sites/$site/posts/$post_ID/likes/new`: likes a post.
pub const LIKE_POST: Route = Route {
    js_name: "likePost",
    method: Method::Post,
    namespace: "rest/v1.1",
    template: "/sites/{site}/posts/{post_id}/likes/new",
    body: Body::Empty,
    shape: Shape::LikeResult,
};

/// `POST /sites/$site/posts/$post_ID/likes/mine/delete`: unlikes a post.
pub const UNLIKE_POST: Route = Route {
    js_name: "unlikePost",
    method: Method::Post,
    namespace: "rest/v1.1",
    template: "/sites/{site}/posts/{post_id}/likes/mine/delete",
    body: Body::Empty,
    shape: Shape::LikeResult,
};

/// `POST /sites/$site/posts/new`: creates a post.
pub const CREATE_POST: Route = Route {
    js_name: "createPost",
    method: Method::Post,
    namespace: "rest/v1.1",
    template: "/sites/{site}/posts/new",
    body: Body::Post,
    shape: Shape::Post,
};

// --- Connected applications (the contract's "Connected Applications") ----------------------------

/// `GET /me/connected-applications`: the apps the user connected; the helper resolves with the
/// list itself (`connected_applications`).
pub const CONNECTED_APPLICATIONS: Route = Route {
    js_name: "connectedApplications",
    method: Method::Get,
    namespace: "rest/v1.1",
    template: "/me/connected-applications",
    body: Body::None,
    shape: Shape::ConnectedApplications,
};

/// `POST /me/connected-applications/$ID/delete`: removes a connected application, revoking its
/// tokens for the user. WordPress.com takes no body; `{}` is sent as for its other writes.
pub const DISCONNECT: Route = Route {
    js_name: "disconnect",
    method: Method::Post,
    namespace: "rest/v1.1",
    template: "/me/connected-applications/{app_id}/delete",
    body: Body::Empty,
    shape: Shape::Disconnected,
};

/// `{app_id}`: a connected application's `ID`, refused (`invalid_config`) unless it is letters,
/// digits, `-` and `_` (WordPress.com's are numbers), so it cannot leave its path segment.
fn app_id_segment(id: Option<&str>) -> Result<&str, Error> {
    let allowed = |c: u8| c.is_ascii_alphanumeric() || c == b'-' || c == b'_';
    id.filter(|id| !id.is_empty() && id.bytes().all(allowed))
        .ok_or_else(|| {
            invalid("an application ID is letters, digits, - and _, from connectedApplications()")
        })
}

impl Route {
    /// Whether this is a connected-applications route: a 403 `unauthorized` from one means the
    /// token's scope cannot manage connections ([`super::error::connected_apps_error`]).
    pub fn manages_connections(&self) -> bool {
        matches!(
            self.shape,
            Shape::ConnectedApplications | Shape::Disconnected
        )
    }
}

// --- Media (contract "Media"; Jetpack's WPCOM JSON API media endpoints, v1.1) ---

/// `POST /sites/$site/media/new` with files: uploads them (`{ media, errors }`: some may fail).
pub const UPLOAD_MEDIA: Route = Route {
    js_name: "uploadMedia",
    method: Method::Post,
    namespace: "rest/v1.1",
    template: "/sites/{site}/media/new",
    body: Body::Upload,
    shape: Shape::MediaUpload,
};

/// `POST /sites/$site/media/new` with `media_urls[]`: WordPress.com downloads them.
pub const SIDELOAD_MEDIA: Route = Route {
    js_name: "sideloadMedia",
    method: Method::Post,
    namespace: "rest/v1.1",
    template: "/sites/{site}/media/new",
    body: Body::Sideload,
    shape: Shape::MediaUpload,
};

/// `GET /sites/$site/media`: one page of the site's media (query: `number` ≤ 100,
/// `page_handle`, `mime_type`, `post_ID`…).
pub const MEDIA: Route = Route {
    js_name: "media",
    method: Method::Get,
    namespace: "rest/v1.1",
    template: "/sites/{site}/media",
    body: Body::None,
    shape: Shape::MediaPage,
};

/// `POST /sites/$site/media/$media_ID/delete`: deletes the item for good (the answer is the
/// item, `status: "deleted"`).
pub const DELETE_MEDIA: Route = Route {
    js_name: "deleteMedia",
    method: Method::Post,
    namespace: "rest/v1.1",
    template: "/sites/{site}/media/{media_id}/delete",
    body: Body::Empty,
    shape: Shape::MediaItem,
};

/// Every route, for the checks that must cover them all (the TypeScript declarations).
pub const ROUTES: [&Route; 12] = [
    &ME,
    &SITES,
    &POST_LIKES,
    &LIKE_POST,
    &UNLIKE_POST,
    &CREATE_POST,
    &CONNECTED_APPLICATIONS,
    &DISCONNECT,
    &UPLOAD_MEDIA,
    &SIDELOAD_MEDIA,
    &MEDIA,
    &DELETE_MEDIA,
];

/// The values of a route's template.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Args<'a> {
    /// `{site}`: a site ID or domain.
    pub site: Option<&'a str>,
    /// `{post_id}`.
    pub post_id: Option<u64>,
    /// `{app_id}`: a connected application's `ID`.
    pub app_id: Option<&'a str>,
    /// `{media_id}`.
    pub media_id: Option<u64>,
}

impl Route {
    /// The path with `args` in its template (the site checked by [`site_segment`]);
    /// `invalid_config` when the template needs a value `args` lacks.
    pub fn path(&self, args: Args<'_>) -> Result<String, Error> {
        let mut out = String::new();
        let mut rest = self.template;
        while let Some((before, after)) = cut(rest, b'{') {
            out.push_str(before);
            let (name, after) = cut(after, b'}').unwrap_or((after, ""));
            match (name, args.site, args.post_id, args.media_id) {
                ("site", Some(site), _, _) => out.push_str(&site_segment(site)?),
                ("post_id", _, Some(id), _) | ("media_id", _, _, Some(id)) => {
                    push_u64(&mut out, id)
                }
                ("app_id", _, _, _) => out.push_str(app_id_segment(args.app_id)?),
                _ => return Err(invalid("the route needs a site and a post or media ID")),
            }
            rest = after;
        }
        out.push_str(rest);
        Ok(out)
    }
}
