//! The small answers of writes that have no object of their own: nothing at all (HTTP 204, or a
//! 200/201 without a body), a plain string, a list of ids, or an object named by its id.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::{Map, Value};

/// The answer of a write that sends no body: deletes (HTTP 204), Files Service chunks and
/// finalise (201), webhook updates (200). It decodes from `null`; should a portal send an
/// object anyway, its fields are kept in `extra` rather than failing a write that succeeded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NoContent {
    /// Fields of a body the portal sent although none was expected (normally empty).
    pub extra: Map<String, Value>,
}

impl Serialize for NoContent {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.extra.is_empty() {
            serializer.serialize_unit()
        } else {
            self.extra.serialize(serializer)
        }
    }
}

impl<'de> Deserialize<'de> for NoContent {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<NoContent, D::Error> {
        deserializer.deserialize_any(NoContentVisitor)
    }
}

struct NoContentVisitor;

impl<'de> Visitor<'de> for NoContentVisitor {
    type Value = NoContent;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("no content (null) or an object")
    }

    fn visit_unit<E: de::Error>(self) -> Result<NoContent, E> {
        Ok(NoContent::default())
    }

    fn visit_none<E: de::Error>(self) -> Result<NoContent, E> {
        Ok(NoContent::default())
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<NoContent, D::Error> {
        deserializer.deserialize_any(NoContentVisitor)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<NoContent, A::Error> {
        let mut extra = Map::new();
        while let Some((key, value)) = map.next_entry::<String, Value>()? {
            extra.insert(key, value);
        }
        Ok(NoContent { extra })
    }
}

/// A plain-text answer: the S3 upload endpoint (`upload.s3_endpoint`, a JSON string holding a
/// URL) and the analytics CSV exports (`text/csv`, header line first).
pub type PlainText = String;

/// A list of ids, as sent: the asset ids of a collection (`collections.media_list`, ColdFusion
/// form) or the product layer's metaproperty ids (`pim.metaproperties`, RFC 4122 form).
pub type IdList = Vec<String>;

/// An answer that names one object by its id: a created webhook configuration (RFC 4122 form)
/// or a created or modified workflow campaign (32 hex digits, no dashes).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct IdRef {
    /// The id, as returned.
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
