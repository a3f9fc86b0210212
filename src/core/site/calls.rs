//! Calls to a WordPress site's REST API with an application password: the path grammar of
//! `SiteClient.request()`, the typed calls' routes, and what the site's errors mean.

use super::super::endpoint::{invalid, Method};
use super::super::error::{error_from_response, Error, ErrorBody, ErrorCode};
use super::super::form::parse_form;
use super::super::path::ApiCall;
use super::super::text::{cat, cut, has, push_u64};
use super::discovery::{route_of, route_url};
use alloc::{string::String, vec::Vec};

/// `GET`: the user the password belongs to (`me()`).
pub const USERS_ME: &str = "/wp/v2/users/me";
/// `GET` pages of posts, `POST` a new one (`posts()`, `listPosts()`, `createPost()`).
pub const POSTS: &str = "/wp/v2/posts";
/// `POST` a file as the raw body (`uploadMedia()`).
pub const MEDIA: &str = "/wp/v2/media";
/// `GET`: the application password in use (`disconnect()`).
pub const INTROSPECT: &str = "/wp/v2/users/me/application-passwords/introspect";
/// `DELETE` `…/<uuid>`: revokes one application password (`disconnect()`).
pub const APPLICATION_PASSWORDS: &str = "/wp/v2/users/me/application-passwords/";

/// Builds the call for `method path` under `api_root`.
///
/// - `path`: a route under the API root, with or without its leading `/`
///   (`/wp/v2/users/me`, `wp/v2/posts?per_page=5`, `/` for the index), or an absolute URL under
///   `api_root` (as the site's own `Link` headers give them), any other being `invalid_config`
///   so the password never goes elsewhere. A query string in `path` is merged with `query` (a
///   key in both is `invalid_config`).
/// - `PUT`, `PATCH` and `DELETE` go out as they are, not as `POST ?_method=…` like `Client`'s:
///   a call with `Authorization` is preflighted, and WordPress core applies a `_method` in the
///   query to the `OPTIONS` preflight too, which then answers 401 and fails CORS (seen on 6.1).
///   Core's CORS allows the real methods.
pub fn build_site_call(
    api_root: &str,
    method: Method,
    path: &str,
    query: &[(String, String)],
) -> Result<ApiCall, Error> {
    let (route, pairs) = split_site_path(api_root, path, query)?;
    Ok(ApiCall {
        method,
        url: route_url(api_root, &route, &pairs),
        // Answers are read as sent: a site call asks for no envelope.
        envelope: None,
    })
}

/// `path` (the grammar of [`build_site_call`]) as its route under `api_root` and the query:
/// the path's own query string, then `query`. `invalid_config` as for [`build_site_call`].
/// The pager of `SiteClient.paginate()` reads the whole query this way, so a `page` or
/// `per_page` in the path counts.
pub fn split_site_path(
    api_root: &str,
    path: &str,
    query: &[(String, String)],
) -> Result<(String, Vec<(String, String)>), Error> {
    let absolute = cut(path, b':').is_some_and(|(scheme, rest)| {
        rest.starts_with("//") && scheme.bytes().all(|b| b.is_ascii_alphanumeric())
    });
    let (route, inline) = if absolute {
        route_of(api_root, path).ok_or_else(|| {
            invalid(&cat(&[
                "an absolute URL must be under the site's API root (",
                api_root,
                "): the password is never sent elsewhere",
            ]))
        })?
    } else {
        let (route, inline) = cut(path, b'?').unwrap_or((path, ""));
        (String::from(route), String::from(inline))
    };
    if has(&route, "#")
        || has(&inline, "#")
        || has(&route, "..")
        || route.starts_with("//")
        || route.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return Err(invalid(
            "a path holds no #, no .., no spaces and no second host: give a route like \
             /wp/v2/posts",
        ));
    }
    let mut pairs = parse_form(&inline)
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
    Ok((route, pairs))
}

