//! `/oauth2/authorize` and `/oauth2/authenticate`: client check, log-in, consent, redirect.

mod consent;
mod token_info;

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::Response;
use axum::Form;
use serde::Deserialize;

use crate::app::AppState;
use crate::html;
use crate::seed::App;
use crate::tokens::normalize_scope;

pub use token_info::{exchange_code, token_info};

/// Parameters of an authorize request (query on GET, form on POST).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct AuthorizeParams {
    #[serde(default)]
    client_id: String,
    #[serde(default)]
    redirect_uri: String,
    #[serde(default)]
    response_type: String,
    #[serde(default)]
    scope: String,
    #[serde(default)]
    blog: String,
    #[serde(default)]
    state: String,
    // Only on the consent form.
    #[serde(default)]
    nonce: String,
    #[serde(default)]
    action: String,
}

/// Which grant the client asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    /// `response_type=token`: the token in the fragment.
    Implicit,
    /// `response_type=code`: a code in the query.
    Code,
}

/// An authorize request whose client, redirect URI, response type and scope were checked.
#[derive(Clone, Debug)]
pub struct Checked {
    app: App,
    redirect_uri: String,
    flow: Flow,
    scope: String,
    blog: String,
    state: String,
    /// `/oauth2/authorize` or `/oauth2/authenticate`.
    path: &'static str,
}

impl Checked {
    /// The authorize URL that leads back here (after log-in).
    fn return_path(&self) -> String {
        let response_type = match self.flow {
            Flow::Implicit => "token",
            Flow::Code => "code",
        };
        let mut query = form_urlencoded::Serializer::new(String::new());
        query
            .append_pair("client_id", &self.app.client_id)
            .append_pair("redirect_uri", &self.redirect_uri)
            .append_pair("response_type", response_type)
            .append_pair("scope", &self.scope);
        if !self.blog.is_empty() {
            query.append_pair("blog", &self.blog);
        }
        query.append_pair("state", &self.state);
        format!("{}?{}", self.path, query.finish())
    }
}

/// Checks the client and the redirect URI before anything else: a bad one gets an
/// error page, never a redirect, so this endpoint cannot be used to bounce users anywhere.
fn check(
    app: &AppState,
    params: &AuthorizeParams,
    path: &'static str,
) -> Result<Checked, &'static str> {
    let Some(client) = app.read(|w| w.app(&params.client_id).cloned()) else {
        return Err("Invalid client_id: no application is registered with this ID.");
    };
    if !client.redirect_uris.contains(&params.redirect_uri) {
        return Err(
            "Invalid redirect_uri: it does not match the application's registered redirect URLs.",
        );
    }
    let flow = match params.response_type.as_str() {
        "token" => Flow::Implicit,
        "code" => Flow::Code,
        _ => return Err("Invalid response_type: use token or code."),
    };
    let forced_auth = path == "/oauth2/authenticate";
    let scope = if forced_auth {
        Some("auth".to_owned())
    } else {
        normalize_scope(&params.scope)
    };
    let Some(scope) = scope else {
        return Err("Invalid scope.");
    };
    Ok(Checked {
        app: client,
        redirect_uri: params.redirect_uri.clone(),
        flow,
        scope,
        blog: params.blog.trim().to_owned(),
        state: params.state.clone(),
        path,
    })
}

fn path_of(uri: &Uri) -> &'static str {
    if uri.path().trim_end_matches('/') == "/oauth2/authenticate" {
        "/oauth2/authenticate"
    } else {
        "/oauth2/authorize"
    }
}

/// `GET /oauth2/authorize` and `GET /oauth2/authenticate`.
pub async fn authorize_page(
    State(app): State<Arc<AppState>>,
    headers: HeaderMap,
    uri: Uri,
    Query(params): Query<AuthorizeParams>,
) -> Response {
    let checked = match check(&app, &params, path_of(&uri)) {
        Ok(checked) => checked,
        Err(message) => return html::error_page(StatusCode::BAD_REQUEST, message),
    };
    match app.session_of(&headers) {
        None => html::login_form(&checked.return_path(), None),
        Some(session) => consent::page(&app, &session, &checked, None),
    }
}

/// `POST /oauth2/authorize` (and authenticate): the consent form's Approve or Deny.
pub async fn authorize_submit(
    State(app): State<Arc<AppState>>,
    headers: HeaderMap,
    uri: Uri,
    Form(params): Form<AuthorizeParams>,
) -> Response {
    let checked = match check(&app, &params, path_of(&uri)) {
        Ok(checked) => checked,
        Err(message) => return html::error_page(StatusCode::BAD_REQUEST, message),
    };
    let Some(session) = app.session_of(&headers) else {
        return html::login_form(&checked.return_path(), None);
    };
    if params.nonce != session.nonce {
        return html::error_page(
            StatusCode::BAD_REQUEST,
            "The link you followed has expired. Please try again.",
        );
    }
    match params.action.as_str() {
        "approve" => consent::approve(&app, &session, &checked),
        "deny" => consent::deny(&checked),
        _ => consent::page(&app, &session, &checked, Some("Choose Approve or Deny.")),
    }
}
