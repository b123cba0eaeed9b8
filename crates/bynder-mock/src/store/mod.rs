//! The portal's in-memory state, seeded with realistic data.
//!
//! [`Store`] wraps a [`State`] in a mutex; handlers read or change it through [`Store::read`]
//! and [`Store::write`], one request at a time, so every change is visible to the next
//! request. The accessors below give tests ids to work with without going through HTTP.

mod access;
mod analytics;
mod asset_services;
mod automation;
mod brandstore;
mod dependencies;
mod ids;
mod model;
mod presets;
mod quarantine;
mod seed;
pub(crate) mod seed_assets;
mod usage;
mod users;
mod webhooks;
pub mod workflow; // public: the workflow handlers name its types

use std::sync::{Mutex, PoisonError};

use sha2::{Digest, Sha256};

use crate::uploads::Uploads;

pub use access::Access;
pub use analytics::Analytics;
pub use asset_services::AssetServices;
pub use automation::Automation;
pub use brandstore::Brandstore;
pub use dependencies::Dependencies;
pub use ids::{cf_id, id_hash, is_cf_id, normalize_id, random_cf_id};
pub use model::*;
pub use presets::{PRESET_IDS, Preset};
pub use quarantine::{QUARANTINE_ACCOUNT, QUARANTINE_IDS, Quarantined};
pub use usage::{INTEGRATIONS, Usage, integration};
pub use users::UserExtra;
pub use webhooks::Webhook;
pub use workflow::Workflow;

/// The id of the user the permanent token and OAuth2 grants act as. Fixed, so tokens and
/// tests can name it without a store at hand.
pub const CURRENT_USER_ID: &str = "4A2B1C3D-0000-4000-8000000000000001";

/// Everything the portal knows.
#[derive(Debug, Clone)]
pub struct State {
    /// Portal settings.
    pub account: Account,
    /// Brands with their sub-brands.
    pub brands: Vec<Brand>,
    /// Metaproperties with their options.
    pub metaproperties: Vec<Metaproperty>,
    /// Live assets, in creation order.
    pub assets: Vec<Asset>,
    /// Deleted assets, oldest removal first.
    pub removed: Vec<RemovedAsset>,
    /// Every tag, used or not.
    pub tags: Vec<Tag>,
    /// Collections, in creation order.
    pub collections: Vec<Collection>,
    /// Smart filters.
    pub smartfilters: Vec<SmartFilter>,
    /// Image derivatives.
    pub derivatives: Vec<Derivative>,
    /// Users; the current user first.
    pub users: Vec<User>,
    /// Security profiles.
    pub profiles: Vec<Profile>,
    /// Asset usages recorded by integrations, in creation order.
    pub usages: Vec<Usage>,
    /// Webhook configurations, in creation order.
    pub webhooks: Vec<Webhook>,
    /// Derivative presets (`/api/1`).
    pub presets: Vec<Preset>,
    /// Antivirus quarantine records.
    pub quarantine: Vec<Quarantined>,
    pub workflow: Workflow,
    pub analytics: Analytics,
    pub brandstore: Brandstore,
    pub dependencies: Dependencies,
    pub access: Access,
    pub automation: Automation,
    pub asset_services: AssetServices,
    /// Random source for ids made after seeding (new collections, tags...).
    pub rng: rand::rngs::StdRng,
    /// Key for signing download URLs.
    pub signing_key: String,
}

impl State {
    /// The live asset with this id (any case, either UUID form).
    pub fn asset(&self, id: &str) -> Option<&Asset> {
        let id = normalize_id(id);
        self.assets.iter().find(|a| a.id == id)
    }

    /// Mutable access to a live asset.
    pub fn asset_mut(&mut self, id: &str) -> Option<&mut Asset> {
        let id = normalize_id(id);
        self.assets.iter_mut().find(|a| a.id == id)
    }

    /// The collection with this id.
    pub fn collection(&self, id: &str) -> Option<&Collection> {
        let id = normalize_id(id);
        self.collections.iter().find(|c| c.id == id)
    }

    /// Mutable access to a collection.
    pub fn collection_mut(&mut self, id: &str) -> Option<&mut Collection> {
        let id = normalize_id(id);
        self.collections.iter_mut().find(|c| c.id == id)
    }

    /// The metaproperty with this id.
    pub fn metaproperty(&self, id: &str) -> Option<&Metaproperty> {
        let id = normalize_id(id);
        self.metaproperties.iter().find(|m| m.id == id)
    }

    /// An option by id, with the metaproperty it belongs to.
    pub fn option(&self, id: &str) -> Option<(&Metaproperty, &MetaOption)> {
        let id = normalize_id(id);
        self.metaproperties
            .iter()
            .find_map(|mp| mp.options.iter().find(|o| o.id == id).map(|o| (mp, o)))
    }

    /// The user with this id.
    pub fn user(&self, id: &str) -> Option<&User> {
        let id = normalize_id(id);
        self.users.iter().find(|u| u.id == id)
    }

    /// The tag with this id.
    pub fn tag(&self, id: &str) -> Option<&Tag> {
        let id = normalize_id(id);
        self.tags.iter().find(|t| t.id == id)
    }

    /// Makes sure a tag called `name` exists (tags are created by assigning them).
    pub fn ensure_tag(&mut self, name: &str) {
        if !self.tags.iter().any(|t| t.name == name) {
            let id = cf_id(&mut self.rng);
            self.tags.push(Tag {
                id,
                name: name.to_string(),
            });
        }
    }

    /// Whether `brand_id` names a brand.
    pub fn has_brand(&self, brand_id: &str) -> bool {
        let id = normalize_id(brand_id);
        self.brands.iter().any(|b| b.id == id)
    }

