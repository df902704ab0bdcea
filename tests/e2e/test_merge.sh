#!/usr/bin/env bash
# casebook merge end to end: alice and bob code separate copies of the sample
# study; bob's work comes into alice's copy with counts, a dry run that
# writes nothing, a conflict (the supervisor reviewed a shared coding
# differently in each copy) refused without a rule and resolved by each rule,
# a source only bob has reported, merging twice adding nothing, an older
# store refused, and `casebook agree --coders alice,bob` on the result.
source "$(dirname "$0")/lib.sh"

dump() { sqlite3 "$1/.casebook/store.sqlite" .dump; }
merges() { sqlite3 "$1/.casebook/store.sqlite" "SELECT count(*) FROM audit_log WHERE action = 'project.merge'"; }
review_of_shared() {  # the review status of alice's exante.resilience codings in $1
  sqlite3 "$1/.casebook/store.sqlite" "SELECT group_concat(review_status, ',') FROM (SELECT g.review_status FROM codings g JOIN codes c ON c.id = g.code_id WHERE c.key = 'exante.resilience' AND g.coder = 'alice' ORDER BY g.id)"
}

# ---- one project, copied for the second coder --------------------------------------------
sample_project alice-proj
run_cb 0 -C alice-proj --coder alice codebook load "$CODEBOOK"
# Coded before the copy: both copies have it.
run_cb 0 -C alice-proj --coder alice code Int-1 --passage 5 exante.resilience
cp -a alice-proj bob-proj

run_cb 0 -C alice-proj --coder alice code Int-1 --passage 3 expost.veto --dim strength=strong
run_cb 0 -C alice-proj --coder alice code Int-1 --passage 7 expost.queuing --dim strength=weak
run_cb 0 -C bob-proj --coder bob code Int-1 --passage 3 expost.veto --dim strength=strong
run_cb 0 -C bob-proj --coder bob code Int-1 --passage 5 exante.resilience --memo "resilience, not scale"
run_cb 0 -C bob-proj --coder bob code Int-1 --passage 7 expost.queuing --dim strength=moderate
run_cb 0 -C bob-proj --coder bob code Int-1 --passage 8 expost.penalties
# The supervisor reviews the shared coding differently in each copy.
run_cb 0 -C alice-proj codings --coder alice --code exante.resilience --json
run_cb 0 -C alice-proj --coder sam review accept "$(json_get "$OUT" 'd[0]["id"]')"
run_cb 0 -C bob-proj codings --coder alice --code exante.resilience --json
run_cb 0 -C bob-proj --coder sam review reject "$(json_get "$OUT" 'd[0]["id"]')" --reason "about scale"
# A source only bob imported, coded by him.
printf 'Only bob has this note about the shared service.\n' > extra.txt
run_cb 0 -C bob-proj import extra.txt
run_cb 0 -C bob-proj sources --json
extra="$(json_get "$OUT" '[s["label"] for s in d if s["original_name"] == "extra.txt"][0]')"
run_cb 0 -C bob-proj --coder bob code "$extra" --match "shared service" expost
# A code bob added while coding, which alice's codebook lacks.
run_cb 0 -C bob-proj --coder bob codebook add expost.covid --definition "Lockdown changes"
run_cb 0 -C bob-proj --coder bob code Int-1 --passage 2 expost.covid

# OTHER_DIR is relative to the working directory, as any path argument.

# ---- dry run: everything computed, nothing written --------------------------------------
before="$(dump alice-proj)"
run_cb 0 -C alice-proj merge bob-proj --dry-run --verbose
contains "$OUT" "Dry run: nothing written"
contains "$OUT" "codings in the other project: 7"
contains "$OUT" "4 would be added"
contains "$OUT" "1 in conflict"
contains "$OUT" "2 skipped"
contains "$OUT" "import it first"
contains "$OUT" "code expost.covid (covid) is not in this codebook; load it, or give --add-codes"
contains "$OUT" "review: ours accepted by sam; theirs rejected by sam (about scale)"
run_cb 0 -C alice-proj merge bob-proj --dry-run --add-codes
contains "$OUT" "5 would be added"
contains "$OUT" "codes would be added: 1"
run_cb 0 -C alice-proj merge bob-proj --dry-run --coders alice,bbo
contains "$OUT" "codings in the other project: 1"
contains "$OUT" "note: no codings by bbo"
contains "$OUT" "left out: 6 coding(s) by coders not named in --coders"
run_cb 2 -C alice-proj --coder sam merge alice-proj --on-conflict keep-ours
contains "$ERR" "into itself"
equals "$(dump alice-proj)" "$before" "the store after dry runs"

