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
mod comments;
mod connected_apps;
mod connection;
mod endpoint;
mod error;
mod form;
mod media;
mod models;
mod normalise_json;
mod paginate;
mod path;
mod pending;
mod popup;
mod posts;
mod props;
mod quirks;
mod redirect;
mod retry;
mod routes;
mod site_calls;
mod site_connect;
mod site_discovery;
mod text;
mod token;
