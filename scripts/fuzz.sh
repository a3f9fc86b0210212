#!/usr/bin/env bash
# Coverage-guided fuzzing (cargo fuzz / libFuzzer) of the redirect parser, the error mapper and
# the model decoders, seeded with the contract's real samples (fuzz/seeds/<target>).
#   bash scripts/fuzz.sh [SECONDS_PER_TARGET]   (npm run fuzz -- 60; npm test runs a short one)
# cargo fuzz needs nightly-only rustc flags; RUSTC_BOOTSTRAP=1 lets the stable toolchain take them.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
seconds="${1:-60}"
case "$seconds" in ''|*[!0-9]*) echo "usage: fuzz.sh [SECONDS_PER_TARGET]" >&2; exit 2;; esac

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "[fuzz] installing cargo-fuzz" >&2
  cargo install --locked cargo-fuzz || cargo install cargo-fuzz
fi
export RUSTC_BOOTSTRAP=1
targets=(redirect error_mapper models)
cargo fuzz build
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  rm -rf "fuzz/artifacts/$t"
  echo "[fuzz] $t: ${seconds}s"
  set +e
  cargo fuzz run "$t" "fuzz/corpus/$t" "fuzz/seeds/$t" -- \
    -max_total_time="$seconds" -print_final_stats=1 -timeout=10 >"fuzz/$t.log" 2>&1
  rc=$?
  set -e
  grep -E '^stat::number_of_executed_units|^Done' "fuzz/$t.log" || true
  if [ $rc -ne 0 ]; then
    tail -40 "fuzz/$t.log" >&2
    echo "[fuzz] $t: crash found (exit $rc), input saved in fuzz/artifacts/$t" >&2
    exit 1
  fi
done
echo "[fuzz] no crash in ${#targets[@]} targets × ${seconds}s"
