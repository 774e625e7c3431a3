#!/usr/bin/env bash
# Benchmarks neardup on a Release build (build-bench) and prints the results as tables on stdout;
# messages (and the suites' own console output) go to stderr.
#
# 1. Google Benchmark suites: runs every bench/*_bench.cc suite, saves each one's JSON as
#    bench/results/<suite>.json and prints a table of MB/s and docs/s. Arguments go to every
#    suite, e.g. --benchmark_filter=Normalize or --benchmark_min_time=0.1.
# 2. End to end: `neardup report CORPUS --source-field source --threads T` (the source field, so
#    that boilerplate is counted per site as the generator wrote it) on seeded JSONL corpora of
#    real text at each size and thread count, under /usr/bin/time. The corpora
#    (neardup_gen_corpus, from Debian's English package descriptions fetched by
#    scripts/fetch_base_text.sh) are built once into bench/data/ (git-ignored) and kept while
#    their stamp matches. Prints seconds, MB/s, docs/s, µs/doc, peak RSS and its bytes per
#    document, the speed-up over one thread and the document precision and recall against the
#    corpus truth (scripts/bench_pairs.py), then the performance targets next to the figures;
#    the rows also go to bench/results/end_to_end_runs.json. Reports are left in out/bench/.
#
# Environment:
#   NEARDUP_BENCH_SIZES    corpus sizes in documents (default "10000 100000 333000 1000000";
#                          about 3.2 KB each on disk, so 333,000 is about 1 GB)
#   NEARDUP_BENCH_THREADS  thread counts of the end-to-end runs (default "1 2")
#   NEARDUP_BENCH_SUITES=0 skips the suites; NEARDUP_BENCH_E2E=0 skips the end-to-end runs
#   NEARDUP_BENCH_BUILD    build directory (default build-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh

sizes=${NEARDUP_BENCH_SIZES:-10000 100000 333000 1000000}
threads=${NEARDUP_BENCH_THREADS:-1 2}
run_suites=${NEARDUP_BENCH_SUITES:-1}
run_e2e=${NEARDUP_BENCH_E2E:-1}
build=${NEARDUP_BENCH_BUILD:-build-bench}
seed=1                      # one corpus per size, so that runs on different days compare
base=bench/data/debian-descriptions.jsonl
bytes_per_doc_on_disk=3300  # generated JSONL per document, with a margin

die() {
  echo "neardup: $*" >&2
  exit 1
}

for n in $sizes; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || die "NEARDUP_BENCH_SIZES: '$n' is not a number of documents"
done
for t in $threads; do
  [[ $t =~ ^[1-9][0-9]*$ ]] || die "NEARDUP_BENCH_THREADS: '$t' is not a thread count"
done

if [ "$run_e2e" != 0 ]; then
  neardup_install time python3
else
  neardup_install
fi

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DNEARDUP_BUILD_TESTS=OFF \
  -DNEARDUP_BUILD_BENCH=ON >/dev/null
if [ "$run_suites" != 0 ]; then
  cmake --build "$build" --parallel "$(nproc)" >&2  # everything: the suites, neardup, the generator
elif [ "$run_e2e" != 0 ]; then
  cmake --build "$build" --parallel "$(nproc)" --target neardup neardup_gen_corpus >&2
fi
mkdir -p bench/results

# --- Google Benchmark suites ---------------------------------------------------------------------

