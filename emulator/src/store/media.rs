//! Media items (attachments) as stored, and what the emulator knows about their files.

use serde::{Deserialize, Serialize};

/// The image the emulator stores for a sideloaded URL (it never reaches the internet) and
/// for the seeded media: a 64×48 PNG.
pub const PLACEHOLDER_PNG: &[u8] = include_bytes!("../../assets/placeholder.png");

/// Largest file `media/new` accepts unless `--max-upload-kb` or the settings say otherwise.
pub const DEFAULT_MAX_UPLOAD_KB: u64 = 10_240;

/// A media item of a site (IDs from 1001 on, see `World::next_media_id`).
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
pub struct Media {
    /// Site ID.
    pub site_id: u64,
    /// Media ID, unique within the site.
    pub id: u64,
    /// Uploader's user ID.
    pub author_id: u64,
    /// Upload date.
    pub date: i64,
    /// Post it is attached to, 0 when unattached.
    pub post_id: u64,
    /// Path under the site's files, `YYYY/MM/name.ext`, unique within the site.
    pub path: String,
    /// MIME type, from the bytes.
    pub mime_type: String,
    /// Title.
    pub title: String,
    /// Caption.
    pub caption: String,
    /// Description.
    pub description: String,
    /// Alternative text.
    pub alt: String,
    /// Width in pixels.
    pub width: u64,
    /// Height in pixels.
    pub height: u64,
    /// The file, byte for byte (base64 in the state file).
    #[serde(with = "bytes_base64")]
    pub bytes: Vec<u8>,
}

impl Media {
    /// The file name: the last segment of [`Media::path`].
    pub fn file(&self) -> &str {
        self.path.rsplit('/').next().unwrap_or(&self.path)
    }

    /// The file name's extension, lower case.
    pub fn extension(&self) -> String {
        self.file()
            .rsplit_once('.')
            .map(|(_, ext)| ext.to_ascii_lowercase())
            .unwrap_or_default()
    }

    /// Where the file is served: `{base}/files/{site}/{path}`.
    pub fn url(&self, base: &str) -> String {
        format!("{base}/files/{}/{}", self.site_id, self.path)
    }
}

/// What the bytes of an upload are, when they are an image WordPress.com accepts: MIME type,
/// canonical extension, width and height.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageInfo {
    /// MIME type, e.g. `image/png`.
    pub mime_type: &'static str,
    /// Extension without the dot, e.g. `png`.
    pub extension: &'static str,
    /// Width in pixels.
    pub width: u64,
    /// Height in pixels.
    pub height: u64,
}

/// Reads the image type and size from the bytes; `None` for anything but PNG, JPEG, GIF,
/// WebP, BMP or ICO (WordPress's image types), whatever the file name says.
pub fn sniff_image(bytes: &[u8]) -> Option<ImageInfo> {
    use imagesize::ImageType;
    let (mime_type, extension) = match imagesize::image_type(bytes).ok()? {
        ImageType::Png => ("image/png", "png"),
        ImageType::Jpeg => ("image/jpeg", "jpg"),
        ImageType::Gif => ("image/gif", "gif"),
        ImageType::Webp => ("image/webp", "webp"),
        ImageType::Bmp => ("image/bmp", "bmp"),
        ImageType::Ico => ("image/x-icon", "ico"),
        _ => return None,
    };
    let size = imagesize::blob_size(bytes).ok()?;
    Some(ImageInfo {
        mime_type,
        extension,
        width: u64::try_from(size.width).ok()?,
        height: u64::try_from(size.height).ok()?,
    })
}

/// A byte count as WordPress's `size_format($bytes, 2)` writes it: `"24.62 KB"`, `"500.00 B"`.
pub fn size_format(bytes: usize) -> String {
    const UNITS: [(&str, f64); 4] = [
        ("GB", 1_073_741_824.0),
        ("MB", 1_048_576.0),
        ("KB", 1024.0),
        ("B", 1.0),
    ];
    // A file never comes near 2^52 bytes, where the cast would lose precision.
    #[allow(clippy::cast_precision_loss)]
    let bytes = bytes as f64;
    let (unit, size) = UNITS
        .iter()
        .find(|(_, size)| bytes >= *size)
        .copied()
        .unwrap_or(("B", 1.0));
    format!("{:.2} {unit}", bytes / size)
}

/// `Vec<u8>` as a base64 string, so the state file stays readable in size.
mod bytes_base64 {
    use base64::engine::general_purpose::STANDARD;
    use base64::Engine;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&STANDARD.encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(deserializer)?;
        STANDARD.decode(text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_are_known_by_their_bytes_not_their_names() {
        let png = sniff_image(PLACEHOLDER_PNG).unwrap();
        assert_eq!(
            (png.mime_type, png.extension, png.width, png.height),
            ("image/png", "png", 64, 48)
        );
        assert_eq!(sniff_image(b"%PDF-1.4 not an image"), None);
        assert_eq!(sniff_image(b""), None);
    }

    #[test]
    fn sizes_are_written_like_wordpress() {
        assert_eq!(size_format(500), "500.00 B");
        assert_eq!(size_format(25_211), "24.62 KB");
        assert_eq!(size_format(3 * 1_048_576), "3.00 MB");
    }
}
