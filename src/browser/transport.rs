//! One HTTP call to WordPress.com: `XMLHttpRequest` (or `fetch` where there is none) with a
//! bearer token, a time limit, the caller's `AbortSignal`, JSON decoding with `JSON.parse`, and
//! retries for reads only.
//!
//! Every failure comes back as an [`Error`], never a panic or a promise that never settles: a
//! failed request (offline, DNS, a CORS refusal for an origin the app did not register) is
//! `network`, the time limit is `timeout`, the caller's signal is `aborted`.

use super::env;
use super::normalise::with_seen;
use crate::core::envelope::Envelope;
use crate::core::paginate::total_pages;
use crate::core::retry::{is_retryable, next_delay, parse_retry_after, RetryPolicy};
use crate::core::text::cat;
use crate::core::{Error, ErrorBody, ErrorCode, Method};
use alloc::rc::Rc;
use alloc::string::String;
use core::cell::Cell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::AbortSignal;

/// Default time limit of one attempt, in milliseconds.
pub const DEFAULT_TIMEOUT_MS: u32 = 30_000;

/// Maps a non-2xx answer (status, raw body, decoded error body) to an error.
pub type ErrorMapper = fn(u16, &str, Option<ErrorBody>) -> Error;

/// A request to send, with how to send it.
pub struct Call {
    /// GET or POST.
    pub method: Method,
    /// The full URL, query included.
    pub url: String,
    /// The access token for `Authorization: Bearer`, if any.
    pub bearer: Option<String>,
    /// What to send as the body.
    pub body: Option<Payload>,
    /// `onProgress({ loaded, total })` of an upload: called with the bytes of the request body
    /// sent so far, by `XMLHttpRequest`'s upload events (no other transport reports them).
    pub progress: Option<JsValue>,
    /// The caller's signal.
    pub signal: Option<AbortSignal>,
    /// The time limit of each attempt, in milliseconds.
    pub timeout_ms: u32,
    /// How reads are retried.
    pub retry: RetryPolicy,
    /// How an error answer becomes an [`Error`].
    pub map_error: ErrorMapper,
    /// The envelope the query asked for (`http_envelope=1`, `_envelope`): a failure inside one
    /// is an error like the same answer without it.
    pub envelope: Option<Envelope>,
    /// For a page of a collection: where a 2xx answer's `X-WP-TotalPages` goes (from the header
    /// when the server exposes it, or from the envelope); an envelope's body then comes back
    /// unwrapped.
    pub total_pages: Option<Rc<Cell<Option<u64>>>>,
}

/// A request body.
#[derive(Clone, Debug)]
pub enum Payload {
    /// A JSON text, sent with `Content-Type: application/json`.
    Json(String),
    /// A `FormData`, sent as `multipart/form-data` with the `Content-Type` (and boundary) the
    /// browser sets: no header is added, so an upload needs no CORS preflight beyond
    /// `Authorization`'s.
    Form(JsValue),
}

impl Payload {
    /// The body as the JS transport takes it: a string or a `FormData`.
    fn to_js(&self) -> JsValue {
        match self {
            Payload::Json(text) => JsValue::from_str(text),
            Payload::Form(form) => form.clone(),
        }
    }
}

pub use super::Done;

/// Sends `call`, retrying reads as [`RetryPolicy`] allows; `done` gets the parsed JSON body or
/// the error, exactly once.
///
/// Each attempt is one call into JS and one Rust callback: every crossing between wasm and JS
/// costs time, and a call to a local server is only a few milliseconds.
pub fn send(call: Call, done: Done) {
    let sending = Rc::new(Sending {
        call,
        started: env::now_ms(),
        attempts: Cell::new(0),
        done: Cell::new(Some(done)),
    });
    attempt(sending, 0);
}

/// A call in flight.
struct Sending {
    call: Call,
    started: f64,
    /// Attempts that failed so far.
    attempts: Cell<u32>,
    done: Cell<Option<Done>>,
}

impl Sending {
    /// Hands the outcome over (once).
    fn finish(&self, result: Result<JsValue, Error>) {
        if let Some(done) = self.done.take() {
            done(result);
        }
    }
}

