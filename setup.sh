#!/bin/sh
# setup.sh: install the Debian packages wijktafel needs (when missing) and build it into build/.
# Arguments are passed to meson (CI: ./setup.sh -Dwerror=true). check, libvterm-dev, sqlite3
# and sqlcipher are for the tests and benchmarks only (meson setup -Dtests=disabled needs none).
set -eu
cd "$(dirname "$0")"

PKGS="meson ninja-build pkg-config gcc python3 gettext
liblmdb-dev libcsv-dev libjansson-dev libutf8proc-dev check libncurses-dev
libstemmer-dev libsodium-dev libvterm-dev libinih-dev sqlite3 libsqlite3-dev
libunistring-dev sqlcipher"

missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done

if [ -n "$missing" ]; then
    echo "setup.sh: installing:$missing"
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    # A fresh machine may have empty package lists: update first.
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi

if [ -d build ] && [ -f build/build.ninja ]; then
    meson setup --reconfigure build "$@" >/dev/null
else
    meson setup build --buildtype=debugoptimized "$@" >/dev/null
fi
ninja -C build
