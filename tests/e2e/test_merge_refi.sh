#!/usr/bin/env bash
# casebook merge FILE.qdpx: another tool's REFI-QDA project merged like a
# coder's copy. bob's copy is exported to .qdpx and merged into alice's
# (dry run writes nothing, codings arrive as bob's, identical ones once,
# agreement runs on the result, merging again adds nothing); a real
# QualCoder export merged into the project imported from it adds nothing;
# sources the project lacks are reported; a broken file changes nothing;
# no scratch project is left behind.
source "$(dirname "$0")/lib.sh"

REFI="$CASEBOOK_TESTDATA/refi-qda"
export TMPDIR="$WORK/tmp"  # the scratch projects go here; it must end empty
mkdir -p "$TMPDIR"

dump() { sqlite3 "$1/.casebook/store.sqlite" .dump; }
no_scratch_left() { equals "$(ls -A "$TMPDIR")" "" "leftovers in TMPDIR"; }

sample_project alice-proj
run_cb 0 -C alice-proj --coder alice codebook load "$CODEBOOK"
run_cb 0 -C alice-proj --coder alice code Int-1 --passage 5 exante.resilience
cp -a alice-proj bob-proj
run_cb 0 -C alice-proj --coder alice code Int-1 --passage 3 expost.veto --dim strength=strong
run_cb 0 -C bob-proj --coder bob code Int-1 --passage 3 expost.veto --dim strength=moderate
run_cb 0 -C bob-proj --coder bob code Int-1 --passage 8 expost.penalties --memo "subsidy loss"
run_cb 0 -C bob-proj --coder bob code Int-2 --passage 4 exante.scale
run_cb 0 -C bob-proj export qdpx "$WORK/bob.qdpx"

# ---- dry run -------------------------------------------------------------------------------
before="$(dump alice-proj)"
run_cb 0 -C alice-proj merge "$WORK/bob.qdpx" --dry-run --verbose
contains "$OUT" "(REFI-QDA)"
contains "$OUT" "Dry run: nothing written"
contains "$OUT" "Merge from $WORK/bob.qdpx"
contains "$OUT" "3 would be added"
contains "$OUT" "1 already here"
contains "$OUT" "add: Int-1"
equals "$(dump alice-proj)" "$before" "the store after a dry run"
no_scratch_left

# ---- the merge -----------------------------------------------------------------------------
run_cb 0 -C alice-proj --coder sam merge "$WORK/bob.qdpx"
contains "$OUT" "Merged: 3 coding(s) added"
no_scratch_left
run_cb 0 -C alice-proj codings --coder bob --json
equals "$(json_get "$OUT" 'sorted(c["code"] for c in d)')" "['exante.scale', 'expost.penalties', 'expost.veto']"
contains "$OUT" "subsidy loss"
run_cb 0 -C alice-proj log
contains "$OUT" "project.merge"
contains "$OUT" "bob.qdpx"
run_cb 0 -C alice-proj agree --coders alice,bob
contains "$OUT" "Agreement of alice, bob"
run_cb 0 -C alice-proj check
before="$(dump alice-proj)"
run_cb 0 -C alice-proj --coder sam merge "$WORK/bob.qdpx"
contains "$OUT" "Nothing new to merge"
equals "$(dump alice-proj)" "$before" "the store after merging twice"

# ---- a real QualCoder export ---------------------------------------------------------------
run_cb 0 init demo
run_cb 0 -C demo import "$REFI/qc-demo/demo.qdpx"
before="$(dump demo)"
run_cb 0 -C demo --coder sam merge "$REFI/qc-demo/demo.qdpx"
contains "$OUT" "0 added"
contains "$OUT" "Nothing new to merge"
equals "$(dump demo)" "$before" "the demo store after merging its own file"
# Into the sample project: none of its sources are there, and it says so.
run_cb 0 -C alice-proj --coder sam merge "$REFI/qc-demo/demo.qdpx" --dry-run --verbose
contains "$OUT" "0 matched"
contains "$OUT" "not merged:"
no_scratch_left

# ---- broken input ----------------------------------------------------------------------------
head -c 300 "$WORK/bob.qdpx" >"$WORK/broken.qdpx"
before="$(dump alice-proj)"
run_cb 1 -C alice-proj --coder sam merge "$WORK/broken.qdpx"
contains "$ERR" "broken.qdpx"
equals "$(dump alice-proj)" "$before" "the store after a broken file"
no_scratch_left
run_cb 2 -C alice-proj --coder sam merge "$WORK/missing.qdpx"
contains "$ERR" "missing.qdpx"

echo "PASS"
