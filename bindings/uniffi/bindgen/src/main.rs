//! `uniffi-bindgen`: pinned to the same uniffi as `bynder-uniffi`, because generated sources
//! must match the scaffolding's contract version exactly.

fn main() {
    uniffi::uniffi_bindgen_main()
}
