#!/usr/bin/env bash
# Regenerates the committed Kotlin and Swift sources from the built library, or checks them.
#
#   bash bindings/uniffi/generate.sh           write them (after `cargo build -p bynder-uniffi -p uniffi-bindgen`)
#   bash bindings/uniffi/generate.sh --check   fail, with a diff, when a committed file is stale
#
# uniffi reads the API from the library's metadata (library mode) and the names from
# bindings/uniffi/uniffi.toml. The generator's output files are placed as the packages want them:
#   kotlin/src/main/kotlin/com/bynder/sdk/bynder.kt
#   swift/Sources/Bynder/Bynder.swift
#   swift/Sources/BynderFFI/BynderFFI.h and module.modulemap (uniffi calls it BynderFFI.modulemap)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
TARGET=${CARGO_TARGET_DIR:-$REPO/target}
case $TARGET in /*) ;; *) TARGET=$REPO/$TARGET ;; esac
LIB=$TARGET/debug/libbynder_uniffi.so
BINDGEN=$TARGET/debug/uniffi-bindgen

check=0
case ${1:-} in
  --check) check=1 ;;
  "") ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

for file in "$LIB" "$BINDGEN"; do
  [ -x "$file" ] || [ -f "$file" ] || {
    echo "$file is missing: run cargo build -p bynder-uniffi -p uniffi-bindgen first" >&2
    exit 1
  }
done

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for language in kotlin swift; do
  # From the crate's directory, so uniffi-bindgen finds uniffi.toml through cargo metadata.
  (cd "$HERE" && "$BINDGEN" generate --no-format --library "$LIB" --language "$language" \
    --out-dir "$out/$language") >"$out/$language.log" 2>&1 || {
    cat "$out/$language.log" >&2
    echo "uniffi-bindgen failed for $language" >&2
    exit 1
  }
done

# generated file -> committed file
pairs=(
  "kotlin/com/bynder/sdk/bynder.kt:kotlin/src/main/kotlin/com/bynder/sdk/bynder.kt"
  "swift/Bynder.swift:swift/Sources/Bynder/Bynder.swift"
  "swift/BynderFFI.h:swift/Sources/BynderFFI/BynderFFI.h"
  "swift/BynderFFI.modulemap:swift/Sources/BynderFFI/module.modulemap"
)
stale=0
for pair in "${pairs[@]}"; do
  generated=$out/${pair%%:*}
  committed=$HERE/${pair#*:}
  [ -f "$generated" ] || { echo "uniffi-bindgen did not write ${pair%%:*}" >&2; exit 1; }
  if [ "$check" -eq 1 ]; then
    if ! diff -u "$committed" "$generated" >"$out/diff" 2>&1; then
      echo "STALE: bindings/uniffi/${pair#*:} differs from what the library generates:" >&2
      head -40 "$out/diff" >&2
      stale=1
    fi
  else
    mkdir -p "$(dirname "$committed")"
    cp "$generated" "$committed"
    echo "wrote bindings/uniffi/${pair#*:}"
  fi
done
if [ "$check" -eq 1 ]; then
  if [ "$stale" -ne 0 ]; then
    echo "regenerate with: bash bindings/uniffi/generate.sh" >&2
    exit 1
  fi
  echo "generated sources fresh (${#pairs[@]} files)"
fi
