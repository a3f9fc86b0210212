#!/usr/bin/env bash
# Browser tests of the client: wasm-bindgen-test in headless Chromium and Firefox against three
# local emulators: one that registers the test page's origin (and, like WordPress.com as far as
# anyone knows, exposes no response header), one that also exposes Retry-After and the
# pagination headers (--expose-headers), and one that registers no origin (the CORS refusal). Kills what it starts, whatever happens.
#
#   scripts/wasm-test.sh                 # both browsers
#   WASM_TEST_BROWSERS=firefox scripts/wasm-test.sh
#   WASM_TEST_ONLY="web_site web_pages" scripts/wasm-test.sh   # some binaries (lib: the library's)
#
# The test page is served by wasm-bindgen-test-runner at WASM_BINDGEN_TEST_ADDRESS (fixed here so
# the emulator can register its origin). The emulator URLs reach the tests through
# WPCOM_EMULATOR_URL / WPCOM_EMULATOR_NO_CORS_URL (`option_env!`), so stable ports avoid
# recompiling the tests on every run.
set -euo pipefail
cd "$(dirname "$0")/.."

browsers=${WASM_TEST_BROWSERS:-"chrome firefox"}
export PATH="$HOME/.cargo/bin:$PATH"

# A port if it is free, else any free one.
pick_port() {
  python3 - "$1" <<'PY'
import socket, sys
s = socket.socket()
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
PY
}

runner_port=$(pick_port "${WASM_TEST_PORT:-18573}")
api_port=$(pick_port 18574)
bare_port=$(pick_port 18575)
exposing_port=$(pick_port 18576)
origin="http://127.0.0.1:$runner_port"

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

# A real WordPress for tests/web_site.rs (application passwords): its own state file, stopped on
# exit. Exit code 4 = its packages cannot be installed here: those tests then say so and pass.
wp_state=$PWD/target/wordpress-wasm-test/state.json
wp_started=
stop_wordpress() {
  [ -z "$wp_started" ] || WORDPRESS_STATE=$wp_state bash scripts/wordpress.sh stop >/dev/null 2>&1 || true
}
trap 'stop_wordpress; cleanup' EXIT INT TERM
wp_status=0
WORDPRESS_PORT=${WORDPRESS_PORT:-$(pick_port 18577)} WORDPRESS_STATE=$wp_state bash scripts/wordpress.sh start >"$work/wordpress.out" 2>&1 || wp_status=$?
if [ "$wp_status" = 0 ]; then
  wp_started=1
  wp_field() { php -r '$s = json_decode(file_get_contents($argv[1]), true); foreach (explode(".", $argv[2]) as $k) $s = $s[$k]; echo $s;' "$wp_state" "$1"; }
  export WPCOM_WORDPRESS_URL; WPCOM_WORDPRESS_URL=$(wp_field url)
  export WPCOM_WORDPRESS_USER; WPCOM_WORDPRESS_USER=$(wp_field users.0.login)
  export WPCOM_WORDPRESS_APP_PASSWORD; WPCOM_WORDPRESS_APP_PASSWORD=$(wp_field users.0.applicationPassword.password)
  echo "wordpress: $WPCOM_WORDPRESS_URL ($WPCOM_WORDPRESS_USER)"
elif [ "$wp_status" = 4 ]; then
  echo "wordpress: its packages cannot be installed here; tests/web_site.rs skips" >&2
else
  cat "$work/wordpress.out" >&2
  exit 1
fi

cargo build -q -p wpcom-emulator

# Starts an emulator (output to $1, remaining args passed on) in this shell, so its pid is ours.
start_emulator() {
  local out=$1
  shift
  target/debug/wpcom-emulator "$@" >"$out" 2>&1 &
  pids+=("$!")
}

# Waits for the emulator writing to $1 to answer its health check; prints its base URL.
wait_emulator() {
  local out=$1 url
  for _ in $(seq 1 100); do
    url=$(head -n1 "$out" 2>/dev/null || true)
    if [[ $url == http* ]] && curl -sf "$url/_emulator/health" >/dev/null 2>&1; then
      echo "$url"
      return 0
    fi
    sleep 0.1
  done
  echo "the emulator did not start:" >&2
  cat "$out" >&2
  return 1
}

