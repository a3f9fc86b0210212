//! The HTTP server: our own accept loop, so a fault can close a connection without answering.

use std::fmt;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use std::future::Future;

use axum::body::{Body, Bytes};
use axum::extract::DefaultBodyLimit;
use axum::http::{header, Method, Request, Response};
use axum::routing::{any, get, post};
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use tower::ServiceExt;

use crate::app::AppState;
use crate::config::Config;
use crate::cors::{self, Policy};
use crate::error::Result;
use crate::faults::{buffered, canned_response, without_key, DropWhen, Fault};
use crate::{connected_apps, control, files, login, oauth, rest, wp};

/// A running emulator.
pub struct Server {
    /// Address it listens on.
    pub addr: SocketAddr,
    /// Base URL, e.g. `http://127.0.0.1:41235`.
    pub url: String,
    /// Shared state (tests may inspect it).
    pub state: Arc<AppState>,
    task: JoinHandle<()>,
}

impl Server {
    /// Runs until the accept loop ends (it does not, unless aborted).
    pub async fn wait(mut self) {
        let _ = (&mut self.task).await;
    }

    /// Stops accepting connections.
    pub fn shutdown(&self) {
        self.task.abort();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Returned by the service to make hyper close the connection without a response.
#[derive(Debug)]
struct DroppedByFault;

impl fmt::Display for DroppedByFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("connection dropped by an emulated fault")
    }
}

impl std::error::Error for DroppedByFault {}

/// Binds, loads the data, and starts serving in the background.
pub async fn serve(config: Config) -> Result<Server> {
    let listener = TcpListener::bind((config.host.as_str(), config.port)).await?;
    let addr = listener.local_addr()?;
    let url = format!("http://{addr}");
    let state = Arc::new(AppState::new(config, url.clone())?);
    let router = router(state.clone());
    let task = tokio::spawn(accept_loop(listener, state.clone(), router));
    Ok(Server {
        addr,
        url,
        state,
        task,
    })
}

fn router(state: Arc<AppState>) -> Router {
    let mut router = Router::new()
        .route(
            "/oauth2/authorize",
            get(oauth::authorize_page).post(oauth::authorize_submit),
        )
        .route(
            "/oauth2/authenticate",
            get(oauth::authorize_page).post(oauth::authorize_submit),
        )
        .route("/oauth2/token-info", get(oauth::token_info))
        .route("/oauth2/token", post(oauth::exchange_code))
        .route(
            "/wp-login.php",
            get(login::login_page).post(login::login_submit),
        )
        .route(
            connected_apps::PATH,
            get(connected_apps::page).post(connected_apps::disconnect),
        )
        .route("/rest", any(rest::handle))
        .route("/rest/{*rest}", any(rest::handle))
        .route("/wp/v2", any(wp::handle))
        .route("/wp/v2/", any(wp::handle))
        .route("/wp/v2/{*rest}", any(wp::handle))
        .route("/wpcom/v2", any(wp::no_route))
        .route("/wpcom/v2/", any(wp::no_route))
        .route("/wpcom/v2/{*rest}", any(wp::no_route))
        .route("/files/{site}/{*path}", get(files::serve));
    if state.config.control {
        router = router.merge(control::routes());
    }
    router
        .fallback(|| async { rest::no_route() })
        .layer(DefaultBodyLimit::max(rest::body::MULTIPART_LIMIT))
        .with_state(state)
}

