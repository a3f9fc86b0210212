//! Browser sessions and the authorization codes waiting for their exchange: the data behind
//! the log-in cookie. The pages that set the cookie are in [`crate::login`].

use std::collections::HashMap;

use axum::http::{header, HeaderMap};

use crate::tokens;

/// Name of the log-in cookie, as on WordPress.com.
pub const COOKIE: &str = "wordpress_logged_in";

/// One signed-in browser.
#[derive(Clone, Debug)]
pub struct Session {
    /// Who signed in.
    pub user_id: u64,
    /// Secret that forms of this session must echo (CSRF).
    pub nonce: String,
}

/// An authorization code waiting to be exchanged at `POST /oauth2/token`.
#[derive(Clone, Debug)]
pub struct PendingCode {
    /// Who approved.
    pub user_id: u64,
    /// For which app.
    pub client_id: String,
    /// The redirect URI the code was sent to (the exchange must repeat it).
    pub redirect_uri: String,
    /// Scope granted.
    pub scope: String,
    /// Site of a single-blog grant.
    pub blog_id: Option<u64>,
    /// Codes are short-lived.
    pub expires_at: i64,
}

/// Sessions by cookie value, and pending authorization codes.
#[derive(Debug, Default)]
pub struct Sessions {
    by_id: HashMap<String, Session>,
    codes: HashMap<String, PendingCode>,
}

impl Sessions {
    /// Starts a session for `user_id`; returns the cookie value that names it.
    pub fn sign_in(&mut self, user_id: u64) -> String {
        let id = tokens::new_opaque(32);
        let session = Session {
            user_id,
            nonce: tokens::new_opaque(24),
        };
        self.by_id.insert(id.clone(), session);
        id
    }

    /// Ends the session the request's cookie names, if any.
    pub fn sign_out(&mut self, headers: &HeaderMap) {
        if let Some(id) = cookie_value(headers, COOKIE) {
            self.by_id.remove(&id);
        }
    }

    /// The session of the request's cookie, if it is a live one.
    pub fn of_request(&self, headers: &HeaderMap) -> Option<Session> {
        let id = cookie_value(headers, COOKIE)?;
        self.by_id.get(&id).cloned()
    }

    /// Remembers a code; returns it.
    pub fn insert_code(&mut self, pending: PendingCode) -> String {
        let code = tokens::new_opaque(32);
        self.codes.insert(code.clone(), pending);
        code
    }

    /// Takes a code out (codes are single-use).
    pub fn take_code(&mut self, code: &str) -> Option<PendingCode> {
        self.codes.remove(code)
    }
}

fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn cookie_is_found_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; wordpress_logged_in=xyz; b=2"),
        );
        assert_eq!(cookie_value(&headers, COOKIE).as_deref(), Some("xyz"));
    }

    #[test]
    fn a_session_lives_from_sign_in_to_sign_out() {
        let mut sessions = Sessions::default();
        let id = sessions.sign_in(7);
        let mut headers = HeaderMap::new();
        let cookie = format!("{COOKIE}={id}");
        headers.insert(header::COOKIE, HeaderValue::from_str(&cookie).unwrap());
        assert_eq!(sessions.of_request(&headers).map(|s| s.user_id), Some(7));
        sessions.sign_out(&headers);
        assert!(sessions.of_request(&headers).is_none());
    }
}
