//! The JS `Client` class: every call returns a Promise that resolves with plain JS data or
//! rejects with a `WpcomError`.
//!
//! Each method only converts its arguments into an [`Operation`]; [`Client::run`] does the rest,
//! so there is one async state machine in the wasm instead of one per method.

use super::auth::take_linked;
use super::convert::{self, get, Options};
use super::error::{set, to_js as error_to_js};
use super::pages::{iterable, posts_list};
use super::promise::promise;
use crate::browser::client::{Operation, RouteCall};
use crate::browser::pages::Pages;
use crate::browser::{Client, ClientConfig, RequestOptions};
use crate::core::retry::RetryPolicy;
use crate::core::routes::{self, Args, Body, Route};
use crate::core::text::has;
use crate::core::{namespace_option, Connection, Error, ErrorCode};
use alloc::boxed::Box;
use js_sys::Promise;
use wasm_bindgen::prelude::*;

/// A WordPress.com REST client.
#[wasm_bindgen(js_name = Client, skip_typescript)]
pub struct JsClient {
    inner: Client,
}

#[wasm_bindgen(js_class = Client)]
impl JsClient {
    /// `new Client({ auth, token, apiBase, oauthBase, clientId, timeoutMs, retry })`.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<JsClient, JsValue> {
        let config = config_from_options(&options).map_err(|e| error_to_js(&e, None))?;
        Ok(JsClient {
            inner: Client::new(config),
        })
    }

    /// `GET /me` ([`routes::ME`]).
    pub fn me(&self, options: JsValue) -> Promise {
        self.start(Ok(Operation::route(&routes::ME)), &options, None)
    }

    /// `GET /me/sites` ([`routes::SITES`]).
    pub fn sites(&self, options: JsValue) -> Promise {
        self.start(Ok(Operation::route(&routes::SITES)), &options, None)
    }

    /// `GET /sites/$site/posts/$postId/likes` ([`routes::POST_LIKES`]).
    #[wasm_bindgen(js_name = postLikes)]
    pub fn post_likes(&self, site: JsValue, post_id: JsValue, options: JsValue) -> Promise {
        self.on_post(&routes::POST_LIKES, &site, &post_id, &options)
    }

    /// `POST /sites/$site/posts/$postId/likes/new` ([`routes::LIKE_POST`]).
    #[wasm_bindgen(js_name = likePost)]
    pub fn like_post(&self, site: JsValue, post_id: JsValue, options: JsValue) -> Promise {
        self.on_post(&routes::LIKE_POST, &site, &post_id, &options)
    }

    /// `POST /sites/$site/posts/$postId/likes/mine/delete` ([`routes::UNLIKE_POST`]).
    #[wasm_bindgen(js_name = unlikePost)]
    pub fn unlike_post(&self, site: JsValue, post_id: JsValue, options: JsValue) -> Promise {
        self.on_post(&routes::UNLIKE_POST, &site, &post_id, &options)
    }

    /// `POST /sites/$site/posts/new` ([`routes::CREATE_POST`]); a failure's `WpcomError` holds
    /// `post` as `input`.
    #[wasm_bindgen(js_name = createPost)]
    pub fn create_post(&self, site: JsValue, post: JsValue, options: JsValue) -> Promise {
        self.route(
            &routes::CREATE_POST,
            &site,
            &JsValue::UNDEFINED,
            &post,
            &options,
        )
    }

    // --- Connected applications ------------------------------------------------------------

    /// `GET /me/connected-applications` ([`routes::CONNECTED_APPLICATIONS`]): resolves with
    /// the list (`ConnectedApplication[]`).
    #[wasm_bindgen(js_name = connectedApplications)]
    pub fn connected_applications(&self, options: JsValue) -> Promise {
        let operation = Operation::route(&routes::CONNECTED_APPLICATIONS);
        self.start(Ok(operation), &options, None)
    }

    /// `disconnect({ id, signal })`: `POST /me/connected-applications/$ID/delete`
    /// ([`routes::DISCONNECT`]) for `id`, or for this app's own entry: see
    /// [`Client::disconnect_with`]. Resolves with `{ ID, signedOut }`.
    pub fn disconnect(&self, options: JsValue) -> Promise {
        let o = Options::new(&options);
        let id = o.text("id");
        let prepared = o
            .check()
            .and_then(|()| convert::signal(&options))
            .map(|signal| self.inner.with_signal(signal));
        promise(
            move |done| match prepared {
                Ok(client) => client.disconnect_with(id, done),
                Err(error) => done(Err(error)),
            },
            None,
        )
    }

    /// `GET /oauth2/token-info`, refusing a token of another app.
    #[wasm_bindgen(js_name = tokenInfo)]
    pub fn token_info(&self, options: JsValue) -> Promise {
        self.start(Ok(Operation::TokenInfo), &options, None)
    }

    /// `checkConnection(options)`: `Promise<Connection | null>`, `null` without a token.
    #[wasm_bindgen(js_name = checkConnection)]
    pub fn check_connection(&self, options: JsValue) -> Promise {
        let client = convert::signal(&options).map(|signal| self.inner.with_signal(signal));
        promise(
            move |done| match client {
                Ok(client) => client.check_connection_with(Box::new(move |outcome| {
                    done(outcome.map(|c| c.as_ref().map_or(JsValue::NULL, connection_to_js)));
                })),
                Err(error) => done(Err(error)),
            },
            None,
        )
    }

    /// Any REST call, `request(method, path, options)` or the fetch-like
    /// `request(path, { method, … })`; resolves with the JSON as WordPress.com sent it.
    pub fn request(&self, method: JsValue, path: JsValue, options: JsValue) -> Promise {
        // The fetch-like form: the path first, then the options (method inside, GET by default).
        let (method, path, options) = if path.as_string().is_some() {
            (Some(method), path, options)
        } else {
            (None, method, path)
        };
        let operation = request_operation(method.as_ref(), &path, &options);
        self.start(operation, &options, None)
    }
}

