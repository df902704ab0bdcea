#!/usr/bin/env bash
# Bad input gets one clear error naming the file or argument, exit status 1
# (data) or 2 (usage), and leaves the project exactly as it was.
source "$(dirname "$0")/lib.sh"

run_cb 0 init proj
printf 'id,outcome\nA,dissolved\n' > cases.csv
run_cb 0 -C proj cases import cases.csv
printf 'A good file.\n\nSecond paragraph.\n' > good.txt
run_cb 0 -C proj import --case A good.txt
before="$(project_state proj)"

enc="$CASEBOOK_TESTDATA/text-encodings/unstructured"
run_cb 1 -C proj import "$enc/empty.txt"
contains "$ERR" "empty.txt"
run_cb 1 -C proj import "$enc/fake-text-all-whitespace.txt"
contains "$ERR" "fake-text-all-whitespace.txt"
contains "$ERR" "no text"

printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' > picture.txt
run_cb 1 -C proj import picture.txt
contains "$ERR" "picture.txt"
contains "$ERR" "PNG"

run_cb 1 -C proj import "$CASEBOOK_TESTDATA/docx/unstructured/fake.doc"
contains "$ERR" "fake.doc"

head -c 4096 /dev/urandom > noise.bin
printf '\0' >> noise.bin
run_cb 1 -C proj import noise.bin
contains "$ERR" "noise.bin"

printf 'caf\xc3\xa9 and then \xff\xfe broken \xc3\xa9\n' > mixed.txt
run_cb 1 -C proj import mixed.txt
contains "$ERR" "mixed.txt"
contains "$ERR" "UTF-8"

chmod 000 good.txt 2>/dev/null || true
if [ "$(id -u)" != 0 ]; then
  run_cb 1 -C proj import good.txt
  contains "$ERR" "good.txt"
fi
chmod 644 good.txt

# Usage errors: exit 2, nothing written.
run_cb 2 -C proj import does-not-exist.txt
contains "$ERR" "does-not-exist.txt"
run_cb 2 -C proj import --date 2014-13-01 good.txt
contains "$ERR" "--date"
printf 'x\n' > a.txt; printf 'y\n' > b.txt
run_cb 2 -C proj import --label Doc-9 a.txt b.txt
contains "$ERR" "--label"
run_cb 2 -C proj import --format nosuchformat a.txt
contains "$ERR" "nosuchformat"
run_cb 2 -C proj frobnicate
run_cb 1 -C proj import --case Z a.txt
contains "$ERR" "no case 'Z'"

# A bad case sheet names the row and column, and changes nothing.
printf 'id,outcome,population:integer\nB,aborted,100\nC,sustained,lots\n' > bad.csv
run_cb 1 -C proj cases import bad.csv
contains "$ERR" "bad.csv"
contains "$ERR" "row 3"
contains "$ERR" "population"

after="$(project_state proj)"
equals "$after" "$before" "project state after failed commands"
run_cb 0 -C proj check
echo "bad input: all checks passed"
