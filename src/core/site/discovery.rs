//! Finding a WordPress site's REST API and whether it offers application passwords.
//!
//! WordPress announces its API root in every REST answer's `Link: <…>; rel="https://api.w.org/"`
//! header (core exposes `Link` to cross-origin pages), and lists application passwords in its
//! index (`authentication.application-passwords.endpoints.authorization`), absent when they are
//! unavailable. Sites with plain permalinks have no `/wp-json/` route: their root is
//! `…/index.php?rest_route=/`, and every route goes in that `rest_route` parameter
//! ([`route_url`]). Follows the WordPress REST API handbook, "Discovery".

use super::super::error::{Error, ErrorBody, ErrorCode};
use super::super::form::{encode_component, parse_form, push_pair};
use super::super::text::{cat, cut, has, pieces, trim_slashes};
use super::super::url::is_absolute_http;
use alloc::{string::String, vec::Vec};

/// The link relation of a WordPress REST API root.
pub const API_REL: &str = "https://api.w.org/";

/// The index fields discovery reads (`_fields`, so the site does not send its whole route list).
pub const INDEX_FIELDS: &str = "name,description,url,home,namespaces,authentication";

/// One link of a `Link` header (RFC 8288): its target and its relations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// The URI between `<` and `>`, as written.
    pub target: String,
    /// The `rel` parameter's relation types (space-separated in the header).
    pub rels: Vec<String>,
}

/// Parses a `Link` header value: `<uri>; rel="a b"; title="x, y", <uri2>; rel=next`.
///
/// Commas and semicolons inside `<…>` and quoted strings do not split; `\` escapes in quoted
/// strings are read; parameters other than `rel` are skipped; a malformed link is dropped, not
/// the whole header. Hand-written: the crates that parse this header bring a regex engine.
pub fn parse_link_header(value: &str) -> Vec<Link> {
    let mut links = Vec::new();
    let mut rest = value;
    loop {
        rest = rest.trim_start_matches([' ', '\t', ',']);
        let Some(after) = rest.strip_prefix('<') else {
            // Not a link: skip to the next top-level comma.
            match skip_to_comma(rest) {
                Some(next) => rest = next,
                None => return links,
            }
            continue;
        };
        let Some((target, params)) = cut(after, b'>') else {
            return links;
        };
        let (rels, next) = read_params(params);
        links.push(Link {
            target: String::from(target.trim_ascii()),
            rels,
        });
        match next {
            Some(next) => rest = next,
            None => return links,
        }
    }
}

/// Reads `; name=value` parameters up to a top-level comma: the `rel` types, and what follows
/// the comma (`None` at the end).
fn read_params(mut s: &str) -> (Vec<String>, Option<&str>) {
    let mut rels = Vec::new();
    loop {
        s = s.trim_start_matches([' ', '\t']);
        if let Some(next) = s.strip_prefix(',') {
            return (rels, Some(next));
        }
        let Some(param) = s.strip_prefix(';') else {
            return (rels, skip_to_comma(s));
        };
        let param = param.trim_start_matches([' ', '\t']);
        let name_end = param
            .bytes()
            .position(|b| matches!(b, b'=' | b';' | b',' | b' ' | b'\t'))
            .unwrap_or(param.len());
        let name = param.get(..name_end).unwrap_or("");
        let mut after = param.get(name_end..).unwrap_or("").trim_start();
        let mut value = String::new();
        if let Some(v) = after.strip_prefix('=') {
            let v = v.trim_start_matches([' ', '\t']);
            (value, after) = read_value(v);
        }
        if name.eq_ignore_ascii_case("rel") && rels.is_empty() {
            rels = pieces(&value, b' ')
                .filter(|r| !r.is_empty())
                .map(String::from)
                .collect();
        }
        s = after;
    }
}

/// A parameter value, quoted (with `\` escapes) or a token; and what follows it.
fn read_value(s: &str) -> (String, &str) {
    let Some(quoted) = s.strip_prefix('"') else {
        let end = s
            .bytes()
            .position(|b| matches!(b, b';' | b',' | b' ' | b'\t'))
            .unwrap_or(s.len());
        return (
            String::from(s.get(..end).unwrap_or("")),
            s.get(end..).unwrap_or(""),
        );
    };
    let mut value = String::new();
    let mut chars = quoted.char_indices();
    while let Some((at, c)) = chars.next() {
        match c {
            '"' => return (value, quoted.get(at + 1..).unwrap_or("")),
            '\\' => {
                if let Some((_, escaped)) = chars.next() {
                    value.push(escaped);
                }
            }
            c => value.push(c),
        }
    }
    (value, "")
}

