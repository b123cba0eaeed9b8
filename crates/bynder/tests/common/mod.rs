//! Shared setup of the integration tests: a mock portal on loopback and clients for it.
#![allow(dead_code)]

use std::sync::Arc;
use std::time::Duration;

use bynder::ratelimit::{MemoryStore, RateLimitPolicy, RateLimiter};
use bynder::retry::RetryPolicy;
use bynder::{Client, ClientBuilder, Scope};
use bynder_mock::{MockConfig, MockPortal};

pub mod typed;

pub const SCOPES: &[Scope] = &[
    Scope::AssetRead,
    Scope::AssetWrite,
    Scope::CollectionRead,
    Scope::CollectionWrite,
    Scope::MetaAssetbankRead,
    Scope::CurrentUserRead,
    Scope::AdminProfileRead,
];

pub async fn portal() -> MockPortal {
    portal_with(MockConfig::default()).await
}

/// Starts a portal that checks its JSON answers against Bynder's published response schemas
/// (found like `openapi.rs` finds the definitions): a wrong shape fails the test when the portal
/// is dropped.
pub async fn portal_with(mut config: MockConfig) -> MockPortal {
    config.response_schemas.get_or_insert_with(openapi_dir);
    MockPortal::start(config)
        .await
        .expect("the mock portal starts")
}

/// Bynder's OpenAPI definitions, `../shared/reference/openapi` from the repository root.
pub fn openapi_dir() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/reference/openapi")
}

/// A builder with a private rate limiter (tests must not share budgets) and fast retries.
pub fn builder(portal: &MockPortal) -> ClientBuilder {
    let limiter = RateLimiter::new(
        RateLimitPolicy::default(),
        Arc::new(MemoryStore::new()),
        bynder::time::system(),
    );
    Client::builder(portal.url())
        .rate_limiter(Arc::new(limiter))
        .retry(RetryPolicy {
            max_attempts: 4,
            base_delay: Duration::from_millis(10),
            max_delay: Duration::from_millis(50),
        })
        .timeout(Duration::from_secs(10))
}

pub fn permanent(portal: &MockPortal) -> Client {
    builder(portal)
        .permanent_token(portal.config().permanent_token.as_str())
        .build()
        .unwrap()
}

/// A permanent-token client that sends parameters as given, without checking their types:
/// for tests of what the portal itself answers to a wrongly typed value.
pub fn unchecked(portal: &MockPortal) -> Client {
    builder(portal)
        .permanent_token(portal.config().permanent_token.as_str())
        .check_param_types(false)
        .build()
        .unwrap()
}

pub fn client_credentials(portal: &MockPortal) -> Client {
    let config = portal.config();
    builder(portal)
        .client_credentials(
            config.client_id.as_str(),
            config.client_secret.as_str(),
            SCOPES,
        )
        .build()
        .unwrap()
}

/// Grants the mock has issued of `grant_type`.
pub fn grants(portal: &MockPortal, grant_type: &str) -> u64 {
    portal
        .stats()
        .token_grants
        .get(grant_type)
        .copied()
        .unwrap_or(0)
}

/// The seeded metaproperty called `name`.
pub fn metaproperty(portal: &MockPortal, name: &str) -> bynder_mock::store::Metaproperty {
    portal
        .store()
        .metaproperties()
        .into_iter()
        .find(|mp| mp.name == name)
        .unwrap_or_else(|| panic!("no metaproperty {name}"))
}

/// The ids of the seeded metaproperty `name` and of its option labelled `label`.
pub fn option_ids(portal: &MockPortal, name: &str, label: &str) -> (String, String) {
    let mp = metaproperty(portal, name);
    let option = mp
        .options
        .iter()
        .find(|o| o.label == label)
        .unwrap_or_else(|| panic!("no option {label} in {name}"));
    (mp.id.clone(), option.id.clone())
}

/// The id of the option labelled `label` of the seeded metaproperty `name`.
pub fn option_id(portal: &MockPortal, name: &str, label: &str) -> String {
    option_ids(portal, name, label).1
}

/// The RFC 4122 spelling of an id given in either form (what `/api/1` and `/v7` answer).
pub fn rfc(id: &str) -> String {
    bynder::id::BynderId::parse(id).unwrap().to_rfc4122()
}
