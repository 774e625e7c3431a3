#!/usr/bin/env bash
# Benchmarks neardup on a Release build (build-bench) and prints the results as tables on stdout;
# messages (and the suites' own console output) go to stderr.
#
# 1. Google Benchmark suites: runs every bench/*_bench.cc suite, saves each one's JSON as
#    bench/results/<suite>.json and prints a table of MB/s and docs/s. Arguments go to every
#    suite, e.g. --benchmark_filter=Normalize or --benchmark_min_time=0.1.
# 2. End to end: `neardup report CORPUS --source-field source --threads T -v` (the source field,
#    so that boilerplate is counted per site as the generator wrote it) on seeded JSONL corpora of
#    real text (neardup_gen_corpus, from Debian's English package descriptions fetched by
#    scripts/fetch_base_text.sh), built once into bench/data/ (git-ignored) and kept while their
#    stamp matches:
#      default         today's corpus: varied sentences, 13% injected copies, little reuse
#      wire            the wire-heavy corpus of issue 12: paragraphs from a pool of 120,000,
#                      site headers and footers, wire stories republished, 20% copies
#      near-identical  N copies of one article with 3 words edited each (the "doubles N" row)
#      record          one JSONL record of NEARDUP_BENCH_RECORD_MB megabytes
#    Each run goes through scripts/bench_e2e.py: seconds, peak RSS (wait4), bytes written to
#    temporary files (/proc/PID/io of the exited process), report.json bytes, stage seconds from
#    -v, the load average before the run, document precision and recall against the corpus truth
#    (scripts/bench_pairs.py) and cross-document passage recall (scripts/bench_passages.py, wire).
#    scripts/bench_table.py then prints the tables and the performance targets next to the
#    figures; the rows go to bench/results/end_to_end_runs.json. Reports and logs are left in
#    out/bench/.
#
# Environment:
#   NEARDUP_BENCH_CORPORA  which end-to-end corpora to run (default
#                          "default wire near-identical record")
#   NEARDUP_BENCH_SIZES    default corpus sizes in documents (default
#                          "10000 100000 333000 1000000"; about 3.2 KB each, so 333,000 is 1 GB)
#   NEARDUP_BENCH_WIRE_SIZES  wire corpus sizes (default "10000 100000"; 1000000 is supported,
#                          3.3 GB of corpus and, with today's engine, about 2 GB per report)
#   NEARDUP_BENCH_NEAR_SIZES  near-identical sizes (default "2500 5000 10000 20000 40000 80000")
#   NEARDUP_BENCH_RECORD_MB   size of the single record (default 50)
#   NEARDUP_BENCH_THREADS  thread counts of the default and wire runs (default "1 2")
#   NEARDUP_BENCH_STRESS_THREADS  thread counts of the near-identical and record runs (default 1)
#   NEARDUP_BENCH_BASELINE path to another neardup binary: every end-to-end run is also made
#                          with it, interleaved with the new binary's (alternating which goes
#                          first), so that before/after ratios come from one run of the script
#   NEARDUP_BENCH_SUITES=0 skips the suites; NEARDUP_BENCH_E2E=0 skips the end-to-end runs
#   NEARDUP_BENCH_BUILD    build directory (default build-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh

corpora=${NEARDUP_BENCH_CORPORA-default wire near-identical record}
sizes=${NEARDUP_BENCH_SIZES:-10000 100000 333000 1000000}
wire_sizes=${NEARDUP_BENCH_WIRE_SIZES-10000 100000}
near_sizes=${NEARDUP_BENCH_NEAR_SIZES-2500 5000 10000 20000 40000 80000}
record_mb=${NEARDUP_BENCH_RECORD_MB:-50}
threads=${NEARDUP_BENCH_THREADS:-1 2}
stress_threads=${NEARDUP_BENCH_STRESS_THREADS:-1}
baseline=${NEARDUP_BENCH_BASELINE:-}
run_suites=${NEARDUP_BENCH_SUITES:-1}
run_e2e=${NEARDUP_BENCH_E2E:-1}
build=${NEARDUP_BENCH_BUILD:-build-bench}
seed=1                      # one corpus per size, so that runs on different days compare
base=bench/data/debian-descriptions.jsonl

