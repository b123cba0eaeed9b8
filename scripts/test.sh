#!/usr/bin/env bash
# The one test command, for developers and CI (`.ci/run` runs it as is).
#
#   bash scripts/test.sh                      every suite
#   bash scripts/test.sh --quick --only fmt   one suite (repeat --only, or give a comma list)
#   bash scripts/test.sh --list               the suite names
#
# Suites, in order: tools fmt clippy test build compat-python compat-js python python-types c
# wasm-node wasm-browser wasm-types uniffi demo.
# `tools` (rustfmt/clippy, the .venv, the JS node_modules) always runs first and is cached; if it
# fails nothing else can run, so the script stops there. Every other suite runs even after an
# earlier one failed, so one run shows everything. The last line is `N passed, M failed`
# (counting suites) and the exit code is non-zero when any suite failed.
set -u

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2
REPO_ROOT=$PWD
# shellcheck source=scripts/lib/suite.sh
. scripts/lib/suite.sh
# shellcheck source=scripts/lib/tools.sh
. scripts/lib/tools.sh
# shellcheck source=scripts/lib/python.sh
. scripts/lib/python.sh
# shellcheck source=scripts/lib/c.sh
. scripts/lib/c.sh
# shellcheck source=scripts/lib/wasm.sh
. scripts/lib/wasm.sh
# shellcheck source=scripts/lib/uniffi.sh
. scripts/lib/uniffi.sh

ALL_SUITES=(fmt clippy test build compat-python compat-js python python-types c wasm-node wasm-browser
  wasm-types uniffi demo)
ONLY=()

usage() {
  sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
}

while [ $# -gt 0 ]; do
  case $1 in
    --quick) ;; # Same suites; the mode in which a developer narrows the run with --only.
    --only)
      [ $# -ge 2 ] || { echo "--only needs a suite name" >&2; exit 2; }
      IFS=, read -r -a names <<<"$2"
      ONLY+=("${names[@]}")
      shift
      ;;
    --only=*) IFS=, read -r -a names <<<"${1#--only=}"; ONLY+=("${names[@]}") ;;
    --list) printf '%s\n' tools "${ALL_SUITES[@]}"; exit 0 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "unknown argument: $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

for name in "${ONLY[@]+"${ONLY[@]}"}"; do
  case " tools ${ALL_SUITES[*]} " in
    *" $name "*) ;;
    *) echo "unknown suite: $name (suites: tools ${ALL_SUITES[*]})" >&2; exit 2 ;;
  esac
done

