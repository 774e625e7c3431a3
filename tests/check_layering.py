#!/usr/bin/env python3
"""Checks that includes follow the layering of DESIGN.md section 6.

Fails (exit 1, one line per violation) when
  - a public header (include/neardup/) includes anything but other public headers, absl::Status
    and the standard library;
  - a folder of src/neardup/ (or src/cli/) includes a folder it may not depend on, e.g. the
    engine (text, similarity, store, passages, engine) including render, check, quality or cli;
  - the folders include each other in a cycle;
  - two components (foo.h + foo.cc) of one folder include each other in a cycle;
  - tests/api_test.cc includes any neardup header but <neardup/neardup.h>.

The linker enforces the same folder graph on symbols (CMakeLists.txt, the *_link_check targets);
this script also sees what a header uses inline.

Usage: check_layering.py SOURCE_DIR      checks the tree
       check_layering.py --self-test     shows that each rule catches what it should
"""

import os
import re
import sys
import tempfile

# What each folder may include besides itself (DESIGN.md section 6). "api" is include/neardup/ and
# src/neardup/api/, its implementation.
ENGINE = ["text", "similarity", "store", "passages", "engine"]
ALLOWED = {
    "base": [],
    "api": ["base"],
    "text": ["api", "base"],
    "similarity": ["api", "base"],
    "store": ["api", "base"],
    "passages": ["text", "similarity", "store", "api", "base"],
    "engine": ["passages", "text", "similarity", "store", "api", "base"],
    "io": ["api", "base"],
    "render": ["api", "base"],
    "check": ["render", "io", "api", "base"],
    "quality": ["io", "engine", "passages", "text", "similarity", "store", "api", "base"],
    "cli": ["quality", "check", "render", "io", "engine", "passages", "text", "similarity", "store",
            "api", "base"],
}
PUBLIC_HEADERS = {"neardup.h", "config.h", "document.h", "progress.h", "report.h"}
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)


def includes(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return INCLUDE.findall(f.read())


def folder_of_include(name):
    """The folder a quoted include names, or None for a header outside the project."""
    parts = name.split("/")
    if parts[0] == "cli" and len(parts) == 2:
        return "cli"
    if parts[0] != "neardup":
        return None
    if len(parts) == 2:
        return "api"  # a public header
    return parts[1]


def sources(root):
    """(path relative to root, folder) of every C++ file of the library and the CLI."""
    out = []
    for base, folder_at in (("include/neardup", lambda rel: "api"),
                            ("src/neardup", lambda rel: rel.split("/")[0]),
                            ("src/cli", lambda rel: "cli")):
        top = os.path.join(root, base)
        for dirpath, _, files in os.walk(top):
            for f in sorted(files):
                if f.endswith((".h", ".cc")):
                    full = os.path.join(dirpath, f)
                    rel = os.path.relpath(full, top).replace(os.sep, "/")
                    out.append((os.path.relpath(full, root).replace(os.sep, "/"), folder_at(rel)))
    return sorted(out)


def find_cycle(graph):
    """One cycle of `graph` (node -> set of nodes) as a list of nodes, or None."""
    state = {}
    stack = []

    def visit(node):
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def check(root):
    errors = []
    folder_graph = {}
    component_graph = {}  # (folder, component) -> set of (folder, component)
    for path, folder in sources(root):
        component = (folder, os.path.splitext(os.path.basename(path))[0])
        component_graph.setdefault(component, set())
        for kind, name in includes(os.path.join(root, path)):
            if path.startswith("include/"):
                if kind == "<" and ("/" in name or "." in name):
                    errors.append(f"{path}: public header includes <{name}>")
                elif kind == '"' and not (name.startswith("absl/status/") or
                                          (name.startswith("neardup/") and
                                           name[len("neardup/"):] in PUBLIC_HEADERS)):
                    errors.append(f'{path}: public header includes "{name}"')
                continue
            if kind != '"':
                continue
            target = folder_of_include(name)
            if target is None:
                continue
            if target != folder:
                folder_graph.setdefault(folder, set()).add(target)
                if target not in ALLOWED.get(folder, []):
                    consumer = target in ("render", "check", "quality", "cli")
                    why = " (the engine must not use its consumers)" if folder in ENGINE and consumer else ""
                    errors.append(f'{path}: {folder} may not include {target}{why}: "{name}"')
            else:
                component_graph[component].add((folder, os.path.splitext(os.path.basename(name))[0]))
    cycle = find_cycle(folder_graph)
    if cycle:
        errors.append("folders include each other in a cycle: " + " -> ".join(cycle))
    for component in component_graph:
        component_graph[component].discard(component)
    cycle = find_cycle(component_graph)
    if cycle:
        errors.append("components include each other in a cycle: " +
                      " -> ".join(f"{f}/{c}" for f, c in cycle))
    api_test = os.path.join(root, "tests/api_test.cc")
    if os.path.exists(api_test):
        for kind, name in includes(api_test):
            if "neardup" in name and name != "neardup/neardup.h" or kind == '"':
                errors.append(f"tests/api_test.cc: includes {name}; only <neardup/neardup.h> is allowed")
    return errors


def self_test():
    """Each rule, shown to fire on a tree made to break it, and to stay quiet on a good one."""
    cases = [
        ("good", {"src/neardup/engine/a.cc": '#include "neardup/passages/b.h"\n',
                  "src/neardup/passages/b.h": '#include "neardup/report.h"\n',
                  "include/neardup/report.h": '#include <vector>\n#include "absl/status/status.h"\n'},
         None),
        ("engine includes render", {"src/neardup/engine/a.cc": '#include "neardup/render/x.h"\n'},
         "engine may not include render"),
        ("passages includes cli", {"src/neardup/passages/a.h": '#include "cli/options.h"\n'},
         "passages may not include cli"),
        ("public header includes src", {"include/neardup/report.h": '#include "neardup/base/hash.h"\n'},
         "public header includes"),
        ("public header includes a library", {"include/neardup/report.h": "#include <tbb/tbb.h>\n"},
         "public header includes <tbb/tbb.h>"),
        ("folder cycle", {"src/neardup/render/a.cc": '#include "neardup/check/x.h"\n',
                          "src/neardup/check/x.h": '#include "neardup/render/a.h"\n'},
         "folders include each other in a cycle"),
        ("component cycle", {"src/neardup/quality/synth.cc": '#include "neardup/quality/plan.h"\n',
                             "src/neardup/quality/plan.h": '#include "neardup/quality/synth.h"\n'},
         "components include each other in a cycle"),
        ("api test includes src", {"tests/api_test.cc": '#include <neardup/neardup.h>\n'
                                                        '#include "neardup/engine/pipeline.h"\n'},
         "tests/api_test.cc"),
    ]
    failed = 0
    for name, files, expected in cases:
        with tempfile.TemporaryDirectory() as root:
            for rel, text in files.items():
                os.makedirs(os.path.dirname(os.path.join(root, rel)), exist_ok=True)
                with open(os.path.join(root, rel), "w") as f:
                    f.write(text)
            errors = check(root)
        ok = not errors if expected is None else any(expected in e for e in errors)
        if not ok:
            failed += 1
            print(f"self-test '{name}' failed: got {errors}")
    return failed


def main():
    if sys.argv[1:] == ["--self-test"]:
        return 1 if self_test() else 0
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    errors = check(sys.argv[1])
    for e in errors:
        print(e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
