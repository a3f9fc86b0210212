//! Native tests of the core: table-driven, one file per module, plus property tests.

/// The crate is `no_std`; its tests use std. Each test file imports this.
#[allow(unused_imports)]
mod prelude {
    pub use std::{
        borrow::ToOwned,
        boxed::Box,
        format,
        string::{String, ToString},
        vec,
        vec::Vec,
    };
}

mod authorize;
mod connection;
mod endpoint;
mod error;
mod form;
mod models;
mod normalise_json;
mod path;
mod pending;
mod popup;
mod posts;
mod props;
mod quirks;
mod redirect;
mod retry;
mod routes;
mod text;
mod token;
