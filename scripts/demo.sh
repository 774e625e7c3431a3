#!/usr/bin/env bash
# Installs what is missing, builds, and cleans the seed articles into out/seeds.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
neardup_install
neardup_build_binary
rm -rf out/seeds
./build/release/neardup clean corpus/seeds -o out/seeds
