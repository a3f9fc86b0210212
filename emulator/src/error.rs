//! Errors that stop the emulator from starting (bad CLI, bad seed, I/O).

use std::fmt;

/// Why the emulator could not start or load its data.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The command line was invalid; the text says which argument.
    Cli(String),
    /// The seed or state file is not valid.
    Data(String),
    /// Binding the socket or reading a file failed.
    Io(std::io::Error),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Cli(text) => write!(f, "invalid command line: {text}"),
            Error::Data(text) => write!(f, "invalid data: {text}"),
            Error::Io(err) => write!(f, "I/O error: {err}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Self {
        Error::Io(err)
    }
}

/// Result type of the emulator's start-up functions.
pub type Result<T> = std::result::Result<T, Error>;
