//! Typed records of the common models, converted from the core's lenient serde types. Each
//! keeps the whole object as JSON in `json`, so custom `property_*` fields and anything Bynder
//! adds later are not lost.

use std::collections::HashMap;

use bynder::models;

fn json_of(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "{}".to_string())
}

fn date(value: &Option<models::BynderDate>) -> Option<String> {
    value.as_ref().map(|d| d.raw().to_string())
}

/// An asset.
#[derive(Debug, Clone, uniffi::Record)]
pub struct Media {
    /// The ColdFusion id (`8-4-4-16`), as the portal sent it.
    pub id: String,
    pub name: Option<String>,
    pub description: Option<String>,
    pub copyright: Option<String>,
    /// `image`, `document`, `video`, `audio` or `3d`.
    pub media_type: Option<String>,
    pub brand_id: Option<String>,
    pub file_name: Option<String>,
    pub file_size: Option<u64>,
    pub width: Option<u64>,
    pub height: Option<u64>,
    pub extensions: Vec<String>,
    pub tags: Vec<String>,
    /// Ids of the metaproperty options set on the asset.
    pub property_options: Vec<String>,
    pub archive: Option<bool>,
    pub is_public: Option<bool>,
    /// As the portal sent it (ISO 8601).
    pub date_created: Option<String>,
    pub date_modified: Option<String>,
    /// Thumbnail URLs by name (`mini`, `thul`, `webimage`, derivatives).
    pub thumbnails: HashMap<String, String>,
    /// The whole asset as JSON, `property_*` fields included.
    pub json: String,
}

impl From<models::Media> for Media {
    fn from(m: models::Media) -> Media {
        let thumbnails = m
            .thumbnails
            .iter()
            .flatten()
            .filter_map(|(k, v)| v.as_str().map(|url| (k.clone(), url.to_string())))
            .collect();
        Media {
            json: json_of(&m),
            date_created: date(&m.date_created),
            date_modified: date(&m.date_modified),
            id: m.id,
            name: m.name,
            description: m.description,
            copyright: m.copyright,
            media_type: m.media_type,
            brand_id: m.brand_id,
            file_name: m.file_name,
            file_size: m.file_size,
            width: m.width,
            height: m.height,
            extensions: m.extension,
            tags: m.tags,
            property_options: m.property_options,
            archive: m.archive,
            is_public: m.is_public,
            thumbnails,
        }
    }
}

/// One page of `media.list`.
#[derive(Debug, Clone, uniffi::Record)]
pub struct MediaPage {
    pub media: Vec<Media>,
    /// The total count, when asked for with `total = true`.
    pub total: Option<u64>,
}

impl From<models::MediaPage> for MediaPage {
    fn from(page: models::MediaPage) -> MediaPage {
        MediaPage {
            media: page.media.into_iter().map(Media::from).collect(),
            total: page.total,
        }
    }
}

/// A collection.
#[derive(Debug, Clone, uniffi::Record)]
pub struct Collection {
    pub id: String,
    pub name: Option<String>,
    pub description: Option<String>,
    /// Assets in it.
    pub collection_count: Option<u64>,
    pub is_public: Option<bool>,
    pub date_created: Option<String>,
    pub date_modified: Option<String>,
    pub json: String,
}

impl From<models::Collection> for Collection {
    fn from(c: models::Collection) -> Collection {
        Collection {
            json: json_of(&c),
            date_created: date(&c.date_created),
            date_modified: date(&c.date_modified),
            id: c.id,
            name: c.name,
            description: c.description,
            collection_count: c.collection_count,
            is_public: c.is_public,
        }
    }
}

/// A sub-brand.
#[derive(Debug, Clone, uniffi::Record)]
pub struct SubBrand {
    pub id: String,
    pub name: Option<String>,
    pub description: Option<String>,
}

/// A brand with its sub-brands.
#[derive(Debug, Clone, uniffi::Record)]
pub struct Brand {
    pub id: String,
    pub name: Option<String>,
    pub description: Option<String>,
    pub image: Option<String>,
    pub sub_brands: Vec<SubBrand>,
    pub json: String,
}

impl From<models::Brand> for Brand {
    fn from(b: models::Brand) -> Brand {
        Brand {
            json: json_of(&b),
            id: b.id,
            name: b.name,
            description: b.description,
            image: b.image,
            sub_brands: b
                .sub_brands
                .into_iter()
                .map(|s| SubBrand {
                    id: s.id,
                    name: s.name,
                    description: s.description,
                })
                .collect(),
        }
    }
}

/// A tag.
#[derive(Debug, Clone, uniffi::Record)]
pub struct Tag {
    pub id: String,
    /// The tag's text.
    pub tag: Option<String>,
    pub media_count: Option<u64>,
}

impl From<models::Tag> for Tag {
    fn from(t: models::Tag) -> Tag {
        Tag {
            id: t.id,
            tag: t.tag,
            media_count: t.media_count,
        }
    }
}

/// An option of a metaproperty.
#[derive(Debug, Clone, uniffi::Record)]
pub struct MetapropertyOption {
    pub id: String,
    pub name: Option<String>,
    pub label: Option<String>,
    pub json: String,
}

impl From<models::MetapropertyOption> for MetapropertyOption {
    fn from(o: models::MetapropertyOption) -> MetapropertyOption {
        MetapropertyOption {
            json: json_of(&o),
            id: o.id,
            name: o.name,
            label: o.label,
        }
    }
}

/// A metaproperty (custom field) and its options.
#[derive(Debug, Clone, uniffi::Record)]
pub struct Metaproperty {
    pub id: String,
    pub name: Option<String>,
    pub label: Option<String>,
    /// `select`, `text`, `date`...
    pub property_type: Option<String>,
    pub is_multiselect: Option<bool>,
    pub is_required: Option<bool>,
    pub options: Vec<MetapropertyOption>,
    pub json: String,
}

impl From<models::Metaproperty> for Metaproperty {
    fn from(m: models::Metaproperty) -> Metaproperty {
        Metaproperty {
            json: json_of(&m),
            id: m.id,
            name: m.name,
            label: m.label,
            property_type: m.property_type,
            is_multiselect: m.is_multiselect,
            is_required: m.is_required,
            options: m.options.into_iter().map(Into::into).collect(),
        }
    }
}

/// A portal user.
#[derive(Debug, Clone, uniffi::Record)]
pub struct User {
    pub id: String,
    pub username: Option<String>,
    pub name: Option<String>,
    pub email: Option<String>,
    pub profile_id: Option<String>,
    pub json: String,
}

impl From<models::User> for User {
    fn from(u: models::User) -> User {
        User {
            json: json_of(&u),
            id: u.id,
            username: u.username,
            name: u.name,
            email: u.email,
            profile_id: u.profile_id,
        }
    }
}
