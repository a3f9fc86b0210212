//! The client of one WordPress site's REST API, authenticated with an application password
//! (`Authorization: Basic`, no cookies): the generic request and the typed calls of
//! [`SiteOperation`]; collections are read by `super::pages`.

use super::super::env;
use super::super::transport::{Call, DEFAULT_TIMEOUT_MS};
use super::super::Done;
use super::auth::SiteAuth;
use super::transport::{send, Answer, SiteCall};
use crate::core::retry::RetryPolicy;
use crate::core::site::calls::{
    build_site_call, content_disposition, credentials_ignored, site_error_from_response,
    APPLICATION_PASSWORDS, INTROSPECT, MEDIA, POSTS, USERS_ME,
};
use crate::core::site::connect::is_uuid;
use crate::core::site::SiteCredentials;
use crate::core::text::cat;
use crate::core::{Error, ErrorCode, Method};
use alloc::boxed::Box;
use alloc::rc::Rc;
use alloc::{string::String, vec::Vec};
use js_sys::{Array, Object};
use wasm_bindgen::JsValue;
use web_sys::AbortSignal;

/// How a [`SiteClient`] reaches its site.
#[derive(Clone, Debug, Default)]
pub struct SiteClientConfig {
    /// Where the credentials come from (preferred over `credentials`).
    pub auth: Option<SiteAuth>,
    /// Fixed credentials (an application password the user pasted), when there is no `auth`.
    pub credentials: Option<SiteCredentials>,
    /// Time limit of each attempt in milliseconds; `None` for 30 s.
    pub timeout_ms: Option<u32>,
    /// How reads are retried; `None` for [`RetryPolicy::default`].
    pub retry: Option<RetryPolicy>,
}

/// One call of a [`SiteClient`], as data.
#[derive(Clone, Debug)]
pub enum SiteOperation {
    /// Any call: the JSON as the site sent it.
    Request {
        /// Any method, sent as such (see [`build_site_call`]).
        method: Method,
        /// A route under the API root (`/wp/v2/posts`), see [`build_site_call`].
        path: String,
        /// Query parameters.
        query: Vec<(String, String)>,
        /// A value sent as JSON.
        body: Option<JsValue>,
    },
    /// `GET /wp/v2/users/me`.
    Me,
    /// `POST /wp/v2/posts` with the post as JSON.
    CreatePost(JsValue),
    /// `POST /wp/v2/media` with the file as the raw body.
    UploadMedia {
        /// A `Blob`/`File`, `ArrayBuffer` or typed array.
        file: JsValue,
        /// The file name; `None`: the `File`'s.
        filename: Option<String>,
        /// The MIME type; `None`: the `Blob`'s, else `application/octet-stream`.
        content_type: Option<String>,
    },
    /// Revoke the password in use (introspect, then `DELETE`), then forget it.
    Disconnect,
}

/// A client of one WordPress site; clones share their configuration.
#[derive(Clone, Debug)]
pub struct SiteClient {
    config: Rc<SiteClientConfig>,
    signal: Option<AbortSignal>,
}

/// A request body.
pub(super) enum Body {
    None,
    Json(JsValue),
    Raw {
        value: JsValue,
        content_type: String,
        disposition: String,
    },
}

impl SiteClient {
    /// A client with `config`'s credentials.
    pub fn new(config: SiteClientConfig) -> SiteClient {
        SiteClient {
            config: Rc::new(config),
            signal: None,
        }
    }

    /// This client with `signal` attached: its calls reject with `aborted` once it fires.
    pub fn with_signal(&self, signal: Option<AbortSignal>) -> SiteClient {
        SiteClient {
            config: self.config.clone(),
            signal,
        }
    }

    /// The credentials in use: the `SiteAuth`'s (`not_signed_in` when it holds none) or the
    /// fixed ones.
    pub fn credentials(&self) -> Result<SiteCredentials, Error> {
        let found = match &self.config.auth {
            Some(auth) => auth.credentials(),
            None => self.config.credentials.clone(),
        };
        found.ok_or_else(|| {
            Error::new(
                ErrorCode::NotSignedIn,
                "no site is connected: connect one with SiteAuth first",
            )
        })
    }

    /// `done`, after a `SiteAuth` in use forgot a password the site refused
    /// (`credentials_refused`).
    pub(super) fn watch(&self, done: Done) -> Done {
        let auth = self.config.auth.clone();
        Box::new(move |result: Result<JsValue, Error>| {
            if let (Err(error), Some(auth)) = (&result, auth) {
                if error.code == ErrorCode::CredentialsRefused {
                    auth.refused();
                }
            }
            done(result)
        })
    }

    /// The API root calls go to: the credentials' (`not_signed_in` without them).
    pub(super) fn api_root(&self) -> Result<String, Error> {
        self.credentials().map(|c| c.api_root)
    }

    /// Runs `operation`; `done` gets its result as plain JS data, exactly once.
    pub fn start(&self, operation: SiteOperation, done: Done) {
        let done = self.watch(done);
        match operation {
            SiteOperation::Request {
                method,
                path,
                query,
                body,
            } => {
                let body = body.map_or(Body::None, Body::Json);
                self.send(method, &path, &query, body, |answer| Ok(answer.value), done);
            }
            SiteOperation::Me => self.send(Method::Get, USERS_ME, &[], Body::None, me, done),
            SiteOperation::CreatePost(post) => {
                let body = Body::Json(post);
                self.send(Method::Post, POSTS, &[], body, |a| Ok(a.value), done)
            }
            SiteOperation::UploadMedia {
                file,
                filename,
                content_type,
            } => match media_body(file, filename, content_type) {
                Ok(body) => self.send(Method::Post, MEDIA, &[], body, |a| Ok(a.value), done),
                Err(error) => done(Err(error)),
            },
            SiteOperation::Disconnect => self.revoke_and_forget(done),
        }
    }

