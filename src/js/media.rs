//! The media methods of the JS `Client` (`uploadMedia`, `sideloadMedia`, `media`,
//! `deleteMedia`): their arguments converted into [`Operation`]s of the media routes
//! ([`routes::UPLOAD_MEDIA`]…); [`JsClient::start`] runs them like every other call.

use super::client::JsClient;
use super::convert::{self, get, is_absent, Options};
use super::pages::iterable;
use crate::browser::client::{Operation, RouteCall};
use crate::browser::media::media_form_data;
use crate::core::media::{MediaAttrs, ATTR_NAMES};
use crate::core::routes::{self, Route};
use crate::core::text::cat;
use crate::core::{Error, ErrorCode};
use alloc::{string::String, vec::Vec};
use js_sys::{Array, Object};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(js_class = Client)]
impl JsClient {
    /// `POST /sites/$site/media/new` with `files` ([`routes::UPLOAD_MEDIA`]), options
    /// `{ attrs, onProgress, signal }`; never retried.
    #[wasm_bindgen(js_name = uploadMedia)]
    pub fn upload_media(&self, site: JsValue, files: JsValue, options: JsValue) -> js_sys::Promise {
        let operation = blobs(&files).and_then(|files| {
            let o = Options::new(&options);
            let attrs = attrs_list(o.value("attrs"), files.len())?;
            let on_progress = o.value("onProgress");
            if on_progress.as_ref().is_some_and(|f| !f.is_function()) {
                o.refuse("onProgress");
            }
            o.check()?;
            let form = media_form_data(&files, &[], &attrs)?;
            upload(&routes::UPLOAD_MEDIA, &site, form, on_progress)
        });
        self.start(operation, &options, None)
    }

    /// `POST /sites/$site/media/new` with `media_urls[]` ([`routes::SIDELOAD_MEDIA`]), options
    /// `{ attrs, signal }`.
    #[wasm_bindgen(js_name = sideloadMedia)]
    pub fn sideload_media(
        &self,
        site: JsValue,
        urls: JsValue,
        options: JsValue,
    ) -> js_sys::Promise {
        let operation = url_list(&urls).and_then(|urls| {
            let attrs = attrs_list(Options::new(&options).value("attrs"), urls.len())?;
            let form = media_form_data(&[], &urls, &attrs)?;
            upload(&routes::SIDELOAD_MEDIA, &site, form, None)
        });
        self.start(operation, &options, None)
    }

    /// `GET /sites/$site/media?…` ([`routes::MEDIA`]) page by page (`page_handle`): an async
    /// iterable of the site's media items, like `posts()`.
    pub fn media(&self, site: JsValue, query: JsValue, options: JsValue) -> JsValue {
        let undefined = JsValue::UNDEFINED;
        let pages = self.pages(&routes::MEDIA, &site, &undefined, &query, &options);
        iterable(pages, Some("media"))
    }

    /// `POST /sites/$site/media/$mediaId/delete` ([`routes::DELETE_MEDIA`]).
    #[wasm_bindgen(js_name = deleteMedia)]
    pub fn delete_media(
        &self,
        site: JsValue,
        media_id: JsValue,
        options: JsValue,
    ) -> js_sys::Promise {
        let operation = convert::site(&site).and_then(|site| {
            let media_id = convert::post_id(&media_id).map_err(|_| {
                Error::new(
                    ErrorCode::InvalidConfig,
                    "mediaId must be a positive integer (a media item's ID)",
                )
            })?;
            Ok(Operation::Route(RouteCall {
                site: Some(site),
                media_id: Some(media_id),
                ..RouteCall::new(&routes::DELETE_MEDIA)
            }))
        });
        self.start(operation, &options, None)
    }
}

/// The call of an upload `route` on `site` sending `form`.
fn upload(
    route: &'static Route,
    site: &JsValue,
    form: JsValue,
    on_progress: Option<JsValue>,
) -> Result<Operation, Error> {
    Ok(Operation::Route(RouteCall {
        site: Some(convert::site(site)?),
        form: Some(form),
        on_progress,
        ..RouteCall::new(route)
    }))
}

/// `Blob | ArrayLike<Blob>` (a `File`, an array, a `FileList`) as a list; whether each item is
/// a `Blob` is checked when the form is built.
fn blobs(files: &JsValue) -> Result<Vec<JsValue>, Error> {
    if get(files, "size").as_f64().is_some() && get(files, "type").is_string() {
        return Ok(alloc::vec![files.clone()]);
    }
    if !files.is_object() || get(files, "length").as_f64().is_none() {
        return Err(invalid(
            "files must be a File, a Blob, or an array or FileList of them",
        ));
    }
    Ok(Array::from(files).iter().collect())
}

/// `string | ReadonlyArray<string>` as a list of URLs.
fn url_list(urls: &JsValue) -> Result<Vec<String>, Error> {
    let bad = || invalid("urls must be a URL string or an array of them");
    if let Some(url) = urls.as_string() {
        return Ok(alloc::vec![url]);
    }
    if !Array::is_array(urls) {
        return Err(bad());
    }
    let mut list = Vec::new();
    for url in Array::from(urls).iter() {
        list.push(url.as_string().ok_or_else(bad)?);
    }
    Ok(list)
}

/// The `attrs` option: an array with one entry (an object, or nothing) per input in order, or
/// one object when there is one input.
fn attrs_list(value: Option<JsValue>, inputs: usize) -> Result<Vec<MediaAttrs>, Error> {
    let Some(value) = value else {
        return Ok(Vec::new());
    };
    let entries: Vec<JsValue> = if Array::is_array(&value) {
        Array::from(&value).iter().collect()
    } else if value.is_object() && inputs == 1 {
        alloc::vec![value]
    } else {
        return Err(invalid(
            "attrs must be an array with one object per file or URL, in order (or one object for one input)",
        ));
    };
    let mut list = Vec::new();
    for entry in &entries {
        list.push(media_attrs(entry)?);
    }
    Ok(list)
}

/// One entry of `attrs`: `{ title, caption, description, alt, parent_id }` (texts, and a
/// post ID), or nothing; any other key is refused, so a typo is not sent silently.
fn media_attrs(entry: &JsValue) -> Result<MediaAttrs, Error> {
    if is_absent(entry) {
        return Ok(MediaAttrs::default());
    }
    if !entry.is_object() {
        return Err(invalid("each entry of attrs must be an object or null"));
    }
    for key in Object::keys(entry.unchecked_ref::<Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if !ATTR_NAMES.contains(&key.as_str()) {
            return Err(invalid(&cat(&[
                "attrs has an unknown key '",
                &key,
                "': WordPress.com reads title, caption, description, alt and parent_id",
            ])));
        }
    }
    let o = Options::new(entry);
    let parent_id = match o.value("parent_id") {
        Some(id) => Some(
            convert::post_id(&id)
                .map_err(|_| invalid("attrs parent_id must be a positive integer (a post ID)"))?,
        ),
        None => None,
    };
    let attrs = MediaAttrs {
        title: o.text("title"),
        caption: o.text("caption"),
        description: o.text("description"),
        alt: o.text("alt"),
        parent_id,
    };
    o.check().map(|()| attrs)
}

fn invalid(message: &str) -> Error {
    Error::new(ErrorCode::InvalidConfig, message)
}
