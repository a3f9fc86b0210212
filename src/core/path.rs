//! The path grammar of `request()` and every helper: which namespace a path names, its query,
//! and the method that goes on the wire.
//!
//! Paths are accepted as WordPress.com's docs and other SDKs write them: `/me`, `me`,
//! `v1.1/me/sites`, `/rest/v1.2/sites/123/posts?number=5`, `wp/v2/sites/123/posts`, or an absolute
//! URL on the client's own API host. The token never goes to any other origin.

use super::endpoint::{invalid, Method};
use super::envelope::Envelope;
use super::error::Error;
use super::form::{parse_form, push_pair};
use super::text::{cat, cut, has};
use super::url::http_base;
use alloc::{string::String, vec::Vec};

/// The namespaces of the public API host, as they appear in a path: WordPress.com's REST API
/// versions, then the core WordPress REST API (`wp/v2`) and WordPress.com's `wpcom/v2`.
pub const NAMESPACES: [&str; 7] = [
    "rest/v1",
    "rest/v1.1",
    "rest/v1.2",
    "rest/v1.3",
    "rest/v1.4",
    "wp/v2",
    "wpcom/v2",
];

/// The namespace a path without one goes to.
pub const DEFAULT_NAMESPACE: &str = "rest/v1.1";

/// What goes on the wire for one call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiCall {
    /// `GET` or `POST`: other methods travel as `POST ?_method=…` (see [`build_api_call`]).
    pub method: Method,
    /// The full URL, query included.
    pub url: String,
    /// The envelope the query asks for (`http_envelope=1`, `_envelope`), read by the transport.
    pub envelope: Option<Envelope>,
}

/// A collection's path split for paging ([`crate::core::paginate`]): see [`split_collection`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Collection {
    /// The namespace the path names (or the options, or the default).
    pub namespace: &'static str,
    /// The path with its namespace and without its query, e.g. `/wp/v2/sites/1/posts`.
    pub path: String,
    /// The path's query merged with the options' query.
    pub query: Vec<(String, String)>,
}

/// The namespace named by `api_version` (`"1"`…`"1.4"`, `"2"` = `wpcom/v2`) or `namespace`
/// (one of [`NAMESPACES`]); `invalid_config` when they name two different ones.
pub fn namespace_option(
    api_version: Option<&str>,
    namespace: Option<&str>,
) -> Result<Option<&'static str>, Error> {
    let from_version = match api_version {
        None => None,
        Some("2") => Some("wpcom/v2"),
        Some(v) => Some(
            known(&cat(&["rest/v", v]))
                .filter(|ns| ns.starts_with("rest/"))
                .ok_or_else(|| invalid("apiVersion must be 1, 1.1, 1.2, 1.3, 1.4 or 2"))?,
        ),
    };
    let from_namespace =
        match namespace {
            None => None,
            Some(ns) => Some(known(ns.trim_matches('/')).ok_or_else(|| {
                invalid("namespace must be rest/v1 … rest/v1.4, wp/v2 or wpcom/v2")
            })?),
        };
    match (from_version, from_namespace) {
        (Some(a), Some(b)) if a != b => Err(invalid(&cat(&[
            "apiVersion names ",
            a,
            " but namespace names ",
            b,
            ": give one",
        ]))),
        (a, b) => Ok(a.or(b)),
    }
}

/// The entry of [`NAMESPACES`] equal to `name`.
fn known(name: &str) -> Option<&'static str> {
    NAMESPACES.iter().copied().find(|ns| *ns == name)
}

/// The namespace `path` starts with (`rest/v1.x/`, `v1.x/`, `wp/v2/`, `wpcom/v2/`) and the
/// rest of the path, which starts with `/` or is empty.
fn split_namespace(path: &str) -> Option<(&'static str, &str)> {
    NAMESPACES.iter().rev().find_map(|ns| {
        // `v1.1/me` is `rest/v1.1/me`, as in the Paragon docs.
        let short = ns.strip_prefix("rest/").unwrap_or(ns);
        [*ns, short].into_iter().find_map(|prefix| {
            let rest = path.strip_prefix(prefix)?;
            (rest.is_empty() || rest.starts_with('/')).then_some((*ns, rest))
        })
    })
}

/// Builds the call for `method path` on `api_base`.
///
/// - `path`: a route with or without its leading `/`; a leading namespace (see
///   [`NAMESPACES`], `v1.x/` too) selects it, else `namespace` (from [`namespace_option`]) or
///   [`DEFAULT_NAMESPACE`]. A path and an option naming two different namespaces are
///   `invalid_config`. An absolute URL is accepted only under `api_base`.
/// - A query string in `path` is merged with `query` (decoded, then encoded again); a key in
///   both is `invalid_config`.
/// - `PUT`, `PATCH` and `DELETE` exist on `wp/v2` and `wpcom/v2` only, and go out as `POST` with
///   `_method=…` (WordPress core's override: no extra header, so no extra CORS preflight). On
///   `rest/v1.x` they are refused with the `POST …/delete` convention to use instead.
pub fn build_api_call(
    api_base: &str,
    method: Method,
    path: &str,
    query: &[(String, String)],
    namespace: Option<&'static str>,
) -> Result<ApiCall, Error> {
    let Parts {
        base,
        ns,
        route,
        mut pairs,
    } = parts(api_base, path, query, namespace)?;
    let wire = wire_method(method, ns, &mut pairs)?;
    let mut url = cat(&[base, "/", ns]);
    if !route.is_empty() && !route.starts_with('/') {
        url.push('/');
    }
    url.push_str(route);
    let mut encoded = String::new();
    for (key, value) in &pairs {
        push_pair(&mut encoded, key, value);
    }
    if !encoded.is_empty() {
        url.push('?');
        url.push_str(&encoded);
    }
    let envelope = Envelope::asked(ns, &pairs);
    Ok(ApiCall {
        method: wire,
        url,
        envelope,
    })
}

