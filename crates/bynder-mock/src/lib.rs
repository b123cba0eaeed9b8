//! # bynder-mock
//!
//! A local Bynder-compatible portal: a real HTTP(S) server with in-memory state, OAuth2, scope
//! checks, Bynder's rate limit and fault injection, for tests and offline development.

pub mod handlers;
pub mod request;
pub mod store;
