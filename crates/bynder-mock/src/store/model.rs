//! The objects the portal keeps. Field names follow Bynder's vocabulary; the JSON shapes the
//! API answers are built from these by `crate::handlers::shapes`.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

/// A point in time as the store keeps it.
pub type Time = DateTime<Utc>;

/// A brand with its sub-brands.
#[derive(Debug, Clone, PartialEq)]
pub struct Brand {
    /// ColdFusion id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Short description.
    pub description: String,
    /// Its sub-brands (1-3 when seeded).
    pub sub_brands: Vec<SubBrand>,
}

/// A sub-brand of a brand.
#[derive(Debug, Clone, PartialEq)]
pub struct SubBrand {
    /// ColdFusion id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Short description.
    pub description: String,
}

/// A metaproperty: `select` ones carry options, `text` ones take free text.
#[derive(Debug, Clone, PartialEq)]
pub struct Metaproperty {
    /// ColdFusion id.
    pub id: String,
    /// The name used as the key of the list object and in `property_<name>` fields.
    pub name: String,
    /// Human label.
    pub label: String,
    /// `select` or `text`.
    pub kind: String,
    /// Position in the portal's sidebar.
    pub zindex: u32,
    /// Whether an asset may carry several of its options.
    pub is_multiselect: bool,
    /// Whether every asset must carry a value.
    pub is_required: bool,
    /// Whether it shows as a filter.
    pub is_filterable: bool,
    /// Its options (empty for `text`).
    pub options: Vec<MetaOption>,
}

/// One option of a select metaproperty.
#[derive(Debug, Clone, PartialEq)]
pub struct MetaOption {
    /// ColdFusion id.
    pub id: String,
    /// Machine name, e.g. `north_america`; this is what `property_<name>` fields list.
    pub name: String,
    /// Human label, e.g. `North America`.
    pub label: String,
    /// Label per locale (`en_US`...).
    pub labels: BTreeMap<String, String>,
    /// Reference in an outside system, e.g. `REG-001`.
    pub external_reference: String,
    /// Position among its siblings.
    pub zindex: u32,
    /// When the option was created.
    pub date: Time,
}

/// One file of an asset: the original (one per version) or an additional file.
#[derive(Debug, Clone, PartialEq)]
pub struct MediaItem {
    /// ColdFusion id.
    pub id: String,
    /// The file's name.
    pub file_name: String,
    /// `original` or `additional`.
    pub kind: String,
    /// Version number, from 1.
    pub version: u32,
    /// Whether this is the current file of its kind.
    pub active: bool,
    /// Size in bytes.
    pub size: u64,
    /// Pixel width; none for generated previews.
    pub width: Option<u32>,
    /// Pixel height; none for generated previews.
    pub height: Option<u32>,
    /// When the file was uploaded.
    pub date_created: Time,
}

/// An asset (Bynder calls it media).
#[derive(Debug, Clone, PartialEq)]
pub struct Asset {
    /// ColdFusion id.
    pub id: String,
    /// Short hex hash (`idHash`).
    pub id_hash: String,
    /// Display name.
    pub name: String,
    /// Description text.
    pub description: String,
    /// Copyright line.
    pub copyright: String,
    /// `image`, `document`, `video`, `audio` or `3d`.
    pub kind: String,
    /// The brand it belongs to.
    pub brand_id: String,
    /// The sub-brand it belongs to, if any.
    pub sub_brand_id: Option<String>,
    /// The display name of the uploader.
    pub user_created: String,
    /// Upload time.
    pub date_created: Time,
    /// Last change.
    pub date_modified: Time,
    /// Publication time.
    pub date_published: Time,
    /// File extension of the original, e.g. `jpg`.
    pub extension: String,
    /// Size of the active original in bytes.
    pub file_size: u64,
    /// Pixel width.
    pub width: u32,
    /// Pixel height.
    pub height: u32,
    /// Tag names.
    pub tags: Vec<String>,
    /// Selected option ids of select metaproperties.
    pub option_ids: Vec<String>,
    /// Values of text metaproperties, by metaproperty id.
    pub texts: BTreeMap<String, String>,
    /// Archived.
    pub archive: bool,
    /// Marked for limited usage.
    pub limited: bool,
    /// Public (irreversible once set).
    pub is_public: bool,
    /// Watermarked.
    pub watermarked: bool,
    /// When it is (or was) archived.
    pub archive_date: Option<Time>,
    /// When limited usage starts.
    pub limited_date: Option<Time>,
    /// When watermarking starts.
    pub watermark_date: Option<Time>,
    /// Upload file id of a custom thumbnail.
    pub custom_thumbnail_file_id: Option<String>,
    /// View count (`stats=1`).
    pub views: u64,
    /// Download count (`stats=1`); download locations raise it.
    pub downloads: u64,
    /// Its files: originals (one per version) and additional files.
    pub items: Vec<MediaItem>,
}

impl Asset {
    /// `landscape`, `portrait` or `square`, from the dimensions.
    pub fn orientation(&self) -> &'static str {
        match self.width.cmp(&self.height) {
            std::cmp::Ordering::Greater => "landscape",
            std::cmp::Ordering::Less => "portrait",
            std::cmp::Ordering::Equal => "square",
        }
    }

    /// The active original file.
    pub fn active_original(&self) -> Option<&MediaItem> {
        self.items
            .iter()
            .find(|item| item.kind == "original" && item.active)
    }

    /// The version number of the active original.
    pub fn active_version(&self) -> u32 {
        self.active_original().map_or(1, |item| item.version)
    }
}

