//! The plan of a `POST /sites/$site/media/new` form, sans-IO: which parts go in the multipart
//! body, under which names, with which file names. The browser layer turns the plan into a
//! `FormData` (the browser writes the multipart encoding and its `Content-Type`).
//!
//! Follows `../shared/wpcom-contract.md` "Media" and Jetpack's WPCOM JSON API
//! (`handle_media_creation_v1_1`): one part `media[]` per file, `media_urls[]` per URL, and
//! `attrs[i][title|caption|description|alt|parent_id]`, with one index `i` over the files, then
//! the URLs. WordPress.com re-indexes `attrs` from 0 (PHP's `array_values`), so an input without
//! attributes that comes before one with them still gets an entry: `attrs[i][parent_id]=0`, which
//! changes nothing (0 is "unattached", the default, and no other attribute is touched).

use super::error::{Error, ErrorCode};
use super::text::{cat, cut, push_u64, u64_text};
use alloc::{string::String, vec::Vec};

/// The attributes of one uploaded or sideloaded item (`attrs[i][…]`); `None` fields are not
/// sent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MediaAttrs {
    /// The item's title (WordPress.com's default: the file name).
    pub title: Option<String>,
    /// Its caption.
    pub caption: Option<String>,
    /// Its description.
    pub description: Option<String>,
    /// Alternative text of an image.
    pub alt: Option<String>,
    /// The post to attach it to (`post_ID` of the item); 0 or `None`: unattached.
    pub parent_id: Option<u64>,
}

/// The attribute names WordPress.com reads, in the order they are sent.
pub const ATTR_NAMES: [&str; 5] = ["title", "caption", "description", "alt", PARENT_ID];

/// The attribute that attaches an item to a post; `0` is "unattached".
const PARENT_ID: &str = "parent_id";

impl MediaAttrs {
    /// Whether no attribute is given.
    pub fn is_empty(&self) -> bool {
        *self == MediaAttrs::default()
    }

    /// Appends `attrs[i][…]` for each attribute given, in [`ATTR_NAMES`] order.
    fn push_fields(&self, i: usize, parts: &mut Vec<Part>) {
        let [title, caption, description, alt, _] = ATTR_NAMES;
        let texts = [
            (title, &self.title),
            (caption, &self.caption),
            (description, &self.description),
            (alt, &self.alt),
        ];
        for (key, value) in texts {
            if let Some(value) = value {
                parts.push(text_part(attr_field(i, key), value.clone()));
            }
        }
        if let Some(id) = self.parent_id {
            parts.push(text_part(attr_field(i, PARENT_ID), u64_text(id)));
        }
    }
}

fn text_part(name: String, value: String) -> Part {
    Part::Text { name, value }
}

/// What the plan knows of a file to upload: its own name (a `File`'s; a `Blob` has none) and
/// its MIME type (`Blob.type`, `""` when unknown).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileInfo {
    /// `File.name`; `None` (or empty) for a `Blob`.
    pub name: Option<String>,
    /// `Blob.type`, e.g. `image/png`.
    pub mime_type: String,
}

/// One part of the multipart body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    /// The file at `index` of the files given, sent as `media[]` with this file name.
    File {
        /// Index into the files given.
        index: usize,
        /// The `filename` of the part.
        filename: String,
    },
    /// A text field.
    Text {
        /// The field name, e.g. `media_urls[]` or `attrs[0][title]`.
        name: String,
        /// Its value.
        value: String,
    },
}

/// The field name of each file part.
pub const FILE_FIELD: &str = "media[]";
/// The field name of each URL to sideload.
pub const URL_FIELD: &str = "media_urls[]";

/// The parts of a `media/new` form for `files`, then `urls`, with `attrs[i]` for input `i` (files
/// first, then URLs), in order: the files, the URLs, the attributes.
///
/// Refuses, before anything is sent: no input at all (`invalid_input`, as WordPress.com
/// answers "No media provided in input."), and more attributes than inputs (`invalid_config`).
pub fn media_form(
    files: &[FileInfo],
    urls: &[String],
    attrs: &[MediaAttrs],
) -> Result<Vec<Part>, Error> {
    let inputs = files.len() + urls.len();
    if inputs == 0 {
        return Err(Error::new(
            ErrorCode::InvalidInput,
            "no media given: pass at least one file (or URL)",
        ));
    }
    if attrs.len() > inputs {
        return Err(Error::new(
            ErrorCode::InvalidConfig,
            "attrs has more entries than there are files or URLs: give one per input, in order",
        ));
    }
    let mut parts: Vec<Part> = Vec::new();
    for (index, file) in files.iter().enumerate() {
        let filename = file_name(file, attrs.get(index), index);
        parts.push(Part::File { index, filename });
    }
    for url in urls {
        parts.push(text_part(String::from(URL_FIELD), url.clone()));
    }
    // Up to the last input with attributes, every input has an entry (see the module docs).
    let count = attrs
        .iter()
        .rposition(|a| !a.is_empty())
        .map_or(0, |last| last + 1);
    for (i, attr) in attrs.iter().take(count).enumerate() {
        if attr.is_empty() {
            parts.push(text_part(attr_field(i, PARENT_ID), String::from("0")));
        }
        attr.push_fields(i, &mut parts);
    }
    Ok(parts)
}

