//! The WordPress.com REST client: typed helpers for the common calls and a generic request.
//!
//! A [`Client`] takes its token from an [`Auth`] (checked for expiry before every call, so an
//! expired token fails fast with `token_expired` and no request is sent) or from a fixed
//! string. An `invalid_token` answer signs the `Auth` out, which fires its signed-out hooks.

use super::auth::{Auth, DEFAULT_BASE};
use super::serde_js;
use super::transport::{self, Call, ErrorMapper, DEFAULT_TIMEOUT_MS};
use crate::core::error::{check_token_info, token_info_error};
use crate::core::models::{LikeResult, Likes, Me, NewPost, Post, Sites, TokenInfo};
use crate::core::retry::RetryPolicy;
use crate::core::{
    build_api_url, endpoint::build_token_info_url, error_from_response, Endpoint, Error, ErrorCode,
    Method,
};
use serde::de::DeserializeOwned;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use web_sys::AbortSignal;

/// The REST API version the typed helpers use.
const API_VERSION: &str = "1.1";

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
    /// The REST version, e.g. `"1.2"`; `None` for `"1.1"`.
    pub api_version: Option<String>,
}

/// One call of the client, as data (what [`Client::run`] takes).
#[derive(Clone, Debug)]
pub enum Operation {
    /// `GET /me`.
    Me,
    /// `GET /me/sites`.
    Sites,
    /// `GET /sites/$site/posts/$post_id/likes`.
    PostLikes {
        /// Site ID or domain.
        site: String,
        /// Post ID.
        post_id: u64,
    },
    /// `POST /sites/$site/posts/$post_id/likes/new`.
    LikePost {
        /// Site ID or domain.
        site: String,
        /// Post ID.
        post_id: u64,
    },
    /// `POST /sites/$site/posts/$post_id/likes/mine/delete`.
    UnlikePost {
        /// Site ID or domain.
        site: String,
        /// Post ID.
        post_id: u64,
    },
    /// `POST /sites/$site/posts/new`.
    CreatePost {
        /// Site ID or domain.
        site: String,
        /// The post.
        post: NewPost,
    },
    /// `GET /oauth2/token-info`.
    TokenInfo,
    /// Any REST call.
    Request {
        /// GET or POST.
        method: Method,
        /// Path below the version, e.g. `/me/sites`.
        path: String,
        /// Query, body and version.
        options: RequestOptions,
    },
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

    /// `GET /me`: the signed-in user.
    pub async fn me(&self) -> Result<Me, Error> {
        decode(self.fetch(&Operation::Me).await?)
    }

    /// `GET /me/sites`: the user's sites.
    pub async fn sites(&self) -> Result<Sites, Error> {
        decode(self.fetch(&Operation::Sites).await?)
    }

    /// `GET /sites/$site/posts/$post_id/likes`; `site` is an ID or a domain.
    pub async fn post_likes(&self, site: &str, post_id: u64) -> Result<Likes, Error> {
        let site = site.to_string();
        decode(self.fetch(&Operation::PostLikes { site, post_id }).await?)
    }

    /// `POST …/likes/new`: likes the post; a falsy `success` is an error.
    pub async fn like_post(&self, site: &str, post_id: u64) -> Result<LikeResult, Error> {
        let site = site.to_string();
        decode::<LikeResult>(self.fetch(&Operation::LikePost { site, post_id }).await?)?
            .into_result()
    }

    /// `POST …/likes/mine/delete`: unlikes the post; a falsy `success` is an error.
    pub async fn unlike_post(&self, site: &str, post_id: u64) -> Result<LikeResult, Error> {
        let site = site.to_string();
        decode::<LikeResult>(self.fetch(&Operation::UnlikePost { site, post_id }).await?)?
            .into_result()
    }

    /// `POST /sites/$site/posts/new`. Never retried: on `network` or `timeout` the post may
    /// exist (`may_have_reached_server`), so check before sending it again.
    pub async fn create_post(&self, site: &str, post: &NewPost) -> Result<Post, Error> {
        let operation = Operation::CreatePost {
            site: site.to_string(),
            post: post.clone(),
        };
        decode(self.fetch(&operation).await?)
    }

    /// `GET /oauth2/token-info`: what WordPress.com knows of the token. Refuses a token issued
    /// to another app (`token_client_mismatch`): accepting one is how token substitution works.
    pub async fn token_info(&self) -> Result<TokenInfo, Error> {
        let info: TokenInfo = decode(self.fetch(&Operation::TokenInfo).await?)?;
        check_token_info(&info, self.client_id()?)?;
        Ok(info)
    }

    /// Any REST call: `path` like `/me/sites` or `/sites/example.com/posts/`. Returns the JSON
    /// exactly as WordPress.com sent it.
    pub async fn request(
        &self,
        method: Method,
        path: &str,
        options: RequestOptions,
    ) -> Result<JsValue, Error> {
        let path = path.to_string();
        self.fetch(&Operation::Request {
            method,
            path,
            options,
        })
        .await
    }

