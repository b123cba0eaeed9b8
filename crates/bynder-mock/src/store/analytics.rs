//! State of the analytics operations (`/v7/analytics`).
//!
//! Activity that the rest of the portal does not record (views, downloads, logins, searches,
//! collection views) is seeded here from the seeded assets, users, tags and collections, over
//! the 180 days before the portal started, so it always falls within Bynder's 12-month
//! retention. Creation, archive and removal events are not stored: [`events`] derives them from
//! the assets at request time, so an uploaded, archived or deleted asset shows at once.
//!
//! The store exports only [`Analytics`], so what handlers need from these types (the JSON and
//! CSV shapes included, in `shape`) is reached through its associated functions and methods.

mod derive;
mod seed;
mod shape;

use super::{Asset, State, Time};

pub use seed::seed;

/// What the analytics operations read: the seeded activity, oldest first.
#[derive(Debug, Clone, Default)]
pub struct Analytics {
    /// Seeded events, sorted by time.
    pub events: Vec<Event>,
}

impl Analytics {
    /// How long the regular endpoints keep events; older ones are only in the historical CSV.
    pub const RETENTION_DAYS: i64 = 365;

    /// Every event the portal knows, seeded and derived, oldest first (ties by id).
    pub fn all(state: &State) -> Vec<Event> {
        derive::events(state)
    }

    /// The events the regular endpoints answer (inside the retention window, within
    /// `from..=to` when given), oldest first, kept and shaped by `pick`.
    pub fn select<T>(
        state: &State,
        from: Option<Time>,
        to: Option<Time>,
        pick: impl Fn(&Event) -> Option<T>,
    ) -> Vec<T> {
        let now = chrono::Utc::now();
        let oldest = now - chrono::Duration::days(Self::RETENTION_DAYS);
        Self::all(state)
            .iter()
            .filter(|e| e.time >= oldest && e.time <= now)
            .filter(|e| from.is_none_or(|from| e.time >= from))
            .filter(|e| to.is_none_or(|to| e.time <= to))
            .filter_map(pick)
            .collect()
    }

    /// The `historical/{year}.csv` lines: the events of `year` older than the retention window.
    pub fn historical(state: &State, year: i32) -> Vec<String> {
        use chrono::Datelike;
        let oldest = chrono::Utc::now() - chrono::Duration::days(Self::RETENTION_DAYS);
        Self::all(state)
            .iter()
            .filter(|e| e.time < oldest && e.time.year() == year)
            .map(Event::historical_csv)
            .collect()
    }

    /// Whether `asset_id` (ColdFusion form) names a live or removed asset, or one that events
    /// mention.
    pub fn knows_asset(state: &State, asset_id: &str) -> bool {
        state.asset(asset_id).is_some()
            || state.removed.iter().any(|r| r.id == asset_id)
            || state
                .analytics
                .events
                .iter()
                .any(|e| e.asset().is_some_and(|a| a.id == asset_id))
    }

    /// Whether `user_id` (ColdFusion form) names a user, or one that events mention.
    pub fn knows_user(state: &State, user_id: &str) -> bool {
        state.user(user_id).is_some() || state.analytics.events.iter().any(|e| e.user_id == user_id)
    }

    /// The header line of `search/keyword.csv`.
    pub const KEYWORD_CSV_HEADER: &'static str = shape::KEYWORD_CSV_HEADER;
    /// The header line of `collection/views.csv`.
    pub const COLLECTION_CSV_HEADER: &'static str = shape::COLLECTION_CSV_HEADER;

    /// A date the way analytics writes it: `2021-11-15T10:07:57.781+00:00`.
    pub fn date(t: Time) -> String {
        shape::analytics_date(t)
    }

    /// The ColdFusion id of the user who uploaded `asset`, or Bynder's all-zero id.
    pub fn uploader_id(state: &State, asset: &Asset) -> String {
        derive::uploader_id(state, asset)
    }
}

/// One analytics event.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// The v1 id: 24 lower-case hex digits (`62de6d714e29485a81824fe3`).
    pub id: String,
    /// The v2 `eventId`: an RFC 4122 id.
    pub event_id: String,
    /// When it happened (millisecond precision).
    pub time: Time,
    /// ColdFusion id of the user who caused it; empty for anonymous (embedded) views.
    pub user_id: String,
    /// What happened.
    pub detail: Detail,
}

/// The asset an event is about, as it was when the event happened.
#[derive(Debug, Clone, PartialEq)]
pub struct AssetRef {
    /// ColdFusion id.
    pub id: String,
    /// Name at the time.
    pub name: String,
    /// `image`, `document`...
    pub kind: String,
}

/// What an event records.
#[derive(Debug, Clone, PartialEq)]
pub enum Detail {
    /// `asset.view` / `AssetViewed`.
    AssetView(AssetRef),
    /// `asset.download` / `AssetDownloadRequested`.
    AssetDownload {
        asset: AssetRef,
        /// The media item downloaded.
        item_id: String,
        /// `original` or `web`.
        item_type: String,
        /// Reasons the user gave (v2 only).
        reasons: Vec<String>,
    },
    /// `asset.create` (derived from the asset).
    AssetCreate(AssetRef),
    /// `asset.archive` (derived from the asset).
    AssetArchive(AssetRef),
    /// `asset.remove` (derived from "recently removed").
    AssetRemove(AssetRef),
    /// `user.login`.
    Login,
    /// `SearchExecuted`.
    Search {
        terms: Vec<String>,
        /// `(field, value)` pairs.
        filters: Vec<(String, String)>,
        /// `AND` or `OR`.
        operator: String,
        sort_field: String,
        /// `asc` or `desc`.
        sort_order: String,
        /// Assets found.
        assets: u64,
    },
    /// `search.keyword` (v1).
    Keyword {
        keyword: String,
        assets: u64,
        tags: u64,
        collections: u64,
    },
    /// `CollectionViewed`.
    CollectionView {
        collection_id: String,
        is_owner: bool,
        /// `internal` or `embed`.
        origin: String,
        ip: String,
        user_agent: String,
    },
}

impl Event {
    /// The v1 `eventType` (`asset.view`...), or the v2 name for events only v2 has.
    pub fn v1_type(&self) -> &'static str {
        match self.detail {
            Detail::AssetView(_) => "asset.view",
            Detail::AssetDownload { .. } => "asset.download",
            Detail::AssetCreate(_) => "asset.create",
            Detail::AssetArchive(_) => "asset.archive",
            Detail::AssetRemove(_) => "asset.remove",
            Detail::Login => "user.login",
            Detail::Search { .. } => "SearchExecuted",
            Detail::Keyword { .. } => "search.keyword",
            Detail::CollectionView { .. } => "CollectionViewed",
        }
    }

    /// The asset the event is about, if any.
    pub fn asset(&self) -> Option<&AssetRef> {
        match &self.detail {
            Detail::AssetView(a)
            | Detail::AssetCreate(a)
            | Detail::AssetArchive(a)
            | Detail::AssetRemove(a)
            | Detail::AssetDownload { asset: a, .. } => Some(a),
            _ => None,
        }
    }
}
