//! Test harness: an in-process emulator on a free port and a tiny HTTP client.
#![allow(dead_code)]
// Test support fails loudly on purpose; the workspace denies these in library code.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use axum::http::{HeaderMap, Method, Request};
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use serde_json::{json, Value};
use wpcom_emulator::{serve, Config, Server};

/// One HTTP answer.
pub struct Reply {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
    }

    /// Status and the `error` code of a JSON error body.
    pub fn error(&self) -> (u16, String) {
        (
            self.status,
            self.json()["error"].as_str().unwrap_or("").to_owned(),
        )
    }
}

/// A running emulator.
pub struct Emu {
    pub server: Option<Server>,
    pub url: String,
    client: Client<HttpConnector, Full<Bytes>>,
}

impl Emu {
    pub async fn start() -> Emu {
        Emu::start_with(Config {
            port: 0,
            ..Config::default()
        })
        .await
    }

    pub async fn start_with(config: Config) -> Emu {
        let server = serve(config).await.expect("emulator starts");
        let url = server.url.clone();
        let client = Client::builder(TokioExecutor::new()).build_http();
        Emu {
            server: Some(server),
            url,
            client,
        }
    }

    /// Talks to an emulator running elsewhere (e.g. the spawned binary).
    pub fn attach(url: &str) -> Emu {
        let client = Client::builder(TokioExecutor::new()).build_http();
        Emu {
            server: None,
            url: url.to_owned(),
            client,
        }
    }

    /// Sends a request; `path` may include a query string.
    pub async fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<(&str, Vec<u8>)>,
    ) -> Reply {
        let mut builder = Request::builder()
            .method(Method::from_bytes(method.as_bytes()).unwrap())
            .uri(format!("{}{}", self.url, path));
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        let bytes = match body {
            Some((content_type, bytes)) => {
                builder = builder.header("content-type", content_type);
                bytes
            }
            None => Vec::new(),
        };
        let response = self
            .client
            .request(builder.body(Full::new(Bytes::from(bytes))).unwrap())
            .await
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .to_vec();
        Reply {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.request("GET", path, &[], None).await
    }

    /// Sends a request with a bearer token when one is given.
    pub async fn request_with_token(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<(&str, Vec<u8>)>,
    ) -> Reply {
        let bearer = token.map(|t| format!("Bearer {t}"));
        let headers: Vec<(&str, &str)> = bearer
            .iter()
            .map(|b| ("authorization", b.as_str()))
            .collect();
        self.request(method, path, &headers, body).await
    }

    pub async fn get_auth(&self, path: &str, token: &str) -> Reply {
        self.request_with_token("GET", path, Some(token), None)
            .await
    }

    pub async fn post_json(&self, path: &str, token: Option<&str>, body: Value) -> Reply {
        call(self, "POST", path, token, body).await
    }

    pub async fn post_form(&self, path: &str, token: Option<&str>, form: &str) -> Reply {
        let body = Some((
            "application/x-www-form-urlencoded",
            form.as_bytes().to_vec(),
        ));
        self.request_with_token("POST", path, token, body).await
    }

    /// Mints a token through the control API (app 1234).
    pub async fn token(&self, user: &str, scope: &str, blog: Value) -> String {
        let reply = self
            .post_json(
                "/_emulator/tokens",
                None,
                json!({"user": user, "client_id": "1234", "scope": scope, "blog": blog, "expires_in": null}),
            )
            .await;
        assert_eq!(reply.status, 200, "{}", reply.text());
        reply.json()["access_token"].as_str().unwrap().to_owned()
    }

    /// A global token of alice for app 1234.
    pub async fn alice(&self) -> String {
        self.token("alice", "global", Value::Null).await
    }

    pub async fn fault(&self, spec: Value) {
        let reply = self.post_json("/_emulator/faults", None, spec).await;
        assert_eq!(reply.status, 200, "{}", reply.text());
    }
}

/// A browser: keeps cookies, never follows redirects.
pub struct Browser<'a> {
    pub emu: &'a Emu,
    cookies: Vec<(String, String)>,
}

