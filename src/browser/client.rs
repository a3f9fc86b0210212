//! The WordPress.com REST client: typed helpers for the common calls and a generic request.
//!
//! A [`Client`] takes its token from an [`Auth`] (checked for expiry before every call, so an
//! expired token fails fast with `token_expired` and no request is sent) or from a fixed
//! string. An `invalid_token` answer signs the `Auth` out, which fires its signed-out hooks.

use super::auth::{Auth, DEFAULT_BASE};
use super::normalise::{normalise, with_seen};
use super::transport::{self, Call, Done, ErrorMapper, Payload, DEFAULT_TIMEOUT_MS};
use crate::core::error::{
    check_token_client, connected_apps_error, follow_failed, like_failed, token_info_error,
};
use crate::core::models::{bad_deletion, empty_post, is_post_text};
use crate::core::path::ApiCall;
use crate::core::quirks::{is_deletion_status, Shape};
use crate::core::retry::RetryPolicy;
use crate::core::routes::{Args, Body, PostRef, Route};
use crate::core::text::cat;
use crate::core::{
    build_api_call, endpoint::build_token_info_url, error_from_response, namespace_option, Error,
    ErrorCode, Method,
};
use alloc::boxed::Box;
use alloc::rc::Rc;
use alloc::{string::String, string::ToString, vec::Vec};
use wasm_bindgen::JsValue;
use web_sys::AbortSignal;

/// How a [`Client`] reaches WordPress.com.
#[derive(Clone, Debug, Default)]
pub struct ClientConfig {
    /// Where the token comes from (preferred over `token`).
    pub auth: Option<Auth>,
    /// A fixed access token, when there is no `Auth`.
    pub token: Option<String>,
    /// The API host; `None` for `https://public-api.wordpress.com`.
    pub api_base: Option<String>,
    /// The OAuth host for `token_info`; `None` for the `Auth`'s, else WordPress.com.
    pub oauth_base: Option<String>,
    /// The app's client id for `token_info` when there is no `Auth`.
    pub client_id: Option<String>,
    /// Time limit of each attempt in milliseconds; `None` for 30 s.
    pub timeout_ms: Option<u32>,
    /// How reads are retried; `None` for [`RetryPolicy::default`].
    pub retry: Option<RetryPolicy>,
}

/// Options of [`Client::request`].
#[derive(Clone, Debug, Default)]
pub struct RequestOptions {
    /// Query parameters, appended in order.
    pub query: Vec<(String, String)>,
    /// A value sent as JSON (`JSON.stringify`).
    pub body: Option<JsValue>,
    /// The REST version: `"1"`…`"1.4"`, or `"2"` for `wpcom/v2`; `None` for what the path
    /// names, else `"1.1"` ([`crate::core::path`]).
    pub api_version: Option<String>,
    /// The namespace (`"rest/v1.2"`, `"wp/v2"`, `"wpcom/v2"`…), for paths that name none.
    pub namespace: Option<String>,
}

/// One call of the client, as data (what [`Client::run`] takes).
#[derive(Clone, Debug)]
pub enum Operation {
    /// A typed helper's call: one of the routes of [`crate::core::routes`].
    Route(RouteCall),
    /// `GET /oauth2/token-info`.
    TokenInfo,
    /// Any REST call.
    Request {
        /// Any method; PUT, PATCH and DELETE on `wp/v2` and `wpcom/v2` only.
        method: Method,
        /// A path in the grammar of [`crate::core::path::build_api_call`], e.g. `/me/sites`,
        /// `v1.2/sites/123/posts` or `wp/v2/sites/123/posts?per_page=5`.
        path: String,
        /// Query, body and version.
        options: RequestOptions,
    },
}

/// A typed helper's call: its route and the values the route takes.
#[derive(Clone, Debug)]
pub struct RouteCall {
    /// The route.
    pub route: &'static Route,
    /// `{site}`: a site ID or domain.
    pub site: Option<String>,
    /// `{post_id}`.
    pub post_id: Option<u64>,
    /// What a route with a body sends, a plain object sent as JSON: the post of [`Body::Post`],
    /// the fields of [`Body::Fields`], `{content}` of [`Body::Comment`].
    pub post: Option<JsValue>,
    /// `{app_id}`: a connected application's `ID`.
    pub app_id: Option<String>,
    /// `{media_id}`.
    pub media_id: Option<u64>,
    /// The `FormData` of [`Body::Upload`] and [`Body::Sideload`] routes
    /// ([`crate::browser::media::media_form_data`]).
    pub form: Option<JsValue>,
    /// `onProgress({ loaded, total })` for an upload's bytes (the JS surface's transport only).
    pub on_progress: Option<JsValue>,
    /// `{post}`: a post ID or slug.
    pub post_ref: Option<PostRef>,
    /// `{comment_id}`.
    pub comment_id: Option<u64>,
    /// Query parameters (a collection's `number`, `status`…), appended in order.
    pub query: Vec<(String, String)>,
}

