//! `wpcom-emulator`: runs the emulator; the first line on stdout is its base URL.

use std::io::Write;
use std::process::ExitCode;

use wpcom_emulator::{serve, Config};

#[tokio::main]
async fn main() -> ExitCode {
    let config = match Config::from_args(std::env::args().skip(1)) {
        Ok(config) => config,
        Err(err) => {
            eprintln!("wpcom-emulator: {err}");
            return ExitCode::from(2);
        }
    };
    let server = match serve(config).await {
        Ok(server) => server,
        Err(err) => {
            eprintln!("wpcom-emulator: {err}");
            return ExitCode::from(1);
        }
    };
    // Scripts wait for this line: print it only once the socket accepts connections.
    let mut stdout = std::io::stdout();
    let _ = writeln!(stdout, "{}", server.url);
    let _ = stdout.flush();
    tokio::select! {
        () = server.wait() => {}
        _ = tokio::signal::ctrl_c() => {}
    }
    ExitCode::SUCCESS
}
