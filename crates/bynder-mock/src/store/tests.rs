//! The seeded state: deterministic, complete and consistent.

use super::*;

#[test]
fn the_same_seed_gives_the_same_portal() {
    let a = Store::seeded(9);
    let b = Store::seeded(9);
    assert_eq!(a.asset_ids(), b.asset_ids());
    assert_eq!(a.collection_ids(), b.collection_ids());
    assert_eq!(a.metaproperties(), b.metaproperties());
    assert_eq!(a.asset(&a.asset_ids()[17]), b.asset(&b.asset_ids()[17]));
    let c = Store::seeded(10);
    assert_ne!(a.asset_ids(), c.asset_ids());
    assert_eq!(c.current_user_id(), CURRENT_USER_ID);
}

#[test]
fn a_portal_can_hold_more_assets_and_keeps_them_unique() {
    let store = Store::with_uploads(1, 1000, Uploads::default());
    let ids = store.asset_ids();
    assert_eq!(ids.len(), 1000);
    assert_eq!(
        ids.iter().collect::<std::collections::BTreeSet<_>>().len(),
        1000
    );
    assert_eq!(
        ids[..10],
        Store::seeded(1).asset_ids()[..10],
        "the first ones as seeded"
    );
}

#[test]
fn seeded_counts_match_the_portal_plan() {
    let store = Store::seeded(1);
    assert_eq!(store.asset_ids().len(), 300);
    assert_eq!(store.brand_ids().len(), 3);
    assert!(
        store
            .brands()
            .iter()
            .all(|b| (1..=3).contains(&b.sub_brands.len()))
    );
    assert_eq!(store.metaproperty_ids().len(), 6);
    assert_eq!(store.collection_ids().len(), 8);
    assert_eq!(store.smartfilter_ids().len(), 4);
    assert_eq!(store.profile_ids().len(), 3);
    assert_eq!(store.tags().len(), 25);
    assert!(store.user_ids().len() >= 4);
    assert_eq!(store.user_ids()[0], store.current_user_id());
    assert!(store.recently_removed().is_empty());
    store.read(|s| assert_eq!(s.derivatives.len(), 3));
}

#[test]
fn every_id_is_coldfusion_form_and_unique() {
    let store = Store::seeded(2);
    let mut all: Vec<String> = store.asset_ids();
    all.extend(store.brand_ids());
    all.extend(store.collection_ids());
    all.extend(store.metaproperty_ids());
    for mp in store.metaproperty_ids() {
        all.extend(store.option_ids(&mp));
    }
    all.extend(store.profile_ids());
    all.extend(store.tags().into_iter().map(|(id, _)| id));
    store.read(|s| {
        all.extend(
            s.assets
                .iter()
                .flat_map(|a| a.items.iter().map(|i| i.id.clone())),
        )
    });
    assert!(
        all.iter()
            .all(|id| is_cf_id(id) && *id == id.to_ascii_uppercase()),
        "bad id"
    );
    let count = all.len();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), count, "ids repeat");
}

#[test]
fn assets_are_varied_and_consistent() {
    let store = Store::seeded(3);
    store.read(|s| {
        for kind in ["image", "document", "video", "audio"] {
            assert!(s.assets.iter().any(|a| a.kind == kind), "no {kind}");
        }
        for orientation in ["landscape", "portrait", "square"] {
            assert!(
                s.assets.iter().any(|a| a.orientation() == orientation),
                "no {orientation}"
            );
        }
        let years: std::collections::BTreeSet<i32> = s
            .assets
            .iter()
            .map(|a| chrono::Datelike::year(&a.date_created))
            .collect();
        assert!(
            years.len() >= 8,
            "dates should spread over years: {years:?}"
        );
        assert!(s.assets.iter().any(|a| a.archive) && s.assets.iter().any(|a| !a.archive));
        assert!(s.assets.iter().any(|a| a.limited) && s.assets.iter().any(|a| a.is_public));
        for asset in &s.assets {
            assert!(s.has_brand(&asset.brand_id));
            assert!(asset.date_modified >= asset.date_created);
            assert!(asset.option_ids.iter().all(|o| s.option(o).is_some()));
            assert!(
                asset
                    .tags
                    .iter()
                    .all(|t| s.tags.iter().any(|tag| &tag.name == t))
            );
            assert_eq!(
                asset
                    .items
                    .iter()
                    .filter(|i| i.kind == "original" && i.active)
                    .count(),
                1
            );
            if let Some(sub) = &asset.sub_brand_id {
                let brand = s.brands.iter().find(|b| b.id == asset.brand_id).unwrap();
                assert!(brand.sub_brands.iter().any(|b| &b.id == sub));
            }
        }
        for collection in &s.collections {
            assert!(!collection.media.is_empty());
            assert!(collection.media.iter().all(|m| s.asset(m).is_some()));
        }
    });
}

#[test]
fn lookups_accept_any_case_and_both_uuid_forms() {
    let store = Store::seeded(4);
    let id = store.asset_ids()[0].clone();
    let lower = id.to_lowercase();
    let rfc = format!("{}-{}", &lower[..23], &lower[23..]);
    assert_eq!(store.asset(&lower).unwrap().id, id);
    assert_eq!(store.asset(&rfc).unwrap().id, id);
    assert!(store.asset("00000000-0000-0000-0000000000000000").is_none());
}

#[test]
fn download_signatures_depend_on_every_part() {
    let store = Store::seeded(5);
    let signature = store.read(|s| s.download_signature("A", "B", 100));
    assert!(store.verify_download("A", "B", 100, &signature));
    assert!(!store.verify_download("A", "C", 100, &signature));
    assert!(!store.verify_download("X", "B", 100, &signature));
    let other = Store::seeded(6);
    assert!(
        !other.verify_download("A", "B", 100, &signature),
        "the key comes from the seed"
    );
}
