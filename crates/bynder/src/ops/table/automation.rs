//! Operation table entries of the automation workflow rules (`reference/bynder-api.md` §5,
//! OAS automation-workflow-svc). They live on a service of their own
//! (`https://automation-workflow-service.bynder.com/api/1/automation-workflow/`), reached with
//! the portal's token: [`Host::Automation`] sends them to
//! [`crate::ClientBuilder::automation_url`]. The definitions document no scope.

use crate::ops::Host::Automation;
use crate::ops::Method::{Delete, Get, Patch, Post, Put};
use crate::ops::Model::One;
use crate::ops::{Encoding, Items, Operation, std_uuid};

/// The fields of a rule (`AutomationWorkflowRuleBody`).
const RULE_FIELDS: &[&str] = &["name", "triggers", "steps"];

pub const OPERATIONS: &[Operation] = &[
    Operation::new(
        "automation_rules.list",
        Get,
        "/api/1/automation-workflow/rules",
    )
    .doc("List automation workflow rules, newest first (`start` offset and `limit`).")
    .host(Automation)
    .params(&["start", "limit"])
    .items(Items::Key("rules"))
    .returns(One("AutomationRulePage")),
    Operation::new(
        "automation_rules.create",
        Post,
        "/api/1/automation-workflow/rules",
    )
    .doc("Create a rule: `name`, `triggers` and `steps` (conditions and actions).")
    .host(Automation)
    .params(RULE_FIELDS)
    .encoding(Encoding::Json)
    .returns(One("AutomationRule")),
    Operation::new(
        "automation_rules.get",
        Get,
        "/api/1/automation-workflow/rules/{ruleId}",
    )
    .doc("Retrieve one automation workflow rule.")
    .host(Automation)
    .ids(&[std_uuid("ruleId")])
    .returns(One("AutomationRule")),
    Operation::new(
        "automation_rules.update",
        Put,
        "/api/1/automation-workflow/rules/{ruleId}",
    )
    .doc("Change a rule's `name`, `triggers` or `steps`.")
    .host(Automation)
    .ids(&[std_uuid("ruleId")])
    .params(RULE_FIELDS)
    .encoding(Encoding::Json)
    .returns(One("AutomationRule")),
    Operation::new(
        "automation_rules.delete",
        Delete,
        "/api/1/automation-workflow/rules/{ruleId}",
    )
    .doc("Delete an automation workflow rule.")
    .host(Automation)
    .ids(&[std_uuid("ruleId")])
    .returns(One("NoContent")),
    Operation::new(
        "automation_rules.set_status",
        Patch,
        "/api/1/automation-workflow/rules/{ruleId}/status",
    )
    .doc("Publish or pause a rule (`status`: `PUBLISHED` or `PAUSED`; 409 when already so).")
    .host(Automation)
    .ids(&[std_uuid("ruleId")])
    .params(&["status"])
    .encoding(Encoding::Json)
    .returns(One("NoContent")),
    Operation::new(
        "automation_rules.triggers",
        Get,
        "/api/1/automation-workflow/triggers",
    )
    .doc("List the triggers a rule may use.")
    .host(Automation)
    .items(Items::Key("triggers"))
    .returns(One("AutomationTriggers")),
    Operation::new(
        "automation_rules.conditions",
        Get,
        "/api/1/automation-workflow/conditions",
    )
    .doc("List the conditions a rule may use, with their operators and terms.")
    .host(Automation)
    .items(Items::Key("conditions"))
    .returns(One("AutomationConditions")),
    Operation::new(
        "automation_rules.actions",
        Get,
        "/api/1/automation-workflow/actions",
    )
    .doc("List the actions the caller may use in a rule.")
    .host(Automation)
    .items(Items::Key("actions"))
    .returns(One("AutomationActions")),
];
