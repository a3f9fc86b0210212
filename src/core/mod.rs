//! The sans-IO core: no web-sys, no js-sys, no clock, no randomness, no network.
//! Everything here is plain data in, plain data out, and unit-tests natively.
//! Each module says what it follows; rustdoc lists the re-exports below.

pub mod authorize;
pub mod connection;
pub mod endpoint;
pub mod envelope;
pub mod error;
pub mod form;
pub mod media;
pub mod models;
pub mod paginate;
pub mod path;
pub mod pending;
pub mod popup;
pub mod quirks;
pub mod redirect;
pub mod retry;
pub mod routes;
pub mod site;
pub(crate) mod text;
pub mod token;
mod url;

// Native only: the tests use serde_json and proptest, which are native dev-dependencies.
// `cfg(test)` on its own line: clippy then knows this is test code (clippy.toml).
#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests;

pub use authorize::{build_authorize_url, AuthorizeRequest};
pub use connection::{Connection, ConnectionStatus};
pub use endpoint::{build_token_info_url, site_segment, Method};
pub use error::{
    check_token_client, error_from_response, token_info_error, Error, ErrorBody, ErrorCode,
};
pub use path::{build_api_call, namespace_option, split_collection, ApiCall, Collection};
pub use pending::PendingStates;
pub use popup::{answers_connect, answers_sign_in};
pub use redirect::{complete_redirect, parse_redirect, scrub_url, RedirectParams};
pub use retry::{backoff_delay_ms, is_retryable, next_delay, parse_retry_after, RetryPolicy};
pub use routes::Route;
pub use token::{AccessToken, Token};
