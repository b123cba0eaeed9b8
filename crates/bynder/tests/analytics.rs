//! The analytics operations through `Client::call`, against the mock over HTTP: cursor paging
//! through the `Next-Cursor` header (by hand and with the core's pager), date ranges, CSV
//! answers, events that follow the portal's state (a deleted, archived or uploaded asset shows
//! at once), reports that follow edits, Bynder's 404s and 400s, and the scope check.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

mod common;

use std::collections::HashSet;

use bynder::transfer::UploadSource;
use bynder::{Client, ErrorKind, Scope};
use futures::StreamExt;
use serde_json::{Value, json};

use common::*;

/// A client whose token carries the analytics scope (and asset rights to change assets).
fn analyst(portal: &bynder_mock::MockPortal) -> Client {
    let config = portal.config();
    builder(portal)
        .client_credentials(
            config.client_id.as_str(),
            config.client_secret.as_str(),
            &[Scope::AnalyticsApiRead, Scope::AssetRead, Scope::AssetWrite],
        )
        .build()
        .unwrap()
}

fn rows(value: &Value) -> &Vec<Value> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("not a list: {value}"))
}

/// Every item of a paged operation, through the core's pager.
async fn all(client: &Client, op: &str, params: Value) -> Vec<Value> {
    let op = bynder::ops::find(op).unwrap();
    let items: Vec<_> = bynder::paging::items(client, op, params).collect().await;
    items.into_iter().map(Result::unwrap).collect()
}

fn text<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} missing in {v}"))
}

#[tokio::test]
async fn views_page_by_the_next_cursor_header() {
    let portal = portal().await;
    let client = permanent(&portal);
    let first = client
        .call_raw("analytics.asset_views", json!({"limit": 400}))
        .await
        .unwrap();
    let page = rows(&first.body);
    assert_eq!(page.len(), 400);
    assert_eq!(
        first.header("Next-Cursor"),
        Some("400"),
        "v2 cursors are integers"
    );
    assert_eq!(
        first.header("Next-Url"),
        Some("/api/v2/asset/views?limit=400&cursor=400")
    );
    let second = client
        .call(
            "analytics.asset_views",
            json!({"limit": 400, "cursor": 400}),
        )
        .await
        .unwrap();
    assert_ne!(rows(&second)[0]["eventId"], page[0]["eventId"]);

    // The pager follows the header to the end and meets every event once, oldest first.
    let every = all(&client, "analytics.asset_views", json!({"limit": 700})).await;
    let ids: HashSet<&str> = every.iter().map(|e| text(e, "eventId")).collect();
    assert_eq!(ids.len(), every.len(), "no event twice");
    let times: Vec<&str> = every.iter().map(|e| text(e, "dateTime")).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "oldest first");
    // The same views in the v1 shape, in one page of the largest limit (no next cursor).
    let v1 = client
        .call_raw("analytics.asset_views_v1", json!({"limit": 10000}))
        .await
        .unwrap();
    assert_eq!(v1.header("Next-Cursor"), None);
    assert_eq!(rows(&v1.body).len(), every.len());

    // Events name assets and users the portal has.
    let assets: HashSet<String> = portal.store().asset_ids().into_iter().collect();
    let users: HashSet<String> = portal.store().user_ids().into_iter().collect();
    for e in &every {
        assert_eq!(e["eventType"], "AssetViewed");
        assert!(assets.contains(text(e, "assetId")), "{e}");
        assert!(users.contains(text(e, "userId")), "{e}");
        assert!(bynder::id::BynderId::parse(text(e, "eventId")).is_ok());
    }
}

#[tokio::test]
async fn v1_cursors_are_base64_offsets_and_downloads_match_between_versions() {
    let portal = portal().await;
    let client = permanent(&portal);
    let first = client
        .call_raw("analytics.asset_downloads_v1", json!({"limit": 100}))
        .await
        .unwrap();
    assert_eq!(first.header("Next-Cursor"), Some("MTAw"), "base64 of 100");
    let by_hand = client
        .call(
            "analytics.asset_downloads_v1",
            json!({"limit": 100, "cursor": "MTAw"}),
        )
        .await
        .unwrap();
    let v1 = all(
        &client,
        "analytics.asset_downloads_v1",
        json!({"limit": 250}),
    )
    .await;
    assert_eq!(rows(&by_hand)[0], v1[100]);
    for e in &v1 {
        assert_eq!(e["eventType"], "asset.download");
        assert!(
            ["original", "web"].contains(&text(e, "mediaItemType")),
            "{e}"
        );
        assert_eq!(
            text(e, "fileName"),
            format!("{}___{}", text(e, "assetId"), text(e, "assetName"))
        );
        assert_eq!(e["assetAudit"], "ACCEPTED");
    }
    let v2 = all(&client, "analytics.asset_downloads", json!({})).await;
    assert_eq!(v2.len(), v1.len());
    for (old, new) in v1.iter().zip(&v2) {
        assert_eq!(new["eventType"], "AssetDownloadRequested");
        assert_eq!(old["assetId"], new["assetId"]);
        assert_eq!(old["dateTime"], new["dateTime"]);
        assert!(new["downloadReasons"].is_array());
    }
}

