//! `POST /sites/$site/media/new`: multipart `media[]` files and/or `media_urls[]`, with
//! `attrs[i][title|caption|description|alt|parent_id]` (one index over the files, then the
//! URLs), as Jetpack's `class.wpcom-json-api-upload-media-v1-1-endpoint.php` does it.
//!
//! The emulator never reaches the internet: a URL of one of its own files is copied byte for
//! byte; any other `http(s)` URL stores the placeholder PNG under the URL's file name. A host
//! under `.invalid` fails to download; a file name with a non-image extension is refused.

use serde_json::{json, Map, Value};

use super::auth::{readable_site, require, Grant};
use super::body::{text_field, Upload};
use super::errors::ApiError;
use super::media::media_json;
use super::post_json::post_json;
use super::Call;
use crate::seed::{Role, Site};
use crate::store::{slugify, sniff_image, ImageInfo, Media, Post, World, PLACEHOLDER_PNG};
use crate::time;

/// Extensions of the image types the emulator accepts (see [`sniff_image`]).
const IMAGE_EXTENSIONS: &[&str] = &["png", "jpg", "jpeg", "jpe", "gif", "webp", "bmp", "ico"];

/// One input that failed: `{file, error, message}` in the answer.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Failure {
    file: String,
    error: &'static str,
    message: String,
}

impl Failure {
    fn new(file: &str, error: &'static str, message: impl Into<String>) -> Failure {
        Failure {
            file: file.to_owned(),
            error,
            message: message.into(),
        }
    }

    fn json(&self) -> Value {
        json!({"file": self.file, "error": self.error, "message": self.message})
    }

    fn invalid_type(file: &str) -> Failure {
        Failure::new(file, "invalid_input", "Invalid file type.")
    }
}

/// The attributes given for input `index`.
#[derive(Clone, Debug, Default)]
struct Attrs {
    title: Option<String>,
    caption: String,
    description: String,
    alt: String,
    parent_id: u64,
}

impl Attrs {
    /// `attrs` as PHP's `array_values` sees it: the n-th entry given, whatever its key.
    fn list(body: &Value) -> Vec<Attrs> {
        let entries: Vec<&Value> = match body.get("attrs") {
            Some(Value::Array(items)) => items.iter().collect(),
            Some(Value::Object(map)) => map.values().collect(),
            _ => Vec::new(),
        };
        entries
            .into_iter()
            .map(|entry| Attrs {
                title: text_field(entry, "title"),
                caption: text_field(entry, "caption").unwrap_or_default(),
                description: text_field(entry, "description").unwrap_or_default(),
                alt: text_field(entry, "alt").unwrap_or_default(),
                parent_id: text_field(entry, "parent_id")
                    .and_then(|p| p.trim().parse().ok())
                    .unwrap_or(0),
            })
            .collect()
    }
}

/// `errors` as PHP's `json_encode` writes an array keyed by input index: a list when the keys
/// are 0, 1, 2…, else an object (`{"1": …}`), the quirk the contract warns of.
fn php_array(errors: &[(usize, Failure)]) -> Value {
    if errors.iter().enumerate().all(|(n, (index, _))| n == *index) {
        return Value::Array(errors.iter().map(|(_, f)| f.json()).collect());
    }
    let map: Map<String, Value> = errors
        .iter()
        .map(|(index, f)| (index.to_string(), f.json()))
        .collect();
    Value::Object(map)
}

/// `name` split into a stem and a lower-case extension (empty when none).
fn split_name(name: &str) -> (&str, String) {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem, ext.to_ascii_lowercase()),
        _ => (base, String::new()),
    }
}

/// A path `YYYY/MM/stem.ext` not yet used on the site (WordPress adds `-1`, `-2`…).
fn unique_path(world: &World, site_id: u64, now: i64, stem: &str, ext: &str) -> String {
    let month = time::iso(now);
    let folder = month.get(..7).unwrap_or("1970-01").replace('-', "/");
    let stem = match slugify(stem) {
        s if s.is_empty() => "image".to_owned(),
        s => s,
    };
    let taken = |path: &str| {
        world
            .media
            .iter()
            .any(|m| m.site_id == site_id && m.path == path)
    };
    let first = format!("{folder}/{stem}.{ext}");
    if !taken(&first) {
        return first;
    }
    (1..)
        .map(|n| format!("{folder}/{stem}-{n}.{ext}"))
        .find(|path| !taken(path))
        .unwrap_or(first)
}

/// Who uploads, where, and the limits in force.
struct Uploader<'a> {
    site: &'a Site,
    user_id: u64,
    max_bytes: usize,
    base: &'a str,
    now: i64,
}