/// What follows the next comma outside quotes and `<…>`, or `None`.
fn skip_to_comma(s: &str) -> Option<&str> {
    let (mut quoted, mut angled, mut escaped) = (false, false, false);
    for (at, b) in s.bytes().enumerate() {
        match b {
            _ if escaped => escaped = false,
            b'\\' if quoted => escaped = true,
            b'"' if !angled => quoted = !quoted,
            b'<' if !quoted => angled = true,
            b'>' if !quoted => angled = false,
            b',' if !quoted && !angled => return s.get(at + 1..),
            _ => {}
        }
    }
    None
}

/// The API root a `Link` header announces (`rel="https://api.w.org/"`), resolved against
/// `base` (the URL that was fetched) when it is a path; `None` without one, or when it is not
/// an http(s) URL.
pub fn api_root_from_link(header: &str, base: &str) -> Option<String> {
    let link = parse_link_header(header)
        .into_iter()
        .find(|l| l.rels.iter().any(|r| r.eq_ignore_ascii_case(API_REL)))?;
    let target = if link.target.starts_with('/') && !link.target.starts_with("//") {
        cat(&[origin(base)?, &link.target])
    } else {
        link.target
    };
    is_absolute_http(&target).then_some(target)
}

/// `scheme://host[:port]` of an http(s) URL.
fn origin(url: &str) -> Option<&str> {
    if !is_absolute_http(url) {
        return None;
    }
    let (scheme, rest) = cut(url, b':')?;
    let host_len = rest
        .get(2..)?
        .bytes()
        .position(|b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len() - 2);
    url.get(..scheme.len() + 3 + host_len)
}

/// The site's address from what the user typed: trimmed, `https://` added when no scheme is
/// given, without query, fragment or trailing slashes. `invalid_config` for anything but an
/// http(s) URL with a host.
pub fn site_address(input: &str) -> Result<String, Error> {
    let input = input.trim_ascii();
    // `javascript:…`, `mailto:…`: a scheme, not a host (`localhost:8080` is a host and port).
    let other_scheme = cut(input, b':').is_some_and(|(head, rest)| {
        !has(input, "://")
            && !has(head, ".")
            && !rest.bytes().next().is_some_and(|b| b.is_ascii_digit())
    });
    let url = if has(input, "://") || other_scheme {
        String::from(input)
    } else {
        cat(&["https://", input])
    };
    let end = url
        .bytes()
        .position(|b| b == b'?' || b == b'#')
        .unwrap_or(url.len());
    let url = trim_slashes(url.get(..end).unwrap_or(""));
    if is_absolute_http(url) {
        Ok(String::from(url))
    } else {
        Err(Error::new(
            ErrorCode::InvalidConfig,
            "a site is given by its address, e.g. https://example.com",
        ))
    }
}

/// Where discovery looks, in order, for a site at `address` (from [`site_address`]): the
/// `?rest_route=/` form first, which every WordPress answers whatever its permalinks (and so
/// needs one request on plain-permalink sites, where `/wp-json/` is an HTML 404 with no CORS
/// headers), then `/wp-json/`. Each is `(URL to fetch, the API root it stands for)`; the
/// `Link` header of the answer, when readable, names the root instead.
pub fn discovery_urls(address: &str) -> [(String, String); 2] {
    let fields = encode_component(INDEX_FIELDS);
    let query = "?rest_route=/";
    [
        (
            cat(&[address, "/", query, "&_fields=", &fields]),
            cat(&[address, "/", query]),
        ),
        (
            cat(&[address, "/wp-json/?_fields=", &fields]),
            cat(&[address, "/wp-json/"]),
        ),
    ]
}

