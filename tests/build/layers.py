#!/usr/bin/env python3
"""layers.py ROOT: fails when a layer includes a header it may not use.

The layers depend one way (docs/architecture.md): main -> cli, ui -> app -> match, store -> core.
The build gives each layer's library only the include folders it may use
(include/LAYER/wijktafel/*.h): cli and ui are given app's and core's folders, never store's
or match's, so most wrong includes do not even compile. This test says so by name, and
checks what the build cannot see: a public header that hands its users a header they may
not use (app's headers include no store or match header: struct app is opaque and app has
its own types), a library header outside its layer (<lmdb.h> lies in /usr/include for
everyone), a layer's private header (src/LAYER/*.h) used from elsewhere, and a header in
include/ outside a layer folder. Prints every finding as FILE:LINE: what, exits 1.
"""
import pathlib
import re
import sys

# For each layer: the layers whose public headers it may include itself.
MAY_USE = {
    "core": {"core"},
    "store": {"core", "store"},
    "match": {"core", "match"},
    "app": {"core", "store", "match", "app"},
    "cli": {"core", "app", "cli"},
    "ui": {"core", "app", "ui"},
    "main": {"core", "cli", "ui"},
}
# What a layer's public headers may include: what every layer that uses them may use. app's
# headers reach cli and ui, which may not see store or match.
HEADERS_MAY_USE = dict(MAY_USE, app={"core", "app"})
# Libraries with headers in the system's include path: the layers that may use them
# (the same as the dependencies each layer's meson library is given).
LIBRARIES = {
    "lmdb.h": {"store"},
    "sodium.h": {"store"},
    "utf8proc.h": {"core"},
    "csv.h": {"core"},
    "libstemmer.h": {"match"},
    "ini.h": {"app"},
    "jansson.h": {"app", "cli"},
    "curses.h": {"ui"},
    "ncurses.h": {"ui"},
    "ncursesw/curses.h": {"ui"},
    "term.h": {"ui"},
}
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def header_layers(root):
    """Maps 'wijktafel/x.h' to its layer; lists headers outside a layer folder."""
    owner, stray = {}, []
    for h in sorted((root / "include").rglob("*.h")):
        rel = h.relative_to(root / "include").parts
        if len(rel) == 3 and rel[0] in MAY_USE and rel[1] == "wijktafel":
            owner["wijktafel/" + rel[2]] = rel[0]
        else:
            stray.append(h)
    return owner, stray


def sources(root):
    """(layer, may use, path) for every C file of src/ and every public header."""
    yield "main", MAY_USE["main"], root / "src" / "main.c"
    for layer in MAY_USE:
        folder = root / "src" / layer
        if folder.is_dir():
            for f in sorted(folder.glob("*.[ch]")):
                yield layer, MAY_USE[layer], f
        for h in sorted((root / "include" / layer / "wijktafel").glob("*.h")):
            yield layer, HEADERS_MAY_USE[layer], h


def check_file(root, layer, may_use, path, owner):
    problems = []
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        m = INCLUDE.match(line)
        if not m:
            continue
        kind, name = m.groups()
        where = f"{path.relative_to(root)}:{no}"
        if name.startswith("wijktafel/"):
            to = owner.get(name)
            if to is None:
                problems.append(f"{where}: {name} is not a header of any layer")
            elif to not in may_use:
                problems.append(f"{where}: the {layer} layer may not include {name} "
                                f"(a header of {to}; here {layer} may use "
                                f"{', '.join(sorted(may_use))})")
        elif kind == '"':
            if "/" in name or not (path.parent / name).is_file():
                problems.append(f"{where}: \"{name}\" is not a header of this folder "
                                f"(another layer's private header?)")
        elif name in LIBRARIES and layer not in LIBRARIES[name]:
            problems.append(f"{where}: the {layer} layer may not include <{name}> "
                            f"(only {', '.join(sorted(LIBRARIES[name]))})")
    return problems


def main():
    root = pathlib.Path(sys.argv[1]).resolve()
    owner, stray = header_layers(root)
    problems = [f"{h.relative_to(root)}: a header outside include/LAYER/wijktafel/"
                for h in stray]
    checked = 0
    for layer, may_use, path in sources(root):
        problems += check_file(root, layer, may_use, path, owner)
        checked += 1
    # Guard against a vacuous pass: the tree must have been found and read.
    if checked < 100 or len(owner) < 15:
        problems.append(f"only {checked} sources and {len(owner)} headers found under {root}")
    for p in problems:
        print(p)
    print(f"layers: {checked} files checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
