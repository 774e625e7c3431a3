# Shared by the scripts: install missing Debian packages, configure and build.
# Sourced, not run.

NEARDUP_PACKAGES=(g++ cmake ninja-build pkg-config libxxhash-dev libabsl-dev libbenchmark-dev
  doctest-dev libutf8proc-dev libsimdjson-dev libcli11-dev zlib1g-dev libzstd-dev libarchive-dev
  libtbb-dev liblmdb-dev)

# Installs whichever of NEARDUP_PACKAGES (plus any arguments) are missing; does nothing when all
# are present, so repeated runs need no network.
neardup_install() {
  local missing=()
  local pkg
  for pkg in "${NEARDUP_PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "neardup: installing ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# neardup_build DIR [cmake options...]: configure (once) and build in DIR.
neardup_build() {
  local dir=$1
  shift
  cmake -S . -B "$dir" -G Ninja "$@" >/dev/null
  cmake --build "$dir" --parallel "$(nproc)"
}

# The Release tree shared by the scripts, configured the same way each time (so that no script
# flips another's options) but building only the binary.
neardup_build_binary() {
  cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DNEARDUP_WERROR=ON \
    -DNEARDUP_BUILD_TESTS=ON -DNEARDUP_BUILD_BENCH=ON >/dev/null
  cmake --build build/release --parallel "$(nproc)" --target neardup
}