impl JsClient {
    /// Runs `route` on a site's post, comment, or the site alone (see [`JsClient::route`]).
    fn on_post(
        &self,
        route: &'static Route,
        site: &JsValue,
        post_id: &JsValue,
        options: &JsValue,
    ) -> Promise {
        self.route(route, site, post_id, &JsValue::UNDEFINED, options)
    }

    /// Runs `operation` (with the options' `signal`) as a Promise; every error becomes a
    /// `WpcomError` rejection carrying `input` when given.
    pub(super) fn start(
        &self,
        operation: Result<Operation, Error>,
        options: &JsValue,
        input: Option<JsValue>,
    ) -> Promise {
        let prepared = convert::signal(options)
            .and_then(|signal| Ok((self.inner.with_signal(signal), operation?)));
        promise(
            move |done| match prepared {
                Ok((client, operation)) => client.start(operation, done),
                Err(error) => done(Err(error)),
            },
            input,
        )
    }
}

// Pages of results, a post's life, comments and follows (issue 13). Each method names its
// route; `JsClient::route` reads the arguments the route's template and body take.
#[wasm_bindgen(js_class = Client)]
impl JsClient {
    /// `paginate(path, { query, signal, apiVersion, namespace })`: an async iterable of the
    /// pages of any collection (`browser::pages`).
    pub fn paginate(&self, path: JsValue, options: JsValue) -> JsValue {
        // Read as `request()` reads its options (a method or body is left unused).
        let pages = request_operation(None, &path, &options).and_then(|operation| {
            let Operation::Request {
                path, options: o, ..
            } = operation
            else {
                return Err(convert::invalid_option("path"));
            };
            let namespace = namespace_option(o.api_version.as_deref(), o.namespace.as_deref())?;
            Pages::new(self.with(&options)?, &path, &o.query, namespace, None)
        });
        iterable(pages, None)
    }

    /// `GET /sites/$site/posts/` ([`routes::POSTS`]) page by page: an async iterable of posts.
    pub fn posts(&self, site: JsValue, query: JsValue, options: JsValue) -> JsValue {
        let undefined = JsValue::UNDEFINED;
        let pages = self.pages(&routes::POSTS, &site, &undefined, &query, &options);
        iterable(pages, Some("posts"))
    }

    /// One page of `GET /sites/$site/posts/` ([`routes::POSTS`]), the first of the walk
    /// `posts()` makes: `{ found, posts, nextPage }` (made in `src/js/pages.js`).
    #[wasm_bindgen(js_name = listPosts)]
    pub fn list_posts(&self, site: JsValue, query: JsValue, options: JsValue) -> Promise {
        posts_list(self.pages(&routes::POSTS, &site, &JsValue::UNDEFINED, &query, &options))
    }

    /// `GET /sites/$site/posts/$ID` or `…/slug:$slug` ([`routes::POST`]).
    pub fn post(&self, site: JsValue, id_or_slug: JsValue, options: JsValue) -> Promise {
        let undefined = JsValue::UNDEFINED;
        self.route(&routes::POST, &site, &id_or_slug, &undefined, &options)
    }

    /// `POST /sites/$site/posts/$ID` ([`routes::UPDATE_POST`]).
    #[wasm_bindgen(js_name = updatePost)]
    pub fn update_post(
        &self,
        site: JsValue,
        post_id: JsValue,
        fields: JsValue,
        options: JsValue,
    ) -> Promise {
        self.route(&routes::UPDATE_POST, &site, &post_id, &fields, &options)
    }

