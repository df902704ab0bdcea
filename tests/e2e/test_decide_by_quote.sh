#!/usr/bin/env bash
# Deciding suggestions and reviewing codings without ids, as the sample
# study's coding scripts do: `suggestions list`, a decision on the one
# suggestion holding a quote (--source/--match), on every undecided one
# (--all, where a suggestion that conflicts with an existing coding stays
# pending), and a supervisor's accept/reject by quote or for all codings a
# filter selects. Ambiguous quotes and missing selections are usage errors
# that change nothing.
source "$(dirname "$0")/lib.sh"

sample_project proj
cd proj
run_cb 0 codebook load "$CODEBOOK"
run_cb 0 --coder ana autocode

# ---- list --------------------------------------------------------------------------------
run_cb 0 --coder ana suggestions list --json
total="$(json_get "$OUT" 'len(d)')"
[ "$total" -gt 100 ] || fail "expected many suggestions, got $total"
run_cb 0 --coder ana suggestions list --code expost.queuing --source Int-1
contains "$OUT" "undecided suggestion(s) for ana"
contains "$OUT" "expost.queuing  Int-1 "

# A passage suggested for two codes: its text is the quote to decide by.
run_cb 0 --coder ana suggestions list --json
read -r src text code other < <(json_get "$OUT" '
[print(a["source"], a["text"].split(". ")[0][:60].replace(" ", "\u00a0"), a["code"], b["code"])
 for a, b in [(x, y) for x in d for y in d if x["source"] == y["source"] and x["start"] == y["start"]
              and x["end"] == y["end"] and x["code"] < y["code"]
              and x["text"].count(x["text"].split(". ")[0][:60]) == 1][:1]] and None')
quote="${text//$'\u00a0'/ }"
before="$(project_state .)"
run_cb 2 --coder ana suggestions accept --source "$src" --match "$quote"
contains "$ERR" "undecided suggestions hold"
contains "$ERR" "$code"
contains "$ERR" "add --code KEY"
equals "$(project_state .)" "$before" "the project after an ambiguous quote"

# ---- one by quote ------------------------------------------------------------------------
run_cb 0 --coder ana suggestions accept --source "$src" --match "$quote" --code "$code" --dim strength=strong
contains "$OUT" "Accepted suggestion"
run_cb 0 --coder ana suggestions reject --source "$src" --match "$quote" --code "$other" --reason "not this"
contains "$OUT" "Rejected suggestion"
run_cb 0 codings --coder ana --json
equals "$(json_get "$OUT" '[(c["code"], c["dims"]) for c in d]')" "[('$code', {'strength': 'strong'})]"
run_cb 1 --coder ana suggestions accept --source "$src" --match "$quote" --code "$code"
contains "$ERR" "none of ana's undecided suggestions of $code in $src"
run_cb 2 --coder ana suggestions accept --match "$quote"
contains "$ERR" "--match needs --source"
run_cb 2 --coder ana suggestions accept 5 --all
contains "$ERR" "give one of ID, --all or --match"

# ---- all of them, a conflicting one left pending ---------------------------------------
run_cb 0 --coder ana suggestions list --code strategy.formalisation --json
read -r fsrc fstart fend < <(json_get "$OUT" 'print(d[0]["source"], d[0]["start"], d[0]["end"]) or None')
run_cb 0 --coder ana code "$fsrc" --range "$fstart:$fend" strategy.governance
run_cb 0 --coder ana suggestions list --code strategy.formalisation --json
n_formal="$(json_get "$OUT" 'len(d)')"
run_cb 0 --coder ana suggestions accept --all --code strategy.formalisation
contains "$OUT" "Accepted $((n_formal - 1)) suggestion(s)"
contains "$OUT" "1 suggestion(s) left pending, to decide one by one:"
contains "$OUT" "mutually exclusive"
run_cb 0 --coder ana suggestions list --code strategy.formalisation --json
equals "$(json_get "$OUT" 'len(d)')" "1" "pending formalisation suggestions"
run_cb 0 --coder ana suggestions accept --all --code expost.queuing
contains "$OUT" "suggestion(s) as"
run_cb 0 --coder ana suggestions accept --all --code expost.queuing
contains "$OUT" "No undecided suggestions of expost.queuing for ana."

# ---- review by quote and for all --------------------------------------------------------
run_cb 0 --coder ben code "$src" --match "$quote" "$code"
before="$(project_state .)"
run_cb 2 --coder sam review reject --source "$src" --match "$quote" --reason "x"
contains "$ERR" "2 codings overlap"
contains "$ERR" "by ana"
contains "$ERR" "by ben"
run_cb 2 --coder sam review accept
contains "$ERR" "give the coding ids, --match QUOTE (with --source) or --all"
run_cb 2 --coder sam review reject --match "$quote" --reason "x"
contains "$ERR" "--match needs exactly one --source"
equals "$(project_state .)" "$before" "the project after refused reviews"
run_cb 0 --coder sam review reject --source "$src" --coder ben --match "$quote" --reason "not quite"
contains "$OUT" "Rejected 1 coding(s)"
run_cb 0 review status --coder ana
unreviewed="$(json_get "$("$CASEBOOK" review status --coder ana --json)" 'd["unreviewed"]')"
run_cb 0 --coder sam review accept --all --coder ana
contains "$OUT" "Accepted $unreviewed coding(s)"
run_cb 0 review status --json
equals "$(json_get "$OUT" '(d["unreviewed"], d["rejected"])')" "(0, 1)"
run_cb 0 --coder sam review accept --all
contains "$OUT" "Accepted 0 coding(s)"

echo "PASS"