/// A collection's path as [`build_api_call`] reads it (same grammar, same refusals), split for
/// a pager that adds its own query to each page's request.
pub fn split_collection(
    api_base: &str,
    path: &str,
    query: &[(String, String)],
    namespace: Option<&'static str>,
) -> Result<Collection, Error> {
    let Parts {
        ns, route, pairs, ..
    } = parts(api_base, path, query, namespace)?;
    let mut path = cat(&["/", ns]);
    if !route.is_empty() && !route.starts_with('/') {
        path.push('/');
    }
    path.push_str(route);
    Ok(Collection {
        namespace: ns,
        path,
        query: pairs,
    })
}

/// A call's pieces before they are put together (see [`build_api_call`]).
struct Parts<'a> {
    /// The API host without a trailing `/`.
    base: &'a str,
    ns: &'static str,
    /// The path below the namespace, without its query.
    route: &'a str,
    /// The path's query merged with the options'.
    pairs: Vec<(String, String)>,
}

/// The base URL, namespace, route and merged query of a call (see [`build_api_call`]).
fn parts<'a>(
    api_base: &'a str,
    path: &'a str,
    query: &[(String, String)],
    namespace: Option<&'static str>,
) -> Result<Parts<'a>, Error> {
    let base = http_base(api_base).ok_or_else(|| invalid("apiBase must be an http(s) URL"))?;
    let path = relative_to(base, path)?;
    if has(path, "#") || has(path, "..") || path.starts_with("//") {
        return Err(invalid(
            "a path holds no #, no .. and no second host: give a route like /me/sites",
        ));
    }
    let (path, inline_query) = cut(path, b'?').unwrap_or((path, ""));
    let path = path.strip_prefix('/').unwrap_or(path);
    let (ns, route) = match split_namespace(path) {
        Some((ns, route)) => {
            if let Some(option) = namespace.filter(|option| *option != ns) {
                return Err(invalid(&cat(&[
                    "the path names ",
                    ns,
                    " but the options name ",
                    option,
                    ": give one",
                ])));
            }
            (ns, route)
        }
        None => (namespace.unwrap_or(DEFAULT_NAMESPACE), path),
    };
    let mut pairs = parse_form(inline_query)
        .map_err(|_| invalid("the path's query string is not valid form encoding"))?;
    for (key, value) in query {
        if pairs.iter().any(|(k, _)| k == key) {
            return Err(invalid(&cat(&[
                "query parameter '",
                key,
                "' is both in the path and in query: give it once",
            ])));
        }
        pairs.push((key.clone(), value.clone()));
    }
    Ok(Parts {
        base,
        ns,
        route,
        pairs,
    })
}

/// `path` below `base` when it is an absolute URL (only `base`'s own are accepted), else as is.
fn relative_to<'a>(base: &str, path: &'a str) -> Result<&'a str, Error> {
    let absolute = cut(path, b':').is_some_and(|(scheme, rest)| {
        rest.starts_with("//") && scheme.bytes().all(|b| b.is_ascii_alphanumeric())
    });
    if !absolute {
        return Ok(path);
    }
    let under_base = path
        .get(..base.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(base))
        && path
            .get(base.len()..)
            .is_some_and(|rest| rest.starts_with('/'));
    match path.get(base.len()..) {
        Some(rest) if under_base => Ok(rest),
        _ => Err(invalid(&cat(&[
            "an absolute URL must be on the client's apiBase (",
            base,
            "): the token is never sent to another origin",
        ]))),
    }
}

/// The method sent for `method` on `ns`, adding the `_method` override to `pairs` when needed.
fn wire_method(
    method: Method,
    ns: &str,
    pairs: &mut Vec<(String, String)>,
) -> Result<Method, Error> {
    if matches!(method, Method::Get | Method::Post) {
        return Ok(method);
    }
    if ns.starts_with("rest/") {
        return Err(invalid(&cat(&[
            "WordPress.com's REST API (",
            ns,
            ") has only GET and POST: ",
            method.as_str(),
            " is a POST to the route's own endpoint, e.g. POST /sites/$site/posts/$ID/delete \
             or POST /sites/$site/posts/$ID to update",
        ])));
    }
    if pairs.iter().any(|(k, _)| k == "_method") {
        return Err(invalid(
            "_method is set by the client for PUT, PATCH and DELETE: leave it out of the query",
        ));
    }
    pairs.push((String::from("_method"), String::from(method.as_str())));
    Ok(Method::Post)
}
