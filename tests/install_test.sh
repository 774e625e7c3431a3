#!/usr/bin/env bash
# Installs a build into a scratch prefix, then builds the example of README.md ("Using the
# library") against the installed tree alone, once with find_package(neardup) and once with
# pkg-config, and runs both. Run by ctest as `install`.
#
# Usage: install_test.sh CMAKE CXX BUILD_DIR SOURCE_DIR SCRATCH_DIR [FLAGS]
#   FLAGS: compiler and linker flags the installed libraries need (the sanitizers of an
#   ASan+UBSan build).
set -euo pipefail
cmake=$1 cxx=$2 build=$3 source=$4 scratch=$5 flags=${6:-}
fail() {
  echo "install test: $*" >&2
  exit 1
}
rm -rf "$scratch"
mkdir -p "$scratch/example"
prefix=$scratch/prefix
"$cmake" --install "$build" --prefix "$prefix" >"$scratch/install.log" || fail "cmake --install failed"

# Only the public headers are installed, and the command runs.
headers=$(cd "$prefix/include" && find . -type f | sort | tr '\n' ' ')
[ "$headers" = "./neardup/config.h ./neardup/document.h ./neardup/neardup.h ./neardup/progress.h ./neardup/report.h " ] ||
  fail "installed headers: $headers"
"$prefix/bin/neardup" --version >/dev/null || fail "$prefix/bin/neardup does not run"

# The first ```LANG block after the heading "## Using the library" of README.md.
readme_block() {
  awk -v fence="\`\`\`$1" '/^## Using the library/ { on = 1 }
    on && $0 == fence { take = 1; next }
    take && /^```/ { exit }
    take' "$source/README.md"
}
readme_block cpp >"$scratch/example/example.cc"
readme_block cmake >"$scratch/example/CMakeLists.txt"
[ -s "$scratch/example/example.cc" ] && [ -s "$scratch/example/CMakeLists.txt" ] ||
  fail "README.md has no cpp and cmake blocks under \"## Using the library\""
expected="document 2 repeats document 0"

# With find_package(neardup).
"$cmake" -S "$scratch/example" -B "$scratch/example/build" -DCMAKE_CXX_COMPILER="$cxx" \
  -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags" \
  >"$scratch/cmake.log" 2>&1 || { cat "$scratch/cmake.log"; fail "find_package(neardup) failed"; }
"$cmake" --build "$scratch/example/build" >"$scratch/build.log" 2>&1 ||
  { cat "$scratch/build.log"; fail "the example does not build with CMake"; }
out=$("$scratch/example/build/example") || fail "the CMake-built example failed"
[ "$out" = "$expected" ] || fail "the CMake-built example printed '$out', not '$expected'"

# With pkg-config.
pc=$(find "$prefix" -name neardup.pc)
[ -n "$pc" ] || fail "no neardup.pc installed"
pc_flags=$(PKG_CONFIG_PATH=$(dirname "$pc") pkg-config --cflags --libs neardup) || fail "pkg-config neardup failed"
# shellcheck disable=SC2086  # flags are words
"$cxx" -std=c++20 $flags "$scratch/example/example.cc" -o "$scratch/example/example_pc" $pc_flags ||
  fail "the example does not build with: pkg-config --cflags --libs neardup"
out=$("$scratch/example/example_pc") || fail "the pkg-config-built example failed"
[ "$out" = "$expected" ] || fail "the pkg-config-built example printed '$out', not '$expected'"
echo "install test: $prefix; the README example builds and runs with find_package and with pkg-config"