    /// `POST /sites/$site/posts/$ID/delete` ([`routes::DELETE_POST`]): trash, then for good.
    #[wasm_bindgen(js_name = deletePost)]
    pub fn delete_post(&self, site: JsValue, post_id: JsValue, options: JsValue) -> Promise {
        self.on_post(&routes::DELETE_POST, &site, &post_id, &options)
    }

    /// `POST /sites/$site/posts/$ID/restore` ([`routes::RESTORE_POST`]).
    #[wasm_bindgen(js_name = restorePost)]
    pub fn restore_post(&self, site: JsValue, post_id: JsValue, options: JsValue) -> Promise {
        self.on_post(&routes::RESTORE_POST, &site, &post_id, &options)
    }

    /// `GET /sites/$site/posts/$ID/replies/` ([`routes::COMMENTS`]) page by page: an async
    /// iterable of comments.
    pub fn comments(
        &self,
        site: JsValue,
        post_id: JsValue,
        query: JsValue,
        options: JsValue,
    ) -> JsValue {
        let pages = self.pages(&routes::COMMENTS, &site, &post_id, &query, &options);
        iterable(pages, Some("comments"))
    }

    /// `POST /sites/$site/posts/$ID/replies/new` ([`routes::ADD_COMMENT`]).
    #[wasm_bindgen(js_name = addComment)]
    pub fn add_comment(
        &self,
        site: JsValue,
        post_id: JsValue,
        content: JsValue,
        options: JsValue,
    ) -> Promise {
        self.route(&routes::ADD_COMMENT, &site, &post_id, &content, &options)
    }

    /// `POST /sites/$site/comments/$ID/replies/new` ([`routes::REPLY_TO_COMMENT`]).
    #[wasm_bindgen(js_name = replyToComment)]
    pub fn reply_to_comment(
        &self,
        site: JsValue,
        comment_id: JsValue,
        content: JsValue,
        options: JsValue,
    ) -> Promise {
        self.route(
            &routes::REPLY_TO_COMMENT,
            &site,
            &comment_id,
            &content,
            &options,
        )
    }

    /// `POST /sites/$site/comments/$ID/delete` ([`routes::DELETE_COMMENT`]): trash, then for
    /// good.
    #[wasm_bindgen(js_name = deleteComment)]
    pub fn delete_comment(&self, site: JsValue, comment_id: JsValue, options: JsValue) -> Promise {
        self.on_post(&routes::DELETE_COMMENT, &site, &comment_id, &options)
    }

    /// `POST /sites/$site/follows/new` ([`routes::FOLLOW`]).
    pub fn follow(&self, site: JsValue, options: JsValue) -> Promise {
        self.on_post(&routes::FOLLOW, &site, &JsValue::UNDEFINED, &options)
    }

    /// `POST /sites/$site/follows/mine/delete` ([`routes::UNFOLLOW`]).
    pub fn unfollow(&self, site: JsValue, options: JsValue) -> Promise {
        self.on_post(&routes::UNFOLLOW, &site, &JsValue::UNDEFINED, &options)
    }

    /// `GET /sites/$site/follows/mine` ([`routes::IS_FOLLOWING`]): a boolean.
    #[wasm_bindgen(js_name = isFollowing)]
    pub fn is_following(&self, site: JsValue, options: JsValue) -> Promise {
        self.on_post(&routes::IS_FOLLOWING, &site, &JsValue::UNDEFINED, &options)
    }
}

impl JsClient {
    /// This client with the options' `signal`.
    fn with(&self, options: &JsValue) -> Result<Client, Error> {
        Ok(self.inner.with_signal(convert::signal(options)?))
    }

    /// Runs `route` with the arguments its template and body take: `site`; `id`, the
    /// `{post_id}`, `{post}` or `{comment_id}` of the template; `body`, what the route sends
    /// (a collection's query for a read). `createPost`'s failures carry the post as `input`.
    fn route(
        &self,
        route: &'static Route,
        site: &JsValue,
        id: &JsValue,
        body: &JsValue,
        options: &JsValue,
    ) -> Promise {
        let input = (route.body == Body::Post).then(|| body.clone());
        self.start(
            route_call(route, site, id, body).map(Operation::Route),
            options,
            input,
        )
    }

