//! The typed Rust API of [`Client`]: HTTP through gloo-net (`browser::fetch`); each helper
//! normalises the same JSON as the JS surface with the same rules (`browser::normalise`), then
//! decodes it strictly into the core's models with serde-wasm-bindgen (feature `rust-api`, on
//! by default).
//!
//! The npm package is built without it: its JavaScript surface returns the JSON normalised in
//! place by `browser::normalise`, and serde is the largest thing a wasm can carry.

use super::client::{bad_shape, Client, Operation, RequestOptions};
use super::connection::{next_check_step, Step};
use super::fetch;
use super::popup::PopupOptions;
use super::transport::Done;
use super::Auth;
use crate::core::models::{LikeResult, Likes, Me, NewPost, Post, Sites, TokenInfo};
use crate::core::routes::{self, Route};
use crate::core::{Connection, Method, Token};
use crate::core::{Error, ErrorCode};
use alloc::boxed::Box;
use alloc::rc::Rc;
use alloc::string::ToString;
use core::cell::Cell;
use core::future::Future;
use js_sys::Promise;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

impl Client {
    /// Runs `operation` (its request through gloo-net) and returns its result as plain JS data,
    /// as the JS surface does: the typed calls' JSON checked and normalised in place by the
    /// quirk rules, `request`'s as sent.
    pub async fn run(&self, operation: Operation) -> Result<JsValue, Error> {
        let result = fetch::send(self.prepare(&operation)?).await;
        self.finish(&operation, result)
    }

    /// Any REST call: `path` in the grammar of [`crate::core::path::build_api_call`] (`/me/sites`,
    /// `v1.2/sites/example.com/posts?number=5`, `wp/v2/sites/123/posts`…). Returns the JSON
    /// exactly as WordPress.com sent it; a 2xx body with an `error` is an [`Error`].
    pub async fn request(
        &self,
        method: Method,
        path: &str,
        options: RequestOptions,
    ) -> Result<JsValue, Error> {
        let path = path.to_string();
        self.run(Operation::Request {
            method,
            path,
            options,
        })
        .await
    }

    /// `GET /me` ([`routes::ME`]): the signed-in user.
    pub async fn me(&self) -> Result<Me, Error> {
        decode(self.run(Operation::route(&routes::ME)).await?)
    }

    /// `GET /me/sites` ([`routes::SITES`]): the user's sites.
    pub async fn sites(&self) -> Result<Sites, Error> {
        decode(self.run(Operation::route(&routes::SITES)).await?)
    }

    /// `GET /sites/$site/posts/$post_id/likes` ([`routes::POST_LIKES`]); `site` is an ID or a
    /// domain.
    pub async fn post_likes(&self, site: &str, post_id: u64) -> Result<Likes, Error> {
        decode(self.on_post(&routes::POST_LIKES, site, post_id).await?)
    }

    /// `POST …/likes/new` ([`routes::LIKE_POST`]): likes the post; a falsy `success` is an
    /// error.
    pub async fn like_post(&self, site: &str, post_id: u64) -> Result<LikeResult, Error> {
        decode::<LikeResult>(self.on_post(&routes::LIKE_POST, site, post_id).await?)?.into_result()
    }

    /// `POST …/likes/mine/delete` ([`routes::UNLIKE_POST`]): unlikes the post; a falsy
    /// `success` is an error.
    pub async fn unlike_post(&self, site: &str, post_id: u64) -> Result<LikeResult, Error> {
        decode::<LikeResult>(self.on_post(&routes::UNLIKE_POST, site, post_id).await?)?
            .into_result()
    }

    /// `POST /sites/$site/posts/new` ([`routes::CREATE_POST`]). Never retried: on `network` or
    /// `timeout` the post may exist (`may_have_reached_server`), so check before sending it
    /// again.
    pub async fn create_post(&self, site: &str, post: &NewPost) -> Result<Post, Error> {
        post.validate()?;
        let operation = Operation::post_to(&routes::CREATE_POST, site.to_string(), to_js(post)?);
        decode(self.run(operation).await?)
    }

