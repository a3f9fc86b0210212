//! One HTTP call to WordPress.com: `fetch` with a bearer token, a time limit, the caller's
//! `AbortSignal`, JSON decoding with `JSON.parse`, and retries for reads only.
//!
//! Every failure comes back as an [`Error`], never a panic or a promise that never settles: a
//! rejected `fetch` (offline, DNS, a CORS refusal for an origin the app did not register) is
//! `network`, the time limit is `timeout`, the caller's signal is `aborted`.

use super::env;
use crate::core::error::ErrorItem;
use crate::core::retry::{is_retryable, next_delay, retry_after_with, RetryPolicy};
use crate::core::text::cat;
use crate::core::{Error, ErrorBody, ErrorCode, Method};
use alloc::boxed::Box;
use alloc::rc::Rc;
use alloc::string::String;
use core::cell::Cell;
use js_sys::Object;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{AbortController, AbortSignal};

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
    /// A JSON text to send as the body.
    pub body: Option<String>,
    /// The caller's signal.
    pub signal: Option<AbortSignal>,
    /// The time limit of each attempt, in milliseconds.
    pub timeout_ms: u32,
    /// How reads are retried.
    pub retry: RetryPolicy,
    /// How an error answer becomes an [`Error`].
    pub map_error: ErrorMapper,
}

/// What to do with the outcome of a call.
pub type Done = Box<dyn FnOnce(Result<JsValue, Error>)>;

/// Sends `call`, retrying reads as [`RetryPolicy`] allows; `done` gets the parsed JSON body or
/// the error, exactly once.
///
/// Each attempt is one JS promise: the wait before a retry, `fetch` and the body read are
/// chained in JS (`Promise.all([response, response.then(text)])`), and one Rust callback
/// handles its outcome (see [`env::on_settled`]).
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

/// Starts one attempt, after `delay` milliseconds, under its own `AbortController` which the
/// time limit and the caller's signal both trip through the controller's own bound `abort`
/// (a JS function: no Rust closure to keep alive).
fn attempt(sending: Rc<Sending>, delay: u32) {
    let call = &sending.call;
    if aborted(call.signal.as_ref()) {
        return sending.finish(Err(aborted_error(sending.attempts.get() > 0)));
    }
    let controller = AbortController::new().ok().map(JsValue::from);
    let abort = controller
        .as_ref()
        .and_then(|c| env::call(&env::get(c, "abort"), "bind", &[c]).ok());
    let (Some(controller), Some(abort)) = (controller, abort) else {
        return sending.finish(Err(env::unsupported("AbortController is not available")));
    };
    let timer = env::start_timer(abort.unchecked_ref(), f64::from(delay + call.timeout_ms));
    relay(call, "addEventListener", &abort);
    let sent = env::now_ms() + f64::from(delay);
    let exchanged = exchange(call, &env::get(&controller, "signal"), delay);
    env::on_settled(
        &exchanged,
        Box::new(move |exchanged| {
            env::cancel_timer(&timer);
            relay(&sending.call, "removeEventListener", &abort);
            let (error, retry_after) = match outcome(&sending.call, exchanged, sent) {
                Ok(value) => return sending.finish(Ok(value)),
                Err(failure) => failure,
            };
            let attempts = sending.attempts.get() + 1;
            sending.attempts.set(attempts);
            let call = &sending.call;
            let elapsed = (env::now_ms() - sending.started).max(0.0) as u32;
            let jitter = js_sys::Math::random();
            let next = next_delay(&call.retry, attempts, elapsed, jitter, retry_after)
                .filter(|_| is_retryable(call.method, &error));
            match next {
                Some(next) => attempt(sending, next),
                None => sending.finish(Err(error)),
            }
        }),
    );
}

/// `signal[method]("abort", abort)`: relays the caller's signal to the attempt's controller.
fn relay(call: &Call, method: &str, abort: &JsValue) {
    if let Some(signal) = &call.signal {
        let _ = env::call(signal, method, &[&JsValue::from_str("abort"), abort]);
    }
}