impl RouteCall {
    /// A call of `route` with no values yet.
    pub fn new(route: &'static Route) -> RouteCall {
        RouteCall {
            route,
            site: None,
            post_id: None,
            post: None,
            app_id: None,
            media_id: None,
            form: None,
            on_progress: None,
            post_ref: None,
            comment_id: None,
            query: Vec::new(),
        }
    }

    /// The same call on `site`.
    pub fn on(mut self, site: String) -> RouteCall {
        self.site = Some(site);
        self
    }
}

impl Operation {
    /// A call of `route` with no values yet.
    pub fn route(route: &'static Route) -> Operation {
        Operation::Route(RouteCall::new(route))
    }

    /// A call of `route` on `site` (and `post_id`, when the route names a post).
    pub fn on_site(route: &'static Route, site: String, post_id: Option<u64>) -> Operation {
        Operation::Route(RouteCall {
            post_id,
            ..RouteCall::new(route).on(site)
        })
    }

    /// A call of a [`Body::Post`] route on `site`, sending `post`.
    pub fn post_to(route: &'static Route, site: String, post: JsValue) -> Operation {
        Operation::Route(RouteCall {
            post: Some(post),
            ..RouteCall::new(route).on(site)
        })
    }

    /// A call of a route on a connected application (`{app_id}`, its `ID`).
    pub fn on_app(route: &'static Route, app_id: String) -> Operation {
        Operation::Route(RouteCall {
            app_id: Some(app_id),
            ..RouteCall::new(route)
        })
    }

    /// The shape of the typed calls' answers; `None` for `request`'s, returned as sent.
    pub(crate) fn shape(&self) -> Option<Shape> {
        match self {
            Operation::Route(call) => Some(call.route.shape),
            Operation::TokenInfo => Some(Shape::TokenInfo),
            Operation::Request { .. } => None,
        }
    }
}

/// A WordPress.com REST client; clones share their configuration.
#[derive(Clone, Debug)]
pub struct Client {
    config: Rc<Settings>,
    signal: Option<AbortSignal>,
}

#[derive(Debug)]
struct Settings {
    auth: Option<Auth>,
    token: Option<String>,
    api_base: String,
    oauth_base: String,
    client_id: Option<String>,
    timeout_ms: u32,
    retry: RetryPolicy,
}

impl Client {
    /// A client with `config`'s token source and defaults for what it leaves out.
    pub fn new(config: ClientConfig) -> Client {
        let oauth_base = config
            .oauth_base
            .or_else(|| config.auth.as_ref().map(|a| a.oauth_base().to_string()))
            .unwrap_or_else(|| DEFAULT_BASE.to_string());
        let client_id = config
            .client_id
            .or_else(|| config.auth.as_ref().map(|a| a.client_id().to_string()));
        Client {
            config: Rc::new(Settings {
                auth: config.auth,
                token: config.token.filter(|t| !t.is_empty()),
                api_base: config.api_base.unwrap_or_else(|| DEFAULT_BASE.to_string()),
                oauth_base,
                client_id,
                timeout_ms: config.timeout_ms.unwrap_or(DEFAULT_TIMEOUT_MS),
                retry: config.retry.unwrap_or_default(),
            }),
            signal: None,
        }
    }

    /// This client with `signal` attached: its calls reject with `aborted` once it fires.
    pub fn with_signal(&self, signal: Option<AbortSignal>) -> Client {
        Client {
            config: self.config.clone(),
            signal,
        }
    }

    /// Runs `operation`: its result is plain JS data, the typed calls' JSON normalised in
    /// place by the core's quirk rules (no serde: serde would cost tens of kilobytes of wasm),
    /// `request`'s as sent.
    ///
    /// `done` gets the outcome, exactly once (synchronously when the call is refused before
    /// anything is sent). This is the JS surface's path: callbacks on JS promises, no Rust
    /// futures (see `browser::env::on_settled`); Rust code awaits [`Client::run`].
    pub fn start(&self, operation: Operation, done: Done) {
        match self.prepare(&operation) {
            Ok(call) => {
                let client = self.clone();
                let finish = move |result| done(client.finish(&operation, result));
                transport::send(call, Box::new(finish));
            }
            Err(error) => done(Err(error)),
        }
    }