    /// `GET …/introspect`, `DELETE …/<uuid>`, then forget. A password the site already refuses
    /// is forgotten too (there is nothing left to revoke); any other failure keeps it, so the
    /// app can try again.
    fn revoke_and_forget(&self, done: Done) {
        let client = self.clone();
        let revoke = move |answer: Answer| -> Result<JsValue, Error> { Ok(answer.value) };
        self.send(
            Method::Get,
            INTROSPECT,
            &[],
            Body::None,
            revoke,
            Box::new(move |result| {
                let forget = client.clone();
                let finish: Done = Box::new(move |result: Result<JsValue, Error>| {
                    let gone = match &result {
                        Ok(_) => true,
                        Err(error) => error.code == ErrorCode::CredentialsRefused,
                    };
                    if let (true, Some(auth)) = (gone, &forget.config.auth) {
                        auth.forget();
                    }
                    done(if gone { Ok(JsValue::UNDEFINED) } else { result })
                });
                let uuid = match result {
                    Ok(value) => env::get(&value, "uuid").as_string().unwrap_or_default(),
                    Err(error) => return finish(Err(error)),
                };
                if !is_uuid(&uuid) {
                    return finish(Err(Error::new(
                        ErrorCode::BadResponse,
                        "the site did not say which application password is in use (introspect)",
                    )
                    .reached_server(true)));
                }
                let path = cat(&[APPLICATION_PASSWORDS, &uuid]);
                client.send(
                    Method::Delete,
                    &path,
                    &[],
                    Body::None,
                    |a| Ok(a.value),
                    finish,
                );
            }),
        );
    }

    /// Sends one request; `read` turns a 2xx answer into the result.
    pub(super) fn send(
        &self,
        method: Method,
        path: &str,
        query: &[(String, String)],
        body: Body,
        read: impl FnOnce(Answer) -> Result<JsValue, Error> + 'static,
        done: Done,
    ) {
        let call = match self.prepare(method, path, query, body) {
            Ok(call) => call,
            Err(error) => return done(Err(error)),
        };
        send(call, Box::new(move |result| done(result.and_then(read))));
    }

    /// The request, checked before anything is sent: credentials, URL, body.
    fn prepare(
        &self,
        method: Method,
        path: &str,
        query: &[(String, String)],
        body: Body,
    ) -> Result<SiteCall, Error> {
        let credentials = self.credentials()?;
        let api = build_site_call(&credentials.api_root, method, path, query)?;
        let (body, content_type, disposition) = match body {
            Body::None => (JsValue::UNDEFINED, None, None),
            Body::Json(value) => {
                let json = js_sys::JSON::stringify(&value)
                    .ok()
                    .and_then(|s| s.as_string())
                    .ok_or_else(|| {
                        Error::new(ErrorCode::InvalidInput, "body cannot be sent as JSON")
                    })?;
                (
                    JsValue::from_str(&json),
                    Some(String::from("application/json")),
                    None,
                )
            }
            Body::Raw {
                value,
                content_type,
                disposition,
            } => (value, Some(content_type), Some(disposition)),
        };
        Ok(SiteCall {
            call: Call {
                method: api.method,
                url: api.url,
                bearer: None,
                body: None,
                signal: self.signal.clone(),
                timeout_ms: self.config.timeout_ms.unwrap_or(DEFAULT_TIMEOUT_MS),
                retry: self.config.retry.unwrap_or_default(),
                map_error: site_error_from_response,
                progress: None,
                envelope: None,
                total_pages: None,
            },
            authorization: Some(credentials.authorization()),
            body,
            content_type,
            disposition,
        })
    }
}

/// `/users/me`'s answer: the user, unless it is anonymous (no positive `id`).
fn me(answer: Answer) -> Result<JsValue, Error> {
    let id = env::get(&answer.value, "id").as_f64().unwrap_or(0.0);
    if id >= 1.0 {
        Ok(answer.value)
    } else {
        Err(credentials_ignored())
    }
}

/// `{ items, page, total, totalPages }` of a collection's answer; `bad_response` when it is not
/// a list.
pub(super) fn page_of(answer: Answer, page: u64) -> Result<JsValue, Error> {
    if !Array::is_array(&answer.value) {
        return Err(
            Error::new(ErrorCode::BadResponse, "the site's answer is not a list")
                .reached_server(true),
        );
    }
    let out: JsValue = Object::new().into();
    let number = |n: Option<u64>| n.map_or(JsValue::NULL, |n| JsValue::from_f64(n as f64));
    env::set(&out, "items", &answer.value);
    env::set(&out, "page", &JsValue::from_f64(page as f64));
    env::set(&out, "total", &number(answer.total));
    env::set(&out, "totalPages", &number(answer.total_pages));
    Ok(out)
}

/// The raw body of a media upload, with its type and disposition.
fn media_body(
    file: JsValue,
    filename: Option<String>,
    content_type: Option<String>,
) -> Result<Body, Error> {
    let filename = filename
        .or_else(|| env::get(&file, "name").as_string())
        .unwrap_or_default();
    let disposition = content_disposition(&filename)?;
    let content_type = content_type
        .or_else(|| env::get(&file, "type").as_string())
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| String::from("application/octet-stream"));
    if !file.is_object() {
        return Err(Error::new(
            ErrorCode::InvalidConfig,
            "uploadMedia takes a File, Blob, ArrayBuffer or typed array",
        ));
    }
    Ok(Body::Raw {
        value: file,
        content_type,
        disposition,
    })
}
