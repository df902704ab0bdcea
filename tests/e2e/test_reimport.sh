#!/usr/bin/env bash
# Re-importing an identical file is a no-op; a changed version is refused
# unless --replace, which keeps the label and bumps the version, and keeps
# the metadata given before (case, date, council, type, attributes) unless
# the replacing import gives new values.
source "$(dirname "$0")/lib.sh"

run_cb 0 init proj
printf 'id,outcome\nA,dissolved\nB,sustained\n' > cases.csv
run_cb 0 -C proj cases import cases.csv
printf 'First version.\n\nIt has two paragraphs.\n' > paper.txt
run_cb 0 -C proj import --type report --case A --date 2019-03 --council "Town Council" \
  --attr author=Jo paper.txt
contains "$OUT" "Doc-1"
before="$(project_state proj)"

run_cb 0 -C proj import paper.txt
contains "$OUT" "unchanged"
contains "$OUT" "Doc-1"
cp paper.txt copy-elsewhere.txt
run_cb 0 -C proj import copy-elsewhere.txt
contains "$OUT" "unchanged"
equals "$(project_state proj)" "$before" "state after identical re-imports"

printf 'Second version, longer.\n\nIt has three paragraphs.\n\nSee?\n' > paper.txt
run_cb 1 -C proj import paper.txt
contains "$ERR" "--replace"
contains "$ERR" "Doc-1"
equals "$(project_state proj)" "$before" "state after a refused changed version"

run_cb 0 -C proj import --replace --type report paper.txt
contains "$OUT" "replaced"
run_cb 0 -C proj sources --json
equals "$(json_get "$OUT" '(len(d), d[0]["label"], d[0]["version"], d[0]["passages"])')" "(1, 'Doc-1', 2, 3)"
equals "$(json_get "$OUT" '(d[0]["type"], d[0]["cases"], d[0]["date"], d[0]["council"], d[0]["attributes"])')" \
  "('report', ['A'], '2019-03', 'Town Council', {'author': 'Jo'})" "metadata kept by --replace"
printf 'Third version.\n' > paper.txt
run_cb 0 -C proj import --replace --case B --attr author=Al paper.txt
run_cb 0 -C proj sources --json
equals "$(json_get "$OUT" '(d[0]["version"], d[0]["type"], d[0]["cases"], d[0]["date"], d[0]["attributes"])')" \
  "(3, 'report', ['B'], '2019-03', {'author': 'Al'})" "metadata given with --replace"
printf 'Second version, longer.\n\nIt has three paragraphs.\n\nSee?\n' > paper.txt
run_cb 0 -C proj import --replace paper.txt
run_cb 0 -C proj search '"three paragraphs"' --count
equals "$OUT" 1
run_cb 0 -C proj search '"two paragraphs"' --count
equals "$OUT" 0 "the old version's passages left the index"
run_cb 0 -C proj check
equals "$(sqlite3 proj/.casebook/store.sqlite "SELECT count(*) FROM audit_log WHERE action='source.replace'")" 3
echo "reimport: all checks passed"
