//! Deterministic seed data: the account, brands, metaproperties, tags, users, profiles,
//! derivatives and smart filters. Assets and collections come from `seed_assets`.

use std::collections::BTreeMap;

use chrono::DateTime;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::ids::cf_id;
use super::model::*;
use super::{CURRENT_USER_ID, State, seed_assets};

/// 2015-01-01T00:00:00Z: seeded dates start here.
pub const EPOCH_START: i64 = 1_420_070_400;
/// 2025-06-30T00:00:00Z: seeded creation dates end here.
pub const EPOCH_END: i64 = 1_751_241_600;

/// A time from Unix seconds (seeded values are always in range).
pub fn at(secs: i64) -> Time {
    DateTime::from_timestamp(secs, 0).unwrap_or_default()
}

/// A random time between `from` and `to` Unix seconds.
pub fn between(rng: &mut StdRng, from: i64, to: i64) -> Time {
    at(rng.random_range(from..=to))
}

/// The whole seeded state for `seed`, with `asset_count` assets.
pub fn seed_state(seed: u64, asset_count: usize) -> State {
    let mut rng = StdRng::seed_from_u64(seed);
    let signing_key = format!("{:032x}", rng.random::<u128>());
    let profiles = profiles(&mut rng);
    let users = users(&mut rng, &profiles);
    let brands = brands(&mut rng);
    let metaproperties = metaproperties(&mut rng);
    let tags = seed_assets::TAG_NAMES
        .iter()
        .map(|name| Tag {
            id: cf_id(&mut rng),
            name: (*name).to_string(),
        })
        .collect();
    let assets = seed_assets::assets(&mut rng, asset_count, &brands, &metaproperties, &users);
    let collections = seed_assets::collections(&mut rng, &assets, &users);
    let smartfilters = smartfilters(&mut rng, &metaproperties);
    let derivatives = derivatives();
    let presets = super::presets::presets(&derivatives);
    let requester = bynder::id::BynderId::parse(super::CURRENT_USER_ID)
        .map_or_else(|_| String::new(), |id| id.to_rfc4122());
    let mut state = State {
        account: account(),
        brands,
        metaproperties,
        assets,
        removed: Vec::new(),
        tags,
        collections,
        smartfilters,
        derivatives,
        users,
        profiles,
        usages: Vec::new(),
        webhooks: Vec::new(),
        presets,
        quarantine: super::quarantine::seeded(&requester),
        workflow: Default::default(),
        analytics: Default::default(),
        brandstore: Default::default(),
        dependencies: Default::default(),
        access: Default::default(),
        automation: Default::default(),
        asset_services: Default::default(),
        rng,
        signing_key,
    };
    // Groups that keep their state in a file of their own seed it from the rest.
    super::workflow::seed(&mut state);
    super::analytics::seed(&mut state);
    super::brandstore::seed(&mut state);
    super::dependencies::seed(&mut state);
    super::access::seed(&mut state);
    super::automation::seed(&mut state);
    super::asset_services::seed(&mut state);
    state
}

fn account() -> Account {
    Account {
        name: "Bynder Mock Portal".to_string(),
        available_languages: ["en_US", "en_GB", "nl_NL", "fr_FR", "de_DE", "es_ES"]
            .map(String::from)
            .to_vec(),
        default_language: "en_US".to_string(),
        time_zone: "Europe/Amsterdam".to_string(),
        is_open_image_bank: false,
        disclaimer: "<p>Assets in this portal may only be used in line with the brand \
                     guidelines of the owning brand.</p>"
            .to_string(),
    }
}

