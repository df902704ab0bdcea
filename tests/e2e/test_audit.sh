#!/usr/bin/env bash
# The consistency audit end to end on the sample study: two coders code
# Int-1 under a first codebook version without the exclusive group, a second
# version adds the group back and makes a dimension required, and the audit
# reports each check's findings (unused and one-coder codes, exclusive codes
# overlapping, missing required values, an exclusion query, drift, a quote
# corrupted in the store). It is a report: exit 0 with findings; bad
# arguments are errors; in blind mode only a supervisor may run it.
source "$(dirname "$0")/lib.sh"

sample_project proj
cd proj

# Version 1: the interdependence codebook without its exclusive group.
python3 - "$CODEBOOK" ../v1.xml ../v2.xml <<'EOF'
import re, sys
book = open(sys.argv[1], encoding="utf-8").read()
v1 = re.sub(r"\s*<exclusive-groups>.*?</exclusive-groups>", "", book, flags=re.S)
assert v1 != book
# Version 2: as shipped, but expost.veto requires a strength.
start = book.index('<code id="expost.veto"')
at = book.index('<takes dimension="strength"/>', start)
v2 = book[:at] + '<takes dimension="strength" required="true"/>' + book[at + len('<takes dimension="strength"/>'):]
open(sys.argv[2], "w", encoding="utf-8").write(v1)
open(sys.argv[3], "w", encoding="utf-8").write(v2)
EOF
run_cb 0 --coder sam codebook load ../v1.xml

# An empty project has nothing to say but the unused codes.
run_cb 0 audit --check exclusive --check required --check drift --check integrity
contains "$OUT" "Audit of 0 coding(s) by 0 coder(s)"
contains "$OUT" "Total: 0 problem(s), 0 warning(s), 0 note(s)"

run_cb 0 --coder alice code Int-1 --passage 13 expost.veto                     # 1
run_cb 0 --coder alice code Int-1 --passage 9 expost.veto                      # 2: a queue
run_cb 0 --coder alice code Int-1 --passage 15 strategy.governance             # 3
run_cb 0 --coder alice code Int-1 --match "majority voting on operational things" strategy.formalisation  # 4
run_cb 0 --coder bob code Int-1 --passage 15 strategy.formalisation            # 5
run_cb 0 --coder bob code Int-1 --passage 13 expost.veto --dim strength=weak   # 6
run_cb 0 --coder sam codebook load ../v2.xml
contains "$OUT" "version 2"

# ---- the whole report: exit 0 with findings ------------------------------------
run_cb 0 audit --drift-min-codings 4
contains "$OUT" "Audit of 6 coding(s) by 2 coder(s)"
contains "$OUT" "== usage:"
contains "$OUT" "warning: code exante.scale is never used"
not_contains "$OUT" "code expost is never used"   # used through its sub-codes
contains "$OUT" "note: code strategy.governance is used by alice only (1 coding(s)) of the project's 2 coders"
not_contains "$OUT" "code expost.veto is used by"
contains "$OUT" "== exclusive:"
contains "$OUT" "problem: alice coded Int-1 "
contains "$OUT" "with both strategy.governance (coding 3) and strategy.formalisation (coding 4), which exclude each other (group governance-change)"
contains "$OUT" "bob coded strategy.formalisation (coding 5), which exclude each other (group governance-change): a disagreement"
contains "$OUT" "== required:"
contains "$OUT" "problem: alice's coding 1 (expost.veto, Int-1 "
contains "$OUT" "has no value for strength, which the codebook now requires"
contains "$OUT" "casebook review recode 2 expost.veto --dim strength=VALUE"
not_contains "$OUT" "bob's coding 6"
contains "$OUT" "== exclusion:"
contains "$OUT" "not run: no --exclusion CODE=QUERY given"
contains "$OUT" "== drift:"
contains "$OUT" "warning: alice used expost.veto in 2 of 2 (100%) in the first half"
contains "$OUT" "0 of 2 (0%) in the second half"
contains "$OUT" "-100 points"
contains "$OUT" "== integrity:"
contains "$OUT" "Total: 3 problem(s), 21 warning(s), 2 note(s)"

# JSON: the same findings, by check, with their numbers.
run_cb 0 audit --drift-min-codings 4 --json
equals "$(json_get "$OUT" 'd["codings"]')" 6
equals "$(json_get "$OUT" '[c["check"] for c in d["checks"]]')" \
  "['usage', 'exclusive', 'required', 'exclusion', 'drift', 'integrity']"