#[wasm_bindgen(module = "/src/browser/send.js")]
extern "C" {
    // The whole attempt in one call into JS: see send.js.
    #[wasm_bindgen(js_name = wpcomSend)]
    #[allow(clippy::too_many_arguments)]
    fn wpcom_send(
        url: &str,
        method: &str,
        auth: Option<String>,
        body: &JsValue,
        ms: u32,
        signal: &JsValue,
        delay: u32,
        progress: &JsValue,
        done: JsValue,
    );
}

/// What `send.js` reports an attempt ended with (its `kind` argument, named the same there).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A 2xx answer, its JSON parsed (`value`).
    Parsed,
    /// Any other answer (`value` is its text).
    Answered,
    /// The attempt's time limit passed.
    TimedOut,
    /// The caller's signal fired.
    Aborted,
    /// No answer: offline, DNS, a CORS refusal.
    Network,
    /// A 2xx answer that is not JSON.
    NotJson,
}

impl Kind {
    /// The kind `send.js` numbered `n` (`PARSED = 0` … `NOT_JSON = 5`); an unknown number is
    /// a failed request.
    pub(crate) fn from_js(n: u32) -> Kind {
        match n {
            0 => Kind::Parsed,
            1 => Kind::Answered,
            2 => Kind::TimedOut,
            3 => Kind::Aborted,
            5 => Kind::NotJson,
            _ => Kind::Network,
        }
    }
}

/// Starts one attempt, after `delay` milliseconds: one call into JS (`send.js`), which uses
/// `XMLHttpRequest` where it exists and `fetch` elsewhere, applies the time limit and the
/// caller's signal, parses the JSON and calls back once.
fn attempt(sending: Rc<Sending>, delay: u32) {
    let call = &sending.call;
    if aborted(call.signal.as_ref()) {
        return sending.finish(Err(aborted_error(sending.attempts.get() > 0)));
    }
    let auth = call.bearer.as_ref().map(|token| cat(&["Bearer ", token]));
    let undefined = JsValue::UNDEFINED;
    let signal = call.signal.as_ref().map_or(&undefined, |s| s.as_ref());
    let progress = call.progress.as_ref().unwrap_or(&undefined);
    let body = call
        .body
        .as_ref()
        .map_or(JsValue::UNDEFINED, Payload::to_js);
    let (url, method, ms) = (&call.url, call.method.as_str(), call.timeout_ms);
    let this = sending.clone();
    let done = Closure::once_into_js(
        move |kind: u32, status: u32, value: JsValue, header: JsValue| {
            let sending = this;
            let outcome = outcome(&sending.call, Kind::from_js(kind), status, value, header);
            let (error, retry_after) = match outcome {
                Ok(value) => return sending.finish(Ok(value)),
                Err(failure) => failure,
            };
            let attempts = sending.attempts.get() + 1;
            sending.attempts.set(attempts);
            match retry_delay(
                &sending.call,
                attempts,
                sending.started,
                &error,
                retry_after,
            ) {
                Some(next) => attempt(sending, next),
                None => sending.finish(Err(error)),
            }
        },
    );
    wpcom_send(url, method, auth, &body, ms, signal, delay, progress, done);
}

/// The wait before the next attempt of `call`, after `attempts` failed ones (the last with
/// `error`) since `started`; `None` when it must not be retried (a write, an error that will not
/// change, or the attempts or time budget spent).
pub(crate) fn retry_delay(
    call: &Call,
    attempts: u32,
    started: f64,
    error: &Error,
    retry_after: Option<u32>,
) -> Option<u32> {
    let elapsed = (env::now_ms() - started).max(0.0) as u32;
    let jitter = js_sys::Math::random();
    next_delay(&call.retry, attempts, elapsed, jitter, retry_after)
        .filter(|_| is_retryable(call.method, error))
}

