//! The JS `Client` class: every call returns a Promise that resolves with plain JS data or
//! rejects with a `WpcomError`.

use super::auth::take_linked;
use super::convert::{self, get, is_absent, opt_text, opt_u32};
use super::error::to_js as error_to_js;
use crate::browser::client::{decode, to_js};
use crate::browser::{Client, ClientConfig, RequestOptions};
use crate::core::models::NewPost;
use crate::core::retry::RetryPolicy;
use crate::core::{Error, ErrorCode, Method};
use js_sys::Promise;
use serde::Serialize;
use std::future::Future;
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
        self.run(&options, |c| async move { typed(c.me().await) })
    }

    /// `GET /me/sites`.
    pub fn sites(&self, options: JsValue) -> Promise {
        self.run(&options, |c| async move { typed(c.sites().await) })
    }

    /// `GET /sites/$site/posts/$postId/likes`.
    #[wasm_bindgen(js_name = postLikes)]
    pub fn post_likes(&self, site: JsValue, post_id: JsValue, options: JsValue) -> Promise {
        self.run(&options, |c| async move {
            let (site, id) = (convert::site(&site)?, convert::post_id(&post_id)?);
            typed(c.post_likes(&site, id).await)
        })
    }

    /// `POST /sites/$site/posts/$postId/likes/new`.
    #[wasm_bindgen(js_name = likePost)]
    pub fn like_post(&self, site: JsValue, post_id: JsValue, options: JsValue) -> Promise {
        self.run(&options, |c| async move {
            let (site, id) = (convert::site(&site)?, convert::post_id(&post_id)?);
            typed(c.like_post(&site, id).await)
        })
    }

    /// `POST /sites/$site/posts/$postId/likes/mine/delete`.
    #[wasm_bindgen(js_name = unlikePost)]
    pub fn unlike_post(&self, site: JsValue, post_id: JsValue, options: JsValue) -> Promise {
        self.run(&options, |c| async move {
            let (site, id) = (convert::site(&site)?, convert::post_id(&post_id)?);
            typed(c.unlike_post(&site, id).await)
        })
    }

    /// `POST /sites/$site/posts/new`; a failure's `WpcomError` holds `post` as `input`.
    #[wasm_bindgen(js_name = createPost)]
    pub fn create_post(&self, site: JsValue, post: JsValue, options: JsValue) -> Promise {
        let client = match self.with_signal(&options) {
            Ok(client) => client,
            Err(e) => return Promise::reject(&error_to_js(&e, Some(&post))),
        };
        future_to_promise(async move {
            let result = async {
                let site = convert::site(&site)?;
                let new_post: NewPost = decode(post.clone()).map_err(|_| {
                    Error::new(ErrorCode::InvalidInput, "the post is not a NewPost object")
                })?;
                typed(client.create_post(&site, &new_post).await)
            };
            result.await.map_err(|e| error_to_js(&e, Some(&post)))
        })
    }

    /// `GET /oauth2/token-info`, refusing a token of another app.
    #[wasm_bindgen(js_name = tokenInfo)]
    pub fn token_info(&self, options: JsValue) -> Promise {
        self.run(&options, |c| async move { typed(c.token_info().await) })
    }

    /// Any REST call; resolves with the JSON as WordPress.com sent it.
    pub fn request(&self, method: JsValue, path: JsValue, options: JsValue) -> Promise {
        let given = options.clone();
        self.run(&given, |c| async move {
            let method = Method::parse(&method.as_string().unwrap_or_default())?;
            let path = path
                .as_string()
                .ok_or_else(|| convert::invalid_option("path"))?;
            let request = RequestOptions {
                query: convert::query(&get(&options, "query"))?,
                body: Some(get(&options, "body")).filter(|b| !b.is_undefined()),
                api_version: opt_text(&options, "apiVersion")?,
            };
            c.request(method, &path, &request).await
        })
    }
}

impl JsClient {
    /// The client with the options' `signal` attached.
    fn with_signal(&self, options: &JsValue) -> Result<Client, Error> {
        Ok(self.inner.with_signal(convert::signal(options)?))
    }

    /// Runs `call` as a Promise; errors become `WpcomError` rejections.
    fn run<F, Fut>(&self, options: &JsValue, call: F) -> Promise
    where
        F: FnOnce(Client) -> Fut,
        Fut: Future<Output = Result<JsValue, Error>> + 'static,
    {
        match self.with_signal(options) {
            Ok(client) => {
                let future = call(client);
                future_to_promise(async move { future.await.map_err(|e| error_to_js(&e, None)) })
            }
            Err(e) => Promise::reject(&error_to_js(&e, None)),
        }
    }
}

/// A typed result as plain JS data.
fn typed<T: Serialize>(result: Result<T, Error>) -> Result<JsValue, Error> {
    to_js(&result?)
}

/// Reads the JS options object into a [`ClientConfig`].
fn config_from_options(options: &JsValue) -> Result<ClientConfig, Error> {
    let auth_value = get(options, "auth");
    let auth = if is_absent(&auth_value) {
        None
    } else {
        let auth = take_linked(&auth_value).ok_or_else(|| convert::invalid_option("auth"))?;
        Some(auth)
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
