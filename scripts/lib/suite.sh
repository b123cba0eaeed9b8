# shellcheck shell=bash
# shellcheck disable=SC2034  # CURRENT_SUITE is read by the interrupt trap in scripts/test.sh
# Suite bookkeeping for scripts/test.sh: run a suite, time it, print one result line, and at the
# end a summary table closed by the plain line `N passed, M failed` that CI reads.

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