# ---- without a rule and without a terminal the merge is refused -------------------------
run_cb 1 -C alice-proj --coder sam merge bob-proj </dev/null
contains "$ERR" "--on-conflict"
contains "$OUT" "Refused: nothing written"
contains "$OUT" "conflict: Int-1"
equals "$(dump alice-proj)" "$before" "the store after a refused merge"
run_cb 2 -C alice-proj --coder sam merge bob-proj --on-conflict mine
run_cb 1 -C alice-proj --coder sam merge nowhere
contains "$ERR" "not a casebook project"

# ---- each rule, on its own copy ----------------------------------------------------------
for rule in keep-ours take-theirs keep-both ask; do
  cp -a alice-proj "rule-$rule"
  if [ "$rule" = ask ]; then
    printf 't\n' | "$CASEBOOK" -C "rule-$rule" --coder sam merge bob-proj --add-codes --on-conflict ask >ask.out
    contains "$(cat ask.out)" "o keep ours, t take theirs"
  else
    run_cb 0 -C "rule-$rule" --coder sam merge bob-proj --add-codes --on-conflict "$rule"
    contains "$OUT" "Merged:"
  fi
  equals "$(merges "rule-$rule")" "1" "project.merge entries after $rule"
done
equals "$(review_of_shared rule-keep-ours)" "accepted"
equals "$(review_of_shared rule-take-theirs)" "rejected"
equals "$(review_of_shared rule-keep-both)" "accepted,rejected"
equals "$(review_of_shared rule-ask)" "rejected"

# ---- the merged project --------------------------------------------------------------------
cd rule-take-theirs
run_cb 0 codings --coder bob --json
equals "$(json_get "$OUT" 'len(d)')" "5" "bob's codings after the merge"
run_cb 0 codebook show
contains "$OUT" "expost.covid"
run_cb 0 codings --coder bob --code exante.resilience --json
contains "$OUT" "resilience, not scale"
run_cb 0 log
contains "$OUT" "project.merge"
# Merging again adds nothing.
before="$(dump .)"
run_cb 0 --coder sam merge ../bob-proj --add-codes --on-conflict take-theirs
contains "$OUT" "0 added"
contains "$OUT" "6 already here"
contains "$OUT" "Nothing new to merge"
equals "$(dump .)" "$before" "the store after merging twice"
run_cb 0 check
run_cb 0 agree --coders alice,bob
contains "$OUT" "Agreement of alice, bob"
run_cb 0 agree --coders alice,bob --json
equals "$(json_get "$OUT" '"expost.veto" in [c["code"] for c in d["codes"]]')" "True"
cd ..

# ---- undo: the merge taken back, then refused once its work was built on -------------------
codings_state() {
  sqlite3 "$1/.casebook/store.sqlite" "SELECT id, review_status, coalesce(reviewed_by, ''), coalesce(removed_at, ''), (SELECT group_concat(dimension || '=' || value) FROM coding_dimensions d WHERE d.coding_id = c.id), (SELECT group_concat(text) FROM memos m WHERE m.target_kind = 'coding' AND m.target_id = c.id AND m.removed_at IS NULL) FROM codings c ORDER BY id"
}
cp -a alice-proj undo-proj
before="$(codings_state undo-proj)"
run_cb 0 -C undo-proj --coder sam merge bob-proj --add-codes --on-conflict keep-both
run_cb 0 -C undo-proj --coder sam undo
contains "$OUT" "Undid project.merge"
contains "$OUT" "coding(s) the merge added and put back"
equals "$(codings_state undo-proj)" "$before" "codings after undoing the merge"
run_cb 0 -C undo-proj --coder sam undo
contains "$OUT" "codebook.add"
run_cb 0 -C undo-proj check --deep
# Merged again, and a merged coding reviewed since: undo refuses, changes nothing.
run_cb 0 -C undo-proj --coder sam merge bob-proj --add-codes --on-conflict keep-both
run_cb 0 -C undo-proj codings --coder bob --json
run_cb 0 -C undo-proj --coder carol review reject "$(json_get "$OUT" 'd[-1]["id"]')" --reason "not this"
state="$(codings_state undo-proj)"
run_cb 1 -C undo-proj --coder sam undo
contains "$ERR" "has changed since the merge"
equals "$(codings_state undo-proj)" "$state" "codings after a refused undo"

# ---- a store of another schema version is refused, unchanged ------------------------------
cp -a bob-proj old-proj
sqlite3 old-proj/.casebook/store.sqlite "PRAGMA user_version = 4"
run_cb 1 -C alice-proj --coder sam merge old-proj --on-conflict keep-ours
contains "$ERR" "open it once"
equals "$(sqlite3 old-proj/.casebook/store.sqlite 'PRAGMA user_version')" "4" "the other store's version"

echo "PASS"