die() {
  echo "neardup: $*" >&2
  exit 1
}

for n in $sizes $wire_sizes $near_sizes; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || die "NEARDUP_BENCH_*SIZES: '$n' is not a number of documents"
done
[[ $record_mb =~ ^[1-9][0-9]*$ ]] || die "NEARDUP_BENCH_RECORD_MB: '$record_mb' is not a size"
for t in $threads $stress_threads; do
  [[ $t =~ ^[1-9][0-9]*$ ]] || die "NEARDUP_BENCH_*THREADS: '$t' is not a thread count"
done
for kind in $corpora; do
  case $kind in
    default | wire | near-identical | record) ;;
    *) die "NEARDUP_BENCH_CORPORA: '$kind' is not one of default, wire, near-identical, record" ;;
  esac
done
if [ -n "$baseline" ] && [ ! -x "$baseline" ]; then
  die "NEARDUP_BENCH_BASELINE: '$baseline' is not an executable"
fi

if [ "$run_e2e" != 0 ]; then
  neardup_install python3
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

# The files of corpus KIND at size N (documents; megabytes for record) start with this prefix.
# The default corpus keeps the names it always had.
prefix_of() {
  case $1 in
    default) echo "bench/data/corpus-$2" ;;
    near-identical) echo "bench/data/near-$2" ;;
    record) echo "bench/data/record-$2MB" ;;
    *) echo "bench/data/$1-$2" ;;
  esac
}

# The generator's arguments for corpus KIND at size N.
gen_args() {
  case $1 in
    default) echo "--docs $2 --seed $seed" ;;
    record) echo "--profile record --docs 1 --doc-bytes $(($2 * 1000000)) --seed $seed" ;;
    *) echo "--profile $1 --docs $2 --seed $seed" ;;
  esac
}

sizes_of() {
  case $1 in
    default) echo "$sizes" ;;
    wire) echo "$wire_sizes" ;;
    near-identical) echo "$near_sizes" ;;
    record) echo "$record_mb" ;;
  esac
}

threads_of() {
  case $1 in
    default | wire) echo "$threads" ;;
    *) echo "$stress_threads" ;;
  esac
}

docs_of() { if [ "$1" = record ]; then echo 1; else echo "$2"; fi; }

# Bytes on disk per document (corpus, truth and passage truth) and per report of one run, with
# a margin; today's engine writes about 1.9 KB of report per wire-heavy document.
corpus_bytes() {
  case $1 in
    record) echo $(($2 * 1100000)) ;;
    wire) echo $(($2 * 4000)) ;;
    *) echo $(($2 * 3400)) ;;
  esac
}
report_bytes() {
  case $1 in
    wire) echo $(($2 * 2500)) ;;
    record) echo 100000000 ;;
    *) echo $(($2 * 500)) ;;
  esac
}

# What a corpus is made from: a corpus whose stamp differs is built again.
stamp() {
  [ -n "${base_sum:-}" ] || base_sum=$(sha256sum "$base" | cut -c1-16)
  echo "$("$gen" --version) $(gen_args "$1" "$2") base $base_sum"
}

up_to_date() { [ "$(cat "$(prefix_of "$1" "$2").stamp" 2>/dev/null)" = "$(stamp "$1" "$2")" ]; }

binaries() { if [ -n "$baseline" ]; then echo 2; else echo 1; fi; }

