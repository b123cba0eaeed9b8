//! Deterministic seed assets (300, spread over ten years) and the collections that hold them.

use std::collections::BTreeMap;

use rand::Rng;
use rand::rngs::StdRng;
use rand::seq::{IndexedRandom, index};

use super::ids::{cf_id, id_hash};
use super::model::*;
use super::seed::{EPOCH_END, EPOCH_START, at, between};

/// How many assets the seeded portal holds unless told otherwise
/// ([`crate::MockConfig::asset_count`]).
pub const ASSET_COUNT: usize = 300;

/// The tag vocabulary; earlier tags are drawn more often, so counts differ.
pub const TAG_NAMES: [&str; 25] = [
    "product",
    "lifestyle",
    "campaign",
    "social",
    "web",
    "print",
    "summer",
    "winter",
    "logo",
    "team",
    "office",
    "event",
    "hero",
    "banner",
    "outdoor",
    "studio",
    "packaging",
    "retail",
    "press",
    "internal",
    "holiday",
    "sustainability",
    "portrait",
    "interview",
    "archive-pick",
];

/// One kind of asset: type, weight out of 100, extensions, subjects, size range in bytes.
struct Kind {
    kind: &'static str,
    weight: u32,
    extensions: &'static [&'static str],
    subjects: &'static [&'static str],
    sizes: (u64, u64),
}

const KINDS: [Kind; 5] = [
    Kind {
        kind: "image",
        weight: 60,
        extensions: &[
            "jpg", "jpg", "jpg", "png", "png", "tif", "gif", "svg", "psd", "webp",
        ],
        subjects: &[
            "Product shot",
            "Team photo",
            "Store front",
            "Hero banner",
            "Packshot",
            "Lookbook",
            "Mood board",
            "Logo",
            "Icon set",
            "Office interior",
            "Workshop",
            "Portrait",
            "Mountain view",
            "Event photo",
            "Social visual",
        ],
        sizes: (150_000, 45_000_000),
    },
    Kind {
        kind: "document",
        weight: 20,
        extensions: &["pdf", "pdf", "docx", "pptx", "xlsx", "indd"],
        subjects: &[
            "Brand guidelines",
            "Annual report",
            "Press release",
            "Catalogue",
            "Price list",
            "Sales deck",
            "Fact sheet",
            "Floor plan",
            "Brochure",
            "Style guide",
        ],
        sizes: (40_000, 25_000_000),
    },
    Kind {
        kind: "video",
        weight: 12,
        extensions: &["mp4", "mp4", "mov"],
        subjects: &[
            "Campaign teaser",
            "Product demo",
            "Interview",
            "Event recap",
            "Tutorial",
            "Testimonial",
            "Keynote",
        ],
        sizes: (5_000_000, 1_800_000_000),
    },
    Kind {
        kind: "audio",
        weight: 5,
        extensions: &["mp3", "wav"],
        subjects: &["Podcast episode", "Jingle", "Radio spot", "Voice-over"],
        sizes: (500_000, 120_000_000),
    },
    Kind {
        kind: "3d",
        weight: 3,
        extensions: &["glb", "fbx", "obj"],
        subjects: &["Product model", "Packaging model", "Store layout"],
        sizes: (1_000_000, 300_000_000),
    },
];

const QUALIFIERS: [&str; 14] = [
    "Amsterdam",
    "New York",
    "spring",
    "summer",
    "autumn",
    "winter",
    "final",
    "v2",
    "hi-res",
    "crop",
    "alt",
    "draft",
    "approved",
    "master",
];

/// The seeded assets, `count` of them.
pub fn assets(
    rng: &mut StdRng,
    count: usize,
    brands: &[Brand],
    metaproperties: &[Metaproperty],
    users: &[User],
) -> Vec<Asset> {
    (0..count)
        .map(|n| asset(rng, n, brands, metaproperties, users))
        .collect()
}

fn pick_kind(rng: &mut StdRng) -> &'static Kind {
    let mut roll = rng.random_range(0..100);
    for kind in &KINDS {
        if roll < kind.weight {
            return kind;
        }
        roll -= kind.weight;
    }
    &KINDS[0]
}

