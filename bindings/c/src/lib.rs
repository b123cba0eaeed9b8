//! # libbynder: the C interface of the Bynder SDK
//!
//! A thin face over the `bynder` core: every entry point converts C arguments, runs the core on
//! one process-wide tokio runtime, and converts the answer back. The header `include/bynder.h`
//! is generated from these sources by cbindgen (see `build.rs`), so the `///` comments here are
//! the header's Doxygen documentation.
//!
//! Rules every entry point keeps (checked by the C tests under AddressSanitizer):
//! - it never unwinds into C: [`guard`] catches panics and reports `BYNDER_ERR_INTERNAL`;
//! - a NULL pointer or a string that is not UTF-8 is a `BYNDER_ERR_INVALID_ARGUMENT`, never a
//!   crash;
//! - whatever it returns has exactly one way to free it.

// The C ABI cannot be written without raw pointers. The workspace denies `unsafe_code`; this
// crate alone allows it, and every `unsafe` block carries a `SAFETY:` comment.
#![allow(unsafe_code)]
// Type names follow C conventions (`bynder_client`), because cbindgen copies them verbatim.
#![allow(non_camel_case_types)]

mod auth;
mod bytes;
mod cancel;
mod client;
mod config;
mod download;
mod error;
mod guard;
mod ids;
mod ops;
mod paging;
mod progress;
mod runtime;
mod status;
mod strings;
mod upload;

/// The handles the header documents as thread-safe must stay `Send + Sync`: this fails to
/// compile otherwise.
const _: () = {
    const fn thread_safe<T: Send + Sync>() {}
    thread_safe::<client::bynder_client>();
    thread_safe::<paging::bynder_pages>();
    thread_safe::<cancel::bynder_cancel>();
    thread_safe::<error::bynder_error>();
};
