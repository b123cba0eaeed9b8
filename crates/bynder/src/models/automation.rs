//! Automation workflow rules and what a rule may use (OAS automation-workflow-svc). The
//! service speaks snake_case.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::lenient::BynderDate;

/// A rule (`automation_rules.get`, `.update`, `.create`; items of [`AutomationRulePage`]).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct AutomationRule {
    /// Id, as returned (RFC 4122).
    #[serde(
        deserialize_with = "crate::lenient::string",
        skip_serializing_if = "String::is_empty"
    )]
    pub id: String,
    /// Name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `PUBLISHED` or `PAUSED`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Account id.
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub account_id: Option<String>,
    /// Id of the user who created it.
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_by_id: Option<String>,
    /// Id of the user who last edited it.
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub edited_by_id: Option<String>,
    /// Creation date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_created: Option<BynderDate>,
    /// Last modification date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_modified: Option<BynderDate>,
    /// Removal date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_removed: Option<BynderDate>,
    /// Trigger names, e.g. `AssetUploaded`.
    #[serde(
        deserialize_with = "crate::lenient::string_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub triggers: Vec<String>,
    /// The steps: conditions and actions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<AutomationStep>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A step of an [`AutomationRule`].
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct AutomationStep {
    /// Triggers of this step.
    #[serde(
        deserialize_with = "crate::lenient::string_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub step_triggers: Vec<String>,
    /// Conditions; each entry holds conditions that must all hold (`and`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<AutomationConditionGroup>,
    /// Actions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<AutomationAction>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Conditions that must all hold.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct AutomationConditionGroup {
    /// The conditions.
    #[serde(rename = "and", skip_serializing_if = "Vec::is_empty")]
    pub all: Vec<AutomationCondition>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One condition of a step.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct AutomationCondition {
    /// Condition name, e.g. `AssetType`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition_type: Option<String>,
    /// Operator and terms.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expression: Option<AutomationExpression>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The operator and terms of an [`AutomationCondition`].
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct AutomationExpression {
    /// Operator, e.g. `CONTAINS`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    /// Terms.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub term: Vec<AutomationTerm>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A term: a relative date, an asset type or a metaproperty option, by which fields are set.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct AutomationTerm {
    /// Relative date amount.
    #[serde(
        deserialize_with = "crate::lenient::opt_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub offset_amount: Option<i64>,
    /// Relative date unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset_unit: Option<String>,
    /// Asset type, e.g. `IMAGE`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub asset_type: Option<String>,
    /// Metaproperty id.
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub metaproperty_id: Option<String>,
    /// Metaproperty option id.
    #[serde(
        deserialize_with = "crate::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub metaproperty_option_id: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// An action of a step: `action_type` and its `data` (`collection_id`, `agent_id`...).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct AutomationAction {
    /// Action, e.g. `ADD_TO_COLLECTION`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action_type: Option<String>,
    /// Its data; the members depend on the action.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<Map<String, Value>>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One page of rules (`automation_rules.list`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct AutomationRulePage {
    /// The rules, newest first. Kept when empty: an empty page answers `"rules": []`.
    pub rules: Vec<AutomationRule>,
    /// Links to the neighbouring pages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<AutomationPageLinks>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The `metadata` of an [`AutomationRulePage`].
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct AutomationPageLinks {
    /// The previous page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_page: Option<String>,
    /// The next page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_page: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The triggers a rule may use (`automation_rules.triggers`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct AutomationTriggers {
    /// The triggers.
    pub triggers: Vec<AutomationTrigger>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A trigger a rule may use.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct AutomationTrigger {
    /// Name, e.g. `AssetUploaded`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The conditions a rule may use (`automation_rules.conditions`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct AutomationConditions {
    /// The conditions.
    pub conditions: Vec<AutomationConditionInfo>,
    /// How many conditions a step may have.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub max_conditions_count: Option<u64>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A condition a rule may use, with its operators and terms.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct AutomationConditionInfo {
    /// Name, e.g. `AssetType`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Order of evaluation.
    #[serde(
        deserialize_with = "crate::lenient::opt_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub weight: Option<i64>,
    /// Operators, e.g. `CONTAINS`.
    #[serde(
        deserialize_with = "crate::lenient::string_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub operators: Vec<String>,
    /// The terms it takes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<AutomationTerm>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The actions the caller may use (`automation_rules.actions`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct AutomationActions {
    /// The actions.
    pub actions: Vec<AutomationActionInfo>,
    /// How many actions a step may have.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub max_actions_limit: Option<u64>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// An action a rule may use.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct AutomationActionInfo {
    /// Action, e.g. `ADD_TO_COLLECTION`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action_type: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
