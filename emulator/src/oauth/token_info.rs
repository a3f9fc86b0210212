//! `GET /oauth2/token-info` and the code exchange `POST /oauth2/token`.

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Form, Json};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::app::AppState;
use crate::time;

fn oauth_error(error: &str, description: &str) -> Response {
    (
        StatusCode::BAD_REQUEST,
        Json(json!({"error": error, "error_description": description})),
    )
        .into_response()
}

/// Query of `GET /oauth2/token-info`.
#[derive(Deserialize)]
pub struct TokenInfoQuery {
    #[serde(default)]
    client_id: String,
    #[serde(default)]
    token: String,
}

/// `GET /oauth2/token-info`: what a token is, but only to the app it was issued to.
pub async fn token_info(
    State(app): State<Arc<AppState>>,
    Query(query): Query<TokenInfoQuery>,
) -> Response {
    if query.client_id.is_empty() {
        return oauth_error(
            "invalid_request",
            "The required \"client_id\" parameter is missing.",
        );
    }
    let now = time::now();
    let info = app.read(|world| {
        world
            .token(&query.token)
            .filter(|t| t.is_live(now) && t.client_id == query.client_id)
            .map(|t| {
                json!({
                    "client_id": t.client_id,
                    "user_id": t.user_id.to_string(),
                    "blog_id": t.blog_id.map_or(Value::Null, |b| json!(b.to_string())),
                    "scope": t.scope,
                })
            })
    });
    match info {
        Some(info) => Json(info).into_response(),
        None => oauth_error("invalid_request", "The specified token is invalid."),
    }
}

/// Form of `POST /oauth2/token`.
#[derive(Deserialize)]
pub struct ExchangeForm {
    #[serde(default)]
    grant_type: String,
    #[serde(default)]
    client_id: String,
    #[serde(default)]
    client_secret: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    redirect_uri: String,
}

/// `POST /oauth2/token`: trades a code for a token that does not expire.
pub async fn exchange_code(
    State(app): State<Arc<AppState>>,
    Form(form): Form<ExchangeForm>,
) -> Response {
    if form.grant_type != "authorization_code" {
        return oauth_error(
            "unsupported_grant_type",
            "Only authorization_code is supported.",
        );
    }
    let client = app.read(|w| w.app(&form.client_id).cloned());
    let secret_ok = client.as_ref().is_some_and(|c| {
        c.client_secret
            .as_ref()
            .map_or(true, |s| *s == form.client_secret)
    });
    if !secret_ok {
        return oauth_error("invalid_client", "Unknown client or wrong client secret.");
    }
    let pending = app.sessions(|sessions| sessions.take_code(&form.code));
    let Some(pending) = pending.filter(|p| {
        p.client_id == form.client_id
            && p.redirect_uri == form.redirect_uri
            && p.expires_at > time::now()
    }) else {
        return oauth_error("invalid_grant", "The code is invalid, used or expired.");
    };
    let token = app.issue_token(
        pending.user_id,
        &pending.client_id,
        &pending.scope,
        pending.blog_id,
        None,
    );
    let blog_url = app
        .read(|w| {
            pending
                .blog_id
                .and_then(|b| w.site_by_id(b))
                .map(|s| s.url.clone())
        })
        .unwrap_or_default();
    Json(json!({
        "access_token": token.secret,
        "token_type": "bearer",
        "blog_id": pending.blog_id.unwrap_or(0).to_string(),
        "blog_url": blog_url,
        "scope": pending.scope,
    }))
    .into_response()
}
