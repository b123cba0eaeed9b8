//! Identifiers over real HTTP: either form works, garbage never leaves the process.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

mod common;

use bynder::ErrorKind;
use bynder::id::BynderId;
use common::*;

#[tokio::test]
async fn an_rfc_4122_id_reaches_a_v4_path_in_coldfusion_form() {
    let portal = portal().await;
    let client = permanent(&portal);
    let cf = portal.store().asset_ids()[0].clone();
    let rfc = BynderId::parse(&cf).unwrap().to_rfc4122();
    assert_ne!(rfc, cf);
    assert_eq!(client.media().get(&rfc, false).await.unwrap().id, cf);
}

#[tokio::test]
async fn garbage_ids_are_rejected_before_any_request() {
    let portal = portal().await;
    let client = permanent(&portal);
    for bad in [
        "",
        "123",
        "../account",
        "00B627BB-8054-44C0-A343FCF40BC790CZ",
        "ＡＢＣ",
    ] {
        let err = client.media().get(bad, false).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidId, "{bad:?}: {err}");
    }
    assert_eq!(portal.stats().requests, 0, "nothing was sent");
}