/// The JSON of an attempt that got a 2xx answer, or its error and the server's `Retry-After`
/// in milliseconds. `header` is the answer's `Retry-After` (an error) or `X-WP-TotalPages` (a
/// 2xx answer) when the server exposes it to the page, else `null`.
pub(crate) fn outcome(
    call: &Call,
    kind: Kind,
    status: u32,
    value: JsValue,
    header: JsValue,
) -> Result<JsValue, (Error, Option<u32>)> {
    let status = status as u16;
    let error = match kind {
        // A 2xx answer can be an error all the same: WordPress.com has answered `/me` with
        // `200 {"error":"authorization_required",…}`, and an envelope holds the real status.
        // Judged before anything reads the body.
        Kind::Parsed => {
            let opened = call.envelope.and_then(|envelope| open(envelope, &value));
            let (status, body) = match &opened {
                Some((status, body)) => (*status, body),
                None => (status, &value),
            };
            let has_error = env::get(body, "error")
                .as_string()
                .is_some_and(|e| !e.is_empty());
            if has_error || !(200..300).contains(&status) {
                (call.map_error)(status, "", error_body(body))
            } else {
                let Some(slot) = &call.total_pages else {
                    return Ok(value);
                };
                let header = header.as_string();
                let from_envelope = || envelope_total_pages(call.envelope?, &value);
                slot.set(
                    header
                        .as_deref()
                        .and_then(total_pages)
                        .or_else(from_envelope),
                );
                return Ok(opened.map_or(value, |(_, body)| body));
            }
        }
        Kind::Answered => {
            let text = value.as_string().unwrap_or_default();
            let json = js_sys::JSON::parse(&text).ok();
            let error = (call.map_error)(status, &text, json.as_ref().and_then(error_body));
            let retry_after = header
                .as_string()
                .and_then(|v| parse_retry_after(&v, env::now_ms(), js_date));
            return Err((error, retry_after));
        }
        Kind::TimedOut => {
            Error::new(ErrorCode::Timeout, "the request timed out").reached_server(true)
        }
        Kind::Aborted => aborted_error(true),
        Kind::NotJson => Error::new(ErrorCode::BadResponse, "the response is not valid JSON")
            .with_status(status)
            .reached_server(true),
        Kind::Network => Error::new(
            ErrorCode::Network,
            "network error: offline, unreachable, or this origin is not allowed (CORS)",
        )
        .reached_server(true),
    };
    Err((error, None))
}

/// The real status and body of an `envelope` answer; `None` when `value` is not one (no status
/// where the envelope keeps it): it is then read as is.
fn open(envelope: Envelope, value: &JsValue) -> Option<(u16, JsValue)> {
    let status = with_seen(&env::get(value, envelope.status_key()), Envelope::status)?;
    Some((status, env::get(value, "body")))
}

/// `X-WP-TotalPages` inside an envelope: core's headers object, or WordPress.com's list of
/// `{name, value}`; names in any case.
fn envelope_total_pages(envelope: Envelope, value: &JsValue) -> Option<u64> {
    let headers = env::get(value, "headers");
    let named = |name: &JsValue| {
        name.as_string()
            .is_some_and(|n| n.eq_ignore_ascii_case("X-WP-TotalPages"))
    };
    let found = match envelope {
        Envelope::Core if headers.is_object() => {
            js_sys::Object::keys(headers.unchecked_ref::<js_sys::Object>())
                .iter()
                .find(|key| named(key))
                .map(|key| env::get(&headers, &key.as_string().unwrap_or_default()))
        }
        Envelope::Http if js_sys::Array::is_array(&headers) => headers
            .unchecked_ref::<js_sys::Array>()
            .iter()
            .find(|header| named(&env::get(header, "name")))
            .map(|header| env::get(&header, "value")),
        _ => None,
    }?;
    // A count like `found`: a whole number, or its digits.
    with_seen(&found, crate::core::paginate::found)
}

/// Whether the caller's signal has fired.
pub(crate) fn aborted(signal: Option<&AbortSignal>) -> bool {
    signal.is_some_and(|s| env::get(s, "aborted").is_truthy())
}

/// `aborted`: the caller's signal fired; `sent` says whether the request had left.
pub(crate) fn aborted_error(sent: bool) -> Error {
    Error::new(ErrorCode::Aborted, "the request was aborted").reached_server(sent)
}

/// The error fields of a JSON error body, read with `Reflect` (strings only) for
/// [`ErrorBody::read`], which decides what counts.
fn error_body(json: &JsValue) -> Option<ErrorBody> {
    if !json.is_object() {
        return None;
    }
    let text = |object: &JsValue, key: &str| env::get(object, key).as_string();
    // `errors[0]`: the key "0" reads an array's first item.
    let first = env::get(&env::get(json, "errors"), "0");
    Some(ErrorBody::read(
        |key| text(json, key),
        |key| text(&first, key),
    ))
}

/// `Date.parse(text)`, `None` for what it cannot read.
fn js_date(text: &str) -> Option<f64> {
    Some(js_sys::Date::parse(text)).filter(|ms| !ms.is_nan())
}
