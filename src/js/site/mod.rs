//! The JS surface for any WordPress site with an application password: `discoverSite`,
//! `SiteAuth`, `SiteClient`. Thin: converts options and results, delegates to
//! [`crate::browser::site`]. Typed in `typescript`.

mod typescript;

use super::client::retry_policy;
use super::convert::{self, get, Options};
use super::error::{set, to_js as error_to_js};
use super::pages;
use super::promise::promise;
use crate::browser::site::{
    discover_site, Connection, SiteAuth, SiteAuthConfig, SiteClient, SiteClientConfig,
    SiteOperation, SitePages,
};
use crate::browser::{env, storage::Storage};
use crate::core::site::calls::{page_query, POSTS};
use crate::core::site::{AppPassword, SiteCredentials, WordPressSite};
use crate::core::{Error, ErrorCode};
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;
use js_sys::{Array, Object, Promise};
use wasm_bindgen::convert::TryFromJsValue;
use wasm_bindgen::prelude::*;

/// `discoverSite(address, { signal, timeoutMs })`: the WordPress site at `address`.
#[wasm_bindgen(js_name = discoverSite, skip_typescript)]
pub fn discover_site_js(address: JsValue, options: JsValue) -> Promise {
    let o = Options::new(&options);
    let timeout = o.count("timeoutMs");
    let prepared = o
        .check()
        .and_then(|()| convert::signal(&options))
        .and_then(|signal| {
            let address = address
                .as_string()
                .ok_or_else(|| convert::invalid_option("address"))?;
            Ok((address, signal))
        });
    promise(
        move |done| match prepared {
            Ok((address, signal)) => discover_site(
                &address,
                signal,
                timeout,
                Box::new(move |site| done(site.map(|site| site_to_js(&site)))),
            ),
            Err(error) => done(Err(error)),
        },
        None,
    )
}

/// A discovered site as JS: `{ apiRoot, authorizationUrl, name, description, url, home,
/// namespaces }`.
fn site_to_js(site: &WordPressSite) -> JsValue {
    let object: JsValue = Object::new().into();
    for (key, value) in [
        ("apiRoot", &site.api_root),
        ("authorizationUrl", &site.authorization_url),
        ("name", &site.name),
        ("description", &site.description),
        ("url", &site.url),
        ("home", &site.home),
    ] {
        set(&object, key, &JsValue::from_str(value));
    }
    let namespaces: Array = site
        .namespaces
        .iter()
        .map(|s| JsValue::from_str(s))
        .collect();
    set(&object, "namespaces", &namespaces);
    object
}

/// A JS site object (what `discoverSite` resolved with) back in Rust.
fn site_from_js(value: &JsValue) -> Result<WordPressSite, Error> {
    let o = Options::new(value);
    let text = |key: &'static str| o.text(key).unwrap_or_default();
    let site = WordPressSite {
        api_root: text("apiRoot"),
        authorization_url: text("authorizationUrl"),
        name: text("name"),
        description: text("description"),
        url: text("url"),
        home: text("home"),
        namespaces: env::strings(&get(value, "namespaces")),
    };
    o.check()?;
    if site.api_root.is_empty() || site.authorization_url.is_empty() || site.url.is_empty() {
        return Err(Error::new(
            ErrorCode::InvalidConfig,
            "site must be what discoverSite() resolved with ({ apiRoot, authorizationUrl, url, … })",
        ));
    }
    Ok(site)
}

/// `{ siteUrl, userLogin, apiRoot }`, or `null`.
fn connection_to_js(connection: Option<&Connection>) -> JsValue {
    let Some(connection) = connection else {
        return JsValue::NULL;
    };
    let object: JsValue = Object::new().into();
    set(&object, "siteUrl", &JsValue::from_str(&connection.site_url));
    set(
        &object,
        "userLogin",
        &JsValue::from_str(&connection.user_login),
    );
    set(&object, "apiRoot", &JsValue::from_str(&connection.api_root));
    object
}

/// Connecting a WordPress site with an application password.
#[wasm_bindgen(js_name = SiteAuth, skip_typescript)]
pub struct JsSiteAuth {
    inner: SiteAuth,
}

