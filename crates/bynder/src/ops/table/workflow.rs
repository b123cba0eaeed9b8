//! Operation table entries of the workflow groups ("API v5", `reference/bynder-api.md` §5.8,
//! OAS wf-campaigns, wf-jobs, wf-users-groups, wf-metaproperties). Bodies are JSON. Workflow
//! ids are passed through as given: the examples spell them 8-4-4-4-12, some answers 32 hex
//! digits without dashes, and the server takes both. Scopes follow the scope table (§2.7);
//! the definitions name only the security roles (CAMPAIGNADD, JOBAPPROVE...).

use crate::ops::Method::{Delete, Get, Patch, Post, Put};
use crate::ops::Model::{List, One};
use crate::ops::Paging::PaginationHeaders;
use crate::ops::{Encoding, Operation, opaque};
use crate::scope::Scope::*;

/// Campaign fields of create and modify.
const CAMPAIGN_FIELDS: &[&str] = &[
    "name",
    "key",
    "description",
    "dateStart",
    "deadline",
    "closed",
    "responsibleID",
    "campaignMetaproperties",
];

/// Filters of both job lists. `resonsibleIDs` is how the definitions spell it; the Java SDK
/// sends `responsibleIDs`. Both are listed so either passes through under its own name.
const JOB_FILTERS: &[&str] = &[
    "dateCreatedFrom",
    "dateCreatedTo",
    "dateModifiedFrom",
    "dateModifiedTo",
    "deadlineFrom",
    "deadlineTo",
    "responsibleIDs",
    "resonsibleIDs",
    "accountableIDs",
    "status",
    "orderBy",
    "limit",
    "page",
];

/// The definitions' example pages by 100; no larger limit is documented.
const JOB_PAGING: crate::ops::Paging = PaginationHeaders { max_limit: 100 };

/// Group fields of create and modify.
const GROUP_FIELDS: &[&str] = &["name", "user_ids"];

