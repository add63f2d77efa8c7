#!/bin/sh
# import_memory.sh [BUILD] [RECORDS...]: peak memory and time of `wijktafel import cases`, plain
# and encrypted, against Debian's sqlcipher (SQLCipher with FTS4) importing the same file, all in
# one run, measured with /usr/bin/time -v (issue 19 point 5; docs/performance.md).
# BUILD: an optimised build (default /tmp/bench-build: meson setup /tmp/bench-build
# --buildtype=release && ninja -C /tmp/bench-build). RECORDS: default 50000 100000 200000.
# Prints per size: the CSV, then per importer the peak resident set (MiB), the wall time (s)
# and the database's size (MB); last, how much the encrypted peak grows per record, step by step.
# Then the same cases as JSON (`export --format json` of the plain database) imported with
# `import cases FILE.json`, plain and encrypted, next to the CSV's figures (JSON=0 skips it).
set -eu
BUILD=${1:-/tmp/bench-build}
[ $# -gt 0 ] && shift
SIZES=${*:-50000 100000 200000}
WT=$BUILD/wijktafel
GEN=$BUILD/tests/bench/bench_import
for need in "$WT" "$GEN" /usr/bin/time; do
    [ -x "$need" ] || { echo "import_memory.sh: $need is missing" >&2; exit 1; }
done
command -v sqlcipher >/dev/null || { echo "import_memory.sh: sqlcipher is missing (apt-get install sqlcipher)" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/wt-importmem-XXXXXX")
trap 'rm -rf "$WORK"' EXIT INT TERM
export XDG_DATA_HOME="$WORK" XDG_CACHE_HOME="$WORK" XDG_CONFIG_HOME="$WORK"
unset WIJKTAFEL_DB
PASS=bench-passphrase-import

# measure NAME CMD...: runs CMD under /usr/bin/time -v; sets PEAK (MiB) and SECS.
measure() {
    name=$1
    shift
    if ! /usr/bin/time -v -o "$WORK/$name.time" "$@" >"$WORK/$name.out" 2>&1; then
        echo "import_memory.sh: $name failed:" >&2
        cat "$WORK/$name.out" >&2
        exit 1
    fi
    PEAK=$(awk -F: '/Maximum resident/ {printf "%.1f", $2 / 1024}' "$WORK/$name.time")
    SECS=$(awk '/Elapsed \(wall clock\)/ {n = split($NF, t, ":"); s = t[n]; if (n > 1) s += 60 * t[n-1]; printf "%.2f", s}' "$WORK/$name.time")
}

mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN {printf "%.1f", b / 1e6}'; }

printf '%-9s %-9s | %-28s | %-28s | %-28s\n' records "CSV MB" "plain: MiB, s, DB MB" \
    "encrypted: MiB, s, DB MB" "sqlcipher+FTS4: MiB, s, DB MB"
steps=""
for n in $SIZES; do
    csv="$WORK/cases-$n.csv"
    "$GEN" --csv "$csv" "$n" >/dev/null
    rm -rf "$WORK/plain" "$WORK/enc" "$WORK/sc.db"
    "$WT" --db "$WORK/plain" init >/dev/null 2>&1
    measure plain "$WT" --db "$WORK/plain" import cases "$csv"
    plain="$PEAK MiB, $SECS s, $(mb "$WORK/plain/data.mdb")"
    "$WT" --db "$WORK/enc" init >/dev/null 2>&1
    WIJKTAFEL_NEW_PASSPHRASE=$PASS "$WT" --db "$WORK/enc" passphrase >/dev/null 2>&1
    WIJKTAFEL_PASSPHRASE=$PASS measure enc "$WT" --db "$WORK/enc" import cases "$csv"
    enc_peak=$PEAK
    enc="$PEAK MiB, $SECS s, $(mb "$WORK/enc/data.mdb")"
    # SQLCipher: the same columns, a primary key, the indexes the store keeps for cases'
    # area, status, opened and owner, and FTS4 over the free text (as the search index).
    tail -n +2 "$csv" >"$WORK/rows.csv"
    cols=$(head -1 "$csv" | sed 's/,/ TEXT, /g; s/$/ TEXT/; s/^id TEXT/id TEXT PRIMARY KEY/')
    cat >"$WORK/sc.sql" <<EOF
PRAGMA key = '$PASS';
CREATE TABLE cases ($cols);
CREATE INDEX cases_area ON cases(area);
CREATE INDEX cases_status ON cases(status);
CREATE INDEX cases_opened ON cases(opened);
CREATE INDEX cases_owner ON cases(owner);
CREATE VIRTUAL TABLE cases_fts USING fts4(resident, request, needs, strengths, network);
.mode csv
.import $WORK/rows.csv cases
INSERT INTO cases_fts(docid, resident, request, needs, strengths, network)
  SELECT rowid, resident, request, needs, strengths, network FROM cases;
SELECT count(*) FROM cases;
EOF
    measure sqlcipher sh -c "sqlcipher -batch -bail '$WORK/sc.db' < '$WORK/sc.sql'"
    grep -qx "$n" "$WORK/sqlcipher.out" || { echo "sqlcipher: wrong count" >&2; cat "$WORK/sqlcipher.out" >&2; exit 1; }
    sc="$PEAK MiB, $SECS s, $(mb "$WORK/sc.db")"
    printf '%-9s %-9s | %-28s | %-28s | %-28s\n' "$n" "$(mb "$csv")" "$plain" "$enc" "$sc"
    steps="$steps $n:$enc_peak"
done
# The same cases as JSON: read as a stream, the peak should be the CSV import's.
if [ "${JSON:-1}" != 0 ]; then
    printf '\n%-9s %-9s | %-28s | %-28s\n' records "JSON MB" "json plain: MiB, s, DB MB" \
        "json encrypted: MiB, s, DB MB"
    for n in $SIZES; do
        csv="$WORK/cases-$n.csv"
        json="$WORK/cases-$n.json"
        [ -f "$csv" ] || "$GEN" --csv "$csv" "$n" >/dev/null
        rm -rf "$WORK/plain" "$WORK/enc"
        "$WT" --db "$WORK/plain" init >/dev/null 2>&1
        "$WT" --db "$WORK/plain" import cases "$csv" >/dev/null 2>&1
        "$WT" --db "$WORK/plain" export cases --format json >"$json"
        rm -rf "$WORK/plain"
        "$WT" --db "$WORK/plain" init >/dev/null 2>&1
        measure jplain "$WT" --db "$WORK/plain" import cases "$json"
        plain="$PEAK MiB, $SECS s, $(mb "$WORK/plain/data.mdb")"
        "$WT" --db "$WORK/enc" init >/dev/null 2>&1
        WIJKTAFEL_NEW_PASSPHRASE=$PASS "$WT" --db "$WORK/enc" passphrase >/dev/null 2>&1
        WIJKTAFEL_PASSPHRASE=$PASS measure jenc "$WT" --db "$WORK/enc" import cases "$json"
        enc="$PEAK MiB, $SECS s, $(mb "$WORK/enc/data.mdb")"
        printf '%-9s %-9s | %-28s | %-28s\n' "$n" "$(mb "$json")" "$plain" "$enc"
        rm -f "$json"
    done
    echo
fi
# Per step: an encrypted unlock (Argon2id) takes 64 MiB for a moment before the import, so a
# small first size measures the unlock, not the import (docs/performance.md).
prev=""
for s in $steps; do
    if [ -n "$prev" ]; then
        awk -v a="${prev#*:}" -v b="${s#*:}" -v n1="${prev%%:*}" -v n2="${s%%:*}" \
            'BEGIN {printf "encrypted peak grows %.2f KiB per record from %d to %d records\n", (b - a) * 1024 / (n2 - n1), n1, n2}'
    fi
    prev=$s
done
