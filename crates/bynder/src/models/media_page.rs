//! One page of `GET /api/v4/media/`, in any of its three shapes (bynder-api.md §5.1).

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

use super::Media;
use crate::error::{Error, ErrorKind};

/// The `count` object of a `count=1` media list: the total and one facet per field (counts
/// of assets per brand, tag, type, metaproperty option...; Bynder does not document the keys).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct MediaCounts {
    /// Number of assets matching the query, over all pages.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub total: Option<u64>,
    /// The facets, by field name.
    #[serde(flatten)]
    pub facets: Map<String, Value>,
}

/// One page of assets with the totals the portal sent along.
///
/// Serializes as `{"media": [...], "total": N, "counts": {...}}`; deserializes from that or
/// from any shape [`MediaPage::from_value`] accepts.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct MediaPage {
    /// The assets of this page.
    pub media: Vec<Media>,
    /// Number of assets matching the query over all pages (`total=1` or `count=1`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<u64>,
    /// The `count` object of a `count=1` response, as sent (including `total`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counts: Option<Map<String, Value>>,
}

impl MediaPage {
    /// Reads a media list response in any of its shapes:
    ///
    /// - a bare array of assets (the default);
    /// - `{"total": {"count": N}, "media": [...]}` (`total=1`);
    /// - `{"count": {"total": N, ...facets}, "media": [...]}` (`count=1`);
    /// - this type's own serialization, `{"media": [...], "total": N, "counts": {...}}`.
    ///
    /// Anything else, or an asset that cannot be read, is an [`ErrorKind::Decode`] error.
    pub fn from_value(value: Value) -> Result<MediaPage, Error> {
        match value {
            Value::Array(items) => Ok(MediaPage {
                media: decode_media(items)?,
                total: None,
                counts: None,
            }),
            Value::Object(mut object) => {
                let media = match object.remove("media") {
                    Some(Value::Array(items)) => decode_media(items)?,
                    Some(Value::Null) | None
                        if object.contains_key("total") || object.contains_key("count") =>
                    {
                        Vec::new()
                    }
                    _ => return Err(shape_error("an object without a \"media\" array")),
                };
                let total = ["total", "count"]
                    .iter()
                    .find_map(|key| match object.get(*key)? {
                        Value::Object(wrapper) => wrapper
                            .get("count")
                            .or(wrapper.get("total"))
                            .and_then(number),
                        other => number(other),
                    });
                let counts =
                    ["count", "counts"]
                        .iter()
                        .find_map(|key| match object.remove(*key)? {
                            Value::Object(count) => Some(count),
                            _ => None,
                        });
                Ok(MediaPage {
                    media,
                    total,
                    counts,
                })
            }
            other => Err(shape_error(match other {
                Value::Null => "null",
                Value::String(_) => "a string",
                _ => "a number or boolean",
            })),
        }
    }

    /// The `count=1` facets, typed.
    pub fn count_facets(&self) -> Option<MediaCounts> {
        let counts = self.counts.clone()?;
        serde_json::from_value(Value::Object(counts)).ok()
    }
}

impl<'de> Deserialize<'de> for MediaPage {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<MediaPage, D::Error> {
        let value = Value::deserialize(deserializer)?;
        MediaPage::from_value(value).map_err(|err| serde::de::Error::custom(err.message()))
    }
}

fn decode_media(items: Vec<Value>) -> Result<Vec<Media>, Error> {
    items
        .into_iter()
        .enumerate()
        .map(|(index, item)| {
            serde_json::from_value(item).map_err(|err| {
                Error::new(
                    ErrorKind::Decode,
                    format!("media list item {index} is not an asset: {err}"),
                )
            })
        })
        .collect()
}

/// A count sent as a number or a numeric string.
fn number(value: &Value) -> Option<u64> {
    match value {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn shape_error(found: &str) -> Error {
    Error::new(
        ErrorKind::Decode,
        format!("a media list must be an array or an object with a \"media\" array, not {found}"),
    )
}