impl<'a> Browser<'a> {
    pub fn new(emu: &'a Emu) -> Browser<'a> {
        Browser {
            emu,
            cookies: Vec::new(),
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn keep_cookies(&mut self, reply: &Reply) {
        for value in reply.headers.get_all("set-cookie") {
            let text = value.to_str().unwrap();
            let pair = text.split(';').next().unwrap();
            let (name, value) = pair.split_once('=').unwrap();
            self.cookies.retain(|(k, _)| k != name);
            if !value.is_empty() {
                self.cookies.push((name.to_owned(), value.to_owned()));
            }
        }
    }

    pub async fn get(&mut self, path: &str) -> Reply {
        let cookie = self.cookie_header();
        let reply = self
            .emu
            .request("GET", path, &[("cookie", &cookie)], None)
            .await;
        self.keep_cookies(&reply);
        reply
    }

    pub async fn post(&mut self, path: &str, form: &[(&str, &str)]) -> Reply {
        let cookie = self.cookie_header();
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(form)
            .finish();
        let reply = self
            .emu
            .request(
                "POST",
                path,
                &[("cookie", &cookie)],
                Some(("application/x-www-form-urlencoded", body.into_bytes())),
            )
            .await;
        self.keep_cookies(&reply);
        reply
    }

    /// Logs in through `/wp-login.php`, as the form would.
    pub async fn log_in(&mut self, user: &str, password: &str, redirect_to: &str) -> Reply {
        self.post(
            "/wp-login.php",
            &[
                ("log", user),
                ("pwd", password),
                ("redirect_to", redirect_to),
            ],
        )
        .await
    }
}

/// Values of the hidden inputs of an HTML page, in order.
pub fn hidden_inputs(html: &str) -> Vec<(String, String)> {
    html.split("<input type=\"hidden\" ")
        .skip(1)
        .map(|chunk| {
            let name = between(chunk, "name=\"", "\"");
            let value = between(chunk, "value=\"", "\"")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
            (name, value)
        })
        .collect()
}

fn between(text: &str, start: &str, end: &str) -> String {
    let from = text.find(start).unwrap() + start.len();
    let rest = &text[from..];
    rest[..rest.find(end).unwrap()].to_owned()
}

/// Parses `a=1&b=2` (a fragment or query) into pairs.
pub fn pairs(encoded: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(encoded.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// Value of `key` in decoded pairs.
pub fn value<'p>(pairs: &'p [(String, String)], key: &str) -> Option<&'p str> {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// The fields of a post object, as the contract lists them.
pub const POST_FIELDS: &[&str] = &[
    "ID",
    "site_ID",
    "author",
    "date",
    "modified",
    "title",
    "URL",
    "short_URL",
    "content",
    "excerpt",
    "slug",
    "status",
    "sticky",
    "password",
    "parent",
    "type",
    "format",
    "tags",
    "categories",
    "like_count",
    "i_like",
    "meta",
];

/// The fields of a post in core's shape, as the contract lists them.
pub const WP_POST_FIELDS: &[&str] = &[
    "id",
    "date",
    "date_gmt",
    "modified",
    "slug",
    "status",
    "type",
    "link",
    "title",
    "content",
    "excerpt",
    "author",
    "featured_media",
    "sticky",
    "format",
    "tags",
    "categories",
];

/// A request with an optional bearer token and JSON body.
pub async fn call(emu: &Emu, method: &str, path: &str, token: Option<&str>, body: Value) -> Reply {
    let bytes = serde_json::to_vec(&body).unwrap();
    emu.request_with_token(method, path, token, Some(("application/json", bytes)))
        .await
}

/// Status and `code` of a core error, checking `data.status` agrees.
pub fn wp_error(reply: &Reply) -> (u16, String) {
    let body = reply.json();
    assert_eq!(body["data"]["status"], reply.status, "{body}");
    (reply.status, body["code"].as_str().unwrap_or("").to_owned())
}

/// The `id`s of a `wp/v2` list answer, in order.
pub fn wp_ids(reply: &Reply) -> Vec<u64> {
    reply
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_u64().unwrap())
        .collect()
}

/// One part of a `multipart/form-data` body: name, file name (a file part when given),
/// content type, bytes.
pub type Part<'a> = (&'a str, Option<&'a str>, Option<&'a str>, &'a [u8]);

/// A `multipart/form-data` body as a browser's `FormData` sends it: (content type, bytes).
pub fn multipart(parts: &[Part]) -> (String, Vec<u8>) {
    let boundary = "----wpcomEmulatorTestBoundary7MA4YWxkTrZu0gW";
    let mut body = Vec::new();
    for (name, file_name, content_type, bytes) in parts {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        let disposition = match file_name {
            Some(file) => format!("form-data; name=\"{name}\"; filename=\"{file}\""),
            None => format!("form-data; name=\"{name}\""),
        };
        body.extend_from_slice(format!("Content-Disposition: {disposition}\r\n").as_bytes());
        if let Some(content_type) = content_type {
            body.extend_from_slice(format!("Content-Type: {content_type}\r\n").as_bytes());
        }
        body.extend_from_slice(b"\r\n");
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

impl Emu {
    /// Posts a multipart body with a bearer token.
    pub async fn post_multipart(
        &self,
        path: &str,
        token: Option<&str>,
        parts: &[Part<'_>],
    ) -> Reply {
        let (content_type, body) = multipart(parts);
        self.request_with_token("POST", path, token, Some((&content_type, body)))
            .await
    }
}

/// The placeholder PNG the emulator stores for sideloads (64×48).
pub const PLACEHOLDER_PNG: &[u8] = include_bytes!("../../assets/placeholder.png");
