//! Generates the C header from this crate's sources with cbindgen.
//!
//! The header always goes to `$OUT_DIR/bynder.h`; the committed copy, `include/bynder.h`, is
//! rewritten only when `BYNDER_C_WRITE_HEADER=1`, so a build never silently changes a tracked
//! file and the test suite can compare the two (scripts/lib/c.sh fails on any difference).

use std::error::Error;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    let crate_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?);
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=cbindgen.toml");
    println!("cargo:rerun-if-env-changed=BYNDER_C_WRITE_HEADER");

    let config = cbindgen::Config::from_file(crate_dir.join("cbindgen.toml"))?;
    // From the source files, not `cargo metadata`: the header describes this crate alone.
    let bindings = cbindgen::Builder::new()
        .with_config(config)
        .with_src(crate_dir.join("src").join("lib.rs"))
        .generate()?;
    bindings.write_to_file(PathBuf::from(std::env::var("OUT_DIR")?).join("bynder.h"));
    if std::env::var_os("BYNDER_C_WRITE_HEADER").is_some_and(|v| v == "1") {
        let committed = crate_dir.join("../../include/bynder.h");
        bindings.write_to_file(&committed);
        println!("cargo:warning=regenerated include/bynder.h");
    }
    Ok(())
}