#[wasm_bindgen(js_class = SiteAuth)]
impl JsSiteAuth {
    /// `new SiteAuth({ site, appName, appId, successUrl, rejectUrl, storage })`.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<JsSiteAuth, JsValue> {
        site_auth_from_options(&options)
            .map(|inner| JsSiteAuth { inner })
            .map_err(|e| error_to_js(&e, None))
    }

    /// A fresh Authorize Application URL; its state is stored before this returns.
    #[wasm_bindgen(js_name = authorizeUrl)]
    pub fn authorize_url(&self) -> Result<String, JsValue> {
        self.inner
            .authorize_url()
            .map_err(|e| error_to_js(&e, None))
    }

    /// Completes the connection from `url` (default: the current address):
    /// `SiteConnection | null`.
    #[wasm_bindgen(js_name = handleRedirect)]
    pub fn handle_redirect(&self, url: Option<String>) -> Result<JsValue, JsValue> {
        let url = match url.or_else(env::current_href) {
            Some(url) => url,
            None => {
                let e = env::unsupported("location.href is not readable here: pass the URL");
                return Err(error_to_js(&e, None));
            }
        };
        match self.inner.handle_redirect(&url) {
            Ok(connection) => Ok(connection_to_js(connection.as_ref())),
            Err(e) => Err(error_to_js(&e, None)),
        }
    }

    /// The connected site and user, or `null`.
    pub fn connection(&self) -> JsValue {
        connection_to_js(self.inner.connection().as_ref())
    }

    /// `signInWithPopup({ signal, timeoutMs })`: opens the site's Authorize Application page
    /// in a popup before returning; `Promise<SiteConnection>`.
    #[wasm_bindgen(js_name = signInWithPopup)]
    pub fn sign_in_with_popup(&self, options: JsValue) -> Promise {
        let checked = convert::popup_options(&options);
        let auth = self.inner.clone();
        promise(
            move |done| match checked {
                Ok(options) => auth.sign_in_with_popup_then(
                    options,
                    Box::new(move |connection| {
                        done(connection.map(|c| connection_to_js(Some(&c))))
                    }),
                ),
                Err(error) => done(Err(error)),
            },
            None,
        )
    }

    /// Forgets the password without revoking it (`SiteClient.disconnect()` revokes it).
    pub fn forget(&self) {
        self.inner.forget();
    }

    /// Resolves once the storage is loaded (an async adapter): `SiteConnection | null`.
    pub fn ready(&self) -> Promise {
        let auth = self.inner.clone();
        promise(
            move |done| {
                auth.restore_with(Box::new(move |restored| {
                    done(restored.map(|c| connection_to_js(c.as_ref())));
                }));
            },
            None,
        )
    }

    /// A new JS `SiteAuth` sharing this one's state, for `new SiteClient({ auth })` (see
    /// `Auth.__wpcomLink`).
    #[wasm_bindgen(js_name = __wpcomLink, skip_typescript)]
    pub fn link(&self) -> JsSiteAuth {
        JsSiteAuth {
            inner: self.inner.clone(),
        }
    }
}

/// Reads the JS options of `new SiteAuth(…)`.
fn site_auth_from_options(options: &JsValue) -> Result<SiteAuth, Error> {
    let o = Options::new(options);
    let mut config = SiteAuthConfig::new(
        o.text("appName").unwrap_or_default(),
        o.text("appId").unwrap_or_default(),
        o.text("successUrl").unwrap_or_default(),
    );
    config.reject_url = o.text("rejectUrl");
    o.check()?;
    config.site = o.value("site").map(|s| site_from_js(&s)).transpose()?;
    config.storage = Storage::from_js(&get(options, "storage"))?;
    SiteAuth::new(config)
}

/// A WordPress site's REST API client.
#[wasm_bindgen(js_name = SiteClient, skip_typescript)]
pub struct JsSiteClient {
    inner: SiteClient,
}

#[wasm_bindgen(js_class = SiteClient)]
impl JsSiteClient {
    /// `new SiteClient({ auth })` or `new SiteClient({ apiRoot, userLogin, password })`, with
    /// `timeoutMs` and `retry`.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<JsSiteClient, JsValue> {
        client_config(&options)
            .map(|config| JsSiteClient {
                inner: SiteClient::new(config),
            })
            .map_err(|e| error_to_js(&e, None))
    }

    /// `GET /wp/v2/users/me`.
    pub fn me(&self, options: JsValue) -> Promise {
        self.start(Ok(SiteOperation::Me), &options, None)
    }

    /// Every post, page by page (`GET /wp/v2/posts`): an async iterable of posts.
    pub fn posts(&self, options: JsValue) -> JsValue {
        pages::iterable(
            self.pages(&JsValue::from_str(POSTS), &options),
            Some("items"),
        )
    }

    /// One page of `GET /wp/v2/posts`: `{ items, page, total, totalPages }`.
    #[wasm_bindgen(js_name = listPosts)]
    pub fn list_posts(&self, options: JsValue) -> Promise {
        self.list(JsValue::from_str(POSTS), options)
    }

    /// Any collection, page by page: an async iterable of `{ items, page, total, totalPages }`.
    pub fn paginate(&self, path: JsValue, options: JsValue) -> JsValue {
        pages::iterable(self.pages(&path, &options), None)
    }

    /// One page of any collection (the first of a `paginate` walk): `{ items, page, total,
    /// totalPages }`.
    pub fn list(&self, path: JsValue, options: JsValue) -> Promise {
        pages::first(self.pages(&path, &options))
    }

    /// `POST /wp/v2/posts`; a failure's `WpcomError` holds `post` as `input`.
    #[wasm_bindgen(js_name = createPost)]
    pub fn create_post(&self, post: JsValue, options: JsValue) -> Promise {
        let operation = if post.is_object() {
            Ok(SiteOperation::CreatePost(post.clone()))
        } else {
            Err(convert::invalid_option("post"))
        };
        self.start(operation, &options, Some(post))
    }

    /// `POST /wp/v2/media` with `file` as the raw body.
    #[wasm_bindgen(js_name = uploadMedia)]
    pub fn upload_media(&self, file: JsValue, options: JsValue) -> Promise {
        let o = Options::new(&options);
        let upload = SiteOperation::UploadMedia {
            file,
            filename: o.text("filename"),
            content_type: o.text("contentType"),
        };
        self.start(o.check().map(|()| upload), &options, None)
    }

    /// Revokes the password in use on the site, then forgets it.
    pub fn disconnect(&self, options: JsValue) -> Promise {
        self.start(Ok(SiteOperation::Disconnect), &options, None)
    }

    /// Any call: `request(method, path, options)` or `request(path, { method, … })`.
    pub fn request(&self, method: JsValue, path: JsValue, options: JsValue) -> Promise {
        let (method, path, options) = if path.as_string().is_some() {
            (Some(method), path, options)
        } else {
            (None, method, path)
        };
        let operation = request_operation(method.as_ref(), &path, &options);
        self.start(operation, &options, None)
    }
}

