#!/usr/bin/env bash
# A killed import leaves a project that 'casebook check' passes: every source
# is either fully imported (store, text, passages, index, original) or absent,
# and re-running the import completes it.
source "$(dirname "$0")/lib.sh"

run_cb 0 init proj
mkdir corpus
# Enough files that the import takes a while; content differs per file.
for i in $(seq 1 400); do
  {
    for p in $(seq 1 30); do
      echo "File $i paragraph $p discusses the shared revenues and benefits service, housing links and the veto of council $((p % 7))."
      echo
    done
  } > "corpus/file-$(printf %03d "$i").txt"
done

# Kill at different points (fixed delays; the assertions hold wherever it lands).
for delay in 0.05 0.2 0.4 0.7 1.0; do
  "$CASEBOOK" -C proj import corpus >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  run_cb 0 -C proj check --quick
  contains "$OUT" "ok:"
  # Every source in the store has all its passages in the index.
  n_sources="$(sqlite3 proj/.casebook/store.sqlite 'SELECT count(*) FROM sources')"
  n_passages="$(sqlite3 proj/.casebook/store.sqlite 'SELECT count(*) FROM passages')"
  echo "killed after ${delay}s: $n_sources sources complete"
  equals "$n_passages" "$((n_sources * 30))" "passages of the sources present after kill at ${delay}s"
  run_cb 0 -C proj search 'type:document' --count
  equals "$OUT" "$n_passages" "indexed passages after kill at ${delay}s"
done

# Re-running completes the import.
run_cb 0 -C proj import corpus
run_cb 0 -C proj sources --json
equals "$(json_get "$OUT" 'len(d)')" 400
run_cb 0 -C proj check
contains "$OUT" "ok: 400 sources, 12000 passages"
# An import with index commits along the way (1 MB flushes over ~1.4 MB of
# text) leaves no index work queued for later.
run_cb 0 init fresh
CASEBOOK_INDEX_FLUSH_MB=1 run_cb 0 -C fresh import corpus
equals "$(sqlite3 fresh/.casebook/store.sqlite 'SELECT count(*) FROM index_outbox')" 0 "queued index work after a complete import"
equals "$(sqlite3 fresh/.casebook/store.sqlite 'SELECT count(*) FROM passages')" 12000
echo "killed import: all checks passed"
