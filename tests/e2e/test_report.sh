#!/usr/bin/env bash
# The HTML report: written from a coded project, pseudonymised in every
# page, byte-identical when written again, refused on a leak (the earlier
# report stays), and rendered in headless Chromium without errors and with
# its charts (tests/browser/check_report.sh; skipped there without Chromium).
source "$(dirname "$0")/lib.sh"
source "$CASEBOOK_SOURCE_DIR/tests/e2e/evidence_project.sh"

build_evidence_project

run_cb 0 report --out report --title "Sample study"
contains "$OUT" "pseudonymised"
for page in index.html codebook.html agreement.html cases.html sources/index.html style.css; do
  [ -s "report/$page" ] || fail "report has no $page"
done
[ -s report/sources/Doc-5.html ] || fail "no page for the coded press article"
for name in "${REAL_NAMES[@]}"; do
  if grep -rqi -- "$name" report; then
    grep -rli -- "$name" report >&2
    fail "the report shows the real name '$name'"
  fi
done
index="$(cat report/index.html)"
contains "$index" "Sample study"
contains "$index" "corroborated"
contains "$index" 'class="chart heatmap'
contains "$index" 'class="chart timeline'
contains "$index" 'class="chart series'
contains "$(cat report/sources/Doc-5.html)" "<mark"
contains "$(cat report/agreement.html)" "cohen_kappa"

# Deterministic: the same project gives the same files.
run_cb 0 report --out report2 --title "Sample study"
diff -r report report2 >/dev/null || fail "two reports of the same project differ"

# A leak refuses the report and leaves the earlier one.
run_cb 0 pseudonyms remove Coldharbour
run_cb 0 pseudonyms add "Cöldharbour" "Council 4" --kind council
run_cb 1 report --out report
contains "$ERR" "would disclose"
diff -r report report2 >/dev/null || fail "a refused report changed the earlier one"
# A folder that is not a report is not replaced.
mkdir -p notes && echo "mine" >notes/todo.txt
run_cb 0 pseudonyms remove "Cöldharbour"
run_cb 0 pseudonyms add Coldharbour "Council 4" --kind council
run_cb 1 report --out notes
equals "$(cat notes/todo.txt)" "mine"

# Rendered in a real browser: no console errors, charts drawn.
status=0
bash "$CASEBOOK_SOURCE_DIR/tests/browser/check_report.sh" report >browser.log 2>&1 || status=$?
if [ $status = 77 ]; then
  cat browser.log
  echo "skipped: Chromium is not installed (run scripts/install-deps.sh)"
  exit 77
fi
[ $status = 0 ] || { cat browser.log >&2; fail "the report does not render cleanly in Chromium"; }
echo "ok"
