//! Webhook configurations (`/v7/webhooks/public/api/subscriptions`, OAS webhooks).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::lenient::BynderDate;

/// A webhook configuration (`webhooks.get`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Webhook {
    /// Id (RFC 4122 form).
    #[serde(
        rename = "id",
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<String>,
    /// Name.
    #[serde(rename = "name", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// URL the events are posted to.
    #[serde(rename = "endpoint", skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
    /// Protocol, e.g. `HTTPS`.
    #[serde(rename = "protocol", skip_serializing_if = "Option::is_none")]
    pub protocol: Option<String>,
    /// Event names, e.g. `asset_bank.media.create`.
    #[serde(
        deserialize_with = "crate::lenient::string_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub events: Vec<String>,
    /// Days before archiving that a notice is sent.
    #[serde(
        rename = "preArchivedNotificationDays",
        deserialize_with = "crate::lenient::opt_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub pre_archived_notification_days: Option<i64>,
    /// 1 when switched on, 0 when off (sent as a number).
    #[serde(
        rename = "status",
        deserialize_with = "crate::lenient::opt_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub status: Option<i64>,
    /// Creation date.
    #[serde(rename = "createdAt", skip_serializing_if = "Option::is_none")]
    pub created_at: Option<BynderDate>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
