//! The models of write answers, each with how an answer is checked against it: decoded from the
//! raw JSON with nothing left unnamed (nested objects included), an unknown field kept, and
//! nothing lost when encoded again. `typed_models_writes.rs` looks an operation's model up in
//! the table and decodes with the type whose `NAME` it is, so a table entry naming the wrong
//! model fails there. Included with `#[path]` by that test only.

use std::fmt::Debug;

use bynder::models::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

use super::typed::{decode, same};

/// A model the table can name, and the check of one answer against it.
pub trait Checked: DeserializeOwned + Serialize + Debug + Sized {
    /// The name the table uses (`.returns(One("Status"))`).
    const NAME: &'static str;
    /// Decodes `raw` and checks that nothing the portal sent is left unnamed or lost.
    fn check(raw: &Value) -> Self;
}

fn empty(extra: &Map<String, Value>, what: &str) {
    assert!(extra.is_empty(), "{what} leaves fields unnamed: {extra:?}");
}

fn from<T: DeserializeOwned>(raw: &Value) -> T {
    serde_json::from_value(raw.clone())
        .unwrap_or_else(|e| panic!("{}: {e}\n{raw}", std::any::type_name::<T>()))
}

/// Models whose fields are all scalars: [`decode`] checks them whole.
macro_rules! flat {
    ($($model:ident),* $(,)?) => {$(
        impl Checked for $model {
            const NAME: &'static str = stringify!($model);
            fn check(raw: &Value) -> $model {
                decode::<$model>(raw, |m| &m.extra)
            }
        }
    )*};
}

flat!(
    IdRef,
    UploadPrepared,
    PollResult,
    QuarantineReviewed,
    QuarantinedAsset,
    JobResult,
    JobUpload,
    UserRef,
    AccessPrincipal,
    OptionVisibility,
);

impl Checked for Status {
    const NAME: &'static str = "Status";
    /// Brandstore spells the code `status_code` and v4 sometimes sends it as a string; the model
    /// keeps one spelling, as a number, so the raw JSON is compared in that spelling.
    fn check(raw: &Value) -> Status {
        let mut spelled = raw.clone();
        let fields = spelled
            .as_object_mut()
            .unwrap_or_else(|| panic!("not a status envelope: {raw}"));
        if let Some(code) = fields.remove("status_code") {
            fields.insert("statuscode".into(), code);
        }
        if let Some(code) = fields
            .get("statuscode")
            .and_then(Value::as_str)
            .and_then(|s| s.parse::<u64>().ok())
        {
            fields.insert("statuscode".into(), code.into());
        }
        let status = decode::<Status>(&spelled, |s| &s.extra);
        assert_eq!(from::<Status>(raw), status, "as sent: {raw}");
        status
    }
}

impl Checked for NoContent {
    const NAME: &'static str = "NoContent";
    fn check(raw: &Value) -> NoContent {
        assert!(raw.is_null(), "expected no body, got {raw}");
        let model = from::<NoContent>(raw);
        empty(&model.extra, "NoContent");
        assert_eq!(serde_json::to_value(&model).unwrap(), Value::Null);
        // A body sent although none was expected is kept, not refused.
        let sent = json!({"message": "Deleted", "statuscode": 204});
        let kept = from::<NoContent>(&sent);
        assert_eq!(serde_json::to_value(&kept).unwrap(), sent);
        model
    }
}

impl Checked for PlainText {
    const NAME: &'static str = "PlainText";
    fn check(raw: &Value) -> PlainText {
        assert!(raw.is_string(), "expected text, got {raw}");
        let text = from::<PlainText>(raw);
        assert_eq!(Value::from(text.as_str()), *raw);
        text
    }
}

impl Checked for IdList {
    const NAME: &'static str = "IdList";
    fn check(raw: &Value) -> IdList {
        let items = raw
            .as_array()
            .unwrap_or_else(|| panic!("not a list: {raw}"));
        assert!(items.iter().all(Value::is_string), "ids are strings: {raw}");
        let ids = from::<IdList>(raw);
        assert_eq!(serde_json::to_value(&ids).unwrap(), *raw);
        ids
    }
}

