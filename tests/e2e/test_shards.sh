#!/usr/bin/env bash
# Sharded search over Xapian's remote backend: the sample study's index split
# into three shards, each served by its own xapian-tcpsrv on the loopback
# interface. Searches, code: filters, auto-coding and code --query through the
# shards give exactly what the project's own index gives; a shard that is down
# stops the search with an error naming it (or, with --allow-partial, gives
# partial results that say so); shards of another split, another project, a
# shard listed twice and out-of-date shards are caught.
source "$(dirname "$0")/lib.sh"

command -v xapian-tcpsrv >/dev/null || fail "xapian-tcpsrv not found (scripts/install-deps.sh installs xapian-tools)"

SERVER_PIDS=()
stop_servers() {
  local pid
  for pid in "${SERVER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap stop_servers EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
# serve DIR: starts xapian-tcpsrv on a free port for DIR, waits until it
# accepts connections, and sets PORT and PID. Its own session, because
# xapian-tcpsrv signals its whole process group when it stops.
serve() {
  local dir=$1 attempt
  for attempt in 1 2 3 4 5; do
    PORT="$(free_port)"
    setsid xapian-tcpsrv --interface 127.0.0.1 --port "$PORT" "$dir" >"$WORK/tcpsrv-$PORT.log" 2>&1 &
    PID=$!
    SERVER_PIDS+=("$PID")
    for _ in $(seq 1 100); do
      if python3 -c 'import socket,sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1)' "$PORT" 2>/dev/null; then
        return 0
      fi
      kill -0 "$PID" 2>/dev/null || break  # lost the port to someone else: try another
      sleep 0.1
    done
  done
  fail "xapian-tcpsrv did not start for $dir"
}

sample_project proj
run_cb 0 -C proj codebook load "$CODEBOOK"
run_cb 0 -C proj code exante --query '"partnership agreement"'

run_cb 0 -C proj shard 3 --out shards
contains "$OUT" "into 3 shard(s)"
[ -f shards/shards.stub ] || fail "no shards.stub"

ports=()
for i in 1 2 3; do
  serve "shards/shard-$i"
  ports+=("$PORT")
  pids[$i]=$PID
done
# Listed out of order: the shards' stamps put them in order.
REMOTE=(--shard "127.0.0.1:${ports[2]}" --shard "127.0.0.1:${ports[0]}" --shard "localhost:${ports[1]}")
printf 'remote 127.0.0.1:%s\nremote 127.0.0.1:%s\n# the third\nremote 127.0.0.1:%s\n' \
  "${ports[0]}" "${ports[1]}" "${ports[2]}" >remote.stub

# The same hits, in the same order, with the same scores and snippets. The
# totals printed without --count are Xapian's estimates, which a remote
# match makes differently, so they are left out of the comparison.
without_estimates() {
  python3 -c 'import json,sys; d=json.load(sys.stdin); [d.pop(k, None) for k in ("total","total_lower","total_upper","total_exact")]; print(json.dumps(d, sort_keys=True))'
}
same_hits() {  # same_hits QUERY SHARD-ARGS...
  local q=$1 keep=without_estimates
  shift
  run_cb 0 -C proj search --json --limit 500 "$q"
  local expected
  expected="$(printf '%s' "$OUT" | $keep)"
  run_cb 0 -C proj search --json --limit 500 "$@" "$q"
  equals "$(printf '%s' "$OUT" | $keep)" "$expected" "hits of $q through $*"
  run_cb 0 -C proj search --count "$q"
  expected="$OUT"
  [ "$expected" -gt 0 ] || fail "$q finds nothing, so it proves nothing"
  run_cb 0 -C proj search --count "$@" "$q"
  equals "$OUT" "$expected" "count of $q through $*"
}
for q in 'council' '"shared service"' 'queu* NEAR/5 staff' 'partnership code:exante' \
         'council -code:exante' 'outcome:dissolved budget' 'saving*' 'saving* council' \
         'council date:2010..2015 -type:interview' 'veto OR defer*' 'case:C speaker:Int-8'; do
  same_hits "$q" "${REMOTE[@]}"
  same_hits "$q" --shards shards/shards.stub
  same_hits "$q" --shards remote.stub
done
# A later page of hits, too.
run_cb 0 -C proj search --json --limit 5 --offset 3 council
page="$(printf '%s' "$OUT" | without_estimates)"
run_cb 0 -C proj search --json --limit 5 --offset 3 --shards remote.stub council
equals "$(printf '%s' "$OUT" | without_estimates)" "$page" "the second page through the shards"
run_cb 0 -C proj search --count --shards remote.stub 'council'
[ "$OUT" -gt 0 ] || fail "no remote hits for council"

# Auto-coding and code --query read the shards and suggest/code the same.
run_cb 0 -C proj autocode --dry-run --json
auto_local="$OUT"
run_cb 0 -C proj autocode --dry-run --json --shards remote.stub
equals "$OUT" "$auto_local" "autocode suggestions through the shards"
run_cb 0 -C proj code expost --query 'queu*' --dry-run
code_local="$OUT"
run_cb 0 -C proj code expost --query 'queu*' --dry-run "${REMOTE[@]}"
equals "$OUT" "$code_local" "code --query through the shards"
run_cb 2 -C proj code Int-7 --passage 1 expost --shards remote.stub
contains "$ERR" "--query"

# A shard whose server goes away after the shard was opened and checked, when
# the query is sent: an error that says so, not a crash and not fewer hits.
# start_dropper: a relay in front of shard 2's server that drops the first
# query (tests/e2e/shard_dropper.py); sets DYING to shard arguments using it.
start_dropper() {
  rm -f dropper.port
  python3 "$CASEBOOK_SOURCE_DIR/tests/e2e/shard_dropper.py" "${ports[1]}" >dropper.port 2>dropper.err &
  SERVER_PIDS+=("$!")
  for _ in $(seq 1 100); do [ -s dropper.port ] && break; sleep 0.1; done
  [ -s dropper.port ] || fail "shard_dropper.py did not start: $(cat dropper.err)"
  DYING=(--shard "127.0.0.1:${ports[0]}" --shard "127.0.0.1:$(cat dropper.port)" --shard "127.0.0.1:${ports[2]}")
}
start_dropper
run_cb 1 -C proj search --count "${DYING[@]}" council
contains "$ERR" "a shard stopped answering during the search"
contains "$ERR" "xapian-tcpsrv"
# --allow-partial covers shards that are down when the search starts; one lost
# mid-search would leave counts that look whole, so it is still an error.
start_dropper
run_cb 1 -C proj search --json "${DYING[@]}" --allow-partial council
contains "$ERR" "stopped answering"
[ -z "$OUT" ] || fail "a search that lost a shard printed results: $OUT"

# A shard that is down: an error naming it, and nothing searched...
kill "${pids[2]}"
wait "${pids[2]}" 2>/dev/null || true
run_cb 1 -C proj search --count --shards remote.stub council
contains "$ERR" "127.0.0.1:${ports[1]} is unavailable"
contains "$ERR" "--allow-partial"
# ... or, when asked, the others' results, marked partial.
run_cb 0 -C proj search --count --shards remote.stub --allow-partial council
contains "$ERR" "results are partial"
partial="$OUT"
run_cb 0 -C proj search --count council
[ "$partial" -lt "$OUT" ] || fail "partial count $partial is not below the full $OUT"
[ "$partial" -gt 0 ] || fail "the shards that answered found nothing"

# Shards missing from the list, listed twice, or from another split.
run_cb 1 -C proj search --count --shard "127.0.0.1:${ports[0]}" --shard shards/shard-3 council
contains "$ERR" "shard(s) 2 of 3 not listed"
run_cb 1 -C proj search --count --shard shards/shard-1 --shard shards/shard-1 --shard shards/shard-2 --shard shards/shard-3 council
contains "$ERR" "are the same shard (1 of 3)"
run_cb 0 -C proj shard 2 --out other
run_cb 1 -C proj search --count --shard shards/shard-1 --shard shards/shard-2 --shard other/shard-2 council
contains "$ERR" "come from different splits"
run_cb 1 -C proj search --count --shard shards/shard-1 council --shards shards/shards.stub
run_cb 1 -C proj search --count --shard "proj/.casebook/$(cat proj/.casebook/index.current)" council
contains "$ERR" "not a casebook shard"
run_cb 2 -C proj search --count --shard 127.0.0.1:notaport council
contains "$ERR" "127.0.0.1:notaport"
printf 'remote 127.0.0.1:%s\nrsync somewhere\n' "${ports[0]}" >bad.stub
run_cb 1 -C proj search --count --shards bad.stub council
contains "$ERR" "bad.stub line 2"
run_cb 1 -C proj search --count --shards no-such.stub council
contains "$ERR" "no-such.stub"

# Shards of another project are refused, even when complete and valid.
sample_project twin
run_cb 1 -C twin search --count --shards shards/shards.stub council
contains "$ERR" "not made from this project"

# Shards made before a change to the project still answer, with a note.
printf 'The council and the partnership board met again.\n' >late.txt
run_cb 0 -C proj import late.txt
run_cb 0 -C proj search --count --shards shards/shards.stub council
contains "$ERR" "may be out of date"

# A failed split leaves nothing behind; the output directory must be new.
run_cb 1 -C proj shard 2 --out shards
run_cb 2 -C proj shard 0 --out zero
[ ! -e zero ] || fail "shard 0 made a directory"
ls -a | grep -q '\.partial' && fail "a .partial directory was left behind"
echo "PASS"
