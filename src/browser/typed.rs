//! The typed Rust API of [`Client`]: each helper decodes the same JSON as the JS surface into
//! the core's lenient models, with serde-wasm-bindgen (feature `rust-api`, on by default).
//!
//! The npm package is built without it: its JavaScript surface returns the JSON normalised in
//! place by [`super::normalise`], and serde is the largest thing a wasm can carry.

use super::client::{bad_shape, Client, Operation};
use crate::core::error::check_token_info;
use crate::core::models::{LikeResult, Likes, Me, NewPost, Post, Sites, TokenInfo};
use crate::core::{Error, ErrorCode};
use alloc::string::ToString;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsValue;

impl Client {
    /// `GET /me`: the signed-in user.
    pub async fn me(&self) -> Result<Me, Error> {
        decode(self.fetch(&Operation::Me).await?)
    }

    /// `GET /me/sites`: the user's sites.
    pub async fn sites(&self) -> Result<Sites, Error> {
        decode(self.fetch(&Operation::Sites).await?)
    }

    /// `GET /sites/$site/posts/$post_id/likes`; `site` is an ID or a domain.
    pub async fn post_likes(&self, site: &str, post_id: u64) -> Result<Likes, Error> {
        let site = site.to_string();
        decode(self.fetch(&Operation::PostLikes { site, post_id }).await?)
    }

    /// `POST …/likes/new`: likes the post; a falsy `success` is an error.
    pub async fn like_post(&self, site: &str, post_id: u64) -> Result<LikeResult, Error> {
        let site = site.to_string();
        decode::<LikeResult>(self.fetch(&Operation::LikePost { site, post_id }).await?)?
            .into_result()
    }

    /// `POST …/likes/mine/delete`: unlikes the post; a falsy `success` is an error.
    pub async fn unlike_post(&self, site: &str, post_id: u64) -> Result<LikeResult, Error> {
        let site = site.to_string();
        decode::<LikeResult>(self.fetch(&Operation::UnlikePost { site, post_id }).await?)?
            .into_result()
    }

    /// `POST /sites/$site/posts/new`. Never retried: on `network` or `timeout` the post may
    /// exist (`may_have_reached_server`), so check before sending it again.
    pub async fn create_post(&self, site: &str, post: &NewPost) -> Result<Post, Error> {
        post.validate()?;
        let operation = Operation::CreatePost {
            site: site.to_string(),
            post: to_js(post)?,
        };
        decode(self.fetch(&operation).await?)
    }

    /// `GET /oauth2/token-info`: what WordPress.com knows of the token. Refuses a token issued
    /// to another app (`token_client_mismatch`): accepting one is how token substitution works.
    pub async fn token_info(&self) -> Result<TokenInfo, Error> {
        let info: TokenInfo = decode(self.fetch(&Operation::TokenInfo).await?)?;
        check_token_info(&info, self.client_id()?)?;
        Ok(info)
    }

}

/// Decodes a JSON value into a model with serde-wasm-bindgen (the typed Rust API only); a shape
/// that does not fit is `bad_response`.
pub fn decode<T: DeserializeOwned>(value: JsValue) -> Result<T, Error> {
    serde_wasm_bindgen::from_value(value).map_err(|_| bad_shape())
}

/// Converts a model to a plain JS value, as `JSON.parse` would give it: objects (not `Map`s),
/// `null` for `None`.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, Error> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|_| Error::new(ErrorCode::InvalidInput, "value cannot be sent as JSON"))
}

