#!/usr/bin/env bash
# Real files in other encodings, written by others, import with the right text.
source "$(dirname "$0")/lib.sh"

enc="$CASEBOOK_TESTDATA/text-encodings/unstructured"
run_cb 0 init proj
run_cb 0 -C proj import --label Doc-1 "$enc/fake-text.txt"
run_cb 0 -C proj import --label Doc-2 "$enc/fake-text-utf-16.txt"
contains "$OUT" "UTF-16LE"
run_cb 0 -C proj import --label Doc-3 "$enc/fake-text-utf-16-be.txt"
contains "$OUT" "UTF-16BE"
run_cb 0 -C proj import --label Doc-4 "$enc/fake-text-utf-32.txt"
contains "$OUT" "UTF-32"
run_cb 0 -C proj import --label Doc-5 --format text "$enc/umlauts-non-utf8.md"
contains "$OUT" "windows-1252"
run_cb 0 -C proj import --label Doc-6 --format text "$enc/umlauts-utf8.md"

run_cb 0 -C proj show Doc-1 --json; t1="$(json_get "$OUT" '[p["text"] for p in d["passages"]]')"
run_cb 0 -C proj show Doc-3 --json; t3="$(json_get "$OUT" '[p["text"] for p in d["passages"]]')"
equals "$t3" "$t1" "UTF-16BE without BOM decodes to the UTF-8 twin"
run_cb 0 -C proj show Doc-5 --json; t5="$(json_get "$OUT" '[p["text"] for p in d["passages"]]')"
run_cb 0 -C proj show Doc-6 --json; t6="$(json_get "$OUT" '[p["text"] for p in d["passages"]]')"
equals "$t5" "$t6" "Latin-1 file decodes to its UTF-8 twin"

# Forcing an encoding overrides detection.
printf 'Caf\xe9 cr\xe8me\n' > latin.txt
run_cb 0 -C proj import --encoding ISO-8859-1 latin.txt
run_cb 0 -C proj search crème --count
equals "$OUT" 1
run_cb 2 -C proj import --encoding no-such-charset --label Doc-99 "$enc/fake-text.txt"
contains "$ERR" "no-such-charset"
run_cb 0 -C proj check
echo "encodings: all checks passed"
