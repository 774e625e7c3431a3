#!/usr/bin/env bash
# Fetches the negative control of the quality benchmark: real English prose that nobody here
# wrote, with the natural repetition of reference texts (restated sentences, list labels, entries
# that share a paragraph) and no injected faults. Debian's documentation packages are downloaded
# with apt-get download and unpacked with dpkg-deb -x (nothing is installed):
#   debian-reference-en, debian-faq, debian-policy (one document per section), manpages
#   (sections 5 and 7, one document per page, rendered by man), base-files (one document per
#   licence in /usr/share/common-licenses, one version of each licence).
# scripts/control_text.py turns them into OUT (JSONL: id, source, text) and OUT's truth
# (OUT with .jsonl replaced by -truth.json: every document kept, no duplicate span), and the
# package versions go to OUT with .jsonl replaced by .versions.
#
# Usage: scripts/fetch_control_text.sh [OUT]    (default bench/data/control.jsonl)
#
# The result is cached: an existing non-empty OUT is left alone. Needs man (man-db), col
# (bsdextrautils) and groff; exits non-zero, saying why, when it cannot.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-bench/data/control.jsonl}
truth=${out%.jsonl}-truth.json
versions=${out%.jsonl}.versions
packages=(debian-reference-en debian-faq debian-policy manpages base-files)

if [ -s "$out" ] && [ -s "$truth" ]; then
  echo "neardup: control text cached in $out" >&2
  exit 0
fi

fail() {
  echo "neardup: cannot fetch the control text: $*" >&2
  exit 1
}

for tool in apt-get dpkg-deb man col python3; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (packages: apt, dpkg, man-db, bsdextrautils, python3)"
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# apt-get download writes into the current directory; as root it warns that the download is
# unsandboxed, which is harmless here.
if ! (cd "$work" && apt-get download -qq "${packages[@]}" >"$work/apt.log" 2>&1); then
  # The package lists may be missing on a fresh machine.
  apt-get update -qq >>"$work/apt.log" 2>&1 || true
  (cd "$work" && apt-get download -qq "${packages[@]}" >>"$work/apt.log" 2>&1) ||
    { cat "$work/apt.log" >&2; fail "apt-get download failed"; }
fi

mkdir -p "$work/root"
for pkg in "${packages[@]}"; do
  deb=$(find "$work" -maxdepth 1 -name "${pkg}_*.deb" | head -n 1)
  [ -n "$deb" ] || fail "no .deb downloaded for $pkg"
  mkdir -p "$work/root/$pkg"
  dpkg-deb -x "$deb" "$work/root/$pkg"
  dpkg-deb -f "$deb" Package Version | paste -sd' ' >>"$work/versions"
done

mkdir -p "$(dirname "$out")"
/usr/bin/python3 scripts/control_text.py "$work/root" "$out.tmp" "$truth.tmp" ||
  { rm -f "$out.tmp" "$truth.tmp"; fail "scripts/control_text.py failed"; }
[ -s "$out.tmp" ] || { rm -f "$out.tmp" "$truth.tmp"; fail "the packages held no prose"; }
mv "$work/versions" "$versions"
mv "$truth.tmp" "$truth"
mv "$out.tmp" "$out"
echo "neardup: $(wc -l <"$out") control documents in $out" >&2