/// The fields of a REST API index that discovery reads. Build it from the JSON (the browser
/// layer reads these with `Reflect`); a field of another type counts as absent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SiteIndex {
    /// `name`.
    pub name: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// `url`: the WordPress address (`siteurl`), which the Authorize Application redirect
    /// names as `site_url`.
    pub url: Option<String>,
    /// `home`: the site's public address.
    pub home: Option<String>,
    /// `namespaces`, when it is an array (every index has one: it is what marks an index).
    pub namespaces: Option<Vec<String>>,
    /// `authentication["application-passwords"].endpoints.authorization`.
    pub authorization: Option<String>,
}

/// A WordPress site found by discovery.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WordPressSite {
    /// The REST API root every route is under (`https://site/wp-json/` or
    /// `https://site/index.php?rest_route=/`): see [`route_url`].
    pub api_root: String,
    /// Core's Authorize Application page (`…/wp-admin/authorize-application.php`).
    pub authorization_url: String,
    /// The site's title.
    pub name: String,
    /// The site's tagline.
    pub description: String,
    /// The WordPress address (`siteurl`): what the Authorize Application redirect names.
    pub url: String,
    /// The site's public address.
    pub home: String,
    /// The REST namespaces the site serves (`wp/v2`, plugins' own…).
    pub namespaces: Vec<String>,
}

/// Judges the index fetched from `fetched_root` (the root that URL stands for, see
/// [`discovery_urls`]) with the answer's `Link` header, if readable.
///
/// Errors: `not_wordpress` when the JSON is not a REST index (no `namespaces`);
/// `application_passwords_unavailable` when the index lists no authorization endpoint, with the
/// likely reason (plain http outside a local environment, or turned off).
pub fn read_site(
    fetched_root: &str,
    link: Option<&str>,
    index: SiteIndex,
) -> Result<WordPressSite, Error> {
    let Some(namespaces) = index.namespaces else {
        return Err(not_wordpress(fetched_root));
    };
    let api_root = link
        .and_then(|header| api_root_from_link(header, fetched_root))
        .unwrap_or_else(|| String::from(fetched_root));
    let authorization = index
        .authorization
        .filter(|url| is_absolute_http(url))
        .ok_or_else(|| unavailable(&api_root))?;
    let url = index.url.unwrap_or_default();
    Ok(WordPressSite {
        api_root,
        authorization_url: authorization,
        name: index.name.unwrap_or_default(),
        description: index.description.unwrap_or_default(),
        home: index.home.unwrap_or_else(|| url.clone()),
        url,
        namespaces,
    })
}

/// `application_passwords_unavailable`, saying why for a site whose API is at `api_root`.
fn unavailable(api_root: &str) -> Error {
    let over_http = api_root
        .get(..7)
        .is_some_and(|s| s.eq_ignore_ascii_case("http://"));
    // The index says only that they are not offered, not why: over http both causes fit.
    let reason = if over_http {
        "the site answered over plain http, where WordPress offers them only in a local \
         environment (WP_ENVIRONMENT_TYPE 'local'), so use its https:// address; or the site \
         has turned them off (a security plugin, its host, or the \
         wp_is_application_passwords_available filter)"
    } else {
        "the site has turned them off (a security plugin, its host, or the \
         wp_is_application_passwords_available filter), or runs WordPress older than 5.6"
    };
    Error::new(
        ErrorCode::ApplicationPasswordsUnavailable,
        cat(&["this site offers no application passwords: ", reason]),
    )
    .reached_server(true)
}

/// `not_wordpress`: `url` answered, but not as a WordPress REST API index.
pub fn not_wordpress(url: &str) -> Error {
    Error::new(
        ErrorCode::NotWordpress,
        cat(&[
            "no WordPress REST API answers at ",
            url,
            ": check the address (a WordPress site's home page), or the site is not WordPress",
        ]),
    )
    .reached_server(true)
}

/// The error of an index request answered with `status` and a WordPress REST error `code`
/// (`{code, message, data:{status}}`, e.g. `rest_cannot_access`, `rest_disabled`), or
/// `not_wordpress` when the answer has no such code.
pub fn index_refused(url: &str, status: u16, code: Option<&str>, message: Option<&str>) -> Error {
    let Some(code) = code else {
        return not_wordpress(url).with_status(status);
    };
    Error::new(
        ErrorCode::RestApiDisabled,
        cat(&[
            "the site's REST API refused its index with ",
            code,
            " (\u{201c}",
            message.unwrap_or("no message"),
            "\u{201d}): a security plugin or the host turns it off or limits it to logged-in \
             users, and only its administrator can allow it",
        ]),
    )
    .with_status(status)
    .reached_server(true)
}

