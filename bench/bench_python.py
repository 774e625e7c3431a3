"""Times neardup.deduplicate() from Python against the neardup command on the same JSONL corpus.

    bench_python.py BUILD CORPUS.jsonl [THREADS]

BUILD is a CMake tree configured with NEARDUP_BUILD_PYTHON=ON. Runs, in this order and in one
process each (so that each peak RSS is its own): the command (`neardup report CORPUS
--source-field source`), deduplicate() on the texts already in a list (the engine's cost from
Python), deduplicate() on generators reading the file (JSON decoding in Python included), and
datasketch's MinHash + MinHashLSH (128 permutations, word 5-grams, threshold 0.8) when it is
installed. Prints one line per run, seconds and peak RSS, and checks that the binding's report
equals the command's.
"""
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

BUILD, CORPUS = sys.argv[1], sys.argv[2]
THREADS = sys.argv[3] if len(sys.argv) > 3 else "0"

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1] + "/python")
mode, corpus, threads, out = sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]

def records():
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)

def field(name):
    return (r[name] for r in records())

if mode == "datasketch":
    from datasketch import MinHash, MinHashLSH
    docs = [(r["id"], r["text"]) for r in records()]
    start = time.perf_counter()
    lsh = MinHashLSH(threshold=0.8, num_perm=128)
    removed = 0
    for key, text in docs:
        words = text.lower().split()
        m = MinHash(num_perm=128)
        m.update_batch([" ".join(words[i:i + 5]).encode() for i in range(max(1, len(words) - 4))])
        if lsh.query(m):
            removed += 1
        else:
            lsh.insert(key, m)
    seconds = time.perf_counter() - start
    print(seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, removed)
    sys.exit(0)

import neardup
if mode == "list":
    rs = list(records())
    texts, ids, sources = [r["text"] for r in rs], [r["id"] for r in rs], [r["source"] for r in rs]
    del rs
    start = time.perf_counter()
    result = neardup.deduplicate(texts, ids=ids, sources=sources, threads=threads)
else:
    start = time.perf_counter()
    result = neardup.deduplicate(field("text"), ids=field("id"), sources=field("source"), threads=threads)
seconds = time.perf_counter() - start
with open(out, "w", encoding="utf-8") as f:
    json.dump(result.report(), f)
print(seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, result.stats["duplicate_documents"])
"""


def child(mode, out):
    line = subprocess.run([sys.executable, "-c", CHILD, BUILD, mode, CORPUS, THREADS, out], check=True,
                          capture_output=True, text=True).stdout.split()
    return float(line[0]), int(line[1]), int(line[2])


def command(out):
    start = time.perf_counter()
    subprocess.run([os.path.join(BUILD, "neardup"), "report", CORPUS, "--source-field", "source", "-o", out, "-q",
                    "--threads", THREADS], check=True)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with open(out, encoding="utf-8") as f:
        return seconds, peak, json.load(f)["stats"]["duplicate_documents"]


def main():
    size = os.path.getsize(CORPUS)
    with open(CORPUS, "rb") as f:
        docs = sum(1 for _ in f)
    print("corpus: %s, %d documents, %.1f MB; threads %s" % (CORPUS, docs, size / 1e6, THREADS))
    print("%-46s %9s %9s %11s %9s" % ("run", "seconds", "MB/s", "peak MiB", "dup docs"))
    with tempfile.TemporaryDirectory() as tmp:
        runs = [("neardup report (command)", command(os.path.join(tmp, "cli.json")))]
        runs.append(("deduplicate(list of str)", child("list", os.path.join(tmp, "list.json"))))
        runs.append(("deduplicate(generators over the JSONL file)", child("stream", os.path.join(tmp, "stream.json"))))
        try:
            import datasketch  # noqa: F401
            runs.append(("datasketch MinHash + MinHashLSH (128 perm)", child("datasketch", "")))
        except ImportError:
            print("datasketch: not installed (not packaged in Debian 12; not downloaded), not timed")
        for name, (seconds, peak_kib, dups) in runs:
            print("%-46s %9.2f %9.1f %11.0f %9d" % (name, seconds, size / 1e6 / seconds, peak_kib / 1024, dups))
        cli_seconds = runs[0][1][0]
        print("deduplicate(list) / command: %.2fx; deduplicate(generators) / command: %.2fx (target <= 1.2x)"
              % (runs[1][1][0] / cli_seconds, runs[2][1][0] / cli_seconds))
        with open(os.path.join(tmp, "cli.json"), encoding="utf-8") as f:
            expected = json.load(f)
        for name in ("list", "stream"):
            with open(os.path.join(tmp, name + ".json"), encoding="utf-8") as f:
                same = json.load(f) == expected
            print("report of deduplicate(%s) equals the command's: %s" % (name, same))


main()