impl JsSiteClient {
    /// The walk of `paginate(path, options)` (and `posts()`), with the options' `signal`.
    fn pages(&self, path: &JsValue, options: &JsValue) -> Result<SitePages, Error> {
        let (path, query, page, per_page) = list_options(path, options)?;
        let query = page_query(&query, page, per_page)?;
        let client = self.inner.with_signal(convert::signal(options)?);
        SitePages::new(client, &path, &query)
    }

    /// Runs `operation` with the options' `signal`, as a Promise.
    fn start(
        &self,
        operation: Result<SiteOperation, Error>,
        options: &JsValue,
        input: Option<JsValue>,
    ) -> Promise {
        let prepared = convert::signal(options)
            .and_then(|signal| Ok((self.inner.with_signal(signal), operation?)));
        promise(
            move |done| match prepared {
                Ok((client, operation)) => client.start(operation, done),
                Err(error) => done(Err(error)),
            },
            input,
        )
    }
}

/// The path, `query`, `page` and `perPage` of `list`/`paginate(path, options)`, checked.
fn list_options(path: &JsValue, options: &JsValue) -> Result<ListOptions, Error> {
    let o = Options::new(options);
    let (page, per_page) = (o.count("page"), o.count("perPage"));
    let path = path
        .as_string()
        .ok_or_else(|| convert::invalid_option("path"))?;
    let query = convert::query(&get(options, "query"))?;
    o.check().map(|()| (path, query, page, per_page))
}

/// A collection's path, filters, `page` and `perPage`.
type ListOptions = (String, Vec<(String, String)>, Option<u32>, Option<u32>);

/// `request(method, path, { method, query, body })` as an operation.
fn request_operation(
    method: Option<&JsValue>,
    path: &JsValue,
    options: &JsValue,
) -> Result<SiteOperation, Error> {
    let o = Options::new(options);
    let method = convert::request_method(method, &o)?;
    let path = path
        .as_string()
        .ok_or_else(|| convert::invalid_option("path"))?;
    let body = Some(get(options, "body")).filter(|b| !b.is_undefined());
    let query = convert::query(&get(options, "query"))?;
    o.check().map(|()| SiteOperation::Request {
        method,
        path,
        query,
        body,
    })
}

/// Reads the options of `new SiteClient(…)`.
fn client_config(options: &JsValue) -> Result<SiteClientConfig, Error> {
    let o = Options::new(options);
    let auth = o.value("auth").and_then(|auth| {
        let linked = env::call(&auth, "__wpcomLink", &[])
            .ok()
            .and_then(|linked| JsSiteAuth::try_from_js_value(linked).ok())
            .map(|linked| linked.inner);
        if linked.is_none() {
            o.refuse("auth");
        }
        linked
    });
    let fixed = [o.text("apiRoot"), o.text("userLogin"), o.text("password")];
    let credentials = match fixed {
        [Some(api_root), Some(user_login), Some(password)] => Some(SiteCredentials {
            site_url: String::new(),
            api_root,
            user_login,
            password: AppPassword::new(password),
        }),
        _ => None,
    };
    if auth.is_none() && credentials.is_none() && o.check().is_ok() {
        return Err(Error::new(
            ErrorCode::InvalidConfig,
            "SiteClient needs { auth } (a SiteAuth) or { apiRoot, userLogin, password }",
        ));
    }
    let config = SiteClientConfig {
        auth,
        credentials,
        timeout_ms: o.count("timeoutMs"),
        retry: o.value("retry").map(|retry| retry_policy(&o, &retry)),
    };
    o.check().map(|()| config)
}
