#!/bin/sh
# run.sh DURATION: builds the libFuzzer targets with clang, ASan and UBSan in their own
# folder (build-fuzz, or $FUZZ_BUILD) and runs each for DURATION seconds (default 60) on
# a copy of its seed corpus and saved crash inputs. Exits 1 when a target crashed; the
# input that did it is in build-fuzz/artifacts/TARGET/ (copy it to tests/fuzz/regress/TARGET/
# once the bug is fixed, so that `meson test --suite fuzz` replays it for good).
set -eu
DURATION=${1:-60}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${FUZZ_BUILD:-$ROOT/build-fuzz}
TARGETS="fuzz_csv_import fuzz_json_import fuzz_decode fuzz_search fuzz_bundle fuzz_hsds"
SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"

if [ ! -f "$BUILD/build.ninja" ]; then
    CC=clang meson setup "$BUILD" "$ROOT" --buildtype=debugoptimized -Db_sanitize=none \
        -Dwerror=false -Dc_args="-fsanitize=fuzzer-no-link $SAN" -Dc_link_args="$SAN" >/dev/null
fi
# shellcheck disable=SC2046
ninja -C "$BUILD" $(for t in $TARGETS; do printf 'tests/fuzz/%s ' "$t"; done) >/dev/null

# Databases and the growing corpus live in memory where there is some.
base=${TMPDIR:-/tmp}
[ -w /dev/shm ] && base=/dev/shm
WORK=$(mktemp -d "$base/wt-fuzzrun-XXXXXX")
trap 'rm -rf "$WORK"' EXIT INT TERM

status=0
for t in $TARGETS; do
    art="$BUILD/artifacts/$t"
    mkdir -p "$WORK/$t/corpus" "$WORK/$t/db" "$art"
    echo "run.sh: $t for $DURATION s"
    if ! FUZZ_TMPDIR="$WORK/$t/db" UBSAN_OPTIONS=print_stacktrace=1 \
        "$BUILD/tests/fuzz/$t" -max_total_time="$DURATION" -timeout=10 -rss_limit_mb=2048 \
        -max_len=4096 -print_final_stats=1 -artifact_prefix="$art/" \
        "$WORK/$t/corpus" "$ROOT/tests/fuzz/corpus/$t" "$ROOT/tests/fuzz/regress/$t" \
        >"$WORK/$t.log" 2>&1; then
        status=1
        echo "run.sh: $t CRASHED; input in $art/"
        grep -a -A1 -E "invariant broken|ERROR: |runtime error" "$WORK/$t.log" | head -12
        grep -a -E "^ *#[0-9]+ .* in " "$WORK/$t.log" | grep -a -v -E "fuzzer::|libc|sanitizer" | head -12
    fi
    grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "$WORK/$t.log" | sed "s/^/  $t: /"
done
exit $status
