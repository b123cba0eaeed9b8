//! Upload and download settings as data (JSON objects with snake_case keys), so every language
//! face passes what its caller gave through one parser instead of calling the builders itself.

use serde::Deserialize;
use serde_json::{Map, Value};

use super::{Download, DownloadItem, Upload, UploadFlow, UploadState};
use crate::error::Error;

/// Upload settings; absent ones keep the builder's defaults.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UploadOptions {
    /// Brand of a new asset (required for new assets).
    pub brand_id: Option<String>,
    /// Asset name (defaults to the file name).
    pub name: Option<String>,
    /// Asset description.
    pub description: Option<String>,
    /// Tags.
    pub tags: Option<Vec<String>>,
    /// Metaproperty id → option id(s).
    pub metaproperties: Option<Map<String, Value>>,
    /// Any other save field, sent as given.
    pub fields: Option<Map<String, Value>>,
    /// Upload as a new version of this asset.
    pub new_version_of: Option<String>,
    /// Upload as an additional file of this asset.
    pub additional_to: Option<String>,
    /// Bytes per chunk.
    pub chunk_size: Option<u64>,
    /// Chunks in flight.
    pub parallelism: Option<usize>,
    /// Files Service (default) or S3.
    pub flow: Option<UploadFlow>,
    /// The file name the portal gets, for inputs without one (bytes, readers).
    pub file_name: Option<String>,
    /// The input's size, for readers (the S3 flow needs it).
    pub size: Option<u64>,
    /// The last checkpoint of an interrupted upload of the same input.
    pub resume: Option<UploadState>,
}

impl UploadOptions {
    /// Parses settings from a JSON object (`null` means none).
    pub fn from_json(value: Value) -> Result<UploadOptions, Error> {
        parse(value, "upload options")
    }

    /// Applies the settings (all but `file_name` and `size`, which describe the input).
    /// Asking for both a new version and an additional file is an error, not "last wins".
    pub fn apply(self, mut upload: Upload) -> Result<Upload, Error> {
        if self.new_version_of.is_some() && self.additional_to.is_some() {
            return Err(Error::invalid_argument(
                "upload options: choose one of new_version_of and additional_to",
            ));
        }
        if let Some(brand) = self.brand_id {
            upload = upload.brand(brand);
        }
        if let Some(name) = self.name {
            upload = upload.name(name);
        }
        if let Some(description) = self.description {
            upload = upload.description(description);
        }
        if let Some(tags) = self.tags {
            upload = upload.tags(tags);
        }
        if let Some(metaproperties) = self.metaproperties {
            upload = upload.field("metaproperties", Value::Object(metaproperties));
        }
        for (name, value) in self.fields.unwrap_or_default() {
            upload = upload.field(name, value);
        }
        if let Some(media_id) = self.new_version_of {
            upload = upload.new_version(media_id);
        }
        if let Some(media_id) = self.additional_to {
            upload = upload.additional_to(media_id);
        }
        if let Some(bytes) = self.chunk_size {
            upload = upload.chunk_size(bytes);
        }
        if let Some(chunks) = self.parallelism {
            upload = upload.parallelism(chunks);
        }
        if let Some(flow) = self.flow {
            upload = upload.flow(flow);
        }
        if let Some(state) = self.resume {
            upload = upload.resume(state);
        }
        Ok(upload)
    }
}

/// Download settings: which file (at most one of `additional`, `version`, `item_id`), whether
/// to hash it and whether to continue a `.part` file.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DownloadOptions {
    /// The asset's additional file.
    pub additional: Option<bool>,
    /// This version's original.
    pub version: Option<u32>,
    /// This media item.
    pub item_id: Option<String>,
    /// Compute the SHA-256 of what was written.
    pub sha256: Option<bool>,
    /// Continue a `.part` file left by an interrupted download.
    pub resume: Option<bool>,
}

impl DownloadOptions {
    /// Parses settings from a JSON object (`null` means none).
    pub fn from_json(value: Value) -> Result<DownloadOptions, Error> {
        parse(value, "download options")
    }

    /// Which file of the asset.
    pub fn item(&self) -> Result<DownloadItem, Error> {
        match (self.additional, self.version, &self.item_id) {
            (None | Some(false), None, None) => Ok(DownloadItem::Original),
            (Some(true), None, None) => Ok(DownloadItem::Additional),
            (None | Some(false), Some(version), None) => Ok(DownloadItem::Version(version)),
            (None | Some(false), None, Some(item)) => Ok(DownloadItem::Item(item.clone())),
            _ => Err(Error::invalid_argument(
                "choose at most one of additional, version and item_id",
            )),
        }
    }

    /// Applies the settings to `download`.
    pub fn apply(self, download: Download) -> Result<Download, Error> {
        Ok(download
            .item(self.item()?)
            .sha256(self.sha256.unwrap_or(false))
            .resume(self.resume.unwrap_or(false)))
    }
}

fn parse<T: serde::de::DeserializeOwned + Default>(value: Value, what: &str) -> Result<T, Error> {
    if value.is_null() {
        return Ok(T::default());
    }
    serde_json::from_value(value).map_err(|e| Error::invalid_argument(format!("{what}: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_parse_and_reject_unknown_keys() {
        let upload =
            UploadOptions::from_json(serde_json::json!({"brand_id": "B", "tags": ["a"]})).unwrap();
        assert_eq!(upload.brand_id.as_deref(), Some("B"));
        let err = UploadOptions::from_json(serde_json::json!({"brandid": "B"})).unwrap_err();
        assert!(err.message().contains("brandid"), "{err}");
        let download = DownloadOptions::from_json(serde_json::json!({"version": 2})).unwrap();
        assert_eq!(download.item().unwrap(), DownloadItem::Version(2));
        let both = DownloadOptions::from_json(serde_json::json!({"version": 2, "item_id": "x"}));
        assert!(both.unwrap().item().is_err());
        assert!(UploadOptions::from_json(Value::Null).is_ok());
        let both = serde_json::json!({"new_version_of": "A", "additional_to": "B"});
        let client = crate::Client::builder("http://127.0.0.1:1")
            .build()
            .unwrap();
        let upload = client.upload(super::super::UploadSource::bytes(vec![1], "a.bin"));
        let err = UploadOptions::from_json(both)
            .unwrap()
            .apply(upload)
            .unwrap_err();
        assert!(err.message().contains("choose one"), "{err}");
    }
}