async fn accept_loop(listener: TcpListener, state: Arc<AppState>, router: Router) {
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(err) => {
                eprintln!("accept failed: {err}");
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let state = state.clone();
        let router = router.clone();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |request| {
                handle(state.clone(), router.clone(), request)
            });
            // Errors here are dropped connections (ours or the client's): nothing to report.
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

/// Path plus the names (never the values) of the query parameters: values may hold tokens.
fn loggable(request: &Request<Incoming>) -> String {
    let path = request.uri().path().to_owned();
    match request.uri().query() {
        Some(query) if !query.is_empty() => {
            let keys: Vec<String> = form_urlencoded::parse(query.as_bytes())
                .map(|(k, _)| k.into_owned())
                .collect();
            format!("{path}?{}", keys.join("&"))
        }
        _ => path,
    }
}

/// The response with its body cut in the middle: the head and half the body go out, then the
/// body fails, so hyper closes the connection without finishing the (chunked) message.
async fn cut_short(response: Response<Body>) -> Response<Body> {
    let (mut parts, bytes) = buffered(response).await;
    parts.headers.remove(header::CONTENT_LENGTH);
    let half = bytes.slice(..bytes.len() / 2);
    Response::from_parts(parts, Body::new(CutBody::new(half)))
}

/// A body that yields its one frame, waits a moment (so hyper flushes the head and that frame
/// to the socket) and then fails.
struct CutBody {
    first: Option<Bytes>,
    pause: std::pin::Pin<Box<tokio::time::Sleep>>,
}

impl CutBody {
    fn new(first: Bytes) -> CutBody {
        CutBody {
            first: Some(first),
            pause: Box::pin(tokio::time::sleep(Duration::from_millis(20))),
        }
    }
}

impl http_body::Body for CutBody {
    type Data = Bytes;
    type Error = DroppedByFault;

    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<std::result::Result<http_body::Frame<Bytes>, DroppedByFault>>> {
        if let Some(first) = self.first.take() {
            return std::task::Poll::Ready(Some(Ok(http_body::Frame::data(first))));
        }
        match self.pause.as_mut().poll(cx) {
            std::task::Poll::Pending => std::task::Poll::Pending,
            std::task::Poll::Ready(()) => std::task::Poll::Ready(Some(Err(DroppedByFault))),
        }
    }
}

fn log(method: &Method, target: &str, outcome: &str, started: Instant) {
    eprintln!(
        "{method} {target} {outcome} {}ms",
        started.elapsed().as_millis()
    );
}

async fn handle(
    state: Arc<AppState>,
    router: Router,
    request: Request<Incoming>,
) -> std::result::Result<Response<Body>, DroppedByFault> {
    let started = Instant::now();
    let method = request.method().clone();
    let target = loggable(&request);
    let path = request.uri().path().to_owned();
    let origin = request
        .headers()
        .get(header::ORIGIN)
        .and_then(|o| o.to_str().ok())
        .map(str::to_owned);
    let control = state.config.control && path.starts_with("/_emulator/");
    let policy = if control {
        Policy::Anyone
    } else {
        Policy::Registered
    };
    if method == Method::OPTIONS {
        let response = cors::preflight(&state, policy, origin.as_deref());
        log(&method, &target, "200 preflight", started);
        return Ok(response);
    }
    let fault = if control {
        None
    } else {
        state.faults(|faults| faults.take(&method, &path))
    };
    let canned = match &fault {
        Some(Fault::Drop {
            when: DropWhen::Before,
        }) => {
            log(&method, &target, "dropped (fault, before)", started);
            return Err(DroppedByFault);
        }
        Some(Fault::Delay { ms }) => {
            tokio::time::sleep(Duration::from_millis(*ms)).await;
            None
        }
        Some(other) => canned_response(other),
        None => None,
    };
    let mut response = match canned {
        Some(response) => response,
        None => match router.oneshot(request.map(Body::new)).await {
            Ok(response) => response,
            Err(never) => match never {},
        },
    };
    if let Some(Fault::Drop {
        when: DropWhen::After,
    }) = fault
    {
        log(&method, &target, "dropped (fault, after)", started);
        return Err(DroppedByFault);
    }
    if let Some(Fault::OkMissingKey { key }) = &fault {
        response = without_key(response, key).await;
    }
    cors::decorate(&state, policy, origin.as_deref(), &mut response);
    if let Some(Fault::Drop {
        when: DropWhen::MidResponse,
    }) = fault
    {
        log(&method, &target, "dropped (fault, mid-response)", started);
        return Ok(cut_short(response).await);
    }
    let outcome = if fault.is_some() {
        format!("{} (fault)", response.status().as_u16())
    } else {
        response.status().as_u16().to_string()
    };
    log(&method, &target, &outcome, started);
    Ok(response)
}