/// The query of one page of a collection: `page` (from 1) and `per_page` (1–100), added to
/// `query`.
pub fn page_query(
    query: &[(String, String)],
    page: Option<u32>,
    per_page: Option<u32>,
) -> Result<Vec<(String, String)>, Error> {
    let mut pairs: Vec<(String, String)> = query.to_vec();
    let mut add = |key: &str, n: u32| {
        let mut value = String::new();
        push_u64(&mut value, u64::from(n));
        pairs.push((String::from(key), value));
    };
    if let Some(page) = page {
        if page == 0 {
            return Err(invalid("page counts from 1"));
        }
        add("page", page);
    }
    if let Some(per_page) = per_page {
        if !(1..=100).contains(&per_page) {
            return Err(invalid(
                "perPage must be between 1 and 100 (WordPress's limit)",
            ));
        }
        add("per_page", per_page);
    }
    Ok(pairs)
}

/// What a site's error answer to a call made with an application password means.
///
/// WordPress's `{code, message, data:{status}}` becomes an error with that code, except:
/// - `incorrect_password`, `invalid_username`, `invalid_email` → `credentials_refused` (the
///   password was revoked or is wrong: connect again);
/// - 401 `rest_not_logged_in` → `credentials_ignored`: the site answered as if no credentials
///   were sent (WordPress 6.1 also answers a wrong or revoked password this way);
/// - `application_passwords_disabled(_for_user)` → `application_passwords_unavailable`.
///
/// Answers without a message get one that names the site, not WordPress.com; a bare 404 asks
/// whether the API root is one (a site's address given as `apiRoot` answers so).
pub fn site_error_from_response(status: u16, body_text: &str, body: Option<ErrorBody>) -> Error {
    let has_message = body.as_ref().and_then(ErrorBody::message).is_some();
    let mut error = error_from_response(status, body_text, body);
    let wire = String::from(error.code.as_str());
    let (code, note) = match wire.as_str() {
        "incorrect_password" | "invalid_username" | "invalid_email" => (
            ErrorCode::CredentialsRefused,
            "the site refused the application password (revoked, or the user changed): \
             connect again",
        ),
        "rest_not_logged_in" if status == 401 => (ErrorCode::CredentialsIgnored, IGNORED),
        "application_passwords_disabled" | "application_passwords_disabled_for_user" => (
            ErrorCode::ApplicationPasswordsUnavailable,
            "the site has turned application passwords off (for this account)",
        ),
        _ => (error.code.clone(), ""),
    };
    error.code = code;
    if !has_message {
        error.message = String::from("the site answered HTTP ");
        push_u64(&mut error.message, u64::from(status));
        error.message.push_str(" with no error message");
        // WordPress answers an unknown route with `rest_no_route`: a bare 404 is no REST API.
        if status == 404 {
            error.message.push_str(
                ": is apiRoot the API root discoverSite() gives (…/wp-json/), not the site?",
            );
        }
    }
    if !note.is_empty() {
        error.message = cat(&[&error.message, " (", &wire, "): ", note]);
    }
    error
}

/// Why a site may answer as if no credentials were sent.
pub const IGNORED: &str =
    "the site answered as if no credentials were sent. Either it refused the application \
     password (revoked or wrong: WordPress answers some refusals this way) and the app should \
     connect again, or it never read it: plain http on a site that is not a local environment, \
     a server or proxy that drops the Authorization header (Apache without CGIPassAuth), or a \
     security plugin";

/// `credentials_ignored` for a call that should have been authenticated but was answered as
/// anonymous (`/users/me` without an `id`).
pub fn credentials_ignored() -> Error {
    Error::new(ErrorCode::CredentialsIgnored, IGNORED).reached_server(true)
}

/// The `Content-Disposition` of a media upload: `attachment; filename="…"`, as WordPress reads
/// it (`filename=` only, split on `;`, quotes stripped without escapes). Characters it cannot
/// carry there (`"`, `;`, `\`, `/`, controls, anything outside printable ASCII, which `fetch`
/// headers refuse or WordPress would mangle) become `-`; `invalid_config` for an empty name.
pub fn content_disposition(filename: &str) -> Result<String, Error> {
    let name: String = filename
        .trim()
        .chars()
        .map(|c| match c {
            ' '..='~' if !matches!(c, '"' | ';' | '\\' | '/') => c,
            _ => '-',
        })
        .collect();
    if name.is_empty() {
        return Err(invalid(
            "uploadMedia needs a filename (a File has one; give options.filename for a Blob)",
        ));
    }
    Ok(cat(&["attachment; filename=\"", &name, "\""]))
}