    /// The answer of `operation`, normalised, after its checks (like results' `success`,
    /// token-info's `client_id`).
    pub(crate) fn finish(
        &self,
        operation: &Operation,
        result: Result<JsValue, Error>,
    ) -> Result<JsValue, Error> {
        let value = checked_shape(operation, self.signed_out_if_invalid(result))?;
        let Some(shape) = operation.shape() else {
            return Ok(value);
        };
        normalise(&value, shape);
        match shape {
            Shape::LikeResult if field(&value, "success").as_bool() != Some(true) => {
                Err(like_failed())
            }
            Shape::FollowResult if field(&value, "success").as_bool() != Some(true) => {
                Err(follow_failed())
            }
            Shape::Following => Ok(field(&value, "is_following")),
            Shape::DeletedPost | Shape::DeletedComment => {
                let status = field(&value, "status").as_string().unwrap_or_default();
                if is_deletion_status(&status) {
                    Ok(value)
                } else {
                    Err(bad_deletion())
                }
            }
            Shape::TokenInfo => {
                let issued_to = field(&value, "client_id").as_string().unwrap_or_default();
                check_token_client(&issued_to, self.client_id()?)?;
                Ok(value)
            }
            // Connected applications (`browser::connected_apps`).
            Shape::ConnectedApplications => Ok(field(&value, "connected_applications")),
            Shape::Disconnected => self.disconnected(operation, &value),
            _ => Ok(value),
        }
    }

    /// `result`, after signing the `Auth` out if it is `invalid_token`.
    pub(crate) fn signed_out_if_invalid(
        &self,
        result: Result<JsValue, Error>,
    ) -> Result<JsValue, Error> {
        if let (Err(error), Some(auth)) = (&result, &self.config.auth) {
            if error.code == ErrorCode::InvalidToken {
                auth.invalidate();
            }
        }
        result
    }

    /// The request of `operation`, checked before anything is sent: its URL, body and token.
    pub(crate) fn prepare(&self, operation: &Operation) -> Result<Call, Error> {
        let settings = &self.config;
        let mut map_error: ErrorMapper = error_from_response;
        let mut progress = None;
        let (call, body) = match operation {
            Operation::TokenInfo => {
                let url =
                    build_token_info_url(&settings.oauth_base, self.client_id()?, &self.bearer()?);
                let mut call = self.call(Method::Get, url, None, None);
                call.map_error = token_info_error;
                return Ok(call);
            }
            Operation::Request {
                method,
                path,
                options,
            } => {
                let namespace =
                    namespace_option(options.api_version.as_deref(), options.namespace.as_deref())?;
                let call =
                    build_api_call(&settings.api_base, *method, path, &options.query, namespace)?;
                let body = options.body.as_ref().map(to_json).transpose()?;
                (call, body.map(Payload::Json))
            }
            Operation::Route(call) => {
                let route = call.route;
                let body = match route.body {
                    Body::None => None,
                    Body::Empty => Some(Payload::Json(String::from("{}"))),
                    Body::Post => Some(Payload::Json(new_post_body(call.post.as_ref())?)),
                    Body::Fields => Some(Payload::Json(fields_body(call.post.as_ref())?)),
                    Body::Comment => Some(Payload::Json(comment_body(call.post.as_ref())?)),
                    Body::Upload | Body::Sideload => {
                        let form = call.form.clone().ok_or_else(|| {
                            Error::new(ErrorCode::InvalidConfig, "an upload needs its form")
                        })?;
                        progress = call.on_progress.clone();
                        Some(Payload::Form(form))
                    }
                };
                let args = Args {
                    site: call.site.as_deref(),
                    post_id: call.post_id,
                    app_id: call.app_id.as_deref(),
                    media_id: call.media_id,
                    post: call.post_ref.as_ref(),
                    comment_id: call.comment_id,
                };
                if route.manages_connections() {
                    map_error = connected_apps_error;
                }
                let call = build_api_call(
                    &settings.api_base,
                    route.method,
                    &route.path(args)?,
                    &call.query,
                    Some(route.namespace),
                )?;
                (call, body)
            }
        };
        let ApiCall {
            method,
            url,
            envelope,
        } = call;
        let mut call = self.call(method, url, body, Some(self.bearer()?));
        call.envelope = envelope;
        call.map_error = map_error;
        call.progress = progress;
        Ok(call)
    }

    /// A request to `url` with this client's signal, time limit and retry policy.
    pub(crate) fn call(
        &self,
        method: Method,
        url: String,
        body: Option<Payload>,
        bearer: Option<String>,
    ) -> Call {
        let settings = &self.config;
        Call {
            method,
            url,
            bearer,
            body,
            progress: None,
            signal: self.signal.clone(),
            timeout_ms: settings.timeout_ms,
            retry: settings.retry,
            map_error: error_from_response,
            envelope: None,
            total_pages: None,
        }
    }

