#!/usr/bin/env python3
"""Scores a neardup report against the truth of a benchmark corpus (stdlib only).

Usage: scripts/bench_pairs.py TRUTH.tsv REPORT.json [--json]

TRUTH.tsv is written by neardup_gen_corpus --truth: id<TAB>kind<TAB>original id or "-", kind one
of original, exact, near, pasted, wire. A "pasted" document is an original with a paragraph
repeated inside it, a "wire" document republishes a story (its third field) with much changed:
both must be kept. REPORT.json is `neardup report` output; only its document_clusters are read,
element by element (scripts/bench_report.py), so a report larger than memory can be scored.
Document-level figures:
  precision  removed documents that are true copies (exact or near) / removed documents
  recall     true copies removed / true copies, overall and per kind
  kept right true copies removed in favour of their own original (or of another copy of it)
Without --json a small table goes to stdout; with --json one JSON object (null where a figure is
undefined, e.g. precision when nothing was removed).
"""
import argparse
import json
import sys

from bench_report import iter_array

COPY_KINDS = ("exact", "near")


def read_truth(path):
    kind, original = {}, {}
    with open(path, encoding="utf-8") as truth:
        for number, row in enumerate(truth, 1):
            fields = row.rstrip("\n").split("\t")
            if len(fields) != 3:
                sys.exit(f"neardup: {path}:{number}: expected id<TAB>kind<TAB>original")
            kind[fields[0]] = fields[1]
            if fields[2] != "-":
                original[fields[0]] = fields[2]
    return kind, original


def read_clusters(path):
    """The report's document_clusters."""
    return list(iter_array(path, "document_clusters"))


def ratio(a, b):
    return a / b if b else None


def score(kind, original, clusters):
    removed = {}  # removed id -> kept id
    for cluster in clusters:
        for doc in cluster.get("removed", []):
            removed[doc["id"]] = cluster["kept"]
    unknown = sorted(i for i in removed if i not in kind)
    if unknown:
        sys.exit(f"neardup: the report removes {len(unknown)} ids not in the truth, "
                 f"e.g. {unknown[0]}")
    copies = {k: sum(1 for v in kind.values() if v == k) for k in COPY_KINDS}
    found = {k: sum(1 for i in removed if kind[i] == k) for k in COPY_KINDS}
    true_removed = sum(found.values())
    # The kept document is right when it is the copy's original or a copy of the same original.
    kept_right = sum(1 for i, kept in removed.items() if kind[i] in COPY_KINDS and
                     original[i] in (kept, original.get(kept)))
    return {
        "documents": len(kind),
        "true_copies": sum(copies.values()),
        "removed": len(removed),
        "removed_true_copies": true_removed,
        "removed_originals": sum(1 for i in removed if kind[i] == "original"),
        "removed_pasted": sum(1 for i in removed if kind[i] == "pasted"),
        "removed_wire": sum(1 for i in removed if kind[i] == "wire"),
        "precision": ratio(true_removed, len(removed)),
        "recall": ratio(true_removed, sum(copies.values())),
        "recall_exact": ratio(found["exact"], copies["exact"]),
        "recall_near": ratio(found["near"], copies["near"]),
        "kept_right": ratio(kept_right, true_removed),
    }


def show(value):
    if value is None:
        return "-"
    return f"{value:.4f}" if isinstance(value, float) else str(value)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("truth")
    parser.add_argument("report")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")
    args = parser.parse_args()
    try:
        kind, original = read_truth(args.truth)
        figures = score(kind, original, read_clusters(args.report))
    except (OSError, ValueError, KeyError, TypeError) as error:
        sys.exit(f"neardup: cannot score {args.report} against {args.truth}: {error!r}")
    if args.json:
        print(json.dumps(figures, sort_keys=False))
        return
    for name, value in figures.items():
        print(f"{name:<20} {show(value)}")


if __name__ == "__main__":
    main()
