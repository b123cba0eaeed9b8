//! Operation table entries of the analytics group (`/v7/analytics`, `reference/bynder-api.md`
//! §5.10 and `reference/openapi/bynder-analytics-openapi.json`). Every list pages with an
//! opaque cursor: the next one arrives in the `Next-Cursor` response header and goes back as
//! the `cursor` parameter. Asset and user ids in these paths are ColdFusion ids, as the
//! definitions' examples and `Next-Url` headers show, although the service lives under `/v7`.

use crate::ops::Method::Get;
use crate::ops::Model::{List, One};
use crate::ops::Paging::CursorHeader;
use crate::ops::{Operation, cf, opaque};
use crate::scope::Scope::AnalyticsApiRead;

/// The response header carrying the next cursor.
const NEXT: crate::ops::Paging = CursorHeader {
    header: "Next-Cursor",
};

/// `limit` (1..10000, default 1000), `cursor` and the event date range.
const EVENT_PARAMS: &[&str] = &["limit", "cursor", "fromDateTime", "toDateTime"];

/// An event list: GET, the analytics scope, cursor paging.
const fn events(name: &'static str, path: &'static str, doc: &'static str) -> Operation {
    Operation::new(name, Get, path)
        .doc(doc)
        .params(EVENT_PARAMS)
        .scopes(&[AnalyticsApiRead])
        .paging(NEXT)
}

/// A JSON event list: its items decode as `AnalyticsEvent` (the `.csv` lists answer text).
const fn typed(name: &'static str, path: &'static str, doc: &'static str) -> Operation {
    events(name, path, doc)
        .returns(List("AnalyticsEvent"))
        .yields("AnalyticsEvent")
}

/// A CSV event list: the answer is the text itself (`text/csv`, header line first).
const fn csv(name: &'static str, path: &'static str, doc: &'static str) -> Operation {
    events(name, path, doc).returns(One("PlainText"))
}

pub const OPERATIONS: &[Operation] = &[
    typed(
        "analytics.asset_views",
        "/v7/analytics/api/v2/asset/views",
        "List asset view events (v2), oldest first, within `fromDateTime`..`toDateTime`.",
    ),
    typed(
        "analytics.asset_views_v1",
        "/v7/analytics/api/v1/asset/view",
        "List asset view events in the deprecated v1 shape (asset name, type, file name).",
    ),
    typed(
        "analytics.asset_downloads_v1",
        "/v7/analytics/api/v1/asset/download",
        "List asset download events in the v1 shape, with `mediaItemId` and `mediaItemType`.",
    ),
    typed(
        "analytics.asset_downloads",
        "/v7/analytics/api/v1/asset/v2/download",
        "List asset download requests with their `downloadReasons` (data from 2023-11-01).",
    ),
    typed(
        "analytics.asset_creations",
        "/v7/analytics/api/v1/asset/create",
        "List asset creation events within `fromDateTime`..`toDateTime`.",
    ),
    typed(
        "analytics.asset_archives",
        "/v7/analytics/api/v1/asset/archive",
        "List asset archive events within `fromDateTime`..`toDateTime`.",
    ),
    typed(
        "analytics.asset_removals",
        "/v7/analytics/api/v1/asset/remove",
        "List events of removed assets within `fromDateTime`..`toDateTime`.",
    ),
    typed(
        "analytics.asset_events",
        "/v7/analytics/api/v1/asset/{assetId}",
        "List every event of one asset (`assetId`): views, downloads, creation, archive, removal.",
    )
    .ids(&[cf("assetId")]),
    typed(
        "analytics.search_executions",
        "/v7/analytics/api/v1/search/executions",
        "List search executions: `terms`, `filters`, `operator`, `sortOrder` and `results`.",
    ),
    typed(
        "analytics.search_keywords",
        "/v7/analytics/api/v1/search/keyword",
        "List keyword searches with result counts per kind (deprecated: use search executions).",
    ),
    csv(
        "analytics.search_keywords_csv",
        "/v7/analytics/api/v1/search/keyword.csv",
        "List keyword searches as CSV text, one page per call (deprecated).",
    ),
    typed(
        "analytics.user_logins",
        "/v7/analytics/api/v1/user/login",
        "List user login events within `fromDateTime`..`toDateTime`.",
    ),
    typed(
        "analytics.user_events",
        "/v7/analytics/api/v1/user/{userId}",
        "List every event triggered by one user (`userId`).",
    )
    .ids(&[cf("userId")]),
    typed(
        "analytics.collection_views",
        "/v7/analytics/api/v1/collection/views",
        "List collection view events: `collectionId`, `isOwner`, `viewOrigin` (internal, embed).",
    ),
    csv(
        "analytics.collection_views_csv",
        "/v7/analytics/api/v1/collection/views.csv",
        "List collection view events as CSV text, one page per call.",
    ),
    Operation::new(
        "analytics.asset_reports",
        Get,
        "/v7/analytics/api/v1/report/asset",
    )
    .doc("Report every asset with its metadata; filter by `fromDateCreated`, `toDateModified`...")
    .params(&[
        "limit",
        "cursor",
        "fromDateCreated",
        "toDateCreated",
        "fromDateModified",
        "toDateModified",
    ])
    .scopes(&[AnalyticsApiRead])
    .paging(NEXT)
    .returns(List("AssetReport"))
    .yields("AssetReport"),
    Operation::new(
        "analytics.asset_report",
        Get,
        "/v7/analytics/api/v1/report/asset/{assetId}",
    )
    .doc("Report one asset (`assetId`) with its metadata, removed or not.")
    .ids(&[cf("assetId")])
    .scopes(&[AnalyticsApiRead])
    .returns(One("AssetReport")),
    Operation::new(
        "analytics.historical_csv",
        Get,
        "/v7/analytics/api/v1/historical/{year}.csv",
    )
    .doc("Get the events of one `year` beyond the 12-month retention, as CSV text.")
    .ids(&[opaque("year")])
    .scopes(&[AnalyticsApiRead])
    .returns(One("PlainText")),
];
