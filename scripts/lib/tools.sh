# shellcheck shell=bash
# Tool installs for scripts/test.sh. Each step is idempotent and cache-friendly: it does nothing
# when a stamp file records that the same pinned inputs were already installed. Caches live in
# ignored folders (.venv, tests/compat/js/node_modules).

PY_REQUIREMENTS=tests/compat/python/requirements.txt
PY_STAMP=.venv/.compat-python.stamp
JS_DIR=tests/compat/js
JS_STAMP=$JS_DIR/node_modules/.compat-js.stamp

APT_UPDATED=0
apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "cannot install $* (no apt-get on this machine)" >&2
    return 1
  fi
  if [ "$APT_UPDATED" -eq 0 ]; then
    apt-get update -qq || return 1
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

# stamp_of FILE COMMAND...: a fingerprint of a pinned-input file and of a tool's version.
stamp_of() {
  local file=$1
  shift
  { sha256sum "$file" | cut -d' ' -f1; "$@" 2>&1; } | tr '\n' ' '
}

install_rust_components() {
  if ! command -v cargo >/dev/null 2>&1; then
    echo "cargo not found: install Rust with rustup first" >&2
    return 1
  fi
  rustup component add rustfmt clippy || return 1
  cargo --version && cargo fmt --version && cargo clippy --version
}

install_python_venv() {
  if ! command -v python3 >/dev/null 2>&1; then
    apt_install python3 python3-venv || return 1
  fi
  if [ ! -x .venv/bin/python ]; then
    if ! python3 -m venv .venv; then
      # Debian's python3 ships venv (ensurepip) separately.
      rm -rf .venv
      apt_install python3-venv && python3 -m venv .venv || return 1
    fi
  fi
  local want
  want=$(stamp_of "$PY_REQUIREMENTS" .venv/bin/python --version)
  if [ -f "$PY_STAMP" ] && [ "$(cat "$PY_STAMP")" = "$want" ]; then
    echo "python venv up to date ($(.venv/bin/python --version), $PY_REQUIREMENTS unchanged)"
  else
    .venv/bin/python -m pip install --disable-pip-version-check -q -r "$PY_REQUIREMENTS" || return 1
    printf '%s' "$want" >"$PY_STAMP"
  fi
  .venv/bin/python -c 'import importlib.metadata as m; print("bynder-sdk", m.version("bynder-sdk"), "| pytest", m.version("pytest"))'
}

install_node_modules() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm || return 1
  fi
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$major" -lt 18 ]; then
    echo "node $(node --version) is too old: the JS compat suite needs node 18 or newer" >&2
    return 1
  fi
  local want
  want=$(stamp_of "$JS_DIR/package-lock.json" node --version)
  if [ -f "$JS_STAMP" ] && [ "$(cat "$JS_STAMP")" = "$want" ]; then
    echo "node_modules up to date (node $(node --version), package-lock.json unchanged)"
  else
    (cd "$JS_DIR" && npm ci --no-audit --no-fund) || return 1
    printf '%s' "$want" >"$JS_STAMP"
  fi
  node -p '"@bynder/bynder-js-sdk " + require("./'"$JS_DIR"'/node_modules/@bynder/bynder-js-sdk/package.json").version'
}

install_tools() {
  install_rust_components || { echo "FAILED: rust components" >&2; return 1; }
  install_python_venv || { echo "FAILED: python venv" >&2; return 1; }
  install_node_modules || { echo "FAILED: node modules" >&2; return 1; }
}