#[tokio::test]
async fn the_date_range_bounds_the_events() {
    let portal = portal().await;
    let client = permanent(&portal);
    let logins = all(&client, "analytics.user_logins", json!({})).await;
    assert!(logins.len() > 100);
    let from = text(&logins[20], "dateTime").to_string();
    let to = text(&logins[80], "dateTime").to_string();
    let window = client
        .call(
            "analytics.user_logins",
            json!({"from_date_time": from, "to_date_time": to}),
        )
        .await
        .unwrap();
    let expected: Vec<&Value> = logins
        .iter()
        .filter(|e| text(e, "dateTime") >= from.as_str() && text(e, "dateTime") <= to.as_str())
        .collect();
    assert_eq!(rows(&window).iter().collect::<Vec<_>>(), expected);
    // Minutes without seconds, as the definitions allow, are read as UTC.
    let minutes = &from[..16];
    let since = client
        .call("analytics.user_logins", json!({"fromDateTime": minutes}))
        .await
        .unwrap();
    assert!(
        rows(&since)
            .iter()
            .all(|e| &text(e, "dateTime")[..16] >= minutes)
    );
    let users: HashSet<String> = portal.store().user_ids().into_iter().collect();
    assert!(logins.iter().all(|e| users.contains(text(e, "userId"))));
    assert!(logins.iter().all(|e| e["eventType"] == "user.login"));
}