/// A tag. Assets refer to tags by name; the id is what `/api/v4/tags/{id}/media/` takes.
#[derive(Debug, Clone, PartialEq)]
pub struct Tag {
    /// ColdFusion id.
    pub id: String,
    /// The tag text.
    pub name: String,
}

/// One share of a collection, as recorded by `collections.share`.
#[derive(Debug, Clone, PartialEq)]
pub struct Share {
    /// E-mail addresses.
    pub recipients: Vec<String>,
    /// Group ids.
    pub groups: Vec<String>,
    /// Security profile ids.
    pub profiles: Vec<String>,
    /// `view`, `edit`, `readOnly` or `readAccess`.
    pub collection_options: String,
    /// Whether recipients must log in.
    pub login_required: bool,
    /// Whether recipients get an e-mail.
    pub send_mail: bool,
    /// Message for the recipients.
    pub message: String,
    /// Start of the share.
    pub date_start: Option<Time>,
    /// End of the share.
    pub date_end: Option<Time>,
}

/// A collection of assets.
#[derive(Debug, Clone, PartialEq)]
pub struct Collection {
    /// ColdFusion id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Description text.
    pub description: String,
    /// Owner.
    pub user_id: String,
    /// Whether it is public.
    pub is_public: bool,
    /// Creation time.
    pub date_created: Time,
    /// Last change.
    pub date_modified: Time,
    /// View count.
    pub views: u64,
    /// Member asset ids, in the order they were added.
    pub media: Vec<String>,
    /// Asset used as cover, if any.
    pub thumbnail_asset_id: Option<String>,
    /// Shares made so far.
    pub shares: Vec<Share>,
}

/// A smart filter (a saved sidebar grouping of metaproperties).
#[derive(Debug, Clone, PartialEq)]
pub struct SmartFilter {
    /// ColdFusion id.
    pub id: String,
    /// Font Awesome icon class.
    pub icon: String,
    /// Label per locale.
    pub labels: BTreeMap<String, String>,
    /// Position.
    pub zindex: u32,
    /// The metaproperties it groups.
    pub metaproperty_ids: Vec<String>,
}

/// An image derivative the account generates.
#[derive(Debug, Clone, PartialEq)]
pub struct Derivative {
    /// Name, used as thumbnail key.
    pub prefix: String,
    /// Pixel width.
    pub width: u32,
    /// Pixel height.
    pub height: u32,
    /// Resolution; -1 keeps the original's.
    pub dpi: i32,
    /// Crops to fit.
    pub is_crop: bool,
    /// Generated on request.
    pub is_on_the_fly: bool,
    /// Pads to fit.
    pub is_extent: bool,
    /// Publicly reachable.
    pub is_public: bool,
    /// Comma-separated asset types it applies to; empty for all.
    pub allowed_types: String,
}

/// Account (portal) settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Account {
    /// Portal name.
    pub name: String,
    /// Locales the portal offers.
    pub available_languages: Vec<String>,
    /// Default locale.
    pub default_language: String,
    /// Portal time zone.
    pub time_zone: String,
    /// Whether the portal is open without login.
    pub is_open_image_bank: bool,
    /// The HTML disclaimer shown with download locations.
    pub disclaimer: String,
}

/// A portal user.
#[derive(Debug, Clone, PartialEq)]
pub struct User {
    /// ColdFusion id.
    pub id: String,
    /// Login name.
    pub username: String,
    /// E-mail address.
    pub email: String,
    /// First name.
    pub firstname: String,
    /// Last name.
    pub lastname: String,
    /// Security profile.
    pub profile_id: String,
    /// Department.
    pub department: String,
    /// Job title.
    pub job: String,
    /// City.
    pub city: String,
    /// Country.
    pub country: String,
    /// Locale.
    pub language: String,
    /// Time zone.
    pub time_zone: String,
    /// Whether the account is active.
    pub active: bool,
    /// Last login time.
    pub last_login: Time,
    /// Fields only the admin users calls touch.
    pub extra: super::users::UserExtra,
}

impl User {
    /// `First Last`.
    pub fn full_name(&self) -> String {
        format!("{} {}", self.firstname, self.lastname)
    }
}

/// A security profile and its roles.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// ColdFusion id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Security roles, e.g. `MEDIAEDIT`.
    pub roles: Vec<String>,
}

/// An asset in "recently removed" (the trash), kept for 30 days on a real portal.
#[derive(Debug, Clone, PartialEq)]
pub struct RemovedAsset {
    /// The asset's id.
    pub id: String,
    /// The asset's name.
    pub name: String,
    /// When it was deleted.
    pub date_removed: Time,
    /// When it was uploaded.
    pub date_created: Time,
    /// Who deleted it (username).
    pub username: String,
    /// Who deleted it (id).
    pub user_id: String,
    /// Storage key of the original.
    pub s3_filepointer: String,
    /// The asset as it was when removed.
    pub asset: Asset,
}
