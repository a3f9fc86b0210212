//! A WordPress site's collection read page by page (`SiteClient.paginate()`, `posts()`): the
//! core's [`Pager`] in core's style (`page`, `per_page`, `X-WP-TotalPages`, a page past the
//! last ending the walk), one request per page through the [`SiteClient`], each page handed
//! over as `{ items, page, total, totalPages }`.
//!
//! Nothing is fetched before it is asked for: a caller that stops asking stops the requests.

use super::super::env;
use super::super::pages::{busy, Walk};
use super::super::Done;
use super::client::{page_of, Body, SiteClient};
use crate::core::paginate::{PageInfo, Pager, Style};
use crate::core::site::calls::split_site_path;
use crate::core::{Error, Method};
use alloc::boxed::Box;
use alloc::rc::Rc;
use alloc::string::String;
use core::cell::Cell;
use js_sys::Array;
use wasm_bindgen::JsValue;

/// A walk over one collection of a site.
#[derive(Debug)]
pub struct SitePages {
    client: SiteClient,
    /// The collection's route under the API root, without a query.
    route: String,
    pager: Pager,
}

impl SitePages {
    /// A walk over the collection at `path` (the grammar of
    /// [`crate::core::site::calls::build_site_call`]) with `query` (its `page`, else the first,
    /// is where the walk starts; its `per_page`, 1–100, the page size); the `client` carries the
    /// signal. `not_signed_in` without credentials; `invalid_config` for a path the grammar
    /// refuses, a key both in the path and in `query`, or an `offset`.
    pub fn new(
        client: SiteClient,
        path: &str,
        query: &[(String, String)],
    ) -> Result<SitePages, Error> {
        let (route, query) = split_site_path(&client.api_root()?, path, query)?;
        let pager = Pager::with_style(Style::Core, &query)?;
        Ok(SitePages {
            client,
            route,
            pager,
        })
    }

    /// Ends the walk: later calls hand over nothing.
    #[cfg(feature = "rust-api")]
    pub fn stop(&mut self) {
        self.pager.stop();
    }

    /// Reads the answer to the last request: the page to hand over, `None` when the collection
    /// ended with it, or the error (the pager stops on any).
    fn take(&mut self, result: Result<JsValue, Error>) -> Result<Option<JsValue>, Error> {
        let page = match result {
            Ok(page) => page,
            Err(error) if self.pager.ends_with(&error) => return Ok(None),
            Err(error) => return Err(error),
        };
        let items = env::get(&page, "items");
        let info = PageInfo {
            items: u64::from(Array::from(&items).length()),
            total_pages: env::get(&page, "totalPages").as_f64().map(|n| n as u64),
            ..PageInfo::default()
        };
        Ok(self.pager.read(&info).then_some(page))
    }
}

impl Walk for SitePages {
    fn next(slot: Rc<Cell<Option<SitePages>>>, done: Done) {
        let Some(mut pages) = slot.take() else {
            return done(Err(busy()));
        };
        let Some(query) = pages.pager.next_query() else {
            slot.set(Some(pages));
            return done(Ok(JsValue::UNDEFINED));
        };
        let (client, number) = (pages.client.clone(), pages.pager.page());
        let route = pages.route.clone();
        let read = move |answer| page_of(answer, number);
        let done = client.watch(done);
        client.send(
            Method::Get,
            &route,
            &query,
            Body::None,
            read,
            Box::new(move |result| {
                let page = pages.take(result);
                slot.set(Some(pages));
                done(page.map(|page| page.unwrap_or(JsValue::UNDEFINED)));
            }),
        );
    }
}
