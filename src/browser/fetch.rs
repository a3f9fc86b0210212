//! The typed Rust API's HTTP, through gloo-net (the browser's `fetch`): the same request, time
//! limit, abort, outcome mapping and retry rule as the JS surface's transport
//! ([`super::transport`], one call into `send.js` per attempt, which keeps the npm package small).
//! `fetch` reports no upload progress, so [`Call::progress`] is not called here.

use super::env;
use super::transport::{aborted, aborted_error, outcome, retry_delay, Call, Kind, Payload};
use crate::core::text::cat;
use crate::core::{Error, Method};
use alloc::rc::Rc;
use alloc::string::String;
use core::cell::Cell;
use gloo_net::http::{Method as HttpMethod, RequestBuilder, Response};
use gloo_timers::callback::Timeout;
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::AbortController;

/// Sends `call`, retrying reads as its [`crate::core::retry::RetryPolicy`] allows; the parsed
/// JSON body of a 2xx answer, or the error.
pub(crate) async fn send(call: Call) -> Result<JsValue, Error> {
    let started = env::now_ms();
    let mut attempts = 0;
    loop {
        if aborted(call.signal.as_ref()) {
            return Err(aborted_error(attempts > 0));
        }
        let (error, retry_after) = match attempt(&call).await {
            Ok(value) => return Ok(value),
            Err(failure) => failure,
        };
        attempts += 1;
        match retry_delay(&call, attempts, started, &error, retry_after) {
            Some(ms) => TimeoutFuture::new(ms).await,
            None => return Err(error),
        }
    }
}

/// One attempt: its own `AbortController`, fired by the time limit or the caller's signal.
async fn attempt(call: &Call) -> Result<JsValue, (Error, Option<u32>)> {
    let Ok(controller) = AbortController::new() else {
        return outcome(call, Kind::Network, 0, JsValue::UNDEFINED, JsValue::NULL);
    };
    let timed_out = Rc::new(Cell::new(false));
    let limit = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        Timeout::new(call.timeout_ms, move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let relay = {
        let controller = controller.clone();
        Closure::<dyn FnMut()>::new(move || controller.abort())
    };
    if let Some(signal) = &call.signal {
        let _ = signal.add_event_listener_with_callback("abort", relay.as_ref().unchecked_ref());
    }
    let answer = request(call, &controller).await;
    limit.cancel();
    if let Some(signal) = &call.signal {
        let _ = signal.remove_event_listener_with_callback("abort", relay.as_ref().unchecked_ref());
    }
    let failed = if aborted(call.signal.as_ref()) {
        Kind::Aborted
    } else if timed_out.get() {
        Kind::TimedOut
    } else {
        Kind::Network
    };
    match answer {
        Some((response, Some(text))) if response.ok() => {
            let (kind, value) = match js_sys::JSON::parse(&text) {
                Ok(json) => (Kind::Parsed, json),
                Err(_) => (Kind::NotJson, JsValue::UNDEFINED),
            };
            let pages = response.headers().get("X-WP-TotalPages");
            let pages = pages.map_or(JsValue::NULL, |v| JsValue::from_str(&v));
            outcome(call, kind, response.status().into(), value, pages)
        }
        Some((response, Some(text))) => {
            // `fetch` reads only the headers the server exposes, and silently.
            let retry = response.headers().get("Retry-After");
            let retry = retry.map_or(JsValue::NULL, |v| JsValue::from_str(&v));
            let status = response.status().into();
            outcome(
                call,
                Kind::Answered,
                status,
                JsValue::from_str(&text),
                retry,
            )
        }
        _ => outcome(call, failed, 0, JsValue::UNDEFINED, JsValue::NULL),
    }
}

/// The response and its text; `None` (or no text) when either failed.
async fn request(call: &Call, controller: &AbortController) -> Option<(Response, Option<String>)> {
    let method = match call.method {
        Method::Get => HttpMethod::GET,
        // The wire method is GET or POST: the others travel as POST ?_method=….
        _ => HttpMethod::POST,
    };
    let signal = controller.signal();
    let mut builder = RequestBuilder::new(&call.url)
        .method(method)
        .abort_signal(Some(&signal));
    if let Some(token) = &call.bearer {
        builder = builder.header("Authorization", &cat(&["Bearer ", token]));
    }
    let request = match &call.body {
        Some(Payload::Json(body)) => builder
            .header("Content-Type", "application/json")
            .body(body.as_str()),
        // The browser sets the multipart Content-Type and its boundary.
        Some(Payload::Form(form)) => builder.body(form.clone()),
        None => builder.build(),
    };
    let response = request.ok()?.send().await.ok()?;
    let text = response.text().await.ok();
    Some((response, text))
}
