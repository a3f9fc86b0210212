//! The sans-IO core: no web-sys, no js-sys, no clock, no randomness, no network.
//! Everything here is plain data in, plain data out, and unit-tests natively.
//!
//! INTERFACE CONTRACT between the core and the browser layer (keep these names/signatures;
//! add more items freely):
//!
//! - `error`:     `Error`, `ErrorCode`, `ErrorBody`, `error_from_response`, `token_info_error`,
//!   `check_token_info`
//! - `token`:     `AccessToken` (redacted Debug), `Token`, `Token::to_storage_string`,
//!   `Token::from_storage_string`, `Token::is_expired`
//! - `form`:      `parse_form` (form-urlencoded → pairs, duplicate keys refused), `encode_component`
//! - `authorize`: `AuthorizeRequest`, `build_authorize_url`
//! - `redirect`:  `RedirectParams`, `parse_redirect`, `complete_redirect`, `scrub_url`
//! - `pending`:   `PendingStates` (the sign-ins in flight, each with a single-use state)
//! - `endpoint`:  `Endpoint`, `Method`, `site_segment`, `build_token_info_url`
//! - `path`:      `build_api_call` (the path grammar of `request()`), `namespace_option`, `ApiCall`
//! - `models`:    `Me`, `Site`, `Sites`, `Likes`, `Like`, `LikeResult`, `Post`, `NewPost`,
//!   `TokenInfo`: plain serde structs, decoded strictly after `quirks`
//! - `quirks`:    `Shape`, `Rule`, `Fix`, `Seen`, `Out`: the one normalisation of WordPress.com's
//!   JSON, as data (the JS surface returns its result, the typed Rust API decodes it)
//! - `retry`:     `RetryPolicy`, `is_retryable`, `parse_retry_after`, `backoff_delay_ms`,
//!   `next_delay`

pub mod authorize;
pub mod endpoint;
pub mod error;
pub mod form;
pub mod models;
pub mod path;
pub mod pending;
pub mod quirks;
pub mod redirect;
pub mod retry;
pub(crate) mod text;
pub mod token;
mod url;

// Native only: the tests use serde_json and proptest, which are native dev-dependencies.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use authorize::{build_authorize_url, AuthorizeRequest};
pub use endpoint::{build_token_info_url, site_segment, Endpoint, Method};
pub use error::{
    check_token_info, error_from_response, token_info_error, Error, ErrorBody, ErrorCode,
};
pub use path::{build_api_call, namespace_option, ApiCall};
pub use pending::PendingStates;
pub use redirect::{complete_redirect, parse_redirect, scrub_url, RedirectParams};
pub use retry::{backoff_delay_ms, is_retryable, next_delay, parse_retry_after, RetryPolicy};
pub use token::{AccessToken, Token};
