//! Events derived from the assets at request time: creation (live and removed assets), archive
//! (archived assets) and removal ("recently removed"). Their ids are hashes of what they
//! record, so the same event keeps its ids from one request to the next.

use sha2::{Digest, Sha256};

use super::{AssetRef, Detail, Event};
use crate::store::{Asset, State, Time};

/// The ColdFusion id Bynder answers for an unknown user (analytics report example).
pub const NO_USER: &str = "00000000-0000-0000-0000000000000000";

/// Every event the portal knows, seeded and derived, sorted by time then id.
pub fn events(state: &State) -> Vec<Event> {
    let mut out = state.analytics.events.clone();
    for asset in &state.assets {
        out.push(derived(
            asset,
            asset.date_created,
            uploader_id(state, asset),
            Detail::AssetCreate,
        ));
        if asset.archive {
            let when = asset
                .archive_date
                .filter(|d| *d <= chrono::Utc::now())
                .unwrap_or(asset.date_modified);
            out.push(derived(
                asset,
                when,
                uploader_id(state, asset),
                Detail::AssetArchive,
            ));
        }
    }
    for removed in &state.removed {
        let asset = &removed.asset;
        out.push(derived(
            asset,
            asset.date_created,
            uploader_id(state, asset),
            Detail::AssetCreate,
        ));
        out.push(derived(
            asset,
            removed.date_removed,
            removed.user_id.clone(),
            Detail::AssetRemove,
        ));
    }
    out.sort_by(|a, b| (a.time, &a.id).cmp(&(b.time, &b.id)));
    out
}

/// The ColdFusion id of the user who uploaded `asset` (assets keep the uploader's name).
pub fn uploader_id(state: &State, asset: &Asset) -> String {
    state
        .users
        .iter()
        .find(|u| u.full_name() == asset.user_created)
        .map_or_else(|| NO_USER.to_string(), |u| u.id.clone())
}

fn derived(asset: &Asset, time: Time, user_id: String, detail: fn(AssetRef) -> Detail) -> Event {
    let detail = detail(AssetRef {
        id: asset.id.clone(),
        name: asset.name.clone(),
        kind: asset.kind.clone(),
    });
    let (id, event_id) = event_ids(&format!(
        "{}|{}|{}",
        detail_name(&detail),
        asset.id,
        time.timestamp_millis()
    ));
    Event {
        id,
        event_id,
        time,
        user_id,
        detail,
    }
}

fn detail_name(detail: &Detail) -> &'static str {
    match detail {
        Detail::AssetCreate(_) => "create",
        Detail::AssetArchive(_) => "archive",
        Detail::AssetRemove(_) => "remove",
        _ => "other",
    }
}

/// A v1 id (24 hex digits) and a v2 RFC 4122 id, both stable for `key`.
fn event_ids(key: &str) -> (String, String) {
    let digest = Sha256::digest(key.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    let uuid = uuid::Builder::from_random_bytes(bytes).into_uuid();
    (hex[..24].to_string(), uuid.to_string())
}
