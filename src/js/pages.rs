//! The async iterables of `client.paginate()`, `client.posts()` and `client.comments()`: a
//! `Pager` class (one `next()` per page, over `browser::pages`) wrapped in an async generator
//! written in JavaScript (`src/js/pages.js`: Rust cannot name `Symbol.asyncIterator`).

use super::promise::promise;
use crate::browser::pages::Pages;
use crate::core::Error;
use alloc::rc::Rc;
use core::cell::RefCell;
use js_sys::Promise;
use wasm_bindgen::prelude::*;

/// One walk over a collection, driven by `src/js/pages.js` (not part of the typed surface).
#[wasm_bindgen(js_name = Pager, skip_typescript)]
pub struct JsPager {
    pages: Result<Rc<RefCell<Pages>>, RefCell<Option<Error>>>,
}

#[wasm_bindgen(js_class = Pager)]
impl JsPager {
    /// The next page, or `undefined` once the collection is read; rejects with the
    /// `WpcomError` that ends the walk (an argument refused before any request, on the first
    /// call).
    pub fn next(&self) -> Promise {
        match &self.pages {
            Ok(pages) => {
                let pages = pages.clone();
                promise(move |done| Pages::next(pages, done), None)
            }
            Err(error) => {
                let error = error.borrow_mut().take();
                promise(
                    move |done| done(error.map_or(Ok(JsValue::UNDEFINED), Err)),
                    None,
                )
            }
        }
    }
}

#[wasm_bindgen(module = "/src/js/pages.js")]
extern "C" {
    #[wasm_bindgen(js_name = wpcomPages)]
    fn wpcom_pages(pager: JsPager, key: Option<&str>) -> JsValue;
}

/// The async iterable over `pages` (or the error that refused them): the pages themselves, or
/// the items of each page's list `key`.
pub fn iterable(pages: Result<Pages, Error>, key: Option<&str>) -> JsValue {
    let pages = match pages {
        Ok(pages) => Ok(Rc::new(RefCell::new(pages))),
        Err(error) => Err(RefCell::new(Some(error))),
    };
    wpcom_pages(JsPager { pages }, key)
}
