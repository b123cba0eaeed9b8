//! Seeds the analytics activity from the seeded portal: who viewed and downloaded which
//! assets, who logged in, what was searched, which collections were opened.

use chrono::{Duration, Utc};
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};

use super::{AssetRef, Detail, Event};
use crate::store::{State, Time};

/// How far back the seeded activity reaches before the portal started.
const SPAN_DAYS: i64 = 180;
const VIEWS: usize = 1500;
const DOWNLOADS: usize = 700;
const LOGINS: usize = 300;
const SEARCHES: usize = 250;
const KEYWORDS: usize = 200;
const COLLECTION_VIEWS: usize = 300;

const REASONS: &[&str] = &[
    "Social media post",
    "Print campaign",
    "Website update",
    "Internal presentation",
    "Press release",
];
const LANGUAGES: &[&str] = &["english", "dutch", "german", "spanish"];
const SORT_FIELDS: &[&str] = &["datePublished", "dateCreated", "name"];
const USER_AGENTS: &[&str] = &[
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/107.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 13_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.2 Safari/605.1.15",
    "Mozilla/5.0 (X11; Linux x86_64; rv:108.0) Gecko/20100101 Firefox/108.0",
];

/// Seeds `state.analytics` (deterministic for a seed, anchored at the start of the UTC day the
/// portal starts, so the activity stays inside the 12-month retention window).
pub fn seed(state: &mut State) {
    // One draw from the shared source, so this group's size does not shift the others' data.
    let mut rng = StdRng::seed_from_u64(state.rng.random());
    let anchor = Utc::now()
        .date_naive()
        .and_hms_opt(0, 0, 0)
        .map_or_else(Utc::now, |t| t.and_utc());
    let portal: &State = state;
    let seeder = Seeder {
        state: portal,
        anchor,
        users: portal
            .users
            .iter()
            .filter(|u| u.active)
            .map(|u| u.id.clone())
            .collect(),
    };
    let plan = [
        (VIEWS, Kind::View),
        (DOWNLOADS, Kind::Download),
        (LOGINS, Kind::Login),
        (SEARCHES, Kind::Search),
        (KEYWORDS, Kind::Keyword),
        (COLLECTION_VIEWS, Kind::CollectionView),
    ];
    let mut events = Vec::new();
    for (count, kind) in plan {
        for _ in 0..count {
            let user = seeder.users.choose(&mut rng).cloned().unwrap_or_default();
            let time = seeder.time(&mut rng);
            let Some(detail) = seeder.detail(kind, &mut rng, &user) else {
                continue;
            };
            let user_id = match &detail {
                Detail::CollectionView { origin, .. } if origin == "embed" => String::new(),
                _ => user,
            };
            events.push(Event {
                id: format!("{:024x}", rng.random::<u128>() >> 32),
                event_id: uuid::Builder::from_random_bytes(rng.random())
                    .into_uuid()
                    .to_string(),
                time,
                user_id,
                detail,
            });
        }
    }
    events.sort_by(|a, b| (a.time, &a.id).cmp(&(b.time, &b.id)));
    state.analytics.events = events;
}

/// The kinds of seeded activity.
#[derive(Debug, Clone, Copy)]
enum Kind {
    View,
    Download,
    Login,
    Search,
    Keyword,
    CollectionView,
}

/// The seeded portal the activity is drawn from.
struct Seeder<'a> {
    state: &'a State,
    anchor: Time,
    users: Vec<String>,
}

impl Seeder<'_> {
    /// One event's detail, or `None` when the portal has nothing to draw it from.
    fn detail(&self, kind: Kind, rng: &mut StdRng, user: &str) -> Option<Detail> {
        match kind {
            Kind::View => self.asset(rng).map(Detail::AssetView),
            Kind::Download => self.download(rng),
            Kind::Login => Some(Detail::Login),
            Kind::Search => self.search(rng),
            Kind::Keyword => self.keyword(rng),
            Kind::CollectionView => self.collection_view(rng, user),
        }
    }

    /// A time in the span before the anchor, to the millisecond.
    fn time(&self, rng: &mut StdRng) -> Time {
        self.anchor - Duration::milliseconds(rng.random_range(1..SPAN_DAYS * 86_400_000))
    }

    fn asset(&self, rng: &mut StdRng) -> Option<AssetRef> {
        self.state.assets.choose(rng).map(|a| AssetRef {
            id: a.id.clone(),
            name: a.name.clone(),
            kind: a.kind.clone(),
        })
    }

    fn download(&self, rng: &mut StdRng) -> Option<Detail> {
        let asset = self.asset(rng)?;
        let item_id = self
            .state
            .asset(&asset.id)
            .and_then(|a| a.active_original())
            .map(|i| i.id.clone())
            .unwrap_or_default();
        let count = rng.random_range(0..=2);
        let reasons = REASONS
            .choose_multiple(rng, count)
            .map(|r| (*r).to_string())
            .collect();
        let item_type = if rng.random_bool(0.8) {
            "original"
        } else {
            "web"
        };
        Some(Detail::AssetDownload {
            asset,
            item_id,
            item_type: item_type.to_string(),
            reasons,
        })
    }

    /// How many assets carry `tag`.
    fn tagged(&self, tag: &str) -> u64 {
        self.state
            .assets
            .iter()
            .filter(|a| a.tags.iter().any(|t| t == tag))
            .count() as u64
    }

    fn search(&self, rng: &mut StdRng) -> Option<Detail> {
        let tag = self.state.tags.choose(rng)?.name.clone();
        let filters = if rng.random_bool(0.5) {
            let language = LANGUAGES.choose(rng).copied().unwrap_or("english");
            vec![("language".to_string(), language.to_string())]
        } else {
            Vec::new()
        };
        Some(Detail::Search {
            assets: self.tagged(&tag),
            terms: vec![tag],
            filters,
            operator: if rng.random_bool(0.7) { "OR" } else { "AND" }.to_string(),
            sort_field: SORT_FIELDS
                .choose(rng)
                .copied()
                .unwrap_or("name")
                .to_string(),
            sort_order: if rng.random_bool(0.6) { "desc" } else { "asc" }.to_string(),
        })
    }

    fn keyword(&self, rng: &mut StdRng) -> Option<Detail> {
        let keyword = self.state.tags.choose(rng)?.name.clone();
        let collections = self
            .state
            .collections
            .iter()
            .filter(|c| c.name.to_lowercase().contains(&keyword))
            .count() as u64;
        Some(Detail::Keyword {
            assets: self.tagged(&keyword),
            tags: 1,
            collections,
            keyword,
        })
    }

    fn collection_view(&self, rng: &mut StdRng, user: &str) -> Option<Detail> {
        let collection = self.state.collections.choose(rng)?;
        let origin = if rng.random_bool(0.8) {
            "internal"
        } else {
            "embed"
        };
        Some(Detail::CollectionView {
            collection_id: collection.id.clone(),
            is_owner: origin == "internal" && collection.user_id == user,
            origin: origin.to_string(),
            ip: format!("192.0.2.{}", rng.random_range(1..=254)),
            user_agent: USER_AGENTS
                .choose(rng)
                .copied()
                .unwrap_or_default()
                .to_string(),
        })
    }
}