equals "$(json_get "$OUT" '[(f["kind"], f["codings"], f["severity"]) for f in d["checks"][1]["findings"]]')" \
  "[('coder-disagreement', [3, 5], 'note'), ('same-coder-overlap', [3, 4], 'problem')]" \
  "exclusive findings"
equals "$(json_get "$OUT" '[f["codings"] for f in d["checks"][2]["findings"]]')" "[[2], [1]]" "required findings"
equals "$(json_get "$OUT" 'd["checks"][3]["skipped"]')" "no --exclusion CODE=QUERY given"
equals "$(json_get "$OUT" '[(f["codes"], f["measures"]["first_share"], f["measures"]["second_share"]) for f in d["checks"][4]["findings"]]')" \
  "[(['expost.veto'], 1.0, 0.0), (['strategy.formalisation'], 0.0, 0.5), (['strategy.governance'], 0.0, 0.5)]" \
  "drift findings"
equals "$(json_get "$OUT" 'd["checks"][5]["findings"]')" "[]" "integrity findings"
equals "$(json_get "$OUT" 'd["problems"]')" 3
# The default minimum (20 codings) leaves two coders' six codings alone.
run_cb 0 audit --check drift --json
equals "$(json_get "$OUT" 'd["checks"][0]["findings"]')" "[]" "drift with the default minimum"

# ---- exclusion criteria as queries -------------------------------------------------
run_cb 0 audit --check exclusion --exclusion "expost=queue*" --exclusion "strategy.governance=veto"
contains "$OUT" "1 finding(s): 0 problem(s), 1 warning(s), 0 note(s)"
contains "$OUT" "warning: alice's coding 2 (expost.veto, Int-1 "
contains "$OUT" "overlaps passage 9, matching the exclusion of expost 'queue*'"
not_contains "$OUT" "coding 1 "

# ---- integrity: a quote changed behind casebook's back ---------------------------
sqlite3 .casebook/store.sqlite "UPDATE codings SET quote = 'Quickly.' WHERE id = 1"
run_cb 0 audit --check integrity
contains "$OUT" "problem: alice's coding 1 (expost.veto, Int-1 "
contains "$OUT" "has the quote 'Quickly.' but the text there now reads 'Slowly. [pause] Everything needed all three. Which we had as...'"
sqlite3 .casebook/store.sqlite "UPDATE codings SET end_cp = 999999 WHERE id = 5"
run_cb 0 audit --check integrity --json
equals "$(json_get "$OUT" '[(f["kind"], f["codings"]) for f in d["checks"][0]["findings"]]')" \
  "[('quote-changed', [1]), ('span-outside-text', [5])]" "integrity findings"

# A rejected coding leaves the audit unless asked for.
run_cb 0 --coder sam review reject 1 --reason "a paraphrase, not the text"
run_cb 0 audit --check integrity --json
equals "$(json_get "$OUT" '[f["codings"] for f in d["checks"][0]["findings"]]')" "[[5]]"
run_cb 0 audit --check integrity --include-rejected --json
equals "$(json_get "$OUT" '[f["codings"] for f in d["checks"][0]["findings"]]')" "[[1], [5]]"

# ---- bad arguments are errors; nothing else is ---------------------------------------
run_cb 2 audit --check spelling
contains "$ERR" "--check spelling: there is no such check"
contains "$ERR" "usage, exclusive, required, exclusion, drift, integrity"
run_cb 2 audit --exclusion expost.veto
contains "$ERR" "is not CODE=QUERY"
run_cb 2 audit --check exclusion
contains "$ERR" "needs at least one --exclusion"
run_cb 1 audit --exclusion "expost.vetoes=queue"
contains "$ERR" "expost.vetoes"
run_cb 1 audit --exclusion "expost=(("
contains "$ERR" "--exclusion expost=((: search query"
run_cb 2 audit --drift-threshold 1.5
contains "$ERR" "--drift-threshold"

# ---- blind mode: supervisors only -------------------------------------------------------
run_cb 0 --coder sam blind on --supervisor sam
run_cb 2 --coder bob audit
contains "$ERR" "bob is not one of its supervisors"
CASEBOOK_CODER= run_cb 2 audit
contains "$ERR" "--coder"
run_cb 0 --coder sam audit --check usage
contains "$OUT" "Audit of 5 coding(s) by 2 coder(s)"

echo "audit: ok"
