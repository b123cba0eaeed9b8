//! # bynder
//!
//! An async client for the [Bynder](https://www.bynder.com) Digital Asset Management API.
//!
//! - Every operation is described once in the [operation table](ops::OPERATIONS); typed
//!   methods ([`Client::media`], [`Client::collections`], ...) and the generic
//!   [`Client::call`] both use it.
//! - OAuth2 (client credentials, authorization code with PKCE, refresh tokens) and permanent
//!   tokens, with proactive single-flight refresh and a token-persistence callback.
//! - A rate limiter that keeps within Bynder's 4500 requests per 5 minutes, shared by every
//!   client of a portal in the process, and retries with jittered backoff.
//! - Identifiers accepted in either UUID form and converted to the form each path needs.

pub mod api;
pub mod auth;
pub mod client;
pub mod error;
pub mod id;
pub mod lenient;
pub mod models;
pub mod ops;
pub mod paging;
mod platform;
pub mod ratelimit;
pub mod retry;
pub mod scope;
pub mod time;
pub mod transfer;
pub mod transport;

pub use client::{Client, ClientBuilder, ClientStats, RawResponse};
pub use error::{Error, ErrorKind, Result};
pub use scope::Scope;