fn dimensions(rng: &mut StdRng, kind: &str, extension: &str) -> (u32, u32) {
    match kind {
        "image" => {
            let (w, h) = *[(3, 2), (2, 3), (1, 1), (16, 9), (4, 5), (4, 3)]
                .choose(rng)
                .unwrap_or(&(3, 2));
            let long = rng.random_range(800..=6000u32);
            if w >= h {
                (long, long * h / w)
            } else {
                (long * w / h, long)
            }
        }
        "document" => match extension {
            "pptx" => (1920, 1080),
            "xlsx" => (1754, 1240),
            _ => (2480, 3508),
        },
        "video" => *[
            (1920, 1080),
            (3840, 2160),
            (1080, 1920),
            (1080, 1080),
            (1280, 720),
        ]
        .choose(rng)
        .unwrap_or(&(1920, 1080)),
        // Audio carries a square waveform preview; 3D models a square render.
        "audio" => (1000, 1000),
        _ => *[(2048, 2048), (1920, 1080)]
            .choose(rng)
            .unwrap_or(&(2048, 2048)),
    }
}

/// Draws `count` distinct indexes below `len`, favouring low ones (popular tags first).
fn skewed_distinct(rng: &mut StdRng, len: usize, count: usize) -> Vec<usize> {
    let mut picked = Vec::new();
    while picked.len() < count.min(len) {
        let roll: f64 = rng.random();
        let index = ((roll * roll) * len as f64) as usize;
        if !picked.contains(&index) {
            picked.push(index);
        }
    }
    picked
}

fn asset(
    rng: &mut StdRng,
    n: usize,
    brands: &[Brand],
    metaproperties: &[Metaproperty],
    users: &[User],
) -> Asset {
    let kind = pick_kind(rng);
    let extension = *kind.extensions.choose(rng).unwrap_or(&kind.extensions[0]);
    let subject = *kind.subjects.choose(rng).unwrap_or(&kind.subjects[0]);
    let qualifier = *QUALIFIERS.choose(rng).unwrap_or(&QUALIFIERS[0]);
    let name = format!("{subject} {qualifier} {:03}", n + 1);
    let (width, height) = dimensions(rng, kind.kind, extension);
    let brand = &brands[rng.random_range(0..brands.len())];
    let sub_brand_id = if rng.random_bool(0.6) {
        brand.sub_brands.choose(rng).map(|s| s.id.clone())
    } else {
        None
    };
    let date_created = between(rng, EPOCH_START, EPOCH_END);
    let created = date_created.timestamp();
    let date_modified =
        at((created + rng.random_range(0..=86_400 * 500)).min(EPOCH_END + 86_400 * 180));
    let date_published = at(created + rng.random_range(0..=86_400 * 14));
    let tag_count = rng.random_range(0..=5);
    let tags = skewed_distinct(rng, TAG_NAMES.len(), tag_count)
        .into_iter()
        .map(|i| TAG_NAMES[i].to_string())
        .collect();
    let mut option_ids = Vec::new();
    let mut texts = BTreeMap::new();
    for mp in metaproperties {
        if mp.kind == "text" {
            if rng.random_bool(0.3) {
                texts.insert(mp.id.clone(), format!("{subject} for {}", brand.name));
            }
            continue;
        }
        if !mp.is_required && !rng.random_bool(0.75) {
            continue;
        }
        let count = if mp.is_multiselect {
            rng.random_range(1..=2)
        } else {
            1
        };
        for i in index::sample(rng, mp.options.len(), count.min(mp.options.len())) {
            option_ids.push(mp.options[i].id.clone());
        }
    }
    let archive = rng.random_bool(0.08);
    let limited = rng.random_bool(0.10);
    let file_size = rng.random_range(kind.sizes.0..=kind.sizes.1);
    let user = &users[rng.random_range(0..users.len())];
    let views = rng.random_range(0..5000u64);
    let slug = name.to_lowercase().replace(' ', "_");
    let items = items(
        rng,
        kind.kind,
        &slug,
        extension,
        file_size,
        (width, height),
        date_created,
        date_modified,
    );
    Asset {
        id: cf_id(rng),
        id_hash: id_hash(rng),
        description: format!("{subject} for {}.", brand.name),
        copyright: format!("© {} {}", date_created.format("%Y"), brand.name),
        name,
        kind: kind.kind.to_string(),
        brand_id: brand.id.clone(),
        sub_brand_id,
        user_created: user.full_name(),
        date_created,
        date_modified,
        date_published,
        extension: extension.to_string(),
        file_size,
        width,
        height,
        tags,
        option_ids,
        texts,
        archive,
        limited,
        is_public: rng.random_bool(0.25),
        watermarked: rng.random_bool(0.05),
        archive_date: archive.then_some(date_modified),
        limited_date: limited.then_some(date_modified),
        watermark_date: None,
        custom_thumbnail_file_id: None,
        views,
        downloads: rng.random_range(0..=views / 3),
        items,
    }
}

