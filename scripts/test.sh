#!/usr/bin/env bash
# Installs what is missing, then builds and runs every test twice: a Release build and an
# AddressSanitizer + UndefinedBehaviorSanitizer build, both with -Wall -Wextra -Werror.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
neardup_install

neardup_build build/release -DCMAKE_BUILD_TYPE=Release -DNEARDUP_WERROR=ON -DNEARDUP_BUILD_BENCH=ON
(cd build/release && ctest --output-on-failure --parallel "$(nproc)")

neardup_build build/asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEARDUP_WERROR=ON -DNEARDUP_SANITIZE=ON \
  -DNEARDUP_BUILD_BENCH=OFF
(cd build/asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --output-on-failure --parallel "$(nproc)")
