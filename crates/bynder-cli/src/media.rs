//! `bynder media ...` and `bynder collections ...`.

use clap::Subcommand;
use futures::StreamExt;

use bynder::Error;
use bynder::api::{CollectionQuery, MediaQuery};
use bynder::models::{Collection, Media};

use crate::connect::ConnectArgs;
use crate::output;

#[derive(Debug, Subcommand)]
pub enum MediaCommand {
    /// List or search assets.
    List {
        /// Search in names, tags, extensions...
        #[arg(long)]
        keyword: Option<String>,
        /// Asset type(s): image, document, audio, video, 3d (comma-separated).
        #[arg(long = "type", value_delimiter = ',')]
        types: Vec<String>,
        /// Only assets of this brand.
        #[arg(long)]
        brand: Option<String>,
        /// Only assets with these tags (comma-separated).
        #[arg(long, value_delimiter = ',')]
        tags: Vec<String>,
        /// Page size.
        #[arg(long, default_value_t = 50)]
        limit: u32,
        /// Page number (1-based).
        #[arg(long, default_value_t = 1)]
        page: u32,
        /// Fetch every page (prefetching the next while printing).
        #[arg(long)]
        all: bool,
    },
    /// Show one asset.
    Get {
        /// Asset id, in either UUID form.
        id: String,
        /// Include media items and versions.
        #[arg(long)]
        versions: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum CollectionsCommand {
    /// List collections.
    List {
        /// Search collection names.
        #[arg(long)]
        keyword: Option<String>,
        /// Page size.
        #[arg(long, default_value_t = 50)]
        limit: u32,
        /// Page number (1-based).
        #[arg(long, default_value_t = 1)]
        page: u32,
    },
}

pub async fn run_media(conn: &ConnectArgs, command: MediaCommand, json: bool) -> Result<(), Error> {
    let client = conn.client()?;
    match command {
        MediaCommand::List {
            keyword,
            types,
            brand,
            tags,
            limit,
            page,
            all,
        } => {
            let query = MediaQuery {
                keyword,
                types,
                brand_id: brand,
                tags,
                limit: Some(limit),
                page: Some(page),
                ..Default::default()
            };
            let media = if all {
                let mut stream = Box::pin(client.media().iter(&query));
                let mut media = Vec::new();
                while let Some(item) = stream.next().await {
                    media.push(item?);
                }
                media
            } else {
                client.media().list(&query).await?.media
            };
            if json {
                return output::json(&media);
            }
            print_media(&media);
            Ok(())
        }
        MediaCommand::Get { id, versions } => {
            let media = client.media().get(&id, versions).await?;
            if json {
                return output::json(&media);
            }
            print_media(std::slice::from_ref(&media));
            Ok(())
        }
    }
}

pub async fn run_collections(
    conn: &ConnectArgs,
    command: CollectionsCommand,
    json: bool,
) -> Result<(), Error> {
    let client = conn.client()?;
    match command {
        CollectionsCommand::List {
            keyword,
            limit,
            page,
        } => {
            let query = CollectionQuery {
                keyword,
                limit: Some(limit),
                page: Some(page),
                ..Default::default()
            };
            let collections = client.collections().list(&query).await?;
            if json {
                return output::json(&collections);
            }
            print_collections(&collections);
            Ok(())
        }
    }
}

pub fn print_media(media: &[Media]) {
    let rows: Vec<Vec<String>> = media
        .iter()
        .map(|m| {
            vec![
                m.id.clone(),
                m.name.clone().unwrap_or_default(),
                m.media_type.clone().unwrap_or_default(),
                m.tags.join(","),
            ]
        })
        .collect();
    output::table(&["ID", "NAME", "TYPE", "TAGS"], &rows);
}

pub fn print_collections(collections: &[Collection]) {
    let rows: Vec<Vec<String>> = collections
        .iter()
        .map(|c| {
            vec![
                c.id.clone(),
                c.name.clone().unwrap_or_default(),
                c.collection_count
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
            ]
        })
        .collect();
    output::table(&["ID", "NAME", "ASSETS"], &rows);
}
