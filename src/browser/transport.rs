//! One HTTP call to WordPress.com: `fetch` with a bearer token, a time limit, the caller's
//! `AbortSignal`, JSON decoding with `JSON.parse`, and retries for reads only.
//!
//! Every failure comes back as an [`Error`], never a panic or a promise that never settles: a
//! rejected `fetch` (offline, DNS, a CORS refusal for an origin the app did not register) is
//! `network`, the time limit is `timeout`, the caller's signal is `aborted`.

use alloc::{string::String, boxed::Box};
use super::env;
use crate::core::retry::{is_retryable, next_delay, parse_retry_after, RetryPolicy};
use crate::core::error::ErrorItem;
use crate::core::{Error, ErrorBody, ErrorCode, Method};
use core::cell::Cell;
use alloc::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, Headers, Request, RequestInit, Response};

#[wasm_bindgen]
extern "C" {
    // The global `fetch`, present in pages and workers alike (no Window/Worker branch).
    fn fetch(request: &Request) -> js_sys::Promise;
}

/// Default time limit of one attempt, in milliseconds.
pub const DEFAULT_TIMEOUT_MS: u32 = 30_000;

/// Maps a non-2xx answer (status, raw body, decoded error body) to an error.
pub type ErrorMapper = fn(u16, &str, Option<ErrorBody>) -> Error;

/// A request to send.
pub struct Call<'a> {
    /// GET or POST.
    pub method: Method,
    /// The full URL, query included.
    pub url: &'a str,
    /// The access token for `Authorization: Bearer`, if any.
    pub bearer: Option<&'a str>,
    /// A JSON text to send as the body.
    pub body: Option<&'a str>,
    /// The caller's signal.
    pub signal: Option<&'a AbortSignal>,
    /// The time limit of each attempt, in milliseconds.
    pub timeout_ms: u32,
    /// How reads are retried.
    pub retry: &'a RetryPolicy,
    /// How an error answer becomes an [`Error`].
    pub map_error: ErrorMapper,
}

/// An attempt's failure and the server's `Retry-After`, in milliseconds, if it sent one.
type Failure = (Error, Option<u32>);

/// Sends `call`, retrying reads as [`RetryPolicy`] allows, and returns the parsed JSON body.
pub async fn send(call: &Call<'_>) -> Result<JsValue, Error> {
    let started = env::now_ms();
    let mut attempt: u32 = 0;
    loop {
        let (error, retry_after) = match send_once(call).await {
            Ok(value) => return Ok(value),
            Err(failure) => failure,
        };
        attempt += 1;
        if !is_retryable(call.method, &error) {
            return Err(error);
        }
        let elapsed = (env::now_ms() - started).max(0.0) as u32;
        let jitter = js_sys::Math::random();
        let Some(delay) = next_delay(call.retry, attempt, elapsed, jitter, retry_after) else {
            return Err(error);
        };
        env::sleep(f64::from(delay)).await;
        if call.signal.is_some_and(AbortSignal::aborted) {
            return Err(aborted(true));
        }
    }
}

/// One attempt under its own `AbortController`, which the time limit and the caller's signal
/// both trip; the flags tell afterwards which of them it was.
async fn send_once(call: &Call<'_>) -> Result<JsValue, Failure> {
    if call.signal.is_some_and(AbortSignal::aborted) {
        return Err((aborted(false), None));
    }
    let controller = AbortController::new()
        .map_err(|_| (env::unsupported("AbortController is not available"), None))?;

    let timed_out = Rc::new(Cell::new(false));
    let on_timeout = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        Closure::wrap(Box::new(move || {
            timed_out.set(true);
            controller.abort();
        }) as Box<dyn FnMut()>)
    };
    let timer = env::start_timer(
        on_timeout.as_ref().unchecked_ref(),
        f64::from(call.timeout_ms),
    );

    let relay = call.signal.map(|signal| {
        let controller = controller.clone();
        let relay = Closure::wrap(Box::new(move || controller.abort()) as Box<dyn FnMut()>);
        let _ = signal.add_event_listener_with_callback("abort", relay.as_ref().unchecked_ref());
        (signal, relay)
    });

    let outcome = exchange(call, &controller.signal()).await;

    // Both callbacks are unhooked before their closures drop, so neither can fire dead.
    env::cancel_timer(&timer);
    if let Some((signal, relay)) = &relay {
        let _ = signal.remove_event_listener_with_callback("abort", relay.as_ref().unchecked_ref());
    }
    drop(on_timeout);
    drop(relay);

    let (response, text) = match outcome {
        Ok(ok) => ok,
        Err(()) if timed_out.get() => return Err((timeout(), None)),
        Err(()) if call.signal.is_some_and(AbortSignal::aborted) => {
            return Err((aborted(true), None))
        }
        Err(()) => return Err((network(), None)),
    };
    decode(call, &response, &text)
}

