//! The JavaScript surface: `Auth`, `Client` and `parseRedirect`, exported with wasm-bindgen, and
//! `WpcomError` (a JS class, `src/js/error.js`).
//!
//! Thin by design: it converts JS values to the browser layer's Rust types and back, and turns
//! every [`crate::core::Error`] into a `WpcomError`. The TypeScript declarations are written by
//! hand in `typescript` so that the public surface has real types, with no `any`.

mod auth;
mod client;
mod convert;
mod error;
mod media;
mod pages;
mod promise;
mod redirect;
mod site;
mod typescript;

pub use auth::JsAuth;
pub use client::JsClient;
pub use redirect::parse_redirect_js;
pub use site::{discover_site_js, JsSiteAuth, JsSiteClient};
