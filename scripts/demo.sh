#!/usr/bin/env bash
# Installs what is missing, builds, and cleans the seed articles into out/seeds.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
neardup_install
neardup_build build/release -DCMAKE_BUILD_TYPE=Release -DNEARDUP_BUILD_TESTS=OFF -DNEARDUP_BUILD_BENCH=OFF
rm -rf out/seeds
./build/release/neardup clean corpus/seeds -o out/seeds
