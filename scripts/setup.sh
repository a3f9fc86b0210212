#!/usr/bin/env bash
# Installs everything the project needs that is missing, from the project's own files:
# the wasm32 target, wasm-bindgen-cli at the exact version in Cargo.lock, Debian's chromium /
# firefox-esr (driven by playwright-core, no WebDriver binary) and, for the real self-hosted WordPress of
# scripts/wordpress.sh, mariadb-server / php-cli / php-mysql / wordpress (when root), and npm
# packages (binaryen's wasm-opt and esbuild, which the build needs, come from npm).
# Safe to run again: every step checks first.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[setup] %s\n' "$*" >&2; }
export PATH="$HOME/.cargo/bin:$PATH"

if ! command -v cargo >/dev/null; then
  log "cargo not found: install Rust from https://rustup.rs first"; exit 1
fi
if ! command -v node >/dev/null; then
  log "node not found: install Node.js 20 or newer first"; exit 1
fi

if command -v rustup >/dev/null; then
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  for c in rustfmt clippy; do
    rustup component list --installed 2>/dev/null | grep -q "^$c" || rustup component add "$c"
  done
fi

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
[ -f Cargo.lock ] || cargo generate-lockfile
wb_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$wb_version" ]; then
  log "installing wasm-bindgen-cli $wb_version (have: ${have:-none})"
  # --locked first; if a locked dependency is missing from the registry, resolve afresh.
  cargo install --locked wasm-bindgen-cli --version "$wb_version" \
    || cargo install --force wasm-bindgen-cli --version "$wb_version"
fi

# System packages: browsers; a real WordPress (scripts/wordpress.sh runs it from
# these in a throwaway folder: their services need not run).
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v firefox >/dev/null || command -v firefox-esr >/dev/null || missing+=(firefox-esr)
command -v mariadbd >/dev/null || [ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server)
command -v php >/dev/null || missing+=(php-cli)
{ command -v php >/dev/null && php -r 'exit(extension_loaded("mysqli") ? 0 : 1);'; } || missing+=(php-mysql)
[ -f /usr/share/wordpress/wp-settings.php ] || missing+=(wordpress)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "apt-get install ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    log "missing system packages: ${missing[*]} (install them with your package manager;"
    log "without them the browser tests and the real-WordPress tests are skipped)"
  fi
fi

if [ ! -d node_modules ] || [ package.json -nt node_modules/.package-lock.json ] \
   || { [ -f package-lock.json ] && [ package-lock.json -nt node_modules/.package-lock.json ]; }; then
  log "installing npm packages"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
fi
log "ready"
