//! `/me/connected-applications`: the apps the user authorized, as JSON, and their removal.
//!
//! The same connections as the page `/me/security/connected-applications`
//! ([`crate::connected_apps::connections`]); removing one revokes every token of that app for
//! the user ([`crate::connected_apps::revoke`]), so they answer `invalid_token` afterwards.
//! The contract leaves two facts unverified; this emulator picks: the connection's `ID` is the
//! app's client ID, and only `global` tokens may call these routes (others: 403 `unauthorized`).

use axum::http::StatusCode;
use serde_json::{json, Value};

use super::auth::{require, Grant};
use super::errors::ApiError;
use super::Call;
use crate::connected_apps::{connections, revoke, Connection};
use crate::store::World;
use crate::time;
use crate::tokens::Access;

const NEED_TOKEN: &str =
    "An active access token must be used to manage the current user's connected applications.";

/// The token, which must be a `global` one.
fn global_grant<'g>(call: &'g Call) -> Result<&'g Grant, ApiError> {
    let grant = require(call.grant.as_ref(), NEED_TOKEN)?;
    if grant.scope != "global" {
        return Err(ApiError::unauthorized(
            "This token's scope does not allow managing connected applications.",
        ));
    }
    Ok(grant)
}

fn unknown_application() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "unknown_application_access_token",
        "Unknown application access token.",
    )
}

/// What a scope lets the app do, as the `permissions` list names it.
fn permission(world: &World, scope: &str, access: Access) -> Vec<Value> {
    let one = |name: &str, description: String| json!({"name": name, "description": description});
    match access {
        Access::ProfileOnly => vec![one("auth", "Read your profile.".to_owned())],
        Access::AllSites if scope == "global" => vec![one(
            "global",
            "Manage all of your sites and read your profile.".to_owned(),
        )],
        Access::AllSites => scope
            .split(' ')
            .map(|fine| one(fine, format!("Access the {fine} of all of your sites.")))
            .collect(),
        Access::OneBlog(id) => {
            let name = world
                .site_by_id(id)
                .map_or(id.to_string(), |s| s.name.clone());
            vec![one("blog", format!("Manage one site: {name}."))]
        }
    }
}

/// One connection as WordPress.com's App object.
fn app_json(world: &World, connection: &Connection) -> Value {
    let registered = world.app(&connection.client_id);
    let field =
        |pick: fn(&crate::seed::App) -> &String| registered.map_or("", |a| pick(a).as_str());
    let url = match field(|a| &a.url) {
        "" => registered
            .and_then(|a| a.origins.first())
            .map_or("", String::as_str),
        url => url,
    };
    // The broadest grant names the connection's scope: global, then fine scopes, one site,
    // the profile alone.
    let rank = |(scope, access): &&(String, Access)| match access {
        Access::AllSites if scope == "global" => 0,
        Access::AllSites => 1,
        Access::OneBlog(_) => 2,
        Access::ProfileOnly => 3,
    };
    let broadest = connection.grants.iter().min_by_key(rank);
    let (scope, site) = match broadest {
        Some((_, Access::OneBlog(id))) => {
            let site = world.site_by_id(*id).map_or(
                json!(false),
                |s| json!({"site_ID": s.id.to_string(), "site_URL": s.url, "site_name": s.name}),
            );
            ("", site)
        }
        Some((_, Access::ProfileOnly)) => ("auth", json!(false)),
        Some((scope, Access::AllSites)) => (scope.as_str(), json!(false)),
        None => ("", json!(false)),
    };
    let permissions: Vec<Value> = connection
        .grants
        .iter()
        .flat_map(|(scope, access)| permission(world, scope, *access))
        .collect();
    json!({
        "ID": connection.client_id,
        "URL": url,
        "authorized": time::iso(connection.since),
        "description": field(|a| &a.description),
        "icon": field(|a| &a.icon),
        "permissions": permissions,
        "scope": scope,
        "site": site,
        "title": connection.name,
    })
}

/// `GET /me/connected-applications`.
pub fn list(call: &Call) -> Result<Value, ApiError> {
    let grant = global_grant(call)?;
    call.app.read(|world| {
        let apps: Vec<Value> = connections(world, grant.user_id, time::now())
            .iter()
            .map(|c| app_json(world, c))
            .collect();
        Ok(json!({ "connected_applications": apps }))
    })
}

/// `GET /me/connected-applications/$ID`.
pub fn get(call: &Call, id: &str) -> Result<Value, ApiError> {
    let grant = global_grant(call)?;
    call.app.read(|world| {
        connections(world, grant.user_id, time::now())
            .iter()
            .find(|c| c.client_id == id)
            .map(|c| app_json(world, c))
            .ok_or_else(unknown_application)
    })
}

/// `POST /me/connected-applications/$ID/delete`: revokes every token of that app for the user.
pub fn delete(call: &Call, id: &str) -> Result<Value, ApiError> {
    let grant = global_grant(call)?;
    let user_id = grant.user_id;
    if call
        .app
        .write(|world| revoke(world, user_id, id, time::now()))
    {
        Ok(json!({"success": true}))
    } else {
        Err(unknown_application())
    }
}
