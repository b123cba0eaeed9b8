//! The Bynder core for JavaScript: a thin wasm-bindgen layer that the npm package in `npm/`
//! wraps into its `Client` (methods per operation, camelCase options, async iterators,
//! `BynderError`s). Values cross as JSON text: `JSON.parse` in the engine is faster than
//! building JS objects value by value from wasm, and it keeps this layer small.

mod auth;
mod client;
mod errors;
mod js_transport;
mod pager;
mod transfer;

use wasm_bindgen::prelude::*;

pub use client::NativeClient;
pub use pager::NativePager;
pub use transfer::NativeCancel;

/// The operation table as JSON (see `bynder::ops::catalog`).
#[wasm_bindgen(js_name = operations)]
pub fn operations() -> String {
    bynder::ops::catalog().to_string()
}

/// Every OAuth2 scope the core knows, in Bynder's spelling.
#[wasm_bindgen(js_name = scopes)]
pub fn scopes() -> Vec<String> {
    bynder::Scope::ALL
        .iter()
        .map(|s| s.as_str().to_string())
        .collect()
}

/// The crate version.
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
