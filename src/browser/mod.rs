//! The browser layer: the core's plain logic wired to `fetch`, Web Storage, `history`, timers,
//! `crypto`, popups and the browser-extension APIs. Works in a page and in dedicated or service
//! workers (where the page-only parts answer `unsupported`).

pub mod auth;
pub mod client;
mod connected_apps;
pub mod connection;
pub(crate) mod env;
pub mod extension;
#[cfg(feature = "rust-api")]
mod fetch;
pub mod media;
pub(crate) mod normalise;
pub(crate) mod pages;
pub mod popup;
pub mod session;
pub mod site;
pub mod storage;
pub(crate) mod transport;
#[cfg(feature = "rust-api")]
pub mod typed;

/// What an operation of the client hands its outcome to, exactly once: a call's JSON (`Done`,
/// the default) or another value (`Done<Option<Token>>`…). The one callback type of the browser
/// layer and the JS exports.
pub type Done<T = wasm_bindgen::JsValue> =
    alloc::boxed::Box<dyn FnOnce(Result<T, crate::core::Error>)>;

pub use auth::{Auth, AuthConfig};
pub use client::{Client, ClientConfig, RequestOptions};
pub use popup::{PopupOptions, DEFAULT_POPUP_TIMEOUT_MS};
pub use session::SignOutReason;
pub use storage::Storage;
#[cfg(feature = "rust-api")]
pub use typed::Paged;
