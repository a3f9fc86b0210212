//! Native tests of the core: table-driven, one file per module, plus property tests.

mod authorize;
mod endpoint;
mod error;
mod form;
mod models;
mod posts;
mod props;
mod quirks;
mod redirect;
mod retry;
mod text;
mod token;
