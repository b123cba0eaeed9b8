//! Metaproperty option dependencies (`/api/v4/metaproperties/…/dependencies/`, OAS
//! metaproperty-options-v4 and options-v4): an option is offered only when options it depends
//! on are set. Every answer is a map keyed by ids, so the models are maps too.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::IdList;

/// The dependencies of one option: the option ids of each dependency group, keyed by group id,
/// plus those in no group under `ungrouped`.
pub type DependencyGroups = BTreeMap<String, IdList>;

/// The dependencies of a metaproperty's options, keyed by option id (`dependencies.list`; the
/// values of `dependencies.list_all`, which is keyed by metaproperty id).
pub type MetapropertyDependencies = BTreeMap<String, DependencyGroups>;

/// What one option depends on (`dependencies.get`): the option ids of its ungrouped
/// dependencies, or with `includeGroupedResults` its groups as well.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum OptionDependencies {
    /// The plain answer: the ids of the options it depends on outside any group.
    Ungrouped(IdList),
    /// With `includeGroupedResults`: the ids per group, and `ungrouped`.
    Grouped(DependencyGroups),
}

impl Default for OptionDependencies {
    fn default() -> OptionDependencies {
        OptionDependencies::Ungrouped(IdList::new())
    }
}

impl OptionDependencies {
    /// The ids of the options it depends on outside any group.
    pub fn ungrouped(&self) -> &[String] {
        match self {
            OptionDependencies::Ungrouped(ids) => ids,
            OptionDependencies::Grouped(groups) => {
                groups.get("ungrouped").map_or(&[], |ids| ids.as_slice())
            }
        }
    }
}
