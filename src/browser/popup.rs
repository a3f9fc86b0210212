//! Signing in in a popup window: [`Auth::sign_in_with_popup_then`] (OAuth) and
//! `SiteAuth::sign_in_with_popup_then` (an application password), one runner for both.
//!
//! The window is opened synchronously, inside the call, so a click handler keeps its user
//! gesture and popup blockers let it through. The callback page (`popupCallback()`, the
//! package's `callback.html`) forwards the URL it landed on; `popup.js` listens for it from the
//! popup itself on this origin and on a same-origin `BroadcastChannel`, and this module takes
//! only the answer to the popup's own authorize URL ([`answers_sign_in`]), then completes it
//! with [`Auth::handle_redirect`]: the same parser and state check as the redirect flow.
//!
//! # Cross-Origin-Opener-Policy
//! A page that sends `Cross-Origin-Opener-Policy: same-origin` loses its popup as soon as the
//! popup shows WordPress.com: `popup.closed` reads `true` and `popup.close()` does nothing. The
//! answer still arrives over the channel; but a popup the user closes is not noticed there, so
//! the sign-in ends with the answer, the time limit ([`PopupOptions::timeout_ms`]) or the
//! caller's signal. `popup.js` tells the two cases apart by asking its own page's COOP header
//! (one `HEAD` request, the first time a popup reads as closed).

use super::auth::Auth;
use super::env;
use super::transport::{aborted, aborted_error, Done};
use crate::core::error::popup_closed;
use crate::core::{answers_sign_in, Error, ErrorCode, Token};
use alloc::boxed::Box;
use alloc::string::String;
use core::cell::Cell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;
use web_sys::AbortSignal;

/// The default time limit of a popup sign-in, in milliseconds: 5 minutes, long enough to log
/// in with two-step authentication and shorter than a state's 10-minute life. Under COOP it is
/// also how long a popup the user closed goes unnoticed: pass a signal to end it sooner.
pub const DEFAULT_POPUP_TIMEOUT_MS: u32 = 300_000;

/// The popup's window name: a second sign-in reuses the window of the first.
const WINDOW_NAME: &str = "wpcom-wasm-sign-in";
/// The popup's size (`popup` asks for a window without toolbars).
const FEATURES: &str = "popup,width=520,height=720";

/// Options of [`Auth::sign_in_with_popup_then`].
#[derive(Clone, Debug, Default)]
pub struct PopupOptions {
    /// Aborting it rejects with `aborted` and closes the popup.
    pub signal: Option<AbortSignal>,
    /// The time limit in milliseconds; `None` for [`DEFAULT_POPUP_TIMEOUT_MS`].
    pub timeout_ms: Option<u32>,
}

#[wasm_bindgen(module = "/src/browser/popup.js")]
extern "C" {
    #[wasm_bindgen(js_name = wpcomWatchPopup)]
    fn watch_popup(popup: &JsValue, ms: u32, signal: &JsValue, report: &JsValue);
}

/// What `popup.js` reports (its `kind` argument, named the same there).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Event {
    /// A callback URL, from the popup or the channel.
    Answer,
    /// The popup was closed.
    Closed,
    /// The time limit passed.
    TimedOut,
    /// The caller's signal fired.
    Aborted,
}

impl Event {
    /// The event `popup.js` numbered `n` (`ANSWER = 0` … `ABORTED = 3`).
    fn from_js(n: u32) -> Event {
        match n {
            0 => Event::Answer,
            1 => Event::Closed,
            2 => Event::TimedOut,
            _ => Event::Aborted,
        }
    }
}

impl Auth {
    /// Signs in in a popup: opens WordPress.com's authorize page in a new window before this
    /// returns, then calls `done` once with the token (stored, as by
    /// [`Auth::handle_redirect`]) or the error:
    /// - `popup_blocked`: the browser refused the window (call this directly in a click
    ///   handler, with no `await` before it, or use the redirect flow);
    /// - `popup_closed`: the user closed the window first (not noticed under COOP, see the
    ///   module's docs);
    /// - `timeout`, `aborted`: the time limit or the signal (the popup is closed);
    /// - `access_denied` when the user declines, and the other errors of `handle_redirect`;
    /// - `unsupported` in a worker.
    ///
    /// The redirect URI must be a page that calls `popupCallback()`, such as the package's
    /// `callback.html`. Rust code awaits [`Auth::sign_in_with_popup`] (feature `rust-api`).
    pub fn sign_in_with_popup_then(&self, options: PopupOptions, done: Done<Token>) {
        let auth = self.clone();
        let flow = Flow {
            begin: || self.begin_sign_in(),
            answers: answers_sign_in,
            complete: move |url: &str| auth.handle_redirect(url),
        };
        run(flow, options, done);
    }
}

