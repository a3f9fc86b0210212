//! The async iterables of `client.paginate()`, `client.posts()`, `client.comments()` and
//! `siteClient.paginate()`/`posts()`: a `Pager` class (one `next()` per page, over any
//! [`Walk`]) wrapped in an async generator written in JavaScript (`src/js/pages.js`: Rust
//! cannot name `Symbol.asyncIterator`).

use super::promise::promise;
use crate::browser::pages::{Pages, Walk};
use crate::browser::Done;
use crate::core::Error;
use alloc::rc::Rc;
use core::cell::Cell;
use js_sys::Promise;
use wasm_bindgen::prelude::*;

/// One walk over a collection, driven by `src/js/pages.js` (not part of the typed surface).
#[wasm_bindgen(js_name = Pager, skip_typescript)]
pub struct JsPager {
    /// Asks the walk for its next page.
    next: Rc<dyn Fn(Done)>,
    /// What refused the walk before any request, handed over by the first `next()`.
    refused: Cell<Option<Error>>,
}

#[wasm_bindgen(js_class = Pager)]
impl JsPager {
    /// The next page, or `undefined` once the collection is read; rejects with the
    /// `WpcomError` that ends the walk (an argument refused before any request, on the first
    /// call).
    pub fn next(&self) -> Promise {
        let (next, refused) = (self.next.clone(), self.refused.take());
        promise(
            move |done| match refused {
                Some(error) => done(Err(error)),
                None => next(done),
            },
            None,
        )
    }
}

#[wasm_bindgen(module = "/src/js/pages.js")]
extern "C" {
    #[wasm_bindgen(js_name = wpcomPages)]
    fn wpcom_pages(pager: JsPager, key: Option<&str>) -> JsValue;
    #[wasm_bindgen(js_name = wpcomPostsList)]
    fn wpcom_posts_list(pager: JsPager) -> Promise;
    #[wasm_bindgen(js_name = wpcomFirstPage)]
    fn wpcom_first_page(pager: JsPager) -> Promise;
}

/// The async iterable over `pages` (or the error that refused them): the pages themselves, or
/// the items of each page's list `key`.
pub fn iterable<W: Walk>(pages: Result<W, Error>, key: Option<&str>) -> JsValue {
    wpcom_pages(pager(pages), key)
}

/// The first page of `pages` as it is handed over (`siteClient.list()`).
pub fn first<W: Walk>(pages: Result<W, Error>) -> Promise {
    wpcom_first_page(pager(pages))
}

/// `{ found, posts, nextPage }` of the first page of `pages`, a walk over posts.
pub fn posts_list(pages: Result<Pages, Error>) -> Promise {
    wpcom_posts_list(pager(pages))
}

/// The `Pager` of `pages`, or of the error that refused them.
fn pager<W: Walk>(pages: Result<W, Error>) -> JsPager {
    let (pages, refused) = match pages {
        Ok(pages) => (Some(pages), None),
        Err(error) => (None, Some(error)),
    };
    let slot = Rc::new(Cell::new(pages));
    JsPager {
        next: Rc::new(move |done| W::next(slot.clone(), done)),
        refused: Cell::new(refused),
    }
}
