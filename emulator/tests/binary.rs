//! The real binary: first stdout line, request log, `--seed`, and `--state` across restarts.
#![cfg(test)]

mod common;

use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use common::{hidden_inputs, value, Browser, Emu};
use serde_json::json;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, BufReader};
use tokio::process::{Child, Command};
use tokio::task::JoinHandle;

struct Running {
    child: Child,
    url: String,
    stderr: JoinHandle<String>,
}

impl Running {
    /// Kills the process (SIGKILL, like a crash) and returns what it logged.
    async fn kill(mut self) -> String {
        self.child.kill().await.unwrap();
        self.stderr.await.unwrap()
    }
}

async fn start(args: &[&str]) -> Running {
    let mut child = Command::new(env!("CARGO_BIN_EXE_wpcom-emulator"))
        .args(["--port", "0"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = tokio::time::timeout(Duration::from_secs(20), lines.next_line())
        .await
        .expect("the URL is printed in time")
        .unwrap()
        .expect("a first line");
    let mut stderr = child.stderr.take().unwrap();
    let stderr = tokio::spawn(async move {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text).await;
        text
    });
    Running {
        child,
        url: first,
        stderr,
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("wpcom-emulator-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[tokio::test]
async fn port_0_prints_the_base_url_first_and_the_log_never_shows_a_token() {
    let running = start(&[]).await;
    let port = running
        .url
        .strip_prefix("http://127.0.0.1:")
        .expect("base URL first");
    assert!(port.parse::<u16>().unwrap() > 0, "{}", running.url);
    let emu = Emu::attach(&running.url);
    let token = emu.alice().await;
    assert_eq!(emu.get_auth("/rest/v1.1/me", &token).await.status, 200);
    let encoded: String = form_urlencoded::byte_serialize(token.as_bytes()).collect();
    let info = emu
        .get(&format!(
            "/oauth2/token-info?client_id=1234&token={encoded}"
        ))
        .await;
    assert_eq!(info.status, 200);
    let log = running.kill().await;
    assert!(log.contains("GET /rest/v1.1/me 200"), "{log}");
    assert!(
        log.contains("GET /oauth2/token-info?client_id&token 200"),
        "{log}"
    );
    assert!(
        !log.contains(&token) && !log.contains(&encoded),
        "a token leaked into the log"
    );
}

#[tokio::test]
async fn state_survives_a_crash_and_a_restart() {
    let dir = temp_dir("state");
    let state = dir.join("state.json");
    let state_arg = state.to_str().unwrap();

    let first = start(&["--state", state_arg]).await;
    let emu = Emu::attach(&first.url);
    let alice = emu.alice().await;
    let other_app = emu
        .post_json(
            "/_emulator/tokens",
            None,
            json!({"user": "alice", "client_id": "5678"}),
        )
        .await
        .json()["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let created = emu
        .post_json(
            "/rest/v1.1/sites/2001/posts/new",
            Some(&alice),
            json!({"title": "Kept across restarts"}),
        )
        .await;
    assert_eq!(created.status, 200);
    emu.post_json(
        "/rest/v1.1/sites/2001/posts/4/likes/new",
        Some(&alice),
        json!({}),
    )
    .await;
    let mut browser = Browser::new(&emu);
    browser
        .log_in(
            "alice",
            "alice-password",
            "/me/security/connected-applications",
        )
        .await;
    let page = browser
        .get("/me/security/connected-applications")
        .await
        .text();
    let nonce = value(&hidden_inputs(&page), "nonce").unwrap().to_owned();
    browser
        .post(
            "/me/security/connected-applications",
            &[("client_id", "5678"), ("nonce", &nonce)],
        )
        .await;
    first.kill().await;

    let second = start(&["--state", state_arg]).await;
    let emu = Emu::attach(&second.url);
    let newest = emu
        .get("/rest/v1.1/sites/2001/posts/?number=1")
        .await
        .json();
    assert_eq!(newest["found"], 49);
    assert_eq!(newest["posts"][0]["title"], "Kept across restarts");
    assert_eq!(
        emu.get("/rest/v1.1/sites/2001/posts/4/likes").await.json()["found"],
        1
    );
    assert_eq!(emu.get_auth("/rest/v1.1/me", &alice).await.status, 200);
    assert_eq!(
        emu.get_auth("/rest/v1.1/me", &other_app).await.error(),
        (400, "invalid_token".to_owned())
    );
    second.kill().await;

    let fresh = start(&[]).await;
    assert_eq!(
        Emu::attach(&fresh.url)
            .get("/rest/v1.1/sites/2001/posts/")
            .await
            .json()["found"],
        48
    );
    fresh.kill().await;
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers, ["state.json"], "no temp files left behind");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn seed_replaces_the_default_data() {
    let dir = temp_dir("seed");
    let seed = dir.join("seed.json");
    let text = wpcom_emulator::seed::DEFAULT_SEED.replace("Alice Anderson", "Alice From A File");
    std::fs::write(&seed, text).unwrap();
    let running = start(&["--seed", seed.to_str().unwrap()]).await;
    let emu = Emu::attach(&running.url);
    let me = emu
        .get_auth("/rest/v1.1/me", &emu.alice().await)
        .await
        .json();
    assert_eq!(me["display_name"], "Alice From A File");
    running.kill().await;
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn bad_arguments_exit_non_zero_with_a_message() {
    for args in [
        &["--port", "nope"][..],
        &["--frobnicate"],
        &["--seed", "/nonexistent/seed.json"],
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_wpcom-emulator"))
            .args(args)
            .output()
            .await
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty());
        assert!(
            String::from_utf8_lossy(&output.stderr).contains("wpcom-emulator:"),
            "{args:?}"
        );
    }
}
