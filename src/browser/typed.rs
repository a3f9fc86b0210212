//! The typed Rust API of [`Client`]: HTTP through gloo-net (`browser::fetch`); each helper
//! normalises the same JSON as the JS surface with the same rules (`browser::normalise`), then
//! decodes it strictly into the core's models with serde-wasm-bindgen (feature `rust-api`, on
//! by default).
//!
//! The npm package is built without it: its JavaScript surface returns the JSON normalised in
//! place by `browser::normalise`, and serde is the largest thing a wasm can carry.

use super::client::{bad_shape, Client, Operation, RequestOptions, RouteCall};
use super::connected_apps::own_entry;
use super::connection::{next_check_step, Step};
use super::fetch;
use super::media::media_form_data;
use super::pages::Pages;
use super::popup::PopupOptions;
use super::transport::Done;
use super::Auth;
use crate::core::media::MediaAttrs;
use crate::core::models::{
    Comment, CommentsPage, ConnectedApplication, Deletion, Disconnected, FollowResult, LikeResult,
    Likes, Me, MediaItem, MediaPage, MediaUpload, NewPost, Post, PostsPage, Sites, TokenInfo,
};
use crate::core::routes::{self, Args, PostRef, Route};
use crate::core::{namespace_option, Connection, Method, Token};
use crate::core::{Error, ErrorCode};
use alloc::boxed::Box;
use alloc::rc::Rc;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
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

    /// `GET /sites/$site/media` ([`routes::MEDIA`]) page by page (`page_handle`), with `query`
    /// (`number` ≤ 100 per page, `mime_type` (a prefix such as `image`), `post_ID`…):
    /// `while let Some(page) = pages.next_page().await? { … }`.
    pub fn media(&self, site: &str, query: &[(&str, &str)]) -> Result<Paged<MediaPage>, Error> {
        self.typed_pages(&routes::MEDIA, site, None, query)
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

// Pages of results, a post's life, comments and follows (issue 13).

/// A collection read page by page ([`Client::paginate`], [`Client::posts`],
/// [`Client::comments`]): one request per [`Paged::next_page`], none before it is asked for.
#[derive(Debug)]
pub struct Paged<T> {
    pages: Pages,
    decode: fn(JsValue) -> Result<T, Error>,
}

impl<T> Paged<T> {
    /// The next page, or `None` once the collection is read (see
    /// [`crate::core::paginate`] for when that is). An error ends the walk: later calls give
    /// `None`; the pages already given stay valid.
    pub async fn next_page(&mut self) -> Result<Option<T>, Error> {
        let Some(call) = self.pages.next_call()? else {
            return Ok(None);
        };
        let page = self.pages.take(fetch::send(call).await)?;
        let decoded = page.map(self.decode).transpose();
        decoded.inspect_err(|_| self.pages.stop())
    }
}

impl Client {
    /// The pages of any collection at `path` (the grammar of [`Client::request`]), with
    /// `options`' query, version and namespace (its body is not sent): `rest/v1.x` pages by
    /// `page_handle` (else `page`), `wp/v2` and `wpcom/v2` by `page` (see
    /// [`crate::core::paginate`]). Each page is the JSON as sent (an envelope's body
    /// unwrapped). `invalid_config` for a path the grammar refuses or an `offset`.
    pub fn paginate(&self, path: &str, options: RequestOptions) -> Result<Paged<JsValue>, Error> {
        let namespace =
            namespace_option(options.api_version.as_deref(), options.namespace.as_deref())?;
        let pages = Pages::new(self.clone(), path, &options.query, namespace, None)?;
        Ok(Paged { pages, decode: Ok })
    }

    /// `GET /sites/$site/posts/` ([`routes::POSTS`]) page by page, with `query` (`number`,
    /// `status`, `type`, `order_by`…): `while let Some(page) = pages.next_page().await? { … }`.
    pub fn posts(&self, site: &str, query: &[(&str, &str)]) -> Result<Paged<PostsPage>, Error> {
        self.typed_pages(&routes::POSTS, site, None, query)
    }

    /// One page of `GET /sites/$site/posts/` ([`routes::POSTS`]); its `meta.next_page` is the
    /// `page_handle` of the next one.
    pub async fn list_posts(&self, site: &str, query: &[(&str, &str)]) -> Result<PostsPage, Error> {
        let call = RouteCall {
            query: pairs(query),
            ..RouteCall::new(&routes::POSTS).on(site.to_string())
        };
        decode(self.run(Operation::Route(call)).await?)
    }

    /// `GET /sites/$site/posts/$ID` or `…/slug:$slug` ([`routes::POST`]); `unknown_post` when
    /// there is none.
    pub async fn post(&self, site: &str, post: PostRef) -> Result<Post, Error> {
        let call = RouteCall {
            post_ref: Some(post),
            ..RouteCall::new(&routes::POST).on(site.to_string())
        };
        decode(self.run(Operation::Route(call)).await?)
    }

    /// `POST /sites/$site/posts/$ID` ([`routes::UPDATE_POST`]): changes the fields `fields`
    /// sets (`status: "trash"` trashes). Never retried.
    pub async fn update_post(
        &self,
        site: &str,
        post_id: u64,
        fields: &NewPost,
    ) -> Result<Post, Error> {
        let call = RouteCall {
            post_id: Some(post_id),
            post: Some(to_js(fields)?),
            ..RouteCall::new(&routes::UPDATE_POST).on(site.to_string())
        };
        decode(self.run(Operation::Route(call)).await?)
    }

    /// `POST /sites/$site/posts/$ID/delete` ([`routes::DELETE_POST`]): a post is first
    /// [`Deletion::Trashed`], and deleting a trashed post makes it [`Deletion::Deleted`].
    pub async fn delete_post(&self, site: &str, post_id: u64) -> Result<Deletion<Post>, Error> {
        let post: Post = decode(self.on_post(&routes::DELETE_POST, site, post_id).await?)?;
        Deletion::from_status(&post.status.clone(), post)
    }

    /// `POST /sites/$site/posts/$ID/restore` ([`routes::RESTORE_POST`]): out of the trash.
    pub async fn restore_post(&self, site: &str, post_id: u64) -> Result<Post, Error> {
        decode(self.on_post(&routes::RESTORE_POST, site, post_id).await?)
    }

    /// `GET /sites/$site/posts/$ID/replies/` ([`routes::COMMENTS`]) page by page, with `query`
    /// (`number`, `order`, `status`).
    pub fn comments(
        &self,
        site: &str,
        post_id: u64,
        query: &[(&str, &str)],
    ) -> Result<Paged<CommentsPage>, Error> {
        self.typed_pages(&routes::COMMENTS, site, Some(post_id), query)
    }

    /// `POST /sites/$site/posts/$ID/replies/new` ([`routes::ADD_COMMENT`]): `content` must not
    /// be blank (`invalid_input`, without a request).
    pub async fn add_comment(
        &self,
        site: &str,
        post_id: u64,
        content: &str,
    ) -> Result<Comment, Error> {
        let call = RouteCall {
            post_id: Some(post_id),
            post: Some(comment_body(content)),
            ..RouteCall::new(&routes::ADD_COMMENT).on(site.to_string())
        };
        decode(self.run(Operation::Route(call)).await?)
    }

    /// `POST /sites/$site/comments/$ID/replies/new` ([`routes::REPLY_TO_COMMENT`]).
    pub async fn reply_to_comment(
        &self,
        site: &str,
        comment_id: u64,
        content: &str,
    ) -> Result<Comment, Error> {
        let call = RouteCall {
            comment_id: Some(comment_id),
            post: Some(comment_body(content)),
            ..RouteCall::new(&routes::REPLY_TO_COMMENT).on(site.to_string())
        };
        decode(self.run(Operation::Route(call)).await?)
    }

    /// `POST /sites/$site/comments/$ID/delete` ([`routes::DELETE_COMMENT`]): trashed first,
    /// deleted for good the second time.
    pub async fn delete_comment(
        &self,
        site: &str,
        comment_id: u64,
    ) -> Result<Deletion<Comment>, Error> {
        let call = RouteCall {
            comment_id: Some(comment_id),
            ..RouteCall::new(&routes::DELETE_COMMENT).on(site.to_string())
        };
        let comment: Comment = decode(self.run(Operation::Route(call)).await?)?;
        Deletion::from_status(&comment.status.clone(), comment)
    }

    /// `POST /sites/$site/follows/new` ([`routes::FOLLOW`]); a falsy `success` is
    /// `follow_failed`.
    pub async fn follow(&self, site: &str) -> Result<FollowResult, Error> {
        decode::<FollowResult>(self.on_site(&routes::FOLLOW, site).await?)?.into_result()
    }

    /// `POST /sites/$site/follows/mine/delete` ([`routes::UNFOLLOW`]); a falsy `success` is
    /// `follow_failed`.
    pub async fn unfollow(&self, site: &str) -> Result<FollowResult, Error> {
        decode::<FollowResult>(self.on_site(&routes::UNFOLLOW, site).await?)?.into_result()
    }

    /// `GET /sites/$site/follows/mine` ([`routes::IS_FOLLOWING`]): whether the user follows it.
    pub async fn is_following(&self, site: &str) -> Result<bool, Error> {
        decode(self.on_site(&routes::IS_FOLLOWING, site).await?)
    }

    /// Runs `route` on a site.
    async fn on_site(&self, route: &'static Route, site: &str) -> Result<JsValue, Error> {
        self.run(Operation::Route(RouteCall::new(route).on(site.to_string())))
            .await
    }

    /// The walk over `route`'s collection on `site` (and `post_id`).
    fn typed_pages<T: DeserializeOwned>(
        &self,
        route: &'static Route,
        site: &str,
        post_id: Option<u64>,
        query: &[(&str, &str)],
    ) -> Result<Paged<T>, Error> {
        let args = Args {
            site: Some(site),
            post_id,
            ..Args::default()
        };
        let path = route.path(args)?;
        let pages = Pages::new(
            self.clone(),
            &path,
            &pairs(query),
            Some(route.namespace),
            Some(route.shape),
        )?;
        Ok(Paged {
            pages,
            decode: decode::<T>,
        })
    }
}

/// `query` as owned pairs.
pub(crate) fn pairs(query: &[(&str, &str)]) -> Vec<(String, String)> {
    query
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// `{ content }` as a JS object (checked by the browser layer: a non-blank string).
fn comment_body(content: &str) -> JsValue {
    let body = js_sys::Object::new();
    super::env::set(&body, "content", &JsValue::from_str(content));
    body.into()
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
pub(crate) fn settle<T: 'static>(
    start: impl FnOnce(Done<T>),
) -> impl Future<Output = Result<T, Error>> {
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
