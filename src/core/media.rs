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
use super::text::{cat, push_u64, u64_text};
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
    /// The attributes given, as `(name, value)` in [`ATTR_NAMES`] order.
    pub fn fields(&self) -> Vec<(&'static str, String)> {
        let [title, caption, description, alt, _] = ATTR_NAMES;
        let texts = [
            (title, &self.title),
            (caption, &self.caption),
            (description, &self.description),
            (alt, &self.alt),
        ];
        let mut out: Vec<(&'static str, String)> = texts
            .into_iter()
            .filter_map(|(name, value)| Some((name, value.clone()?)))
            .collect();
        if let Some(id) = self.parent_id {
            out.push((PARENT_ID, u64_text(id)));
        }
        out
    }
}

/// What the plan knows of a file to upload: its own name (a `File`'s; a `Blob` has none) and
/// its MIME type (`Blob.type`, `""` when unknown).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileInfo<'a> {
    /// `File.name`; `None` (or empty) for a `Blob`.
    pub name: Option<&'a str>,
    /// `Blob.type`, e.g. `image/png`.
    pub mime_type: &'a str,
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
    files: &[FileInfo<'_>],
    urls: &[&str],
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
    let mut parts: Vec<Part> = files
        .iter()
        .enumerate()
        .map(|(index, file)| Part::File {
            index,
            filename: file_name(*file, attrs.get(index), index),
        })
        .collect();
    parts.extend(urls.iter().map(|url| Part::Text {
        name: String::from(URL_FIELD),
        value: String::from(*url),
    }));
    // Up to the last input with attributes, every input has an entry (see the module docs).
    let last = attrs.iter().rposition(|a| !a.fields().is_empty());
    for (i, attr) in attrs.iter().enumerate().take(last.map_or(0, |l| l + 1)) {
        let mut fields = attr.fields();
        if fields.is_empty() {
            fields.push((PARENT_ID, String::from("0")));
        }
        for (key, value) in fields {
            parts.push(Part::Text {
                name: attr_field(i, key),
                value,
            });
        }
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
pub fn file_name(file: FileInfo<'_>, attrs: Option<&MediaAttrs>, index: usize) -> String {
    if let Some(name) = file.name.filter(|n| !n.trim().is_empty()) {
        return String::from(name);
    }
    let ext = extension_for(file.mime_type);
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
    let name: String = title
        .chars()
        .map(|c| {
            if c == '/' || c == '\\' || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .collect();
    String::from(name.trim_matches(|c: char| c == '.' || c.is_whitespace()))
}

/// Whether `name` ends with a file extension: a `.` followed by 1 to 5 ASCII letters or digits.
fn has_extension(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty() && (1..=5).contains(&ext.len()) && ext.bytes().all(|b| b.is_ascii_alphanumeric())
    })
}

/// MIME type → the extension WordPress uses for it; WordPress decides an upload's type by its
/// extension, so a `Blob`'s generated name must carry the right one.
const EXTENSIONS: &[(&str, &str)] = &[
    ("image/jpeg", "jpg"),
    ("image/png", "png"),
    ("image/gif", "gif"),
    ("image/webp", "webp"),
    ("image/avif", "avif"),
    ("image/heic", "heic"),
    ("image/svg+xml", "svg"),
    ("image/bmp", "bmp"),
    ("image/tiff", "tif"),
    ("image/x-icon", "ico"),
    ("video/mp4", "mp4"),
    ("video/quicktime", "mov"),
    ("video/webm", "webm"),
    ("video/ogg", "ogv"),
    ("audio/mpeg", "mp3"),
    ("audio/mp4", "m4a"),
    ("audio/ogg", "ogg"),
    ("audio/wav", "wav"),
    ("application/pdf", "pdf"),
    ("application/zip", "zip"),
    ("text/plain", "txt"),
    ("text/csv", "csv"),
];

/// The extension for a MIME type (parameters and case ignored); `bin` when unknown.
pub fn extension_for(mime_type: &str) -> &'static str {
    let essence = mime_type.split(';').next().unwrap_or_default().trim();
    EXTENSIONS
        .iter()
        .find(|(mime, _)| mime.eq_ignore_ascii_case(essence))
        .map_or("bin", |(_, ext)| ext)
}
