//! Browser sessions: the log-in cookie, `/wp-login.php`, and the CSRF nonce of each session.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Form;
use serde::Deserialize;

use crate::app::{lock, AppState};
use crate::html;
use crate::tokens;

/// Name of the log-in cookie, as on WordPress.com.
pub const COOKIE: &str = "wordpress_logged_in";

/// Where a log-in with no `redirect_to` lands.
const HOME: &str = "/me/security/connected-applications";

/// One signed-in browser.
#[derive(Clone, Debug)]
pub struct Session {
    /// Who signed in.
    pub user_id: u64,
    /// Secret that forms of this session must echo (CSRF).
    pub nonce: String,
}

/// An authorization code waiting to be exchanged at `POST /oauth2/token`.
#[derive(Clone, Debug)]
pub struct PendingCode {
    /// Who approved.
    pub user_id: u64,
    /// For which app.
    pub client_id: String,
    /// The redirect URI the code was sent to (the exchange must repeat it).
    pub redirect_uri: String,
    /// Scope granted.
    pub scope: String,
    /// Site of a single-blog grant.
    pub blog_id: Option<u64>,
    /// Codes are short-lived.
    pub expires_at: i64,
}

/// Sessions by cookie value, and pending authorization codes.
#[derive(Debug, Default)]
pub struct Sessions {
    by_id: HashMap<String, Session>,
    codes: HashMap<String, PendingCode>,
}

impl Sessions {
    /// Remembers a code; returns it.
    pub fn insert_code(&mut self, pending: PendingCode) -> String {
        let code = tokens::new_opaque(32);
        self.codes.insert(code.clone(), pending);
        code
    }

    /// Takes a code out (codes are single-use).
    pub fn take_code(&mut self, code: &str) -> Option<PendingCode> {
        self.codes.remove(code)
    }
}

/// The session of the request's cookie, if it is a live one.
pub fn current(app: &AppState, headers: &HeaderMap) -> Option<Session> {
    let id = cookie_value(headers, COOKIE)?;
    lock(&app.sessions).by_id.get(&id).cloned()
}

fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
}

/// Only same-site paths: never let the log-in form redirect elsewhere.
pub fn safe_redirect(target: &str) -> &str {
    if target.starts_with('/') && !target.starts_with("//") && !target.contains('\\') {
        target
    } else {
        HOME
    }
}

/// Query of `GET /wp-login.php`.
#[derive(Debug, Deserialize)]
pub struct LoginQuery {
    #[serde(default)]
    redirect_to: String,
    #[serde(default)]
    action: String,
}

/// `GET /wp-login.php`: the log-in form, or `?action=logout`.
pub async fn login_page(
    State(app): State<Arc<AppState>>,
    headers: HeaderMap,
    Query(query): Query<LoginQuery>,
) -> Response {
    let target = safe_redirect(&query.redirect_to).to_owned();
    if query.action == "logout" {
        if let Some(id) = cookie_value(&headers, COOKIE) {
            lock(&app.sessions).by_id.remove(&id);
        }
        let mut response = html::login_form(&target, None);
        if let Ok(value) = HeaderValue::from_str(&format!("{COOKIE}=; Path=/; Max-Age=0")) {
            response.headers_mut().insert(header::SET_COOKIE, value);
        }
        return response;
    }
    html::login_form(&target, None)
}

/// Fields of the log-in form.
#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    log: String,
    #[serde(default)]
    pwd: String,
    #[serde(default)]
    redirect_to: String,
}

/// `POST /wp-login.php`: checks the password, sets the cookie, goes back to `redirect_to`.
pub async fn login_submit(
    State(app): State<Arc<AppState>>,
    Form(form): Form<LoginForm>,
) -> Response {
    let target = safe_redirect(&form.redirect_to).to_owned();
    let login = form.log.trim();
    let user_id = app.read(|world| {
        world
            .users
            .iter()
            .find(|u| {
                (u.username == login || u.email.eq_ignore_ascii_case(login))
                    && u.password == form.pwd
            })
            .map(|u| u.id)
    });
    let Some(user_id) = user_id else {
        return html::login_form(
            &target,
            Some("The username or password you entered is incorrect."),
        );
    };
    let id = tokens::new_opaque(32);
    let session = Session {
        user_id,
        nonce: tokens::new_opaque(24),
    };
    lock(&app.sessions).by_id.insert(id.clone(), session);
    let cookie = format!("{COOKIE}={id}; Path=/; HttpOnly; SameSite=Lax");
    let mut response = (StatusCode::FOUND, [(header::LOCATION, target)]).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed_after_log_in() {
        let cases = [
            (
                "/oauth2/authorize?client_id=1",
                "/oauth2/authorize?client_id=1",
            ),
            ("https://evil.example/", HOME),
            ("//evil.example/", HOME),
            ("/\\evil.example", HOME),
            ("", HOME),
        ];
        for (given, want) in cases {
            assert_eq!(safe_redirect(given), want, "{given}");
        }
    }

    #[test]
    fn cookie_is_found_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; wordpress_logged_in=xyz; b=2"),
        );
        assert_eq!(cookie_value(&headers, COOKIE).as_deref(), Some("xyz"));
    }
}
