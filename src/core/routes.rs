//! The operations of the typed helpers, declared once each: method, namespace, path template,
//! what is sent and the shape of the answer. The URL, the body check, the normalisation, the
//! shape check and the retry rule (reads only) are all derived from these lines; a route without
//! a shape does not compile.
//!
//! Routes follow WordPress.com's REST API v1.1 (`../shared/wpcom-contract.md`, "Endpoints the
//! client must cover"; developer.wordpress.com/docs/api).

use super::endpoint::{invalid, site_segment, Method};
use super::error::Error;
use super::form::push_encoded;
use super::quirks::Shape;
use super::text::{cut, has, parse_digits, push_u64};
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
    /// The caller's fields to change, as JSON: a plain object (`invalid_input` otherwise).
    Fields,
    /// `{"content": …}`: a comment, its content a non-blank string (`invalid_input` otherwise,
    /// as WordPress.com answers an empty one).
    Comment,
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
    /// `{post_id}`, `{media_id}` and `{comment_id}` positive integers, `{post}` a post ID or
    /// `slug:` and a slug ([`PostRef`]), `{app_id}` a connected application's `ID`.
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

// Pages of results, a post's life, comments and follows (issue 13;
// `../shared/wpcom-contract.md`, "Posts (beyond posts/new and likes)", "Comments and follows").

/// `GET /sites/$site/posts/`: a page of posts (`number` ≤ 100, `page_handle`, `status`, `type`,
/// `order_by`…); paged by `meta.next_page`.
pub const POSTS: Route = Route {
    js_name: "posts",
    method: Method::Get,
    namespace: "rest/v1.1",
    template: "/sites/{site}/posts/",
    body: Body::None,
    shape: Shape::PostsPage,
};

/// `GET /sites/$site/posts/$ID` or `…/posts/slug:$slug`: one post; 404 `unknown_post`.
pub const POST: Route = Route {
    js_name: "post",
    method: Method::Get,
    namespace: "rest/v1.1",
    template: "/sites/{site}/posts/{post}",
    body: Body::None,
    shape: Shape::Post,
};

/// `POST /sites/$site/posts/$ID`: edits a post (the fields of posts/new; `status` may be
/// `trash`).
pub const UPDATE_POST: Route = Route {
    js_name: "updatePost",
    method: Method::Post,
    namespace: "rest/v1.1",
    template: "/sites/{site}/posts/{post_id}",
    body: Body::Fields,
    shape: Shape::Post,
};

/// `POST /sites/$site/posts/$ID/delete`: trashes a post; on a trashed post, deletes it for good.
pub const DELETE_POST: Route = Route {
    js_name: "deletePost",
    method: Method::Post,
    namespace: "rest/v1.1",
    template: "/sites/{site}/posts/{post_id}/delete",
    body: Body::Empty,
    shape: Shape::DeletedPost,
};

/// `POST /sites/$site/posts/$ID/restore`: takes a post out of the trash.
pub const RESTORE_POST: Route = Route {
    js_name: "restorePost",
    method: Method::Post,
    namespace: "rest/v1.1",
    template: "/sites/{site}/posts/{post_id}/restore",
    body: Body::Empty,
    shape: Shape::Post,
};

/// `GET /sites/$site/posts/$ID/replies/`: a page of a post's comments (`number` ≤ 100, `page`,
/// `order`, `status`); no handle, paged by `page`.
pub const COMMENTS: Route = Route {
    js_name: "comments",
    method: Method::Get,
    namespace: "rest/v1.1",
    template: "/sites/{site}/posts/{post_id}/replies/",
    body: Body::None,
    shape: Shape::CommentsPage,
};

/// `POST /sites/$site/posts/$ID/replies/new`: comments on a post (the comment may come back
/// `unapproved`); 403 `unauthorized` when comments are closed.
pub const ADD_COMMENT: Route = Route {
    js_name: "addComment",
    method: Method::Post,
    namespace: "rest/v1.1",
    template: "/sites/{site}/posts/{post_id}/replies/new",
    body: Body::Comment,
    shape: Shape::Comment,
};

/// `POST /sites/$site/comments/$ID/replies/new`: answers a comment; 404 `unknown_comment`.
pub const REPLY_TO_COMMENT: Route = Route {
    js_name: "replyToComment",
    method: Method::Post,
    namespace: "rest/v1.1",
    template: "/sites/{site}/comments/{comment_id}/replies/new",
    body: Body::Comment,
    shape: Shape::Comment,
};

