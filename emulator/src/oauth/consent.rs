//! The consent page and what Approve and Deny do.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

use super::{Checked, Flow};
use crate::app::AppState;
use crate::html::{self, escape, hidden};
use crate::session::{PendingCode, Session};
use crate::time;

/// Code-flow codes live this long.
const CODE_TTL: i64 = 600;

/// What the consent page says the app will get.
fn access_text(app: &AppState, session: &Session, checked: &Checked) -> (String, bool) {
    let sites = app.read(|w| {
        w.sites_of(session.user_id)
            .into_iter()
            .map(|s| (s.id, s.name.clone(), s.domain()))
            .collect::<Vec<_>>()
    });
    let list = |sites: &[(u64, String, String)]| -> String {
        sites
            .iter()
            .map(|(_, name, domain)| format!("<li>{} ({})</li>", escape(name), escape(domain)))
            .collect()
    };
    match checked.scope.as_str() {
        "auth" => (
            "<p id=\"access\" data-access=\"auth\">Profile only: your display name, username, \
e-mail address and avatar. No access to your sites.</p>"
                .to_owned(),
            true,
        ),
        "global" => (
            format!(
                "<p id=\"access\" data-access=\"global\">All your sites: read and write access to \
every site of your account.</p><ul>{}</ul>",
                list(&sites)
            ),
            true,
        ),
        "" => {
            let fixed = app.read(|w| {
                w.site(&checked.blog)
                    .filter(|s| w.role(session.user_id, s.id).is_some())
                    .map(|s| (s.id, s.name.clone(), s.domain()))
            });
            match fixed {
                Some((id, name, domain)) => (
                    format!(
                        "<p id=\"access\" data-access=\"blog\">One site: <strong>{}</strong> ({}).</p>{}",
                        escape(&name),
                        escape(&domain),
                        hidden("blog", &id.to_string())
                    ),
                    true,
                ),
                None if sites.is_empty() => (
                    "<p id=\"access\" data-access=\"blog\" class=\"error\">You have no site to connect.</p>"
                        .to_owned(),
                    false,
                ),
                None => {
                    let options: String = sites
                        .iter()
                        .map(|(id, name, domain)| {
                            format!("<option value=\"{id}\">{} ({})</option>", escape(name), escape(domain))
                        })
                        .collect();
                    (
                        format!(
                            "<p id=\"access\" data-access=\"blog\">One site of your choice:</p>\
<label for=\"blog\">Site</label><select name=\"blog\" id=\"blog\">{options}</select>"
                        ),
                        true,
                    )
                }
            }
        }
        fine => (
            format!(
                "<p id=\"access\" data-access=\"scopes\">All your sites, limited to: {}.</p><ul>{}</ul>",
                escape(fine),
                list(&sites)
            ),
            true,
        ),
    }
}