pub const OPERATIONS: &[Operation] = &[
    // Campaigns.
    Operation::new("campaigns.list", Get, "/api/workflow/campaigns/")
        .doc("List workflow campaigns.")
        .scopes(&[WorkflowCampaignRead])
        .returns(List("Campaign")),
    Operation::new("campaigns.create", Post, "/api/workflow/campaigns/")
        .doc("Create a campaign (`name`, `key` required; `responsibleID`, `deadline`...); answers its `id`.")
        .params(CAMPAIGN_FIELDS)
        .encoding(Encoding::Json)
        .scopes(&[WorkflowCampaignWrite])
        .returns(One("IdRef")),
    Operation::new("campaigns.get", Get, "/api/workflow/campaigns/{id}/")
        .doc("Retrieve one campaign.")
        .ids(&[opaque("id")])
        .scopes(&[WorkflowCampaignRead])
        .returns(One("Campaign")),
    Operation::new("campaigns.modify", Put, "/api/workflow/campaigns/{id}/")
        .doc("Modify a campaign's `name`, `key`, `description`, dates, `closed`, `responsibleID`.")
        .ids(&[opaque("id")])
        .params(CAMPAIGN_FIELDS)
        .encoding(Encoding::Json)
        .scopes(&[WorkflowCampaignWrite])
        .returns(One("IdRef")),
    Operation::new("campaigns.delete", Delete, "/api/workflow/campaigns/{id}/")
        .doc("Delete a campaign with its jobs.")
        .ids(&[opaque("id")])
        .scopes(&[WorkflowCampaignWrite])
        .returns(One("NoContent")),
    Operation::new("campaigns.close", Post, "/api/workflow/campaigns/{id}/")
        .doc("Close a campaign (no new jobs can join it).")
        .ids(&[opaque("id")])
        .scopes(&[WorkflowCampaignWrite])
        .returns(One("NoContent")),
    Operation::new("campaigns.jobs", Get, "/api/workflow/campaigns/{id}/jobs/")
        .doc("List the jobs of one campaign (`status`, `orderBy`, date filters), paged with `X-Pagination-*`.")
        .ids(&[opaque("id")])
        .params(JOB_FILTERS)
        .scopes(&[WorkflowJobRead])
        .paging(JOB_PAGING)
        .returns(List("Job"))
        .yields("Job"),
    // Jobs.
    Operation::new("jobs.list", Get, "/api/workflow/jobs/")
        .doc("List jobs (`status`, `accountableIDs`, `orderBy`, date filters), paged with `X-Pagination-*`.")
        .params(JOB_FILTERS)
        .scopes(&[WorkflowJobRead])
        .paging(JOB_PAGING)
        .returns(List("Job"))
        .yields("Job"),
    Operation::new("jobs.create", Post, "/api/workflow/jobs/")
        .doc("Create a job in a campaign from a preset (`name`, `campaignID`, `accountableID`, `presetID`).")
        .params(&[
            "name",
            "description",
            "deadline",
            "campaignID",
            "accountableID",
            "presetID",
            "jobMetaproperties",
            "stages",
        ])
        .encoding(Encoding::Json)
        .scopes(&[WorkflowJobWrite])
        .returns(One("JobResult")),
    Operation::new("jobs.get", Get, "/api/workflow/jobs/{id}/")
        .doc("Retrieve one job with its stages.")
        .ids(&[opaque("id")])
        .scopes(&[WorkflowJobRead])
        .returns(One("Job")),
    Operation::new("jobs.modify", Put, "/api/workflow/jobs/{id}/")
        .doc("Modify a job; `activeStage.status` `Approved` moves it to the next stage, `NeedsChanges` back.")
        .ids(&[opaque("id")])
        .params(&[
            "name",
            "description",
            "deadline",
            "campaignID",
            "accountableID",
            "jobMetaproperties",
            "activeStage",
            "nextStage",
            "previousStage",
        ])
        .encoding(Encoding::Json)
        .scopes(&[WorkflowJobWrite])
        .returns(One("JobResult")),
    Operation::new("jobs.delete", Delete, "/api/workflow/jobs/{id}/")
        .doc("Delete a job.")
        .ids(&[opaque("id")])
        .scopes(&[WorkflowJobWrite])
        .returns(One("NoContent")),
    Operation::new("jobs.finish", Patch, "/api/workflow/jobs/{id}/finish")
        .doc("Finish a job on its last stage (409 when finished already or not on the last stage).")
        .ids(&[opaque("id")])
        .params(&["status", "job_id"])
        .encoding(Encoding::Json)
        .scopes(&[WorkflowJobApprove])
        .returns(One("JobResult")),
    Operation::new("jobs.media", Get, "/api/workflow/jobs/{id}/media/")
        .doc("List the files attached to a job, newer versions under `sub_versions`.")
        .ids(&[opaque("id")])
        .scopes(&[WorkflowJobRead])
        .returns(List("JobMedia")),
    Operation::new("jobs.stages", Get, "/api/workflow/jobs/{id}/stages/")
        .doc("List the stages of a job with their status and responsible user or group.")
        .ids(&[opaque("id")])
        .scopes(&[WorkflowJobRead])
        .returns(List("JobStage")),
    // The definitions key this path `/workflow-jobs/{id}/upload`, without the `/api/workflow`
    // prefix every other path of the file has; Bynder's reference page for it is
    // `post_api-workflow-jobs-id-upload` (§5.8), so the table sends it where the portal serves it.
    Operation::new("jobs.upload", Post, "/api/workflow/jobs/{id}/upload")
        .doc("Attach a Files Service upload (`fileId`, `name`, `fileSize`; `assetId` for a new version) to a job.")
        .ids(&[opaque("id")])
        .params(&["fileId", "name", "fileSize", "assetId"])
        .encoding(Encoding::Json)
        .scopes(&[WorkflowJobWrite])
        .returns(One("JobUpload")),
    Operation::new("job_presets.get", Get, "/api/workflow/presets/job/{id}/")
        .doc("Retrieve one job preset with its stages.")
        .ids(&[opaque("id")])
        .scopes(&[WorkflowPresetRead])
        .returns(One("JobPreset")),
    // Groups and users of workflow; the users are the portal's users.
    Operation::new("workflow_groups.list", Get, "/api/workflow/groups/")
        .doc("List workflow groups with their users.")
        .scopes(&[WorkflowGroupRead])
        .returns(List("WorkflowGroup")),
    Operation::new("workflow_groups.create", Post, "/api/workflow/groups/")
        .doc("Create a workflow group (`name`, `user_ids`).")
        .params(GROUP_FIELDS)
        .encoding(Encoding::Json)
        .scopes(&[WorkflowGroupWrite])
        .returns(One("WorkflowGroup")),
    Operation::new("workflow_groups.get", Get, "/api/workflow/groups/{id}/")
        .doc("Retrieve one workflow group with its users.")
        .ids(&[opaque("id")])
        .scopes(&[WorkflowGroupRead])
        .returns(One("WorkflowGroup")),
    Operation::new("workflow_groups.modify", Put, "/api/workflow/groups/{id}/")
        .doc("Rename a workflow group or replace its users (`name`, `user_ids`).")
        .ids(&[opaque("id")])
        .params(GROUP_FIELDS)
        .encoding(Encoding::Json)
        .scopes(&[WorkflowGroupWrite])
        .returns(One("WorkflowGroup")),
    Operation::new("workflow_groups.delete", Delete, "/api/workflow/groups/{id}/")
        .doc("Delete a workflow group.")
        .ids(&[opaque("id")])
        .scopes(&[WorkflowGroupWrite])
        .returns(One("NoContent")),
    Operation::new("workflow_users.list", Get, "/api/workflow/users/")
        .doc("List the users workflow knows (the portal's users).")
        .scopes(&[AdminUserRead])
        .returns(List("WorkflowUser")),
    Operation::new("workflow_users.get", Get, "/api/workflow/users/{id}/")
        .doc("Retrieve one workflow user.")
        .ids(&[opaque("id")])
        .scopes(&[AdminUserRead])
        .returns(One("WorkflowUser")),
    Operation::new("workflow_metaproperties.list", Get, "/api/workflow/metaproperties/")
        .doc("List the metaproperties of jobs and campaigns with their options.")
        .scopes(&[MetaWorkflowRead])
        .returns(List("WorkflowMetaproperty")),
    Operation::new(
        "workflow_metaproperties.get",
        Get,
        "/api/workflow/metaproperties/{id}/",
    )
    .doc("Retrieve one workflow metaproperty with its options.")
    .ids(&[opaque("id")])
    .scopes(&[MetaWorkflowRead])
    .returns(One("WorkflowMetaproperty")),
];
