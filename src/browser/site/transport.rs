//! One call to a WordPress site: the WordPress.com transport's outcome mapping, time limit,
//! abort and retry rule ([`super::super::transport`]), over `fetch` with `credentials: 'omit'`,
//! an `Authorization: Basic` header, a JSON or raw body, and the paging headers read back.

use super::super::env;
use super::super::transport::{aborted, aborted_error, outcome, retry_delay, Call, Kind};
use super::super::Done;
use crate::core::paginate::total_pages;
use crate::core::Error;
use alloc::rc::Rc;
use alloc::string::String;
use core::cell::Cell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

#[wasm_bindgen(module = "/src/browser/site/send.js")]
extern "C" {
    #[wasm_bindgen(js_name = wpcomSiteSend)]
    #[allow(clippy::too_many_arguments)]
    fn wpcom_site_send(
        url: &str,
        method: &str,
        auth: Option<String>,
        body: &JsValue,
        content_type: Option<String>,
        disposition: Option<String>,
        ms: u32,
        signal: &JsValue,
        delay: u32,
        done: JsValue,
    );
}

/// A request to a site.
pub struct SiteCall {
    /// Method (GET or POST on the wire), URL, signal, time limit, retry rule, error mapper. Its
    /// `bearer` and `body` are unused.
    pub call: Call,
    /// The `Authorization` header (`Basic …`), if any.
    pub authorization: Option<String>,
    /// `undefined`, a JSON text, or raw bytes (`Blob`, `ArrayBuffer`, a typed array).
    pub body: JsValue,
    /// The body's `Content-Type`.
    pub content_type: Option<String>,
    /// The `Content-Disposition` of a media upload.
    pub disposition: Option<String>,
}

/// A 2xx answer: its JSON, and the headers the site exposed.
#[derive(Clone, Debug)]
pub struct Answer {
    /// The parsed JSON body.
    pub value: JsValue,
    /// `X-WP-Total`: the items of a collection, all pages together.
    pub total: Option<u64>,
    /// `X-WP-TotalPages`.
    pub total_pages: Option<u64>,
    /// `Link`.
    pub link: Option<String>,
}

/// A call in flight.
struct Sending {
    call: SiteCall,
    started: f64,
    attempts: Cell<u32>,
    done: Cell<Option<Done<Answer>>>,
}

impl Sending {
    fn finish(&self, result: Result<Answer, Error>) {
        if let Some(done) = self.done.take() {
            done(result);
        }
    }
}

/// Sends `call`, retrying reads as its policy allows; `done` gets the answer or the error,
/// exactly once.
pub fn send(call: SiteCall, done: Done<Answer>) {
    attempt(
        Rc::new(Sending {
            call,
            started: env::now_ms(),
            attempts: Cell::new(0),
            done: Cell::new(Some(done)),
        }),
        0,
    );
}

/// One attempt after `delay` ms.
fn attempt(sending: Rc<Sending>, delay: u32) {
    let site = &sending.call;
    if aborted(site.call.signal.as_ref()) {
        return sending.finish(Err(aborted_error(sending.attempts.get() > 0)));
    }
    let undefined = JsValue::UNDEFINED;
    let signal = site.call.signal.as_ref().map_or(&undefined, |s| s.as_ref());
    let this = sending.clone();
    let done = Closure::once_into_js(
        move |kind: u32, status: u32, value: JsValue, headers: JsValue| {
            let sending = this;
            let header = |i: &str| env::get(&headers, i).as_string();
            let retry = env::get(&headers, "0");
            let result = outcome(
                &sending.call.call,
                Kind::from_js(kind),
                status,
                value,
                retry,
            );
            let (error, retry_after) = match result {
                Ok(value) => {
                    return sending.finish(Ok(Answer {
                        value,
                        total: header("1").as_deref().and_then(total_pages),
                        total_pages: header("2").as_deref().and_then(total_pages),
                        link: header("3"),
                    }))
                }
                Err(failure) => failure,
            };
            let attempts = sending.attempts.get() + 1;
            sending.attempts.set(attempts);
            let call = &sending.call.call;
            match retry_delay(call, attempts, sending.started, &error, retry_after) {
                Some(next) => attempt(sending, next),
                None => sending.finish(Err(error)),
            }
        },
    );
    wpcom_site_send(
        &site.call.url,
        site.call.method.as_str(),
        site.authorization.clone(),
        &site.body,
        site.content_type.clone(),
        site.disposition.clone(),
        site.call.timeout_ms,
        signal,
        delay,
        done,
    );
}
