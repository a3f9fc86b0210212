//! Where the token and the pending OAuth `state`s are kept between page loads.
//!
//! Backends: `sessionStorage` (the default: one tab, gone when it closes), `localStorage`
//! (shared by the origin's tabs), memory only, a browser extension's `storage.local`, or an
//! adapter object with `get/set/remove` whose
//! methods may return Promises (so `chrome.storage` fits). Keys are namespaced by client id:
//! `wpcom-wasm:<clientId>:token` and `wpcom-wasm:<clientId>:state` (the sign-ins in flight, see
//! [`crate::core::PendingStates`]; with `localStorage` they stay in the tab's `sessionStorage`).
//!
//! Web Storage is read through on every access so that two `Auth`s in one page, or a sign-out in
//! another tab, are seen at once. Memory and adapters are served from an in-memory copy that
//! [`Store::load`] fills from the adapter.

use super::env;
use super::extension;
use super::transport::Done;
use crate::core::text::cat;
use crate::core::{Error, ErrorCode};
use alloc::boxed::Box;
use alloc::rc::Rc;
use alloc::string::String;
use core::cell::Cell;
use js_sys::{Object, Promise};
use wasm_bindgen::{JsCast, JsValue};

/// Which backend keeps the token and the pending state.
#[derive(Clone, Debug, Default)]
pub enum Storage {
    /// `sessionStorage` in a page, memory in a worker (which has no Web Storage).
    #[default]
    Auto,
    /// `sessionStorage`: this tab only, cleared when it closes.
    Session,
    /// `localStorage`: every tab of the origin shares the token; a sign-out in one tab signs out
    /// the others. Sign-ins in flight stay in each tab's `sessionStorage`.
    Local,
    /// Memory only: lost on reload.
    Memory,
    /// A browser extension's `storage.local` (`chrome.storage.local`, Firefox's
    /// `browser.storage.local`; the "storage" permission): shared by the extension's pages and
    /// its service worker, kept across restarts. Asynchronous: load it with `Auth::restore`.
    Extension,
    /// A JS object with `get(key)`, `set(key, value)` and `remove(key)`, each sync or
    /// Promise-returning.
    Adapter(Object),
}

impl Storage {
    /// Parses the JS option: `'session' | 'local' | 'memory'`, an adapter object, or
    /// `undefined`/`null` for the default.
    pub fn from_js(value: &JsValue) -> Result<Storage, Error> {
        if value.is_undefined() || value.is_null() {
            return Ok(Storage::Auto);
        }
        if let Some(name) = value.as_string() {
            return match name.as_str() {
                "session" => Ok(Storage::Session),
                "local" => Ok(Storage::Local),
                "memory" => Ok(Storage::Memory),
                "extension" => Ok(Storage::Extension),
                _ => Err(invalid(
                    "storage must be 'session', 'local', 'memory', 'extension' or an adapter object",
                )),
            };
        }
        if value.is_object() {
            Ok(Storage::Adapter(value.clone().unchecked_into()))
        } else {
            Err(invalid("storage must be a string or an adapter object"))
        }
    }
}

/// One of the two values kept per client.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// The serialized token.
    Token,
    /// The `state`s of the sign-ins in flight ([`crate::core::PendingStates`]).
    State,
}

/// The resolved backend.
#[derive(Debug)]
enum Backend {
    Session,
    Local,
    Memory,
    Adapter(Object),
}

/// The storage of one `Auth`: backend, namespaced keys and the in-memory copy.
pub struct Store {
    backend: Backend,
    token_key: String,
    state_key: String,
    /// The in-memory copies of the token and the state (`Cell`s: no borrow can fail).
    memory: [Cell<Option<String>>; 2],
    /// Set when Web Storage refused a write (quota, privacy mode): memory is then the truth.
    web_failed: Cell<bool>,
}

