# deduplicate() streams its input and lets other Python threads run while the engine works.
import random
import subprocess
import sys
import threading
import time

import neardup
from conftest import BUILD

# Runs in a fresh interpreter, so that its peak resident size is its own: deduplicates a
# generator of N texts of about 2 KB each (made on the fly) and prints the peak RSS before and
# after, in KiB.
MEMORY_SCRIPT = r"""
import os, random, resource, sys
sys.path.insert(0, sys.argv[1])
import neardup
n = int(sys.argv[2])
words = ["w%03d" % i for i in range(256)]
def texts():
    for _ in range(n):
        yield " ".join(words[b] for b in os.urandom(400))
peak = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
before = peak()
result = neardup.deduplicate(texts(), threads=2)
assert len(result) == n and all(result.keep)
print(before, peak())
"""


def test_a_generator_is_not_materialized():
    n = 100_000  # about 200 MB of text
    out = subprocess.run([sys.executable, "-c", MEMORY_SCRIPT, str(BUILD / "python"), str(n)], check=True,
                         capture_output=True, text=True).stdout
    before, after = (int(x) for x in out.split())
    text_kib = n * 2000 // 1024
    # Held whole, the texts alone would add text_kib (and Python's str headers); streamed, the
    # run adds the engine's per-document records and bounded buffers (about a quarter of it
    # here, most of it the spill buffers).
    assert after - before < text_kib // 2, (before, after, text_kib)


def test_other_threads_run_while_the_engine_works():
    rng = random.Random(5)
    words = ["w%03d" % i for i in range(1000)]
    texts = [" ".join(rng.choices(words, k=300)) for _ in range(20_000)]  # about 1.5 s of work
    done = threading.Event()
    finished = []

    def work():
        started = time.monotonic()
        neardup.deduplicate(texts, threads=1)
        finished.append(time.monotonic() - started)
        done.set()
    worker = threading.Thread(target=work)
    ticks = 0
    worker.start()
    while not done.is_set():
        ticks += 1
    worker.join()
    # Holding the GIL through the call would leave this thread a handful of switch intervals;
    # released, it counts all the while (millions of ticks per second).
    assert ticks > 200_000 * finished[0], (ticks, finished[0])
