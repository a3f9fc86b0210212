//! Where the token and the pending OAuth `state` are kept between page loads.
//!
//! Backends: `sessionStorage` (the default: one tab, gone when it closes), `localStorage`
//! (shared by the origin's tabs), memory only, or an adapter object with `get/set/remove` whose
//! methods may return Promises (so `chrome.storage` fits). Keys are namespaced by client id:
//! `wpcom-wasm:<clientId>:token` and `wpcom-wasm:<clientId>:state`.
//!
//! Web Storage is read through on every access so that two `Auth`s in one page, or a sign-out in
//! another tab, are seen at once. Memory and adapters are served from an in-memory copy that
//! [`Store::load`] fills from the adapter.

use alloc::string::String;
use super::env;
use crate::core::{Error, ErrorCode};
use js_sys::{Function, Object, Promise, Reflect};
use core::cell::{Cell, RefCell};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    // js-sys's `catch` wants a Rust closure; the built-in handler below needs a plain function.
    type Thenable;
    #[wasm_bindgen(method, js_name = catch)]
    fn catch_with(this: &Thenable, on_rejected: &Function) -> JsValue;
}

/// Which backend keeps the token and the pending state.
#[derive(Clone, Debug, Default)]
pub enum Storage {
    /// `sessionStorage` in a page, memory in a worker (which has no Web Storage).
    #[default]
    Auto,
    /// `sessionStorage`: this tab only, cleared when it closes.
    Session,
    /// `localStorage`: every tab of the origin; a sign-out in one tab signs out the others.
    Local,
    /// Memory only: lost on reload.
    Memory,
    /// A JS object with `get(key)`, `set(key, value)` and `remove(key)`, each sync or
    /// Promise-returning (e.g. a thin wrapper over `chrome.storage.local`).
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
                _ => Err(invalid(
                    "storage must be 'session', 'local', 'memory' or an adapter object",
                )),
            };
        }
        match value.dyn_ref::<Object>() {
            Some(object) => Ok(Storage::Adapter(object.clone())),
            None => Err(invalid("storage must be a string or an adapter object")),
        }
    }
}

/// One of the two values kept per client.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// The serialized token.
    Token,
    /// The `state` of the authorization in flight.
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
#[derive(Debug)]
pub struct Store {
    backend: Backend,
    token_key: String,
    state_key: String,
    memory: RefCell<[Option<String>; 2]>,
    /// Set when Web Storage refused a write (quota, privacy mode): memory is then the truth.
    web_failed: Cell<bool>,
}

