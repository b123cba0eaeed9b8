//! Typed response models.
//!
//! Every model decodes leniently (booleans as `true`/`1`/`"1"`, numbers as strings, several date
//! formats; see [`crate::lenient`]), treats almost every field as optional because portals omit
//! fields, keeps ids exactly as the server sent them, and keeps unknown fields (custom
//! `property_*` metaproperty values, extra thumbnail keys, fields Bynder adds later) in `extra`
//! so that they survive a decode/encode round trip.

mod account;
mod analytics;
mod answers;
mod asset_services;
mod automation;
mod brand;
mod brandstore;
mod collection;
mod content_access;
mod dependencies;
mod download;
mod media;
mod media_page;
mod metaproperty;
mod oauth_scopes;
mod quarantine;
mod smart_filter;
mod status;
mod tag;
mod taxonomy;
mod trash;
mod upload;
mod usage;
mod user;
mod webhook;
mod workflow;
mod workflow_writes;

pub use account::{Account, Derivative};
pub use analytics::{AnalyticsEvent, AssetReport};
pub use answers::{IdList, IdRef, NoContent, PlainText};
pub use asset_services::{
    Document, DocumentAttributes, DocumentData, SimilarAsset, SimilarAssets, StreamingLinks,
};
pub use automation::{
    AutomationAction, AutomationActionInfo, AutomationActions, AutomationCondition,
    AutomationConditionGroup, AutomationConditionInfo, AutomationConditions, AutomationExpression,
    AutomationPageLinks, AutomationRule, AutomationRulePage, AutomationStep, AutomationTerm,
    AutomationTrigger, AutomationTriggers,
};
pub use brand::{Brand, SubBrand};
pub use brandstore::{Order, OrderSummary, Orderline, StoreProduct};
pub use collection::{Collection, CollectionCover, CollectionUser};
pub use content_access::{AccessPrincipal, ContentAccessRule, OptionVisibility};
pub use dependencies::{DependencyGroups, MetapropertyDependencies, OptionDependencies};
pub use download::DownloadLocation;
pub use media::{FocusPoint, Media, MediaItem, RelatedAssets};
pub use media_page::{MediaCounts, MediaPage};
pub use metaproperty::{Metaproperty, MetapropertyOption};
pub use oauth_scopes::{ScopeGroup, ScopeGroups, ScopeInfo};
pub use quarantine::{QuarantinePage, QuarantineReviewed, QuarantinedAsset};
pub use smart_filter::SmartFilter;
pub use status::Status;
pub use tag::Tag;
pub use taxonomy::{PimMetaproperty, PimOption, TaxonomyOption, TaxonomyOptionPage};
pub use trash::RemovedMedia;
pub use upload::{
    PollResult, S3File, S3Init, S3Location, S3Policy, S3Registration, SaveResult, SavedItem,
    UploadPrepared,
};
pub use usage::{Usage, UsageIntegration, UsageSync, UsageSyncEntry};
pub use user::{Profile, User, UserGroup, UserRef};
pub use webhook::Webhook;
pub use workflow::{
    Campaign, Job, JobFinish, JobMedia, JobMediaPreview, JobPreset, JobStage, JobStageRef,
    PresetStage, StageResponsible, WorkflowBynderUser, WorkflowCreator, WorkflowGroup,
    WorkflowGroupMember, WorkflowMetaproperty, WorkflowMetapropertyOption, WorkflowUser,
};
pub use workflow_writes::{JobResult, JobUpload};

pub use crate::lenient::BynderDate;

#[cfg(test)]
mod tests;