impl Store {
    /// Resolves `storage` for this scope and checks it can work; `unsupported` for Web Storage
    /// in a worker and for `Extension` outside an extension, `invalid_config` for an adapter without `get/set/remove`.
    pub fn new(storage: Storage, client_id: &str) -> Result<Store, Error> {
        let backend = match storage {
            Storage::Auto if env::window().is_ok() => Backend::Session,
            Storage::Auto | Storage::Memory => Backend::Memory,
            Storage::Session => Backend::Session,
            Storage::Local => Backend::Local,
            Storage::Extension => Backend::Adapter(extension::storage_adapter()?),
            Storage::Adapter(object) => {
                for name in ["get", "set", "remove"] {
                    if !env::get(&object, name).is_function() {
                        return Err(invalid(
                            "a storage adapter needs get(key), set(key, value) and remove(key)",
                        ));
                    }
                }
                Backend::Adapter(object)
            }
        };
        let store = Store {
            token_key: cat(&["wpcom-wasm:", client_id, ":token"]),
            state_key: cat(&["wpcom-wasm:", client_id, ":state"]),
            backend,
            memory: [Cell::new(None), Cell::new(None)],
            web_failed: Cell::new(false),
        };
        if matches!(store.backend, Backend::Session | Backend::Local) {
            store.web_storage(Slot::Token)?;
            store.web_storage(Slot::State)?;
        }
        store.load_sync_adapter();
        Ok(store)
    }

    /// True for `localStorage`, the only backend other tabs share through `storage` events.
    pub fn is_local(&self) -> bool {
        matches!(self.backend, Backend::Local)
    }

    /// The namespaced key of `slot`.
    pub fn key(&self, slot: Slot) -> &str {
        match slot {
            Slot::Token => &self.token_key,
            Slot::State => &self.state_key,
        }
    }

    /// The current value of `slot`.
    pub fn get(&self, slot: Slot) -> Option<String> {
        if let Some(storage) = self.readable_web_storage(slot) {
            let key = JsValue::from_str(self.key(slot));
            return env::call(&storage, "getItem", &[&key]).ok()?.as_string();
        }
        self.remembered(slot)
    }

    /// Sets (`Some`) or removes (`None`) `slot` in memory and in the backend. An adapter's
    /// Promise is not awaited: the call is made before this returns, which is what keeps the
    /// order of writes, and a rejection is swallowed (memory still holds the value).
    pub fn put(&self, slot: Slot, value: Option<&str>) {
        self.remember(slot, value.map(String::from));
        let key = self.key(slot);
        match &self.backend {
            Backend::Session | Backend::Local => {
                let ok = match self.web_storage(slot) {
                    Ok(storage) => match value {
                        Some(v) => call(&storage, "setItem", key, Some(v)).is_ok(),
                        None => call(&storage, "removeItem", key, None).is_ok(),
                    },
                    Err(_) => false,
                };
                if !ok {
                    self.web_failed.set(true);
                }
            }
            Backend::Memory => {}
            Backend::Adapter(object) => {
                let result = match value {
                    Some(v) => call(object, "set", key, Some(v)),
                    None => call(object, "remove", key, None),
                };
                if let Ok(result) = result {
                    swallow_rejection(&result);
                }
            }
        }
    }

    /// Fills the in-memory copy from an adapter once both its `get`s settle (at once for the
    /// other backends), then calls `done`.
    pub fn load(self: &Rc<Self>, done: Done<()>) {
        let Backend::Adapter(object) = &self.backend else {
            return done(Ok(()));
        };
        let token = call(object, "get", self.key(Slot::Token), None);
        let state = call(object, "get", self.key(Slot::State), None);
        let (token, state) = match (token, state) {
            (Ok(token), Ok(state)) => (token, state),
            (Err(error), _) | (_, Err(error)) => return done(Err(error)),
        };
        let both = env::call(
            &env::get(&env::global(), "Promise"),
            "all",
            &[&js_sys::Array::of2(&token, &state)],
        )
        .unwrap_or(JsValue::UNDEFINED);
        let store = self.clone();
        env::on_settled(
            &both,
            Box::new(move |values| match values {
                Ok(values) => {
                    store.remember(Slot::Token, env::get(&values, "0").as_string());
                    store.remember(Slot::State, env::get(&values, "1").as_string());
                    done(Ok(()));
                }
                Err(_) => done(Err(invalid("the storage adapter's get() rejected"))),
            }),
        );
    }

