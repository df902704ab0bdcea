#!/usr/bin/env bash
# Inter-coder agreement end to end: a reliability table from elsewhere
# (Krippendorff's 2011 worked example, with missing values) gives the
# published alphas at all four levels; two coders' codings of the sample
# study give agreement by passage, sentence, source and character, on a
# dimension's values, with JSON and CSV; bad arguments are refused clearly;
# blind mode keeps non-supervisors out.
source "$(dirname "$0")/lib.sh"

# ---- a table: Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability" ----
cat > k2011.csv <<'CSV'
unit,A,B,C,D
1,1,1,,1
2,2,2,3,2
3,3,3,3,3
4,3,3,3,3
5,2,2,2,2
6,1,2,3,4
7,4,4,4,4
8,1,1,2,1
9,2,2,2,2
10,,5,5,5
11,,,1,1
12,,3,,
CSV
alpha() {  # alpha LEVEL -> the alpha at that level, to 3 decimals
  run_cb 0 agree --table k2011.csv --level "$1" --bootstrap 0 --json
  json_get "$OUT" "'%.3f' % [c['value'] for c in d['coefficients'] if c['id'] == 'krippendorff_alpha_$1'][0]"
}
equals "$(alpha nominal)" "0.743"
equals "$(alpha ordinal)" "0.815"
equals "$(alpha interval)" "0.849"
equals "$(alpha ratio)" "0.797"
run_cb 0 agree --table k2011.csv
contains "$OUT" "12 units, 4 coders, nominal data"
contains "$OUT" "Krippendorff's alpha (nominal)"
contains "$OUT" "Fleiss' kappa"
run_cb 0 agree --table k2011.csv --level ordinal --csv --bootstrap 200 --seed 7
contains "$OUT" "scope,coefficient,label,value"
contains "$OUT" "krippendorff_alpha_ordinal"
# The bootstrap is reproducible with its seed.
first="$OUT"
run_cb 0 agree --table k2011.csv --level ordinal --csv --bootstrap 200 --seed 7
equals "$OUT" "$first" "a seeded bootstrap run twice"

# Bad tables and arguments name the file or option and what to do.
printf 'unit,A,B\n1,x,2\n' > bad.csv
run_cb 1 agree --table bad.csv --level interval
contains "$ERR" "bad.csv"
run_cb 1 agree --table missing.csv
contains "$ERR" "missing.csv"
run_cb 2 agree --table k2011.csv --level fuzzy
contains "$ERR" "fuzzy"
run_cb 2 agree
contains "$ERR" "--coders"

# ---- the project's codings --------------------------------------------------------------
sample_project proj
cd proj
run_cb 0 --coder alice codebook load "$CODEBOOK"
for coder in alice bob; do
  run_cb 0 --coder "$coder" code Int-1 --passage 3 expost.veto --dim strength=strong
  run_cb 0 --coder "$coder" code Int-1 --passage 5 exante.resilience
done
run_cb 0 --coder alice code Int-1 --passage 7 expost.queuing --dim strength=weak
run_cb 0 --coder bob code Int-1 --passage 7 expost.queuing --dim strength=moderate
run_cb 0 --coder bob code Int-1 --passage 8 expost.penalties

run_cb 0 agree --coders alice,bob --json
equals "$(json_get "$OUT" '[c["code"] for c in d["codes"]]')" \
  "['exante.resilience', 'expost.penalties', 'expost.queuing', 'expost.veto']"
equals "$(json_get "$OUT" '[[x["value"] for x in c["report"]["coefficients"] if x["id"] == "cohen_kappa"][0] for c in d["codes"] if c["code"] == "expost.veto"]')" "[1.0]"
# expost.penalties: bob coded one passage alice did not; every other passage agrees.
units="$(json_get "$OUT" 'd["units"]')"
equals "$(json_get "$OUT" '[x for c in d["codes"] if c["code"] == "expost.penalties" for x in c["report"]["coefficients"] if x["id"] == "percent_agreement"][0]["value"] * d["units"]')" \
  "$(python3 -c "print(float($units - 1))")"
run_cb 0 agree --coders alice,bob
contains "$OUT" "Agreement of alice, bob on 4 code(s) in 1 source(s), by passage"
contains "$OUT" "(all codes)"
run_cb 0 agree --coders alice,bob --codes expost --unit sentence --csv
contains "$OUT" "expost,cohen_kappa"
run_cb 0 agree --coders alice,bob --unit source --json
equals "$(json_get "$OUT" 'd["units"]')" "1"

# Character level: the unitized alphas and MAXQDA-style tables.
run_cb 0 agree --coders alice,bob --unit character --json
equals "$(json_get "$OUT" '[c["u_alpha"]["value"] for c in d["codes"] if c["code"] == "expost.veto"]')" "[1.0]"
equals "$(json_get "$OUT" '[(r["code"], r["agreements"], r["disagreements"]) for r in d["segments"]["rows"]]')" \
  "[('exante.resilience', 2, 0), ('expost.penalties', 0, 1), ('expost.queuing', 2, 0), ('expost.veto', 2, 0)]"
run_cb 0 agree --coders alice,bob --unit character --threshold 50
contains "$OUT" "overlap >= 50%"
contains "$OUT" "Code present in document"

# A dimension at its own level: strength is ordinal (weak < moderate < strong).
run_cb 0 agree --coders alice,bob --dimension strength --bootstrap 0 --json
equals "$(json_get "$OUT" 'd["report"]["level"]')" "ordinal"
equals "$(json_get "$OUT" 'd["report"]["units"]')" "2"

# Bad arguments.
run_cb 2 agree --coders alice
contains "$ERR" "at least two coders"
run_cb 2 agree --coders alice,zed
contains "$ERR" "coder 'zed' has no codings"
contains "$ERR" "alice, bob"
run_cb 2 agree --coders alice,bob --unit paragraph
contains "$ERR" "unit 'paragraph'"
run_cb 2 agree --coders alice,bob --unit character --threshold 0
contains "$ERR" "--threshold"
run_cb 1 agree --coders alice,bob --dimension colour
contains "$ERR" "no dimension 'colour'"
run_cb 2 agree --coders alice,bob --table ../k2011.csv
contains "$ERR" "cannot be combined"

# Blind mode: coders may not compare each other's work; supervisors may.
run_cb 0 --coder carol blind on --supervisor carol
run_cb 1 --coder bob agree --coders alice,bob
contains "$ERR" "blind mode is on"
run_cb 0 --coder carol agree --coders alice,bob
contains "$OUT" "Agreement of alice, bob"
