#!/usr/bin/env bash
# The core workflow on a small corpus: init, cases, import (text with CRLF and
# emoji, Markdown), sources, show, search in every form, check, reindex.
source "$(dirname "$0")/lib.sh"

mkdir src
printf 'id,outcome,sub_outcome,population:integer\nA,dissolved,local choice,120000\nB,sustained,,98000\n' > src/cases.csv
printf 'Minutes of the Joint Committee.\r\n\r\nCllr. Brown said the shared service had saved money. Dr. Smith disagreed \xf0\x9f\x98\x80 about housing budgets.\r\n\r\nThe veto of one council slowed approval of the IT investment.\r\n' > src/minutes.txt
printf -- '---\ntitle: Interview seven\ndate: 2015-04-02\n---\n# Interview\n\nWe queued for the **shared** staff. It was a slog.\n\n- housing benefit links\n- finance\n' > src/int7.md

run_cb 0 init proj
contains "$OUT" "Created casebook project"
cd proj

run_cb 0 cases import ../src/cases.csv
contains "$OUT" "2 cases added"
run_cb 0 cases list --json
equals "$(json_get "$OUT" 'd[0]["outcome"] + "/" + d[0]["attributes"]["population"]["type"]')" "dissolved/integer"

run_cb 0 import --case A --type minutes --date 2012-05 --council "Marsh Vale" ../src/minutes.txt
contains "$OUT" "Doc-1"
contains "$OUT" "CRLF"
run_cb 0 import --case B --type interview ../src/int7.md
contains "$OUT" "Int-1"

run_cb 0 sources --json
equals "$(json_get "$OUT" 'len(d)')" 2
equals "$(json_get "$OUT" '[s["label"] for s in d]')" "['Doc-1', 'Int-1']"
equals "$(json_get "$OUT" 'd[1]["title"]')" "Interview seven" "markdown front-matter title"
equals "$(json_get "$OUT" 'd[1]["date"]')" "2015-04-02"
equals "$(json_get "$OUT" 'd[0]["imported_by"]')" "e2e-tester" "coder recorded on import"
run_cb 0 sources
contains "$OUT" "Marsh Vale"

# Offsets are code points on the LF-normalised NFC text: the emoji counts once.
run_cb 0 show Doc-1 --json
equals "$(json_get "$OUT" '[(p["start"], p["end"]) for p in d["passages"]]')" "[(0, 31), (33, 130), (132, 193)]"
equals "$(json_get "$OUT" 'd["passages"][1]["text"][:11]')" "Cllr. Brown"
run_cb 0 show Doc-1 --passage 3
contains "$OUT" "¶3  [132, 193)"
run_cb 0 show Doc-1 --sentences --json
equals "$(json_get "$OUT" 'len(d["sentences"])')" 4 "sentences (Cllr. and Dr. do not end one)"
run_cb 2 show Doc-1 --passage 9
contains "$ERR" "passages 1 to 3"

# Search: stemmed word, phrase, NEAR, wildcard, filters, dates, boolean.
run_cb 0 search housing --json --exact
equals "$(json_get "$OUT" '(d["total"], d["total_exact"], d["total_lower"], d["total_upper"])')" "(2, True, 2, 2)"
run_cb 0 search budget --json
equals "$(json_get "$OUT" '[h["source"] for h in d["hits"]]')" "['Doc-1']" "stemming: budget finds budgets"
# The match offsets point at the word in the source text, in code points.
equals "$(json_get "$OUT" 'd["hits"][0]["matches"]')" "[{'end': 129, 'start': 122}]"
run_cb 0 search '"shared service"' --count
equals "$OUT" 1
run_cb 0 search 'veto NEAR/5 approval' --count
equals "$OUT" 1
run_cb 0 search 'veto NEAR/2 approval' --count
equals "$OUT" 0
run_cb 0 search 'invest*' --count
equals "$OUT" 1
run_cb 0 search 'shared outcome:sustained' --json
equals "$(json_get "$OUT" '[h["source"] for h in d["hits"]]')" "['Int-1']"
run_cb 0 search 'shared outcome:"local choice"' --count
equals "$OUT" 1 "sub-outcomes are searchable as outcomes"
run_cb 0 search 'type:interview' --count
equals "$OUT" 4
run_cb 0 search 'council:"marsh vale"' --count
equals "$OUT" 3
run_cb 0 search 'date:2015..2016' --count
equals "$OUT" 4
run_cb 0 search 'date:..2012' --count
equals "$OUT" 3
run_cb 0 search 'housing NOT benefit' --json
equals "$(json_get "$OUT" '[h["source"] for h in d["hits"]]')" "['Doc-1']"
run_cb 0 search 'housing OR veto' --count
equals "$OUT" 3
run_cb 0 search housing
contains "$OUT" "[[housing]]" "snippet marks the match"
run_cb 0 search housing --csv
contains "$OUT" "rank,source,type,date,council,cases,passage,start,end,speaker,text"
contains "$OUT" "2,Doc-1,minutes,2012-05,Marsh Vale,A,2,33,130"
# Filters outside parentheses narrow the whole query.
run_cb 0 search 'housing OR veto case:A' --json
equals "$(json_get "$OUT" 'sorted(h["source"] + "/" + str(h["passage"]) for h in d["hits"])')" "['Doc-1/2', 'Doc-1/3']"
# NEAR matches stemmed forms (budget ~ budgets) and prefixes.
run_cb 0 search 'budget NEAR/2 housing' --count
equals "$OUT" 1
run_cb 0 search 'invest* NEAR/3 IT' --count
equals "$OUT" 1
# A filter value that matches nothing is pointed out.
run_cb 0 search 'housing outcome:dissolve'
contains "$ERR" "no passage has outcome:dissolve"
contains "$ERR" "dissolved"
run_cb 1 search '"unbalanced'
contains "$ERR" "quote"
run_cb 1 search 'colour:red'
contains "$ERR" "case"

run_cb 0 check
contains "$OUT" "ok: 2 sources, 7 passages"
run_cb 0 reindex
contains "$OUT" "7 passages"
run_cb 0 check --json
equals "$(json_get "$OUT" 'd["ok"]')" True
equals "$(json_get "$OUT" 'd["index_documents"]')" 7

# Project discovery: from a subdirectory, with -C, and outside any project.
mkdir -p deep/er && (cd deep/er && "$CASEBOOK" sources >/dev/null) || fail "walk-up discovery"
cd "$WORK"
run_cb 0 -C proj sources
run_cb 1 sources
contains "$ERR" "casebook init"

# The audit log recorded every write with the coder.
equals "$(sqlite3 proj/.casebook/store.sqlite "SELECT group_concat(DISTINCT coder) FROM audit_log")" "e2e-tester"
echo "workflow: all checks passed"
