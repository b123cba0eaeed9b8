# shellcheck shell=bash
# The Kotlin and Swift packages' suite for scripts/test.sh (which sources this file):
#
#   suite_uniffi   cargo build -p bynder-uniffi -p uniffi-bindgen (debug), check that the committed
#                  Kotlin and Swift sources are what the library generates, run the Kotlin JUnit
#                  tests with Maven against bynder-mock over real HTTP, and the Swift tests when a
#                  Swift toolchain exists (none does on these machines: the suite says so)
#
# Standalone: bash -c '. scripts/lib/uniffi.sh; suite_uniffi'
# It installs what it needs: Maven and a JDK from apt when missing; the Maven packages (Kotlin
# compiler, JNA, coroutines, JUnit) into .cache/m2 (git-ignored), so CI can cache that folder.

if [ -z "${REPO_ROOT:-}" ]; then
  REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
fi
UNIFFI_DIR=bindings/uniffi
UNIFFI_M2=${UNIFFI_M2:-$REPO_ROOT/.cache/m2}

# The shared helpers (`limit`, `ensure_mock_binary`), when sourced on its own.
declare -F ensure_mock_binary >/dev/null || . "$REPO_ROOT/scripts/lib/suite.sh"

uniffi_target_dir() {
  local target=${CARGO_TARGET_DIR:-$REPO_ROOT/target}
  case $target in /*) ;; *) target=$REPO_ROOT/$target ;; esac
  printf '%s' "$target"
}

# uniffi_java_tools: mvn and a JDK 17+ (from apt when missing).
uniffi_java_tools() {
  local need=()
  command -v mvn >/dev/null 2>&1 || need+=(maven)
  if ! command -v javac >/dev/null 2>&1; then
    need+=(openjdk-17-jdk-headless)
  fi
  if [ ${#need[@]} -gt 0 ]; then
    echo "installing ${need[*]} (apt)"
    command -v apt-get >/dev/null 2>&1 || { echo "cannot install ${need[*]}: no apt-get" >&2; return 1; }
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${need[@]}" >/dev/null || return 1
  fi
  local major
  major=$(javac -version 2>&1 | sed -n 's/^javac \([0-9]*\).*/\1/p')
  if [ -z "$major" ] || [ "$major" -lt 17 ]; then
    echo "javac $(javac -version 2>&1) is too old: the Kotlin package targets Java 17" >&2
    return 1
  fi
  echo "$(mvn -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g'), javac $major"
}


# uniffi_swift: runs the XCTest suite when a real Swift toolchain is on PATH (Debian's `swift`
# package is the OpenStack client, not the compiler). Prints one word for the summary.
uniffi_swift() {
  if ! command -v swift >/dev/null 2>&1 || ! swift --version 2>&1 | grep -q 'Swift version'; then
    echo "not-run"
    return 0
  fi
  local lib
  lib=$(uniffi_target_dir)/debug
  if (cd "$REPO_ROOT/$UNIFFI_DIR/swift" &&
    LD_LIBRARY_PATH="$lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" BYNDER_MOCK_BIN=$BYNDER_MOCK_BIN \
      limit 1800 swift test -Xlinker -L"$lib" >&2); then
    echo "passed"
  else
    echo "failed"
  fi
}

suite_uniffi() {
  (
    cd "$REPO_ROOT" || exit 1
    echo "cargo build -p bynder-uniffi -p uniffi-bindgen --locked"
    limit 2700 cargo build -p bynder-uniffi -p uniffi-bindgen --locked || {
      echo "FAILED: the uniffi library does not build" >&2
      exit 1
    }
    local fresh=fresh
    bash "$UNIFFI_DIR/generate.sh" --check || fresh=STALE
    ensure_mock_binary || exit 1
    uniffi_java_tools || { echo "FAILED: Maven/JDK" >&2; exit 1; }

    local log rc reports
    log=$(mktemp)
    reports=$REPO_ROOT/$UNIFFI_DIR/kotlin/target/surefire-reports
    rm -rf "$reports"
    echo "mvn test in $UNIFFI_DIR/kotlin (packages cached in ${UNIFFI_M2#"$REPO_ROOT"/})"
    (cd "$UNIFFI_DIR/kotlin" && limit 1800 mvn -B --no-transfer-progress \
      -Dmaven.repo.local="$UNIFFI_M2" \
      -Dbynder.lib.dir="$(uniffi_target_dir)/debug" \
      -Dbynder.mock.bin="$BYNDER_MOCK_BIN" \
      test) >"$log" 2>&1
    rc=$?
    # Surefire's own lines, then the totals of every test class's report.
    grep -aE '^\[(INFO|ERROR|WARNING)\] (Tests run:|  |[A-Za-z]+Test\.)|FAIL|BUILD' "$log" | grep -av 'Download' || true
    if [ "$rc" -ne 0 ]; then
      echo "--- last lines of the Maven log:" >&2
      tail -40 "$log" >&2
    fi
    rm -f "$log"
    local run=0 failures=0 errors=0 skipped=0 file line
    for file in "$reports"/TEST-*.xml; do
      [ -f "$file" ] || continue
      line=$(grep -m1 -o '<testsuite [^>]*>' "$file")
      run=$((run + $(sed -n 's/.* tests="\([0-9]*\)".*/\1/p' <<<"$line")))
      failures=$((failures + $(sed -n 's/.* failures="\([0-9]*\)".*/\1/p' <<<"$line")))
      errors=$((errors + $(sed -n 's/.* errors="\([0-9]*\)".*/\1/p' <<<"$line")))
      skipped=$((skipped + $(sed -n 's/.* skipped="\([0-9]*\)".*/\1/p' <<<"$line")))
    done
    local failed=$((failures + errors)) passed=$((run - failures - errors - skipped))
    local swift swift_note
    swift=$(uniffi_swift)
    case $swift in
      not-run) swift_note="swift: not run, no Swift toolchain on this machine; sources regenerated and checked $fresh" ;;
      *) swift_note="swift: XCTest $swift; sources regenerated and checked $fresh" ;;
    esac
    echo "kotlin: $passed tests passed, $failed failed, $skipped skipped; $swift_note"
    if [ "$run" -eq 0 ]; then
      echo "Maven ran no Kotlin test: that is a failure" >&2
      exit 1
    fi
    [ "$rc" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$fresh" = fresh ] && [ "$swift" != failed ]
  )
}
