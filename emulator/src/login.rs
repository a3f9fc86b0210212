//! `/wp-login.php`: the log-in form, signing in (which sets the cookie) and `?action=logout`.

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Form;
use serde::Deserialize;

use crate::app::AppState;
use crate::connected_apps;
use crate::html;
use crate::session::COOKIE;

/// Where a log-in with no `redirect_to` lands.
const HOME: &str = connected_apps::PATH;

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
        app.sessions(|sessions| sessions.sign_out(&headers));
        let response = html::login_form(&target, None);
        return with_cookie(response, &format!("{COOKIE}=; Path=/; Max-Age=0"));
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
    let id = app.sessions(|sessions| sessions.sign_in(user_id));
    let response = (StatusCode::FOUND, [(header::LOCATION, target)]).into_response();
    with_cookie(
        response,
        &format!("{COOKIE}={id}; Path=/; HttpOnly; SameSite=Lax"),
    )
}

fn with_cookie(mut response: Response, cookie: &str) -> Response {
    if let Ok(value) = HeaderValue::from_str(cookie) {
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
}
