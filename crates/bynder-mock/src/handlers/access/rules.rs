//! What the content access calls share: the rule object they answer (ids in RFC 4122 form,
//! the principal's name and e-mail resolved from the portal's users, groups and profiles) and
//! the `{"principals": [...], "level"}` body they read.

use bynder::id::BynderId;
use serde_json::{Value, json};

use crate::request::OpRequest;
use crate::store::{Access, State, normalize_id};

/// The only level the definitions allow (`Level` is a constant).
pub const LEVEL: &str = "metaproperty.hide";

/// An id in the content access service's form: RFC 4122, lower case.
pub fn rfc(cf: &str) -> String {
    BynderId::parse(cf).map_or_else(|_| cf.to_string(), |id| id.to_rfc4122())
}

/// One rule as the GET calls answer it, with the ids a caller filters and pages by.
pub struct Listed {
    /// The rule's id (RFC 4122).
    pub id: String,
    /// The principal's id (stored, ColdFusion form).
    pub principal_id: String,
    /// The rule object.
    pub value: Value,
}

/// The rules on one metaproperty or option, in creation order.
pub fn listed(s: &State, content_type: &str, content_id: &str) -> Vec<Listed> {
    s.access_rules(content_type, content_id)
        .iter()
        .map(|rule| {
            let kind = rule.principal_type.as_str();
            let (name, email) = s.principal(kind, &rule.principal_id).unwrap_or_default();
            let extra = email.map_or_else(|| json!({}), |email| json!({"email": email}));
            Listed {
                id: rule.id.clone(),
                principal_id: rule.principal_id.clone(),
                value: json!({
                    "id": rule.id,
                    "contentId": rfc(&rule.content_id),
                    "contentType": rule.content_type,
                    "level": rule.level,
                    "ruleType": "allow",
                    "principalId": rfc(&rule.principal_id),
                    "principalType": kind,
                    "principalName": name,
                    "principalExtraInformation": extra,
                }),
            }
        })
        .collect()
}

/// A request to grant access: the level and the principals `(id, type)`, checked.
pub struct Grant {
    pub level: String,
    pub principals: Vec<(String, &'static str)>,
}

/// Reads `{"principals": [{"principalId", "principalType"}], "level"}`; `allow_empty` lets a
/// replacing call clear every rule. Every problem is the message of a 400.
pub fn grant(s: &State, req: &OpRequest, allow_empty: bool) -> Result<Grant, String> {
    let body = req
        .json
        .as_ref()
        .and_then(Value::as_object)
        .ok_or("A JSON object body is required")?;
    let level = match body.get("level") {
        None | Some(Value::Null) => LEVEL.to_string(),
        Some(Value::String(level)) if level == LEVEL => level.clone(),
        Some(_) => return Err(format!("level must be {LEVEL}")),
    };
    let items = body
        .get("principals")
        .and_then(Value::as_array)
        .ok_or("principals must be a list")?;
    if items.is_empty() && !allow_empty {
        return Err("principals must not be empty".into());
    }
    let mut principals: Vec<(String, &'static str)> = Vec::new();
    for item in items {
        let field = |name: &str| item.get(name).and_then(Value::as_str).map(str::trim);
        let id = field("principalId")
            .filter(|id| !id.is_empty())
            .ok_or("every principal needs a principalId")?;
        let kind = field("principalType")
            .and_then(Access::principal_type)
            .ok_or("principalType must be user, group or profile")?;
        let id = normalize_id(id);
        if s.principal(kind, &id).is_none() {
            return Err(format!("Unknown {kind} {}", rfc(&id)));
        }
        if !principals.iter().any(|(known, _)| *known == id) {
            principals.push((id, kind));
        }
    }
    Ok(Grant { level, principals })
}

/// The `[{"principalId", "principalType"}]` answer of the granting calls.
pub fn granted(grant: &Grant) -> Value {
    Value::Array(
        grant
            .principals
            .iter()
            .map(|(id, kind)| json!({"principalId": rfc(id), "principalType": kind}))
            .collect(),
    )
}
