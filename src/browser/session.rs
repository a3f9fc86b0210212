//! Session hooks of an `Auth`: who to tell when the session ends, timers that warn before the
//! token expires, and the `storage` listener that follows a sign-out in another tab.

use super::env;
use super::storage::{Slot, Store};
use crate::core::Token;
use alloc::rc::Rc;
use alloc::{boxed::Box, string::ToString, vec::Vec};
use core::cell::Cell;
use core::fmt;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Why the session ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignOutReason {
    /// The app called `sign_out`.
    SignOut,
    /// The token reached its expiry.
    Expired,
    /// WordPress.com answered `invalid_token` (revoked, or expired on its side).
    InvalidToken,
    /// Another tab sharing `localStorage` signed out.
    OtherTab,
    /// The app removed its own connected application (`disconnect`): its tokens are revoked.
    Disconnected,
}

impl SignOutReason {
    /// The snake_case name passed to JS callbacks: `sign_out`, `expired`, `invalid_token`,
    /// `other_tab`, `disconnected`.
    pub fn as_str(self) -> &'static str {
        match self {
            SignOutReason::SignOut => "sign_out",
            SignOutReason::Expired => "expired",
            SignOutReason::InvalidToken => "invalid_token",
            SignOutReason::OtherTab => "other_tab",
            SignOutReason::Disconnected => "disconnected",
        }
    }
}

/// The `storage` event listener, kept so it can be removed.
type StorageListener = Closure<dyn FnMut(JsValue)>;

/// A signed-out callback.
pub type SignedOutHook = Rc<dyn Fn(SignOutReason)>;

/// One `on_expiring` registration: its callback as a JS function and its pending timer.
struct Expiring {
    seconds_before: f64,
    callback: Closure<dyn FnMut()>,
    timer: Option<JsValue>,
}

/// The hooks of one `Auth`.
pub struct Hooks {
    store: Rc<Store>,
    // `Cell`s taken and put back rather than `RefCell`s: no borrow can fail (and panic).
    signed_out: Cell<Vec<SignedOutHook>>,
    expiring: Cell<Vec<Expiring>>,
    listener: Cell<Option<StorageListener>>,
}

impl fmt::Debug for Hooks {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Hooks")
    }
}

impl Hooks {
    /// No hooks yet, reading the token from `store`.
    pub fn new(store: Rc<Store>) -> Hooks {
        Hooks {
            store,
            signed_out: Cell::new(Vec::new()),
            expiring: Cell::new(Vec::new()),
            listener: Cell::new(None),
        }
    }

    /// Adds a signed-out callback.
    pub fn add_signed_out(&self, hook: SignedOutHook) {
        let mut hooks = self.signed_out.take();
        hooks.push(hook);
        self.signed_out.set(hooks);
    }

    /// Calls every signed-out callback. The list is copied first so a callback may add hooks
    /// or sign in again without a re-entrant borrow.
    pub fn fire_signed_out(&self, reason: SignOutReason) {
        let hooks = self.signed_out.take();
        self.signed_out.set(hooks.clone());
        for hook in hooks {
            hook(reason);
        }
    }

    /// Adds an expiry warning; `fire` runs when its timer does.
    pub fn add_expiring(&self, fire: Box<dyn Fn()>, seconds_before: f64) {
        let callback = Closure::wrap(Box::new(fire) as Box<dyn FnMut()>);
        let mut entries = self.expiring.take();
        entries.push(Expiring {
            seconds_before,
            callback,
            timer: None,
        });
        self.expiring.set(entries);
    }

    /// (Re)starts the expiry timers for the stored token; stops them when there is none or it
    /// never expires.
    pub fn arm_expiring(&self) {
        self.disarm_expiring();
        let expires_at = self
            .store
            .get(Slot::Token)
            .and_then(|s| Token::from_storage_string(&s))
            .and_then(|t| t.expires_at);
        let Some(expires_at) = expires_at else {
            return;
        };
        let now = env::now_ms();
        let mut entries = self.expiring.take();
        for entry in entries.iter_mut() {
            let delay = expires_at - entry.seconds_before * 1000.0 - now;
            entry.timer = Some(env::start_timer(
                entry.callback.as_ref().unchecked_ref(),
                delay,
            ));
        }
        self.expiring.set(entries);
    }

    /// Stops the expiry timers.
    pub fn disarm_expiring(&self) {
        let mut entries = self.expiring.take();
        for entry in entries.iter_mut() {
            if let Some(timer) = entry.timer.take() {
                env::cancel_timer(&timer);
            }
        }
        self.expiring.set(entries);
    }

    /// With `localStorage`, listens for `storage` events: the token removed by another tab
    /// ends this tab's session too; a token stored there re-arms the expiry timers.
    pub fn watch_other_tabs(&self, on_change: Box<dyn Fn(bool)>) {
        if !self.store.is_local() {
            return;
        }
        let Ok(window) = env::window() else {
            return;
        };
        let key = self.store.key(Slot::Token).to_string();
        let listener = Closure::wrap(Box::new(move |event: JsValue| {
            if env::get(&event, "key").as_string().as_deref() == Some(key.as_str()) {
                on_change(env::get(&event, "newValue").is_string());
            }
        }) as Box<dyn FnMut(JsValue)>);
        let added = listen(&window, "addEventListener", &listener).is_ok();
        if added {
            self.listener.set(Some(listener));
        }
    }
}

impl Drop for Hooks {
    fn drop(&mut self) {
        self.disarm_expiring();
        if let Some(listener) = self.listener.get_mut().take() {
            if let Ok(window) = env::window() {
                let _ = listen(&window, "removeEventListener", &listener);
            }
        }
    }
}

/// `window[method]("storage", listener)`.
fn listen(window: &JsValue, method: &str, listener: &StorageListener) -> Result<JsValue, JsValue> {
    env::call(
        window,
        method,
        &[&JsValue::from_str("storage"), listener.as_ref()],
    )
}
