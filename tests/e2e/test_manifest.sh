#!/usr/bin/env bash
# A collection of mixed formats imported in one command from a CSV manifest,
# with per-file metadata and provenance; a bad file fails alone; transcripts
# are recognised and their speakers can be listed, renamed and mapped.
source "$(dirname "$0")/lib.sh"
T="$CASEBOOK_TESTDATA"

run_cb 0 init proj
printf 'id,outcome\nA,sustained\nB,dissolved\n' > cases.csv
run_cb 0 -C proj cases import cases.csv

mkdir collection
cat > collection/int-3.txt <<'TXT'
Interviewer: Thank you for agreeing to talk about the shared waste service.

Jane Smith: We had been talking to the neighbouring council for years before the partnership.

Interviewer: What changed in 2012?

Jane Smith: The budget settlement. We could not run two depots any more.

INTERVIEWER: And afterwards?

Jane Smith: Afterwards the contract tied us together, whatever we thought of it.
TXT
printf '# Options appraisal\n\nOption 2 merges the two revenues teams.\n' > collection/options.md
cp "$T/refi-qda/qualcoder-examples/ID1.docx" collection/
cp "$T/council-docs/hansard-parliament.uk-2011/wms.html" collection/
cp "$T/transcripts/teams-format/teams-style-example-transcript.vtt" collection/teams.vtt
cp "$T/pdf/unstructured/fake-memo.pdf" collection/memo.pdf
cp "$T/docx/unstructured/fake.doc" collection/legacy.doc
cat > collection/manifest.csv <<'CSV'
path,label,type,cases,council,date,url,retrieved,provenance,interviewee_role
int-3.txt,,,A,Marsh Vale,2019-05-02,,,recorded in the council offices,director
options.md,Doc-40,options-paper,A;B,,2011-03,https://example.org/options.md,2020-01-05T10:00:00Z,FOI request 2019/44,
ID1.docx,,report,B,,,,,,
wms.html,,press,B,,2011-07,,,,
teams.vtt,,interview,A,,,,,,
memo.pdf,,report,A,,,,,,
legacy.doc,,report,A,,,,,,
CSV

run_cb 1 -C proj import --manifest collection/manifest.csv
contains "$ERR" "legacy.doc"
contains "$ERR" "OLE2"
contains "$OUT" "6 imported"
contains "$OUT" "1 failed"
contains "$OUT" "failed    -        collection/legacy.doc: appears to be an OLE2" "the summary's list of failures"

run_cb 0 -C proj sources --json
equals "$(json_get "$OUT" 'len(d)')" 6 "sources"
equals "$(json_get "$OUT" '[s["type"] for s in d if s["original_name"]=="int-3.txt"][0]')" interview \
  "type suggested by the transcript"
equals "$(json_get "$OUT" '[s["attributes"]["interviewee_role"] for s in d if s["original_name"]=="int-3.txt"][0]')" director
equals "$(json_get "$OUT" '[s["provenance"]["note"] for s in d if s["original_name"]=="int-3.txt"][0]')" \
  "recorded in the council offices"
equals "$(json_get "$OUT" '[(s["label"], s["cases"], s["date"]) for s in d if s["original_name"]=="options.md"][0]')" \
  "('Doc-40', ['A', 'B'], '2011-03')"
equals "$(json_get "$OUT" '[s["provenance"]["url"] for s in d if s["label"]=="Doc-40"][0]')" \
  "https://example.org/options.md"
equals "$(json_get "$OUT" 'sorted(s["format"] for s in d)')" \
  "['docx', 'html', 'markdown', 'pdf', 'text', 'webvtt']"
run_cb 0 -C proj sources
contains "$OUT" "recorded in the council offices" "the table's origin column"
contains "$OUT" "https://example.org/options.md"

# The transcript's turns carry speakers; the speaker: filter finds them.
label="$(json_get "$("$CASEBOOK" -C proj sources --json)" '[s["label"] for s in d if s["original_name"]=="int-3.txt"][0]')"
run_cb 0 -C proj show "$label" --json
equals "$(json_get "$OUT" '[p["speaker"] for p in d["passages"]]')" \
  "['Interviewer', 'Jane Smith', 'Interviewer', 'Jane Smith', 'INTERVIEWER', 'Jane Smith']"
run_cb 0 -C proj search 'depots speaker:"Jane Smith"' --count
equals "$OUT" 1

# Speakers: list, rename (merging case variants), map.
run_cb 0 -C proj speakers --json
contains "$OUT" '"Jane Smith"'
run_cb 0 -C proj speakers rename interviewer Interviewer --source "$label"
contains "$OUT" "in 1 turn of 1 source"
run_cb 0 -C proj speakers rename "Jane Smith" "J. Smith"
run_cb 0 -C proj speakers map "J. Smith" --informant Int-7
run_cb 0 -C proj speakers map Interviewer --interviewer
run_cb 0 -C proj speakers --json --source "$label"
equals "$(json_get "$OUT" '[(s["name"], s["role"], s["informant"], s["turns"]) for s in d]')" \
  "[('Interviewer', 'interviewer', '', 3), ('J. Smith', 'informant', 'Int-7', 3)]"
run_cb 0 -C proj search 'depots speaker:"J. Smith"' --count
equals "$OUT" 1 "the index follows a renamed speaker"
run_cb 1 -C proj speakers rename Nobody Someone
contains "$ERR" "no transcript turn has the speaker 'Nobody'"
equals "$(sqlite3 proj/.casebook/store.sqlite "SELECT count(*) FROM audit_log WHERE action LIKE 'speaker.%'")" 4

# --no-transcript keeps the same text as plain paragraphs.
cp collection/int-3.txt plain-copy.txt
printf '\nA last line.\n' >> plain-copy.txt
run_cb 0 -C proj import --no-transcript plain-copy.txt
run_cb 0 -C proj sources --json
equals "$(json_get "$OUT" '[s["type"] for s in d if s["original_name"]=="plain-copy.txt"][0]')" document

# A manifest naming a missing file fails before anything is written.
before="$(project_state proj)"
printf 'path,cases\nnot-there.txt,A\n' > collection/bad-manifest.csv
run_cb 1 -C proj import --manifest collection/bad-manifest.csv
contains "$ERR" "bad-manifest.csv"
contains "$ERR" "row 2"
contains "$ERR" "no such file"
printf 'file,cases\nint-3.txt,A\n' > collection/no-path.csv
run_cb 1 -C proj import --manifest collection/no-path.csv
contains "$ERR" "no 'path' column"
equals "$(project_state proj)" "$before" "state after refused manifests"

run_cb 0 -C proj check
echo "manifest: all checks passed"