/// Sends the request and reads the whole body; `Err(())` when `fetch` or the body read failed.
async fn exchange(call: &Call<'_>, signal: &AbortSignal) -> Result<(Response, String), ()> {
    let headers = Headers::new().map_err(drop)?;
    if let Some(token) = call.bearer {
        let mut value = String::with_capacity(7 + token.len());
        value.push_str("Bearer ");
        value.push_str(token);
        headers.set("Authorization", &value).map_err(drop)?;
    }
    let init = RequestInit::new();
    init.set_method(call.method.as_str());
    init.set_signal(Some(signal));
    if let Some(json) = call.body {
        headers
            .set("Content-Type", "application/json")
            .map_err(drop)?;
        init.set_body(&JsValue::from_str(json));
    }
    init.set_headers(&headers);
    let request = Request::new_with_str_and_init(call.url, &init).map_err(drop)?;
    let response: Response = JsFuture::from(fetch(&request))
        .await
        .map_err(drop)?
        .unchecked_into();
    let text = JsFuture::from(response.text().map_err(drop)?)
        .await
        .map_err(drop)?;
    Ok((response, text.as_string().unwrap_or_default()))
}

/// A 2xx body parsed as JSON, or the mapped error of any other status.
fn decode(call: &Call<'_>, response: &Response, text: &str) -> Result<JsValue, Failure> {
    let status = response.status();
    let json = js_sys::JSON::parse(text).ok();
    if (200..300).contains(&status) {
        return json.ok_or_else(|| {
            let error = Error::new(ErrorCode::BadResponse, "the response is not valid JSON");
            (error.with_status(status).reached_server(true), None)
        });
    }
    let body = json.as_ref().and_then(error_body);
    let error = (call.map_error)(status, text, body);
    let retry_after = response
        .headers()
        .get("Retry-After")
        .ok()
        .flatten()
        .and_then(|v| parse_retry_after(&v, env::now_ms()));
    Err((error, retry_after))
}

/// The error fields of a JSON error body, in every shape WordPress.com sends (read with
/// `Reflect`: strings only, as the core's lenient decoder would take them).
fn error_body(json: &JsValue) -> Option<ErrorBody> {
    if !json.is_object() {
        return None;
    }
    let text = |object: &JsValue, key: &str| {
        js_sys::Reflect::get(object, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_string())
            .filter(|s| !s.is_empty())
    };
    let errors = js_sys::Reflect::get(json, &JsValue::from_str("errors"))
        .ok()
        .filter(js_sys::Array::is_array)
        .and_then(|items| js_sys::Reflect::get_u32(&items, 0).ok())
        .filter(JsValue::is_object)
        .map(|first| ErrorItem {
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

/// `network`: no response at all. The request may still have reached the server.
fn network() -> Error {
    Error::new(
        ErrorCode::Network,
        "network error: offline, unreachable, or this origin is not allowed (CORS)",
    )
    .reached_server(true)
}

/// `timeout`: the attempt ran past its time limit.
fn timeout() -> Error {
    Error::new(ErrorCode::Timeout, "the request timed out").reached_server(true)
}

/// `aborted`: the caller's signal fired; `sent` says whether the request had left.
fn aborted(sent: bool) -> Error {
    Error::new(ErrorCode::Aborted, "the request was aborted").reached_server(sent)
}