    /// Forgets the in-memory copy of `slot` (after another tab removed it).
    pub fn forget(&self, slot: Slot) {
        self.remember(slot, None);
    }

    /// The in-memory copy of `slot`.
    fn remembered(&self, slot: Slot) -> Option<String> {
        let cell = self.memory_cell(slot);
        let value = cell.take();
        cell.set(value.clone());
        value
    }

    /// Replaces the in-memory copy of `slot`.
    fn remember(&self, slot: Slot, value: Option<String>) {
        self.memory_cell(slot).set(value);
    }

    /// The cell holding `slot`'s in-memory copy.
    fn memory_cell(&self, slot: Slot) -> &Cell<Option<String>> {
        let [token, state] = &self.memory;
        match slot {
            Slot::Token => token,
            Slot::State => state,
        }
    }

    /// A synchronous adapter is read at once, so `token()` works without awaiting `ready()`.
    fn load_sync_adapter(&self) {
        let Backend::Adapter(object) = &self.backend else {
            return;
        };
        for slot in [Slot::Token, Slot::State] {
            let Ok(value) = call(object, "get", self.key(slot), None) else {
                continue;
            };
            if is_thenable(&value) {
                swallow_rejection(&value);
                return;
            }
            self.remember(slot, value.as_string());
        }
    }

    /// Web Storage when it is the backend and has not failed.
    fn readable_web_storage(&self, slot: Slot) -> Option<JsValue> {
        if self.web_failed.get() {
            return None;
        }
        match self.backend {
            Backend::Session | Backend::Local => self.web_storage(slot).ok(),
            _ => None,
        }
    }

    /// The Web Storage that keeps `slot`: `localStorage` for the token of the `Local` backend,
    /// else `sessionStorage` (pending states belong to the tab that started the sign-in, even
    /// when the token is shared). `unsupported` in a worker or when the browser blocks it
    /// (storage disabled, some privacy modes: reading the property throws).
    fn web_storage(&self, slot: Slot) -> Result<JsValue, Error> {
        let name = if matches!(self.backend, Backend::Local) && slot == Slot::Token {
            "localStorage"
        } else {
            "sessionStorage"
        };
        let storage = env::get(&env::window()?, name);
        if storage.is_object() {
            Ok(storage)
        } else {
            Err(env::unsupported(
                "Web Storage is blocked here: use storage 'memory' or an adapter",
            ))
        }
    }
}

impl core::fmt::Debug for Store {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Store")
            .field("backend", &self.backend)
            .field("token_key", &self.token_key)
            .finish_non_exhaustive()
    }
}

/// Calls `object[name](key)` or `object[name](key, value)`; a throw becomes `invalid_config`.
fn call(object: &JsValue, name: &str, key: &str, value: Option<&str>) -> Result<JsValue, Error> {
    let key = JsValue::from_str(key);
    let result = match value.map(JsValue::from_str) {
        Some(value) => env::call(object, name, &[&key, &value]),
        None => env::call(object, name, &[&key]),
    };
    result.map_err(|_| invalid("the storage adapter threw"))
}

/// True for a Promise or any object with a `then` method.
fn is_thenable(value: &JsValue) -> bool {
    env::get(value, "then").is_function()
}

/// Attaches a no-op rejection handler so a failed adapter write is not an unhandled rejection.
/// The built-in `Boolean` serves as the handler: no closure to allocate or leak, and no
/// `new Function` (which extension CSPs forbid).
fn swallow_rejection(value: &JsValue) {
    if is_thenable(value) {
        let noop = env::get(&env::global(), "Boolean");
        let _ = env::call(&Promise::resolve(value), "catch", &[&noop]);
    }
}

/// An `invalid_config` error with a fixed message.
fn invalid(message: &str) -> Error {
    Error::new(ErrorCode::InvalidConfig, message)
}
