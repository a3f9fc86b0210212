#!/usr/bin/env bash
# `npm test`: every test layer, in order, stopping at the first failure.
#   1. lint: cargo fmt --check, clippy -D warnings (host and wasm32)
#   2. native: cargo test (the sans-IO core, the emulator's integration tests)
#   2b. fuzz: a short cargo-fuzz run of each target
#   3. package: npm run build (+ the size budget, in the node tests)
#   4. browser: wasm-bindgen-test in headless Chromium and Firefox against the emulator
#   5. node: conformance with Automattic's official client, package checks
#   5b. hosts: the packed tarball in webpack/Vite/static projects, the MV3 extension, workers
#   6. end-to-end: the demo in headless Chromium, then Firefox (Playwright) against the emulator
# Set SKIP_SETUP=1 to skip the install step.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
step() { printf '\n==> %s\n' "$*"; }
# A stage that hangs (a server left running keeps a test process alive) fails after its limit
# instead of eating the whole CI budget. Figures are several times a normal run's on 2 cores.
limit() { local s=$1; shift; timeout --kill-after=30 "$s" "$@"; }
# node --test: a test that hangs fails after 5 min; a file whose test left a child behind exits.
node_test() { limit 1200 node --test --test-concurrency=1 --test-timeout=300000 --test-force-exit "$@"; }

[ "${SKIP_SETUP:-}" = 1 ] || bash scripts/setup.sh

step "cargo fmt --check"
cargo fmt --all -- --check
step "clippy (host)"
cargo clippy --workspace --all-targets -- -D warnings
step "clippy (wasm32)"
cargo clippy -p wpcom-wasm --all-targets --target wasm32-unknown-unknown -- -D warnings
step "clippy (wasm32, the npm package's feature set)"
cargo clippy -p wpcom-wasm --target wasm32-unknown-unknown --no-default-features --features npm -- -D warnings

step "cargo test (native)"
cargo test --workspace

step "fuzz (short run; npm run fuzz -- 60 for a long one)"
bash scripts/fuzz.sh "${FUZZ_SECONDS:-10}"

step "build the package"
node scripts/build.mjs
cargo build -p wpcom-emulator

if [ -x scripts/wasm-test.sh ]; then
  step "wasm-bindgen-test (Chromium, Firefox)"
  limit 1800 bash scripts/wasm-test.sh
fi

if ls tests/node/*.test.mjs >/dev/null 2>&1; then
  step "node tests"
  node_test tests/node/
fi

if ls tests/hosts/*.test.mjs >/dev/null 2>&1; then
  step "hosts: npm tarball in webpack, Vite and a static page; extension; workers"
  node_test tests/hosts/
fi

if ls tests/e2e/*.test.mjs >/dev/null 2>&1; then
  step "end-to-end (Playwright, Chromium)"
  node_test tests/e2e/
  step "end-to-end (Playwright, Firefox ESR over WebDriver BiDi)"
  E2E_BROWSER=firefox node_test tests/e2e/
fi
