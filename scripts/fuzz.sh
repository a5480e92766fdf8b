#!/usr/bin/env bash
# Fuzz the readers, the checks and the engine with cargo-fuzz (libFuzzer), one target after
# another, each for FUZZ_SECONDS seconds, in one process (no -jobs/-workers: no parallel
# fuzzing).
#
#   bash scripts/fuzz.sh                      # 60 s a target: what CI runs
#   FUZZ_SECONDS=600 bash scripts/fuzz.sh     # the long run
#   bash scripts/fuzz.sh overlay evaluate     # only these targets
#   FUZZ_SANITIZER=address bash scripts/fuzz.sh   # with AddressSanitizer (about 5 times slower)
#
# Targets (fuzz/fuzz_targets/, checks in fuzz/src/lib.rs): ruleset, overlay, evaluate.
# Seeds: fuzz/seeds/<target>/ (committed), and www/councils/ for the overlay target. What a run adds goes to fuzz/corpus/<target>/ and
# crashes to fuzz/artifacts/<target>/ (both ignored by git). Exits non-zero on any crash,
# assertion failure, timeout or out-of-memory; minimize one with
#   cargo +nightly fuzz tmin <target> fuzz/artifacts/<target>/crash-...
# and save it as tests/fuzz_regressions/<target>-<n>.json (run by tests/fuzz_regressions.rs).
# Built as cargo-fuzz builds by default (optimized, with debug assertions and overflow checks)
# but without AddressSanitizer unless FUZZ_SANITIZER says so: the native crate has no `unsafe` code
# (the widget's allocator, src/heap.rs, is built for wasm only),
# and the sanitizer cuts the executions a second about five times.
# Needs the nightly toolchain (cargo +nightly); installs cargo-fuzz when it is missing.
set -euo pipefail

cd "$(dirname "$0")/.."

seconds="${FUZZ_SECONDS:-60}"
sanitizer="${FUZZ_SANITIZER:-none}"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(ruleset overlay evaluate)
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz.sh: installing cargo-fuzz"
    cargo install cargo-fuzz --locked || cargo install cargo-fuzz
fi

logs="fuzz/corpus/logs"
mkdir -p "$logs"
failed=()
summary=()
for target in "${targets[@]}"; do
    corpus="fuzz/corpus/$target"
    mkdir -p "$corpus"
    log="$logs/$target.log"
    echo "fuzz.sh: $target for $seconds s, sanitizer $sanitizer (log: $log)"
    status=0
    # New inputs go to the scratch corpus (first directory); the seeds are only read.
    # -timeout: one input taking longer than this is a failure (the checks bound their walks).
    # -dict: JSON tokens and the keys and ids of rules.json (fuzz/json.dict).
    # The shipped overlays seed the overlay target from where they live (never copied, so never
    # stale, and a new council is a seed at once).
    extra=()
    if [ "$target" = overlay ]; then extra=(../www/councils); fi
    (cd fuzz && cargo +nightly fuzz run --sanitizer "$sanitizer" "$target" "corpus/$target" "seeds/$target" "${extra[@]}" -- \
        -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=60 -dict=json.dict \
        -print_final_stats=1) >"$log" 2>&1 || status=$?
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)
    line="$target: ${execs:-?} executions (${rate:-?}/s), ${seconds} s budget"
    if [ "$status" -ne 0 ]; then
        line="$line: FAILED (exit $status)"
        failed+=("$target")
        grep -E '^(==[0-9]+== ERROR|thread .* panicked|.*SUMMARY|.*Test unit written to|artifact_prefix)' "$log" | head -20 || true
        # The panic message, when there is one.
        grep -A3 'panicked at' "$log" | head -12 || true
    else
        line="$line: no crashes"
    fi
    echo "fuzz.sh: $line"
    summary+=("$line")
done

echo
echo "fuzz.sh: summary"
printf '  %s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz.sh: crashes in: ${failed[*]} (inputs in fuzz/artifacts/<target>/)" >&2
    exit 1
fi