run_suites() {
  local suites=() exe name
  for exe in "$build"/bench/*_bench; do
    [ -x "$exe" ] || continue
    name=$(basename "$exe")
    echo "neardup: running $name" >&2
    "$exe" --benchmark_out="bench/results/$name.json.tmp" --benchmark_out_format=json "$@" >&2
    mv "bench/results/$name.json.tmp" "bench/results/$name.json"
    suites+=("bench/results/$name.json")
  done
  [ ${#suites[@]} -gt 0 ] || die "no bench executables in $build/bench"

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
}

# --- End to end ----------------------------------------------------------------------------------

gen=$build/bench/neardup_gen_corpus
neardup=$build/neardup

corpus_of() { echo "bench/data/corpus-$1.jsonl"; }
truth_of() { echo "bench/data/corpus-$1.truth.tsv"; }
stamp_of() { echo "bench/data/corpus-$1.stamp"; }

# What a corpus is made from: a corpus whose stamp differs is built again.
stamp() {
  [ -n "${base_sum:-}" ] || base_sum=$(sha256sum "$base" | cut -c1-16)
  echo "$("$gen" --version) --docs $1 --seed $seed base $base_sum"
}

up_to_date() { [ "$(cat "$(stamp_of "$1")" 2>/dev/null)" = "$(stamp "$1")" ]; }

# Fails, saying how much is needed, when bench/data cannot hold the missing corpora plus the
# largest report and a margin.
check_disk() {
  local missing=0 largest=0 n
  for n in $sizes; do
    [ -s "$(corpus_of "$n")" ] && up_to_date "$n" || missing=$((missing + n))
    [ "$n" -gt "$largest" ] && largest=$n
  done
  local need_mb=$(((missing * bytes_per_doc_on_disk + largest * 400) / 1000000 + 500))
  local free_mb
  free_mb=$(df -Pm bench/data | awk 'NR == 2 { print $4 }')
  if [ "$free_mb" -lt "$need_mb" ]; then
    die "not enough free disk space in bench/data: the corpora of NEARDUP_BENCH_SIZES=\"$sizes\"" \
      "and their reports need about $need_mb MB, only $free_mb MB are free." \
      "Free some space or choose smaller sizes, e.g. NEARDUP_BENCH_SIZES=\"10000 100000\"."
  fi
  echo "neardup: disk: about $need_mb MB needed, $free_mb MB free in bench/data" >&2
}

build_corpus() {
  local n=$1 corpus truth
  corpus=$(corpus_of "$n")
  truth=$(truth_of "$n")
  if [ -s "$corpus" ] && [ -s "$truth" ] && up_to_date "$n"; then return 0; fi
  echo "neardup: generating $corpus ($n documents)" >&2
  rm -f "$(stamp_of "$n")"
  "$gen" --base "$base" --docs "$n" --seed "$seed" --out "$corpus" --truth "$truth" >&2 ||
    die "could not generate $corpus"
  stamp "$n" >"$(stamp_of "$n")"
}

# Appends one row to $rows: docs bytes threads seconds rss_kb, then the scores.
run_report() {
  local n=$1 t=$2 corpus truth report times
  corpus=$(corpus_of "$n")
  truth=$(truth_of "$n")
  report=out/bench/report-$n-t$t.json
  times=out/bench/time-$n-t$t.txt
  echo "neardup: neardup report on $n documents, $t thread(s)" >&2
  if ! /usr/bin/time -f '%e %M' -o "$times" \
    "$neardup" report "$corpus" --source-field source --threads "$t" -o "$report" -q; then
    die "neardup report failed on $corpus with --threads $t ($(head -n1 "$times"))"
  fi
  local seconds rss_kb scores
  read -r seconds rss_kb < <(tail -n1 "$times")
  scores=$(python3 scripts/bench_pairs.py "$truth" "$report" --json) ||
    die "could not score $report"
  # Four figures, "-" where undefined, for the awk below.
  scores=$(python3 -c 'import json, sys
s = json.loads(sys.argv[1])
keys = ("precision", "recall", "recall_exact", "recall_near")
print(*("-" if s[k] is None else s[k] for k in keys))
' "$scores")
  echo "$n $(stat -c %s "$corpus") $t $seconds $rss_kb $scores" >>"$rows"
}

# Prints the table of $rows on stdout and writes them as JSON to bench/results/end_to_end_runs.json.
print_rows() {
  local json=bench/results/end_to_end_runs.json
  awk -v json="$json.tmp" -v commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" \
    -v date="$(date -u +%Y-%m-%dT%H:%M:%SZ)" -v cores="$(nproc)" -v seed="$seed" '
    function num(x) { return x == "-" ? "null" : x }
    function fixed(x) { return x == "-" ? x : sprintf("%.4f", x) }
    BEGIN {
      # "µs/doc" is 6 characters in 7 bytes, hence its width of 10.
      printf "%-9s %9s %7s %9s %8s %9s %10s %9s %9s %8s %9s %7s %7s %7s\n", "docs", "input MB",
        "threads", "seconds", "MB/s", "docs/s", "µs/doc", "RSS MB", "RSS B/doc", "speedup",
        "precision", "recall", "exact", "near"
      printf "{\"commit\": \"%s\", \"date\": \"%s\", \"cores\": %d, ", commit, date, cores >json
      printf "\"corpus_seed\": %d,\n \"command\": \"neardup report CORPUS ", seed >json
      printf "--source-field source --threads T -o OUT -q\",\n \"runs\": [" >json
    }
    {
      docs = $1; bytes = $2; t = $3; s = $4; rss = $5 * 1024
      if (s <= 0) s = 0.01  # /usr/bin/time has 10 ms resolution
      if (t == 1) one[docs] = s
      speedup = (t != 1 && docs in one) ? sprintf("%.2f", one[docs] / s) : "-"
      mbs = bytes / 1e6 / s; us = s * 1e6 / docs
      printf "%-9d %9.1f %7d %9.2f %8.1f %9.0f %9.1f %9.1f %9.0f %8s %9s %7s %7s %7s\n",
        docs, bytes / 1e6, t, s, mbs, docs / s, us, rss / 1e6, rss / docs, speedup,
        fixed($6), fixed($7), fixed($8), fixed($9)
      printf "%s\n  {\"docs\": %d, \"input_bytes\": %.0f, \"threads\": %d, ", (NR > 1 ? "," : ""),
        docs, bytes, t >json
      printf "\"seconds\": %s, \"mb_per_s\": %.2f, \"docs_per_s\": %.1f, \"us_per_doc\": %.2f, ",
        s, mbs, docs / s, us >json
      printf "\"peak_rss_bytes\": %.0f, \"peak_rss_bytes_per_doc\": %.1f, \"speedup\": %s, ",
        rss, rss / docs, num(speedup) >json
      printf "\"precision\": %s, \"recall\": %s, \"recall_exact\": %s, \"recall_near\": %s}",
        num($6), num($7), num($8), num($9) >json
    }
    END { printf "\n ]}\n" >json }
  ' "$rows"
  mv "$json.tmp" "$json"
  echo "neardup: wrote $json" >&2
}

# Prints the targets of the performance issue next to what $rows measured ("not run" when the
# size or thread count they need was not among the runs).
print_targets() {
  awk '
    function verdict(ok) { return ok ? "met" : "MISSED" }
    {
      docs = $1; t = $3; s = ($4 > 0 ? $4 : 0.01)
      if (t == 1) { mbs1[docs] = $2 / 1e6 / s; us1[docs] = s * 1e6 / docs; sec1[docs] = s }
      if (t == 2) sec2[docs] = s
      per_doc = $5 * 1024 / docs
      if (docs == 1000000 && per_doc > rss_max) { rss_max = per_doc; have_rss = 1 }
      # The throughput targets are for a corpus of about 1 GB (333,000 documents).
      if ($2 >= 0.8e9 && $2 <= 1.25e9) gb = docs
    }
    END {
      printf "\n%-58s %10s %10s  %s\n", "target", "goal", "measured", ""
      name = "MB/s, 1 thread, 1 GB corpus" (gb ? sprintf(" (%d docs)", gb) : "")
      if (gb in mbs1) {
        printf "%-58s %10s %10.1f  %s\n", name, ">= 100", mbs1[gb], verdict(mbs1[gb] >= 100)
      } else printf "%-58s %10s %10s\n", name, ">= 100", "not run"
      name = "speed-up, 2 threads over 1, 1 GB corpus"
      if ((gb in sec1) && (gb in sec2)) {
        x = sec1[gb] / sec2[gb]
        printf "%-58s %10s %10.2f  %s\n", name, ">= 1.8", x, verdict(x >= 1.8)
      } else printf "%-58s %10s %10s\n", name, ">= 1.8", "not run"
      name = "peak RSS bytes per document, 1,000,000 docs"
      if (have_rss) {
        printf "%-58s %10s %10.0f  %s\n", name, "<= 1024", rss_max, verdict(rss_max <= 1024)
      } else printf "%-58s %10s %10s\n", name, "<= 1024", "not run"
      # Growth: the largest deviation of any size from the 10,000-document time per document.
      name = "µs/doc, 1 thread, every size vs 10,000 docs"
      worst = 0; compared = 0
      for (n in us1) if (n != 10000 && (10000 in us1)) {
        x = us1[n] / us1[10000] - 1; compared++
        if (x * x > worst * worst) worst = x
      }
      if (compared > 0) {
        ok = worst * worst <= 0.25 * 0.25
        printf "%-59s %10s %+9.0f%%  %s\n", name, "+-25%", 100 * worst, verdict(ok)
      } else printf "%-59s %10s %10s\n", name, "+-25%", "not run"
    }
  ' "$rows"
}

run_end_to_end() {
  scripts/fetch_base_text.sh "$base"
  if [ ! -x "$gen" ] || [ ! -x "$neardup" ]; then die "$gen or $neardup was not built"; fi
  mkdir -p bench/data out/bench
  check_disk
  local n t
  for n in $sizes; do build_corpus "$n"; done
  rows=$(mktemp)
  trap 'rm -f "$rows"' EXIT
  for n in $sizes; do
    cat "$(corpus_of "$n")" >/dev/null  # every run starts from the page cache, not the disk
    for t in $threads; do run_report "$n" "$t"; done
  done
  print_rows
  print_targets
}

if [ "$run_suites" != 0 ]; then run_suites "$@"; fi
if [ "$run_suites" != 0 ] && [ "$run_e2e" != 0 ]; then echo; fi
if [ "$run_e2e" != 0 ]; then run_end_to_end; fi
