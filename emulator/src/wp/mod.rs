//! The core WordPress REST API through public-api: `/wp/v2/sites/$site/posts[/$id]`,
//! `…/media[/$id]` and `users/me` (also without a site), with core's errors, headers,
//! `_envelope` and `_method`; `/wpcom/v2/…` only answers `rest_no_route`.

pub mod errors;
mod media;
pub mod post_fields;
pub mod post_json;
mod posts;
mod posts_write;
pub mod reply;
mod users;

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method};
use axum::response::Response;
use serde_json::{json, Value};

use crate::app::AppState;
use crate::rest::auth::{self, readable_site, Grant};
use crate::rest::body::{self, Query};
use crate::rest::errors::ApiError;
use crate::rest::Call;
use crate::seed::Site;
use crate::store::World;
use errors::WpError;
use post_json::WpContext;
use reply::{finish, Reply};

/// Every `wp/v2` route served, declared as data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Route<'a> {
    /// `sites/$site/posts`.
    Posts(&'a str),
    /// `sites/$site/posts/$id`.
    Post(&'a str, u64),
    /// `sites/$site/media`.
    Media(&'a str),
    /// `sites/$site/media/$id`.
    MediaItem(&'a str, u64),
    /// `users/me` (`None`) or `sites/$site/users/me`.
    Me(Option<&'a str>),
}

/// What a route does with a method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Action {
    List,
    Create,
    Get,
    Update,
    Delete,
}

impl<'a> Route<'a> {
    /// Matches the segments after `/wp/v2` (empty segments already removed).
    fn parse(segments: &[&'a str]) -> Option<Route<'a>> {
        match *segments {
            ["sites", site, "posts"] => Some(Route::Posts(site)),
            // Core's pattern is `(?P<id>[\d]+)`: anything else is no route.
            ["sites", site, "posts", id] if id.bytes().all(|b| b.is_ascii_digit()) => {
                id.parse().ok().map(|id| Route::Post(site, id))
            }
            ["sites", site, "media"] => Some(Route::Media(site)),
            ["sites", site, "media", id] if id.bytes().all(|b| b.is_ascii_digit()) => {
                id.parse().ok().map(|id| Route::MediaItem(site, id))
            }
            ["users", "me"] => Some(Route::Me(None)),
            ["sites", site, "users", "me"] => Some(Route::Me(Some(site))),
            _ => None,
        }
    }

    /// The action of `method` on this route; `None` is core's `rest_no_route`.
    fn action(self, method: &Method) -> Option<Action> {
        let action = match (self, method.as_str()) {
            (Route::Posts(_), "GET") => Action::List,
            (Route::Posts(_), "POST") => Action::Create,
            (Route::Post(..), "GET") => Action::Get,
            (Route::Post(..), "POST" | "PUT" | "PATCH") => Action::Update,
            (Route::Post(..), "DELETE") => Action::Delete,
            (Route::Media(_), "GET") => Action::List,
            (Route::MediaItem(..) | Route::Me(_), "GET") => Action::Get,
            _ => return None,
        };
        Some(action)
    }
}

/// The method a request stands for: on a POST, `?_method=` first, then the header
/// `X-HTTP-Method-Override`, as core reads them (case-insensitive).
pub fn effective_method(method: &Method, query: &Query, headers: &HeaderMap) -> Method {
    if method != Method::POST {
        return method.clone();
    }
    let wanted = query.get("_method").map(str::to_owned).or_else(|| {
        headers
            .get("x-http-method-override")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    });
    wanted
        .and_then(|m| Method::from_bytes(m.trim().to_ascii_uppercase().as_bytes()).ok())
        .unwrap_or(Method::POST)
}

/// One `wp/v2` call, parsed.
pub type WpCall<'a> = Call<'a, WpContext>;

impl WpCall<'_> {
    /// A parameter from the body, else from the query string (core's order).
    pub fn param(&self, name: &str) -> Option<Value> {
        self.body
            .get(name)
            .cloned()
            .or_else(|| self.query.get(name).map(|v| json!(v)))
    }

    /// A refusal: `rest_not_logged_in` when anonymous, else 403 with `code`.
    pub fn denied(&self, code: &'static str, message: &str) -> WpError {
        match self.grant {
            None => WpError::not_logged_in(),
            Some(_) => WpError::forbidden(code, message),
        }
    }

    /// A shared (v1.1) error in `wp/v2`'s words.
    pub fn refused(&self, err: ApiError) -> WpError {
        WpError::from_api(err, self.grant.is_none())
    }

    /// The signed-in caller, or `rest_not_logged_in`.
    pub fn signed_in(&self) -> Result<&Grant, WpError> {
        self.grant.as_ref().ok_or_else(WpError::not_logged_in)
    }

    /// The site `site_ref` names, if the caller may read it; core's words when not.
    pub fn site<'w>(&self, world: &'w World, site_ref: &str) -> Result<&'w Site, WpError> {
        readable_site(world, self.grant.as_ref(), site_ref).map_err(|e| self.refused(e))
    }
}

fn context(query: &Query) -> Result<WpContext, WpError> {
    match query.get("context") {
        None | Some("") | Some("view") | Some("embed") => Ok(WpContext::View),
        Some("edit") => Ok(WpContext::Edit),
        Some(_) => Err(WpError::invalid_param(
            "context",
            "context is not one of view, embed, and edit.",
        )),
    }
}

async fn read_body(parts: &Parts, body: Body) -> Result<Value, WpError> {
    if parts.method == Method::GET || parts.method == Method::HEAD {
        return Ok(json!({}));
    }
    // Core has one answer for a body it cannot use, too large or not JSON.
    body::read_body(&parts.headers, body)
        .await
        .map_err(|_| WpError::invalid_json())
}

/// Handles every request under `/wp/v2`.
pub async fn handle(State(app): State<Arc<AppState>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let query = Query::parse(parts.uri.query());
    let method = effective_method(&parts.method, &query, &parts.headers);
    let segments = body::path_segments(parts.uri.path(), "/wp/v2");
    let Some((route, action)) =
        Route::parse(&segments).and_then(|r| r.action(&method).map(|a| (r, a)))
    else {
        return finish(Err(WpError::no_route()), &query);
    };
    let grant = match auth::authenticate(&app, &parts.headers) {
        Ok(grant) => grant,
        Err(err) => return finish(Err(WpError::from_api(err, false)), &query),
    };
    let context = match context(&query) {
        Ok(context) => context,
        Err(err) => return finish(Err(err), &query),
    };
    let body = match read_body(&parts, body).await {
        Ok(body) => body,
        Err(err) => return finish(Err(err), &query),
    };
    let call = WpCall {
        app: &app,
        grant,
        query,
        body,
        files: Vec::new(),
        context,
    };
    let result = dispatch(&call, route, action);
    finish(result, &call.query)
}

fn dispatch(call: &WpCall, route: Route, action: Action) -> Result<Reply, WpError> {
    match (action, route) {
        (Action::List, Route::Posts(site)) => posts::list(call, site),
        (Action::Create, Route::Posts(site)) => posts_write::create(call, site),
        (Action::Get, Route::Post(site, id)) => posts::get(call, site, id),
        (Action::Update, Route::Post(site, id)) => posts_write::update(call, site, id),
        (Action::Delete, Route::Post(site, id)) => posts_write::delete(call, site, id),
        (Action::List, Route::Media(site)) => media::list(call, site),
        (Action::Get, Route::MediaItem(site, id)) => media::get(call, site, id),
        (Action::Get, Route::Me(site)) => users::me(call, site),
        (Action::List | Action::Create, Route::Post(..))
        | (Action::Get | Action::Update | Action::Delete, Route::Posts(_))
        | (Action::Create | Action::Get | Action::Update | Action::Delete, Route::Media(_))
        | (Action::List | Action::Create | Action::Update | Action::Delete, Route::MediaItem(..))
        | (Action::List | Action::Create | Action::Update | Action::Delete, Route::Me(_)) => {
            Err(WpError::no_route())
        }
    }
}

/// Handles every request under `/wpcom/v2`: no route is served there yet, and core's
/// `rest_no_route` (not v1.1's empty 404) is what such a path answers.
pub async fn no_route(request: Request) -> Response {
    let query = Query::parse(request.uri().query());
    finish(Err(WpError::no_route()), &query)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_and_methods_map_to_actions() {
        let cases: [(&[&str], &str, Option<Action>); 12] = [
            (&["sites", "2001", "posts"], "GET", Some(Action::List)),
            (&["sites", "a.b::c", "posts"], "POST", Some(Action::Create)),
            (&["sites", "2001", "posts", "7"], "GET", Some(Action::Get)),
            (
                &["sites", "2001", "posts", "7"],
                "PATCH",
                Some(Action::Update),
            ),
            (
                &["sites", "2001", "posts", "7"],
                "DELETE",
                Some(Action::Delete),
            ),
            (&["sites", "2001", "posts"], "DELETE", None),
            (&["sites", "2001", "posts", "x7"], "GET", None),
            (&["sites", "2001", "pages"], "GET", None),
            (&["sites", "2001", "media"], "GET", Some(Action::List)),
            (&["sites", "2001", "media", "51"], "DELETE", None),
            (&["users", "me"], "GET", Some(Action::Get)),
            (&["sites", "2001", "users", "me"], "POST", None),
        ];
        for (segments, method, want) in cases {
            let method = Method::from_bytes(method.as_bytes()).unwrap();
            let got = Route::parse(segments).and_then(|r| r.action(&method));
            assert_eq!(got, want, "{method} {segments:?}");
        }
    }

    #[test]
    fn only_a_post_can_stand_for_another_method() {
        let headers = HeaderMap::new();
        let cases = [
            (Method::POST, "_method=delete", Method::DELETE),
            (Method::POST, "_method=Put", Method::PUT),
            (Method::POST, "", Method::POST),
            (Method::GET, "_method=DELETE", Method::GET),
        ];
        for (method, raw, want) in cases {
            let query = Query::parse(Some(raw));
            assert_eq!(effective_method(&method, &query, &headers), want, "{raw}");
        }
        let mut headers = HeaderMap::new();
        headers.insert("x-http-method-override", "PATCH".parse().unwrap());
        let query = Query::parse(Some("_method=DELETE"));
        assert_eq!(
            effective_method(&Method::POST, &query, &headers),
            Method::DELETE,
            "_method wins over the header"
        );
        assert_eq!(
            effective_method(&Method::POST, &Query::default(), &headers),
            Method::PATCH
        );
    }
}
