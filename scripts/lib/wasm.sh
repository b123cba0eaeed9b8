# shellcheck shell=bash
# The JavaScript package's suites for scripts/test.sh (which sources this file):
#
#   suite_wasm_node     build the package (cargo → wasm-bindgen → wasm-opt), node --test
#                       bindings/wasm/tests/node against bynder-mock over real HTTP
#   suite_wasm_browser  the same package in headless Chromium: PKCE login, list, upload a File
#   suite_wasm_types    tsc --noEmit on the typed example; generated declarations are fresh
#
# Standalone: bash -c '. scripts/lib/suite.sh; . scripts/lib/wasm.sh; suite_wasm_node'
# Tools come from the registries only: the wasm32 target (rustup), wasm-bindgen-cli at exactly
# the crate's version (cargo install into .tools/, without --locked: see toolchain.md),
# binaryen 132 / typescript / playwright-core from npm (bindings/wasm/package-lock.json), and
# Debian's chromium. Builds are cached: the package by a fingerprint of its sources.

if [ -z "${REPO_ROOT:-}" ]; then
  REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
fi
# The shared helpers (`limit`, `ensure_mock_binary`), when sourced on its own.
declare -F ensure_mock_binary >/dev/null || . "$REPO_ROOT/scripts/lib/suite.sh"

WASM_DIR=bindings/wasm
WASM_PKG=$WASM_DIR/npm/pkg
WASM_TARGET_DIR=target/wasm
WASM_STAMP=$WASM_PKG/.build.stamp

# The wasm-bindgen version the lockfile pins (the CLI must match it exactly).
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$REPO_ROOT/Cargo.lock"
}

# wasm_tools: the wasm32 target, the matching wasm-bindgen CLI, the npm dev tools.
wasm_tools() {
  (
    cd "$REPO_ROOT" || exit 1
    rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown ||
      limit 600 rustup target add wasm32-unknown-unknown || exit 1
    local want
    want=$(wasm_bindgen_version)
    if [ "$(.tools/bin/wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ]; then
      echo "installing wasm-bindgen-cli $want into .tools (a few minutes, once)"
      limit 1800 cargo install -q wasm-bindgen-cli --version "=$want" --root .tools || exit 1
    fi
    local lock_hash
    lock_hash=$(sha256sum "$WASM_DIR/package-lock.json" | cut -d' ' -f1)
    if [ "$(cat "$WASM_DIR/node_modules/.lock.stamp" 2>/dev/null)" != "$lock_hash" ]; then
      (cd "$WASM_DIR" && limit 600 npm ci --no-audit --no-fund --silent) || exit 1
      printf '%s' "$lock_hash" >"$WASM_DIR/node_modules/.lock.stamp"
    fi
  )
}

wasm_fingerprint() {
  (
    cd "$REPO_ROOT" || exit 1
    {
      find crates/bynder/src "$WASM_DIR/src" -type f -print0 | sort -z | xargs -0 sha256sum
      sha256sum Cargo.toml Cargo.lock crates/bynder/Cargo.toml "$WASM_DIR/Cargo.toml" .cargo/config.toml
      rustc --version
    } | sha256sum | cut -d' ' -f1
  )
}

# wasm_build: cargo (profile `wasm`) → wasm-bindgen --target web → wasm-opt -Oz, into npm/pkg.
wasm_build() {
  wasm_tools || { echo "FAILED: the wasm tools" >&2; return 1; }
  (
    cd "$REPO_ROOT" || exit 1
    local want
    want=$(wasm_fingerprint)
    if [ -f "$WASM_STAMP" ] && [ "$(cat "$WASM_STAMP")" = "$want" ]; then
      echo "wasm package up to date (sources unchanged)"
      exit 0
    fi
    CARGO_TARGET_DIR=$WASM_TARGET_DIR limit 2700 cargo build --locked -p bynder-wasm \
      --target wasm32-unknown-unknown --profile wasm || exit 1
    rm -rf "$WASM_PKG"
    .tools/bin/wasm-bindgen --target web --out-dir "$WASM_PKG" \
      "$WASM_TARGET_DIR/wasm32-unknown-unknown/wasm/bynder_wasm.wasm" || exit 1
    # npm's binaryen 132, never Debian's 108 (its output fails to load: toolchain.md).
    limit 600 "$WASM_DIR/node_modules/.bin/wasm-opt" -Oz --enable-bulk-memory \
      --enable-reference-types --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals \
      "$WASM_PKG/bynder_wasm_bg.wasm" -o "$WASM_PKG/bynder_wasm_bg.wasm" || exit 1
    printf '%s' "$want" >"$WASM_STAMP"
    local bytes gz
    bytes=$(stat -c %s "$WASM_PKG/bynder_wasm_bg.wasm")
    gz=$(gzip -9 -c "$WASM_PKG/bynder_wasm_bg.wasm" | wc -c)
    echo "built $WASM_PKG/bynder_wasm_bg.wasm: $bytes bytes, $gz gzipped"
  )
}


# node_tests LOG_LABEL ARGS...: node --test with a count check (no passing test is a failure).
node_tests() {
  local label=$1 log rc passed failed
  shift
  log=$(mktemp)
  limit 900 node --test --test-reporter=spec "$@" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  passed=$(grep -aEo 'ℹ pass [0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+$')
  failed=$(grep -aEo 'ℹ fail [0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+$')
  rm -f "$log"
  echo "$label: ${passed:-0} passed, ${failed:-0} failed"
  if [ "$rc" -eq 0 ] && [ "${passed:-0}" -eq 0 ]; then
    echo "node --test ran no passing test: that is a failure" >&2
    return 1
  fi
  return "$rc"
}

suite_wasm_node() {
  wasm_build || return 1
  ensure_mock_binary || return 1
  (cd "$REPO_ROOT" && node_tests "wasm-node" "$WASM_DIR"/tests/node/*.test.mjs)
}

# Debian's chromium (the browser test drives it with playwright-core, no browser download).
wasm_chromium() {
  command -v chromium >/dev/null 2>&1 && return 0
  echo "installing Debian's chromium (apt-get)"
  local sudo=
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  limit 900 $sudo apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive limit 900 $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null ||
    { echo "cannot install chromium" >&2; return 1; }
}

suite_wasm_browser() {
  wasm_build || return 1
  ensure_mock_binary || return 1
  wasm_chromium || return 1
  (cd "$REPO_ROOT" && node_tests "wasm-browser" "$WASM_DIR"/tests/browser/*.test.mjs)
}

suite_wasm_types() {
  wasm_build || return 1
  (
    cd "$REPO_ROOT" || exit 1
    limit 300 node "$WASM_DIR/tools/generate-types.mjs" --check || exit 1
    limit 600 "$WASM_DIR/node_modules/.bin/tsc" -p "$WASM_DIR/examples/tsconfig.json" || exit 1
    echo "wasm-types: declarations fresh, tsc --noEmit clean on $WASM_DIR/examples"
  )
}
