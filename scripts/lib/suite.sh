# shellcheck shell=bash
# shellcheck disable=SC2034  # CURRENT_SUITE is read by the interrupt trap in scripts/test.sh
# Suite bookkeeping for scripts/test.sh, and the helpers every suite file shares (`limit`,
# `ensure_mock_binary`): run a suite, time it, print one result line, and at the
# end a summary table closed by the plain line `N passed, M failed` that CI reads.

# limit SECONDS COMMAND...: a generous ceiling, so a hang fails its suite instead of eating CI's
# 90 minutes. timeout puts COMMAND in a process group of its own (so a timeout also ends the
# mock servers a test suite started); it runs in the background here so that Ctrl-C can still
# reach it: the trap ends that whole group.
limit() {
  local seconds=$1 pid rc
  shift
  timeout --kill-after=30 "$seconds" "$@" &
  pid=$!
  trap 'kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null; wait "$pid"; exit 130' INT TERM
  wait "$pid"
  rc=$?
  trap - INT TERM
  [ "$rc" -eq 124 ] && echo "TIMED OUT after ${seconds}s: $*" >&2
  return "$rc"
}

# ensure_mock_binary: BYNDER_MOCK_BIN (default: this checkout's debug bynder-mock), which the
# language suites' tests start; built when missing.
ensure_mock_binary() {
  local target=${CARGO_TARGET_DIR:-${REPO_ROOT:-$PWD}/target}
  case $target in /*) ;; *) target=${REPO_ROOT:-$PWD}/$target ;; esac
  export BYNDER_MOCK_BIN=${BYNDER_MOCK_BIN:-$target/debug/bynder-mock}
  if [ ! -x "$BYNDER_MOCK_BIN" ]; then
    echo "building bynder-mock ($BYNDER_MOCK_BIN is missing)"
    (cd "${REPO_ROOT:-$PWD}" && limit 2700 cargo build -p bynder-mock --locked) || return 1
  fi
  [ -x "$BYNDER_MOCK_BIN" ] || { echo "cannot run: $BYNDER_MOCK_BIN is missing" >&2; return 1; }
}

SUITE_NAMES=()
SUITE_RESULTS=()
SUITE_SECONDS=()
SUITE_NOTES=()
CURRENT_SUITE=

# record_suite NAME PASS|FAIL SECONDS [NOTE]
record_suite() {
  SUITE_NAMES+=("$1")
  SUITE_RESULTS+=("$2")
  SUITE_SECONDS+=("$3")
  SUITE_NOTES+=("${4:-}")
  local note=""
  [ -n "${4:-}" ] && note=" - $4"
  printf -- '--- %s  %s  (%ss)%s\n' "$2" "$1" "$3" "$note"
}

# suite_result NAME: PASS, FAIL, or nothing when the suite has not run.
suite_result() {
  local i
  for i in "${!SUITE_NAMES[@]}"; do
    if [ "${SUITE_NAMES[$i]}" = "$1" ]; then
      printf '%s' "${SUITE_RESULTS[$i]}"
      return 0
    fi
  done
}

# run_suite NAME DESCRIPTION COMMAND [ARGS...]
# Runs COMMAND in a subshell (so `set -u` slips or `exit` inside it end only that suite), with
# its output going straight to the terminal. Exit 0 is PASS, anything else FAIL.
run_suite() {
  local name=$1 description=$2
  shift 2
  printf '\n==> [%s] %s\n' "$name" "$description"
  CURRENT_SUITE=$name
  local start rc
  start=$(date +%s)
  ( "$@" )
  rc=$?
  local seconds=$(( $(date +%s) - start ))
  if [ "$rc" -eq 0 ]; then
    record_suite "$name" PASS "$seconds"
  else
    record_suite "$name" FAIL "$seconds" "exit code $rc"
  fi
  CURRENT_SUITE=
  return "$rc"
}

# print_summary: the table, then `N passed, M failed` as the very last line.
print_summary() {
  local i passed=0 failed=0 note
  printf '\n==> summary\n'
  for i in "${!SUITE_NAMES[@]}"; do
    note=""
    [ -n "${SUITE_NOTES[$i]}" ] && note="  ${SUITE_NOTES[$i]}"
    printf '%s  %-14s (%ss)%s\n' "${SUITE_RESULTS[$i]}" "${SUITE_NAMES[$i]}" "${SUITE_SECONDS[$i]}" "$note"
    if [ "${SUITE_RESULTS[$i]}" = PASS ]; then
      passed=$((passed + 1))
    else
      failed=$((failed + 1))
    fi
  done
  printf '%d passed, %d failed\n' "$passed" "$failed"
  [ "$failed" -eq 0 ]
}
