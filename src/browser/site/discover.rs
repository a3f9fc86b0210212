//! `discover_site`: asks a site for its REST API index ([`crate::core::site::discovery`]) and
//! judges the answer.

use super::super::env;
use super::super::transport::{Call, DEFAULT_TIMEOUT_MS};
use super::super::Done;
use super::transport::{send, Answer, SiteCall};
use crate::core::retry::RetryPolicy;
use crate::core::site::discovery::{
    discovery_urls, index_error, not_wordpress, read_site, site_address, SiteIndex, WordPressSite,
};
use crate::core::text::cat;
use crate::core::{Error, ErrorCode, Method};
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::{IntoIter, Vec};
use js_sys::Array;
use wasm_bindgen::JsValue;
use web_sys::AbortSignal;

/// Finds the WordPress site at `address` (what the user typed: `example.com`,
/// `https://example.com/blog/`…): its API root, its Authorize Application page, its name.
///
/// Asks `…/?rest_route=/` (every WordPress, whatever its permalinks), then `…/wp-json/`; reads
/// the root from the answer's `Link: rel="https://api.w.org/"` header when the site exposes
/// it, else the URL that answered. Sends no credentials. Each request is tried once, with the
/// time limit `timeout_ms` (default 30 s) and `signal`.
///
/// Errors (`done`): `invalid_config` (not an address), `not_wordpress`, `rest_api_disabled`,
/// `application_passwords_unavailable` (with the likely reason), `network` (nothing answered:
/// offline, not WordPress, or a REST API that does not allow this page's origin), `timeout`,
/// `aborted`.
pub fn discover_site(
    address: &str,
    signal: Option<AbortSignal>,
    timeout_ms: Option<u32>,
    done: Done<WordPressSite>,
) {
    let address = match site_address(address) {
        Ok(address) => address,
        Err(error) => return done(Err(error)),
    };
    let candidates = Vec::from(discovery_urls(&address)).into_iter();
    try_next(
        Lookup {
            address,
            signal,
            timeout_ms: timeout_ms.unwrap_or(DEFAULT_TIMEOUT_MS),
            answered: false,
        },
        candidates,
        done,
    );
}

/// What one discovery carries from candidate to candidate.
struct Lookup {
    address: String,
    signal: Option<AbortSignal>,
    timeout_ms: u32,
    /// Whether some candidate got an HTTP answer (so the site is reachable).
    answered: bool,
}

/// Asks the first of `candidates`; on an answer that is not an index, the next.
fn try_next(
    mut lookup: Lookup,
    mut candidates: IntoIter<(String, String)>,
    done: Done<WordPressSite>,
) {
    let Some((url, root)) = candidates.next() else {
        let error = if lookup.answered {
            not_wordpress(&lookup.address)
        } else {
            Error::new(
                ErrorCode::Network,
                cat(&[
                    "no answer from a WordPress REST API at ",
                    &lookup.address,
                    ": the site is unreachable, is not WordPress, or its REST API does not allow \
                     this page's origin (CORS)",
                ]),
            )
        };
        return done(Err(error));
    };
    let call = SiteCall {
        call: Call {
            method: Method::Get,
            url,
            bearer: None,
            body: None,
            signal: lookup.signal.clone(),
            timeout_ms: lookup.timeout_ms,
            retry: RetryPolicy {
                max_attempts: 1,
                ..RetryPolicy::default()
            },
            map_error: index_error,
            progress: None,
            envelope: None,
            total_pages: None,
        },
        authorization: None,
        body: JsValue::UNDEFINED,
        content_type: None,
        disposition: None,
    };
    send(
        call,
        Box::new(move |result: Result<Answer, Error>| {
            let error = match result {
                Ok(answer) => {
                    let index = read_index(&answer.value);
                    match read_site(&root, answer.link.as_deref(), index) {
                        Ok(site) => return done(Ok(site)),
                        Err(error) => error,
                    }
                }
                Err(error) => error,
            };
            lookup.answered |= error.status.is_some() || error.code == ErrorCode::NotWordpress;
            match error.code {
                ErrorCode::NotWordpress | ErrorCode::BadResponse | ErrorCode::Network => {
                    try_next(lookup, candidates, done)
                }
                _ => done(Err(error)),
            }
        }),
    );
}

/// The fields of an index that discovery reads; other types count as absent.
pub(crate) fn read_index(json: &JsValue) -> SiteIndex {
    let text = |key: &str| env::get(json, key).as_string();
    let namespaces = env::get(json, "namespaces");
    let namespaces = Array::is_array(&namespaces).then(|| {
        Array::from(&namespaces)
            .iter()
            .filter_map(|ns| ns.as_string())
            .collect()
    });
    let authorization = env::get(
        &env::get(
            &env::get(&env::get(json, "authentication"), "application-passwords"),
            "endpoints",
        ),
        "authorization",
    )
    .as_string();
    SiteIndex {
        name: text("name"),
        description: text("description"),
        url: text("url"),
        home: text("home"),
        namespaces,
        authorization,
    }
}