fn profiles(rng: &mut StdRng) -> Vec<Profile> {
    let admin = [
        "MEDIAEDIT",
        "MEDIAREMOVE",
        "MEDIAHIGHRES",
        "MEDIAUPLOAD",
        "MARKPUBLIC",
        "STATISTICS",
        "ARCHIVEDOWNLOAD",
        "DOWNLOADWATERMARK",
        "KEYVISUALSDOWNLOAD",
        "COLLECTIONS",
        "PUBLISHCOLLECTIONS",
        "SHARECOLLECTION",
        "METAPROPERTYMANAGEMENT",
        "PERMISSIONMANAGEMENT",
        "USERMANAGEMENT",
        "GROUPMANAGEMENT",
    ];
    let editor = [
        "MEDIAEDIT",
        "MEDIAHIGHRES",
        "MEDIAUPLOAD",
        "COLLECTIONS",
        "SHARECOLLECTION",
        "STATISTICS",
    ];
    let viewer = ["MEDIAHIGHRES", "COLLECTIONS"];
    [
        ("Administrator", &admin[..]),
        ("Editor", &editor[..]),
        ("Viewer", &viewer[..]),
    ]
    .into_iter()
    .map(|(name, roles)| Profile {
        id: cf_id(rng),
        name: name.to_string(),
        roles: roles.iter().map(|r| (*r).to_string()).collect(),
    })
    .collect()
}

fn users(rng: &mut StdRng, profiles: &[Profile]) -> Vec<User> {
    let people = [
        (
            "Alex",
            "Morgan",
            "Marketing",
            "Brand manager",
            "Amsterdam",
            "Netherlands",
        ),
        (
            "Priya",
            "Raman",
            "Design",
            "Art director",
            "London",
            "United Kingdom",
        ),
        (
            "Tomas",
            "Ortega",
            "Sales",
            "Account executive",
            "Madrid",
            "Spain",
        ),
        (
            "Hannah",
            "Berg",
            "Product",
            "Product marketer",
            "Berlin",
            "Germany",
        ),
        (
            "Kenji",
            "Watanabe",
            "Marketing",
            "Content producer",
            "New York",
            "United States",
        ),
        (
            "Claire",
            "Dubois",
            "Legal",
            "Rights coordinator",
            "Paris",
            "France",
        ),
    ];
    people
        .iter()
        .enumerate()
        .map(|(i, (first, last, department, job, city, country))| {
            // The first user is the current user: administrator, fixed id.
            let id = if i == 0 {
                CURRENT_USER_ID.to_string()
            } else {
                cf_id(rng)
            };
            let profile = &profiles[if i == 0 {
                0
            } else {
                1 + i % (profiles.len() - 1)
            }];
            let username = format!("{}.{}", first.to_lowercase(), last.to_lowercase());
            User {
                id,
                email: format!("{username}@example.com"),
                username,
                firstname: (*first).to_string(),
                lastname: (*last).to_string(),
                profile_id: profile.id.clone(),
                department: (*department).to_string(),
                job: (*job).to_string(),
                city: (*city).to_string(),
                country: (*country).to_string(),
                language: "en_US".to_string(),
                time_zone: "Europe/Amsterdam".to_string(),
                active: i != 5,
                last_login: between(rng, EPOCH_END - 86_400 * 90, EPOCH_END),
                extra: Default::default(),
            }
        })
        .collect()
}

fn brands(rng: &mut StdRng) -> Vec<Brand> {
    let catalogue: [(&str, &str, &[&str]); 3] = [
        (
            "Acme Corporate",
            "Corporate identity and communications.",
            &["Acme Careers", "Acme Investor Relations", "Acme Foundation"],
        ),
        (
            "Acme Outdoor",
            "Outdoor gear and apparel.",
            &["Trail", "Summit", "Basecamp Kids"],
        ),
        (
            "Bluebird Foods",
            "Packaged foods and beverages.",
            &["Bluebird Organic", "Bluebird Snacks", "Morning Crunch"],
        ),
    ];
    catalogue
        .iter()
        .map(|(name, description, subs)| {
            let count = rng.random_range(1..=subs.len());
            let id = cf_id(rng);
            let sub_brands = subs[..count]
                .iter()
                .map(|sub| SubBrand {
                    id: cf_id(rng),
                    name: (*sub).to_string(),
                    description: format!("{sub}, part of {name}."),
                })
                .collect();
            Brand {
                id,
                name: (*name).to_string(),
                description: (*description).to_string(),
                sub_brands,
            }
        })
        .collect()
}

