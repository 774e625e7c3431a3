#!/usr/bin/env bash
# The HTML report in a real browser: renders corpus/seeds with `neardup report --format html`,
# loads the page in headless Chromium (Debian's `chromium` package) and checks in the DOM that the
# 11 removed spans of the seed articles are highlighted and that every link resolves. Takes a
# screenshot of the page as well.
#
#   check_html.sh NEARDUP SOURCE_DIR WORK_DIR [SCREENSHOT]
#
# Exit codes: 0 pass, 1 fail, 77 skipped (no chromium), which ctest reports as skipped.
# To refresh the README's picture: check_html.sh build/release/neardup . /tmp/html docs/report.png
set -euo pipefail

neardup=$(realpath "$1")
source_dir=$2
work=$(realpath -m "$3")
screenshot=$(realpath -m "${4:-$work/report.png}")
expected_marks=11

browser=""
for name in chromium chromium-browser; do
  if command -v "$name" >/dev/null 2>&1; then
    browser=$name
    break
  fi
done
if [ -z "$browser" ]; then
  echo "SKIPPED: the browser test needs Debian's chromium package (apt-get install chromium);" \
    "scripts/test.sh installs it when it can." >&2
  exit 77
fi

rm -rf "$work"
mkdir -p "$work"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# Flags that keep Chromium off the network and out of the user's profile; root needs --no-sandbox.
run_browser() {
  timeout 180 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" "$@" 2>>"$work/chromium.log"
}

# From the source tree, so that the page names the inputs as corpus/seeds/... on every machine.
(cd "$source_dir" && "$neardup" report corpus/seeds --format html -o "$work/report.html" --quiet) ||
  fail "neardup report --format html failed"

# Self-contained: no scripts, no fonts or stylesheets from elsewhere, no remote resources.
if grep -Eiq '<script|<link|@import|url\(|src="(https?:)?//|href="https?:' "$work/report.html"; then
  fail "the page refers to an external resource or contains a script"
fi

# 1. The DOM as Chromium parsed it: highlighted spans and fragment links.
run_browser --dump-dom "file://$work/report.html" >"$work/dom.html" || fail "chromium --dump-dom failed"
marks=$(grep -o '<mark[ >]' "$work/dom.html" | wc -l)
[ "$marks" -eq "$expected_marks" ] || fail "$marks <mark> elements in the DOM, expected $expected_marks"
grep -o 'href="#[^"]*"' "$work/dom.html" | sed 's/^href="#//; s/"$//' | sort -u >"$work/hrefs"
grep -o ' id="[^"]*"' "$work/dom.html" | sed 's/^ id="//; s/"$//' | sort -u >"$work/ids"
missing=$(comm -23 "$work/hrefs" "$work/ids")
[ -z "$missing" ] || fail "links to missing anchors: $missing"
[ -s "$work/hrefs" ] || fail "no links in the page"

# 2. Layout and style as rendered: a harness page inspects the report in an iframe, then clicks
#    every link and checks that its target becomes the :target of the page.
cat >"$work/harness.html" <<'HTML'
<!DOCTYPE html>
<html><body><pre id="result">pending</pre>
<iframe id="page" src="report.html" width="1280" height="2000"></iframe>
<script>
document.getElementById('page').addEventListener('load', () => {
  const frame = document.getElementById('page');
  const doc = frame.contentDocument, win = frame.contentWindow;
  const counts = {marks: 0, highlighted: 0, linked: 0, resolved: 0, targeted: 0, links: 0, broken: 0};
  try {
    const marks = [...doc.querySelectorAll('mark')];
    counts.marks = marks.length;
    for (const mark of marks) {
      const background = win.getComputedStyle(mark).backgroundColor;
      const visible = mark.getClientRects().length > 0;
      if (visible && background !== 'rgba(0, 0, 0, 0)' && background !== 'transparent') counts.highlighted++;
      const link = mark.querySelector('a[href^="#"]');
      if (!link) continue;
      counts.linked++;
      const target = doc.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
      if (target && target.getClientRects().length > 0) counts.resolved++;
      link.click();
      if (target && doc.querySelector(':target') === target) counts.targeted++;
    }
    for (const link of doc.querySelectorAll('a[href^="#"]')) {
      counts.links++;
      if (!doc.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)))) counts.broken++;
    }
  } catch (error) {
    counts.error = String(error).replace(/\s+/g, '_');
  }
  document.getElementById('result').textContent =
      Object.entries(counts).map(([k, v]) => k + '=' + v).join(' ');
});
</script>
</body></html>
HTML
run_browser --allow-file-access-from-files --virtual-time-budget=10000 \
  --dump-dom "file://$work/harness.html" >"$work/harness-dom.html" || fail "chromium on the harness failed"
result=$(grep -o '<pre id="result">[^<]*' "$work/harness-dom.html" | sed 's/.*>//')
echo "browser: $result"
for want in "marks=$expected_marks" "highlighted=$expected_marks" "linked=$expected_marks" \
  "resolved=$expected_marks" "targeted=$expected_marks" "broken=0"; do
  case " $result " in
    *" $want "*) ;;
    *) fail "expected $want in the rendered page, got: $result" ;;
  esac
done

# 3. A screenshot, for the README.
mkdir -p "$(dirname "$screenshot")"
run_browser --hide-scrollbars --window-size=1280,2000 --screenshot="$screenshot" \
  "file://$work/report.html" >/dev/null || fail "chromium --screenshot failed"
[ -s "$screenshot" ] || fail "no screenshot written"
echo "PASS: $marks highlighted spans, $(wc -l <"$work/hrefs") link targets, screenshot $screenshot"
