#!/usr/bin/env bash
# Crash safety: import, code, autocode, merge and codebook load are killed
# with SIGKILL at chosen points -- after the N-th row they write to the store
# (CASEBOOK_KILL_AFTER_WRITES, engine/store/kill_points.hpp), N from a fixed
# list and a seeded random sample -- and after each kill:
#   * `casebook check --deep` passes (store, index and originals agree);
#   * no coding committed before the command is missing or changed;
#   * the command's own work is all there or not there at all (for import:
#     per file), never half;
#   * running the command again completes it, with the same result as a run
#     that was never interrupted.
# The number of kill points tried and the data lost (none) are printed for
# docs/reliability.md.
source "$(dirname "$0")/lib.sh"

RANDOM=20261203  # the seed of the random kill points
tried=0
killed=0

sql() { sqlite3 "$1/.casebook/store.sqlite" "$2"; }
# What must survive a kill unchanged: codings with their review state, memos.
committed() {
  sql "$1" "SELECT id, source_id, start_cp, end_cp, code_id, coder, review_status, coalesce(removed_at, '') FROM codings ORDER BY id"
  sql "$1" "SELECT id, target_kind, target_id, text FROM memos ORDER BY id"
}
# What each command produces, without times.
result_of() {
  case "$1" in
    import) sql "$2" "SELECT label, original_sha256, (SELECT count(*) FROM passages p WHERE p.source_id = s.id) FROM sources s ORDER BY label" ;;
    code | merge) committed "$2" ;;
    autocode) sql "$2" "SELECT source_id, start_cp, end_cp, code_id, owner, status FROM suggestions ORDER BY id" ;;
    load) sql "$2" "SELECT version FROM codebook_versions ORDER BY version"
      sql "$2" "SELECT key, name, retired_at IS NULL FROM codes ORDER BY key" ;;
  esac
}
run_op() {  # run_op OP PROJECT: the command under test
  case "$1" in
    import) "$CASEBOOK" -C "$2" import --manifest small/manifest.csv ;;
    code) "$CASEBOOK" -C "$2" --coder ben code --query 'queu* OR housing OR veto' expost.queuing --dim direction=negative ;;
    autocode) "$CASEBOOK" -C "$2" --coder ana autocode ;;
    merge) "$CASEBOOK" -C "$2" --coder sam merge other --add-codes --on-conflict keep-both ;;
    load) "$CASEBOOK" -C "$2" --coder sam codebook load codebook-v2.xml ;;
  esac
}

# ---- the projects the commands run on ------------------------------------------------------
# A small manifest (one file of each format) keeps each kill cheap.
mkdir -p small
cp -r "$SAMPLE/sources" small/
head -n 1 "$SAMPLE/manifest.csv" >small/manifest.csv
grep -E 'A/2013-11-18|C/2019-02-28|C/2018-09-11|H/2011-09|M/2021-03-18-joint-committee-getmeeting|M/2021-04|C/interviews/int-7|B/2009-11' \
  "$SAMPLE/manifest.csv" >>small/manifest.csv
run_cb 0 init base-empty
run_cb 0 -C base-empty cases import "$SAMPLE/cases.csv"
run_cb 0 -C base-empty codebook load "$CODEBOOK"
cp -a base-empty base
run_cb 0 -C base import --manifest small/manifest.csv
run_cb 0 -C base --coder ana code --query 'subsidy' expost.penalties --memo "before the kill"
cp -a base other
run_cb 0 -C other --coder bob code --query 'queu*' expost.queuing
run_cb 0 -C other --coder bob codebook add expost.covid --definition "Lockdown changes"
run_cb 0 -C other --coder bob code --query 'lockdown OR pandemic' expost.covid
# Version 2 of the codebook: one more top-level code.
sed 's|^  </codes>|    <code id="extra" name="An extra code"><definition>Added in version 2.</definition></code>\n  </codes>|' \
  "$CODEBOOK" >codebook-v2.xml
run_cb 0 -C base --coder sam codebook load codebook-v2.xml
run_cb 0 -C base --coder sam undo  # base keeps version 1 current; v2 stays loadable

# ---- kill, check, re-run -----------------------------------------------------------------
for op in import code autocode merge load; do
  start=base
  [ "$op" = import ] && start=base-empty
  # The uninterrupted result to compare with.
  # It also tells how many rows the command writes, to spread the kill points.
  cp -a "$start" clean
  rm -f writes.txt
  CASEBOOK_COUNT_WRITES="$PWD/writes.txt" run_op "$op" clean >/dev/null 2>&1 || fail "$op failed without a kill"
  expected="$(result_of "$op" clean)"
  rm -rf clean
  writes="$(awk '{n += $1} END {print n + 0}' writes.txt)"
  [ "$writes" -gt 0 ] || fail "$op wrote nothing"
  # The first and last writes, a spread between, and seeded random points.
  points=(1 2 "$writes")
  for k in 1 2 3 4 5 6 7; do points+=($((writes * k / 8 + 1))); done
  for _ in 1 2 3 4 5 6; do points+=($((RANDOM % writes + 1))); done
  echo "$op: $writes rows written; kill points ${points[*]}"
  for n in "${points[@]}"; do
    rm -rf work && cp -a "$start" work
    before="$(committed work)"
    status=0
    CASEBOOK_KILL_AFTER_WRITES=$n run_op "$op" work >/dev/null 2>&1 || status=$?
    tried=$((tried + 1))
    if [ "$status" = 137 ]; then
      killed=$((killed + 1))
    elif [ "$status" != 0 ]; then
      fail "$op with a kill point at write $n exited $status"
    fi
    run_cb 0 -C work check --deep
    after="$(committed work)"
    # Nothing committed before is missing or changed.
    missing="$(comm -23 <(sort <<<"$before") <(sort <<<"$after"))"
    equals "$missing" "" "codings lost by $op killed at write $n"
    # All or nothing (import: file by file, which check --deep verified).
    if [ "$op" != import ] && [ "$status" = 137 ]; then
      [ "$(result_of "$op" work)" = "$(result_of "$op" "$start")" ] ||
        fail "$op killed at write $n left part of its work"
    fi
    run_op "$op" work >/dev/null 2>&1 || fail "$op did not complete after a kill at write $n"
    equals "$(result_of "$op" work)" "$expected" "$op re-run after a kill at write $n"
    run_cb 0 -C work check --deep
  done
done
echo "kill points: $tried tried, $killed killed mid-command, 0 codings lost"
echo "PASS"
