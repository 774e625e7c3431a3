#!/usr/bin/env bash
# Fetches real English base text for the quality benchmark: the package descriptions of the
# Debian archive this machine already uses (its Translation-en indexes), written as JSONL, one
# description per line: {"id": PACKAGE, "text": "<short description>\n<paragraph>\n..."}.
#
# Usage: scripts/fetch_base_text.sh [OUT]    (default bench/data/debian-descriptions.jsonl)
#
# The result is cached: an existing non-empty OUT is left alone. apt downloads into a private
# lists directory, so the machine's own package lists are not touched; it uses the machine's
# configured sources, so no host is named here. Exits non-zero, saying why, when it cannot.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-bench/data/debian-descriptions.jsonl}

if [ -s "$out" ]; then
  echo "neardup: base text cached in $out" >&2
  exit 0
fi

fail() {
  echo "neardup: cannot fetch the base text: $*" >&2
  echo "neardup: the quality benchmark needs apt and a reachable Debian archive (apt sources)." >&2
  exit 1
}

command -v apt-get >/dev/null || fail "apt-get is not installed"
[ -x /usr/lib/apt/apt-helper ] || fail "/usr/lib/apt/apt-helper is missing"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/cache/archives/partial"
# Only the English translations: package indexes are switched off, so the download is small.
# Every directory apt writes is private, so this needs no root.
apt-get update -qq \
  -o Dir::State::Lists="$work/lists" \
  -o Dir::Cache="$work/cache" \
  -o Acquire::Languages=en \
  -o Acquire::IndexTargets::deb::Packages::DefaultEnabled=false \
  >"$work/apt.log" 2>&1 || { cat "$work/apt.log" >&2; fail "apt-get update failed"; }

mapfile -t indexes < <(find "$work/lists" -maxdepth 1 -name '*_i18n_Translation-en*' | LC_ALL=C sort)
[ ${#indexes[@]} -gt 0 ] || fail "apt fetched no Translation-en index (see Acquire::Languages)"

mkdir -p "$(dirname "$out")"
# Each Description-en: its first line is the short description (our headline); the long
# description follows as lines starting with a space, " ." separating paragraphs. Paragraph lines
# are joined with spaces; list items ("* ", "- ", "+ ", "o ", with their indented continuations)
# and other indented (verbatim) lines start lines of their own.
for index in "${indexes[@]}"; do
  /usr/lib/apt/apt-helper cat-file "$index"
done | LC_ALL=C awk '
  function json(s) {
    gsub(/\\/, "&&", s); gsub(/"/, "\\\"", s); gsub(/\t/, " ", s); gsub(/[\001-\037]/, "", s)
    return s
  }
  function flush_line() { if (line != "") { text = text "\\n" json(line); line = "" }; item = 0 }
  function flush_record() {
    flush_line()
    if (package != "" && text != "") printf "{\"id\": \"%s\", \"text\": \"%s\\n\"}\n", json(package), text
    package = ""; text = ""; in_desc = 0
  }
  /^$/ { flush_record(); next }
  /^Package: / { package = substr($0, 10); next }
  /^Description-en: / { in_desc = 1; text = json(substr($0, 17)); line = ""; next }
  /^ / {
    if (!in_desc) next
    body = substr($0, 2)
    if (body == ".") { flush_line(); next }
    indented = body ~ /^ /
    sub(/^ +/, "", body)
    if (body ~ /^[*+o-] /) { flush_line(); line = body; item = 1; next }
    if (indented && !item) { flush_line(); line = body; next }
    line = (line == "") ? body : line " " body
    next
  }
  /^[^ ]/ { in_desc = 0 }
  END { flush_record() }
' >"$out.tmp"

[ -s "$out.tmp" ] || { rm -f "$out.tmp"; fail "the Translation-en indexes held no descriptions"; }
mv "$out.tmp" "$out"
echo "neardup: $(wc -l <"$out") package descriptions in $out" >&2