    /// A new ColdFusion id from the store's random source.
    pub fn new_id(&mut self) -> String {
        cf_id(&mut self.rng)
    }

    /// The signature of a download URL for `asset_id`/`item_id` valid until `expires`.
    pub fn download_signature(&self, asset_id: &str, item_id: &str, expires: i64) -> String {
        // A keyed SHA-256 is enough for a local mock: the key never leaves the process.
        let mut hasher = Sha256::new();
        hasher.update(self.signing_key.as_bytes());
        hasher.update(format!("\n{asset_id}\n{item_id}\n{expires}").as_bytes());
        hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

/// The portal's state, safe to share between request tasks, with its uploaded files.
///
/// Lock order: a handler holding the state may consult [`Uploads`], never the other way round.
#[derive(Debug)]
pub struct Store {
    state: Mutex<State>,
    uploads: Uploads,
}

impl Default for Store {
    fn default() -> Store {
        Store::seeded(0)
    }
}

impl Store {
    /// A store seeded deterministically from `seed`: the same seed gives the same ids,
    /// names and dates.
    pub fn seeded(seed: u64) -> Store {
        Store::with_uploads(seed, seed_assets::ASSET_COUNT, Uploads::default())
    }

    /// A seeded store of `asset_count` assets whose uploads are `uploads`.
    pub fn with_uploads(seed: u64, asset_count: usize, uploads: Uploads) -> Store {
        Store {
            state: Mutex::new(seed::seed_state(seed, asset_count)),
            uploads,
        }
    }

    /// Uploaded files and the bookkeeping of both upload flows.
    pub fn uploads(&self) -> &Uploads {
        &self.uploads
    }

    /// Runs `f` with read access to the state.
    pub fn read<R>(&self, f: impl FnOnce(&State) -> R) -> R {
        // A handler that panicked cannot leave the state half-written in a way that matters
        // for a mock, so a poisoned lock is simply taken over.
        let guard = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        f(&guard)
    }

    /// Runs `f` with write access to the state.
    pub fn write<R>(&self, f: impl FnOnce(&mut State) -> R) -> R {
        let mut guard = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        f(&mut guard)
    }

    /// The ColdFusion id of the user that the permanent token and OAuth2 grants act as.
    pub fn current_user_id(&self) -> String {
        CURRENT_USER_ID.to_string()
    }

    /// Ids of the live assets, in creation order.
    pub fn asset_ids(&self) -> Vec<String> {
        self.read(|s| s.assets.iter().map(|a| a.id.clone()).collect())
    }

    /// A copy of a live asset.
    pub fn asset(&self, id: &str) -> Option<Asset> {
        self.read(|s| s.asset(id).cloned())
    }

    /// Ids of the brands.
    pub fn brand_ids(&self) -> Vec<String> {
        self.read(|s| s.brands.iter().map(|b| b.id.clone()).collect())
    }

    /// Copies of the brands with their sub-brands.
    pub fn brands(&self) -> Vec<Brand> {
        self.read(|s| s.brands.clone())
    }

    /// Ids of the collections.
    pub fn collection_ids(&self) -> Vec<String> {
        self.read(|s| s.collections.iter().map(|c| c.id.clone()).collect())
    }

    /// A copy of a collection (members and shares included).
    pub fn collection(&self, id: &str) -> Option<Collection> {
        self.read(|s| s.collection(id).cloned())
    }

    /// Ids of the metaproperties.
    pub fn metaproperty_ids(&self) -> Vec<String> {
        self.read(|s| s.metaproperties.iter().map(|m| m.id.clone()).collect())
    }

    /// Copies of the metaproperties with their options.
    pub fn metaproperties(&self) -> Vec<Metaproperty> {
        self.read(|s| s.metaproperties.clone())
    }

    /// Ids of the options of one metaproperty (empty when unknown or not a select).
    pub fn option_ids(&self, metaproperty_id: &str) -> Vec<String> {
        self.read(|s| {
            s.metaproperty(metaproperty_id)
                .map(|mp| mp.options.iter().map(|o| o.id.clone()).collect())
                .unwrap_or_default()
        })
    }

    /// The tags, as `(id, name)`.
    pub fn tags(&self) -> Vec<(String, String)> {
        self.read(|s| {
            s.tags
                .iter()
                .map(|t| (t.id.clone(), t.name.clone()))
                .collect()
        })
    }

    /// Ids of the smart filters.
    pub fn smartfilter_ids(&self) -> Vec<String> {
        self.read(|s| s.smartfilters.iter().map(|f| f.id.clone()).collect())
    }

    /// Ids of the users (the current user first).
    pub fn user_ids(&self) -> Vec<String> {
        self.read(|s| s.users.iter().map(|u| u.id.clone()).collect())
    }

    /// Ids of the security profiles.
    pub fn profile_ids(&self) -> Vec<String> {
        self.read(|s| s.profiles.iter().map(|p| p.id.clone()).collect())
    }

    /// Assets deleted so far, oldest removal first.
    pub fn recently_removed(&self) -> Vec<RemovedAsset> {
        self.read(|s| s.removed.clone())
    }

    /// Whether a download URL's `signature` matches `asset_id`/`item_id`/`expires` (the
    /// caller checks `expires` against the clock).
    pub fn verify_download(
        &self,
        asset_id: &str,
        item_id: &str,
        expires: i64,
        signature: &str,
    ) -> bool {
        self.read(|s| s.download_signature(asset_id, item_id, expires) == signature)
    }
}

#[cfg(test)]
mod tests;
