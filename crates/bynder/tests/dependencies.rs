//! Metaproperty option dependencies, the taxonomy options list and the product layer (PIM)
//! through `Client::call`, against the mock over HTTP: seeded rules are listed, added ones
//! show and removed ones are gone, groups change as asked, deleted options drop out, bad input
//! and unknown ids get Bynder's errors, and the table's scopes are enforced.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

mod common;

use bynder::id::BynderId;
use bynder::{Client, ErrorKind, Scope};
use futures::StreamExt;
use serde_json::{Value, json};

use common::*;

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("not a list: {value}"))
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

async fn dependencies_of(client: &Client, mp: &str, option: &str) -> Vec<String> {
    let got = client
        .call("dependencies.get", json!({"id": mp, "optionId": option}))
        .await
        .unwrap();
    strings(&got)
}

#[tokio::test]
async fn seeded_dependencies_are_listed_globally_per_metaproperty_and_per_option() {
    let portal = portal().await;
    let client = permanent(&portal);
    let (campaign, school) = option_ids(&portal, "Campaign", "Back to School");
    let holiday = option_id(&portal, "Campaign", "Holiday Season");
    let regions = [
        option_id(&portal, "Region", "North America"),
        option_id(&portal, "Region", "EMEA"),
    ];
    let channels = [
        option_id(&portal, "Channel", "Web"),
        option_id(&portal, "Channel", "Email"),
    ];

    let all = client
        .call("dependencies.list_all", json!({}))
        .await
        .unwrap();
    assert_eq!(
        all[&campaign][&school]["ungrouped"],
        json!(regions),
        "{all}"
    );
    let groups = all[&campaign][&holiday].as_object().unwrap();
    assert_eq!(groups.len(), 1, "one group, no ungrouped list: {all}");
    let (group_id, members) = groups.iter().next().unwrap();
    assert_eq!(*members, json!(channels));
    assert_eq!(
        BynderId::parse(group_id).unwrap().to_coldfusion(),
        *group_id
    );

    let per_mp = client
        .call("dependencies.list", json!({"id": campaign}))
        .await
        .unwrap();
    assert_eq!(per_mp, all[&campaign]);
    let (region_mp, _) = option_ids(&portal, "Region", "EMEA");
    let none = client
        .call("dependencies.list", json!({"id": region_mp}))
        .await
        .unwrap();
    assert_eq!(none, json!({}), "Region's options depend on nothing");

    // Without grouped results only the ungrouped ids; with them, the groups too.
    assert_eq!(dependencies_of(&client, &campaign, &school).await, regions);
    assert!(
        dependencies_of(&client, &campaign, &holiday)
            .await
            .is_empty()
    );
    let grouped = client
        .call(
            "dependencies.get",
            json!({"id": campaign, "optionId": holiday, "includeGroupedResults": true}),
        )
        .await
        .unwrap();
    assert_eq!(grouped[group_id.as_str()], json!(channels));
    assert_eq!(grouped["ungrouped"], json!([]));
}

#[tokio::test]
async fn an_added_dependency_is_listed_and_a_removed_one_is_gone() {
    let portal = portal().await;
    let client = permanent(&portal);
    let (region, apac) = option_ids(&portal, "Region", "APAC");
    let sales = option_id(&portal, "Department", "Sales");

    // Ids in RFC 4122 form are converted to the ColdFusion form /api/v4 needs.
    let created = client
        .call(
            "dependencies.add",
            json!({"id": rfc(&region), "optionId": rfc(&apac), "dependencyId": rfc(&sales)}),
        )
        .await
        .unwrap();
    assert_eq!(created, json!({"message": "Created", "statuscode": 201}));
    // Adding it again changes nothing.
    let params = json!({"id": region, "optionId": apac, "dependencyId": sales});
    client
        .call("dependencies.add", params.clone())
        .await
        .unwrap();
    assert_eq!(
        dependencies_of(&client, &region, &apac).await,
        std::slice::from_ref(&sales)
    );
    let all = client
        .call("dependencies.list_all", json!({}))
        .await
        .unwrap();
    assert_eq!(all[&region][&apac]["ungrouped"], json!([sales]));

    let gone = client
        .call("dependencies.remove", params.clone())
        .await
        .unwrap();
    assert_eq!(gone, Value::Null, "204 has no body");
    assert!(dependencies_of(&client, &region, &apac).await.is_empty());
    let all = client
        .call("dependencies.list_all", json!({}))
        .await
        .unwrap();
    assert!(all.get(&region).is_none(), "{all}");
    let err = client
        .call("dependencies.remove", params)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(err.message(), "Unknown dependency option");
}

