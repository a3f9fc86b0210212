//! The URL that sends the user to WordPress.com to grant a token (implicit flow).

use super::error::{Error, ErrorCode};
use super::form::push_pair;
use super::text::{join, split_list};
use super::url::{http_base, is_absolute_http};
use alloc::{string::String, vec};

/// Everything the authorize URL is made of.
#[derive(Clone, Copy, Debug)]
pub struct AuthorizeRequest<'a> {
    /// OAuth host, e.g. `https://public-api.wordpress.com` (a trailing slash is tolerated).
    pub oauth_base: &'a str,
    /// The application's client ID.
    pub client_id: &'a str,
    /// The registered redirect URI, exactly (trailing slash included).
    pub redirect_uri: &'a str,
    /// `global`, `auth`, or finer scopes separated by spaces or commas; `None` = one blog.
    pub scope: Option<&'a str>,
    /// The blog to authorize (ID or URL); ignored with `global` or `auth`.
    pub blog: Option<&'a str>,
    /// WordPress.com Connect (log in only): `/oauth2/authenticate` with `scope=auth`.
    pub login: bool,
    /// The anti-forgery state (at least 22 characters, i.e. 128 random bits in base64url).
    pub state: &'a str,
}

/// The shortest state accepted: 128 bits in base64url.
pub const MIN_STATE_LEN: usize = 22;

fn invalid(message: &str) -> Error {
    Error::new(ErrorCode::InvalidConfig, message)
}

/// Builds the authorize URL, refusing a configuration WordPress.com would reject or that
/// would weaken the flow (`invalid_config`).
pub fn build_authorize_url(req: &AuthorizeRequest) -> Result<String, Error> {
    let base =
        http_base(req.oauth_base).ok_or_else(|| invalid("oauthBase must be an http(s) URL"))?;
    if req.client_id.trim_ascii().is_empty() {
        return Err(invalid("clientId is required"));
    }
    if !is_absolute_http(req.redirect_uri) {
        return Err(invalid("redirectUri must be an absolute http(s) URL"));
    }
    if req.redirect_uri.bytes().any(|b| b == b'#') {
        // The token arrives in the fragment; a fragment in the URI would clash with it.
        return Err(invalid("redirectUri must not contain a #fragment"));
    }
    if req.state.len() < MIN_STATE_LEN {
        return Err(invalid("state must be at least 22 characters (128 bits)"));
    }
    let scopes = if req.login {
        vec![String::from("auth")]
    } else {
        split_list(req.scope.unwrap_or(""))
    };
    let whole_account = scopes.iter().any(|s| s == "global" || s == "auth");
    if whole_account && scopes.len() > 1 {
        return Err(invalid(
            "global and auth scopes cannot be combined with others",
        ));
    }
    let scope = join(&scopes, ' ');

    let mut query = String::new();
    push_pair(&mut query, "client_id", req.client_id);
    push_pair(&mut query, "redirect_uri", req.redirect_uri);
    push_pair(&mut query, "response_type", "token");
    if !scope.is_empty() {
        push_pair(&mut query, "scope", &scope);
    }
    if let Some(blog) = req.blog.filter(|b| !b.is_empty() && !whole_account) {
        push_pair(&mut query, "blog", blog);
    }
    push_pair(&mut query, "state", req.state);

    let mut url = String::from(base);
    url.push_str(if req.login {
        "/oauth2/authenticate?"
    } else {
        "/oauth2/authorize?"
    });
    url.push_str(&query);
    Ok(url)
}

/// Unpadded base64url (RFC 4648 §5), the encoding of the `state`: safe in a URL and in a
/// fragment without escaping (32 random bytes give 43 characters).
pub fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    let (mut bits, mut held) = (0u32, 0u32);
    for byte in bytes {
        // Only the `held` low bits are still to be written: keep the buffer small.
        bits = ((bits << 8) | u32::from(*byte)) & 0xffff;
        held += 8;
        while held >= 6 {
            held -= 6;
            push_sextet(&mut out, ALPHABET, bits >> held);
        }
    }
    if held > 0 {
        push_sextet(&mut out, ALPHABET, bits << (6 - held));
    }
    out
}

/// Appends the base64 character for the low 6 bits of `bits`.
fn push_sextet(out: &mut String, alphabet: &[u8; 64], bits: u32) {
    if let Some(c) = alphabet.get((bits & 63) as usize) {
        out.push(char::from(*c));
    }
}