    /// Runs `route` on a site's post ([`Client::run`]).
    async fn on_post(
        &self,
        route: &'static Route,
        site: &str,
        post_id: u64,
    ) -> Result<JsValue, Error> {
        self.run(Operation::on_site(route, site.to_string(), Some(post_id)))
            .await
    }

    /// `GET /oauth2/token-info`: what WordPress.com knows of the token. Refuses a token issued
    /// to another app (`token_client_mismatch`, checked by [`Client::run`]'s shared path):
    /// accepting one is how token substitution works.
    pub async fn token_info(&self) -> Result<TokenInfo, Error> {
        decode(self.run(Operation::TokenInfo).await?)
    }
}

impl Client {
    /// What the token is worth now: `None` without a token, else a [`Connection`] whose status
    /// is `connected`, `expired`, `revoked` or `foreign`; see [`Client::check_connection_with`]
    /// for the requests it makes (`token-info`, then `/me` at most) and its errors.
    pub async fn check_connection(&self) -> Result<Option<Connection>, Error> {
        let (mut step, local) = self.first_check_step();
        loop {
            let operation = match step {
                Step::Done(outcome) => return outcome,
                Step::Call(operation) => operation,
            };
            let result = self.run(operation.clone()).await;
            step = next_check_step(&operation, result, local.as_ref());
        }
    }
}

impl Auth {
    /// Loads the token and state from an asynchronous storage adapter (a no-op for the other
    /// backends) and returns the token, if any. Await it before using an adapter-backed `Auth`.
    pub async fn restore(&self) -> Result<Option<Token>, Error> {
        settle(|done| self.restore_with(done)).await
    }

    /// Signs in in a popup ([`Auth::sign_in_with_popup_then`]: its errors). Not an `async fn`:
    /// the window opens when this is called, not when the future is first polled, so call it in
    /// the click handler itself, before any `.await`.
    pub fn sign_in_with_popup(
        &self,
        options: PopupOptions,
    ) -> impl Future<Output = Result<Token, Error>> {
        let auth = self.clone();
        settle(move |done| auth.sign_in_with_popup_then(options, done))
    }

    /// Signs in with a browser extension's `identity.launchWebAuthFlow`
    /// ([`Auth::sign_in_with_extension_then`]: its errors).
    pub async fn sign_in_with_extension(&self, interactive: bool) -> Result<Token, Error> {
        settle(|done| self.sign_in_with_extension_then(interactive, done)).await
    }
}

/// Starts a callback-style operation of the browser layer at once (`start` gets the callback
/// to call with the outcome, which it does exactly once) and returns the future of its outcome.
fn settle<T: 'static>(start: impl FnOnce(Done<T>)) -> impl Future<Output = Result<T, Error>> {
    let slot: Rc<Cell<Option<Result<T, Error>>>> = Rc::new(Cell::new(None));
    let mut start = Some(start);
    // `Promise::new` runs its executor now, before this returns.
    let promise = Promise::new(&mut |resolve, _reject| {
        let slot = slot.clone();
        if let Some(start) = start.take() {
            start(Box::new(move |outcome| {
                slot.set(Some(outcome));
                let _ = resolve.call0(&JsValue::UNDEFINED);
            }));
        }
    });
    async move {
        let _ = JsFuture::from(promise).await;
        slot.take()
            .unwrap_or_else(|| Err(Error::new(ErrorCode::Unsupported, "the call never settled")))
    }
}

/// Decodes a JSON value, already normalised by the core's quirk rules (as the JS surface
/// returns it), strictly into a model with serde-wasm-bindgen; a shape that does not fit is
/// `bad_response`.
pub fn decode<T: DeserializeOwned>(value: JsValue) -> Result<T, Error> {
    serde_wasm_bindgen::from_value(value).map_err(|_| bad_shape())
}

/// Converts a model to a plain JS value, as `JSON.parse` would give it: objects (not `Map`s),
/// `null` for `None`.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, Error> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|_| Error::new(ErrorCode::InvalidInput, "value cannot be sent as JSON"))
}
