//! The JS `Client` class: every call returns a Promise that resolves with plain JS data or
//! rejects with a `WpcomError`.
//!
//! Each method only converts its arguments into an [`Operation`]; [`Client::run`] does the rest,
//! so there is one async state machine in the wasm instead of one per method.

use alloc::string::String;
use super::auth::take_linked;
use super::convert::{self, get, is_absent, opt_text, opt_u32};
use super::error::to_js as error_to_js;
use crate::browser::client::Operation;
use crate::browser::{Client, ClientConfig, RequestOptions};
use crate::core::retry::RetryPolicy;
use crate::core::{Error, Method};
use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

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

    /// `GET /me`.
    pub fn me(&self, options: JsValue) -> Promise {
        self.start(Ok(Operation::Me), &options, None)
    }

    /// `GET /me/sites`.
    pub fn sites(&self, options: JsValue) -> Promise {
        self.start(Ok(Operation::Sites), &options, None)
    }

    /// `GET /sites/$site/posts/$postId/likes`.
    #[wasm_bindgen(js_name = postLikes)]
    pub fn post_likes(&self, site: JsValue, post_id: JsValue, options: JsValue) -> Promise {
        let operation = site_and_post(&site, &post_id)
            .map(|(site, post_id)| Operation::PostLikes { site, post_id });
        self.start(operation, &options, None)
    }

    /// `POST /sites/$site/posts/$postId/likes/new`.
    #[wasm_bindgen(js_name = likePost)]
    pub fn like_post(&self, site: JsValue, post_id: JsValue, options: JsValue) -> Promise {
        let operation = site_and_post(&site, &post_id)
            .map(|(site, post_id)| Operation::LikePost { site, post_id });
        self.start(operation, &options, None)
    }

    /// `POST /sites/$site/posts/$postId/likes/mine/delete`.
    #[wasm_bindgen(js_name = unlikePost)]
    pub fn unlike_post(&self, site: JsValue, post_id: JsValue, options: JsValue) -> Promise {
        let operation = site_and_post(&site, &post_id)
            .map(|(site, post_id)| Operation::UnlikePost { site, post_id });
        self.start(operation, &options, None)
    }

    /// `POST /sites/$site/posts/new`; a failure's `WpcomError` holds `post` as `input`.
    #[wasm_bindgen(js_name = createPost)]
    pub fn create_post(&self, site: JsValue, post: JsValue, options: JsValue) -> Promise {
        let operation = convert::site(&site).map(|site| Operation::CreatePost {
            site,
            post: post.clone(),
        });
        self.start(operation, &options, Some(post))
    }

    /// `GET /oauth2/token-info`, refusing a token of another app.
    #[wasm_bindgen(js_name = tokenInfo)]
    pub fn token_info(&self, options: JsValue) -> Promise {
        self.start(Ok(Operation::TokenInfo), &options, None)
    }

    /// Any REST call; resolves with the JSON as WordPress.com sent it.
    pub fn request(&self, method: JsValue, path: JsValue, options: JsValue) -> Promise {
        let operation = request_operation(&method, &path, &options);
        self.start(operation, &options, None)
    }
}

impl JsClient {
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
        future_to_promise(async move {
            let result = match prepared {
                Ok((client, operation)) => client.run(operation).await,
                Err(e) => Err(e),
            };
            result.map_err(|e| error_to_js(&e, input.as_ref()))
        })
    }
}

/// The site and post ID arguments of the likes calls.
fn site_and_post(site: &JsValue, post_id: &JsValue) -> Result<(String, u64), Error> {
    Ok((convert::site(site)?, convert::post_id(post_id)?))
}

/// `request(method, path, { query, body, apiVersion })` as an [`Operation`].
fn request_operation(
    method: &JsValue,
    path: &JsValue,
    options: &JsValue,
) -> Result<Operation, Error> {
    let method = Method::parse(&method.as_string().unwrap_or_default())?;
    let path = path
        .as_string()
        .ok_or_else(|| convert::invalid_option("path"))?;
    let body = get(options, "body");
    Ok(Operation::Request {
        method,
        path,
        options: RequestOptions {
            query: convert::query(&get(options, "query"))?,
            body: (!body.is_undefined()).then_some(body),
            api_version: opt_text(options, "apiVersion")?,
        },
    })
}

/// Reads the JS options object into a [`ClientConfig`].
fn config_from_options(options: &JsValue) -> Result<ClientConfig, Error> {
    let auth_value = get(options, "auth");
    let auth = if is_absent(&auth_value) {
        None
    } else {
        Some(take_linked(&auth_value).ok_or_else(|| convert::invalid_option("auth"))?)
    };
    Ok(ClientConfig {
        auth,
        token: opt_text(options, "token")?,
        api_base: opt_text(options, "apiBase")?,
        oauth_base: opt_text(options, "oauthBase")?,
        client_id: opt_text(options, "clientId")?,
        timeout_ms: opt_u32(options, "timeoutMs")?,
        retry: retry_policy(&get(options, "retry"))?,
    })
}

/// `retry: false` turns retries off; an object overrides some of the defaults.
fn retry_policy(value: &JsValue) -> Result<Option<RetryPolicy>, Error> {
    if is_absent(value) {
        return Ok(None);
    }
    let mut policy = RetryPolicy::default();
    if value.as_bool() == Some(false) {
        policy.max_attempts = 1;
        return Ok(Some(policy));
    }
    if !value.is_object() {
        return Err(convert::invalid_option("retry"));
    }
    let fields: [(&str, &mut u32); 4] = [
        ("maxAttempts", &mut policy.max_attempts),
        ("maxTotalMs", &mut policy.max_total_ms),
        ("baseDelayMs", &mut policy.base_delay_ms),
        ("maxDelayMs", &mut policy.max_delay_ms),
    ];
    for (key, field) in fields {
        if let Some(n) = opt_u32(value, key)? {
            *field = n;
        }
    }
    policy.max_attempts = policy.max_attempts.max(1);
    Ok(Some(policy))
}
