//! The REST API under `/rest/v1.1` (also `/rest/v1` and `/rest/v1.2`): routing and shared plumbing.

pub mod auth;
pub mod body;
mod comments;
pub mod envelope;
pub mod errors;
mod follows;
mod likes;
mod me;
pub mod media;
mod media_new;
pub mod paging;
pub mod post_input;
pub mod post_json;
mod posts;
mod posts_edit;
mod posts_list;
mod posts_new;
mod sites;

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use crate::app::AppState;
use auth::Grant;
use body::{Query, Upload};
use envelope::Context;
use errors::ApiError;

/// API versions served by the same handlers.
const VERSIONS: &[&str] = &["v1", "v1.1", "v1.2"];

/// Every endpoint, declared as data: one variant per route.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Route<'a> {
    Me,
    MeSites,
    Site(&'a str),
    Posts(&'a str),
    NewPost(&'a str),
    Post(&'a str, &'a str),
    EditPost(&'a str, &'a str),
    DeletePost(&'a str, &'a str),
    RestorePost(&'a str, &'a str),
    Likes(&'a str, &'a str),
    NewLike(&'a str, &'a str),
    DeleteLike(&'a str, &'a str),
    Replies(&'a str, &'a str),
    NewReply(&'a str, &'a str),
    NewCommentReply(&'a str, &'a str),
    DeleteComment(&'a str, &'a str),
    Media(&'a str),
    NewMedia(&'a str),
    MediaItem(&'a str, &'a str),
    DeleteMedia(&'a str, &'a str),
    Follow(&'a str),
    Following(&'a str),
    Unfollow(&'a str),
}

impl<'a> Route<'a> {
    /// Matches the path segments after the version (empty segments already removed).
    fn parse(segments: &[&'a str]) -> Option<Route<'a>> {
        Some(match *segments {
            ["me"] => Route::Me,
            ["me", "sites"] => Route::MeSites,
            ["sites", site] => Route::Site(site),
            ["sites", site, "posts"] => Route::Posts(site),
            ["sites", site, "posts", "new"] => Route::NewPost(site),
            ["sites", site, "posts", post] => Route::Post(site, post),
            ["sites", site, "posts", post, "likes"] => Route::Likes(site, post),
            ["sites", site, "posts", post, "likes", "new"] => Route::NewLike(site, post),
            ["sites", site, "posts", post, "likes", "mine", "delete"] => {
                Route::DeleteLike(site, post)
            }
            ["sites", site, "posts", post, "delete"] => Route::DeletePost(site, post),
            ["sites", site, "posts", post, "restore"] => Route::RestorePost(site, post),
            ["sites", site, "posts", post, "replies"] => Route::Replies(site, post),
            ["sites", site, "posts", post, "replies", "new"] => Route::NewReply(site, post),
            ["sites", site, "comments", comment, "replies", "new"] => {
                Route::NewCommentReply(site, comment)
            }
            ["sites", site, "comments", comment, "delete"] => Route::DeleteComment(site, comment),
            ["sites", site, "media"] => Route::Media(site),
            ["sites", site, "media", "new"] => Route::NewMedia(site),
            ["sites", site, "media", id] => Route::MediaItem(site, id),
            ["sites", site, "media", id, "delete"] => Route::DeleteMedia(site, id),
            ["sites", site, "follows", "new"] => Route::Follow(site),
            ["sites", site, "follows", "mine"] => Route::Following(site),
            ["sites", site, "follows", "mine", "delete"] => Route::Unfollow(site),
            _ => return None,
        })
    }

    /// The route a path means with this method: a POST to a post's path edits it.
    fn with_method(self, method: &Method) -> Route<'a> {
        match self {
            Route::Post(site, post) if method == Method::POST => Route::EditPost(site, post),
            other => other,
        }
    }

    fn method(self) -> Method {
        match self {
            Route::Me
            | Route::MeSites
            | Route::Site(_)
            | Route::Posts(_)
            | Route::Post(..)
            | Route::Likes(..)
            | Route::Replies(..)
            | Route::Media(_)
            | Route::MediaItem(..)
            | Route::Following(_) => Method::GET,
            _ => Method::POST,
        }
    }
}

/// One API call, parsed: who calls, with which parameters. `C` is the `context` parameter as
/// the API reads it: v1.1's [`Context`] here, core's in [`crate::wp::WpCall`].
pub struct Call<'a, C = Context> {
    /// Shared state.
    pub app: &'a AppState,
    /// The valid token, if one was sent.
    pub grant: Option<Grant>,
    /// Query parameters.
    pub query: Query,
    /// Body as JSON (form and multipart bodies converted), `{}` when none.
    pub body: Value,
    /// The file parts of a multipart body.
    pub files: Vec<Upload>,
    /// `context` parameter.
    pub context: C,
}

/// 404 with an empty body, as WordPress.com answers unknown routes.
pub fn no_route() -> Response {
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/plain")],
        "",
    )
        .into_response()
}

/// Handles every request under `/rest/`.
pub async fn handle(State(app): State<Arc<AppState>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let query = Query::parse(parts.uri.query());
    if parts.method != Method::GET && parts.method != Method::POST {
        let body = json!({"error": "not_allowed", "error_message": "Method not allowed"});
        return envelope::json_response(StatusCode::METHOD_NOT_ALLOWED, body, &query);
    }
    let segments = body::path_segments(parts.uri.path(), "/rest/");
    let route = match segments.split_first() {
        Some((version, rest)) if VERSIONS.contains(version) => {
            Route::parse(rest).map(|r| r.with_method(&parts.method))
        }
        _ => None,
    };
    let Some(route) = route.filter(|r| r.method() == parts.method) else {
        return no_route();
    };
    let grant = match auth::authenticate(&app, &parts.headers) {
        Ok(grant) => grant,
        Err(err) => return envelope::finish(Err(err), &query),
    };
    let context = match Context::from_query(&query) {
        Ok(context) => context,
        Err(err) => return envelope::finish(Err(err), &query),
    };
    let input = if parts.method == Method::POST {
        body::read_input(&parts, body).await
    } else {
        Ok(body::Input {
            fields: json!({}),
            files: Vec::new(),
        })
    };
    let input = match input {
        Ok(input) => input,
        Err(err) => return envelope::finish(Err(err), &query),
    };
    let call = Call {
        app: &app,
        grant,
        query,
        body: input.fields,
        files: input.files,
        context,
    };
    let result = dispatch(&call, route);
    envelope::finish(result, &call.query)
}

fn dispatch(call: &Call, route: Route) -> Result<Value, ApiError> {
    match route {
        Route::Me => me::me(call),
        Route::MeSites => me::sites(call),
        Route::Site(site) => sites::get(call, site),
        Route::Posts(site) => posts_list::list(call, site),
        Route::NewPost(site) => posts_new::create(call, site),
        Route::Post(site, post) => posts::get(call, site, post),
        Route::EditPost(site, post) => posts_edit::edit(call, site, post),
        Route::DeletePost(site, post) => posts_edit::delete(call, site, post),
        Route::RestorePost(site, post) => posts_edit::restore(call, site, post),
        Route::Likes(site, post) => likes::list(call, site, post),
        Route::NewLike(site, post) => likes::set(call, site, post, true),
        Route::DeleteLike(site, post) => likes::set(call, site, post, false),
        Route::Replies(site, post) => comments::list(call, site, post),
        Route::NewReply(site, post) => comments::create(call, site, Some(post), None),
        Route::NewCommentReply(site, comment) => comments::create(call, site, None, Some(comment)),
        Route::DeleteComment(site, comment) => comments::delete(call, site, comment),
        Route::Media(site) => media::list(call, site),
        Route::NewMedia(site) => media_new::upload(call, site),
        Route::MediaItem(site, id) => media::get(call, site, id),
        Route::DeleteMedia(site, id) => media::delete(call, site, id),
        Route::Follow(site) => follows::set(call, site, true),
        Route::Following(site) => follows::get(call, site),
        Route::Unfollow(site) => follows::set(call, site, false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_post_to_a_post_edits_it() {
        let post = Route::Post("1", "7");
        assert_eq!(post.with_method(&Method::GET), post);
        assert_eq!(post.with_method(&Method::POST), Route::EditPost("1", "7"));
        assert_eq!(Route::EditPost("1", "7").method(), Method::POST);
    }

    #[test]
    fn routes_are_matched_from_segments() {
        let cases: [(&[&str], Option<Route>); 11] = [
            (&["me"], Some(Route::Me)),
            (&["me", "sites"], Some(Route::MeSites)),
            (&["sites", "a.b::c"], Some(Route::Site("a.b::c"))),
            (&["sites", "1", "posts", "new"], Some(Route::NewPost("1"))),
            (
                &["sites", "1", "posts", "7", "likes", "mine", "delete"],
                Some(Route::DeleteLike("1", "7")),
            ),
            (&["sites"], None),
            (&["me", "likes"], None),
            (&["sites", "1", "media", "new"], Some(Route::NewMedia("1"))),
            (
                &["sites", "1", "media", "9"],
                Some(Route::MediaItem("1", "9")),
            ),
            (
                &["sites", "1", "comments", "3", "replies", "new"],
                Some(Route::NewCommentReply("1", "3")),
            ),
            (
                &["sites", "1", "follows", "mine", "delete"],
                Some(Route::Unfollow("1")),
            ),
        ];
        for (segments, want) in cases {
            assert_eq!(Route::parse(segments), want, "{segments:?}");
        }
    }
}