/// One flow a popup runs: OAuth's (`Auth`) or Authorize Application's (`SiteAuth`).
pub(crate) struct Flow<B, C> {
    /// Stores a fresh state and gives the URL to open and that state.
    pub begin: B,
    /// Whether a callback URL answers the flow of that state (`crate::core::popup`).
    pub answers: fn(&str, &str) -> bool,
    /// Completes the flow from the callback URL, as its `handle_redirect` does: `Ok(None)` for
    /// a URL that is no redirect of the flow (the wait goes on).
    pub complete: C,
}

/// Runs `flow` in a popup (see [`Auth::sign_in_with_popup_then`] for the outcomes): the
/// window opens before this returns; `done` gets the outcome once.
pub(crate) fn run<T, B, C>(flow: Flow<B, C>, options: PopupOptions, done: Done<T>)
where
    T: 'static,
    B: FnOnce() -> Result<(String, String), Error>,
    C: Fn(&str) -> Result<Option<T>, Error> + 'static,
{
    if aborted(options.signal.as_ref()) {
        return done(Err(aborted_error(false)));
    }
    let begun = env::window().and_then(|window| Ok((window, (flow.begin)()?)));
    let (window, (url, state)) = match begun {
        Ok(begun) => begun,
        Err(error) => return done(Err(error)),
    };
    let complete = flow.complete;
    let done = Cell::new(Some(done));
    // The only part that knows `T`: the rest is one copy for every flow.
    let settle = move |event: Result<&str, Error>| -> bool {
        let outcome = match event.map(&complete) {
            Ok(Ok(None)) => return false,
            Ok(Ok(Some(completed))) => Ok(completed),
            Ok(Err(error)) | Err(error) => Err(error),
        };
        if let Some(done) = done.take() {
            done(outcome);
        }
        true
    };
    let watch = Watch {
        answers: flow.answers,
        state,
        settle: Box::new(settle),
    };
    open(&window, &url, watch, options);
}

/// What a popup waits for: a callback URL that `answers` the `state`, handed to `settle`
/// (which says whether it ended the flow), or the error that ends the flow.
struct Watch {
    answers: fn(&str, &str) -> bool,
    state: String,
    settle: Settle,
}

/// Takes a callback URL (`Ok`) or the error that ends the flow; says whether the flow ended.
type Settle = Box<dyn Fn(Result<&str, Error>) -> bool>;

/// Opens the popup at `url` and watches it.
fn open(window: &JsValue, url: &str, watch: Watch, options: PopupOptions) {
    let Watch {
        answers,
        state,
        settle,
    } = watch;
    let args = [
        &JsValue::from_str(url),
        &WINDOW_NAME.into(),
        &FEATURES.into(),
    ];
    let popup = env::call(window, "open", &args).unwrap_or(JsValue::NULL);
    if !popup.is_object() {
        settle(Err(Error::new(
            ErrorCode::PopupBlocked,
            "the browser blocked the popup: call signInWithPopup directly in the click \
             handler (no await before it), or use the redirect",
        )));
        return;
    }
    let _ = env::call(&popup, "focus", &[]);
    let report = move |kind: u32, url: JsValue, taken: JsValue| {
        let error = match Event::from_js(kind) {
            Event::Answer => {
                let answer = url.as_string().filter(|url| answers(url, &state));
                if answer.is_some_and(|url| settle(Ok(&url))) {
                    let _ = env::invoke(&taken, &[]);
                }
                return;
            }
            Event::Closed => popup_closed(),
            Event::TimedOut => Error::new(
                ErrorCode::Timeout,
                "the popup did not finish in time (timeoutMs): try again",
            ),
            Event::Aborted => aborted_error(false),
        };
        settle(Err(error));
    };
    // Handed to JS for good: freed when popup.js drops it after the last event.
    let report = Closure::wrap(Box::new(report) as Box<dyn FnMut(u32, JsValue, JsValue)>);
    let signal = options.signal.map_or(JsValue::UNDEFINED, JsValue::from);
    // Browsers fire at once for delays past 2^31-1 ms: a far limit must wait, not fire.
    let ms = options
        .timeout_ms
        .unwrap_or(DEFAULT_POPUP_TIMEOUT_MS)
        .min(i32::MAX as u32);
    watch_popup(&popup, ms, &signal, &report.into_js_value());
}
