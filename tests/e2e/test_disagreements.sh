#!/usr/bin/env bash
# Disagreements between two coders end to end: every kind (one coded, the
# other not; different codes; boundaries; dimension values) listed in
# context with the codings' ids; --resolve on standard input records the
# agreed version as review decisions, after which the list is empty and the
# agreement figures still measure the coders' original work.
source "$(dirname "$0")/lib.sh"

sample_project proj
cd proj
run_cb 0 --coder alice codebook load "$CODEBOOK"

# Agreement: the same code on the same passage.
run_cb 0 --coder alice code Int-1 --passage 3 expost.veto
run_cb 0 --coder bob code Int-1 --passage 3 expost.veto
# Dimension values differ.
run_cb 0 --coder alice code Int-1 --passage 5 exante.resilience --dim strength=strong
run_cb 0 --coder bob code Int-1 --passage 5 exante.resilience --dim strength=weak
# Different codes on the same passage.
run_cb 0 --coder alice code Int-1 --passage 7 expost.queuing
run_cb 0 --coder bob code Int-1 --passage 7 expost.penalties
# Boundaries: a sentence against its whole passage.
run_cb 0 --coder alice code Int-1 --passage 9 strategy.relationships
run_cb 0 --coder bob code Int-1 --sentence 30 strategy.relationships
# Only one coded.
run_cb 0 --coder bob code Int-2 --passage 2 exante.scale

run_cb 0 disagreements --coders alice,bob --json
equals "$(json_get "$OUT" '[(x["source"], x["kind"]) for x in d]')" \
  "[('Int-1', 'different dimension values'), ('Int-1', 'different codes'), ('Int-1', 'different boundaries'), ('Int-2', 'only one coded')]"
equals "$(json_get "$OUT" '[len(x["alice"]) for x in d]')" "[1, 1, 1, 0]"
run_cb 0 disagreements --coders alice,bob
contains "$OUT" "#1 Int-1"
contains "$OUT" "strength=strong"
contains "$OUT" "alice: (not coded)"
contains "$OUT" "4 unresolved disagreement(s) between alice and bob"
run_cb 0 disagreements --coders alice,bob --codes expost.queuing,expost.penalties --json
equals "$(json_get "$OUT" '[x["kind"] for x in d]')" "['different codes']"
# Named codes compare their sub-codes as themselves, as agreement counts them:
# on "expost", queuing against penalties is no disagreement.
run_cb 0 disagreements --coders alice,bob --codes expost --json
equals "$(json_get "$OUT" 'len(d)')" "0"

# Bad arguments.
run_cb 2 disagreements --coders alice
contains "$ERR" "exactly two coders"
run_cb 2 disagreements --coders alice,zed
contains "$ERR" "coder 'zed' has no codings"
run_cb 2 disagreements --coders alice,bob --threshold 150
contains "$ERR" "--threshold"

# Resolving: keep alice's values, keep bob's code, skip one, then neither.
printf '1\nwhat\n2\ns\nn\n' > ../answers
run_cb 0 --coder carol disagreements --coders alice,bob --resolve < ../answers
contains "$OUT" "Type 1 (keep alice's version)"
run_cb 0 codings --include-rejected --json
reviews="$(json_get "$OUT" 'sorted((c["coder"], c["code"], c["review"]["status"]) for c in d if c["review"]["status"] != "unreviewed")')"
equals "$reviews" "[('alice', 'exante.resilience', 'accepted'), ('alice', 'expost.queuing', 'rejected'), ('bob', 'exante.resilience', 'rejected'), ('bob', 'exante.scale', 'rejected'), ('bob', 'expost.penalties', 'accepted')]"
run_cb 0 codings --status rejected --json
contains "$OUT" "reconciliation: alice's version agreed"
run_cb 0 disagreements --coders alice,bob --json
equals "$(json_get "$OUT" '[x["kind"] for x in d]')" "['different boundaries']"
run_cb 0 disagreements --coders alice,bob --all --json
equals "$(json_get "$OUT" 'sum(x["resolved"] for x in d)')" "3"

# Agreement still compares the coders' own work, rejected codings included.
run_cb 0 agree --coders alice,bob --codes exante.scale --unit source --bootstrap 0 --json
equals "$(json_get "$OUT" '[x["value"] for x in d["codes"][0]["report"]["coefficients"] if x["id"] == "percent_agreement"]')" "[0.0]"

# Undo takes back the last decision of the reconciliation.
run_cb 0 --coder carol undo
run_cb 0 disagreements --coders alice,bob --json
equals "$(json_get "$OUT" 'len(d)')" "2"
