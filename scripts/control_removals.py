#!/usr/bin/python3
"""Lists what a run removed from the negative-control corpus, where every removal is collateral.

Usage: control_removals.py CONTROL.jsonl REPORT.json [EXAMPLES]

Prints Markdown: removals by rule and shape (a whole line or part of one; under 8 words or not;
identical to its copy or near; directly after its copy or not), with what the rules of issue 11
say about that shape, then removals by source, then up to EXAMPLES (default 3) examples of each
shape with their text and the text they were taken to copy.
"""
import collections
import json
import re
import sys

TERMINATORS = (b".", b"!", b"?", b":", b";")


def shape(text, passage):
    s, e = passage["start"], passage["end"]
    if passage["rule"] != "repeat-within":
        return passage["rule"], "boilerplate by definition" if passage["rule"].startswith("boilerplate") else ""
    line_start = s == 0 or text[s - 1:s] == b"\n"
    line_end = e == len(text) or text[e - 1:e] == b"\n"
    copy = passage.get("copy_of") or {}
    a, b = copy.get("start", 0), copy.get("end", 0)
    if line_start and line_end:
        words = len(re.findall(rb"\w+", text[s:e]))
        identical = text[a:b].strip() == text[s:e].strip()
        adjacent = a < b <= s and text[b:s].strip() == b""
        name = "whole line, %s words, %s%s" % ("< 8" if words < 8 else ">= 8", "identical" if identical else "near",
                                               ", directly after its copy" if adjacent else "")
        if words >= 8 or adjacent:
            return name, "removed (rule 2: a line of 8+ words, or directly after its copy)"
        return name, "kept (a short line away from its copy)"
    before = text[:s].rstrip(b" ")
    starts = line_start or before.endswith(TERMINATORS) or before.endswith(b"\n")
    inside = text[s:e].rstrip(b" \n")
    ends = line_end or inside.endswith(TERMINATORS)
    if starts and ends:
        return "part of a line, whole sentences", "removed only as a run of 2+ sentences or a tandem"
    return "part of a line, cutting a sentence", "kept (only whole sentences are removed)"


def main():
    control, report_path = sys.argv[1], sys.argv[2]
    examples = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    texts, sources = {}, {}
    total = collections.Counter()
    with open(control, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            texts[d["id"]] = d["text"].encode("utf-8")
            sources[d["id"]] = d["source"]
            total[d["source"]] += len(texts[d["id"]])
    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
    count, size, verdict, shown = collections.Counter(), collections.Counter(), {}, collections.defaultdict(list)
    by_source = collections.Counter()
    for cluster in report["document_clusters"]:
        for removed in cluster["removed"]:
            key = "duplicate document"
            count[key] += 1
            size[key] += len(texts[removed["id"]])
            by_source[sources[removed["id"]]] += len(texts[removed["id"]])
            verdict[key] = ""
    for p in report["passages"]:
        if not p.get("removed", True):
            continue
        text = texts[p["doc"]]
        key, says = shape(text, p)
        count[key] += 1
        size[key] += p["end"] - p["start"]
        by_source[sources[p["doc"]]] += p["end"] - p["start"]
        verdict[key] = says
        if len(shown[key]) < examples:
            shown[key].append(p)
    all_bytes = sum(total.values())
    print("| removed as | passages | bytes | share of the control | the rules of issue 11 |")
    print("|---|---:|---:|---:|---|")
    for key, n in count.most_common():
        print("| %s | %d | %d | %.4f%% | %s |" % (key, n, size[key], 100.0 * size[key] / all_bytes, verdict[key]))
    print()
    print("| source | documents' bytes | removed bytes | share |")
    print("|---|---:|---:|---:|")
    for source in sorted(total):
        print("| %s | %d | %d | %.4f%% |" % (source, total[source], by_source[source],
                                           100.0 * by_source[source] / total[source]))
    for key, passages in shown.items():
        print()
        print("Examples, %s:" % key)
        print()
        for p in passages:
            text = texts[p["doc"]]
            removed = text[p["start"]:p["end"]].decode("utf-8", errors="replace").rstrip("\n")
            line = "- `%s` [%d, %d): \"%s\"" % (p["doc"], p["start"], p["end"], clip(removed))
            copy = p.get("copy_of")
            if copy:
                line += " copies [%d, %d): \"%s\"" % (copy["start"], copy["end"], clip(
                    text[copy["start"]:copy["end"]].decode("utf-8", errors="replace")))
            print(line)


def clip(s, limit=160):
    s = s.replace("\n", "⏎").replace("|", "\\|").replace("`", "'")
    return s if len(s) <= limit else s[:limit] + "…"


if __name__ == "__main__":
    main()
