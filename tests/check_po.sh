#!/bin/sh
# check_po.sh SRCDIR: po/POTFILES names every source file with a translatable string, and
# po/en.po translates every message of those files, none of them fuzzy (issue 16).
set -eu
cd "$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

grep -rlE '(^|[^A-Za-z0-9_])N?_\(' src --include='*.c' | LC_ALL=C sort > "$tmp/want"
grep -vE '^(#|$)' po/POTFILES | LC_ALL=C sort > "$tmp/have"
if ! diff -u "$tmp/have" "$tmp/want" > "$tmp/diff"; then
    echo "po/POTFILES does not match the sources that use _() or N_() (+ missing, - extra):"
    grep -E '^[+-][^+-]' "$tmp/diff" || true
    fail=1
fi
[ -s "$tmp/want" ] || { echo "no source file with _() found: wrong folder?"; exit 1; }

xgettext --keyword=_ --keyword=N_ --from-code=UTF-8 -o "$tmp/wijktafel.pot" \
    --files-from="$tmp/want"
msgmerge --quiet --no-fuzzy-matching -o "$tmp/en.po" po/en.po "$tmp/wijktafel.pot"
stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$tmp/en.po" 2>&1)
echo "po/en.po against the sources: $stats"
case "$stats" in
*fuzzy* | *untranslated*)
    echo "untranslated or fuzzy in po/en.po:"
    msgattrib --untranslated --no-obsolete --no-location "$tmp/en.po" | grep -A1 '^msgid ' | tail -n +3
    msgattrib --only-fuzzy --no-obsolete --no-location "$tmp/en.po" | grep -A1 '^msgid ' | tail -n +3
    fail=1
    ;;
esac
msgfmt --check --statistics -o /dev/null po/en.po
if [ "$fail" -eq 0 ]; then echo "1 passed, 0 failed"; else echo "0 passed, 1 failed"; fi
exit "$fail"
