//! `POST /sites/$site/follows/new`, `POST …/follows/mine/delete` and `GET …/follows/mine`:
//! the caller following a site in the Reader. Members follow their own sites from the start.

use serde_json::{json, Value};

use super::auth::{readable_site, require};
use super::errors::ApiError;
use super::Call;
use crate::store::Follow;

/// `GET /sites/$site/follows/mine` → `{"is_following": bool}`.
pub fn get(call: &Call, site_ref: &str) -> Result<Value, ApiError> {
    let grant = require(
        call.grant.as_ref(),
        "An active access token must be used to query follows.",
    )?;
    call.app.read(|world| {
        let site = readable_site(world, Some(grant), site_ref)?;
        Ok(json!({"is_following": world.is_following(grant.user_id, site.id)}))
    })
}

/// `POST …/follows/new` (`follow = true`) and `POST …/follows/mine/delete` (`false`) →
/// `{"success":true,"is_following":…}`; doing it twice changes nothing.
pub fn set(call: &Call, site_ref: &str, follow: bool) -> Result<Value, ApiError> {
    let grant = require(
        call.grant.as_ref(),
        "An active access token must be used to follow sites.",
    )?;
    call.app.try_write(|world| {
        let site_id = readable_site(world, Some(grant), site_ref)?.id;
        let entry = Follow {
            user_id: grant.user_id,
            site_id,
        };
        world.follows.retain(|f| *f != entry);
        if follow {
            world.follows.push(entry);
        }
        Ok(json!({"success": true, "is_following": follow}))
    })
}
