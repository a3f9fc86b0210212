//! The REST routes the client knows, declared as data, and URL building for any route.

use super::error::{Error, ErrorCode};
use super::form::{push_encoded, push_pair};
use super::text::{has, parse_digits, pieces, push_u64, trim_slashes, u64_text};
use super::url::http_base;
use alloc::string::String;

/// The HTTP methods WordPress.com's REST API has.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Method {
    /// A read; safe to retry.
    Get,
    /// A write; never retried.
    Post,
}

impl Method {
    /// `"GET"` or `"POST"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }

    /// Parses `GET`/`POST` in any case; other methods do not exist on WordPress.com.
    pub fn parse(s: &str) -> Result<Method, Error> {
        if s.eq_ignore_ascii_case("GET") {
            Ok(Method::Get)
        } else if s.eq_ignore_ascii_case("POST") {
            Ok(Method::Post)
        } else {
            Err(invalid("only GET and POST exist on WordPress.com"))
        }
    }
}

/// A route of the typed helpers; `site` is a numeric ID or a domain.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Endpoint<'a> {
    /// `GET /me`
    Me,
    /// `GET /me/sites`
    MySites,
    /// `GET /sites/$site/posts/$id/likes`
    PostLikes {
        /// Site ID or domain.
        site: &'a str,
        /// Post ID.
        post_id: u64,
    },
    /// `POST /sites/$site/posts/$id/likes/new`
    LikePost {
        /// Site ID or domain.
        site: &'a str,
        /// Post ID.
        post_id: u64,
    },
    /// `POST /sites/$site/posts/$id/likes/mine/delete`
    UnlikePost {
        /// Site ID or domain.
        site: &'a str,
        /// Post ID.
        post_id: u64,
    },
    /// `POST /sites/$site/posts/new`
    NewPost {
        /// Site ID or domain.
        site: &'a str,
    },
}

impl Endpoint<'_> {
    /// The route's method.
    pub fn method(&self) -> Method {
        match self {
            Endpoint::Me | Endpoint::MySites | Endpoint::PostLikes { .. } => Method::Get,
            _ => Method::Post,
        }
    }

    /// The route's path (below `/rest/v1.1`), with the site checked by [`site_segment`].
    pub fn path(&self) -> Result<String, Error> {
        let (site, post_id, tail) = match *self {
            Endpoint::Me => return Ok(String::from("/me")),
            Endpoint::MySites => return Ok(String::from("/me/sites")),
            Endpoint::PostLikes { site, post_id } => (site, Some(post_id), "/likes"),
            Endpoint::LikePost { site, post_id } => (site, Some(post_id), "/likes/new"),
            Endpoint::UnlikePost { site, post_id } => (site, Some(post_id), "/likes/mine/delete"),
            Endpoint::NewPost { site } => (site, None, "/new"),
        };
        let mut path = String::from("/sites/");
        path.push_str(&site_segment(site)?);
        path.push_str("/posts");
        if let Some(id) = post_id {
            path.push('/');
            push_u64(&mut path, id);
        }
        path.push_str(tail);
        Ok(path)
    }
}

fn invalid(message: &str) -> Error {
    Error::new(ErrorCode::InvalidConfig, message)
}

/// The `$site` path segment: a positive numeric ID, or a domain with `http(s)://` and a
/// trailing `/` stripped and `/` (subdirectory sites) turned into `::`.
///
/// Refuses what could escape the path: empty values, whitespace, `?`, `#`, `%`, `..` and
/// characters a host name cannot hold (`invalid_config`).
pub fn site_segment(site: &str) -> Result<String, Error> {
    let scheme = |prefix: &str| {
        site.get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
            .then(|| site.get(prefix.len()..))
            .flatten()
    };
    let rest = scheme("https://")
        .or_else(|| scheme("http://"))
        .unwrap_or(site);
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    if rest.is_empty() {
        return Err(invalid("site is empty"));
    }
    if let Some(id) = parse_digits(rest) {
        return if id > 0 {
            Ok(u64_text(id))
        } else {
            Err(invalid("a site ID must be a positive number"))
        };
    }
    let allowed =
        |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'_' | b':' | b'/');
    if has(rest, "..") || pieces(rest, b'/').any(str::is_empty) || !rest.bytes().all(allowed) {
        return Err(invalid("site must be a numeric ID or a domain"));
    }
    let mut out = String::new();
    for c in rest.chars() {
        if c == '/' {
            out.push_str("::");
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

/// Builds `{api_base}/rest/v{version}{path}` (versions 1, 1.1, 1.2, 1.3) or
/// `{api_base}/wpcom/v2{path}` (version 2), with `query` percent-encoded.
///
/// `path` must start with `/` and hold no `..`, `#` or `?` (the query goes in `query`).
pub fn build_api_url(
    api_base: &str,
    api_version: &str,
    path: &str,
    query: &[(String, String)],
) -> Result<String, Error> {
    let base = http_base(api_base).ok_or_else(|| invalid("apiBase must be an http(s) URL"))?;
    let prefix = match api_version {
        "1" | "1.1" | "1.2" | "1.3" => "/rest/v",
        "2" => "/wpcom/v",
        _ => return Err(invalid("apiVersion must be 1, 1.1, 1.2, 1.3 or 2")),
    };
    if !path.starts_with('/') || has(path, "..") || path.bytes().any(|b| b == b'#' || b == b'?') {
        return Err(invalid("path must start with / and hold no .., # or ?"));
    }
    let mut url = String::from(base);
    url.push_str(prefix);
    url.push_str(api_version);
    url.push_str(path);
    let mut q = String::new();
    for (k, v) in query {
        push_pair(&mut q, k, v);
    }
    if !q.is_empty() {
        url.push('?');
        url.push_str(&q);
    }
    Ok(url)
}

/// The `/oauth2/token-info` URL that tells which application and user `token` belongs to.
pub fn build_token_info_url(oauth_base: &str, client_id: &str, token: &str) -> String {
    let mut url = String::from(trim_slashes(oauth_base));
    url.push_str("/oauth2/token-info?client_id=");
    push_encoded(&mut url, client_id);
    url.push_str("&token=");
    push_encoded(&mut url, token);
    url
}
