//! Who is calling: the bearer token, its scope, and what it may reach.

use axum::http::{header, HeaderMap};

use super::errors::ApiError;
use crate::app::AppState;
use crate::seed::{Role, Site};
use crate::store::World;
use crate::time;
use crate::tokens::Access;

/// What a valid token grants this request.
#[derive(Clone, Debug)]
pub struct Grant {
    /// Whose token.
    pub user_id: u64,
    /// App it was issued to.
    pub client_id: String,
    /// Scope string as issued.
    pub scope: String,
    /// What it reaches.
    pub access: Access,
}

/// Reads `Authorization: Bearer …`. No header is an anonymous call; a bad one is `invalid_token`.
pub fn authenticate(app: &AppState, headers: &HeaderMap) -> Result<Option<Grant>, ApiError> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let value = value.to_str().map_err(|_| ApiError::invalid_token())?;
    let secret = value
        .split_once(' ')
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, secret)| secret.trim())
        .ok_or_else(ApiError::invalid_token)?;
    let now = time::now();
    let grant = app
        .read(|world| {
            world
                .token(secret)
                .filter(|t| t.is_live(now))
                .map(|t| Grant {
                    user_id: t.user_id,
                    client_id: t.client_id.clone(),
                    scope: t.scope.clone(),
                    access: t.access(),
                })
        })
        .ok_or_else(ApiError::invalid_token)?;
    // A page of another app must not use this app's token (WordPress.com checks the Origin).
    if let Some(origin) = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok()) {
        if !app.is_app_origin(&grant.client_id, origin) {
            return Err(ApiError::unauthorized(
                "This token may not be used from this origin.",
            ));
        }
    }
    Ok(Some(grant))
}

/// The grant, or `authorization_required` with `message`.
pub fn require<'g>(grant: Option<&'g Grant>, message: &str) -> Result<&'g Grant, ApiError> {
    grant.ok_or_else(|| ApiError::authorization_required(message))
}

/// Whether the token's scope reaches this site.
pub fn check_site_scope(grant: Option<&Grant>, site_id: u64) -> Result<(), ApiError> {
    match grant.map(|g| g.access) {
        Some(Access::ProfileOnly) => Err(ApiError::unauthorized(
            "This token only grants access to the user's profile.",
        )),
        Some(Access::OneBlog(blog)) if blog != site_id => Err(ApiError::unauthorized(
            "This token does not grant access to this site.",
        )),
        _ => Ok(()),
    }
}

/// Resolves `$site` and checks the caller may read it (scope, private blogs).
pub fn readable_site<'w>(
    world: &'w World,
    grant: Option<&Grant>,
    reference: &str,
) -> Result<&'w Site, ApiError> {
    let site = world.site(reference).ok_or_else(ApiError::unknown_blog)?;
    check_site_scope(grant, site.id)?;
    if site.is_private && role(world, grant, site.id).is_none() {
        return Err(ApiError::unauthorized(
            "User cannot access this private blog.",
        ));
    }
    Ok(site)
}

/// The caller's role on a site (none for anonymous calls or non-members).
pub fn role(world: &World, grant: Option<&Grant>, site_id: u64) -> Option<Role> {
    grant.and_then(|g| world.role(g.user_id, site_id))
}
