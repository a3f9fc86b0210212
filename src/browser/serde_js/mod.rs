//! A minimal serde bridge between JS values and the core's models.
//!
//! It does what `serde-wasm-bindgen` does for JSON-shaped data (objects, arrays, strings,
//! numbers, booleans, `null`), in a fraction of the code: its errors carry no message, so none
//! of serde's error formatting (float printing, `Debug` of values) reaches the wasm. The core's
//! lenient decoders never fail on a type mismatch anyway; an error here means "not JSON-shaped".
//!
//! Maps come out as plain objects and `None` as `null`, like `JSON.parse` would give.

mod de;
mod ser;

pub use de::from_js;
pub use ser::to_js;

use std::fmt;

/// The data did not fit (a non-JSON value, or a shape a model cannot take).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShapeError;

impl fmt::Display for ShapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("value does not fit the expected shape")
    }
}

impl std::error::Error for ShapeError {}

impl serde::de::Error for ShapeError {
    fn custom<T: fmt::Display>(_message: T) -> Self {
        // Dropping the message is the point: formatting it would cost kilobytes of wasm.
        ShapeError
    }
}

impl serde::ser::Error for ShapeError {
    fn custom<T: fmt::Display>(_message: T) -> Self {
        ShapeError
    }
}
