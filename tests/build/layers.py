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

layers.py ROOT BUILDDIR also reads BUILDDIR/compile_commands.json and checks that the build
keeps its side: each layer's sources are compiled with only the include folders of the layers
in INCLUDE_PATH (so that cli and ui never even see store's or match's headers).
"""
import json
import pathlib
import re
import shlex
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
# The include folders each layer's sources are compiled with. main needs app's folder
# because cli.h and ui.h name struct app (through app.h), but may not include app.h itself.
INCLUDE_PATH = dict(MAY_USE, main={"core", "cli", "ui", "app"})
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


def include_folders(entry):
    """The include/LAYER folders (as paths) an entry of compile_commands.json gives -I."""
    args = entry["arguments"] if "arguments" in entry else shlex.split(entry["command"])
    where = pathlib.Path(entry["directory"])
    found = []
    for i, a in enumerate(args):
        if a == "-I" and i + 1 < len(args):
            found.append(args[i + 1])
        elif a.startswith("-I") and len(a) > 2:
            found.append(a[2:])
    return [(where / f).resolve() for f in found]


def check_build(root, build):
    """Findings about the include path of each layer's sources; how many were checked."""
    problems, checked = [], 0
    for entry in json.loads((build / "compile_commands.json").read_text(encoding="utf-8")):
        src = (pathlib.Path(entry["directory"]) / entry["file"]).resolve()
        try:
            rel = src.relative_to(root / "src").parts
        except ValueError:
            continue  # tests, benchmarks, generated files: not a layer
        layer = "main" if rel == ("main.c",) else rel[0]
        if layer not in INCLUDE_PATH:
            continue
        checked += 1
        for folder in include_folders(entry):
            try:
                inc = folder.relative_to(root / "include").parts
            except ValueError:
                continue
            if len(inc) == 1 and inc[0] not in INCLUDE_PATH[layer]:
                problems.append(f"{src.relative_to(root)}: compiled with include/{inc[0]} "
                                f"(the {layer} layer may see only "
                                f"{', '.join(sorted(INCLUDE_PATH[layer]))})")
    return problems, checked


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
    if len(sys.argv) > 2:
        found, compiled = check_build(root, pathlib.Path(sys.argv[2]).resolve())
        problems += found
        if compiled < 100:
            problems.append(f"only {compiled} sources of src/ found in compile_commands.json")
        print(f"layers: {compiled} compile commands checked")
    for p in problems:
        print(p)
    print(f"layers: {checked} files checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
