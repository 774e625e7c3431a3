#!/usr/bin/env python3
"""Runs `neardup report` once on a benchmark corpus, measures it, scores it, and appends the row
(one JSON object per line) to a file (stdlib only; Linux). Called by scripts/bench.sh.

Usage: scripts/bench_e2e.py --binary NEARDUP --label new|base --corpus-kind KIND --docs N
         --corpus C.jsonl --truth T.tsv [--passage-truth P.tsv] --threads T --report OUT.json
         --log-prefix PREFIX --rows ROWS.jsonl

The command is `NEARDUP report C.jsonl --source-field source --threads T -o OUT.json -v`; its
stdout and stderr go to PREFIX.stdout and PREFIX.stderr. What a row holds:
  seconds          wall time from fork to exit
  peak_rss_bytes   the process's ru_maxrss (wait4), as /usr/bin/time reports it
  temp_bytes       bytes the process wrote towards the disk (/proc/PID/io write_bytes, read once
                   the process has exited but before it is reaped, so nothing is missed), minus
                   the report and the two logs: the spill files, which are unlinked and so
                   invisible to du. write_bytes counts a page when it is dirtied, even when the
                   file is deleted before it reaches the disk (cancelled_write_bytes counts those).
  report_bytes     size of report.json
  load1            the 1-minute load average just before the run (other work on the machine)
  stages           seconds per stage and pair counts that --verbose printed, when it printed them
  documents, passages   the figures of scripts/bench_pairs.py and scripts/bench_passages.py
Exits non-zero, saying why, when the run fails or cannot be scored.
"""
import argparse
import json
import os
import re
import signal
import sys
import time

import bench_pairs
import bench_passages

STAGES = re.compile(
    r"seconds: sign (?P<sign>[\d.]+), candidates\+verify (?P<verify>[\d.]+), "
    r"cluster (?P<cluster>[\d.]+), passages (?P<passages>[\d.]+), write (?P<write>[\d.]+)")
COUNTS = re.compile(
    r"document pairs: (?P<document_pairs>\d+) candidates, (?P<document_matches>\d+) verified; "
    r"passage pairs across documents: (?P<passage_pairs>\d+) candidates, "
    r"(?P<passage_sketched>\d+) with agreeing sketches, (?P<passage_matches>\d+) verified; "
    r"documents read again: (?P<documents_reread>\d+)")


def read_io(pid):
    io = {}
    with open(f"/proc/{pid}/io", encoding="ascii") as stats:
        for line in stats:
            name, value = line.split(":")
            io[name.strip()] = int(value)
    return io


def run_measured(command, stdout_path, stderr_path):
    """Runs `command`; returns (exit status, seconds, rusage, /proc io counters at exit)."""
    with open(stdout_path, "wb") as out, open(stderr_path, "wb") as err:
        start = time.monotonic()
        pid = os.fork()
        if pid == 0:  # the child: only exec or _exit, nothing of Python's cleanup
            try:
                signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # Python ignores it; exec keeps that
                os.dup2(out.fileno(), 1)
                os.dup2(err.fileno(), 2)
                os.execv(command[0], command)
            finally:
                os._exit(127)
    # WNOWAIT leaves the child a zombie, whose /proc/PID/io still holds its final counters.
    os.waitid(os.P_PID, pid, os.WEXITED | os.WNOWAIT)
    seconds = time.monotonic() - start
    io = read_io(pid)
    _, status, rusage = os.wait4(pid, 0)
    return os.waitstatus_to_exitcode(status), seconds, rusage, io


def parse_verbose(stderr_path):
    with open(stderr_path, encoding="utf-8", errors="replace") as err:
        text = err.read()
    stages = {}
    for pattern, kind in ((STAGES, float), (COUNTS, int)):
        found = pattern.search(text)
        if found:
            stages.update({k: kind(v) for k, v in found.groupdict().items()})
    return stages, text


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for name in ("--binary", "--label", "--corpus-kind", "--corpus", "--truth", "--report",
                 "--log-prefix", "--rows"):
        parser.add_argument(name, required=True)
    parser.add_argument("--docs", type=int, required=True)
    parser.add_argument("--threads", type=int, required=True)
    parser.add_argument("--passage-truth")
    args = parser.parse_args()

    command = [os.path.abspath(args.binary), "report", args.corpus, "--source-field", "source",
               "--threads", str(args.threads), "-o", args.report, "-v"]
    stdout_path, stderr_path = args.log_prefix + ".stdout", args.log_prefix + ".stderr"
    load1 = os.getloadavg()[0]
    code, seconds, rusage, io = run_measured(command, stdout_path, stderr_path)
    stages, stderr_text = parse_verbose(stderr_path)
    if code != 0:
        sys.exit(f"neardup: {' '.join(command)} exited with {code}:\n{stderr_text[-2000:]}")

    input_bytes = os.path.getsize(args.corpus)
    report_bytes = os.path.getsize(args.report)
    logs = os.path.getsize(stdout_path) + os.path.getsize(stderr_path)
    kind, original = bench_pairs.read_truth(args.truth)
    documents = bench_pairs.score(kind, original, bench_pairs.read_clusters(args.report))
    passages = None
    if args.passage_truth and os.path.getsize(args.passage_truth) > 0:
        order = bench_passages.read_order(args.truth)
        keys, copies, edited = bench_passages.read_repeats(args.passage_truth, order)
        passages = bench_passages.score(order, keys, copies, edited, args.report)
    row = {
        "corpus": args.corpus_kind, "docs": args.docs, "input_bytes": input_bytes,
        "binary": args.label, "binary_path": args.binary, "threads": args.threads,
        "load1": load1, "seconds": round(seconds, 3),
        "peak_rss_bytes": rusage.ru_maxrss * 1024,
        "temp_bytes": max(0, io["write_bytes"] - report_bytes - logs),
        "write_bytes": io["write_bytes"], "cancelled_write_bytes": io["cancelled_write_bytes"],
        "read_bytes": io["read_bytes"], "rchar": io["rchar"], "wchar": io["wchar"],
        "report_bytes": report_bytes, "stages": stages, "documents": documents,
        "passages": passages,
    }
    with open(args.rows, "a", encoding="utf-8") as rows:
        rows.write(json.dumps(row) + "\n")
    mb = input_bytes / 1e6
    print(f"neardup: {args.corpus_kind} {args.docs} docs, {args.label}, {args.threads} thread(s): "
          f"{seconds:.2f} s, {mb / seconds:.1f} MB/s, peak RSS {rusage.ru_maxrss / 1024:.0f} MB, "
          f"temp {row['temp_bytes'] / 1e6:.0f} MB, report {report_bytes / 1e6:.1f} MB, "
          f"load {load1:.2f}", file=sys.stderr)


if __name__ == "__main__":
    main()