impl Uploader<'_> {
    /// Checks and stores one file; `name` is what the client called it.
    fn store(
        &self,
        world: &mut World,
        name: &str,
        bytes: &[u8],
        attrs: &Attrs,
        parent: u64,
    ) -> Result<Media, Failure> {
        if bytes.len() > self.max_bytes {
            let kb = self.max_bytes / 1024;
            return Err(Failure::new(
                name,
                "rest_upload_file_too_big",
                format!("This file is too big. Files must be less than {kb} KB in size."),
            ));
        }
        let ImageInfo {
            mime_type,
            extension,
            width,
            height,
        } = sniff_image(bytes).ok_or_else(|| Failure::invalid_type(name))?;
        let (stem, given) = split_name(name);
        // Keep the client's extension when it names the same type (`jpeg` for `jpg`).
        let same_type = sniff_matches(&given, mime_type);
        let ext = if same_type { given.as_str() } else { extension };
        let site_id = self.site.id;
        let parent = [attrs.parent_id, parent]
            .into_iter()
            .find(|id| *id > 0 && world.post(site_id, *id).is_some())
            .unwrap_or(0);
        let media = Media {
            site_id,
            id: world.next_media_id(site_id),
            author_id: self.user_id,
            date: self.now,
            post_id: parent,
            path: unique_path(world, site_id, self.now, stem, ext),
            mime_type: mime_type.to_owned(),
            title: attrs.title.clone().unwrap_or_else(|| stem.to_owned()),
            caption: attrs.caption.clone(),
            description: attrs.description.clone(),
            alt: attrs.alt.clone(),
            width,
            height,
            bytes: bytes.to_vec(),
        };
        world.media.push(media.clone());
        Ok(media)
    }

    /// "Downloads" `url` (see the module's doc) and stores it.
    fn sideload(
        &self,
        world: &mut World,
        url: &str,
        attrs: &Attrs,
        parent: u64,
    ) -> Result<Media, Failure> {
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
            .filter(|rest| !rest.is_empty() && !rest.starts_with('/'))
            .ok_or_else(|| {
                Failure::new(url, "http_request_failed", "A valid URL was not provided.")
            })?;
        let path = rest.split(['?', '#']).next().unwrap_or(rest);
        let host = path.split('/').next().unwrap_or(path);
        let host_name = host.rsplit_once(':').map_or(host, |(name, _)| name);
        if host_name == "invalid" || host_name.ends_with(".invalid") {
            return Err(Failure::new(
                url,
                "http_request_failed",
                format!("cURL error 6: Could not resolve host: {host_name}"),
            ));
        }
        let name = path.rsplit('/').next().unwrap_or("").to_owned();
        let (stem, ext) = split_name(&name);
        if !ext.is_empty() && !IMAGE_EXTENSIONS.contains(&ext.as_str()) {
            return Err(Failure::invalid_type(url));
        }
        let own = format!("{}/files/", self.base);
        let bytes = match url
            .split(['?', '#'])
            .next()
            .and_then(|u| u.strip_prefix(&own))
        {
            Some(file) => world
                .media
                .iter()
                .find(|m| format!("{}/{}", m.site_id, m.path) == file)
                .map(|m| m.bytes.clone())
                .ok_or_else(|| Failure::new(url, "http_404", "Not Found"))?,
            None => PLACEHOLDER_PNG.to_vec(),
        };
        let stem = if stem.is_empty() { "image" } else { stem };
        self.store(world, &format!("{stem}.{ext}"), &bytes, attrs, parent)
    }
}

/// Whether a file extension names the type the bytes have.
fn sniff_matches(ext: &str, mime_type: &str) -> bool {
    matches!(
        (ext, mime_type),
        ("png", "image/png")
            | ("jpg" | "jpeg" | "jpe", "image/jpeg")
            | ("gif", "image/gif")
            | ("webp", "image/webp")
            | ("bmp", "image/bmp")
            | ("ico", "image/x-icon")
    )
}

fn max_bytes(call: &Call) -> usize {
    let kb = call.app.settings().max_upload_kb;
    usize::try_from(kb.saturating_mul(1024)).unwrap_or(usize::MAX)
}

