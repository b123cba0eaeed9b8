//! Handlers of the workflow operations (`bynder::ops` table, `table/workflow.rs`): campaigns,
//! jobs and their stages and files, job presets, workflow groups, users and metaproperties.
//! JSON bodies; ids in any spelling (with or without dashes, any case).

mod campaigns;
mod catalog;
mod input;
mod job_flow;
mod job_media;
mod jobs;
mod people;
mod shape;

use crate::request::{OpRequest, OpResponse};
use crate::store::Store;

/// Answers the operations of this module, or `None` for any other operation.
pub fn handle(store: &Store, req: &OpRequest) -> Option<OpResponse> {
    Some(match req.op.name {
        "campaigns.list" => campaigns::list(store, req),
        "campaigns.create" => campaigns::create(store, req),
        "campaigns.get" => campaigns::get(store, req),
        "campaigns.modify" => campaigns::modify(store, req),
        "campaigns.delete" => campaigns::delete(store, req),
        "campaigns.close" => campaigns::close(store, req),
        "campaigns.jobs" => jobs::of_campaign(store, req),
        "jobs.list" => jobs::list(store, req),
        "jobs.create" => jobs::create(store, req),
        "jobs.get" => jobs::get(store, req),
        "jobs.modify" => job_flow::modify(store, req),
        "jobs.delete" => jobs::delete(store, req),
        "jobs.finish" => job_flow::finish(store, req),
        "jobs.media" => job_media::list(store, req),
        "jobs.stages" => jobs::stages(store, req),
        "jobs.upload" => job_media::upload(store, req),
        "job_presets.get" => catalog::preset(store, req),
        "workflow_groups.list" => people::groups(store),
        "workflow_groups.create" => people::create(store, req),
        "workflow_groups.get" => people::group(store, req),
        "workflow_groups.modify" => people::modify(store, req),
        "workflow_groups.delete" => people::delete(store, req),
        "workflow_users.list" => people::users(store),
        "workflow_users.get" => people::user_by_id(store, req),
        "workflow_metaproperties.list" => catalog::metaproperties(store),
        "workflow_metaproperties.get" => catalog::metaproperty(store, req),
        _ => return None,
    })
}
