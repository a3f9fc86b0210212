//! The `FormData` of a `media/new` call, built from the core's plan
//! ([`crate::core::media::media_form`]): the browser writes the multipart body and its
//! `Content-Type` (with the boundary) itself.

use super::env;
use crate::core::media::{media_form, FileInfo, MediaAttrs, Part, FILE_FIELD};
use crate::core::{Error, ErrorCode};
use alloc::{string::String, vec::Vec};
use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// A `FormData` holding `files` (each a `Blob` or `File`), then `urls`, with `attrs[i]` for
/// input `i`.
///
/// Errors: `invalid_config` when an item of `files` is not a `Blob` or `attrs` has more entries
/// than inputs; `invalid_input` when there is nothing to send; `unsupported` where there is no
/// `FormData`.
pub fn media_form_data(
    files: &[JsValue],
    urls: &[String],
    attrs: &[MediaAttrs],
) -> Result<JsValue, Error> {
    let mut infos: Vec<FileInfo> = Vec::new();
    for file in files {
        infos.push(describe(file).ok_or_else(not_a_blob)?);
    }
    let plan = media_form(&infos, urls, attrs)?;
    let constructor = env::get(&env::global(), "FormData");
    // `Reflect.construct` throws (no panic) when `FormData` is missing: `unsupported`.
    let form = Reflect::construct(constructor.unchecked_ref::<Function>(), &Array::new())
        .map_err(|_| env::unsupported("FormData is not available"))?;
    let undefined = JsValue::UNDEFINED;
    for part in &plan {
        let appended = match part {
            Part::File { index, filename } => {
                let file = files.get(*index).unwrap_or(&undefined);
                env::call(
                    &form,
                    "append",
                    &[&FILE_FIELD.into(), file, &filename.as_str().into()],
                )
            }
            Part::Text { name, value } => env::call(
                &form,
                "append",
                &[&name.as_str().into(), &value.as_str().into()],
            ),
        };
        appended.map_err(|_| not_a_blob())?;
    }
    Ok(form)
}

/// A `Blob`'s `File.name` (if it is a `File`) and `type`; duck-typed (a number `size`, a string
/// `type`), as an `AbortSignal` is elsewhere: `None` for anything else.
fn describe(file: &JsValue) -> Option<FileInfo> {
    env::get(file, "size").as_f64()?;
    Some(FileInfo {
        mime_type: env::get(file, "type").as_string()?,
        name: env::get(file, "name").as_string(),
    })
}

fn not_a_blob() -> Error {
    Error::new(
        ErrorCode::InvalidConfig,
        "each file must be a File or a Blob (from an <input type=file>, fetch or canvas.toBlob)",
    )
}