#[allow(clippy::too_many_arguments)]
fn items(
    rng: &mut StdRng,
    kind: &str,
    slug: &str,
    extension: &str,
    file_size: u64,
    (width, height): (u32, u32),
    created: Time,
    modified: Time,
) -> Vec<MediaItem> {
    let versions: u32 = match rng.random_range(0..10) {
        0..=6 => 1,
        7 | 8 => 2,
        _ => 3,
    };
    let span = (modified.timestamp() - created.timestamp()).max(0);
    let mut items: Vec<MediaItem> = (1..=versions)
        .map(|version| MediaItem {
            id: cf_id(rng),
            file_name: format!("{slug}.{extension}"),
            kind: "original".to_string(),
            version,
            active: version == versions,
            size: if version == versions {
                file_size
            } else {
                file_size * 9 / 10
            },
            width: Some(width),
            height: Some(height),
            date_created: at(
                created.timestamp() + span * i64::from(version - 1) / i64::from(versions)
            ),
        })
        .collect();
    if rng.random_bool(0.15) {
        // Documents get a generated preview PDF, which has no dimensions (as on real portals).
        let (file_name, dims) = if kind == "document" {
            (format!("{slug}-preview.pdf"), (None, None))
        } else {
            (format!("{slug}-print.tif"), (Some(width), Some(height)))
        };
        items.push(MediaItem {
            id: cf_id(rng),
            file_name,
            kind: "additional".to_string(),
            version: 1,
            active: true,
            size: file_size / 2 + 1,
            width: dims.0,
            height: dims.1,
            date_created: modified,
        });
    }
    items
}

/// The seeded collections, each holding some of `assets`.
pub fn collections(rng: &mut StdRng, assets: &[Asset], users: &[User]) -> Vec<Collection> {
    let names = [
        (
            "Spring Launch Selects",
            "Hero images chosen for the spring launch.",
        ),
        (
            "Brand Essentials",
            "Logos, guidelines and templates every team needs.",
        ),
        ("Press Kit", "Approved material for journalists."),
        (
            "Social Media Q3",
            "Visuals scheduled for the third quarter.",
        ),
        ("Trade Show Booth", "Print files and renders for the booth."),
        (
            "Product Catalogue Images",
            "Packshots for the printed catalogue.",
        ),
        ("Leadership Portraits", "Portraits of the leadership team."),
        (
            "Archive Highlights",
            "Favourite assets from past campaigns.",
        ),
    ];
    names
        .iter()
        .enumerate()
        .map(|(i, (name, description))| {
            let size = rng.random_range(3..=25);
            let media = index::sample(rng, assets.len(), size)
                .into_iter()
                .map(|k| assets[k].id.clone())
                .collect::<Vec<_>>();
            let date_created = between(rng, EPOCH_START + 86_400 * 365, EPOCH_END);
            let date_modified = at(date_created.timestamp() + rng.random_range(0..=86_400 * 200));
            Collection {
                id: cf_id(rng),
                name: (*name).to_string(),
                description: (*description).to_string(),
                user_id: users[i % users.len()].id.clone(),
                is_public: i % 3 == 0,
                date_created,
                date_modified,
                views: rng.random_range(0..400),
                thumbnail_asset_id: media.first().cloned(),
                media,
                shares: Vec::new(),
            }
        })
        .collect()
}
