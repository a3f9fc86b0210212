//! Any WordPress site, through its own REST API and an application password: discovery, WordPress
//! core's Authorize Application flow, the calls. Sans-IO like the rest of the core; the browser
//! layer's `SiteAuth` and `SiteClient` wire it up. Follows `wpcom-contract.md`, "Application
//! passwords".

pub mod calls;
pub mod connect;
pub mod credentials;
pub mod discovery;
pub mod models;

pub use calls::{build_site_call, site_error_from_response};
pub use connect::{
    build_connect_url, complete_connect, parse_connect_redirect, scrub_connect_url,
    ConnectRedirect, ConnectRequest,
};
pub use credentials::{AppPassword, SiteCredentials};
pub use discovery::{
    discovery_urls, parse_link_header, read_site, route_url, site_address, Link, SiteIndex,
    WordPressSite,
};
