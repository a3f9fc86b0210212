//! `/me/security/connected-applications`: the apps a user authorized, and Disconnect.
//!
//! [`connections`] and [`revoke`] are the one source of both this page and the REST routes
//! `/rest/v1.1/me/connected-applications` (`rest::connected_apps`).

use std::sync::Arc;

use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Form;
use serde::Deserialize;

use crate::app::AppState;
use crate::html::{self, escape, hidden};
use crate::session::Session;
use crate::store::World;
use crate::time;
use crate::tokens::Access;

/// Path of the page.
pub const PATH: &str = "/me/security/connected-applications";

/// One app a user authorized, from their live tokens: what the page and the REST routes
/// (`/rest/v1.1/me/connected-applications`) both list.
pub struct Connection {
    /// The app's client ID (also the connection's `ID` on the REST routes).
    pub client_id: String,
    /// The app's name, or its client ID when the app is not registered.
    pub name: String,
    /// When its first live token was issued (seconds since the epoch).
    pub since: i64,
    /// The scope and reach of each live token, without repeats, in issue order.
    pub grants: Vec<(String, Access)>,
}

/// The apps `user_id` has live tokens for, in the order they were first authorized.
pub fn connections(world: &World, user_id: u64, now: i64) -> Vec<Connection> {
    let mut out: Vec<Connection> = Vec::new();
    let tokens = world
        .tokens
        .iter()
        .filter(|t| t.user_id == user_id && t.is_live(now));
    for token in tokens {
        let index = match out.iter().position(|c| c.client_id == token.client_id) {
            Some(index) => index,
            None => {
                let name = world
                    .app(&token.client_id)
                    .map_or(token.client_id.clone(), |a| a.name.clone());
                out.push(Connection {
                    client_id: token.client_id.clone(),
                    name,
                    since: token.issued_at,
                    grants: Vec::new(),
                });
                out.len() - 1
            }
        };
        if let Some(connection) = out.get_mut(index) {
            connection.since = connection.since.min(token.issued_at);
            let grant = (token.scope.clone(), token.access());
            if !connection.grants.contains(&grant) {
                connection.grants.push(grant);
            }
        }
    }
    out
}

/// Revokes every token of app `client_id` for `user_id`; whether any of them was still live.
pub fn revoke(world: &mut World, user_id: u64, client_id: &str, now: i64) -> bool {
    let mut revoked = false;
    for token in world
        .tokens
        .iter_mut()
        .filter(|t| t.user_id == user_id && t.client_id == client_id)
    {
        revoked |= token.is_live(now);
        token.revoked = true;
    }
    revoked
}

fn push_unique(list: &mut Vec<String>, item: String) {
    if !list.contains(&item) {
        list.push(item);
    }
}

/// The page's "Sites" and "Access" lines of a connection.
fn describe(world: &World, connection: &Connection) -> (Vec<String>, Vec<String>) {
    let (mut sites, mut accesses) = (Vec::new(), Vec::new());
    for (scope, access) in &connection.grants {
        let (site, access) = match access {
            Access::ProfileOnly => ("Profile only".to_owned(), "Profile (auth)".to_owned()),
            Access::AllSites if scope == "global" => ("All sites".to_owned(), "Global".to_owned()),
            Access::AllSites => ("All sites".to_owned(), format!("Limited: {scope}")),
            Access::OneBlog(id) => (
                world
                    .site_by_id(*id)
                    .map_or(id.to_string(), |s| s.name.clone()),
                "One site".to_owned(),
            ),
        };
        push_unique(&mut sites, site);
        push_unique(&mut accesses, access);
    }
    (sites, accesses)
}

fn render(app: &AppState, session: &Session) -> Response {
    let list = app.read(|w| {
        connections(w, session.user_id, time::now())
            .into_iter()
            .map(|c| {
                let (sites, access) = describe(w, &c);
                (c, sites, access)
            })
            .collect::<Vec<_>>()
    });
    let items: String = list
        .iter()
        .map(|(c, sites, access)| {
            format!(
                "<li id=\"app-{id}\"><strong class=\"app-name\">{name}</strong><br>\
Authorized on <span class=\"since\">{since}</span><br>\
Sites: <span class=\"sites\">{sites}</span><br>Access: <span class=\"access\">{access}</span>\
<form method=\"post\" action=\"{PATH}\">{client}{nonce}\
<button type=\"submit\" id=\"disconnect-{id}\">Disconnect</button></form></li>",
                id = escape(&c.client_id),
                name = escape(&c.name),
                since = time::iso(c.since),
                sites = escape(&sites.join(", ")),
                access = escape(&access.join(", ")),
                client = hidden("client_id", &c.client_id),
                nonce = hidden("nonce", &session.nonce),
            )
        })
        .collect();
    let body = if items.is_empty() {
        "<p id=\"no-apps\">You have not connected any applications.</p>".to_owned()
    } else {
        format!("<ul id=\"apps\">{items}</ul>")
    };
    html::respond(StatusCode::OK, html::page("Connected applications", &body))
}

/// `GET /me/security/connected-applications`.
pub async fn page(State(app): State<Arc<AppState>>, headers: HeaderMap) -> Response {
    match app.session_of(&headers) {
        Some(session) => render(&app, &session),
        None => html::login_form(PATH, None),
    }
}

/// Form of the Disconnect button.
#[derive(Deserialize)]
pub struct DisconnectForm {
    #[serde(default)]
    client_id: String,
    #[serde(default)]
    nonce: String,
}

/// `POST /me/security/connected-applications`: revokes every token of that app for this user.
pub async fn disconnect(
    State(app): State<Arc<AppState>>,
    headers: HeaderMap,
    Form(form): Form<DisconnectForm>,
) -> Response {
    let Some(session) = app.session_of(&headers) else {
        return html::login_form(PATH, None);
    };
    if form.nonce != session.nonce {
        return html::error_page(
            StatusCode::BAD_REQUEST,
            "The link you followed has expired. Please try again.",
        );
    }
    app.write(|world| revoke(world, session.user_id, &form.client_id, time::now()));
    (StatusCode::SEE_OTHER, [(header::LOCATION, PATH)]).into_response()
}
