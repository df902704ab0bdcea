#!/usr/bin/env bash
# Re-importing an identical file is a no-op; a changed version is refused
# unless --replace, which keeps the label and bumps the version.
source "$(dirname "$0")/lib.sh"

run_cb 0 init proj
printf 'First version.\n\nIt has two paragraphs.\n' > paper.txt
run_cb 0 -C proj import --type report paper.txt
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
run_cb 0 -C proj search '"three paragraphs"' --count
equals "$OUT" 1
run_cb 0 -C proj search '"two paragraphs"' --count
equals "$OUT" 0 "the old version's passages left the index"
run_cb 0 -C proj check
equals "$(sqlite3 proj/.casebook/store.sqlite "SELECT count(*) FROM audit_log WHERE action='source.replace'")" 1
echo "reimport: all checks passed"
