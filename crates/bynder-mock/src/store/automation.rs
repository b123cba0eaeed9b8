//! State of the automation workflow rules (the automation service's `/rules`): the account's
//! rules, newest last, and the account id the service reports. Seeded with two rules that use
//! the portal's own collections and metaproperty options.

use bynder::id::BynderId;
use serde_json::{Value, json};

use super::State;
use super::seed::{EPOCH_END, between};
use super::{CURRENT_USER_ID, Time};

/// One automation workflow rule.
#[derive(Debug, Clone)]
pub struct Rule {
    /// RFC 4122 id, lower case.
    pub id: String,
    /// Display name.
    pub name: String,
    /// `PUBLISHED` or `PAUSED`.
    pub status: String,
    /// Trigger names (see `/triggers`).
    pub triggers: Vec<String>,
    /// Steps as sent: `step_triggers`, `conditions`, `actions`.
    pub steps: Vec<Value>,
    /// RFC 4122 id of the user who created it.
    pub created_by: String,
    /// RFC 4122 id of the user who changed it last, once someone has.
    pub edited_by: Option<String>,
    /// Creation time.
    pub created: Time,
    /// Last change.
    pub modified: Time,
}

/// What the automation operations read and change.
#[derive(Debug, Clone, Default)]
pub struct Automation {
    /// Rules in creation order.
    pub rules: Vec<Rule>,
    /// The account id the service reports on created rules (RFC 4122).
    pub account_id: String,
}

impl Rule {
    /// The rule as a list item (`AutomationWorkflowResponse`).
    pub fn summary(&self) -> Value {
        json!({
            "id": self.id,
            "status": self.status,
            "name": self.name,
            "created_by_id": self.created_by,
            "date_created": iso(self.created),
            "triggers": self.triggers,
            "steps": self.steps,
        })
    }

    /// The rule as `GET`/`PUT` answer it (`SingleRuleAutomationWorkflowResponse`).
    pub fn detail(&self) -> Value {
        let mut value = self.summary();
        value["date_modified"] = json!(iso(self.modified));
        if let Some(editor) = &self.edited_by {
            value["edited_by_id"] = json!(editor);
        }
        value
    }
}

impl Automation {
    /// The rule with this id (lower-cased first: the router has checked the RFC 4122 form).
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        let id = id.to_ascii_lowercase();
        self.rules.iter().find(|r| r.id == id)
    }

    /// Mutable access to a rule.
    pub fn rule_mut(&mut self, id: &str) -> Option<&mut Rule> {
        let id = id.to_ascii_lowercase();
        self.rules.iter_mut().find(|r| r.id == id)
    }
}

impl State {
    /// Adds an automation rule made by `by` (RFC 4122 user id), paused until published, and
    /// answers it as `POST /rules` does (`CreateAutomationWorkflowRuleResponse`).
    pub fn add_automation_rule(
        &mut self,
        name: String,
        triggers: Vec<String>,
        steps: Vec<Value>,
        by: String,
        now: Time,
    ) -> Value {
        let rule = Rule {
            id: new_rfc_id(self),
            name,
            status: "PAUSED".into(),
            triggers,
            steps,
            created_by: by,
            edited_by: None,
            created: now,
            modified: now,
        };
        let answer = json!({
            "id": rule.id,
            "status": rule.status,
            "name": rule.name,
            "account_id": self.automation.account_id,
            "created_by_id": rule.created_by,
            "date_created": iso(rule.created),
            "date_modified": iso(rule.modified),
        });
        self.automation.rules.push(rule);
        answer
    }
}

/// ISO 8601 with milliseconds, as the automation service writes dates.
fn iso(t: Time) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// A new RFC 4122 id (lower case) from the store's random source.
pub fn new_rfc_id(state: &mut State) -> String {
    BynderId::from(uuid::Builder::from_random_bytes(rand::Rng::random(&mut state.rng)).into_uuid())
        .to_rfc4122()
}

/// The RFC 4122 spelling of a ColdFusion id (empty when it is not one).
pub fn rfc(cf: &str) -> String {
    BynderId::parse(cf).map_or_else(|_| String::new(), |id| id.to_rfc4122())
}

/// Seeds two rules: one that files new images into a collection (published), one that asks
/// an agent to enrich assets tagged with a metaproperty option (paused).
pub fn seed(state: &mut State) {
    state.automation.account_id = new_rfc_id(state);
    let creator = rfc(CURRENT_USER_ID);
    let collection = state.collections.first().map(|c| rfc(&c.id));
    let option = state
        .metaproperties
        .iter()
        .find_map(|mp| mp.options.first().map(|o| (rfc(&mp.id), rfc(&o.id))));
    let mut rules = Vec::new();
    if let Some(collection) = collection {
        let created = between(&mut state.rng, EPOCH_END - 90 * 86_400, EPOCH_END);
        rules.push(Rule {
            id: new_rfc_id(state),
            name: "File new images into the brand collection".into(),
            status: "PUBLISHED".into(),
            triggers: vec!["AssetUploaded".into()],
            steps: vec![json!({
                "step_triggers": ["AssetUploaded"],
                "conditions": [{"and": [{
                    "condition_type": "AssetType",
                    "expression": {"operator": "CONTAINS", "term": [{"asset_type": "IMAGE"}]},
                }]}],
                "actions": [{"action_type": "ADD_TO_COLLECTION", "data": {"collection_id": collection}}],
            })],
            created_by: creator.clone(),
            edited_by: None,
            created,
            modified: created,
        });
    }
    if let Some((metaproperty, option)) = option {
        let created = between(&mut state.rng, EPOCH_END - 30 * 86_400, EPOCH_END);
        let agent = new_rfc_id(state);
        rules.push(Rule {
            id: new_rfc_id(state),
            name: "Enrich campaign assets".into(),
            status: "PAUSED".into(),
            triggers: vec!["AssetUpdated".into()],
            steps: vec![json!({
                "step_triggers": ["AssetUpdated"],
                "conditions": [{"and": [{
                    "condition_type": "MetapropertyOption",
                    "expression": {"operator": "CONTAINS", "term": [{
                        "metaproperty_id": metaproperty,
                        "metaproperty_option_id": option,
                    }]},
                }]}],
                "actions": [{"action_type": "AGENT_ENRICHMENT", "data": {"agent_id": agent}}],
            })],
            created_by: creator.clone(),
            edited_by: None,
            created,
            modified: created,
        });
    }
    state.automation.rules = rules;
}
