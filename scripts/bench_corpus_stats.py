#!/usr/bin/env python3
"""Checks that a benchmark corpus shares no text by accident (stdlib only).

Usage: scripts/bench_corpus_stats.py CORPUS.jsonl TRUTH.tsv [--jaccard-docs N]

Only originals count (truth kind original or pasted): copies repeat text on purpose, and so do
the boilerplate lines of a source (left out: lines in >= 5% of a source's originals). Prints
  - lines of >= 8 words whose exact text also occurs in another original, as a share of all such
    lines (what the engine's cross-document rule would see), and the same for sentences;
  - over all pairs of the first N originals (default 5000): the mean word 5-gram Jaccard, the
    largest, and how many pairs exceed 0.05.
Words are lowercased runs of letters and digits, as the engine's normalizer sees them in ASCII.
"""
import argparse
import collections
import json
import re
import sys

WORD = re.compile(r"[^\W_]+")
SENTENCE_END = re.compile(r"(?<=[.!?]) +(?=[A-Z])")


def originals(corpus_path, truth_path):
    kept = set()
    with open(truth_path, encoding="utf-8") as truth:
        for row in truth:
            doc_id, kind, _ = row.rstrip("\n").split("\t")
            if kind in ("original", "pasted"):
                kept.add(doc_id)
    with open(corpus_path, encoding="utf-8") as corpus:
        for line in corpus:
            doc = json.loads(line)
            if doc["id"] in kept:
                yield doc.get("source", ""), doc["text"]


def boilerplate(docs):
    """The lines in >= 5% (and >= 3) of the originals of their source."""
    per_source = collections.Counter(source for source, _ in docs)
    counts = collections.Counter()
    for source, text in docs:
        counts.update((source, line) for line in set(text.split("\n")) if line)
    return {line for (source, line), n in counts.items()
            if n >= 3 and n >= 0.05 * per_source[source]}


def cross_doc_repeats(pieces_per_doc):
    """How many pieces occur in more than one document, and how many pieces there are."""
    docs_of = collections.Counter()
    for pieces in pieces_per_doc:
        docs_of.update(set(pieces))
    total = repeated = 0
    for pieces in pieces_per_doc:
        for piece in pieces:
            total += 1
            repeated += docs_of[piece] > 1
    return repeated, total


def shingles(text):
    words = WORD.findall(text.lower())
    return {hash(tuple(words[i:i + 5])) for i in range(max(1, len(words) - 4))}


def jaccard_figures(texts):
    """Mean word 5-gram Jaccard over all pairs of `texts`, the largest, and the pairs above 0.05."""
    sets = [shingles(t) for t in texts]
    docs_of = collections.defaultdict(list)
    for d, grams in enumerate(sets):
        for g in grams:
            docs_of[g].append(d)
    total = largest = 0.0
    above = 0
    for d, grams in enumerate(sets):
        common = collections.Counter()
        for g in grams:
            common.update(o for o in docs_of[g] if o > d)
        for other, n in common.items():
            j = n / (len(grams) + len(sets[other]) - n)
            total += j
            largest = max(largest, j)
            above += j > 0.05
    pairs = len(sets) * (len(sets) - 1) // 2
    return total / max(1, pairs), largest, above, pairs


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("truth")
    parser.add_argument("--jaccard-docs", type=int, default=5000)
    args = parser.parse_args()

    docs = list(originals(args.corpus, args.truth))
    injected = boilerplate(docs)
    lines_per_doc, sentences_per_doc, sample = [], [], []
    for _, text in docs:
        lines = [l for l in text.split("\n") if len(l.split()) >= 8 and l not in injected]
        lines_per_doc.append(lines)
        sentences_per_doc.append([s for l in lines for s in SENTENCE_END.split(l)
                                  if len(s.split()) >= 8])
        if len(sample) < args.jaccard_docs:
            sample.append(text)
    if not lines_per_doc:
        sys.exit("neardup: no originals in the truth file")
    print(f"originals: {len(lines_per_doc)}; boilerplate lines left out: {len(injected)}")
    for name, pieces in (("lines", lines_per_doc), ("sentences", sentences_per_doc)):
        repeated, total = cross_doc_repeats(pieces)
        print(f"{name} of >= 8 words also in another original: {repeated} of {total} "
              f"({100 * repeated / max(1, total):.4f}%)")
    mean_jaccard, max_jaccard, above, pairs = jaccard_figures(sample)
    print(f"pairs of the first {len(sample)} originals: mean word 5-gram Jaccard "
          f"{mean_jaccard:.2e}, largest {max_jaccard:.4f}, {above} of {pairs} pairs above 0.05")


if __name__ == "__main__":
    main()
