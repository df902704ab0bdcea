#!/usr/bin/env bash
# The main job (README's first command without the install/build steps): the
# bundled sample study imports completely and the tour's searches find the
# planted evidence.
source "$(dirname "$0")/lib.sh"

bash "$CASEBOOK_SOURCE_DIR/scripts/run-sample.sh" > tour.txt 2>&1 || {
  cat tour.txt >&2
  fail "scripts/run-sample.sh failed"
}
contains "$(cat tour.txt)" "30 imported, 0 replaced, 0 unchanged, 0 failed"
contains "$(cat tour.txt)" "ok: 30 sources"
contains "$(cat tour.txt)" "recognised as a transcript: 16 turns, 2 speakers"

p=sample-output/project
run_cb 0 -C "$p" sources --json
equals "$(json_get "$OUT" 'len(d)')" 30
equals "$(json_get "$OUT" 'sorted(s["label"] for s in d if s["type"] == "interview")')" \
  "['Int-1', 'Int-2', 'Int-3', 'Int-4', 'Int-5', 'Int-6']"
# The interviews were read as transcripts: the interviewer speaks in all six.
run_cb 0 -C "$p" speakers --json
equals "$(json_get "$OUT" '[(s["role"], len(s["sources"])) for s in d if s["name"] == "Interviewer"]')" \
  "[('interviewer', 6)]"
run_cb 0 -C "$p" sources --json
# The windows-1252 options paper was detected and decoded (curly quotes, £).
equals "$(json_get "$OUT" '[s["encoding"] for s in d if "options-paper" in s["original_name"] and "coldharbour" in s["original_name"]]')" "['windows-1252']"
run_cb 0 -C "$p" cases list --json
equals "$(json_get "$OUT" 'sorted({c["outcome"] for c in d})')" "['aborted', 'dissolved', 'sustained']"

# Triangulation-style questions the sample was written to answer.
run_cb 0 -C "$p" search 'subsidy NEAR/6 loss outcome:dissolved' --count
[ "$OUT" -ge 3 ] || fail "expected several dissolved-case passages on subsidy losses, got $OUT"
run_cb 0 -C "$p" search 'queu* type:interview' --json --limit 100
equals "$(json_get "$OUT" 'all(h["type"] == "interview" for h in d["hits"])')" True
[ "$(json_get "$OUT" 'd["total"]')" -ge 1 ] || fail "no interview mentions queues"

# A hit's passage number and offsets lead back to the same text in the source.
run_cb 0 -C "$p" search 'housing' --json --limit 5
hit_label="$(json_get "$OUT" 'd["hits"][0]["source"]')"
hit_passage="$(json_get "$OUT" 'd["hits"][0]["passage"]')"
hit_span="$(json_get "$OUT" '(d["hits"][0]["start"], d["hits"][0]["end"])')"
hit_text="$(json_get "$OUT" 'd["hits"][0]["text"]')"
run_cb 0 -C "$p" show "$hit_label" --passage "$hit_passage" --json
equals "$(json_get "$OUT" '(d["passages"][0]["start"], d["passages"][0]["end"])')" "$hit_span"
equals "$(json_get "$OUT" 'd["passages"][0]["text"]')" "$hit_text"

[ -s sample-output/ex-post-evidence.csv ] || fail "no CSV export"
run_cb 0 -C "$p" check
echo "sample study: all checks passed"
