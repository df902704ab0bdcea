#!/usr/bin/env bash
# Triangulation, matrix queries and series on the sample study: reviewed
# evidence only, verdicts with reasons, grouping by outcome, case or
# attribute, drill-down to quotes, and clear errors for bad options.
source "$(dirname "$0")/lib.sh"
source "$CASEBOOK_SOURCE_DIR/tests/e2e/evidence_project.sh"

build_evidence_project

# ---- triangulate -------------------------------------------------------------------
run_cb 0 triangulate --json
equals "$(json_get "$OUT" 'd["groups"]')" "['dissolved', 'aborted', 'sustained']"
equals "$(json_get "$OUT" 'd["unreviewed_left_out"]')" "1"
rows="$(json_get "$OUT" '[r["proposition"] for r in d["rows"]]')"
contains "$rows" "'P3a'"
contains "$rows" "'P3b'"
# P3b (negative direction) in the dissolved cases: queues and vetoes in
# interviews and documents of several councils.
p3b_dissolved="$(json_get "$OUT" 'json.dumps([c for r in d["rows"] if r["proposition"]=="P3b" for c in r["cells"] if c["group"]=="dissolved"][0])')"
equals "$(json_get "$p3b_dissolved" 'd["verdict"]')" "corroborated"
[ "$(json_get "$p3b_dissolved" 'len(d["supporting"])')" -ge 3 ] || fail "too little support for P3b"
equals "$(json_get "$p3b_dissolved" 'd["contradicting"]')" "[]"
# P3a: strong scale economies count against it.
verdicts="$(json_get "$OUT" 'sorted({c["verdict"] for r in d["rows"] for c in r["cells"]})')"
contains "$verdicts" "'contested'"
contains "$verdicts" "'absent'"

run_cb 0 triangulate
contains "$OUT" "P3b"
contains "$OUT" "corroborated"
contains "$ERR" "1 unreviewed codings are left out"
run_cb 0 triangulate --include-unreviewed --json
equals "$(json_get "$OUT" 'd["unreviewed_left_out"]')" "0"

run_cb 0 triangulate --by case --json
equals "$(json_get "$OUT" 'len(d["groups"])')" "13"
run_cb 0 triangulate --by outcome,proposition --json
equals "$(json_get "$OUT" 'd["by"]')" "outcome"
run_cb 0 triangulate --by joint_committee --json
equals "$(json_get "$OUT" 'd["groups"]')" "['true', 'false']"
run_cb 0 triangulate --codes expost.queuing --min-sources 50 --min-informants 50 --json
equals "$(json_get "$OUT" 'sorted({c["verdict"] for r in d["rows"] for c in r["cells"]} - {"absent", "contested"})')" "['single-source']"

run_cb 2 triangulate --by colour
contains "$ERR" "cannot group cases by 'colour'"
contains "$ERR" "start_year"
run_cb 1 triangulate --codes no.such.code
contains "$ERR" "no.such.code"
run_cb 2 triangulate --min-sources 0
contains "$ERR" "at least 1"

# ---- matrix ------------------------------------------------------------------------
run_cb 0 matrix codes outcome --json
equals "$(json_get "$OUT" 'd["columns"]')" "['dissolved', 'aborted', 'sustained']"
queuing="$(json_get "$OUT" 'd["values"][d["rows"].index("expost.queuing")]')"
expost="$(json_get "$OUT" 'd["values"][d["rows"].index("expost")]')"
# The parent's row includes its sub-codes.
python3 -c "import sys; q=$queuing; e=$expost; sys.exit(0 if all(a<=b for a,b in zip(q,e)) and sum(q)>0 else 1)" ||
  fail "expost row ($expost) should include expost.queuing ($queuing)"

run_cb 0 matrix codes outcome --per-source
contains "$OUT" "(sources)"
run_cb 0 matrix codes codes --count sources --json
equals "$(json_get "$OUT" 'd["count"]')" "sources"
run_cb 0 matrix codes outcome --cell expost.queuing,dissolved
contains "$OUT" "expost.queuing x dissolved"
contains "$OUT" "“"
run_cb 0 matrix codes cases --cell expost,A --json
contains "$(json_get "$OUT" '" ".join(c["text"] for c in d)')" "Fennick follows Coldharbour"
run_cb 2 matrix codes colours
contains "$ERR" "not a matrix axis"
run_cb 2 matrix codes type --per-source
contains "$ERR" "--per-source"
run_cb 2 matrix codes outcome --cell expost,nowhere
contains "$ERR" "no column 'nowhere'"
run_cb 2 matrix codes outcome --count words
contains "$ERR" "codings, sources or cases"

# ---- series ------------------------------------------------------------------------
run_cb 0 series list --metric cost_per_claim --json
equals "$(json_get "$OUT" 'len(d)')" "96"
run_cb 0 series summary --json
equals "$(json_get "$OUT" '[r["outcome"] for r in d]')" "['dissolved', 'sustained']"
# Costs fall steadily in the generated series: the change is negative.
python3 -c "import json,sys; d=json.loads(sys.argv[1]); sys.exit(0 if all(r['median_change']<0 for r in d) else 1)" "$OUT" ||
  fail "expected falling costs: $OUT"
printf 'case,year,metric,value\nA,2010,cost,1\nZ,2011,cost,2\n' >bad-series.csv
before="$(project_state .)"
run_cb 1 series import bad-series.csv
contains "$ERR" "bad-series.csv, row 3"
contains "$ERR" "no case 'Z'"
equals "$(project_state .)" "$before" "project after a refused series import"

echo "ok"
