//! WordPress.com implicit OAuth2 and REST API client for the browser, in Rust compiled to
//! WebAssembly. JavaScript users get `Auth`, `Client` and `WpcomError` from the npm package;
//! Rust apps (Yew, Leptos, …) use the same capabilities directly:
//!
//! ```no_run
//! # #[cfg(target_arch = "wasm32")]
//! # async fn quickstart() -> Result<(), wpcom_wasm::core::Error> {
//! use wpcom_wasm::browser::{Auth, AuthConfig, Client, ClientConfig};
//!
//! let mut config = AuthConfig::new("1234", "http://127.0.0.1:8080/");
//! config.scope = Some("global".into());
//! let auth = Auth::new(config)?;
//!
//! let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
//! // Back from WordPress.com: checks the state, stores the token, scrubs the address bar.
//! if auth.handle_redirect(&href)?.is_none() && auth.token().is_none() {
//!     // Not signed in: send the user to WordPress.com (a fresh state is stored first).
//!     let url = auth.authorize_url()?;
//!     # let _ = url;
//!     return Ok(());
//! }
//!
//! let wp = Client::new(ClientConfig { auth: Some(auth.clone()), ..Default::default() });
//! let me = wp.me().await?;
//! let sites = wp.sites().await?;
//! # let _ = (me, sites);
//! # Ok(())
//! # }
//! ```
//!
//! Layers: [`core`] is sans-IO (URL building, redirect parsing, error mapping, the quirk rules and
//! the models) and tests natively; `browser` wires it to `fetch`, storage, `history`, timers
//! and `crypto` (wasm32 only); the JS exports are a thin layer over `browser`.
//!
//! # Features
//! - `rust-api` (default): the typed, `async` Rust API above (`Client::me() -> Me`, …), whose
//!   models are decoded with serde-wasm-bindgen, after the JavaScript surface's own quirk rules
//!   ([`core::quirks`]). It links `std`.
//! - `npm`: what `npm run build` compiles (`--no-default-features --features npm`): no `std`, a
//!   panic handler that traps, a small allocator. The JavaScript surface needs neither serde nor
//!   Rust futures: it returns the JSON normalised in place by [`core::quirks`] and runs on JS
//!   promise callbacks, which keeps the package within a few tens of kilobytes.
//!
//! # Security
//! The implicit flow puts the token in the URL fragment: `Auth::handle_redirect` checks a
//! single-use `state` (256 random bits) and scrubs the address bar, tokens are never logged or
//! put in error messages, and `Client::token_info` refuses a token issued to another app. Any
//! script running in the page can still read the token from storage: keep the page free of
//! untrusted scripts.
// `no_std` so that the npm package's wasm carries no panic formatting and no `std` runtime; the
// `std` feature (on by default, through `rust-api`) links `std` back for Rust apps and tests.
#![no_std]

extern crate alloc;
#[cfg(any(feature = "std", test))]
extern crate std;

#[cfg(all(feature = "npm", feature = "std"))]
compile_error!("the `npm` feature builds without std: use --no-default-features --features npm");

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod browser;

/// The `#[wasm_bindgen]` exports; public only so the browser tests can drive them from Rust.
#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod js;

#[cfg(all(target_arch = "wasm32", feature = "npm"))]
mod npm;
