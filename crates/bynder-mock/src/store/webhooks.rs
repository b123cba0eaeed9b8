//! Webhook configurations of the `/v7/webhooks` service (`reference/bynder-api.md` §5.12).

use super::model::Time;

/// One webhook configuration (a subscription of an endpoint to events).
#[derive(Debug, Clone, PartialEq)]
pub struct Webhook {
    /// RFC 4122 id, lower case, as the `/v7` services spell ids.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Where events go: a URL, an ARN or an e-mail address.
    pub endpoint: String,
    /// How they go (`HTTPS`, `SQS`, `EMAIL`...), as the client sent it.
    pub protocol: String,
    /// Event names, e.g. `asset_bank.media.create`.
    pub events: Vec<String>,
    /// Days before archiving that `asset_bank.media.pre_archived` fires.
    pub pre_archived_notification_days: i64,
    /// 1 active, 0 paused (the PATCH call's `status`).
    pub status: i64,
    /// When it was created.
    pub created: Time,
}