/// `attrs[i][key]`.
pub fn attr_field(i: usize, key: &str) -> String {
    let mut name = String::from("attrs[");
    push_u64(&mut name, i as u64);
    name.push_str("][");
    name.push_str(key);
    name.push(']');
    name
}

/// The file name a file is sent with: a `File`'s own name; for a `Blob`, its title made a file
/// name (with the extension of its type when the title has none), else `media-<n>.<ext>` (`n`
/// counting from 1).
pub fn file_name(file: &FileInfo, attrs: Option<&MediaAttrs>, index: usize) -> String {
    if let Some(name) = file.name.as_ref().filter(|n| !n.trim_ascii().is_empty()) {
        return name.clone();
    }
    let ext = extension_for(&file.mime_type);
    let ext = ext.as_str();
    let title = attrs.and_then(|a| a.title.as_deref()).map(safe_name);
    match title.filter(|t| !t.is_empty()) {
        Some(title) if has_extension(&title) => title,
        Some(title) => cat(&[&title, ".", ext]),
        None => {
            let mut name = String::from("media-");
            push_u64(&mut name, index as u64 + 1);
            name.push('.');
            name.push_str(ext);
            name
        }
    }
}

/// `title` as a file name: path separators and control characters become `-`, and the ends
/// are trimmed of spaces and dots (no `..`, no hidden file).
fn safe_name(title: &str) -> String {
    let mut name = String::new();
    for c in title.chars() {
        let control = c < ' ' || ('\u{7f}'..='\u{9f}').contains(&c);
        name.push(if c == '/' || c == '\\' || control {
            '-'
        } else {
            c
        });
    }
    let trimmed = name
        .trim_ascii()
        .trim_start_matches('.')
        .trim_end_matches('.');
    String::from(trimmed.trim_ascii())
}

/// Whether `name` ends with a file extension: a `.` after the first character, followed by 1
/// to 5 ASCII letters or digits.
fn has_extension(name: &str) -> bool {
    let bytes = name.as_bytes();
    bytes.iter().rposition(|b| *b == b'.').is_some_and(|dot| {
        let ext = bytes.get(dot + 1..).unwrap_or_default();
        dot > 0 && is_short_token(ext)
    })
}

/// 1 to 5 ASCII letters or digits.
fn is_short_token(s: &[u8]) -> bool {
    (1..=5).contains(&s.len()) && s.iter().all(u8::is_ascii_alphanumeric)
}

/// The MIME types whose extension is not their subtype (`image/jpeg` is `.jpg`).
const EXTENSIONS: &[(&str, &str)] = &[
    ("image/jpeg", "jpg"),
    ("image/svg+xml", "svg"),
    ("image/x-icon", "ico"),
    ("video/quicktime", "mov"),
    ("video/ogg", "ogv"),
    ("audio/mpeg", "mp3"),
    ("audio/mp4", "m4a"),
    ("text/plain", "txt"),
];

/// The extension for a MIME type (parameters and case ignored), which WordPress reads an
/// upload's type from: `EXTENSIONS`, else the subtype when it is 1 to 5 letters or digits
/// (`image/png` → `png`, `application/pdf` → `pdf`), else `bin`.
pub fn extension_for(mime_type: &str) -> String {
    let essence = cut(mime_type, b';').map_or(mime_type, |(essence, _)| essence);
    let essence = essence.trim_ascii().to_ascii_lowercase();
    if let Some((_, ext)) = EXTENSIONS.iter().find(|(mime, _)| *mime == essence) {
        return String::from(*ext);
    }
    match cut(&essence, b'/') {
        Some((_, subtype)) if is_short_token(subtype.as_bytes()) => String::from(subtype),
        _ => String::from("bin"),
    }
}
