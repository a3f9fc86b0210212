//! `GET /files/$site_ID/YYYY/MM/name.ext`: media files, byte for byte, with their MIME type.
//! The emulator's stand-in for `https://<site>.files.wordpress.com/…`; any query (`?w=150`
//! for a thumbnail) is ignored.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};

use crate::app::AppState;
use crate::rest::no_route;

/// Serves a stored media file; an unknown or deleted one is a 404 with an empty body.
pub async fn serve(
    State(app): State<Arc<AppState>>,
    Path((site, path)): Path<(String, String)>,
) -> Response {
    let found = app.read(|world| {
        let site_id = site.parse::<u64>().ok()?;
        world
            .media
            .iter()
            .find(|m| m.site_id == site_id && m.path == path)
            .map(|m| (m.mime_type.clone(), m.bytes.clone()))
    });
    let Some((mime_type, bytes)) = found else {
        return no_route();
    };
    let content_type = HeaderValue::from_str(&mime_type)
        .unwrap_or_else(|_| HeaderValue::from_static("application/octet-stream"));
    ([(header::CONTENT_TYPE, content_type)], bytes).into_response()
}
