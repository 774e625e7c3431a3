#!/usr/bin/env bash
# The Python binding against the command: deduplicate() on N documents (default 100,000) of the
# seeded benchmark corpus from Python, and `neardup report` on the same JSONL file, one after
# the other in the same run (bench/bench_python.py says what each run times).
#
# Usage: scripts/bench_python.sh [DOCS] [THREADS]    (THREADS default 0: every core)
#
# Builds the command, the corpus generator and the module in build/release (with
# NEARDUP_BUILD_PYTHON=ON; NEARDUP_BUILD=DIR names another Release tree). The corpus is the kind
# scripts/bench.sh times (seed 1, real English text from Debian's package descriptions, fetched
# once by scripts/fetch_base_text.sh into bench/data/), written under $NEARDUP_BUILD/bench-python/
# and reused for the same document count. datasketch is timed too when it is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
neardup_install pybind11-dev
docs=${1:-100000}
threads=${2:-0}
build=${NEARDUP_BUILD:-build/release}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DNEARDUP_WERROR=ON -DNEARDUP_BUILD_TESTS=ON \
  -DNEARDUP_BUILD_BENCH=ON -DNEARDUP_BUILD_PYTHON=ON >/dev/null
cmake --build "$build" --parallel "$(nproc)" --target neardup neardup_gen_corpus neardup_python >&2
mkdir -p "$build/bench-python"
corpus=$build/bench-python/corpus-$docs.jsonl
scripts/fetch_base_text.sh
[ -s "$corpus" ] ||
  "$build/bench/neardup_gen_corpus" --docs "$docs" --seed 1 --out "$corpus" >&2
/usr/bin/python3 bench/bench_python.py "$build" "$corpus" "$threads"