impl Store {
    /// Resolves `storage` for this scope and checks it can work; `unsupported` for Web Storage
    /// in a worker, `invalid_config` for an adapter without `get/set/remove`.
    pub fn new(storage: Storage, client_id: &str) -> Result<Store, Error> {
        let backend = match storage {
            Storage::Auto if env::window().is_ok() => Backend::Session,
            Storage::Auto | Storage::Memory => Backend::Memory,
            Storage::Session => Backend::Session,
            Storage::Local => Backend::Local,
            Storage::Adapter(object) => {
                for name in ["get", "set", "remove"] {
                    if method(&object, name).is_none() {
                        return Err(invalid(
                            "a storage adapter needs get(key), set(key, value) and remove(key)",
                        ));
                    }
                }
                Backend::Adapter(object)
            }
        };
        let prefix = ["wpcom-wasm:", client_id, ":"].concat();
        let store = Store {
            token_key: [prefix.as_str(), "token"].concat(),
            state_key: [prefix.as_str(), "state"].concat(),
            backend,
            memory: RefCell::new([None, None]),
            web_failed: Cell::new(false),
        };
        if matches!(store.backend, Backend::Session | Backend::Local) {
            store.web_storage()?;
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
        if let Some(storage) = self.readable_web_storage() {
            return storage.get_item(self.key(slot)).ok().flatten();
        }
        self.memory.borrow().get(slot as usize).cloned().flatten()
    }

    /// Sets (`Some`) or removes (`None`) `slot` in memory and in the backend. An adapter's
    /// Promise is not awaited: the call is made before this returns, which is what keeps the
    /// order of writes, and a rejection is swallowed (memory still holds the value).
    pub fn put(&self, slot: Slot, value: Option<&str>) {
        if let Some(cell) = self.memory.borrow_mut().get_mut(slot as usize) {
            *cell = value.map(String::from);
        }
        let key = self.key(slot);
        match &self.backend {
            Backend::Session | Backend::Local => {
                let ok = match self.web_storage() {
                    Ok(storage) => match value {
                        Some(v) => storage.set_item(key, v).is_ok(),
                        None => storage.remove_item(key).is_ok(),
                    },
                    Err(_) => false,
                };
                if !ok {
                    self.web_failed.set(true);
                }
            }
            Backend::Memory => {}
            Backend::Adapter(object) => {
                let key = JsValue::from_str(key);
                let result = match value {
                    Some(v) => call(object, "set", &[key, JsValue::from_str(v)]),
                    None => call(object, "remove", &[key]),
                };
                if let Ok(result) = result {
                    swallow_rejection(&result);
                }
            }
        }
    }

    /// Fills the in-memory copy from an adapter, awaiting its Promises (a no-op otherwise).
    pub async fn load(&self) -> Result<(), Error> {
        let Backend::Adapter(object) = &self.backend else {
            return Ok(());
        };
        for slot in [Slot::Token, Slot::State] {
            let result = call(object, "get", &[JsValue::from_str(self.key(slot))])?;
            let value = JsFuture::from(Promise::resolve(&result))
                .await
                .map_err(|_| invalid("the storage adapter's get() rejected"))?;
            if let Some(cell) = self.memory.borrow_mut().get_mut(slot as usize) {
                *cell = value.as_string();
            }
        }
        Ok(())
    }

    /// Forgets the in-memory copy of `slot` (after another tab removed it).
    pub fn forget(&self, slot: Slot) {
        if let Some(cell) = self.memory.borrow_mut().get_mut(slot as usize) {
            *cell = None;
        }
    }

    /// A synchronous adapter is read at once, so `token()` works without awaiting `ready()`.
    fn load_sync_adapter(&self) {
        let Backend::Adapter(object) = &self.backend else {
            return;
        };
        for slot in [Slot::Token, Slot::State] {
            let Ok(value) = call(object, "get", &[JsValue::from_str(self.key(slot))]) else {
                continue;
            };
            if is_thenable(&value) {
                swallow_rejection(&value);
                return;
            }
            if let Some(cell) = self.memory.borrow_mut().get_mut(slot as usize) {
                *cell = value.as_string();
            }
        }
    }

    /// Web Storage when it is the backend and has not failed.
    fn readable_web_storage(&self) -> Option<web_sys::Storage> {
        if self.web_failed.get() {
            return None;
        }
        match self.backend {
            Backend::Session | Backend::Local => self.web_storage().ok(),
            _ => None,
        }
    }

    /// `sessionStorage` or `localStorage`; `unsupported` in a worker or when the browser
    /// blocks it (storage disabled, some privacy modes).
    fn web_storage(&self) -> Result<web_sys::Storage, Error> {
        let window = env::window()?;
        let storage = if matches!(self.backend, Backend::Local) {
            window.local_storage()
        } else {
            window.session_storage()
        };
        storage.ok().flatten().ok_or_else(|| {
            env::unsupported("Web Storage is blocked here: use storage 'memory' or an adapter")
        })
    }
}

/// `object[name]` when it is a function.
fn method(object: &Object, name: &str) -> Option<Function> {
    Reflect::get(object, &JsValue::from_str(name))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
}

/// Calls `object[name](...args)`; a throw becomes `invalid_config`.
fn call(object: &Object, name: &str, args: &[JsValue]) -> Result<JsValue, Error> {
    let function = method(object, name).ok_or_else(|| invalid("storage adapter method missing"))?;
    let args: js_sys::Array = args.iter().collect();
    Reflect::apply(&function, object, &args).map_err(|_| invalid("the storage adapter threw"))
}

/// True for a Promise or any object with a `then` method.
fn is_thenable(value: &JsValue) -> bool {
    value.is_object()
        && Reflect::get(value, &JsValue::from_str("then"))
            .map(|t| t.is_function())
            .unwrap_or(false)
}

/// Attaches a no-op rejection handler so a failed adapter write is not an unhandled rejection.
/// The built-in `Boolean` serves as the handler: no closure to allocate or leak, and no
/// `new Function` (which extension CSPs forbid).
fn swallow_rejection(value: &JsValue) {
    if is_thenable(value) {
        if let Ok(noop) = Reflect::get(&js_sys::global(), &JsValue::from_str("Boolean")) {
            if let Ok(noop) = noop.dyn_into::<Function>() {
                let _ = Promise::resolve(value)
                    .unchecked_ref::<Thenable>()
                    .catch_with(&noop);
            }
        }
    }
}

/// An `invalid_config` error with a fixed message.
fn invalid(message: &str) -> Error {
    Error::new(ErrorCode::InvalidConfig, message)
}
