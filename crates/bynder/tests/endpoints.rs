//! Every operation of this groups, through the typed API, against the mock over HTTP.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

mod common;

use futures::StreamExt;
use serde_json::json;

use bynder::ErrorKind;
use bynder::api::{
    CollectionQuery, MediaQuery, MediaUpdate, NewCollection, OptionQuery, ShareOptions, TagQuery,
};
use common::*;

#[tokio::test]
async fn media_list_filters_and_both_total_shapes() {
    let portal = portal().await;
    let client = permanent(&portal);
    let images = client
        .media()
        .list(&MediaQuery {
            types: vec!["image".into()],
            limit: Some(20),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(images.media.len(), 20);
    assert!(
        images
            .media
            .iter()
            .all(|m| m.media_type.as_deref() == Some("image"))
    );
    assert!(images.total.is_none(), "a bare list carries no total");

    let with_total = client
        .media()
        .list(&MediaQuery {
            types: vec!["image".into()],
            total: Some(true),
            limit: Some(5),
            ..Default::default()
        })
        .await
        .unwrap();
    let total = with_total.total.expect("total=1 answers a count");
    assert!((20..300).contains(&total), "{total}");
    let with_count = client
        .media()
        .list(&MediaQuery {
            types: vec!["image".into()],
            count: Some(true),
            limit: Some(5),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        with_count.total,
        Some(total),
        "count=1 answers the same total"
    );

    let brand = portal.store().brand_ids()[0].clone();
    let by_brand = client
        .media()
        .list(&MediaQuery {
            brand_id: Some(brand.clone()),
            limit: Some(1000),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(!by_brand.media.is_empty());
    assert!(
        by_brand
            .media
            .iter()
            .all(|m| m.brand_id.as_deref() == Some(brand.as_str()))
    );
}

#[tokio::test]
async fn media_iteration_walks_every_page_once() {
    let portal = portal().await;
    let client = permanent(&portal);
    let all: Vec<_> = client
        .media()
        .iter(&MediaQuery {
            limit: Some(37),
            ..Default::default()
        })
        .collect()
        .await;
    let ids: std::collections::HashSet<String> = all.into_iter().map(|m| m.unwrap().id).collect();
    assert_eq!(ids.len(), portal.store().asset_ids().len());
    assert_eq!(
        portal.served("media.list") as usize,
        ids.len().div_ceil(37) + usize::from(ids.len() % 37 == 0)
    );
}

#[tokio::test]
async fn media_get_modify_delete_and_download_location() {
    let portal = portal().await;
    let client = permanent(&portal);
    let id = portal.store().asset_ids()[3].clone();
    let asset = client.media().get(&id.to_lowercase(), true).await.unwrap();
    assert_eq!(asset.id, id);
    assert!(!asset.media_items.is_empty(), "versions=1 adds media items");

    let mut metaproperties = std::collections::BTreeMap::new();
    let mp = client
        .metaproperties()
        .list(true)
        .await
        .unwrap()
        .into_iter()
        .find(|m| !m.options.is_empty())
        .unwrap();
    let option = mp.options[0].id.clone();
    metaproperties.insert(mp.id.clone(), vec![option.clone()]);
    let update = MediaUpdate {
        name: Some("Renamed".into()),
        tags: Some(vec!["x1".into(), "x2".into()]),
        archive: Some(true),
        metaproperties,
        ..Default::default()
    };
    client.media().modify(&id, &update).await.unwrap();
    let after = client.media().get(&id, false).await.unwrap();
    assert_eq!(after.name.as_deref(), Some("Renamed"));
    assert_eq!(after.tags, vec!["x1", "x2"]);
    assert_eq!(after.archive, Some(true));
    assert!(
        after.property_options.contains(&option),
        "{:?}",
        after.property_options
    );

    let location = client.media().download_location(&id).await.unwrap();
    assert!(
        location
            .s3_file
            .as_deref()
            .unwrap_or_default()
            .starts_with("http"),
        "{location:?}"
    );
    let item = after
        .media_items
        .first()
        .or(asset.media_items.first())
        .unwrap();
    let by_item = client
        .media()
        .item_download_location(&id, &item.id)
        .await
        .unwrap();
    assert!(by_item.s3_file.is_some());
    client
        .media()
        .version_download_location(&id, 1)
        .await
        .unwrap();

    client.media().delete(&id).await.unwrap();
    let err = client.media().get(&id, false).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert!(portal.store().recently_removed().iter().any(|r| r.id == id));
}

#[tokio::test]
async fn tags_list_add_and_remove() {
    let portal = portal().await;
    let client = permanent(&portal);
    let tags = client
        .tags()
        .list(&TagQuery {
            limit: Some(100),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(tags.len() >= 10);
    let tag = &tags[0];
    let assets = portal.store().asset_ids();
    let targets: Vec<&str> = assets.iter().take(2).map(String::as_str).collect();
    client.tags().add_to_media(&tag.id, &targets).await.unwrap();
    let name = tag.tag.clone().unwrap();
    for id in &targets {
        assert!(
            client
                .media()
                .get(id, false)
                .await
                .unwrap()
                .tags
                .contains(&name)
        );
    }
    client
        .tags()
        .remove_from_media(&tag.id, &targets[..1])
        .await
        .unwrap();
    assert!(
        !client
            .media()
            .get(targets[0], false)
            .await
            .unwrap()
            .tags
            .contains(&name)
    );
    assert!(
        client
            .media()
            .get(targets[1], false)
            .await
            .unwrap()
            .tags
            .contains(&name)
    );
}

#[tokio::test]
async fn collections_lifecycle() {
    let portal = portal().await;
    let client = permanent(&portal);
    let before = client
        .collections()
        .list(&CollectionQuery::default())
        .await
        .unwrap()
        .len();
    client
        .collections()
        .create(&NewCollection {
            name: Some("Launch kit".into()),
            description: Some("d".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    let found = client
        .collections()
        .list(&CollectionQuery {
            keyword: Some("Launch kit".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(found.len(), 1);
    let id = found[0].id.clone();
    assert_eq!(
        client
            .collections()
            .list(&CollectionQuery::default())
            .await
            .unwrap()
            .len(),
        before + 1
    );

    let assets = portal.store().asset_ids();
    let picks: Vec<&str> = assets.iter().take(3).map(String::as_str).collect();
    client.collections().add_media(&id, &picks).await.unwrap();
    assert_eq!(client.collections().media_ids(&id).await.unwrap().len(), 3);
    assert_eq!(
        client
            .collections()
            .get(&id)
            .await
            .unwrap()
            .collection_count,
        Some(3)
    );
    client
        .collections()
        .remove_media(&id, &picks[..1])
        .await
        .unwrap();
    assert_eq!(client.collections().media_ids(&id).await.unwrap().len(), 2);

    client
        .collections()
        .modify(
            &id,
            &NewCollection {
                name: Some("Launch kit v2".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(
        client.collections().get(&id).await.unwrap().name.as_deref(),
        Some("Launch kit v2")
    );
    let err = client
        .collections()
        .share(&id, &ShareOptions::default())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    assert!(err.message().contains("at least one"), "{err}");
    client
        .collections()
        .share(
            &id,
            &ShareOptions {
                recipients: vec!["a@example.com".into()],
                collection_options: Some("view".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();

    client.collections().delete(&id).await.unwrap();
    assert_eq!(
        client.collections().get(&id).await.unwrap_err().kind(),
        ErrorKind::NotFound
    );
    let err = client
        .collections()
        .create(&NewCollection::default())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
}

#[tokio::test]
async fn metaproperties_and_options() {
    let portal = portal().await;
    let client = permanent(&portal);
    let all = client.metaproperties().list(true).await.unwrap();
    assert!(all.len() >= 4);
    let mp = all.iter().find(|m| m.options.len() >= 3).unwrap();
    assert_eq!(
        client.metaproperties().get(&mp.id).await.unwrap().name,
        mp.name
    );
    let options = client
        .metaproperties()
        .options(
            &mp.id,
            &OptionQuery {
                limit: Some(2),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(options.len(), 2);
    let every: Vec<_> = client
        .metaproperties()
        .iter_options(
            &mp.id,
            &OptionQuery {
                limit: Some(2),
                ..Default::default()
            },
        )
        .collect()
        .await;
    assert_eq!(every.len(), mp.options.len());
    let ids: Vec<&str> = mp.options.iter().take(2).map(|o| o.id.as_str()).collect();
    assert_eq!(
        client
            .metaproperties()
            .options_by_ids(&ids)
            .await
            .unwrap()
            .len(),
        2
    );
}

#[tokio::test]
async fn brands_smartfilters_account_users_profiles() {
    let portal = portal().await;
    let client = permanent(&portal);
    let brands = client.brands().list().await.unwrap();
    assert_eq!(brands.len(), portal.store().brand_ids().len());
    assert!(brands.iter().any(|b| !b.sub_brands.is_empty()));
    assert!(!client.smartfilters().list().await.unwrap().is_empty());
    assert!(client.account().get().await.unwrap().name.is_some());
    assert!(!client.account().derivatives().await.unwrap().is_empty());
    assert_eq!(
        client.users().current().await.unwrap().id,
        portal.store().current_user_id()
    );
    let profiles = client.profiles().list().await.unwrap();
    assert!(!profiles.is_empty());
    assert_eq!(
        client.profiles().get(&profiles[0].id).await.unwrap().name,
        profiles[0].name
    );
}

#[tokio::test]
async fn generic_call_reaches_every_read_operation_by_name() {
    let portal = portal().await;
    let client = permanent(&portal);
    let raw = client
        .call_raw("media.list", json!({"limit": 2, "cursor": "*"}))
        .await
        .unwrap();
    assert!(
        raw.header("x-bynder-nextcursor").is_some(),
        "cursor paging answers a next cursor"
    );
    let body = client
        .call("media.get", json!({"id": portal.store().asset_ids()[0]}))
        .await
        .unwrap();
    assert!(body["idHash"].is_string());
    let err = client.call("media.fly", json!({})).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UnknownOperation);
}

#[tokio::test]
async fn the_next_page_is_fetched_while_the_caller_works_on_the_current_one() {
    let portal = portal().await;
    let client = permanent(&portal);
    let op = bynder::ops::find("media.list").unwrap();
    let mut pages = Box::pin(bynder::paging::pages(&client, op, json!({"limit": 50})));
    let first = pages.next().await.unwrap().unwrap();
    assert_eq!((first.number, first.items.len()), (1, 50));
    // Without asking for it, page 2 is requested in the background.
    for _ in 0..500 {
        if portal.served("media.list") >= 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    assert_eq!(portal.served("media.list"), 2, "exactly one page ahead");
    let second = pages.next().await.unwrap().unwrap();
    assert_eq!(second.number, 2);
    assert_ne!(first.items[0]["id"], second.items[0]["id"]);
}
