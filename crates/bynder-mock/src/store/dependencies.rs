//! State of the option dependency operations and of the product layer (PIM): which options an
//! option depends on (ungrouped, or in groups), and the children of product options. Options
//! are referred to by their ColdFusion id; an option deleted later simply drops out when the
//! handlers render these lists.

use std::collections::BTreeMap;

use super::{State, cf_id};

/// A dependency group: the option is offered when these options are set together.
#[derive(Debug, Clone, PartialEq)]
pub struct DependencyGroup {
    /// ColdFusion id.
    pub id: String,
    /// The options of the group, in the order they were added.
    pub options: Vec<String>,
}

/// The dependencies of one option.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OptionDependencies {
    /// Options it depends on outside any group, in the order they were added.
    pub ungrouped: Vec<String>,
    /// Its dependency groups, in creation order.
    pub groups: Vec<DependencyGroup>,
}

impl OptionDependencies {
    /// Whether nothing is left.
    pub fn is_empty(&self) -> bool {
        self.ungrouped.is_empty() && self.groups.is_empty()
    }
}

/// What the dependency and product layer operations read and change.
#[derive(Debug, Clone, Default)]
pub struct Dependencies {
    /// Dependencies by option id.
    pub by_option: BTreeMap<String, OptionDependencies>,
    /// Product layer children by option id (`PUT /api/pim/metapropertyoptions/{id}`).
    pub children: BTreeMap<String, Vec<String>>,
}

/// The id of the option called `option` of the metaproperty called `metaproperty`.
fn option_id(state: &State, metaproperty: &str, option: &str) -> Option<String> {
    state
        .metaproperties
        .iter()
        .find(|mp| mp.name == metaproperty)?
        .options
        .iter()
        .find(|o| o.label == option)
        .map(|o| o.id.clone())
}

/// Seeds a few rules a real portal would have: seasonal campaigns only in the regions that
/// run them, a campaign that needs its channels together, and product children.
pub fn seed(state: &mut State) {
    let id = |mp: &str, option: &str| option_id(state, mp, option);
    let ungrouped = [
        (
            "Campaign",
            "Back to School",
            &[("Region", "North America"), ("Region", "EMEA")][..],
        ),
        (
            "Campaign",
            "Black Friday",
            &[("Region", "North America")][..],
        ),
    ];
    let grouped = [(
        "Campaign",
        "Holiday Season",
        &[("Channel", "Web"), ("Channel", "Email")][..],
    )];
    let children = [(
        "Department",
        "Product",
        &[("Campaign", "Product Launch")][..],
    )];
    let mut by_option: BTreeMap<String, OptionDependencies> = BTreeMap::new();
    for (mp, option, deps) in ungrouped {
        if let Some(option) = id(mp, option) {
            let entry = by_option.entry(option).or_default();
            entry
                .ungrouped
                .extend(deps.iter().filter_map(|(mp, o)| id(mp, o)));
        }
    }
    let mut groups = Vec::new();
    for (mp, option, deps) in grouped {
        if let Some(option) = id(mp, option) {
            groups.push((
                option,
                deps.iter().filter_map(|(mp, o)| id(mp, o)).collect(),
            ));
        }
    }
    let mut product = BTreeMap::new();
    for (mp, option, kids) in children {
        if let Some(option) = id(mp, option) {
            product.insert(
                option,
                kids.iter().filter_map(|(mp, o)| id(mp, o)).collect(),
            );
        }
    }
    for (option, options) in groups {
        let group = DependencyGroup {
            id: cf_id(&mut state.rng),
            options,
        };
        by_option.entry(option).or_default().groups.push(group);
    }
    state.dependencies = Dependencies {
        by_option,
        children: product,
    };
}

impl State {
    /// Whether an option with this (normalised) id exists in any metaproperty.
    pub fn option_exists(&self, id: &str) -> bool {
        self.option(id).is_some()
    }

    /// The dependencies of an option that still exist, as `(ungrouped, [(group id, options)])`.
    pub fn live_dependencies(&self, option: &str) -> (Vec<String>, Vec<(String, Vec<String>)>) {
        let Some(deps) = self.dependencies.by_option.get(option) else {
            return (Vec::new(), Vec::new());
        };
        let live = |ids: &[String]| -> Vec<String> {
            ids.iter()
                .filter(|id| self.option_exists(id))
                .cloned()
                .collect()
        };
        let groups = deps
            .groups
            .iter()
            .map(|g| (g.id.clone(), live(&g.options)))
            .collect();
        (live(&deps.ungrouped), groups)
    }

    /// Adds an ungrouped dependency (nothing changes if it is there already).
    pub fn add_dependency(&mut self, option: &str, dependency: &str) {
        let deps = self
            .dependencies
            .by_option
            .entry(option.to_string())
            .or_default();
        if !deps.ungrouped.iter().any(|d| d == dependency) {
            deps.ungrouped.push(dependency.to_string());
        }
    }

    /// Removes an ungrouped dependency; false when it was not there.
    pub fn remove_dependency(&mut self, option: &str, dependency: &str) -> bool {
        let Some(deps) = self.dependencies.by_option.get_mut(option) else {
            return false;
        };
        let before = deps.ungrouped.len();
        deps.ungrouped.retain(|d| d != dependency);
        let removed = deps.ungrouped.len() != before;
        if deps.is_empty() {
            self.dependencies.by_option.remove(option);
        }
        removed
    }

    /// Creates a dependency group of `option` holding `options`; answers its id.
    pub fn create_dependency_group(&mut self, option: &str, options: Vec<String>) -> String {
        let id = cf_id(&mut self.rng);
        self.dependencies
            .by_option
            .entry(option.to_string())
            .or_default()
            .groups
            .push(DependencyGroup {
                id: id.clone(),
                options,
            });
        id
    }

    /// The options of group `group` of `option`, to read or change; none when unknown.
    pub fn dependency_group_mut(&mut self, option: &str, group: &str) -> Option<&mut Vec<String>> {
        self.dependencies
            .by_option
            .get_mut(option)?
            .groups
            .iter_mut()
            .find(|g| g.id == group)
            .map(|g| &mut g.options)
    }

    /// The product layer children of an option that still exist.
    pub fn live_children(&self, option: &str) -> Vec<String> {
        self.dependencies
            .children
            .get(option)
            .map(|kids| {
                kids.iter()
                    .filter(|id| self.option_exists(id))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Replaces the product layer children of an option.
    pub fn set_children(&mut self, option: &str, children: Vec<String>) {
        if children.is_empty() {
            self.dependencies.children.remove(option);
        } else {
            self.dependencies
                .children
                .insert(option.to_string(), children);
        }
    }
}
