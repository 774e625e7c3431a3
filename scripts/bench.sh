#!/usr/bin/env bash
# Builds the Google Benchmark suites (Release, in build-bench), runs every bench/*_bench.cc suite,
# saves each one's JSON as bench/results/<suite>.json and prints a table of MB/s and docs/s.
# Arguments go to every suite, e.g. --benchmark_filter=Normalize or --benchmark_min_time=0.1.
# The suites' own console output goes to stderr; the table goes to stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
neardup_install

cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DNEARDUP_BUILD_TESTS=OFF \
  -DNEARDUP_BUILD_BENCH=ON >/dev/null
cmake --build build-bench --parallel "$(nproc)" >&2

mkdir -p bench/results
suites=()
for exe in build-bench/bench/*_bench; do
  [ -x "$exe" ] || continue
  name=$(basename "$exe")
  echo "neardup: running $name" >&2
  "$exe" --benchmark_out="bench/results/$name.json.tmp" --benchmark_out_format=json "$@" >&2
  mv "bench/results/$name.json.tmp" "bench/results/$name.json"
  suites+=("bench/results/$name.json")
done
[ ${#suites[@]} -gt 0 ] || { echo "neardup: no bench executables in build-bench/bench" >&2; exit 1; }

# Google Benchmark writes one key per line, so plain awk reads the JSON (no python3 or jq needed).
awk '
  function flush() {
    if (name != "") {
      if (error != "") printf "%-52s %10s %12s  %s\n", name, "-", "-", "error: " error
      else printf "%-52s %10.1f %12.0f\n", name, bytes / 1e6, docs
    }
    name = ""; bytes = 0; docs = 0; error = ""
  }
  function value(line) {
    sub(/^[^:]*: */, "", line); sub(/,$/, "", line); gsub(/^"|"$/, "", line); return line
  }
  BEGIN { printf "%-52s %10s %12s\n", "benchmark", "MB/s", "docs/s" }
  /^ *"name":/             { flush(); name = value($0) }
  /^ *"bytes_per_second":/ { bytes = value($0) }
  /^ *"docs_per_second":/  { docs = value($0) }
  /^ *"error_message":/    { error = value($0) }
  /^ *}/                   { flush() }
' "${suites[@]}"