#[tokio::test]
async fn dependency_groups_are_created_modified_filled_and_emptied() {
    let portal = portal().await;
    let client = permanent(&portal);
    let (channel, print) = option_ids(&portal, "Channel", "Print");
    let marketing = option_id(&portal, "Department", "Marketing");
    let design = option_id(&portal, "Department", "Design");
    let emea = option_id(&portal, "Region", "EMEA");
    let apac = option_id(&portal, "Region", "APAC");
    let owner = json!({"id": channel, "optionId": print});
    let grouped = || async {
        client
            .call(
                "dependencies.get",
                json!({"id": channel, "optionId": print, "includeGroupedResults": 1}),
            )
            .await
            .unwrap()
    };

    let created = client
        .call(
            "dependencies.create_group",
            json!({"id": channel, "optionId": print, "data": [marketing, emea, marketing]}),
        )
        .await
        .unwrap();
    assert_eq!(created["statuscode"], 201);
    let group = created["id"].as_str().unwrap().to_string();
    assert_eq!(
        grouped().await[&group],
        json!([marketing, emea]),
        "duplicates dropped"
    );

    let with_group = |extra: Value| {
        let mut params = owner.clone();
        params["groupId"] = json!(group);
        for (k, v) in extra.as_object().unwrap() {
            params[k] = v.clone();
        }
        params
    };
    let modified = client
        .call(
            "dependencies.modify_group",
            with_group(json!({"data": [design]})),
        )
        .await
        .unwrap();
    assert_eq!(modified["message"], "Created");
    assert_eq!(grouped().await[&group], json!([design]));

    client
        .call(
            "dependencies.add_to_group",
            with_group(json!({"dependencyId": apac})),
        )
        .await
        .unwrap();
    assert_eq!(grouped().await[&group], json!([design, apac]));
    let all = client
        .call("dependencies.list", json!({"id": channel}))
        .await
        .unwrap();
    assert_eq!(all[&print][&group], json!([design, apac]));

    let removed = client
        .call(
            "dependencies.remove_from_group",
            with_group(json!({"dependencyId": design})),
        )
        .await
        .unwrap();
    assert_eq!(removed, Value::Null);
    assert_eq!(grouped().await[&group], json!([apac]));
    let err = client
        .call(
            "dependencies.remove_from_group",
            with_group(json!({"dependencyId": design})),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(err.message(), "Unknown dependency option");

    let unknown = BynderId::new_random().to_coldfusion();
    let mut params = with_group(json!({"data": [design]}));
    params["groupId"] = json!(unknown);
    let err = client
        .call("dependencies.modify_group", params)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(err.message(), "Unknown group");
}

#[tokio::test]
async fn a_deleted_option_drops_out_of_the_dependencies() {
    let portal = portal().await;
    let client = permanent(&portal);
    let (campaign, school) = option_ids(&portal, "Campaign", "Back to School");
    let (region, emea) = option_ids(&portal, "Region", "EMEA");
    let america = option_id(&portal, "Region", "North America");
    client
        .call(
            "metaproperties.delete_option",
            json!({"id": region, "optionId": emea}),
        )
        .await
        .unwrap();
    assert_eq!(
        dependencies_of(&client, &campaign, &school).await,
        [america]
    );
    // The deleted option can no longer be made a dependency.
    let err = client
        .call(
            "dependencies.add",
            json!({"id": campaign, "optionId": school, "dependencyId": emea}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(err.message(), "Unknown dependency option");
}

#[tokio::test]
async fn unknown_ids_and_bad_input_are_refused() {
    let portal = portal().await;
    let client = permanent(&portal);
    let (campaign, school) = option_ids(&portal, "Campaign", "Back to School");
    let (_, emea) = option_ids(&portal, "Region", "EMEA");
    let unknown = BynderId::new_random().to_coldfusion();

    let err = client
        .call("dependencies.list", json!({"id": unknown}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(err.message(), "Unknown metaproperty");
    // An option of another metaproperty is not an option of this one.
    let err = client
        .call(
            "dependencies.get",
            json!({"id": campaign, "optionId": emea}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(err.message(), "Unknown metaproperty option");
    let err = client
        .call(
            "dependencies.add",
            json!({"id": campaign, "optionId": school, "dependencyId": unknown}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.message(), "Unknown dependency option");
    let err = client
        .call(
            "dependencies.add",
            json!({"id": campaign, "optionId": school, "dependencyId": school}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    assert_eq!(err.message(), "An option cannot depend on itself");

    let owner = json!({"id": campaign, "optionId": school});
    let err = client
        .call("dependencies.create_group", owner.clone())
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(400));
    assert_eq!(err.message(), "No data sent");
    let mut empty = owner.clone();
    empty["data"] = json!([]);
    let err = client
        .call("dependencies.create_group", empty)
        .await
        .unwrap_err();
    assert_eq!(err.message(), "Data cannot be empty");
    let mut garbage = owner.clone();
    garbage["data"] = json!("[not json");
    let err = client
        .call("dependencies.create_group", garbage)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);

    // A malformed id never leaves the client.
    let before = portal.stats().requests;
    let err = client
        .call("dependencies.list", json!({"id": "not-an-id"}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidId);
    assert_eq!(portal.stats().requests, before);
}

#[tokio::test]
async fn the_taxonomy_pages_through_options_with_cursors() {
    let portal = portal().await;
    let client = permanent(&portal);
    let (campaign, _) = option_ids(&portal, "Campaign", "Summer Sale");
    let mut expected: Vec<String> = portal
        .store()
        .metaproperties()
        .into_iter()
        .find(|mp| mp.id == campaign)
        .unwrap()
        .options
        .iter()
        .map(|o| o.name.clone())
        .collect();
    expected.sort();
    assert_eq!(expected.len(), 7);

    let page = |params: Value| {
        let client = client.clone();
        let campaign = rfc(&campaign);
        async move {
            let mut params = params;
            params["metapropertyId"] = json!(campaign);
            params["limit"] = json!(3);
            client.call("taxonomy.options", params).await.unwrap()
        }
    };
    let names = |body: &Value| -> Vec<String> {
        body["options"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["name"].as_str().unwrap().to_string())
            .collect()
    };
    let first = page(json!({})).await;
    assert_eq!(names(&first), expected[..3]);
    assert!(first["metadata"].get("prevPage").is_none(), "{first}");
    let listed = &first["options"][0];
    assert_eq!(listed["metapropertyId"], rfc(&campaign));
    let id = listed["id"].as_str().unwrap();
    assert_eq!(rfc(id), id, "taxonomy ids are RFC 4122, lower case");
    assert!(
        listed["externalReference"]
            .as_str()
            .unwrap()
            .starts_with("CAM-")
    );

    let second = page(json!({"start": first["metadata"]["nextPage"]})).await;
    assert_eq!(names(&second), expected[3..6]);
    let third = page(json!({"start": second["metadata"]["nextPage"]})).await;
    assert_eq!(names(&third), expected[6..]);
    assert!(third["metadata"].get("nextPage").is_none(), "{third}");
    let back = page(json!({"before": second["metadata"]["prevPage"]})).await;
    assert_eq!(names(&back), expected[..3]);

    // Filters: by external reference, and by ids in either form.
    let by_reference = client
        .call(
            "taxonomy.options",
            json!({"metapropertyId": campaign, "externalReference": "CAM-002"}),
        )
        .await
        .unwrap();
    assert_eq!(names(&by_reference), ["summer_sale"]);
    let wanted = [
        option_id(&portal, "Campaign", "Black Friday"),
        rfc(&option_id(&portal, "Campaign", "Spring Launch")),
    ];
    let by_ids = client
        .call(
            "taxonomy.options",
            json!({"metapropertyId": campaign, "ids": wanted}),
        )
        .await
        .unwrap();
    assert_eq!(names(&by_ids), ["black_friday", "spring_launch"]);
}

#[tokio::test]
async fn taxonomy_errors_carry_bynder_error_codes() {
    let portal = portal().await;
    let client = permanent(&portal);
    let (campaign, _) = option_ids(&portal, "Campaign", "Summer Sale");
    let err = client
        .call(
            "taxonomy.options",
            json!({"metapropertyId": campaign, "start": "a_00000000-0000-4000-8000-000000000000",
                   "before": "b_00000000-0000-4000-8000-000000000000"}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    assert!(err.message().contains("cannot be used together"), "{err}");
    let err = client
        .call(
            "taxonomy.options",
            json!({"metapropertyId": campaign, "start": "no-cursor"}),
        )
        .await
        .unwrap_err();
    assert_eq!(
        err.message(),
        "Invalid cursor format, expected 'name_optionId'"
    );
    let err = client
        .call(
            "taxonomy.options",
            json!({"metapropertyId": BynderId::new_random().to_rfc4122()}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(err.message(), "Metaproperty does not exist");
}

#[tokio::test]
async fn the_product_layer_lists_metaproperties_options_and_their_children() {
    let portal = portal().await;
    let client = permanent(&portal);
    let listed = client.call("pim.metaproperties", json!({})).await.unwrap();
    let selects: Vec<String> = portal
        .store()
        .metaproperties()
        .into_iter()
        .filter(|mp| !mp.options.is_empty())
        .map(|mp| rfc(&mp.id))
        .collect();
    assert_eq!(
        strings(&listed),
        selects,
        "the select metaproperties, RFC 4122"
    );

    let (department, product) = option_ids(&portal, "Department", "Product");
    let launch = option_id(&portal, "Campaign", "Product Launch");
    let detail = client
        .call("pim.metaproperty", json!({"id": department}))
        .await
        .unwrap();
    assert_eq!(detail["id"], rfc(&department));
    assert_eq!(detail["name"], "Department");
    let options = detail["mp_options"].as_array().unwrap();
    assert_eq!(options.len(), 6);
    let seeded = options.iter().find(|o| o["id"] == rfc(&product)).unwrap();
    assert_eq!(seeded["relations"][0]["id"], rfc(&launch));
    assert_eq!(seeded["relations"][0]["name"], "product_launch");

    let desc = client
        .call("pim.options", json!({"id": department, "order": "desc"}))
        .await
        .unwrap();
    let names: Vec<&str> = desc
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    let mut sorted = names.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(names, sorted);
    assert_eq!(names.len(), 6);

    // The pager walks the pages: 6 options, 4 a page.
    let op = bynder::ops::find("pim.options").unwrap();
    let pages: Vec<_> = bynder::paging::pages(
        &client,
        op,
        json!({"id": department, "order": "asc", "limit": 4}),
    )
    .collect()
    .await;
    let sizes: Vec<usize> = pages
        .iter()
        .map(|p| p.as_ref().unwrap().items.len())
        .collect();
    assert_eq!(sizes, [4, 2]);
    let walked: Vec<String> = pages
        .into_iter()
        .flat_map(|p| p.unwrap().items)
        .map(|o| o["name"].as_str().unwrap().to_string())
        .collect();
    let mut ascending: Vec<String> = names.iter().map(|n| n.to_string()).collect();
    ascending.reverse();
    assert_eq!(walked, ascending);
}

#[tokio::test]
async fn a_modified_product_option_reads_back_its_children() {
    let portal = portal().await;
    let client = permanent(&portal);
    let (region, emea) = option_ids(&portal, "Region", "EMEA");
    let children = [
        option_id(&portal, "Channel", "Web"),
        option_id(&portal, "Channel", "Print"),
    ];
    let done = client
        .call(
            "pim.modify_option",
            json!({"id": emea, "children": [rfc(&children[0]), children[1]]}),
        )
        .await
        .unwrap();
    assert_eq!(done, Value::Null, "204 has no body");
    let listed = client
        .call("pim.options", json!({"id": region}))
        .await
        .unwrap();
    let entry = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == rfc(&emea))
        .unwrap()
        .clone();
    let kids: Vec<String> = entry["product_options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(kids, [rfc(&children[0]), rfc(&children[1])]);
    let detail = client
        .call("pim.metaproperty", json!({"id": region}))
        .await
        .unwrap();
    let relations = detail["mp_options"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == rfc(&emea))
        .unwrap()["relations"]
        .clone();
    assert_eq!(relations.as_array().unwrap().len(), 2);

    client
        .call("pim.modify_option", json!({"id": emea, "children": []}))
        .await
        .unwrap();
    let detail = client
        .call("pim.metaproperty", json!({"id": region}))
        .await
        .unwrap();
    let entry = detail["mp_options"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == rfc(&emea))
        .unwrap()
        .clone();
    assert_eq!(entry["relations"], json!([]));

    // Bad input: not a list, an unknown child, an unknown option.
    let err = client
        .call("pim.modify_option", json!({"id": emea, "children": "x"}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    let unknown = BynderId::new_random().to_rfc4122();
    let err = client
        .call(
            "pim.modify_option",
            json!({"id": emea, "children": [unknown]}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    let err = client
        .call("pim.modify_option", json!({"id": unknown, "children": []}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    let err = client
        .call("pim.metaproperty", json!({"id": unknown}))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn tokens_without_the_scopes_are_refused_with_403() {
    let portal = portal().await;
    let (campaign, school) = option_ids(&portal, "Campaign", "Back to School");
    let emea = option_id(&portal, "Region", "EMEA");
    // The shared test scopes read metaproperties but do not write them.
    assert!(SCOPES.contains(&Scope::MetaAssetbankRead));
    assert!(!SCOPES.contains(&Scope::MetaAssetbankWrite));
    let reader = client_credentials(&portal);
    reader
        .call("dependencies.list", json!({"id": campaign}))
        .await
        .unwrap();
    reader
        .call("taxonomy.options", json!({"metapropertyId": campaign}))
        .await
        .unwrap();
    let writes = [
        (
            "dependencies.add",
            json!({"id": campaign, "optionId": school, "dependencyId": emea}),
        ),
        (
            "dependencies.create_group",
            json!({"id": campaign, "optionId": school, "data": [emea]}),
        ),
        ("pim.modify_option", json!({"id": school, "children": []})),
    ];
    for (op, params) in writes {
        let err = reader.call(op, params).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Forbidden, "{op}");
        assert_eq!(err.message(), "Access denied", "{op}");
    }
    // Without meta.assetbank:read nothing here can be read.
    let outsider = builder(&portal)
        .client_credentials(
            portal.config().client_id.as_str(),
            portal.config().client_secret.as_str(),
            &[Scope::AssetRead],
        )
        .build()
        .unwrap();
    let reads = [
        ("dependencies.list_all", json!({})),
        ("taxonomy.options", json!({"metapropertyId": campaign})),
        ("pim.metaproperties", json!({})),
    ];
    for (op, params) in reads {
        let err = outsider.call(op, params).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Forbidden, "{op}");
    }
}
