//! `bynder-uniffi`: the Bynder core for Kotlin and Swift, through uniffi (proc-macro style).
//!
//! Kotlin and Swift see one `BynderClient` object built from a `ClientConfig` record, with
//! `suspend`/`async` methods: `call(operation, paramsJson)` for every operation of the core's
//! table, typed methods for the common ones, OAuth2 (authorization code with PKCE, a token
//! store they implement), pagers, uploads and downloads with progress listeners and
//! cancellation handles, and one flat error enum mirroring `bynder::ErrorKind`.
//!
//! This crate only converts; everything that knows Bynder is in the core. The generated
//! sources live in `kotlin/` and `swift/` beside this crate (see its README).

uniffi::setup_scaffolding!("bynder");

mod auth;
mod client;
mod config;
mod error;
mod events;
mod models;
mod ops;
mod paging;
mod runtime;
mod transfer;
mod typed;

pub use auth::{AuthorizationRequest, Token, TokenStore};
pub use client::{BynderClient, ClientStats, RawResponse};
pub use config::{ClientConfig, Credentials, RateLimit, UploadFlow};
pub use error::{BynderError, CallbackError};
pub use events::{DownloadEvent, DownloadListener, UploadEvent, UploadListener};
pub use models::{
    Brand, Collection, Media, MediaPage, Metaproperty, MetapropertyOption, SubBrand, Tag, User,
};
pub use ops::{OperationInfo, library_version, operations, operations_json, scopes};
pub use paging::{Page, Pager};
pub use transfer::{CancelHandle, DownloadRequest, DownloadResult, UploadRequest, UploadResult};
pub use typed::{CollectionQuery, MediaQuery, MediaUpdate, TagQuery};
