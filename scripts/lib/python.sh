# shellcheck shell=bash
# The Python package's suites for scripts/test.sh (which sources this file):
#
#   suite_python        build the wheel with pip from ./python, install it into .venv-python,
#                       run pytest (python/tests) against bynder-mock over real HTTP
#   suite_python_types  mypy --strict on python/examples and the installed package's stubs,
#                       and the stub generator's freshness check
#
# Standalone: bash -c '. scripts/lib/suite.sh; . scripts/lib/python.sh; suite_python'
# Both work on a fresh clone with only the package registries reachable: the venv comes from
# the pinned python/requirements-dev.txt, the wheel from `pip wheel ./python` (maturin), the mock
# from cargo. Everything is cached: the venv by a stamp of the requirements, the wheel by a
# fingerprint of the sources it is built from, cargo's work in target/python.

PYTHON_VENV=.venv-python
PYTHON_REQUIREMENTS=python/requirements-dev.txt
PYTHON_REQUIREMENTS_STAMP=$PYTHON_VENV/.requirements.stamp
PYTHON_WHEEL_STAMP=$PYTHON_VENV/.wheel.stamp

# Run from the repository root, whoever sourced us.
if [ -z "${REPO_ROOT:-}" ]; then
  REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
fi

# The shared helpers (`limit`, `ensure_mock_binary`), when sourced on its own.
declare -F ensure_mock_binary >/dev/null || . "$REPO_ROOT/scripts/lib/suite.sh"

# python_venv: .venv-python with the pinned tools (a no-op when the requirements are unchanged).
python_venv() {
  (
    cd "$REPO_ROOT" || exit 1
    local python=${PYTHON:-python3}
    if ! command -v "$python" >/dev/null 2>&1; then
      echo "python3 not found: install Python 3.10 or newer" >&2
      exit 1
    fi
    if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 10))'; then
      echo "$("$python" --version) is too old: the package needs Python 3.10 or newer" >&2
      exit 1
    fi
    if [ ! -x "$PYTHON_VENV/bin/python" ]; then
      "$python" -m venv "$PYTHON_VENV" || {
        rm -rf "$PYTHON_VENV"
        echo "cannot create $PYTHON_VENV (Debian: apt-get install python3-venv)" >&2
        exit 1
      }
    fi
    local want
    want="$(sha256sum "$PYTHON_REQUIREMENTS" | cut -d' ' -f1) $("$PYTHON_VENV/bin/python" --version 2>&1)"
    if [ -f "$PYTHON_REQUIREMENTS_STAMP" ] && [ "$(cat "$PYTHON_REQUIREMENTS_STAMP")" = "$want" ]; then
      echo "$PYTHON_VENV up to date ($("$PYTHON_VENV/bin/python" --version))"
      exit 0
    fi
    limit 900 "$PYTHON_VENV/bin/python" -m pip install --disable-pip-version-check -q \
      -r "$PYTHON_REQUIREMENTS" || exit 1
    printf '%s' "$want" >"$PYTHON_REQUIREMENTS_STAMP"
    echo "$PYTHON_VENV ready ($("$PYTHON_VENV/bin/python" --version))"
  )
}

# python_sources_fingerprint: everything the wheel is built from.
python_sources_fingerprint() {
  (
    cd "$REPO_ROOT" || exit 1
    {
      find bindings/python crates/bynder/src python/src python/pyproject.toml python/README.md \
        Cargo.toml Cargo.lock crates/bynder/Cargo.toml -type f \
        ! -name '*.pyc' ! -path '*/__pycache__/*' -print0 |
        sort -z | xargs -0 sha256sum
      rustc --version 2>&1
    } | sha256sum | cut -d' ' -f1
  )
}

# python_wheel: `pip wheel ./python` (release build through maturin, cached in target/python),
# installed into the venv. Skipped when the installed wheel was built from the same sources.
python_wheel() {
  (
    cd "$REPO_ROOT" || exit 1
    local want wheels log
    want=$(python_sources_fingerprint)
    if [ -f "$PYTHON_WHEEL_STAMP" ] && [ "$(cat "$PYTHON_WHEEL_STAMP")" = "$want" ] &&
      "$PYTHON_VENV/bin/python" -c 'import bynder' 2>/dev/null; then
      echo "bynder wheel up to date (sources unchanged)"
      exit 0
    fi
    wheels=$REPO_ROOT/target/python/wheels
    rm -rf "$wheels"
    mkdir -p "$wheels"
    log=$REPO_ROOT/target/python/wheel-build.log
    echo "building the wheel: pip wheel ./python (log: $log)"
    # Its own target dir: maturin and plain cargo build pyo3 with different settings, and
    # sharing one would rebuild it on every switch.
    if ! CARGO_TARGET_DIR=$REPO_ROOT/target/python limit 2700 \
      "$PYTHON_VENV/bin/python" -m pip wheel --disable-pip-version-check --no-deps \
      -w "$wheels" ./python >"$log" 2>&1; then
      tail -40 "$log" >&2
      echo "the wheel did not build" >&2
      exit 1
    fi
    local wheel
    wheel=$(ls "$wheels"/bynder-*.whl 2>/dev/null | head -1)
    [ -n "$wheel" ] || { echo "pip wheel produced no bynder wheel" >&2; exit 1; }
    case $(basename "$wheel") in
      *-cp310-abi3-*) ;;
      *) echo "$(basename "$wheel") is not an abi3 wheel for CPython 3.10+" >&2; exit 1 ;;
    esac
    "$PYTHON_VENV/bin/python" -m pip install --disable-pip-version-check -q --force-reinstall \
      --no-deps "$wheel" || exit 1
    printf '%s' "$want" >"$PYTHON_WHEEL_STAMP"
    echo "installed $(basename "$wheel") ($(du -k "$wheel" | cut -f1) KiB)"
  )
}


suite_python() {
  python_venv || { echo "FAILED: $PYTHON_VENV" >&2; return 1; }
  python_wheel || { echo "FAILED: the wheel" >&2; return 1; }
  ensure_mock_binary || return 1
  local log rc summary
  log=$(mktemp)
  # From python/, so the tests import the installed wheel (python/src is never on sys.path).
  (cd "$REPO_ROOT/python" && limit 1200 "../$PYTHON_VENV/bin/python" -m pytest tests -q -rs) 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  summary=$(grep -aE '^=*\s*[0-9]+ (passed|failed)|^[0-9]+ (passed|failed)' "$log" | tail -1)
  rm -f "$log"
  if [ "$rc" -eq 5 ]; then
    echo "pytest collected no tests: that is a failure" >&2
    return 1
  fi
  echo "python package: ${summary:-no pytest summary} (exit code $rc)"
  return "$rc"
}

suite_python_types() {
  python_venv || { echo "FAILED: $PYTHON_VENV" >&2; return 1; }
  python_wheel || { echo "FAILED: the wheel" >&2; return 1; }
  local rc=0
  (
    cd "$REPO_ROOT/python" || exit 1
    echo "mypy --strict python/examples (against the installed package's stubs)"
    limit 600 "../$PYTHON_VENV/bin/python" -m mypy --strict --no-incremental examples || exit 1
    echo "mypy --strict on the installed bynder package (stubs included)"
    limit 600 "../$PYTHON_VENV/bin/python" -m mypy --strict --no-incremental -p bynder || exit 1
    echo "stub freshness"
    "../$PYTHON_VENV/bin/python" tools/generate_stubs.py --check || exit 1
  ) || rc=$?
  if [ "$rc" -eq 0 ]; then echo "python types: passed"; else echo "python types: FAILED" >&2; fi
  return "$rc"
}
