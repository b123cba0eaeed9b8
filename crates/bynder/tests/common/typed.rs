//! Helpers of the typed-model tests: call an operation, decode its answer as a model and check
//! that nothing is lost on the way back.

use std::fmt::Debug;

use bynder::Client;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

pub async fn call(client: &Client, op: &str, params: Value) -> Value {
    client
        .call(op, params)
        .await
        .unwrap_or_else(|e| panic!("{op}: {e}"))
}

/// Whether `encoded` carries everything `raw` does: numbers compare by value (`3` and `3.0`),
/// and an empty list, empty object or `null` in `raw` may be left out (the models skip them).
pub fn same(raw: &Value, encoded: &Value) -> bool {
    match (raw, encoded) {
        (Value::Number(a), Value::Number(b)) => a.as_f64() == b.as_f64(),
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Value::Object(a), Value::Object(b)) => {
            let absent_ok = |v: &Value| match v {
                Value::Null => true,
                Value::Array(items) => items.is_empty(),
                Value::Object(map) => map.is_empty(),
                _ => false,
            };
            a.iter().all(|(k, v)| match b.get(k) {
                Some(w) => same(v, w),
                None => absent_ok(v),
            }) && b.keys().all(|k| a.contains_key(k))
        }
        (a, b) => a == b,
    }
}

/// `raw` with a field the portal might add later, at the top level.
pub fn with_unknown(raw: &Value) -> Value {
    let mut grown = raw.clone();
    grown
        .as_object_mut()
        .unwrap_or_else(|| panic!("not an object: {raw}"))
        .insert("addedLater".into(), json!({"nested": [1, "two"]}));
    grown
}

/// Decodes one answer object as `T`, checks that nothing was left unnamed, that an unknown
/// field is kept in `extra` and that both encode back to what was received.
pub fn decode<T>(raw: &Value, extra: fn(&T) -> &Map<String, Value>) -> T
where
    T: DeserializeOwned + Serialize + Debug,
{
    let model: T = serde_json::from_value(raw.clone())
        .unwrap_or_else(|e| panic!("{}: {e}\n{raw}", std::any::type_name::<T>()));
    assert!(
        extra(&model).is_empty(),
        "{} leaves fields unnamed: {:?}",
        std::any::type_name::<T>(),
        extra(&model)
    );
    let encoded = serde_json::to_value(&model).unwrap();
    assert!(same(raw, &encoded), "re-encoded\n{encoded}\nwas\n{raw}");

    let grown = with_unknown(raw);
    let kept: T = serde_json::from_value(grown.clone()).unwrap();
    assert_eq!(extra(&kept)["addedLater"], grown["addedLater"]);
    let encoded = serde_json::to_value(&kept).unwrap();
    assert!(
        same(&grown, &encoded),
        "re-encoded\n{encoded}\nwas\n{grown}"
    );
    model
}

/// Decodes every item of a list answer.
pub fn decode_all<T>(raw: &Value, extra: fn(&T) -> &Map<String, Value>) -> Vec<T>
where
    T: DeserializeOwned + Serialize + Debug,
{
    let items = raw
        .as_array()
        .unwrap_or_else(|| panic!("not a list: {raw}"));
    assert!(!items.is_empty(), "an empty list tests nothing");
    items.iter().map(|item| decode(item, extra)).collect()
}

pub fn text(value: &Value) -> Option<String> {
    value.as_str().map(str::to_string)
}

/// Whether `typed_models_writes.rs` or `typed_models_uploads.rs` checks the answer of
/// operation `name` (mostly writes, plus the dependency maps, id lists and CSV exports); the
/// other typed-model tests leave those out. `transformations.get` answers bytes and has no
/// model.
pub fn is_write(name: &str) -> bool {
    scenarios::SCENARIOS.iter().any(|ops| ops.contains(&name))
}

/// The operations each write test calls, one list per test (`Seen` in `writes.rs` holds a
/// test to its list).
pub mod scenarios {

    pub const ASSETS: &[&str] = &[
        "media.modify",
        "tags.add_media",
        "tags.remove_media",
        "media.add_options",
        "media.remove_options",
        "media.delete",
    ];

    pub const COLLECTIONS: &[&str] = &[
        "collections.create",
        "collections.modify",
        "collections.share",
        "collections.media_add",
        "collections.media_list",
        "collections.media_remove",
        "collections.delete",
    ];

    pub const FILES_SERVICE: &[&str] = &[
        "upload.prepare",
        "upload.chunk",
        "upload.finalise",
        "upload.save",
        "upload.save_version",
        "upload.save_additional",
    ];

    pub const S3_FLOW: &[&str] = &[
        "upload.s3_endpoint",
        "upload.s3_init",
        "upload.s3_register_form",
        "upload.s3_register",
        "upload.s3_poll",
        "upload.save",
    ];

    pub const USAGE_AND_WEBHOOKS: &[&str] = &[
        "usage.create",
        "usage.sync",
        "usage.delete",
        "webhooks.create",
        "webhooks.update",
        "webhooks.patch",
        "webhooks.delete",
    ];

    pub const USERS_AND_METAPROPERTIES: &[&str] = &[
        "users.create",
        "users.modify",
        "users.delete",
        "metaproperties.create",
        "metaproperties.modify",
        "metaproperties.create_option",
        "metaproperties.modify_option",
        "metaproperties.delete_option",
        "metaproperties.delete",
    ];

    pub const QUARANTINE: &[&str] = &["quarantine.review", "quarantine.review_many"];

    pub const WORKFLOW: &[&str] = &[
        "campaigns.create",
        "campaigns.modify",
        "jobs.create",
        "jobs.modify",
        "upload.prepare",
        "upload.chunk",
        "upload.finalise",
        "jobs.upload",
        "jobs.finish",
        "jobs.delete",
        "campaigns.close",
        "campaigns.delete",
        "workflow_groups.create",
        "workflow_groups.modify",
        "workflow_groups.delete",
    ];

    pub const ANALYTICS_CSV: &[&str] = &[
        "analytics.search_keywords_csv",
        "analytics.collection_views_csv",
        "analytics.historical_csv",
    ];

    pub const BRANDSTORE: &[&str] = &["orders.modify", "orderlines.modify"];

    pub const DEPENDENCIES: &[&str] = &[
        "dependencies.list_all",
        "dependencies.list",
        "dependencies.get",
        "dependencies.add",
        "dependencies.remove",
        "dependencies.create_group",
        "dependencies.modify_group",
        "dependencies.add_to_group",
        "dependencies.remove_from_group",
        "pim.metaproperties",
        "pim.modify_option",
    ];

    pub const ACCESS: &[&str] = &[
        "content_access.add_metaproperty",
        "content_access.remove_metaproperty",
        "content_access.set_option",
        "content_access.set_option_visibility",
    ];

    pub const AUTOMATION: &[&str] = &["automation_rules.set_status", "automation_rules.delete"];

    /// Every test's operations.
    pub const SCENARIOS: &[&[&str]] = &[
        ASSETS,
        COLLECTIONS,
        FILES_SERVICE,
        S3_FLOW,
        USAGE_AND_WEBHOOKS,
        USERS_AND_METAPROPERTIES,
        QUARANTINE,
        WORKFLOW,
        ANALYTICS_CSV,
        BRANDSTORE,
        DEPENDENCIES,
        ACCESS,
        AUTOMATION,
    ];
}