selected() {
  [ ${#ONLY[@]} -eq 0 ] && return 0
  local name
  for name in "${ONLY[@]}"; do [ "$name" = "$1" ] && return 0; done
  return 1
}

TARGET_DIR=${CARGO_TARGET_DIR:-$REPO_ROOT/target}
case $TARGET_DIR in /*) ;; *) TARGET_DIR=$REPO_ROOT/$TARGET_DIR ;; esac
export BYNDER_MOCK_BIN=${BYNDER_MOCK_BIN:-$TARGET_DIR/debug/bynder-mock}
BYNDER_BIN=$TARGET_DIR/debug/bynder
if [ "${CI:-}" = true ]; then
  # A fresh clone builds once: incremental artifacts only cost time and disk.
  export CARGO_INCREMENTAL=0
fi
export RUST_BACKTRACE=${RUST_BACKTRACE:-1}

suite_fmt() { limit 600 cargo fmt --all --check; }
suite_clippy() { limit 2700 cargo clippy --workspace --all-targets --locked -- -D warnings; }
# --no-fail-fast: one failing test binary must not hide the results of the others.
suite_test() { limit 2700 cargo test --workspace --locked --no-fail-fast; }
suite_build() { limit 2700 cargo build -p bynder-mock -p bynder-cli --locked; }

# A suite that runs a binary needs this run's build of it. When the build suite failed (say, in
# the other crate), try building just that package, so one broken crate does not hide the rest.
need_binary() {
  local package=$1 binary=$2
  if [ "$(suite_result build)" != PASS ]; then
    echo "the build suite did not run or failed: building $package alone"
    limit 2700 cargo build -p "$package" --locked || {
      echo "cannot run: $package does not build" >&2
      return 1
    }
  fi
  [ -x "$binary" ] || { echo "cannot run: $binary is missing" >&2; return 1; }
}

suite_compat_python() {
  need_binary bynder-mock "$BYNDER_MOCK_BIN" || return 1
  limit 900 .venv/bin/python -m pytest tests/compat/python -q
  local rc=$?
  [ "$rc" -eq 5 ] && echo "pytest collected no tests: that is a failure" >&2
  return "$rc"
}

suite_compat_js() {
  need_binary bynder-mock "$BYNDER_MOCK_BIN" || return 1
  local log rc passed
  log=$(mktemp)
  limit 900 node --test --test-reporter=spec tests/compat/js/ 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  passed=$(grep -aEo '(^# |ℹ )pass [0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+$')
  rm -f "$log"
  if [ "$rc" -eq 0 ] && [ "${passed:-0}" -eq 0 ]; then
    echo "node --test ran no passing test: that is a failure" >&2
    return 1
  fi
  return "$rc"
}

suite_demo() {
  need_binary bynder-cli "$BYNDER_BIN" || return 1
  limit 600 "$BYNDER_BIN" demo </dev/null
}

describe() {
  case $1 in
    fmt) echo "cargo fmt --all --check" ;;
    clippy) echo "cargo clippy --workspace --all-targets --locked -- -D warnings" ;;
    test) echo "cargo test --workspace --locked --no-fail-fast" ;;
    build) echo "cargo build -p bynder-mock -p bynder-cli --locked" ;;
    compat-python) echo "official Python SDK (bynder-sdk 2.0.2) against bynder-mock: pytest tests/compat/python" ;;
    compat-js) echo "official JS SDK (@bynder/bynder-js-sdk 2.5.2) against bynder-mock: node --test tests/compat/js/" ;;
    python) echo "Python package: pip install ./python into .venv-python, pytest python/tests against bynder-mock" ;;
    python-types) echo "mypy --strict on python/examples and the bynder package, stub freshness" ;;
    c) echo "C library: include/bynder.h fresh, C tests under ASan/LSan, C and Go examples, pkg-config/CMake install" ;;
    wasm-node) echo "JS package (wasm-bindgen, wasm-opt): node --test bindings/wasm/tests/node against bynder-mock" ;;
    wasm-browser) echo "JS package in headless Chromium: PKCE login, list, upload a File, download it" ;;
    wasm-types) echo "TypeScript declarations fresh, tsc --noEmit on bindings/wasm/examples" ;;
    uniffi) echo "uniffi: generated Kotlin/Swift fresh, Kotlin JUnit (mvn test) against bynder-mock; Swift not runnable here" ;;
    demo) echo "bynder demo (must exit 0)" ;;
  esac
}

# Ctrl-C ends the running suite (see limit) and then the whole run, with the summary so far.
trap 'echo "interrupted" >&2; [ -n "$CURRENT_SUITE" ] && record_suite "$CURRENT_SUITE" FAIL 0 "interrupted"; print_summary; exit 130' INT TERM

printf 'scripts/test.sh: %s\n' "$(date -u '+%Y-%m-%dT%H:%M:%SZ')"
run_suite tools "rustup components, .venv ($PY_REQUIREMENTS), npm ci in $JS_DIR" install_tools
if [ "$(suite_result tools)" != PASS ]; then
  echo "tool install failed: no other suite can run" >&2
  for name in "${ALL_SUITES[@]}"; do
    selected "$name" && record_suite "$name" FAIL 0 "not run: tools failed"
  done
  print_summary
  exit 1
fi

for name in "${ALL_SUITES[@]}"; do
  selected "$name" || continue
  run_suite "$name" "$(describe "$name")" "suite_${name//-/_}"
done

print_summary