/// `POST /sites/$site/comments/$ID/delete`: trashes a comment; on a trashed one, deletes it for
/// good.
pub const DELETE_COMMENT: Route = Route {
    js_name: "deleteComment",
    method: Method::Post,
    namespace: "rest/v1.1",
    template: "/sites/{site}/comments/{comment_id}/delete",
    body: Body::Empty,
    shape: Shape::DeletedComment,
};

/// `POST /sites/$site/follows/new`: follows a site.
pub const FOLLOW: Route = Route {
    js_name: "follow",
    method: Method::Post,
    namespace: "rest/v1.1",
    template: "/sites/{site}/follows/new",
    body: Body::Empty,
    shape: Shape::FollowResult,
};

/// `POST /sites/$site/follows/mine/delete`: stops following a site.
pub const UNFOLLOW: Route = Route {
    js_name: "unfollow",
    method: Method::Post,
    namespace: "rest/v1.1",
    template: "/sites/{site}/follows/mine/delete",
    body: Body::Empty,
    shape: Shape::FollowResult,
};

/// `GET /sites/$site/follows/mine`: whether the user follows a site.
pub const IS_FOLLOWING: Route = Route {
    js_name: "isFollowing",
    method: Method::Get,
    namespace: "rest/v1.1",
    template: "/sites/{site}/follows/mine",
    body: Body::None,
    shape: Shape::Following,
};

/// Every route, for the checks that must cover them all (the TypeScript declarations).
pub const ROUTES: [&Route; 24] = [
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
    &POSTS,
    &POST,
    &UPDATE_POST,
    &DELETE_POST,
    &RESTORE_POST,
    &COMMENTS,
    &ADD_COMMENT,
    &REPLY_TO_COMMENT,
    &DELETE_COMMENT,
    &FOLLOW,
    &UNFOLLOW,
    &IS_FOLLOWING,
];

/// A post named by its ID or its slug (`{post}` in a template).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PostRef {
    /// `$ID`.
    Id(u64),
    /// `slug:$slug`.
    Slug(String),
}

impl PostRef {
    /// Reads `42`, `slug:hello-world` or a bare slug `hello-world`; `invalid_config` for an
    /// empty one, `0`, or a slug with `/`, `?`, `#` or whitespace (WordPress slugs have none).
    pub fn parse(s: &str) -> Result<PostRef, Error> {
        if let Some(id) = parse_digits(s) {
            return if id > 0 {
                Ok(PostRef::Id(id))
            } else {
                Err(invalid("a post ID must be a positive number"))
            };
        }
        let slug = s.strip_prefix("slug:").unwrap_or(s);
        let bad = |b: u8| b.is_ascii_whitespace() || matches!(b, b'/' | b'?' | b'#' | b'%');
        if slug.is_empty() || has(slug, "..") || slug.bytes().any(bad) {
            return Err(invalid("a post is an ID (42) or a slug (slug:hello-world)"));
        }
        Ok(PostRef::Slug(String::from(slug)))
    }
}

/// The values of a route's template.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Args<'a> {
    /// `{site}`: a site ID or domain.
    pub site: Option<&'a str>,
    /// `{post_id}`; also `{post}` when `post` is `None`.
    pub post_id: Option<u64>,
    /// `{app_id}`: a connected application's `ID`.
    pub app_id: Option<&'a str>,
    /// `{media_id}`.
    pub media_id: Option<u64>,
    /// `{post}`: a post ID or slug.
    pub post: Option<&'a PostRef>,
    /// `{comment_id}`.
    pub comment_id: Option<u64>,
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
            let post = args.post.cloned().or(args.post_id.map(PostRef::Id));
            match (name, args.site, post, args.comment_id) {
                ("site", Some(site), _, _) => out.push_str(&site_segment(site)?),
                ("post_id" | "post", _, Some(PostRef::Id(id)), _) => push_u64(&mut out, id),
                ("post", _, Some(PostRef::Slug(slug)), _) => {
                    out.push_str("slug:");
                    push_encoded(&mut out, &slug);
                }
                ("comment_id", _, _, Some(id)) => push_u64(&mut out, id),
                ("media_id", ..) => match args.media_id {
                    Some(id) => push_u64(&mut out, id),
                    None => return Err(invalid("the route needs a media ID")),
                },
                ("app_id", ..) => out.push_str(app_id_segment(args.app_id)?),
                _ => return Err(invalid("the route needs a site and a post or comment ID")),
            }
            rest = after;
        }
        out.push_str(rest);
        Ok(out)
    }
}
