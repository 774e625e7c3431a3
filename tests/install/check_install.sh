#!/usr/bin/env bash
# Installs the build into a scratch prefix and checks the layout: the binary, the man page (which
# man can read) and the completion scripts.
#
#   check_install.sh BUILD_DIR PREFIX
set -euo pipefail
build=$1
prefix=$2
rm -rf "$prefix"
cmake --install "$build" --prefix "$prefix" >"$prefix.log" 2>&1 || { cat "$prefix.log" >&2; exit 1; }
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
for file in bin/neardup share/man/man1/neardup.1 share/bash-completion/completions/neardup \
  share/zsh/vendor-completions/_neardup share/fish/vendor_completions.d/neardup.fish; do
  [ -s "$prefix/$file" ] || fail "$file is not installed"
done
"$prefix/bin/neardup" --version >"$prefix.version" || fail "the installed binary does not run"
grep -q '^neardup ' "$prefix.version" || fail "the installed binary does not say its version"
head -1 "$prefix/share/man/man1/neardup.1" | grep -q '^\.TH NEARDUP 1 ' || fail "the man page has no .TH line"
grep -q -- '--threshold' "$prefix/share/bash-completion/completions/neardup" || fail "bash completion lacks options"
if command -v man | grep -q .; then
  man -l "$prefix/share/man/man1/neardup.1" >"$prefix.man" 2>&1 || fail "man cannot read the page"
  grep -q 'EXIT STATUS' "$prefix.man" || fail "the page has no EXIT STATUS"
fi
echo "PASS: installed into $prefix"