    /// The API host.
    pub(crate) fn api_base(&self) -> &str {
        &self.config.api_base
    }

    /// The `Auth` this client takes its token from, if any.
    pub(crate) fn auth(&self) -> Option<&Auth> {
        self.config.auth.as_ref()
    }

    /// Whether the client was given a fixed token.
    pub(crate) fn has_fixed_token(&self) -> bool {
        self.config.token.is_some()
    }

    /// The app's client id, needed to check token-info.
    pub(crate) fn client_id(&self) -> Result<&str, Error> {
        self.config.client_id.as_deref().ok_or_else(|| {
            Error::new(
                ErrorCode::InvalidConfig,
                "tokenInfo needs the app's clientId (an Auth, or clientId)",
            )
        })
    }

    /// The access token to send: the `Auth`'s (`not_signed_in`, `token_expired`) or the
    /// fixed one.
    pub(crate) fn bearer(&self) -> Result<String, Error> {
        if let Some(auth) = &self.config.auth {
            return auth
                .require_token()
                .map(|t| t.access_token.secret().to_string());
        }
        self.config
            .token
            .clone()
            .ok_or_else(|| Error::new(ErrorCode::NotSignedIn, "no access token"))
    }
}

/// The JSON body of a [`Body::Post`] route, refusing a post with none of title, content or
/// excerpt as WordPress.com would (`invalid_input`), without a round trip.
fn new_post_body(post: Option<&JsValue>) -> Result<String, Error> {
    let undefined = JsValue::UNDEFINED;
    let post = post.unwrap_or(&undefined);
    let has_text = ["title", "content", "excerpt"].iter().any(|key| {
        field(post, key)
            .as_string()
            .is_some_and(|s| is_post_text(&s))
    });
    if !has_text {
        return Err(empty_post());
    }
    to_json(post)
}

/// The JSON body of a [`Body::Fields`] route: a plain object (`invalid_input` otherwise).
fn fields_body(fields: Option<&JsValue>) -> Result<String, Error> {
    match fields {
        Some(fields) if fields.is_object() && !js_sys::Array::is_array(fields) => to_json(fields),
        _ => Err(Error::new(
            ErrorCode::InvalidInput,
            "the fields to change must be an object",
        )),
    }
}

/// The JSON body of a [`Body::Comment`] route: `{content}` with a non-blank string, refused
/// as WordPress.com would (`invalid_input`) without a round trip.
fn comment_body(comment: Option<&JsValue>) -> Result<String, Error> {
    let undefined = JsValue::UNDEFINED;
    let comment = comment.unwrap_or(&undefined);
    let content = field(comment, "content").as_string();
    if !content.is_some_and(|c| is_post_text(&c)) {
        return Err(Error::new(
            ErrorCode::InvalidInput,
            "a comment needs content",
        ));
    }
    to_json(comment)
}

/// `result`, or `bad_response` when `operation` has a shape and the JSON is not it: not an
/// object, or without the key that makes it ([`Shape::required`]).
pub(crate) fn checked_shape(
    operation: &Operation,
    result: Result<JsValue, Error>,
) -> Result<JsValue, Error> {
    check_shape(operation.shape(), result?)
}

/// `value`, or `bad_response` when it is not `shape` (see [`checked_shape`]).
pub(crate) fn check_shape(shape: Option<Shape>, value: JsValue) -> Result<JsValue, Error> {
    let Some(shape) = shape else {
        return Ok(value);
    };
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(bad_shape());
    }
    if let Some((key, need)) = shape.required() {
        if !with_seen(&field(&value, key), |seen| need.accepts(seen)) {
            return Err(Error::new(
                ErrorCode::BadResponse,
                cat(&["unexpected response shape: no ", key]),
            )
            .reached_server(true));
        }
    }
    Ok(value)
}

/// `object[key]`; `undefined` for a non-object or a missing key.
pub(crate) fn field(object: &JsValue, key: &str) -> JsValue {
    if !object.is_object() {
        return JsValue::UNDEFINED;
    }
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// `bad_response`: a 2xx answer whose JSON is not the shape the call returns.
pub(crate) fn bad_shape() -> Error {
    Error::new(ErrorCode::BadResponse, "unexpected response shape").reached_server(true)
}

/// `JSON.stringify(value)`.
fn to_json(value: &JsValue) -> Result<String, Error> {
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| Error::new(ErrorCode::InvalidInput, "body cannot be sent as JSON"))
}