/// Maps keyed by ids: every key and id must come back.
fn keyed<T: DeserializeOwned + Serialize>(raw: &Value) -> T {
    assert!(raw.is_object(), "not an object keyed by ids: {raw}");
    let model = from::<T>(raw);
    let encoded = serde_json::to_value(&model).unwrap();
    assert!(same(raw, &encoded), "re-encoded\n{encoded}\nwas\n{raw}");
    model
}

impl Checked for MetapropertyDependencies {
    const NAME: &'static str = "MetapropertyDependencies";
    fn check(raw: &Value) -> MetapropertyDependencies {
        keyed(raw)
    }
}

impl Checked for OptionDependencies {
    const NAME: &'static str = "OptionDependencies";
    fn check(raw: &Value) -> OptionDependencies {
        let model = from::<OptionDependencies>(raw);
        match (&model, raw) {
            (OptionDependencies::Ungrouped(_), Value::Array(_)) => {}
            (OptionDependencies::Grouped(_), Value::Object(_)) => {}
            _ => panic!("{raw} decoded as {model:?}"),
        }
        let encoded = serde_json::to_value(&model).unwrap();
        assert!(same(raw, &encoded), "re-encoded\n{encoded}\nwas\n{raw}");
        model
    }
}

impl Checked for S3Init {
    const NAME: &'static str = "S3Init";
    fn check(raw: &Value) -> S3Init {
        let init = decode::<S3Init>(raw, |m| &m.extra);
        empty(&init.s3file.as_ref().expect("s3file").extra, "S3File");
        let policy = init.multipart_params.as_ref().expect("multipart_params");
        empty(&policy.extra, "S3Policy");
        // Parts are posted with the policy fields in the order the portal gave them.
        let keys = |v: &Value| -> Vec<String> {
            v.as_object()
                .map_or_else(Vec::new, |o| o.keys().cloned().collect())
        };
        let encoded = serde_json::to_value(policy).unwrap();
        assert_eq!(keys(&encoded), keys(&raw["multipart_params"]));
        init
    }
}

impl Checked for S3Registration {
    const NAME: &'static str = "S3Registration";
    fn check(raw: &Value) -> S3Registration {
        let registration = decode::<S3Registration>(raw, |m| &m.extra);
        if let Some(file) = &registration.file {
            empty(&file.extra, "S3Location");
        }
        registration
    }
}

impl Checked for SaveResult {
    const NAME: &'static str = "SaveResult";
    fn check(raw: &Value) -> SaveResult {
        let saved = decode::<SaveResult>(raw, |m| &m.extra);
        for item in &saved.media_items {
            empty(&item.extra, "SavedItem");
        }
        saved
    }
}

impl Checked for Usage {
    const NAME: &'static str = "Usage";
    fn check(raw: &Value) -> Usage {
        let usage = decode::<Usage>(raw, |m| &m.extra);
        empty(
            &usage.integration.as_ref().expect("integration").extra,
            "UsageIntegration",
        );
        usage
    }
}

impl Checked for UsageSync {
    const NAME: &'static str = "UsageSync";
    fn check(raw: &Value) -> UsageSync {
        let sync = decode::<UsageSync>(raw, |m| &m.extra);
        for entry in sync
            .accepted
            .iter()
            .chain(&sync.rejected)
            .chain(&sync.removed)
        {
            empty(&entry.extra, "UsageSyncEntry");
        }
        for usage in &sync.created {
            empty(&usage.extra, "Usage");
            empty(
                &usage.integration.as_ref().expect("integration").extra,
                "UsageIntegration",
            );
        }
        sync
    }
}

impl Checked for WorkflowGroup {
    const NAME: &'static str = "WorkflowGroup";
    fn check(raw: &Value) -> WorkflowGroup {
        let group = decode::<WorkflowGroup>(raw, |m| &m.extra);
        for member in &group.users {
            empty(&member.extra, "WorkflowGroupMember");
            empty(
                &member.bynder_user.as_ref().expect("bynderUser").extra,
                "WorkflowBynderUser",
            );
        }
        group
    }
}
