//! The typed Rust API of [`SiteClient`] and discovery (feature `rust-api`): the same calls as
//! the JS surface, awaited, their JSON decoded into [`crate::core::site::models`].

use super::super::typed::{decode, pairs, settle, to_js};
use super::auth::{Connection, SiteAuth};
use super::client::{SiteClient, SiteOperation};
use super::discover::discover_site;
use super::pages::SitePages;
use crate::browser::pages::Walk;
use crate::browser::PopupOptions;
use crate::core::site::calls::{page_query, POSTS};
use crate::core::site::models::{NewWpPost, Page, SiteUser, WpMedia, WpPost};
use crate::core::site::WordPressSite;
use crate::core::{Error, Method};
use alloc::rc::Rc;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::cell::Cell;
use wasm_bindgen::JsValue;

/// Finds the WordPress site at `address` (see [`discover_site`] for what it asks and its
/// errors: `not_wordpress`, `rest_api_disabled`, `application_passwords_unavailable`…).
pub async fn discover(address: &str) -> Result<WordPressSite, Error> {
    settle(|done| discover_site(address, None, None, done)).await
}

impl SiteClient {
    /// Runs `operation` and returns its result as plain JS data, as the JS surface does.
    pub async fn run(&self, operation: SiteOperation) -> Result<JsValue, Error> {
        settle(|done| self.start(operation, done)).await
    }

    /// Any call: `path` is a route under the API root (`/wp/v2/posts?status=draft`) or an
    /// absolute URL under it; the JSON as the site sent it.
    pub async fn request(
        &self,
        method: Method,
        path: &str,
        query: Vec<(String, String)>,
        body: Option<JsValue>,
    ) -> Result<JsValue, Error> {
        let path = path.to_string();
        self.run(SiteOperation::Request {
            method,
            path,
            query,
            body,
        })
        .await
    }

    /// `GET /wp/v2/users/me`; `credentials_ignored` when the site answers as anonymous.
    pub async fn me(&self) -> Result<SiteUser, Error> {
        decode(self.run(SiteOperation::Me).await?)
    }

    /// `GET /wp/v2/posts` page by page, with `query` (`per_page` 1–100, `status`, `search`…;
    /// a `page` says where to start): `while let Some(page) = pages.next_page().await? { … }`.
    /// `not_signed_in` without credentials, `invalid_config` for an `offset`.
    pub fn posts(&self, query: &[(&str, &str)]) -> Result<SitePaged<Page<WpPost>>, Error> {
        self.paged(POSTS, query, decode)
    }

    /// Any collection at `path` (the grammar of [`SiteClient::request`]) page by page, with
    /// `query`: each page as `{ items, page, total, totalPages }` in plain JS data.
    pub fn paginate(
        &self,
        path: &str,
        query: &[(&str, &str)],
    ) -> Result<SitePaged<JsValue>, Error> {
        self.paged(path, query, Ok)
    }

    fn paged<T>(
        &self,
        path: &str,
        query: &[(&str, &str)],
        decode: fn(JsValue) -> Result<T, Error>,
    ) -> Result<SitePaged<T>, Error> {
        let pages = SitePages::new(self.clone(), path, &pairs(query))?;
        Ok(SitePaged {
            slot: Rc::new(Cell::new(Some(pages))),
            decode,
        })
    }

    /// `GET /wp/v2/posts`: one page (from 1) of `per_page` (1–100) posts, with the totals (the
    /// first page of a [`SiteClient::posts`] walk).
    pub async fn list_posts(
        &self,
        page: Option<u32>,
        per_page: Option<u32>,
    ) -> Result<Page<WpPost>, Error> {
        let query = page_query(&[], page, per_page)?;
        let pages = SitePages::new(self.clone(), POSTS, &query)?;
        let first = settle(|done| SitePages::next(Rc::new(Cell::new(Some(pages))), done)).await?;
        decode(first)
    }

    /// `POST /wp/v2/posts`. Never retried: on `network` or `timeout` it may exist.
    pub async fn create_post(&self, post: &NewWpPost) -> Result<WpPost, Error> {
        decode(self.run(SiteOperation::CreatePost(to_js(post)?)).await?)
    }

    /// `POST /wp/v2/media`: `file` (a `Blob`/`File`, `ArrayBuffer` or typed array) as the raw
    /// body, named `filename` (default: the `File`'s).
    pub async fn upload_media(
        &self,
        file: JsValue,
        filename: Option<&str>,
        content_type: Option<&str>,
    ) -> Result<WpMedia, Error> {
        let upload = SiteOperation::UploadMedia {
            file,
            filename: filename.map(String::from),
            content_type: content_type.map(String::from),
        };
        decode(self.run(upload).await?)
    }

    /// Revokes the application password in use on the site, then forgets it.
    pub async fn disconnect(&self) -> Result<(), Error> {
        self.run(SiteOperation::Disconnect).await.map(|_| ())
    }
}

/// A site's collection read page by page ([`SiteClient::posts`], [`SiteClient::paginate`]): one
/// request per [`SitePaged::next_page`], none before it is asked for.
pub struct SitePaged<T> {
    slot: Rc<Cell<Option<SitePages>>>,
    decode: fn(JsValue) -> Result<T, Error>,
}

impl<T> core::fmt::Debug for SitePaged<T> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("SitePaged")
    }
}

impl<T> SitePaged<T> {
    /// The next page, or `None` once the collection is read (an empty page, the last of
    /// `X-WP-TotalPages`, or core's `rest_post_invalid_page_number` past the last). An error
    /// ends the walk: later calls give `None`.
    pub async fn next_page(&mut self) -> Result<Option<T>, Error> {
        let slot = self.slot.clone();
        let page = settle(|done| SitePages::next(slot, done)).await?;
        if page.is_undefined() {
            return Ok(None);
        }
        let decoded = (self.decode)(page).map(Some);
        if decoded.is_err() {
            if let Some(mut pages) = self.slot.take() {
                pages.stop();
                self.slot.set(Some(pages));
            }
        }
        decoded
    }
}

impl SiteAuth {
    /// Connects in a popup ([`SiteAuth::sign_in_with_popup_then`]: its errors). Not an `async
    /// fn`: the window opens when this is called, not when the future is first polled, so call
    /// it in the click handler itself, before any `.await`.
    pub fn sign_in_with_popup(
        &self,
        options: PopupOptions,
    ) -> impl core::future::Future<Output = Result<Connection, Error>> {
        let auth = self.clone();
        settle(move |done| auth.sign_in_with_popup_then(options, done))
    }

    /// Loads an asynchronous storage adapter (a no-op for the others); the connection, if any.
    pub async fn restore(&self) -> Result<Option<Connection>, Error> {
        settle(|done| self.restore_with(done)).await
    }
}
