//! What a file is, from its name: the asset type Bynder files it under, its MIME type, and
//! the `Content-Type` of an S3 upload policy.

/// Extensions by asset type; anything else is a `document`.
const TYPES: &[(&str, &[&str])] = &[
    (
        "image",
        &[
            "jpg", "jpeg", "png", "gif", "tif", "tiff", "svg", "psd", "webp", "bmp", "heic", "eps",
            "ai", "raw", "cr2", "nef",
        ],
    ),
    (
        "video",
        &[
            "mp4", "mov", "avi", "mkv", "webm", "m4v", "wmv", "mpg", "mpeg",
        ],
    ),
    ("audio", &["mp3", "wav", "aac", "m4a", "flac", "ogg"]),
    ("3d", &["glb", "gltf", "fbx", "obj", "stl", "usdz"]),
];

/// MIME types served for downloads.
const MIME: &[(&str, &str)] = &[
    ("jpg", "image/jpeg"),
    ("jpeg", "image/jpeg"),
    ("png", "image/png"),
    ("gif", "image/gif"),
    ("tif", "image/tiff"),
    ("tiff", "image/tiff"),
    ("svg", "image/svg+xml"),
    ("webp", "image/webp"),
    ("psd", "image/vnd.adobe.photoshop"),
    ("pdf", "application/pdf"),
    ("mp4", "video/mp4"),
    ("mov", "video/quicktime"),
    ("mp3", "audio/mpeg"),
    ("wav", "audio/wav"),
    ("glb", "model/gltf-binary"),
    ("txt", "text/plain"),
    ("zip", "application/zip"),
    (
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    (
        "pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    (
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
];

/// The lower-case extension of `file_name` (after the last dot), if it has a non-empty one.
pub fn extension(file_name: &str) -> Option<String> {
    let (stem, ext) = file_name.rsplit_once('.')?;
    let ext = ext.trim();
    (!stem.is_empty() && !ext.is_empty()).then(|| ext.to_ascii_lowercase())
}

/// Whether `file_name` is one `upload/init` accepts: a plain name with an extension.
pub fn is_valid_file_name(file_name: &str) -> bool {
    !file_name.contains(['/', '\\'])
        && !file_name.chars().any(char::is_control)
        && file_name.trim() == file_name
        && extension(file_name).is_some_and(|ext| ext.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The asset type (`image`, `video`, `audio`, `3d`, `document`) of extension `ext`.
pub fn asset_type(ext: &str) -> &'static str {
    TYPES
        .iter()
        .find(|(_, exts)| exts.contains(&ext))
        .map_or("document", |(kind, _)| kind)
}

/// The MIME type to serve a file with extension `ext` as.
pub fn mime(ext: &str) -> &'static str {
    MIME.iter()
        .find(|(known, _)| *known == ext)
        .map_or("application/octet-stream", |(_, mime)| mime)
}

/// The policy `Content-Type` Bynder hands out for an upload: the type family, `image/*`.
pub fn policy_content_type(ext: &str) -> &'static str {
    match asset_type(ext) {
        "image" => "image/*",
        "video" => "video/*",
        "audio" => "audio/*",
        "3d" => "model/*",
        _ => "application/*",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_need_a_stem_and_an_extension() {
        assert_eq!(extension("Photo.JPG").as_deref(), Some("jpg"));
        assert_eq!(extension("archive.tar.gz").as_deref(), Some("gz"));
        for bad in [
            "image",
            ".jpg",
            "a.",
            "dir/a.jpg",
            "a.j pg",
            " a.jpg",
            "a\n.jpg",
            "",
        ] {
            assert!(!is_valid_file_name(bad), "{bad:?}");
        }
        assert!(is_valid_file_name("my photo (1).jpeg"));
    }

    #[test]
    fn types_follow_the_extension() {
        assert_eq!(asset_type("jpeg"), "image");
        assert_eq!(asset_type("mov"), "video");
        assert_eq!(asset_type("glb"), "3d");
        assert_eq!(asset_type("pdf"), "document");
        assert_eq!(asset_type("xyz"), "document");
        assert_eq!(mime("png"), "image/png");
        assert_eq!(mime("xyz"), "application/octet-stream");
        assert_eq!(policy_content_type("jpg"), "image/*");
        assert_eq!(policy_content_type("pdf"), "application/*");
    }
}
