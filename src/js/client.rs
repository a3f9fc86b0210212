//! The JS `Client` class: every call returns a Promise that resolves with plain JS data or
//! rejects with a `WpcomError`.
//!
//! Each method only converts its arguments into an [`Operation`]; [`Client::run`] does the rest,
//! so there is one async state machine in the wasm instead of one per method.

use super::auth::take_linked;
use super::convert::{self, get, Options};
use super::error::{set, to_js as error_to_js};
use super::promise::promise;
use crate::browser::client::Operation;
use crate::browser::{Client, ClientConfig, RequestOptions};
use crate::core::retry::RetryPolicy;
use crate::core::routes::{self, Route};
use crate::core::text::cat;
use crate::core::{Connection, Error, ErrorCode, Method};
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
        let operation = convert::site(&site)
            .map(|site| Operation::post_to(&routes::CREATE_POST, site, post.clone()));
        self.start(operation, &options, Some(post))
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
    /// Runs `route` on a site's post (the likes calls).
    fn on_post(
        &self,
        route: &'static Route,
        site: &JsValue,
        post_id: &JsValue,
        options: &JsValue,
    ) -> Promise {
        let operation = convert::site(site).and_then(|site| {
            let post_id = convert::post_id(post_id)?;
            Ok(Operation::on_site(route, site, Some(post_id)))
        });
        self.start(operation, options, None)
    }

    /// Runs `operation` (with the options' `signal`) as a Promise; every error becomes a
    /// `WpcomError` rejection carrying `input` when given.
    fn start(
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
    let named = o.text("method");
    let method = match (method.map(|m| m.as_string().unwrap_or_default()), named) {
        (Some(given), Some(named)) if !given.eq_ignore_ascii_case(&named) => {
            return Err(Error::new(
                ErrorCode::InvalidConfig,
                cat(&[
                    "request(method, path, options) names the method twice (",
                    &given,
                    ", options.method ",
                    &named,
                    "): give one",
                ]),
            ))
        }
        (Some(given), _) => Method::parse(&given)?,
        (None, named) => named.map_or(Ok(Method::Get), |m| Method::parse(&m))?,
    };
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
fn retry_policy(o: &Options<'_>, value: &JsValue) -> RetryPolicy {
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