/// How an index request's error answer reads (the transport's error mapper): a WordPress REST
/// error body means the REST API refused ([`index_refused`]); anything else is not WordPress.
pub fn index_error(status: u16, _body_text: &str, body: Option<ErrorBody>) -> Error {
    let body = body.unwrap_or_default();
    index_refused("this address", status, body.code(), body.message())
}

/// The URL of `route` (`/wp/v2/users/me`) under `api_root`, with `query` appended.
///
/// A path root (`https://site/wp-json/`) gets the route appended. A `?rest_route=` root gets it
/// inside that parameter, its query merged after it:
/// `https://site/index.php?rest_route=/wp/v2/posts&per_page=5`.
pub fn route_url(api_root: &str, route: &str, query: &[(String, String)]) -> String {
    let route = route.trim_start_matches('/');
    let (base, root_query) = cut(api_root, b'?').unwrap_or((api_root, ""));
    let rest_route = parse_form(root_query)
        .ok()
        .and_then(|pairs| pairs.into_iter().find(|(k, _)| k == "rest_route"));
    let mut url = String::new();
    let mut encoded = String::new();
    match rest_route {
        Some((_, prefix)) => {
            url.push_str(base);
            url.push_str("?rest_route=");
            let full = cat(&[trim_slashes(&prefix), "/", route]);
            // `/` stays readable: PHP decodes the parameter either way.
            for (i, segment) in pieces(&full, b'/').enumerate() {
                if i > 0 {
                    url.push('/');
                }
                url.push_str(&encode_component(segment));
            }
            for pair in pieces(root_query, b'&') {
                let key = cut(pair, b'=').map_or(pair, |(k, _)| k);
                if key != "rest_route" && !pair.is_empty() {
                    if !encoded.is_empty() {
                        encoded.push('&');
                    }
                    encoded.push_str(pair);
                }
            }
            for (k, v) in query {
                push_pair(&mut encoded, k, v);
            }
            if !encoded.is_empty() {
                url.push('&');
                url.push_str(&encoded);
            }
        }
        None => {
            url.push_str(trim_slashes(base));
            url.push('/');
            url.push_str(route);
            for (k, v) in query {
                push_pair(&mut encoded, k, v);
            }
            if !encoded.is_empty() {
                url.push('?');
                url.push_str(&encoded);
            }
        }
    }
    url
}

/// The route and query of `url` when it is under `api_root` (as [`route_url`] makes them), for
/// absolute URLs given to `request()`; `None` for any other URL.
pub fn route_of(api_root: &str, url: &str) -> Option<(String, String)> {
    let (root_base, root_query) = cut(api_root, b'?').unwrap_or((api_root, ""));
    let (base, query) = cut(url, b'?').unwrap_or((url, ""));
    let rest_route = parse_form(root_query)
        .ok()?
        .into_iter()
        .find(|(k, _)| k == "rest_route");
    match rest_route {
        Some((_, prefix)) => {
            if !base.eq_ignore_ascii_case(root_base) {
                return None;
            }
            let pairs = parse_form(query).ok()?;
            let route = pairs.iter().find(|(k, _)| k == "rest_route")?.1.clone();
            let prefix = trim_slashes(&prefix);
            let inner = route.strip_prefix(prefix)?;
            if !inner.starts_with('/') && !inner.is_empty() {
                return None;
            }
            let mut rest = String::new();
            for (k, v) in pairs.iter().filter(|(k, _)| k != "rest_route") {
                push_pair(&mut rest, k, v);
            }
            Some((String::from(inner), rest))
        }
        None => {
            let root = trim_slashes(root_base);
            let head = base.get(..root.len())?;
            let inner = base.get(root.len()..)?;
            (head.eq_ignore_ascii_case(root) && (inner.is_empty() || inner.starts_with('/')))
                .then(|| (String::from(inner), String::from(query)))
        }
    }
}
