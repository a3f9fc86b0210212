//! A collection read page by page: the core's [`Pager`] driving one request per page, for
//! `paginate(path)` and the typed collections (posts, comments). Shared by the JS surface
//! (callbacks, [`Pages::next`]) and the typed Rust API (`browser::typed`, awaited).
//!
//! Nothing is fetched before it is asked for: a caller that stops asking stops the requests.

use super::client::{check_shape, Client};
use super::env;
use super::normalise::{normalise, with_seen};
use super::transport::{self, Call, Done};
use crate::core::paginate::{self, not_a_collection, PageInfo, Pager, Style};
use crate::core::path::{build_api_call, split_collection};
use crate::core::quirks::Shape;
use crate::core::{Error, ErrorCode, Method};
use alloc::boxed::Box;
use alloc::rc::Rc;
use alloc::string::String;
use core::cell::Cell;
use js_sys::{Array, Object};
use wasm_bindgen::{JsCast, JsValue};

/// A walk over a collection, one request per page, driven by callbacks: [`Pages`] (the public
/// API host) and `site::pages::SitePages` (a WordPress site), behind the same JS iterable.
pub trait Walk: Sized + 'static {
    /// Fetches the next page of the walk in `slot` and gives `done` the page, `undefined` once
    /// the collection is read, or the error (which ends the walk). The walk is taken out of
    /// `slot` while its page is in flight (a `Cell`, not a `RefCell`: no borrow can fail), so
    /// a second call meanwhile is refused.
    fn next(slot: Rc<Cell<Option<Self>>>, done: Done);
}

/// What a second `next()` meanwhile is told.
pub fn busy() -> Error {
    Error::new(
        ErrorCode::InvalidConfig,
        "await a page before asking for the next",
    )
}

/// A walk over one collection.
#[derive(Debug)]
pub struct Pages {
    client: Client,
    /// The collection's path, namespace included, without a query.
    path: String,
    namespace: &'static str,
    /// The typed collections' page shape (checked and normalised); `None` for `paginate`,
    /// whose pages come as sent.
    shape: Option<Shape>,
    pager: Pager,
    total_pages: Rc<Cell<Option<u64>>>,
}

impl Pages {
    /// A walk over the collection at `path` (the grammar of
    /// [`crate::core::path::build_api_call`]) with `query`; the `client` carries the signal.
    /// `invalid_config` for a path or query the grammar refuses, or an `offset`.
    pub fn new(
        client: Client,
        path: &str,
        query: &[(String, String)],
        namespace: Option<&'static str>,
        shape: Option<Shape>,
    ) -> Result<Pages, Error> {
        let collection = split_collection(client.api_base(), path, query, namespace)?;
        let pager = Pager::new(collection.namespace, &collection.query)?;
        Ok(Pages {
            client,
            path: collection.path,
            namespace: collection.namespace,
            shape,
            pager,
            total_pages: Rc::new(Cell::new(None)),
        })
    }

    /// The request of the next page; `None` once the collection is read.
    pub(crate) fn next_call(&mut self) -> Result<Option<Call>, Error> {
        let Some(query) = self.pager.next_query() else {
            return Ok(None);
        };
        let prepared = build_api_call(
            self.client.api_base(),
            Method::Get,
            &self.path,
            &query,
            Some(self.namespace),
        )
        .and_then(|api| {
            let mut call = self
                .client
                .call(api.method, api.url, None, Some(self.client.bearer()?));
            call.envelope = api.envelope;
            Ok(call)
        });
        let mut call = prepared.inspect_err(|_| self.pager.stop())?;
        self.total_pages.set(None);
        call.total_pages = Some(self.total_pages.clone());
        Ok(Some(call))
    }

    /// Reads the answer to the last request: the page to hand over, `None` when the collection
    /// ended with it (an empty page after the first, core's page past the last), or the error
    /// that ends the walk.
    pub(crate) fn take(
        &mut self,
        result: Result<JsValue, Error>,
    ) -> Result<Option<JsValue>, Error> {
        let page = match self.client.signed_out_if_invalid(result) {
            Ok(page) => page,
            Err(error) if self.pager.ends_with(&error) => return Ok(None),
            Err(error) => return Err(error),
        };
        let read = check_shape(self.shape, page).and_then(|page| {
            if let Some(shape) = self.shape {
                normalise(&page, shape);
            }
            let info = self.info(&page)?;
            Ok(self.pager.read(&info).then_some(page))
        });
        read.inspect_err(|_| self.pager.stop())
    }

    /// What the pager needs to know of `page`; `bad_response` when it is no collection.
    fn info(&self, page: &JsValue) -> Result<PageInfo, Error> {
        let style = self.pager.style();
        let items = match (style, self.shape.and_then(Shape::required)) {
            (Style::Core, _) => Some(page.clone()).filter(Array::is_array),
            (Style::Rest, Some((key, _))) => Some(env::get(page, key)),
            // The first list at the top level: WordPress.com's lists have one (posts, media…).
            (Style::Rest, None) if page.is_object() && !Array::is_array(page) => {
                Object::values(page.unchecked_ref())
                    .iter()
                    .find(Array::is_array)
            }
            (Style::Rest, None) => None,
        };
        let items = items.filter(Array::is_array).ok_or_else(not_a_collection)?;
        let (found, next_page) = match style {
            Style::Rest => (
                with_seen(&env::get(page, "found"), paginate::found),
                with_seen(
                    &env::get(&env::get(page, "meta"), "next_page"),
                    paginate::handle,
                ),
            ),
            Style::Core => (None, None),
        };
        Ok(PageInfo {
            items: u64::from(items.unchecked_ref::<Array>().length()),
            found,
            next_page,
            total_pages: self.total_pages.get(),
        })
    }

    /// Ends the walk: later calls hand over nothing.
    #[cfg(feature = "rust-api")]
    pub fn stop(&mut self) {
        self.pager.stop();
    }
}

impl Walk for Pages {
    /// The JS surface's path: callbacks, no Rust future.
    fn next(slot: Rc<Cell<Option<Pages>>>, done: Done) {
        let Some(mut pages) = slot.take() else {
            return done(Err(busy()));
        };
        match pages.next_call() {
            Ok(Some(call)) => transport::send(
                call,
                Box::new(move |result| {
                    let mut pages = pages;
                    let page = pages.take(result);
                    slot.set(Some(pages));
                    done(page.map(|page| page.unwrap_or(JsValue::UNDEFINED)));
                }),
            ),
            outcome => {
                slot.set(Some(pages));
                done(outcome.map(|_| JsValue::UNDEFINED));
            }
        }
    }
}
