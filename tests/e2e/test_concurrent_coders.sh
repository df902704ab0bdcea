#!/usr/bin/env bash
# Several coders' processes writing to one project at once: four coders
# coding, one importing, one running auto-coding and one searching, all in
# parallel for a bounded number of commands. Every command either succeeds or
# fails with a clear "project busy" message (and changes nothing); every
# coding a command reported is in the store afterwards; the store and index
# pass the deep check.
source "$(dirname "$0")/lib.sh"

ROUNDS=25

sample_project proj
run_cb 0 -C proj codebook load "$CODEBOOK"
mkdir extra logs
for i in $(seq 1 60); do
  printf 'Extra note %d on the shared service.\n\nThe queue grew again in week %d.\n' "$i" "$i" >"extra/note-$i.txt"
done

coder() {  # coder NAME SOURCE: codes passages of SOURCE one command at a time
  local name=$1 source=$2 n status
  for n in $(seq 1 "$ROUNDS"); do
    status=0
    "$CASEBOOK" -C proj --coder "$name" code "$source" --passage "$n" expost.queuing --memo "$name $n" \
      >>"logs/$name.out" 2>>"logs/$name.err" || status=$?
    echo "$status" >>"logs/$name.status"
  done
}
coder ana Int-7 & pids=($!)
coder ben Int-8 & pids+=($!)
coder cat Int-13 & pids+=($!)
coder dan FG-1 & pids+=($!)
( "$CASEBOOK" -C proj import extra >logs/import.out 2>logs/import.err; echo $? >logs/import.status ) & pids+=($!)
( "$CASEBOOK" -C proj --coder eve autocode >logs/autocode.out 2>logs/autocode.err; echo $? >logs/autocode.status ) & pids+=($!)
( for n in $(seq 1 "$ROUNDS"); do "$CASEBOOK" -C proj search --count 'queu*' >>logs/search.out 2>>logs/search.err || echo fail >>logs/search.status; done ) & pids+=($!)
for pid in "${pids[@]}"; do wait "$pid"; done

# Every failure is "project busy", and failed commands wrote nothing.
busy=0
for f in logs/*.err; do
  if [ -s "$f" ]; then
    grep -v '^casebook: error: project busy\|^  hint:' "$f" >&2 && fail "an error other than project busy in $f"
    busy=$((busy + $(grep -c 'project busy' "$f")))
  fi
done
[ ! -s logs/search.status ] || fail "a search failed"
for name in ana ben cat dan; do
  ok="$(grep -c '^0$' "logs/$name.status" || true)"
  run_cb 0 -C proj codings --coder "$name" --json
  equals "$(json_get "$OUT" 'len(d)')" "$ok" "$name's codings (commands that succeeded)"
  # Each reported coding is there, with its memo.
  run_cb 0 -C proj codings --coder "$name" --json
  equals "$(json_get "$OUT" 'sorted(int(m.split()[1]) for c in d for m in c["memos"])')" \
    "$(grep -n '^0$' "logs/$name.status" | cut -d: -f1 | paste -sd, | sed 's/^/[/; s/$/]/; s/,/, /g')" \
    "$name's memos"
done
[ "$(cat logs/import.status)" = 0 ] || grep -q 'project busy' logs/import.err || fail "import failed"
[ "$(cat logs/autocode.status)" = 0 ] || grep -q 'project busy' logs/autocode.err || fail "autocode failed"
run_cb 0 -C proj check --deep
echo "concurrent writers: 7 processes, $busy project-busy refusals, 0 codings lost"
echo "PASS"