fn metaproperties(rng: &mut StdRng) -> Vec<Metaproperty> {
    let selects: [(&str, &str, bool, &[&str]); 5] = [
        (
            "Department",
            "Department",
            true,
            &[
                "Marketing",
                "Sales",
                "Human Resources",
                "Product",
                "Design",
                "Legal",
            ],
        ),
        (
            "Region",
            "Region",
            true,
            &["EMEA", "North America", "Latin America", "APAC"],
        ),
        (
            "AssetStatus",
            "Asset status",
            false,
            &["Draft", "In review", "Approved", "Expired"],
        ),
        (
            "Campaign",
            "Campaign",
            false,
            &[
                "Spring Launch",
                "Summer Sale",
                "Back to School",
                "Black Friday",
                "Holiday Season",
                "Brand Refresh",
                "Product Launch",
            ],
        ),
        (
            "Channel",
            "Channel",
            true,
            &["Social", "Web", "Print", "Email", "Out of home"],
        ),
    ];
    let mut list: Vec<Metaproperty> = selects
        .iter()
        .enumerate()
        .map(|(zindex, (name, label, multi, options))| {
            let mp_id = cf_id(rng);
            let options = options
                .iter()
                .enumerate()
                .map(|(i, option_label)| MetaOption {
                    id: cf_id(rng),
                    name: option_label.to_lowercase().replace(' ', "_"),
                    label: (*option_label).to_string(),
                    labels: BTreeMap::from([
                        ("en_US".to_string(), (*option_label).to_string()),
                        ("nl_NL".to_string(), (*option_label).to_string()),
                    ]),
                    external_reference: format!("{}-{:03}", &name[..3].to_uppercase(), i + 1),
                    zindex: i as u32 + 1,
                    date: between(rng, EPOCH_START, EPOCH_START + 86_400 * 365 * 3),
                })
                .collect();
            Metaproperty {
                id: mp_id,
                name: (*name).to_string(),
                label: (*label).to_string(),
                kind: "select".to_string(),
                zindex: zindex as u32 + 1,
                is_multiselect: *multi,
                is_required: *name == "AssetStatus",
                is_filterable: true,
                options,
            }
        })
        .collect();
    list.push(Metaproperty {
        id: cf_id(rng),
        name: "Caption".to_string(),
        label: "Caption".to_string(),
        kind: "text".to_string(),
        zindex: list.len() as u32 + 1,
        is_multiselect: false,
        is_required: false,
        is_filterable: false,
        options: Vec::new(),
    });
    list
}

fn smartfilters(rng: &mut StdRng, metaproperties: &[Metaproperty]) -> Vec<SmartFilter> {
    let by_name = |name: &str| {
        metaproperties
            .iter()
            .find(|m| m.name == name)
            .map(|m| m.id.clone())
            .into_iter()
    };
    let filters: [(&str, &str, &str, Vec<&str>); 4] = [
        (
            "fa fa-group",
            "Departments",
            "Afdelingen",
            vec!["Department"],
        ),
        ("fa fa-globe", "Regions", "Regio's", vec!["Region"]),
        (
            "fa fa-bullhorn",
            "Campaigns",
            "Campagnes",
            vec!["Campaign", "Channel"],
        ),
        ("fa fa-check", "Status", "Status", vec!["AssetStatus"]),
    ];
    filters
        .into_iter()
        .enumerate()
        .map(|(zindex, (icon, en, nl, names))| SmartFilter {
            id: cf_id(rng),
            icon: icon.to_string(),
            labels: BTreeMap::from([
                ("en_US".to_string(), en.to_string()),
                ("nl_NL".to_string(), nl.to_string()),
                ("fr_FR".to_string(), en.to_string()),
                ("de_DE".to_string(), en.to_string()),
            ]),
            zindex: zindex as u32,
            metaproperty_ids: names.iter().flat_map(|n| by_name(n)).collect(),
        })
        .collect()
}

fn derivatives() -> Vec<Derivative> {
    let make =
        |prefix: &str, width, height, dpi, is_crop, is_public, allowed_types: &str| Derivative {
            prefix: prefix.to_string(),
            width,
            height,
            dpi,
            is_crop,
            is_on_the_fly: true,
            is_extent: false,
            is_public,
            allowed_types: allowed_types.to_string(),
        };
    vec![
        make("500x500", 500, 500, -1, true, true, ""),
        make("web_1600", 1600, 1200, 72, false, true, "image"),
        make("print_a4", 2480, 3508, 300, false, false, "image,document"),
    ]
}
