//! Settings of one emulator run, and the command line that sets them.

use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::seed::DEFAULT_SEED;
use crate::store::DEFAULT_MAX_UPLOAD_KB;

/// Default lifetime of implicit-flow tokens: 14 days, as seen live.
pub const DEFAULT_TOKEN_TTL: i64 = 1_209_600;

/// Usage text of the binary.
pub const USAGE: &str = "usage: wpcom-emulator [--port 9090] [--host 127.0.0.1] [--seed FILE] \
[--state FILE] [--token-ttl SECONDS] [--no-control] [--allow-origin ORIGIN]... [--expose-headers] \
[--max-upload-kb KB]";

/// How to run the emulator.
#[derive(Clone, Debug)]
pub struct Config {
    /// Address to listen on.
    pub host: String,
    /// Port; 0 picks a free one.
    pub port: u16,
    /// Seed JSON text.
    pub seed_json: String,
    /// State file kept across restarts.
    pub state: Option<PathBuf>,
    /// Lifetime of implicit-flow tokens, in seconds.
    pub token_ttl: i64,
    /// Serve the `/_emulator/` control API.
    pub control: bool,
    /// Origins added to every app's JavaScript origins.
    pub allow_origins: Vec<String>,
    /// Let pages read `Retry-After`, `X-WP-Total`, `X-WP-TotalPages` and `Link` cross-origin.
    pub expose_headers: bool,
    /// Largest file `media/new` accepts, in KB.
    pub max_upload_kb: u64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            host: "127.0.0.1".to_owned(),
            port: 9090,
            seed_json: DEFAULT_SEED.to_owned(),
            state: None,
            token_ttl: DEFAULT_TOKEN_TTL,
            control: true,
            allow_origins: Vec::new(),
            expose_headers: false,
            max_upload_kb: DEFAULT_MAX_UPLOAD_KB,
        }
    }
}

impl Config {
    /// Parses the arguments after the program name.
    pub fn from_args<I: IntoIterator<Item = String>>(args: I) -> Result<Config> {
        let mut config = Config::default();
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let (flag, inline) = match arg.split_once('=') {
                Some((flag, value)) if flag.starts_with("--") => {
                    (flag.to_owned(), Some(value.to_owned()))
                }
                _ => (arg.clone(), None),
            };
            let mut value = |name: &str| {
                inline
                    .clone()
                    .or_else(|| args.next())
                    .ok_or_else(|| Error::Cli(format!("{name} needs a value")))
            };
            match flag.as_str() {
                "--port" => {
                    let text = value("--port")?;
                    config.port = text
                        .parse()
                        .map_err(|_| Error::Cli(format!("bad port {text}")))?;
                }
                "--host" => config.host = value("--host")?,
                "--seed" => {
                    let path = value("--seed")?;
                    config.seed_json = std::fs::read_to_string(&path)
                        .map_err(|e| Error::Cli(format!("cannot read seed {path}: {e}")))?;
                }
                "--state" => config.state = Some(PathBuf::from(value("--state")?)),
                "--token-ttl" => {
                    let text = value("--token-ttl")?;
                    config.token_ttl = text
                        .parse()
                        .ok()
                        .filter(|ttl: &i64| *ttl > 0)
                        .ok_or_else(|| Error::Cli(format!("bad token TTL {text}")))?;
                }
                "--no-control" => config.control = false,
                "--expose-headers" => config.expose_headers = true,
                "--max-upload-kb" => {
                    let text = value("--max-upload-kb")?;
                    config.max_upload_kb = text
                        .parse()
                        .map_err(|_| Error::Cli(format!("bad upload limit {text}")))?;
                }
                "--allow-origin" => {
                    let origin = value("--allow-origin")?;
                    config
                        .allow_origins
                        .push(origin.trim_end_matches('/').to_owned());
                }
                "-h" | "--help" => return Err(Error::Cli(USAGE.to_owned())),
                other => return Err(Error::Cli(format!("unknown argument {other}\n{USAGE}"))),
            }
        }
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Config> {
        Config::from_args(args.iter().map(|a| (*a).to_owned()))
    }

    #[test]
    fn defaults_match_the_documented_ones() {
        let config = parse(&[]).unwrap();
        assert_eq!((config.host.as_str(), config.port), ("127.0.0.1", 9090));
        assert_eq!(config.token_ttl, 1_209_600);
        assert!(config.control);
        assert!(
            !config.expose_headers,
            "WordPress.com exposes no header we know of"
        );
    }

    #[test]
    fn flags_are_read_in_both_spellings() {
        let config = parse(&[
            "--port",
            "0",
            "--token-ttl=60",
            "--no-control",
            "--allow-origin",
            "http://a:1/",
            "--allow-origin=http://b:2",
            "--state",
            "/tmp/s.json",
            "--expose-headers",
            "--max-upload-kb=5",
        ])
        .unwrap();
        assert_eq!(config.port, 0);
        assert_eq!(config.token_ttl, 60);
        assert!(!config.control);
        assert_eq!(config.allow_origins, ["http://a:1", "http://b:2"]);
        assert_eq!(config.state, Some(PathBuf::from("/tmp/s.json")));
        assert!(config.expose_headers);
        assert_eq!(config.max_upload_kb, 5);
    }

    #[test]
    fn bad_arguments_are_rejected() {
        for args in [
            &["--port", "x"][..],
            &["--port"],
            &["--bogus"],
            &["--token-ttl", "-5"],
        ] {
            assert!(matches!(parse(args), Err(Error::Cli(_))), "{args:?}");
        }
    }
}
