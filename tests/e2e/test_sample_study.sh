#!/usr/bin/env bash
# The main job (README's first command without the install/build steps):
# scripts/run-sample.sh runs the whole method on the bundled study and leaves
# its outputs. Checked here: every step's account, every source imported in
# its format, both coders' work and the review, agreement, a triangulation in
# which every verdict appears, the evidence tables and the report, and that
# no real name (from the study's pseudonym map) reaches the account or any
# output outside the project itself.
source "$(dirname "$0")/lib.sh"

bash "$CASEBOOK_SOURCE_DIR/scripts/run-sample.sh" >account.txt 2>&1 || {
  cat account.txt >&2
  fail "scripts/run-sample.sh failed"
}
account="$(cat account.txt)"
for step in "Create the project" "The cases" "Import every source" "Speakers and pseudonyms" \
  "Load the deductive codebook" "Coder ana" "Coder ben" "Agreement between ana and ben" \
  "Supervisor sam reviews" "Triangulate" "Evidence tables" "The HTML report" "Check the store"; do
  contains "$account" "$step"
done
manifest_rows=$(($(wc -l <"$SAMPLE/manifest.csv") - 1))
contains "$account" "$manifest_rows imported, 0 replaced, 0 unchanged, 0 failed"
contains "$account" "ok: $manifest_rows sources"

p=sample-output/project
# Every format the importers take is in the study.
run_cb 0 -C "$p" sources --json
equals "$(json_get "$OUT" 'sorted({s["format"] for s in d})')" \
  "['docx', 'html', 'markdown', 'moderngov', 'odt', 'pdf', 'text', 'webvtt']"
equals "$(json_get "$OUT" 'len([s for s in d if s["type"] in ("interview", "focus-group")])')" 21
# Transcripts were read as such: the interviewer speaks in every interview,
# the moderator and three informants in the focus group.
run_cb 0 -C "$p" speakers --json
equals "$(json_get "$OUT" '[(s["role"], len(s["sources"])) for s in d if s["name"] == "Interviewer"]')" \
  "[('interviewer', 20)]"
equals "$(json_get "$OUT" 'sorted(s["name"] for s in d if "FG-1" in s["sources"])')" \
  "['Int-21', 'Int-22', 'Int-23', 'Moderator']"

# Both coders coded, the supervisor reviewed everything, some codings were rejected.
for coder in ana ben; do
  run_cb 0 -C "$p" codings --coder "$coder" --json
  [ "$(json_get "$OUT" 'len(d)')" -ge 50 ] || fail "$coder has few codings"
done
run_cb 0 -C "$p" review status --json
equals "$(json_get "$OUT" 'd["unreviewed"]')" 0 "unreviewed codings after the review"
[ "$(json_get "$OUT" 'd["rejected"]')" -ge 5 ] || fail "the review rejected almost nothing"
contains "$(cat sample-output/agreement.txt)" "Cohen's kappa"

# Every verdict appears in the evidence table; the planted pattern shows.
evidence="$(cat sample-output/evidence.md)"
for verdict in corroborated contested single-source single-type absent; do
  contains "$evidence" "$verdict" "the evidence table"
done
run_cb 0 -C "$p" triangulate --by outcome,sub-outcome --json
json_get "$OUT" '[c for r in d["rows"] if r["proposition"] in ("P3a", "P3b", "P3c", "P3d")
  for c in r["cells"] if (c["group"] == "dissolved: local choice") != (c["verdict"] == "corroborated")
  and c["group"] in ("dissolved: local choice", "sustained")]' >verdicts.txt
equals "$(cat verdicts.txt)" "[]" "cells where P3a-P3d are not corroborated for the locally dissolved cases only"
[ -s sample-output/evidence.tex ] || fail "no LaTeX table"
[ -s sample-output/report/index.html ] || fail "no report"

# No real name in the account or in any output outside the project.
python3 - "$SAMPLE/pseudonyms.csv" account.txt sample-output <<'PY' || fail "a real name reached an output"
import csv, os, re, sys
names = [row["real"] for row in csv.DictReader(open(sys.argv[1], encoding="utf-8"))]
pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")(?![\w-])")
files = [sys.argv[2]]
for folder, dirs, names_here in os.walk(sys.argv[3]):
    dirs[:] = [d for d in dirs if os.path.join(folder, d) != os.path.join(sys.argv[3], "project")]
    files += [os.path.join(folder, n) for n in names_here]
leaks = []
for f in files:
    text = open(f, encoding="utf-8", errors="replace").read()
    leaks += [f"{f}: {m.group(1)}" for m in pattern.finditer(text)]
print("\n".join(leaks[:20]), file=sys.stderr)
sys.exit(1 if leaks else 0)
PY
run_cb 0 -C "$p" check
echo "sample study: all checks passed"