#[tokio::test]
async fn bad_parameters_are_400s_that_say_what_was_wrong() {
    let portal = portal().await;
    let client = permanent(&portal);
    let cases = [
        (json!({"limit": 0}), "limit"),
        (json!({"limit": 10001}), "limit"),
        (json!({"cursor": "not base64!"}), "cursor"),
        (json!({"fromDateTime": "yesterday"}), "fromDateTime"),
        (
            json!({"fromDateTime": "2024-02-01T00:00", "toDateTime": "2024-01-01T00:00"}),
            "fromDateTime",
        ),
    ];
    for (params, word) in cases {
        let err = client
            .call("analytics.asset_creations", params.clone())
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Validation, "{params}");
        assert_eq!(err.status(), Some(400));
        assert!(err.message().contains(word), "{params}: {}", err.message());
    }
    // v2 cursors are integers: the client refuses text itself; sent anyway, the portal does.
    let err = client
        .call("analytics.asset_views", json!({"cursor": "MA"}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidArgument, "{err}");
    let unchecked = unchecked(&portal);
    let err = unchecked
        .call("analytics.asset_views", json!({"cursor": "MA"}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation, "v2 cursors are integers");
    // A malformed id is refused before any request.
    let err = client
        .call("analytics.asset_events", json!({"asset_id": "nope"}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidId);
}

#[tokio::test]
async fn deleting_archiving_and_uploading_assets_show_as_events() {
    let portal = portal().await;
    let client = analyst(&portal);
    let assets = portal.store().asset_ids();
    assert!(
        all(&client, "analytics.asset_removals", json!({}))
            .await
            .is_empty()
    );

    client
        .call("media.delete", json!({"id": assets[3]}))
        .await
        .unwrap();
    let removals = all(&client, "analytics.asset_removals", json!({})).await;
    assert_eq!(removals.len(), 1);
    assert_eq!(removals[0]["assetId"], assets[3].as_str());
    assert_eq!(removals[0]["eventType"], "asset.remove");
    assert_eq!(
        removals[0]["userId"],
        portal.store().current_user_id().as_str()
    );
    // The asset's own history now ends with its removal, in any id form.
    let rfc = bynder::id::BynderId::parse(&assets[3])
        .unwrap()
        .to_rfc4122();
    let history = client
        .call("analytics.asset_events", json!({"assetId": rfc}))
        .await
        .unwrap();
    assert_eq!(rows(&history).last().unwrap()["eventType"], "asset.remove");
    assert!(
        rows(&history)
            .iter()
            .all(|e| e["assetId"] == assets[3].as_str())
    );

    let live = assets
        .iter()
        .find(|id| !portal.store().asset(id).unwrap().archive)
        .unwrap();
    let archived_before = all(&client, "analytics.asset_archives", json!({})).await;
    client
        .call("media.modify", json!({"id": live, "archive": true}))
        .await
        .unwrap();
    let archived = all(&client, "analytics.asset_archives", json!({})).await;
    assert_eq!(archived.len(), archived_before.len() + 1);
    assert_eq!(archived.last().unwrap()["assetId"], live.as_str());

    let brand = portal.store().brand_ids()[0].clone();
    let saved = client
        .upload(UploadSource::bytes(vec![7u8; 2048], "analytics.png"))
        .brand(brand)
        .name("Tracked upload")
        .send()
        .await
        .unwrap();
    let created = all(&client, "analytics.asset_creations", json!({})).await;
    let saved_id = bynder::id::BynderId::parse(&saved.media_id)
        .unwrap()
        .to_coldfusion();
    let mine: Vec<&Value> = created
        .iter()
        .filter(|e| e["assetId"] == saved_id.as_str())
        .collect();
    assert_eq!(mine.len(), 1, "the upload is one creation event");
    assert_eq!(mine[0]["assetName"], "Tracked upload");
    assert_eq!(mine[0]["assetType"], "image");
}

#[tokio::test]
async fn asset_and_user_histories_and_their_404s() {
    let portal = portal().await;
    let client = permanent(&portal);
    let me = portal.store().current_user_id();
    let mine = all(&client, "analytics.user_events", json!({"userId": me})).await;
    assert!(!mine.is_empty());
    assert!(mine.iter().all(|e| e["userId"] == me.as_str()));
    let kinds: HashSet<&str> = mine.iter().map(|e| text(e, "eventType")).collect();
    assert!(
        kinds.contains("asset.view") && kinds.contains("user.login"),
        "{kinds:?}"
    );

    // An asset someone viewed has that view in its history.
    let views = client
        .call("analytics.asset_views_v1", json!({"limit": 10}))
        .await
        .unwrap();
    let view = &rows(&views)[0];
    let history = all(
        &client,
        "analytics.asset_events",
        json!({"assetId": text(view, "assetId")}),
    )
    .await;
    assert!(history.contains(view), "{view}");

    let stranger = bynder::id::BynderId::new_random().to_coldfusion();
    for (op, key) in [
        ("analytics.asset_events", "assetId"),
        ("analytics.user_events", "userId"),
        ("analytics.asset_report", "assetId"),
    ] {
        let mut params = serde_json::Map::new();
        params.insert(key.to_string(), json!(stranger));
        let err = client.call(op, Value::Object(params)).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotFound, "{op}");
        assert!(
            err.message().ends_with("not found"),
            "{op}: {}",
            err.message()
        );
    }
}

#[tokio::test]
async fn search_events_agree_with_the_portal() {
    let portal = portal().await;
    let client = permanent(&portal);
    let searches = all(&client, "analytics.search_executions", json!({})).await;
    assert!(!searches.is_empty());
    for search in searches.iter().take(5) {
        assert_eq!(search["eventType"], "SearchExecuted");
        let term = search["terms"][0].as_str().unwrap();
        // The result count is what a tag search finds in the (unchanged) portal.
        let found = client
            .call(
                "media.list",
                json!({"tags": term, "total": true, "limit": 1}),
            )
            .await
            .unwrap();
        assert_eq!(
            search["results"]["assets"], found["total"]["count"],
            "{term}"
        );
        assert!(["asc", "desc"].contains(&search["sortOrder"]["order"].as_str().unwrap()));
    }

    let keywords = client
        .call("analytics.search_keywords", json!({"limit": 30}))
        .await
        .unwrap();
    let csv = client
        .call("analytics.search_keywords_csv", json!({"limit": 30}))
        .await
        .unwrap();
    let csv = csv.as_str().expect("CSV comes back as text");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "id,eventType,userId,dateTime,keyword,totalResults,tagsResults,assetsResults,\
         documentsResults,guidelinesResults,collectionsResults,metapropertiesResults,\
         collectionAssetsResults,workflowCampaignsResults,brandstoreProductsResults"
    );
    assert_eq!(lines.len() - 1, rows(&keywords).len());
    for (line, row) in lines[1..].iter().zip(rows(&keywords)) {
        let cells: Vec<&str> = line.split(',').collect();
        assert_eq!(cells[0], text(row, "id"));
        assert_eq!(cells[4], text(row, "keyword"));
        assert_eq!(cells[5], row["totalResults"].to_string());
    }
}