/// The answer of `posts/new` and of a post edit: `post` as JSON once `urls` (its
/// `media_urls`) are sideloaded and attached to it, with `media_errors` listing the failures
/// when there are any (Jetpack's field). Sideloading needs upload rights, as on WordPress.com.
pub fn post_with_media(
    world: &mut World,
    call: &Call,
    site: &Site,
    post: &Post,
    grant: &Grant,
    role: Role,
    urls: &[String],
) -> Value {
    let base = &call.app.base_url;
    let errors = if urls.is_empty() {
        Vec::new()
    } else {
        sideload_all(world, site, grant.user_id, role, urls, post.id, base)
    };
    let mut body = post_json(world, site, post, Some(grant), call.context, base);
    if let (false, Value::Object(map)) = (errors.is_empty(), &mut body) {
        map.insert("media_errors".to_owned(), json!(errors));
    }
    body
}

/// Sideloads `urls`, attached to `post_id`; returns the failures as `media_errors` lists them.
fn sideload_all(
    world: &mut World,
    site: &Site,
    user_id: u64,
    role: Role,
    urls: &[String],
    post_id: u64,
    base: &str,
) -> Vec<Value> {
    if !role.can_upload() {
        return urls
            .iter()
            .map(|u| Failure::new(u, "unauthorized", "User cannot upload media.").json())
            .collect();
    }
    let uploader = Uploader {
        site,
        user_id,
        max_bytes: usize::MAX,
        base,
        now: time::now(),
    };
    urls.iter()
        .filter_map(|url| {
            uploader
                .sideload(world, url, &Attrs::default(), post_id)
                .err()
        })
        .map(|f| f.json())
        .collect()
}

/// `POST /sites/$site/media/new` → `{"media":[…]}`, plus `errors` (a list or an object keyed
/// by input index) when some inputs failed; 400 `{"errors":[…]}` when all did.
pub fn upload(call: &Call, site_ref: &str) -> Result<Value, ApiError> {
    let grant = require(
        call.grant.as_ref(),
        "An active access token must be used to upload media.",
    )?;
    let files: Vec<&Upload> = call
        .files
        .iter()
        .filter(|f| f.field == "media" || f.field.starts_with("media["))
        .collect();
    let urls: Vec<String> = match call.body.get("media_urls") {
        Some(Value::String(url)) => vec![url.clone()],
        Some(_) => super::body::list_field(&call.body, "media_urls"),
        None => Vec::new(),
    };
    let attrs = Attrs::list(&call.body);
    let max_bytes = max_bytes(call);
    let base = &call.app.base_url;
    call.app.try_write(|world| {
        let site = readable_site(world, Some(grant), site_ref)?.clone();
        if !world
            .role(grant.user_id, site.id)
            .is_some_and(Role::can_upload)
        {
            return Err(ApiError::unauthorized("User cannot upload media."));
        }
        if files.is_empty() && urls.is_empty() {
            return Err(ApiError::invalid_input("No media provided in input."));
        }
        let uploader = Uploader {
            site: &site,
            user_id: grant.user_id,
            max_bytes,
            base,
            now: time::now(),
        };
        let none = Attrs::default();
        let mut stored = Vec::new();
        let mut errors = Vec::new();
        let inputs = files.iter().map(Ok).chain(urls.iter().map(Err));
        for (index, input) in inputs.enumerate() {
            let attrs = attrs.get(index).unwrap_or(&none);
            let result = match input {
                Ok(file) => uploader.store(world, &file.file_name, &file.bytes, attrs, 0),
                Err(url) => uploader.sideload(world, url, attrs, 0),
            };
            match result {
                Ok(media) => stored.push(media),
                Err(failure) => errors.push((index, failure)),
            }
        }
        if stored.is_empty() {
            let body = json!({"errors": php_array(&errors)});
            return Err(ApiError::invalid_input("All media failed").with_body(body));
        }
        let media: Vec<Value> = stored.iter().map(|m| media_json(&site, m, base)).collect();
        let mut body = json!({"media": media});
        if let (false, Value::Object(map)) = (errors.is_empty(), &mut body) {
            map.insert("errors".to_owned(), php_array(&errors));
        }
        Ok(body)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_a_list_only_when_keyed_0_1_2() {
        let failure = |i: usize| (i, Failure::invalid_type(&format!("f{i}")));
        assert!(php_array(&[failure(0), failure(1)]).is_array());
        let keyed = php_array(&[failure(1)]);
        assert_eq!(keyed["1"]["error"], "invalid_input");
        assert!(php_array(&[failure(0), failure(2)]).is_object());
    }

    #[test]
    fn names_split_into_stem_and_extension() {
        assert_eq!(split_name("Photo.JPG"), ("Photo", "jpg".to_owned()));
        assert_eq!(split_name("dir/a.b.png"), ("a.b", "png".to_owned()));
        assert_eq!(split_name(".hidden"), (".hidden", String::new()));
        assert_eq!(split_name(""), ("", String::new()));
    }
}