    /// Runs `operation` and returns its result as plain JS data: the typed calls decoded and
    /// normalised (then converted back), `request` as sent. One code path for every call keeps
    /// the wasm small for the JS surface.
    pub async fn run(&self, operation: Operation) -> Result<JsValue, Error> {
        let raw = self.fetch(&operation).await?;
        match operation {
            Operation::Me => to_js(&decode::<Me>(raw)?),
            Operation::Sites => to_js(&decode::<Sites>(raw)?),
            Operation::PostLikes { .. } => to_js(&decode::<Likes>(raw)?),
            Operation::LikePost { .. } | Operation::UnlikePost { .. } => {
                to_js(&decode::<LikeResult>(raw)?.into_result()?)
            }
            Operation::CreatePost { .. } => to_js(&decode::<Post>(raw)?),
            Operation::TokenInfo => {
                let info: TokenInfo = decode(raw)?;
                check_token_info(&info, self.client_id()?)?;
                to_js(&info)
            }
            Operation::Request { .. } => Ok(raw),
        }
    }

    /// Sends `operation`'s request and returns the JSON body as sent.
    async fn fetch(&self, operation: &Operation) -> Result<JsValue, Error> {
        let settings = &self.config;
        let (endpoint, body) = match operation {
            Operation::Me => (Endpoint::Me, None),
            Operation::Sites => (Endpoint::MySites, None),
            Operation::PostLikes { site, post_id } => {
                let post_id = *post_id;
                (Endpoint::PostLikes { site, post_id }, None)
            }
            Operation::LikePost { site, post_id } => {
                let post_id = *post_id;
                (
                    Endpoint::LikePost { site, post_id },
                    Some(String::from("{}")),
                )
            }
            Operation::UnlikePost { site, post_id } => {
                let post_id = *post_id;
                (
                    Endpoint::UnlikePost { site, post_id },
                    Some(String::from("{}")),
                )
            }
            Operation::CreatePost { site, post } => {
                post.validate()?;
                (Endpoint::NewPost { site }, Some(to_json(&to_js(post)?)?))
            }
            Operation::TokenInfo => {
                let client_id = self.client_id()?;
                let token = self.bearer()?;
                let url = build_token_info_url(&settings.oauth_base, client_id, &token);
                return self
                    .send(Method::Get, &url, None, None, token_info_error)
                    .await;
            }
            Operation::Request {
                method,
                path,
                options,
            } => {
                let version = options.api_version.as_deref().unwrap_or(API_VERSION);
                let url = build_api_url(&settings.api_base, version, path, &options.query)?;
                let body = options.body.as_ref().map(to_json).transpose()?;
                let token = self.bearer()?;
                return self
                    .send(
                        *method,
                        &url,
                        Some(&token),
                        body.as_deref(),
                        error_from_response,
                    )
                    .await;
            }
        };
        let url = build_api_url(&settings.api_base, API_VERSION, &endpoint.path()?, &[])?;
        let token = self.bearer()?;
        let method = endpoint.method();
        self.send(
            method,
            &url,
            Some(&token),
            body.as_deref(),
            error_from_response,
        )
        .await
    }

    /// The app's client id, needed to check token-info.
    fn client_id(&self) -> Result<&str, Error> {
        self.config.client_id.as_deref().ok_or_else(|| {
            Error::new(
                ErrorCode::InvalidConfig,
                "tokenInfo needs the app's clientId (an Auth, or clientId)",
            )
        })
    }

    /// The access token to send: the `Auth`'s (`not_signed_in`, `token_expired`) or the
    /// fixed one.
    fn bearer(&self) -> Result<String, Error> {
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

    /// Sends through the transport; `invalid_token` signs the `Auth` out.
    async fn send(
        &self,
        method: Method,
        url: &str,
        bearer: Option<&str>,
        body: Option<&str>,
        map_error: ErrorMapper,
    ) -> Result<JsValue, Error> {
        let settings = &self.config;
        let result = transport::send(&Call {
            method,
            url,
            bearer,
            body,
            signal: self.signal.as_ref(),
            timeout_ms: settings.timeout_ms,
            retry: &settings.retry,
            map_error,
        })
        .await;
        if let (Err(error), Some(auth)) = (&result, &settings.auth) {
            if error.code == ErrorCode::InvalidToken {
                auth.invalidate();
            }
        }
        result
    }
}

/// Decodes a JSON value into a model; a shape that does not fit is `bad_response`.
pub fn decode<T: DeserializeOwned>(value: JsValue) -> Result<T, Error> {
    serde_js::from_js(value)
        .map_err(|_| Error::new(ErrorCode::BadResponse, "unexpected response shape"))
}

/// Converts a model to a plain JS value: objects (not `Map`s), `null` for `None`.
pub fn to_js<T: serde::Serialize + ?Sized>(value: &T) -> Result<JsValue, Error> {
    serde_js::to_js(value)
        .map_err(|_| Error::new(ErrorCode::InvalidInput, "value cannot be sent as JSON"))
}

/// `JSON.stringify(value)`.
fn to_json(value: &JsValue) -> Result<String, Error> {
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| Error::new(ErrorCode::InvalidInput, "body cannot be sent as JSON"))
}
