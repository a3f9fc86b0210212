//! A local WordPress.com for offline development and tests: OAuth2 (implicit and code
//! flows, log-in and consent pages, connected applications), the REST v1.1 endpoints the
//! `wpcom-wasm` client uses (posts, media, comments, follows, likes), core's `wp/v2` posts,
//! media and `users/me`, uploaded files served back, CORS, and a control API to mint tokens,
//! inject faults and flip settings.
//!
//! It follows `shared/wpcom-contract.md`, quirks included (`token_scope` as array or
//! string, `logo.sizes` as `[]` or object, `success` as `1` or `true`…), so clients
//! tested against it are ready for the real service.
//!
//! ```no_run
//! # async fn run() -> Result<(), wpcom_emulator::Error> {
//! let config = wpcom_emulator::Config { port: 0, ..Default::default() };
//! let server = wpcom_emulator::serve(config).await?;
//! println!("{}", server.url);
//! server.wait().await;
//! # Ok(()) }
//! ```
#![recursion_limit = "256"]

pub mod app;
pub mod config;
pub mod connected_apps;
pub mod control;
pub mod cors;
pub mod error;
pub mod faults;
pub mod files;
pub mod html;
pub mod login;
pub mod oauth;
pub mod persist;
pub mod rest;
pub mod seed;
pub mod server;
pub mod session;
pub mod settings;
pub mod store;
pub mod time;
pub mod tokens;
pub mod wp;

pub use config::Config;
pub use error::{Error, Result};
pub use server::{serve, Server};
