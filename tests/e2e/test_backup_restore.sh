#!/usr/bin/env bash
# casebook backup / restore, check --deep and the project's privacy: a backup
# taken while another coder keeps coding is one consistent moment of the
# store; restoring it gives a project that passes the deep check; a project
# is never overwritten without --replace, and then its data are moved aside,
# not deleted; a damaged backup is refused before anything changes. Projects,
# backups and restored projects are private (0700, store 0600), and the audit
# log cannot be rewritten even with SQLite.
source "$(dirname "$0")/lib.sh"

mode() { stat -c '%a' "$1"; }
codings() { sqlite3 "$1/.casebook/store.sqlite" "SELECT count(*) FROM codings"; }

run_cb 0 init proj
mkdir bk
equals "$(mode proj)" 700 "a new project directory"
equals "$(mode proj/.casebook)" 700 "the data directory"
equals "$(mode proj/.casebook/store.sqlite)" 600 "the store"
run_cb 0 -C proj cases import "$SAMPLE/cases.csv"
run_cb 0 -C proj import --manifest "$SAMPLE/manifest.csv"
run_cb 0 -C proj codebook load "$CODEBOOK"
run_cb 0 -C proj --coder ana autocode
run_cb 0 -C proj --coder ana suggestions accept --all --code expost.queuing

# ---- a backup while someone codes -------------------------------------------------------
(
  for n in $(seq 1 40); do
    "$CASEBOOK" -C proj --coder ben code Int-1 --passage "$((n % 16 + 2))" expost.veto --memo "round $n" \
      >/dev/null 2>&1 || true
  done
) &
coder=$!
run_cb 0 -C proj backup bk/backup-1
contains "$OUT" "Backed up"
wait "$coder"
equals "$(mode bk/backup-1)" 700 "the backup directory"
[ -f bk/backup-1/casebook-backup.txt ] || fail "no marker in the backup"
backed_up="$(codings bk/backup-1)"
[ "$backed_up" -le "$(codings proj)" ] || fail "the backup has more codings than the project"
run_cb 1 -C proj backup bk/backup-1
contains "$ERR" "already exists"
run_cb 2 -C proj backup proj/inside
contains "$ERR" "inside the project"

# ---- restore into a new directory ---------------------------------------------------------
run_cb 0 restore bk/backup-1 --to restored
contains "$OUT" "index rebuilt"
equals "$(codings restored)" "$backed_up" "codings in the restored project"
equals "$(mode restored)" 700 "a restored project directory"
equals "$(mode restored/.casebook/store.sqlite)" 600 "the restored store"
run_cb 0 -C restored check --deep
contains "$OUT" "codings and"
run_cb 0 -C restored search --count 'queu*'
equals "$OUT" "$("$CASEBOOK" -C proj search --count 'queu*')" "search in the restored project"

# ---- never over a project without --replace; with it, nothing is deleted -----------------
before="$(project_state restored)"
run_cb 1 restore bk/backup-1 --to restored
contains "$ERR" "already holds a casebook project"
equals "$(project_state restored)" "$before" "the project after a refused restore"
run_cb 0 -C restored --coder ben code Int-2 --passage 3 expost.queuing
run_cb 0 -C restored restore bk/backup-1 --replace
contains "$OUT" "earlier data are in"
equals "$(codings restored)" "$backed_up" "codings after restoring over the project"
aside="$(ls -d restored/.casebook.before-restore-*)"
equals "$(sqlite3 "$aside/store.sqlite" "SELECT count(*) FROM codings")" "$((backed_up + 1))" "codings kept aside"
run_cb 2 -C restored restore bk/backup-1
contains "$ERR" "--to DIR, or --replace"

# ---- a damaged backup is refused before anything changes --------------------------------
cp -a bk/backup-1 bk/backup-damaged
object="$(find bk/backup-damaged/.casebook/objects -type f -print -quit)"
printf 'x' >>"$object"
run_cb 1 restore bk/backup-damaged --to from-damaged
contains "$ERR" "is missing or damaged in the backup"
[ ! -e from-damaged/.casebook ] || fail "a refused restore left a project behind"
run_cb 1 restore bk/nothing-here --to x
contains "$ERR" "not a casebook backup"

# ---- check --deep finds what the quick check cannot ---------------------------------------
sqlite3 restored/.casebook/store.sqlite "UPDATE codings SET quote = 'not the text' WHERE id = (SELECT min(id) FROM codings)"
run_cb 0 -C restored check
run_cb 1 -C restored check --deep
contains "$OUT" "its quote differs from the text it points at"
run_cb 2 -C restored check --deep --quick

# ---- the audit log is append-only ----------------------------------------------------------
entries="$(sqlite3 proj/.casebook/store.sqlite "SELECT count(*) FROM audit_log")"
! sqlite3 proj/.casebook/store.sqlite "DELETE FROM audit_log" 2>/dev/null || fail "deleted the audit log"
! sqlite3 proj/.casebook/store.sqlite "UPDATE audit_log SET coder = 'nobody'" 2>/dev/null ||
  fail "rewrote the audit log"
equals "$(sqlite3 proj/.casebook/store.sqlite "SELECT count(*) FROM audit_log")" "$entries" "audit entries"
run_cb 0 -C proj --coder ben undo
contains "$OUT" "Undid"
echo "PASS"
