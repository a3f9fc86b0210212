//! The control API for tests, under `/_emulator/` only: mint tokens, queue faults, reset, apps,
//! settings.
//!
//! - `POST /_emulator/tokens` mints a token; `POST`/`GET /_emulator/faults` queues and lists faults.
//! - `POST /_emulator/reset` restores the seed and the command line's settings.
//! - `POST /_emulator/apps` adds or replaces an app.
//! - `GET /_emulator/settings` → `{"expose_headers":false,"max_upload_kb":10240}`; `POST` it with
//!   the switches to change (`{"max_upload_kb":1}`, unknown keys are refused) → the settings now
//!   in force.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::app::AppState;
use crate::faults::FaultSpec;
use crate::seed::App;
use crate::settings::SettingsPatch;
use crate::tokens::normalize_scope;

/// The control routes.
pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route(
            "/_emulator/health",
            get(|| async { Json(json!({"ok": true})) }),
        )
        .route("/_emulator/tokens", post(mint_token))
        .route("/_emulator/faults", post(queue_fault).get(list_faults))
        .route("/_emulator/reset", post(reset))
        .route("/_emulator/apps", post(upsert_app))
        .route(
            "/_emulator/settings",
            get(show_settings).post(change_settings),
        )
}

fn bad(message: impl Into<String>) -> Response {
    (
        StatusCode::BAD_REQUEST,
        Json(json!({"error": "invalid_input", "message": message.into()})),
    )
        .into_response()
}

fn parse<T: for<'de> Deserialize<'de>>(body: &Bytes) -> Result<T, String> {
    serde_json::from_slice(body).map_err(|e| format!("invalid JSON: {e}"))
}

/// Body of `POST /_emulator/tokens`.
#[derive(Deserialize)]
struct TokenRequest {
    user: Value,
    client_id: String,
    #[serde(default)]
    scope: Option<String>,
    #[serde(default)]
    blog: Option<Value>,
    #[serde(default)]
    expires_in: Option<i64>,
}

fn as_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

async fn mint_token(State(app): State<Arc<AppState>>, body: Bytes) -> Response {
    let request: TokenRequest = match parse(&body) {
        Ok(request) => request,
        Err(message) => return bad(message),
    };
    let Some(scope) = normalize_scope(request.scope.as_deref().unwrap_or("global")) else {
        return bad("invalid scope");
    };
    let user = as_text(&request.user);
    let checked: Result<(u64, Option<u64>), &str> = app.read(|world| {
        let user = world
            .user_by_name(&user)
            .or_else(|| user.parse().ok().and_then(|id| world.user(id)))
            .ok_or("unknown user")?;
        world.app(&request.client_id).ok_or("unknown client_id")?;
        if !scope.is_empty() {
            return Ok((user.id, None));
        }
        let blog = request
            .blog
            .as_ref()
            .filter(|b| !b.is_null())
            .ok_or("scope \"\" needs a blog")?;
        let site = world.site(&as_text(blog)).ok_or("unknown blog")?;
        world
            .role(user.id, site.id)
            .ok_or("the user is not a member of that blog")?;
        Ok((user.id, Some(site.id)))
    });
    let (user_id, blog_id) = match checked {
        Ok(found) => found,
        Err(message) => return bad(message),
    };
    let expires_in = request.expires_in.unwrap_or(app.config.token_ttl);
    let token = app.issue_token(
        user_id,
        &request.client_id,
        &scope,
        blog_id,
        Some(expires_in),
    );
    Json(json!({
        "access_token": token.secret,
        "token_type": "bearer",
        "expires_in": expires_in,
        "site_id": blog_id.unwrap_or(0),
        "scope": scope,
    }))
    .into_response()
}

async fn queue_fault(State(app): State<Arc<AppState>>, body: Bytes) -> Response {
    let spec: FaultSpec = match parse(&body) {
        Ok(spec) => spec,
        Err(message) => return bad(message),
    };
    let queued = app.faults(|faults| faults.push(spec).map(|()| faults.list().len()));
    match queued {
        Ok(queued) => Json(json!({ "queued": queued })).into_response(),
        Err(message) => bad(message),
    }
}

async fn list_faults(State(app): State<Arc<AppState>>) -> Response {
    let faults = app.faults(|faults| faults.list().to_vec());
    Json(json!({ "faults": faults })).into_response()
}

async fn reset(State(app): State<Arc<AppState>>) -> Response {
    app.reset();
    Json(json!({"ok": true})).into_response()
}

async fn upsert_app(State(app): State<Arc<AppState>>, body: Bytes) -> Response {
    let client: App = match parse(&body) {
        Ok(client) => client,
        Err(message) => return bad(message),
    };
    if client.client_id.is_empty() {
        return bad("client_id is required");
    }
    app.write(|world| {
        world.apps.retain(|a| a.client_id != client.client_id);
        world.apps.push(client.clone());
    });
    Json(json!({"ok": true, "app": client})).into_response()
}

async fn show_settings(State(app): State<Arc<AppState>>) -> Response {
    Json(app.settings()).into_response()
}

async fn change_settings(State(app): State<Arc<AppState>>, body: Bytes) -> Response {
    let patch: SettingsPatch = match parse(&body) {
        Ok(patch) => patch,
        Err(message) => return bad(message),
    };
    Json(app.change_settings(patch)).into_response()
}