/// Renders the consent page for the signed-in user.
pub fn page(app: &AppState, session: &Session, checked: &Checked, error: Option<&str>) -> Response {
    let user = app
        .read(|w| w.user(session.user_id).map(|u| u.username.clone()))
        .unwrap_or_default();
    let (access, can_approve) = access_text(app, session, checked);
    let response_type = match checked.flow {
        Flow::Implicit => "token",
        Flow::Code => "code",
    };
    let mut fields = [
        ("client_id", checked.app.client_id.as_str()),
        ("redirect_uri", checked.redirect_uri.as_str()),
        ("response_type", response_type),
        ("scope", checked.scope.as_str()),
        ("state", checked.state.as_str()),
        ("nonce", session.nonce.as_str()),
    ]
    .iter()
    .map(|(name, value)| hidden(name, value))
    .collect::<String>();
    let logout = format!(
        "/wp-login.php?action=logout&redirect_to={}",
        form_urlencoded::byte_serialize(checked.return_path().as_bytes()).collect::<String>()
    );
    let approve = if can_approve {
        "<button type=\"submit\" name=\"action\" value=\"approve\" id=\"approve\">Approve</button>"
    } else {
        ""
    };
    if !access.contains("name=\"blog\"") && !checked.blog.is_empty() && checked.scope.is_empty() {
        // Keep the asked-for blog even when it is not the user's, so Approve can explain.
        fields.push_str(&hidden("blog", &checked.blog));
    }
    let error = error.map_or_else(String::new, |e| {
        format!("<p class=\"error\" id=\"error\">{}</p>", escape(e))
    });
    let body = format!(
        "{error}<p><strong id=\"app-name\">{app_name}</strong> would like to connect to your \
WordPress.com account.</p><p>Signed in as <strong id=\"user\">{user}</strong>. \
<a href=\"{logout}\">Not you?</a></p>\
<form method=\"post\" action=\"{path}\" id=\"consent\">{access}{fields}<p>{approve}\
<button type=\"submit\" name=\"action\" value=\"deny\" id=\"deny\">Deny</button></p></form>",
        app_name = escape(&checked.app.name),
        user = escape(&user),
        logout = escape(&logout),
        path = checked.path,
    );
    html::respond(StatusCode::OK, html::page("Connect an application", &body))
}

fn encode(pairs: &[(&str, &str)]) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (key, value) in pairs {
        out.append_pair(key, value);
    }
    out.finish()
}

fn redirect(location: String) -> Response {
    (
        StatusCode::FOUND,
        [
            (header::LOCATION, location),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
    )
        .into_response()
}

fn with_query(uri: &str, query: &str) -> String {
    let joiner = if uri.contains('?') { '&' } else { '?' };
    format!("{uri}{joiner}{query}")
}

/// Deny: back to the app with `access_denied` (fragment for implicit, query for code).
pub fn deny(checked: &Checked) -> Response {
    let pairs = [
        ("error", "access_denied"),
        ("error_description", "You need to log in to WordPress.com"),
        ("state", checked.state.as_str()),
    ];
    match checked.flow {
        Flow::Implicit => redirect(format!("{}#{}", checked.redirect_uri, encode(&pairs))),
        Flow::Code => redirect(with_query(&checked.redirect_uri, &encode(&pairs))),
    }
}

/// Approve: issue the token (or code) and go back to the app.
pub fn approve(app: &AppState, session: &Session, checked: &Checked) -> Response {
    let blog_id = if checked.scope.is_empty() {
        let site = app.read(|w| {
            w.site(&checked.blog)
                .filter(|s| w.role(session.user_id, s.id).is_some())
                .map(|s| s.id)
        });
        match site {
            Some(id) => Some(id),
            None => return page(app, session, checked, Some("Choose one of your sites.")),
        }
    } else {
        None
    };
    let site_id = blog_id.unwrap_or(0).to_string();
    match checked.flow {
        Flow::Implicit => {
            let ttl = app.config.token_ttl;
            let token = app.issue_token(
                session.user_id,
                &checked.app.client_id,
                &checked.scope,
                blog_id,
                Some(ttl),
            );
            let fragment = encode(&[
                ("access_token", token.secret.as_str()),
                ("expires_in", ttl.to_string().as_str()),
                ("token_type", "bearer"),
                ("site_id", site_id.as_str()),
                ("scope", checked.scope.as_str()),
                ("state", checked.state.as_str()),
            ]);
            redirect(format!("{}#{fragment}", checked.redirect_uri))
        }
        Flow::Code => {
            let pending = PendingCode {
                user_id: session.user_id,
                client_id: checked.app.client_id.clone(),
                redirect_uri: checked.redirect_uri.clone(),
                scope: checked.scope.clone(),
                blog_id,
                expires_at: time::now() + CODE_TTL,
            };
            let code = app.sessions(|sessions| sessions.insert_code(pending));
            let query = encode(&[("code", code.as_str()), ("state", checked.state.as_str())]);
            redirect(with_query(&checked.redirect_uri, &query))
        }
    }
}
