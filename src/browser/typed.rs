//! The typed Rust API of [`Client`]: HTTP through gloo-net (`browser::fetch`); each helper
//! normalises the same JSON as the JS surface with the same rules (`browser::normalise`), then
//! decodes it strictly into the core's models with serde-wasm-bindgen (feature `rust-api`, on
//! by default).
//!
//! The npm package is built without it: its JavaScript surface returns the JSON normalised in
//! place by `browser::normalise`, and serde is the largest thing a wasm can carry.

use super::client::{bad_shape, Client, Operation, RequestOptions, RouteCall};
use super::connected_apps::own_entry;
use super::fetch;
use super::media::media_form_data;
use super::transport::Done;
use super::Auth;
use crate::core::media::MediaAttrs;
use crate::core::models::{
    ConnectedApplication, Disconnected, LikeResult, Likes, Me, MediaItem, MediaPage, MediaUpload,
    NewPost, Post, Sites, TokenInfo,
};
use crate::core::routes::{self, Route};
use crate::core::{Error, ErrorCode};
use crate::core::{Method, Token};
use alloc::boxed::Box;
use alloc::rc::Rc;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::cell::Cell;
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

    // --- Connected applications ------------------------------------------------------------

    /// `GET /me/connected-applications` ([`routes::CONNECTED_APPLICATIONS`]): the apps the
    /// user connected to their account, both spellings of WordPress.com's fields read the same
    /// (`ID`/`connection_ID`, `site`/`blog`). Errors: `unauthorized` when the token's scope may
    /// not manage connections (the message asks for `scope: 'global'` and names
    /// <https://wordpress.com/me/security/connected-applications>), `invalid_token`, and those
    /// of every call.
    pub async fn connected_applications(&self) -> Result<Vec<ConnectedApplication>, Error> {
        decode(
            self.run(Operation::route(&routes::CONNECTED_APPLICATIONS))
                .await?,
        )
    }

    /// `POST /me/connected-applications/$ID/delete` ([`routes::DISCONNECT`]): removes the
    /// connected application `id` (an `ID` from [`Client::connected_applications`]); when it is
    /// this app's own (its `ID` is the client ID), the client's `Auth` is signed out (reason
    /// `disconnected`). With `None`, the entry whose `ID` is this app's client ID is removed, or
    /// the call fails with `connection_not_found`: whether WordPress.com's `ID` is the client
    /// ID is unverified, so pass the `id` you listed when it matters. Errors: those of
    /// `Client::disconnect_with`.
    pub async fn disconnect(&self, id: Option<&str>) -> Result<Disconnected, Error> {
        let id = match id {
            Some(id) => id.to_string(),
            None => {
                let own = self.own_client_id()?;
                let list = Operation::route(&routes::CONNECTED_APPLICATIONS);
                own_entry(&self.run(list).await?, own)?
            }
        };
        decode(self.run(Operation::on_app(&routes::DISCONNECT, id)).await?)
    }

    /// `GET /oauth2/token-info`: what WordPress.com knows of the token. Refuses a token issued
    /// to another app (`token_client_mismatch`, checked by [`Client::run`]'s shared path):
    /// accepting one is how token substitution works.
    pub async fn token_info(&self) -> Result<TokenInfo, Error> {
        decode(self.run(Operation::TokenInfo).await?)
    }
}

