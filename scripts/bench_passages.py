#!/usr/bin/env python3
"""Scores a neardup report's cross-document passages against a corpus's truth (stdlib only).

Usage: scripts/bench_passages.py TRUTH.tsv PASSAGE_TRUTH.tsv REPORT.json [--json]

TRUTH.tsv (neardup_gen_corpus --truth) gives the documents in input order. PASSAGE_TRUTH.tsv
(neardup_gen_corpus --profile wire --passage-truth) has one row per line of a document to be kept
that repeats a passage of an earlier kept document:
  id<TAB>line<TAB>start<TAB>end<TAB>id of the first document with the passage<TAB>jaccard
(start and end: bytes of the line in the text, its newline excluded; jaccard 1 for an identical
line, below 1 for an edited one). A report finding matches a row when it has rule repeat-across,
the same document and the same start. Figures:
  recall        rows matched / rows (also for identical and edited lines apart)
  copy right    matched rows whose copy_of names the row's first document / rows matched
  precision     repeat-across findings that match a row / repeat-across findings
  other rules   rows reported under another rule (boilerplate, repeat-within, ...), per rule
The report is read element by element (scripts/bench_report.py); the truth is held as sorted
64-bit keys, about 13 bytes a row, so a million-document corpus is scored in about 1 GB.
Without --json a small table goes to stdout; with --json one JSON object (null where a figure is
undefined, e.g. recall when the truth is empty).
"""
import argparse
import array
import bisect
import collections
import json
import sys

from bench_report import iter_array


def read_order(path):
    """Document id -> its index in input order."""
    order = {}
    with open(path, encoding="utf-8") as truth:
        for number, row in enumerate(truth, 1):
            doc_id = row.split("\t", 1)[0].rstrip("\n")
            if doc_id in order:
                sys.exit(f"neardup: {path}:{number}: document {doc_id} is listed twice")
            order[doc_id] = len(order)
    return order


def read_repeats(path, order):
    """Sorted keys (document index << 32 | start), the first document of each, and whether each
    line is edited."""
    keys, copies, edited = array.array("Q"), array.array("I"), bytearray()
    last = -1
    with open(path, encoding="utf-8") as truth:
        for number, row in enumerate(truth, 1):
            fields = row.rstrip("\n").split("\t")
            if len(fields) != 6 or fields[0] not in order or fields[4] not in order:
                sys.exit(f"neardup: {path}:{number}: expected "
                         "id<TAB>line<TAB>start<TAB>end<TAB>first id<TAB>jaccard with known ids")
            key = order[fields[0]] << 32 | int(fields[2])
            if key <= last:
                sys.exit(f"neardup: {path}:{number}: rows are not in input order")
            last = key
            keys.append(key)
            copies.append(order[fields[4]])
            edited.append(float(fields[5]) < 1)
    return keys, copies, edited


def ratio(a, b):
    return a / b if b else None


def score(order, keys, copies, edited, report_path):
    found = bytearray(len(keys))
    copy_right = across = matched = 0
    other = collections.Counter()
    for finding in iter_array(report_path, "passages"):
        doc = order.get(finding["doc"])
        if doc is None:
            sys.exit(f"neardup: the report names a document not in the truth: {finding['doc']}")
        key = doc << 32 | finding["start"]
        at = bisect.bisect_left(keys, key)
        hit = at < len(keys) and keys[at] == key
        if finding["rule"] != "repeat-across":
            if hit:
                other[finding["rule"]] += 1
            continue
        across += 1
        if not hit:
            continue
        matched += 1
        found[at] = 1
        copy = order.get(finding.get("copy_of", {}).get("doc"))
        copy_right += copy == copies[at]
    rows = len(keys)
    rows_edited = sum(edited)
    found_edited = sum(1 for f, e in zip(found, edited) if f and e)
    found_all = sum(found)
    return {
        "rows": rows,
        "rows_identical": rows - rows_edited,
        "rows_edited": rows_edited,
        "repeat_across_findings": across,
        "matched": found_all,
        "recall": ratio(found_all, rows),
        "recall_identical": ratio(found_all - found_edited, rows - rows_edited),
        "recall_edited": ratio(found_edited, rows_edited),
        "copy_right": ratio(copy_right, matched),
        "precision": ratio(matched, across),
        "other_rules": dict(sorted(other.items())),
    }


def show(value):
    if value is None:
        return "-"
    return f"{value:.4f}" if isinstance(value, float) else str(value)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("truth")
    parser.add_argument("passage_truth")
    parser.add_argument("report")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")
    args = parser.parse_args()
    try:
        order = read_order(args.truth)
        keys, copies, edited = read_repeats(args.passage_truth, order)
        figures = score(order, keys, copies, edited, args.report)
    except (OSError, ValueError, KeyError, TypeError) as error:
        sys.exit(f"neardup: cannot score {args.report} against {args.passage_truth}: {error!r}")
    if args.json:
        print(json.dumps(figures))
        return
    for name, value in figures.items():
        print(f"{name:<24} {show(value)}")


if __name__ == "__main__":
    main()
