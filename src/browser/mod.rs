//! The browser layer: the core's plain logic wired to `fetch`, Web Storage, `history`, timers
//! and `crypto`. Works in a page and in dedicated or service workers (where the page-only parts
//! answer `unsupported`).

pub mod auth;
pub mod client;
pub mod env;
#[cfg(feature = "rust-api")]
mod fetch;
pub mod normalise;
pub mod session;
pub mod storage;
pub mod transport;
#[cfg(feature = "rust-api")]
pub mod typed;

pub use auth::{Auth, AuthConfig};
pub use client::{Client, ClientConfig, RequestOptions};
pub use session::SignOutReason;
pub use storage::Storage;