// --- Media (contract "Media") ---
impl Client {
    /// `POST /sites/$site/media/new` ([`routes::UPLOAD_MEDIA`]): uploads `files` (`Blob`s and
    /// `File`s; a `Blob` is named from its `attrs` title or `media-<n>.<ext>`), with `attrs[i]`
    /// for `files[i]` ([`crate::core::media::media_form`]). Returns what was created and, as
    /// data, the files that failed; a call where all failed is an [`Error`] (e.g.
    /// `invalid_input` "Invalid file type."). Never retried; the time limit covers the whole
    /// upload. No progress events: gloo-net's `fetch` has none (the JS surface's
    /// `uploadMedia` reports them through `XMLHttpRequest`).
    pub async fn upload_media(
        &self,
        site: &str,
        files: &[web_sys::Blob],
        attrs: &[MediaAttrs],
    ) -> Result<MediaUpload, Error> {
        let files: Vec<JsValue> = files.iter().map(|f| f.clone().into()).collect();
        let form = media_form_data(&files, &[], attrs)?;
        decode(self.run(upload(&routes::UPLOAD_MEDIA, site, form)).await?)
    }

    /// `POST /sites/$site/media/new` with `media_urls[]` ([`routes::SIDELOAD_MEDIA`]):
    /// WordPress.com downloads `urls` into the site's media, with `attrs[i]` for `urls[i]`.
    /// Partial failures are data, as in [`Client::upload_media`].
    pub async fn sideload_media(
        &self,
        site: &str,
        urls: &[&str],
        attrs: &[MediaAttrs],
    ) -> Result<MediaUpload, Error> {
        let urls: Vec<String> = urls.iter().map(|u| u.to_string()).collect();
        let form = media_form_data(&[], &urls, attrs)?;
        decode(
            self.run(upload(&routes::SIDELOAD_MEDIA, site, form))
                .await?,
        )
    }

    /// `GET /sites/$site/media` ([`routes::MEDIA`]): one page of the site's media. `query`:
    /// `number` (≤ 100), `page_handle` (the previous page's `meta.next_page`), `mime_type`
    /// (a prefix such as `image`), `post_ID`…
    pub async fn media(&self, site: &str, query: &[(&str, &str)]) -> Result<MediaPage, Error> {
        let query = query
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let operation = Operation::Route(RouteCall {
            site: Some(site.to_string()),
            query,
            ..RouteCall::new(&routes::MEDIA)
        });
        decode(self.run(operation).await?)
    }

    /// `POST /sites/$site/media/$media_id/delete` ([`routes::DELETE_MEDIA`]): deletes the item
    /// for good and returns it; `unknown_media` when there is no such item.
    pub async fn delete_media(&self, site: &str, media_id: u64) -> Result<MediaItem, Error> {
        let operation = Operation::Route(RouteCall {
            site: Some(site.to_string()),
            media_id: Some(media_id),
            ..RouteCall::new(&routes::DELETE_MEDIA)
        });
        decode(self.run(operation).await?)
    }
}

/// The call of an upload `route` on `site`, sending `form`.
fn upload(route: &'static Route, site: &str, form: JsValue) -> Operation {
    Operation::Route(RouteCall {
        site: Some(site.to_string()),
        form: Some(form),
        ..RouteCall::new(route)
    })
}

impl Auth {
    /// Loads the token and state from an asynchronous storage adapter (a no-op for the other
    /// backends) and returns the token, if any. Await it before using an adapter-backed `Auth`.
    pub async fn restore(&self) -> Result<Option<Token>, Error> {
        settle(|done| self.restore_with(done)).await
    }
}

/// Awaits a callback-style operation of the browser layer: `start` gets the callback to call
/// with the outcome (which it does exactly once).
async fn settle<T: 'static>(start: impl FnOnce(Done<T>)) -> Result<T, Error> {
    let slot: Rc<Cell<Option<Result<T, Error>>>> = Rc::new(Cell::new(None));
    let mut start = Some(start);
    let promise = Promise::new(&mut |resolve, _reject| {
        let slot = slot.clone();
        if let Some(start) = start.take() {
            start(Box::new(move |outcome| {
                slot.set(Some(outcome));
                let _ = resolve.call0(&JsValue::UNDEFINED);
            }));
        }
    });
    let _ = JsFuture::from(promise).await;
    slot.take()
        .unwrap_or_else(|| Err(Error::new(ErrorCode::Unsupported, "the call never settled")))
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
