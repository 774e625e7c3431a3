"""Reads the arrays of a neardup report.json one element at a time (stdlib only).

A report of a large corpus can be larger than the memory a script should take (190 MB at 100,000
documents of the wire-heavy corpus, gigabytes at a million), so the scorers never load it whole:
iter_array() finds the top-level key, then decodes the array's elements from a buffer refilled in
chunks. Used by scripts/bench_pairs.py and scripts/bench_passages.py.
"""
import json
import re

CHUNK = 1 << 22


def iter_array(path, key):
    """Yields the elements of the array under `key` in the report at `path`; nothing when the
    report has no such array. A key inside a JSON string cannot match: its quotes would be
    escaped. Raises ValueError on a malformed array."""
    opening = re.compile(r'"%s"\s*:\s*\[' % re.escape(key))
    decoder = json.JSONDecoder()
    with open(path, encoding="utf-8") as report:
        buffer = ""
        while True:
            chunk = report.read(CHUNK)
            if not chunk:
                return
            buffer += chunk
            found = opening.search(buffer)
            if found:
                buffer = buffer[found.end():]
                break
            buffer = buffer[-(len(key) + 64):]  # the key may straddle two chunks
        at = 0
        ended = False
        while True:
            while at < len(buffer) and buffer[at] in " \t\r\n,":
                at += 1
            if at < len(buffer) and buffer[at] == "]":
                return
            if at < len(buffer):
                try:
                    element, at = decoder.raw_decode(buffer, at)
                except ValueError:
                    if ended:
                        raise
                else:
                    yield element
                    continue
            if ended:
                raise ValueError(f"{path}: the {key} array does not end")
            chunk = report.read(CHUNK)
            ended = not chunk
            buffer = buffer[at:] + chunk
            at = 0
