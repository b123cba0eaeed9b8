//! The shapes analytics events are answered in: JSON per the definitions' schemas and
//! examples, and CSV rows. They live beside [`Event`] because the handlers cannot name it.

use serde_json::{Value, json};

use super::{Detail, Event};
use crate::store::Time;

/// The header of `search/keyword.csv`.
pub const KEYWORD_CSV_HEADER: &str = "id,eventType,userId,dateTime,keyword,totalResults,\
tagsResults,assetsResults,documentsResults,guidelinesResults,collectionsResults,\
metapropertiesResults,collectionAssetsResults,workflowCampaignsResults,brandstoreProductsResults";

/// The header of `collection/views.csv`.
pub const COLLECTION_CSV_HEADER: &str = "eventId,collectionId,eventType,dateTime,userId,isOwner,viewOrigin,ipAddress,userAgent,isBynderSupport";

/// Analytics dates: `2021-11-15T10:07:57.781+00:00`.
pub fn analytics_date(t: Time) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.3f+00:00").to_string()
}

/// One CSV field, quoted when it must be (RFC 4180), or always when `quote_all`.
fn field(text: &str, quote_all: bool) -> String {
    if quote_all || text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn row(fields: &[String], quote_empty: bool) -> String {
    let cells: Vec<String> = fields
        .iter()
        .map(|f| field(f, quote_empty && f.is_empty()))
        .collect();
    cells.join(",")
}

impl Event {
    /// The v1 row (`id`, `eventType`, `userId`, `dateTime`, ...), or `None` for events only
    /// the v2-style endpoints answer (search executions, collection views).
    pub fn v1_json(&self) -> Option<Value> {
        let mut out = json!({
            "id": self.id,
            "eventType": self.v1_type(),
            "userId": self.user_id,
            "dateTime": analytics_date(self.time),
        });
        match &self.detail {
            Detail::Login => {}
            Detail::Keyword {
                keyword,
                assets,
                tags,
                collections,
            } => {
                let extra = json!({
                    "keyword": keyword,
                    "totalResults": assets + tags + collections,
                    "tagsResults": tags,
                    "assetsResults": assets,
                    "documentsResults": 0,
                    "guidelinesResults": 0,
                    "collectionsResults": collections,
                    "metapropertiesResults": 0,
                    "collectionAssetsResults": 0,
                    "workflowCampaignsResults": 0,
                    "brandstoreProductsResults": 0,
                });
                merge(&mut out, extra);
            }
            Detail::Search { .. } | Detail::CollectionView { .. } => return None,
            _ => {
                let asset = self.asset()?;
                merge(
                    &mut out,
                    json!({
                        "assetId": asset.id,
                        "assetType": asset.kind,
                        "assetName": asset.name,
                        "assetAudit": "ACCEPTED",
                        "fileName": format!("{}___{}", asset.id, asset.name),
                    }),
                );
                if let Detail::AssetDownload {
                    item_id, item_type, ..
                } = &self.detail
                {
                    merge(
                        &mut out,
                        json!({"mediaItemId": item_id, "mediaItemType": item_type}),
                    );
                }
            }
        }
        Some(out)
    }

    /// `GET /api/v2/asset/views` row.
    pub fn view_v2_json(&self) -> Value {
        json!({
            "eventId": self.event_id,
            "eventType": "AssetViewed",
            "userId": self.user_id,
            "dateTime": analytics_date(self.time),
            "assetId": self.asset().map(|a| a.id.clone()).unwrap_or_default(),
        })
    }

    /// `GET /api/v1/asset/v2/download` row.
    pub fn download_v2_json(&self) -> Value {
        let reasons = match &self.detail {
            Detail::AssetDownload { reasons, .. } => reasons.clone(),
            _ => Vec::new(),
        };
        json!({
            "eventId": self.event_id,
            "eventType": "AssetDownloadRequested",
            "dateTime": analytics_date(self.time),
            "userId": self.user_id,
            "assetId": self.asset().map(|a| a.id.clone()).unwrap_or_default(),
            "downloadReasons": reasons,
        })
    }

    /// `GET /api/v1/search/executions` row (`Null` for other events).
    pub fn search_json(&self) -> Value {
        let Detail::Search {
            terms,
            filters,
            operator,
            sort_field,
            sort_order,
            assets,
        } = &self.detail
        else {
            return Value::Null;
        };
        let filters: Vec<Value> = filters
            .iter()
            .map(|(field, value)| json!({"field": field, "value": value}))
            .collect();
        json!({
            "eventId": self.event_id,
            "eventType": "SearchExecuted",
            "dateTime": analytics_date(self.time),
            "userId": self.user_id,
            "terms": terms,
            "filters": filters,
            "operator": operator,
            "sortOrder": {"field": sort_field, "order": sort_order},
            "results": {"assets": assets},
        })
    }

    /// `GET /api/v1/collection/views` row (`Null` for other events).
    pub fn collection_view_json(&self) -> Value {
        let Detail::CollectionView {
            collection_id,
            is_owner,
            origin,
            ip,
            user_agent,
        } = &self.detail
        else {
            return Value::Null;
        };
        json!({
            "eventId": self.event_id,
            "collectionId": collection_id,
            "eventType": "CollectionViewed",
            "dateTime": analytics_date(self.time),
            "userId": self.user_id,
            "isOwner": is_owner,
            "viewOrigin": origin,
            "ipAddress": ip,
            "userAgent": user_agent,
            "isBynderSupport": false,
        })
    }

    /// A `search/keyword.csv` line (dates as Unix milliseconds, as the example shows).
    pub fn keyword_csv(&self) -> Option<String> {
        if !matches!(self.detail, Detail::Keyword { .. }) {
            return None;
        }
        let v = self.v1_json()?;
        let text = |key: &str| match &v[key] {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let mut fields = vec![
            text("id"),
            text("eventType"),
            text("userId"),
            self.time.timestamp_millis().to_string(),
        ];
        fields.extend(KEYWORD_CSV_HEADER.split(',').skip(4).map(text));
        Some(row(&fields, false))
    }

    /// A `collection/views.csv` line.
    pub fn collection_view_csv(&self) -> Option<String> {
        let v = self.collection_view_json();
        let Value::Object(map) = v else {
            return None;
        };
        let fields: Vec<String> = COLLECTION_CSV_HEADER
            .split(',')
            .map(|key| match map.get(key) {
                Some(Value::String(s)) => s.clone(),
                Some(other) => other.to_string(),
                None => String::new(),
            })
            .collect();
        Some(row(&fields, false))
    }

    /// A `historical/{year}.csv` line: 17 columns, no header, empty cells as `""` (the
    /// definitions' example): event type, time, user, asset id, name, type, audit, file name,
    /// media item id and type, collection id, search terms, filters, operator, sort order,
    /// result count, keyword.
    pub fn historical_csv(&self) -> String {
        let mut fields = vec![String::new(); 17];
        fields[0] = self.v1_type().to_string();
        fields[1] = self.time.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string();
        fields[2] = self.user_id.clone();
        if let Some(asset) = self.asset() {
            fields[3] = asset.id.clone();
            fields[4] = asset.name.clone();
            fields[5] = asset.kind.clone();
            fields[6] = "ACCEPTED".to_string();
            fields[7] = format!("{}___{}", asset.id, asset.name);
        }
        match &self.detail {
            Detail::AssetDownload {
                item_id, item_type, ..
            } => {
                fields[8] = item_id.clone();
                fields[9] = item_type.clone();
            }
            Detail::CollectionView { collection_id, .. } => fields[10] = collection_id.clone(),
            Detail::Search {
                terms,
                filters,
                operator,
                sort_field,
                sort_order,
                assets,
            } => {
                fields[11] = format!("[{}]", terms.join(";"));
                let filters: Vec<String> =
                    filters.iter().map(|(f, v)| format!("{f}={v}")).collect();
                fields[12] = format!("[{}]", filters.join(";"));
                fields[13] = operator.clone();
                fields[14] = format!("{sort_field} {sort_order}");
                fields[15] = format!("{{{assets}}}");
            }
            Detail::Keyword { keyword, .. } => fields[16] = keyword.clone(),
            _ => {}
        }
        row(&fields, true)
    }
}

fn merge(into: &mut Value, extra: Value) {
    if let (Value::Object(into), Value::Object(extra)) = (into, extra) {
        into.extend(extra);
    }
}
