#!/usr/bin/env bash
# The HTML report in a real browser: renders corpus/seeds with `neardup report --format html`,
# loads the page in headless Chromium (Debian's `chromium` package) and checks in the DOM that the
# 11 removed spans of the seed articles are highlighted and that every link resolves; then, on the
# seeds plus a near copy of one, that the word diff, the ids linked from the tables and the
# histogram's document and passage bars are there as rendered. Takes a screenshot of the page.
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

# 3. The review parts, on the seeds plus a near copy of one of them (one word changed): the word
#    diff of the pair, ids in the tables as links to the documents, and the histogram with
#    document pairs and passage pairs as bars of their own.
mkdir -p "$work/near"
cp "$source_dir"/corpus/seeds/*.txt "$work/near/"
sed 's/Yong-hyun mendesak/Yong-hyun meminta/' "$source_dir"/corpus/seeds/001_e7980f4a9b939638.txt \
  >"$work/near/001_near_copy.txt"
cmp -s "$work/near/001_near_copy.txt" "$source_dir"/corpus/seeds/001_e7980f4a9b939638.txt &&
  fail "the near copy is no different from its original"
"$neardup" report "$work/near" --format html -o "$work/near.html" --quiet ||
  fail "neardup report --format html failed on the near-duplicate corpus"
cat >"$work/review-harness.html" <<'HTML'
<!DOCTYPE html>
<html><body><pre id="result">pending</pre>
<iframe id="page" src="near.html" width="1280" height="2000"></iframe>
<script>
document.getElementById('page').addEventListener('load', () => {
  const frame = document.getElementById('page');
  const doc = frame.contentDocument, win = frame.contentWindow;
  const counts = {diffs: 0, del: 0, ins: 0, styled: 0, idlinks: 0, idresolved: 0, idtargeted: 0,
                  docbars: 0, passagebars: 0, colours: 0};
  const background = (e) => win.getComputedStyle(e).backgroundColor;
  const shown = (e) => e.getClientRects().length > 0;
  try {
    // The word diff: words only in one copy marked, each kind in its own colour.
    const diffs = [...doc.querySelectorAll('pre.diff')];
    counts.diffs = diffs.length;
    const dels = diffs.flatMap((d) => [...d.querySelectorAll('del')]).filter(shown);
    const inss = diffs.flatMap((d) => [...d.querySelectorAll('ins')]).filter(shown);
    counts.del = dels.length;
    counts.ins = inss.length;
    const none = ['rgba(0, 0, 0, 0)', 'transparent'];
    if (dels.length && inss.length && !none.includes(background(dels[0])) &&
        !none.includes(background(inss[0])) && background(dels[0]) !== background(inss[0])) counts.styled = 1;
    // Ids in the tables link to the documents' sections.
    for (const link of doc.querySelectorAll('table td a[href^="#"]')) {
      counts.idlinks++;
      const target = doc.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
      if (target && shown(target)) counts.idresolved++;
      link.click();
      if (target && doc.querySelector(':target') === target) counts.idtargeted++;
    }
    // The histogram: bars for document pairs and for passage pairs, drawn, in two colours.
    const histogram = doc.querySelector('svg[aria-label^="Histogram"]');
    if (histogram) {
      const drawn = (cls) => [...histogram.querySelectorAll('rect.' + cls)]
          .filter((r) => r.getBBox().height > 0 && r.getBoundingClientRect().height > 0);
      const docs = drawn('doc'), passages = drawn('passage');
      counts.docbars = docs.length;
      counts.passagebars = passages.length;
      if (docs.length && passages.length &&
          win.getComputedStyle(docs[0]).fill !== win.getComputedStyle(passages[0]).fill) counts.colours = 1;
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
  --dump-dom "file://$work/review-harness.html" >"$work/review-dom.html" || fail "chromium on the review harness failed"
review=$(grep -o '<pre id="result">[^<]*' "$work/review-dom.html" | sed 's/.*>//')
echo "browser, review parts: $review"
for want in "diffs=1" "styled=1" "colours=1"; do
  case " $review " in
    *" $want "*) ;;
    *) fail "expected $want in the near-duplicate page, got: $review" ;;
  esac
done
count() { sed -n "s/.* $1=\\([0-9]*\\) .*/\\1/p" <<<" $review "; }
for part in del ins idlinks docbars passagebars; do
  [ "$(count "$part")" -gt 0 ] || fail "expected $part above 0 in the near-duplicate page, got: $review"
done
links=$(count idlinks)
for want in "idresolved=$links" "idtargeted=$links"; do
  case " $review " in
    *" $want "*) ;;
    *) fail "expected $want (every id link resolves and is followed), got: $review" ;;
  esac
done

# 4. A screenshot, for the README.
mkdir -p "$(dirname "$screenshot")"
run_browser --hide-scrollbars --window-size=1280,2000 --screenshot="$screenshot" \
  "file://$work/report.html" >/dev/null || fail "chromium --screenshot failed"
[ -s "$screenshot" ] || fail "no screenshot written"
echo "PASS: $marks highlighted spans, $(wc -l <"$work/hrefs") link targets, screenshot $screenshot"