# Fails, saying how much is needed, when bench/data and out/bench cannot hold the missing corpora,
# every run's report and a margin.
check_disk() {
  local need=0 kind n t
  for kind in $corpora; do
    for n in $(sizes_of "$kind"); do
      [ -s "$(prefix_of "$kind" "$n").jsonl" ] && up_to_date "$kind" "$n" ||
        need=$((need + $(corpus_bytes "$kind" "$n")))
      for t in $(threads_of "$kind"); do
        need=$((need + $(binaries) * $(report_bytes "$kind" "$n")))
      done
    done
  done
  local need_mb=$((need / 1000000 + 500)) free_mb
  free_mb=$(df -Pm bench/data | awk 'NR == 2 { print $4 }')
  if [ "$free_mb" -lt "$need_mb" ]; then
    die "not enough free disk space in bench/data: the corpora of NEARDUP_BENCH_CORPORA and" \
      "the sizes asked for, and their reports, need about $need_mb MB, only $free_mb MB are" \
      "free. Free some space or choose smaller sizes, e.g. NEARDUP_BENCH_SIZES=\"10000 100000\"."
  fi
  echo "neardup: disk: about $need_mb MB needed, $free_mb MB free in bench/data" >&2
}

build_corpus() {
  local kind=$1 n=$2 prefix
  prefix=$(prefix_of "$kind" "$n")
  if [ -s "$prefix.jsonl" ] && [ -s "$prefix.truth.tsv" ] && up_to_date "$kind" "$n"; then
    return 0
  fi
  echo "neardup: generating $prefix.jsonl ($kind, $n)" >&2
  rm -f "$prefix.stamp"
  local passages=()
  [ "$kind" = wire ] && passages=(--passage-truth "$prefix.passages.tsv")
  # shellcheck disable=SC2046  # gen_args is a list of words
  "$gen" --base "$base" $(gen_args "$kind" "$n") --out "$prefix.jsonl" \
    --truth "$prefix.truth.tsv" "${passages[@]}" >&2 || die "could not generate $prefix.jsonl"
  stamp "$kind" "$n" >"$prefix.stamp"
}

# One measured run of binary $3 (label $4) on corpus $1 size $2 with $5 threads; appends its row.
run_report() {
  local kind=$1 n=$2 binary=$3 label=$4 t=$5 prefix tag passages=()
  prefix=$(prefix_of "$kind" "$n")
  tag=$kind-$n-t$t-$label
  [ "$kind" = wire ] && passages=(--passage-truth "$prefix.passages.tsv")
  echo "neardup: $label: neardup report on $kind $n, $t thread(s); $(uptime)" >&2
  python3 scripts/bench_e2e.py --binary "$binary" --label "$label" --corpus-kind "$kind" \
    --docs "$(docs_of "$kind" "$n")" --corpus "$prefix.jsonl" --truth "$prefix.truth.tsv" \
    "${passages[@]}" --threads "$t" --report "out/bench/report-$tag.json" \
    --log-prefix "out/bench/run-$tag" --rows "$rows" || die "the run on $prefix.jsonl failed"
}

run_end_to_end() {
  scripts/fetch_base_text.sh "$base"
  if [ ! -x "$gen" ] || [ ! -x "$neardup" ]; then die "$gen or $neardup was not built"; fi
  mkdir -p bench/data out/bench
  check_disk
  local kind n t turn=0
  for kind in $corpora; do
    for n in $(sizes_of "$kind"); do build_corpus "$kind" "$n"; done
  done
  rows=out/bench/rows.jsonl  # kept, so that scripts/bench_table.py can show them again
  : >"$rows"
  for kind in $corpora; do
    for n in $(sizes_of "$kind"); do
      cat "$(prefix_of "$kind" "$n").jsonl" >/dev/null  # runs start from the page cache
      for t in $(threads_of "$kind"); do
        if [ -z "$baseline" ]; then
          run_report "$kind" "$n" "$neardup" new "$t"
        elif [ $((turn++ % 2)) = 0 ]; then
          run_report "$kind" "$n" "$neardup" new "$t"
          run_report "$kind" "$n" "$baseline" base "$t"
        else
          run_report "$kind" "$n" "$baseline" base "$t"
          run_report "$kind" "$n" "$neardup" new "$t"
        fi
      done
    done
  done
  python3 scripts/bench_table.py "$rows" --json bench/results/end_to_end_runs.json --seed "$seed" \
    --commit "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
}

if [ "$run_suites" != 0 ]; then run_suites "$@"; fi
if [ "$run_suites" != 0 ] && [ "$run_e2e" != 0 ]; then echo; fi
if [ "$run_e2e" != 0 ]; then run_end_to_end; fi