/// The promise of one attempt: after `delay` ms, `fetch`, then the whole body as text; it
/// resolves with `[response, text]`. The init is a plain object (no `Request`/`Headers`).
fn exchange(call: &Call, signal: &JsValue, delay: u32) -> JsValue {
    let init: JsValue = Object::new().into();
    let headers: JsValue = Object::new().into();
    env::set(&init, "method", &JsValue::from_str(call.method.as_str()));
    env::set(&init, "signal", signal);
    env::set(&init, "headers", &headers);
    if let Some(token) = &call.bearer {
        let value = JsValue::from_str(&cat(&["Bearer ", token]));
        env::set(&headers, "Authorization", &value);
    }
    if let Some(json) = &call.body {
        env::set(
            &headers,
            "Content-Type",
            &JsValue::from_str("application/json"),
        );
        env::set(&init, "body", &JsValue::from_str(json));
    }
    let global = env::global();
    let url = JsValue::from_str(&call.url);
    // `fetch.bind(undefined, url, init)`, run when the delay is over.
    let fetch = env::call(
        &env::get(&global, "fetch"),
        "bind",
        &[&JsValue::UNDEFINED, &url, &init],
    );
    // `Function.prototype.call.bind(Response.prototype.text)`: response => response.text().
    let text = env::get(
        &env::get(&env::get(&global, "Response"), "prototype"),
        "text",
    );
    let text_of = env::call(&env::get(&text, "call"), "bind", &[&text]);
    let promise = env::get(&global, "Promise");
    let chained = (|| {
        let (fetch, text_of) = (fetch.ok()?, text_of.ok()?);
        let response = if delay == 0 {
            env::invoke(&fetch, &[])
        } else {
            env::call(&env::delay(f64::from(delay)), "then", &[&fetch])
        }
        .ok()?;
        let body = env::call(&response, "then", &[&text_of]).ok()?;
        let both = js_sys::Array::of2(&response, &body);
        env::call(&promise, "all", &[&both]).ok()
    })();
    // A setup failure reads as a failed exchange (`network`).
    chained.unwrap_or_else(|| env::call(&promise, "reject", &[]).unwrap_or(JsValue::UNDEFINED))
}

/// The JSON of an attempt that got a 2xx answer, or its error and the server's `Retry-After`
/// in milliseconds. A failed exchange that lasted the whole time limit is a timeout.
fn outcome(
    call: &Call,
    exchanged: Result<JsValue, JsValue>,
    sent: f64,
) -> Result<JsValue, (Error, Option<u32>)> {
    let pair = exchanged.ok();
    let text = pair.as_ref().and_then(|p| env::get(p, "1").as_string());
    let (Some(pair), Some(text)) = (pair, text) else {
        let error = if aborted(call.signal.as_ref()) {
            aborted_error(true)
        } else if env::now_ms() - sent + 5.0 >= f64::from(call.timeout_ms) {
            // Timers may fire a millisecond early: a small tolerance.
            Error::new(ErrorCode::Timeout, "the request timed out").reached_server(true)
        } else {
            Error::new(
                ErrorCode::Network,
                "network error: offline, unreachable, or this origin is not allowed (CORS)",
            )
            .reached_server(true)
        };
        return Err((error, None));
    };
    let response = env::get(&pair, "0");
    let status = env::get(&response, "status").as_f64().unwrap_or(0.0) as u16;
    let json = js_sys::JSON::parse(&text).ok();
    if (200..300).contains(&status) {
        return json.ok_or_else(|| {
            let error = Error::new(ErrorCode::BadResponse, "the response is not valid JSON");
            (error.with_status(status).reached_server(true), None)
        });
    }
    let error = (call.map_error)(status, &text, json.as_ref().and_then(error_body));
    let retry_after = env::call(
        &env::get(&response, "headers"),
        "get",
        &[&JsValue::from_str("Retry-After")],
    )
    .ok()
    .and_then(|v| v.as_string())
    .and_then(|v| retry_after_with(&v, env::now_ms(), js_date));
    Err((error, retry_after))
}

/// Whether the caller's signal has fired.
fn aborted(signal: Option<&AbortSignal>) -> bool {
    signal.is_some_and(|s| env::get(s, "aborted").is_truthy())
}

/// `aborted`: the caller's signal fired; `sent` says whether the request had left.
fn aborted_error(sent: bool) -> Error {
    Error::new(ErrorCode::Aborted, "the request was aborted").reached_server(sent)
}

/// The error fields of a JSON error body, in every shape WordPress.com sends (read with
/// `Reflect`: strings only, as the core's lenient decoder would take them).
fn error_body(json: &JsValue) -> Option<ErrorBody> {
    if !json.is_object() {
        return None;
    }
    let text =
        |object: &JsValue, key: &str| env::get(object, key).as_string().filter(|s| !s.is_empty());
    // `errors[0]`: the key "0" reads an array's first item.
    let first = env::get(&env::get(json, "errors"), "0");
    let errors = first.is_object().then(|| ErrorItem {
        error: text(&first, "error"),
        message: text(&first, "message"),
    });
    Some(ErrorBody {
        error: text(json, "error"),
        code: text(json, "code"),
        message: text(json, "message"),
        error_description: text(json, "error_description"),
        error_message: text(json, "error_message"),
        errors: errors.into_iter().collect(),
    })
}

/// `Date.parse(text)`, `None` for what it cannot read.
fn js_date(text: &str) -> Option<f64> {
    Some(js_sys::Date::parse(text)).filter(|ms| !ms.is_nan())
}