#[tokio::test]
async fn collection_views_in_json_and_csv_pages() {
    let portal = portal().await;
    let client = permanent(&portal);
    let views = all(&client, "analytics.collection_views", json!({})).await;
    let collections: HashSet<String> = portal.store().collection_ids().into_iter().collect();
    for view in &views {
        assert!(collections.contains(text(view, "collectionId")));
        let embedded = view["viewOrigin"] == "embed";
        assert_eq!(embedded, view["userId"] == "", "{view}");
        assert_eq!(view["isBynderSupport"], false);
    }
    // The CSV pages too: each page is one CSV text with its header line.
    let op = bynder::ops::find("analytics.collection_views_csv").unwrap();
    let pages: Vec<_> = bynder::paging::pages(&client, op, json!({"limit": 120}))
        .collect()
        .await;
    let mut lines = 0;
    for page in pages {
        let page = page.unwrap();
        let csv = page.items[0].as_str().unwrap();
        assert!(csv.starts_with("eventId,collectionId,eventType,dateTime,userId,"));
        lines += csv.lines().count() - 1;
    }
    assert_eq!(lines, views.len());
}

#[tokio::test]
async fn reports_cover_every_asset_and_follow_edits() {
    let portal = portal().await;
    let client = analyst(&portal);
    let reports = all(&client, "analytics.asset_reports", json!({"limit": 120})).await;
    let ids: HashSet<&str> = reports.iter().map(|r| text(r, "assetId")).collect();
    let assets = portal.store().asset_ids();
    assert_eq!(ids, assets.iter().map(String::as_str).collect());

    let id = &assets[10];
    client
        .call(
            "media.modify",
            json!({"id": id, "name": "Renamed for the report"}),
        )
        .await
        .unwrap();
    let report = client
        .call("analytics.asset_report", json!({"asset_id": id}))
        .await
        .unwrap();
    assert_eq!(report["name"], "Renamed for the report");
    assert_eq!(report["isRemoved"], false);
    assert!(report["metaproperties"].is_object());
    let recent = client
        .call(
            "analytics.asset_reports",
            json!({"fromDateModified": text(&report, "dateModified")}),
        )
        .await
        .unwrap();
    assert!(rows(&recent).iter().any(|r| r["assetId"] == id.as_str()));
    assert!(
        rows(&recent)
            .iter()
            .all(|r| text(r, "dateModified") >= text(&report, "dateModified"))
    );

    client
        .call("media.delete", json!({"id": id}))
        .await
        .unwrap();
    let removed = client
        .call("analytics.asset_report", json!({"asset_id": id}))
        .await
        .unwrap();
    assert_eq!(removed["isRemoved"], true);
    assert!(removed["dateRemoved"].is_string());
}

#[tokio::test]
async fn historical_csv_holds_events_beyond_the_retention() {
    let portal = portal().await;
    let client = permanent(&portal);
    let reports = all(&client, "analytics.asset_reports", json!({})).await;
    let oldest = reports.first().unwrap();
    let year = &text(oldest, "dateCreated")[..4];
    let csv = client
        .call("analytics.historical_csv", json!({"year": year}))
        .await
        .unwrap();
    let csv = csv.as_str().unwrap();
    let line = csv
        .lines()
        .find(|l| l.contains(text(oldest, "assetId")))
        .unwrap_or_else(|| panic!("no line for {oldest}"));
    assert!(line.starts_with(&format!("asset.create,{year}-")), "{line}");
    assert!(csv.lines().all(|l| l.split(',').count() >= 17));

    let err = client
        .call("analytics.historical_csv", json!({"year": "1999"}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    let err = client
        .call("analytics.historical_csv", json!({"year": "20x2"}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
}

#[tokio::test]
async fn tokens_without_the_analytics_scope_are_refused() {
    let portal = portal().await;
    assert!(!SCOPES.contains(&Scope::AnalyticsApiRead));
    let client = client_credentials(&portal);
    for op in [
        "analytics.asset_views",
        "analytics.search_keywords_csv",
        "analytics.asset_reports",
    ] {
        let err = client.call(op, json!({})).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Forbidden, "{op}");
        assert_eq!(err.message(), "Access denied");
    }
    let reader = analyst(&portal);
    assert!(
        !reader
            .call("analytics.asset_views", json!({"limit": 1}))
            .await
            .unwrap()
            .as_array()
            .unwrap()
            .is_empty()
    );
}