    /// The walk over `route`'s collection (`site`, `id` as in [`JsClient::route`]) with the
    /// caller's `query`.
    pub(super) fn pages(
        &self,
        route: &'static Route,
        site: &JsValue,
        id: &JsValue,
        query: &JsValue,
        options: &JsValue,
    ) -> Result<Pages, Error> {
        route_call(route, site, id, query).and_then(|call| {
            let args = Args {
                site: call.site.as_deref(),
                post_id: call.post_id,
                ..Args::default()
            };
            let path = route.path(args)?;
            let client = self.with(options)?;
            Pages::new(
                client,
                &path,
                &call.query,
                Some(route.namespace),
                Some(route.shape),
            )
        })
    }
}

/// A call of `route` from JS arguments (see [`JsClient::route`]).
fn route_call(
    route: &'static Route,
    site: &JsValue,
    id: &JsValue,
    body: &JsValue,
) -> Result<RouteCall, Error> {
    let mut call = RouteCall::new(route).on(convert::site(site)?);
    let template = route.template;
    if has(template, "{post_id}") {
        call.post_id = Some(convert::post_id(id)?);
    } else if has(template, "{post}") {
        call.post_ref = Some(convert::post_ref(id)?);
    } else if has(template, "{comment_id}") {
        call.comment_id = Some(convert::comment_id(id)?);
    }
    match route.body {
        Body::None => call.query = convert::query(body)?,
        Body::Empty => {}
        Body::Post | Body::Fields => call.post = Some(body.clone()),
        Body::Comment => {
            let comment = js_sys::Object::new();
            set(&comment, "content", body);
            call.post = Some(comment.into());
        }
        // Their files and URLs are read by `uploadMedia`/`sideloadMedia` (src/js/media.rs).
        Body::Upload | Body::Sideload => {
            return Err(Error::new(
                ErrorCode::InvalidConfig,
                "a media upload goes through uploadMedia or sideloadMedia",
            ))
        }
    }
    Ok(call)
}

/// The JS shape of a connection: `{ status, userId, blogId, scope }`.
fn connection_to_js(connection: &Connection) -> JsValue {
    let object: JsValue = js_sys::Object::new().into();
    let id = |id: Option<u64>| convert::number_or_null(id.map(|id| id as f64));
    set(&object, "status", &connection.status.as_str().into());
    set(&object, "userId", &id(connection.user_id));
    set(&object, "blogId", &id(connection.blog_id));
    let scope: js_sys::Array = connection
        .scope
        .iter()
        .map(|s| JsValue::from_str(s))
        .collect();
    set(&object, "scope", &scope);
    object
}

/// `request(method, path, { query, body, apiVersion, namespace, method })` as an
/// [`Operation`]; `method` is `None` in the fetch-like form, where the options name it.
fn request_operation(
    method: Option<&JsValue>,
    path: &JsValue,
    options: &JsValue,
) -> Result<Operation, Error> {
    let o = Options::new(options);
    let method = convert::request_method(method, &o)?;
    let path = path
        .as_string()
        .ok_or_else(|| convert::invalid_option("path"))?;
    let request = RequestOptions {
        query: convert::query(&get(options, "query"))?,
        body: Some(get(options, "body")).filter(|body| !body.is_undefined()),
        api_version: o.text("apiVersion"),
        namespace: o.text("namespace"),
    };
    o.check().map(|()| Operation::Request {
        method,
        path,
        options: request,
    })
}

/// Reads the JS options object into a [`ClientConfig`].
fn config_from_options(options: &JsValue) -> Result<ClientConfig, Error> {
    let o = Options::new(options);
    let auth = o.value("auth").and_then(|auth| {
        let linked = take_linked(&auth);
        if linked.is_none() {
            o.refuse("auth");
        }
        linked
    });
    let config = ClientConfig {
        auth,
        token: o.text("token"),
        api_base: o.text("apiBase"),
        oauth_base: o.text("oauthBase"),
        client_id: o.text("clientId"),
        timeout_ms: o.count("timeoutMs"),
        retry: o.value("retry").map(|retry| retry_policy(&o, &retry)),
    };
    o.check().map(|()| config)
}

/// `retry: false` turns retries off; an object overrides some of the defaults.
pub(crate) fn retry_policy(o: &Options<'_>, value: &JsValue) -> RetryPolicy {
    let mut policy = RetryPolicy::default();
    if value.as_bool() == Some(false) {
        policy.max_attempts = 1;
    } else if value.is_object() {
        let fields = Options::new(value);
        let read = |key, default| fields.count(key).unwrap_or(default);
        policy = RetryPolicy {
            max_attempts: read("maxAttempts", policy.max_attempts).max(1),
            max_total_ms: read("maxTotalMs", policy.max_total_ms),
            base_delay_ms: read("baseDelayMs", policy.base_delay_ms),
            max_delay_ms: read("maxDelayMs", policy.max_delay_ms),
        };
        if fields.check().is_err() {
            o.refuse("retry");
        }
    } else {
        o.refuse("retry");
    }
    policy
}
