#!/usr/bin/env bash
# Installs what is missing, then builds and runs every test twice: a Release build and an
# AddressSanitizer + UndefinedBehaviorSanitizer build, both with -Wall -Wextra -Werror.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
neardup_install python3  # python3: the JUnit test parses the XML it writes
# The Python binding (python/, tests/python): Debian's pybind11, pytest and pandas.
neardup_install pybind11-dev python3-pytest python3-pandas

# The browser test of the HTML report needs Debian's chromium. Install it if we can; without it
# that test reports itself skipped and everything else still runs. NEARDUP_BROWSER_TEST=0 skips
# both the install and the test.
browser_install() {
  command -v chromium >/dev/null 2>&1 && return 0
  echo "neardup: installing chromium for the browser test" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  { $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium ||
      { $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }; } >/dev/null 2>&1 ||
    echo "neardup: chromium could not be installed; the browser test will be skipped" >&2
}
ctest_exclude=()
if [ "${NEARDUP_BROWSER_TEST:-1}" = "0" ]; then
  ctest_exclude=(-E browser_)
else
  browser_install
fi

neardup_build build/release -DCMAKE_BUILD_TYPE=Release -DNEARDUP_WERROR=ON -DNEARDUP_BUILD_TESTS=ON \
  -DNEARDUP_BUILD_BENCH=ON -DNEARDUP_BUILD_PYTHON=ON
(cd build/release && ctest --output-on-failure --parallel "$(nproc)" "${ctest_exclude[@]}")
# The binding against the command and the benchmark's corpus generator of the same tree; Debian's
# python3, whatever python3 comes first on PATH. Release only: an ASan module would need the
# sanitizer runtime preloaded into the interpreter.
NEARDUP_BUILD=build/release /usr/bin/python3 -m pytest -q -p no:cacheprovider tests/python

# -O1 -g1 (line tables): what the sanitizers' documentation recommends, and half the compile time
# of -O2 -g for the same findings with file:line in every stack.
neardup_build build/asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" \
  -DNEARDUP_WERROR=ON -DNEARDUP_SANITIZE=ON -DNEARDUP_BUILD_TESTS=ON -DNEARDUP_BUILD_BENCH=OFF
(cd build/asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --output-on-failure --parallel "$(nproc)" "${ctest_exclude[@]}")