start_emulator "$work/api.out" --port "$api_port" --allow-origin "$origin"
start_emulator "$work/bare.out" --port "$bare_port"
start_emulator "$work/exposing.out" --port "$exposing_port" --allow-origin "$origin" --expose-headers
export WPCOM_EMULATOR_URL; WPCOM_EMULATOR_URL=$(wait_emulator "$work/api.out")
export WPCOM_EMULATOR_NO_CORS_URL; WPCOM_EMULATOR_NO_CORS_URL=$(wait_emulator "$work/bare.out")
export WPCOM_EMULATOR_EXPOSING_URL; WPCOM_EMULATOR_EXPOSING_URL=$(wait_emulator "$work/exposing.out")
export WASM_BINDGEN_TEST_ADDRESS="127.0.0.1:$runner_port"
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-60}
echo "emulators: $WPCOM_EMULATOR_URL (allows $origin), $WPCOM_EMULATOR_EXPOSING_URL (allows $origin, exposes headers), $WPCOM_EMULATOR_NO_CORS_URL (allows none)"

# Every test binary (the library's own and tests/web_*.rs), built once before any browser runs.
targets=(--lib)
for file in tests/web_*.rs; do targets+=("--test=$(basename "$file" .rs)"); done
if [ -n "${WASM_TEST_ONLY:-}" ]; then
  targets=()
  for name in $WASM_TEST_ONLY; do
    case $name in lib) targets+=(--lib) ;; *) targets+=("--test=$name") ;; esac
  done
fi
cargo test -q -p wpcom-wasm --target wasm32-unknown-unknown --no-run --lib --test 'web_*'

# Runs one test binary in the browser. An attempt whose page never reported a result (the
# driver's "Failed to detect test as having been run", or no `test result:` in time) ran no
# test, so it is made once more. A test that fails, or a binary that hangs twice, fails the run.
run_target() {
  local log=$work/run.log rc
  for attempt in 1 2; do
    set +e
    timeout --kill-after=10 "${WASM_TEST_BINARY_LIMIT:-150}" "${driver[@]}" \
      cargo test -p wpcom-wasm --target wasm32-unknown-unknown "$1" 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    set -e
    [ "$rc" = 0 ] && return 0
    if [ "$attempt" = 1 ] && { [ "$rc" = 124 ] || grep -q "Failed to detect test as having been run\|no test result in time\|the test page did not load" "$log"; }; then
      echo "== $1: the browser ran no test (exit $rc); once more"
      continue
    fi
    return 1
  done
}

status=0
for browser in $browsers; do
  echo "== wasm-bindgen-test in $browser"
  case $browser in
    # Both through Playwright (scripts/wasm-test-browser.mjs), not ChromeDriver or geckodriver,
    # which now and then never came back from opening a test page.
    chrome) driver=(env -u E2E_BROWSER CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER="node $PWD/scripts/wasm-test-browser.mjs") ;;
    firefox) driver=(env E2E_BROWSER=firefox CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER="node $PWD/scripts/wasm-test-browser.mjs") ;;
    *) echo "unknown browser $browser" >&2; exit 2 ;;
  esac
  # Both kinds of WordPress root: Chromium meets a plain-permalink site (the API only at
  # index.php?rest_route=/), Firefox one with /wp-json/.
  if [ -n "$wp_started" ]; then
    case $browser in chrome) links=plain ;; *) links=pretty ;; esac
    WORDPRESS_STATE=$wp_state bash scripts/wordpress.sh permalinks "$links" >/dev/null
  fi
  # A fresh world per browser, so both runs see the same seed.
  curl -sf -X POST "$WPCOM_EMULATOR_URL/_emulator/reset" >/dev/null
  curl -sf -X POST "$WPCOM_EMULATOR_NO_CORS_URL/_emulator/reset" >/dev/null
  curl -sf -X POST "$WPCOM_EMULATOR_EXPOSING_URL/_emulator/reset" >/dev/null
  for target in "${targets[@]}"; do
    run_target "$target" || status=1
  done
done
exit $status
