//! Assets held in antivirus quarantine (`/v7/quarantine/v1`, `reference/bynder-api.md`
//! §5.11). Every id is RFC 4122, lower case.

use chrono::{TimeZone, Utc};

use super::model::Time;

/// The account id the quarantine service answers.
pub const QUARANTINE_ACCOUNT: &str = "9c06c1e3-f0cb-427a-88f0-a545c475047f";

/// The quarantine ids of the seeded records, in order.
pub const QUARANTINE_IDS: &[&str] = &[
    "a69f3104-0107-48af-a522-b437cd700b34",
    "d2e4f6a8-1b3c-4d5e-8f70-91a2b3c4d5e6",
];

/// One quarantined upload and its review.
#[derive(Debug, Clone, PartialEq)]
pub struct Quarantined {
    /// Quarantine record id.
    pub id: String,
    /// The asset the upload was to become.
    pub asset_id: String,
    /// Its file name.
    pub asset_name: String,
    /// Who uploaded it.
    pub requester_id: String,
    /// `PENDING`, `CLEARED`, `INFECTED` or `SKIPPED`.
    pub scan_status: String,
    /// Why the scan failed, if it did.
    pub scan_failure_reason: Option<String>,
    /// `APPROVED` or `REJECTED` once reviewed.
    pub review_status: Option<String>,
    /// Who reviewed it.
    pub reviewed_by_id: Option<String>,
    /// File type and size the scan saw.
    pub file_type: String,
    /// Size in bytes.
    pub file_size: u64,
    /// Added to quarantine.
    pub date_added: Time,
    /// Last change (scan or review).
    pub date_modified: Time,
}

/// Two records: one infected file awaiting review, one the scanner skipped.
pub fn seeded(requester_id: &str) -> Vec<Quarantined> {
    let at = |d, h| {
        Utc.with_ymd_and_hms(2024, 6, d, h, 42, 2)
            .single()
            .unwrap_or_default()
    };
    vec![
        Quarantined {
            id: QUARANTINE_IDS[0].to_string(),
            asset_id: "5c554910-11f4-49a3-b7bf-04c21c99af05".to_string(),
            asset_name: "invoice-scan.pdf".to_string(),
            requester_id: requester_id.to_string(),
            scan_status: "INFECTED".to_string(),
            scan_failure_reason: None,
            review_status: None,
            reviewed_by_id: None,
            file_type: "application/pdf".to_string(),
            file_size: 48_213,
            date_added: at(28, 10),
            date_modified: at(28, 10),
        },
        Quarantined {
            id: QUARANTINE_IDS[1].to_string(),
            asset_id: "0e7d9c8b-6a5f-4e3d-9c2b-1a0f9e8d7c6b".to_string(),
            asset_name: "archive.zip".to_string(),
            requester_id: requester_id.to_string(),
            scan_status: "SKIPPED".to_string(),
            scan_failure_reason: Some("client_error".to_string()),
            review_status: None,
            reviewed_by_id: None,
            file_type: "None".to_string(),
            file_size: 0,
            date_added: at(29, 9),
            date_modified: at(29, 9),
        },
    ]
}
