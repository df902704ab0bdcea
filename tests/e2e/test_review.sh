#!/usr/bin/env bash
# Supervisor review end to end: two coders code the sample study, a
# supervisor accepts, rejects (reason required) and recodes codings one
# command at a time and interactively on standard input; rejected codings
# leave analysis (codings, code: search, usage counts) but stay in the store
# and the log; undo puts a review back; blind mode limits what a coder may
# review.
source "$(dirname "$0")/lib.sh"

sample_project proj
cd proj
run_cb 0 --coder alice codebook load "$CODEBOOK"

run_cb 0 --coder alice code Int-1 --passage 3 expost.veto --dim direction=negative --dim strength=strong
run_cb 0 --coder alice code Int-1 --sentence 2 exante --dim strength=weak
run_cb 0 --coder alice code Int-1 --range 0:16 strategy.relationships
run_cb 0 --coder bob code Int-1 --passage 3 expost.queuing
run_cb 0 --coder alice codings --json
ids="$(json_get "$OUT" '[c["id"] for c in d]')"
equals "$ids" "[3, 2, 1, 4]"
equals "$(json_get "$OUT" 'd[0]["review"]["status"]')" "unreviewed"

# ---- status and next ------------------------------------------------------------
run_cb 0 review status
contains "$OUT" "4 unreviewed, 0 accepted, 0 rejected"
run_cb 0 --coder carol review next --coder alice
contains "$OUT" "Coding 3 by alice, unreviewed (3 to review)"
contains "$OUT" "[[Interview Int-1.]] Former client manager"
contains "$OUT" "code strategy.relationships"
contains "$OUT" "casebook review accept 3"

# ---- one command at a time ---------------------------------------------------------
run_cb 0 --coder carol review accept 3 --note "clear case"
contains "$OUT" "Accepted 1 coding(s)"
before="$(project_state .)"
run_cb 2 --coder carol review reject 2 --reason "   "
contains "$ERR" "needs a reason"
run_cb 1 --coder carol review accept 99
contains "$ERR" "coding 99 does not exist"
run_cb 1 --coder carol review recode 1 expost.nonsense
contains "$ERR" "expost.nonsense"
equals "$(project_state .)" "$before" "project after refused reviews"

run_cb 0 --coder carol review reject 2 --reason "names a motive, not a dependency"
contains "$OUT" "Rejected 1 coding(s) as mis-coded"
run_cb 0 --coder carol review recode 1 expost.queuing --reason "competition for staff, not consent"
contains "$OUT" "Recoded coding 1 as expost.queuing: new coding 5 (accepted)"

# The recode keeps the dimensions the new code takes, in the reviewer's name.
run_cb 0 codings --json --coder carol
equals "$(json_get "$OUT" 'd[0]["code"]')" "expost.queuing"
equals "$(json_get "$OUT" 'd[0]["recoded_from"]')" "1"
equals "$(json_get "$OUT" 'd[0]["review"]["status"]')" "accepted"

# Rejected codings leave the listing, searches and usage counts by default.
run_cb 0 codings --json
equals "$(json_get "$OUT" 'sorted(c["id"] for c in d)')" "[3, 4, 5]"
run_cb 0 codings --include-rejected --json
equals "$(json_get "$OUT" 'sorted(c["id"] for c in d)')" "[1, 2, 3, 4, 5]"
run_cb 0 codings --status rejected --json
equals "$(json_get "$OUT" 'sorted((c["id"], c["review"]["reason"]) for c in d)')" \
  "[(1, 'competition for staff, not consent'), (2, 'names a motive, not a dependency')]"
run_cb 0 codings --status rejected
contains "$OUT" "rejected by carol"
run_cb 2 codings --status maybe
contains "$ERR" "review status 'maybe'"
run_cb 0 search "code:exante" --json
equals "$(json_get "$OUT" 'len(d["hits"])')" "0"
run_cb 0 review status
contains "$OUT" "1 unreviewed, 2 accepted, 2 rejected"

# The log keeps every decision with the reviewer.
run_cb 0 log --json
contains "$OUT" "review.recode"
contains "$OUT" "review.reject"
contains "$OUT" "review.accept"

# ---- undo -------------------------------------------------------------------------
run_cb 0 --coder carol undo
contains "$OUT" "recode"
run_cb 0 codings --json --include-rejected
equals "$(json_get "$OUT" '[(c["id"], c["review"]["status"]) for c in d if c["id"] == 1]')" "[(1, 'unreviewed')]"
equals "$(json_get "$OUT" '[c["id"] for c in d if c["id"] == 5]')" "[]"

# ---- the interactive walk ------------------------------------------------------------
printf 'x\nr\nr off topic\ns\nq\n' > ../answers
run_cb 0 --coder carol review --coder alice < ../answers
contains "$OUT" "Coding 1 by alice"
contains "$OUT" "Type a [note]"
contains "$OUT" "a rejection needs a reason"
contains "$OUT" "Rejected 1 coding(s)"
run_cb 0 codings --status rejected --json
equals "$(json_get "$OUT" 'sorted((c["id"], c["review"]["reason"]) for c in d)')" \
  "[(1, 'off topic'), (2, 'names a motive, not a dependency')]"
printf 'c expost.veto direction=positive\n' > ../answers
run_cb 0 --coder carol review --coder bob < ../answers
contains "$OUT" "Recoded coding 4 as expost.veto"
run_cb 0 review status
contains "$OUT" "0 unreviewed"

# ---- blind mode: a coder may review only what they may see --------------------------
run_cb 0 --coder carol blind on --supervisor carol
run_cb 1 --coder bob review accept 3
contains "$ERR" "among your codings (blind mode)"
run_cb 0 --coder carol review reject 3 --reason "too short to judge"
