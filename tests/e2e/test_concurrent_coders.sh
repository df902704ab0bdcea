#!/usr/bin/env bash
# Several coders' processes writing to one project at once: four coders
# coding, one importing, one running auto-coding and one searching, all in
# parallel for a bounded number of commands. Every command either succeeds or
# fails with a clear "project busy" message (and changes nothing); every
# coding a command reported is in the store afterwards; the store and index
# pass the deep check. Run twice: with the default wait for the write lock,
# and with CASEBOOK_LOCK_WAIT=0, where writers give up at once and "project
# busy" is common.
source "$(dirname "$0")/lib.sh"

ROUNDS=25

sample_project proj
run_cb 0 -C proj codebook load "$CODEBOOK"

# round TAG CODE: the seven processes at once, logging to TAG/; coders code
# passages 1..ROUNDS of their source with CODE, memo "NAME N".
round() {
  local tag=$1 code=$2 pids=()
  mkdir "$tag" "$tag/extra"
  for i in $(seq 1 30); do
    printf 'Extra note %s %d on the shared service.\n\nThe queue grew again in week %d.\n' "$tag" "$i" "$i" \
      >"$tag/extra/note-$i.txt"
  done
  coder() {  # coder NAME SOURCE: codes passages of SOURCE one command at a time
    local name=$1 source=$2 n status
    for n in $(seq 1 "$ROUNDS"); do
      status=0
      "$CASEBOOK" -C proj --coder "$name" code "$source" --passage "$n" "$code" --memo "$name $n" \
        >>"$tag/$name.out" 2>>"$tag/$name.err" || status=$?
      echo "$status" >>"$tag/$name.status"
    done
  }
  coder ana Int-7 & pids=($!)
  coder ben Int-8 & pids+=($!)
  coder cat Int-13 & pids+=($!)
  coder dan FG-1 & pids+=($!)
  # (set -e holds in subshells too: keep the status rather than exit on it)
  ( s=0; "$CASEBOOK" -C proj import "$tag/extra" >"$tag/import.out" 2>"$tag/import.err" || s=$?; echo $s >"$tag/import.status" ) & pids+=($!)
  ( s=0; "$CASEBOOK" -C proj --coder eve autocode >"$tag/autocode.out" 2>"$tag/autocode.err" || s=$?; echo $s >"$tag/autocode.status" ) & pids+=($!)
  ( for n in $(seq 1 "$ROUNDS"); do "$CASEBOOK" -C proj search --count 'queu*' >>"$tag/search.out" 2>>"$tag/search.err" || echo fail >>"$tag/search.status"; done ) & pids+=($!)
  for pid in "${pids[@]}"; do wait "$pid"; done

  # Every failure is "project busy", and failed commands wrote nothing.
  busy=0
  for f in "$tag"/*.err; do
    if [ -s "$f" ]; then
      grep -v '^casebook: error: project busy\|^  hint:' "$f" >&2 && fail "an error other than project busy in $f"
      busy=$((busy + $(grep -c 'project busy' "$f")))
    fi
  done
  [ ! -s "$tag/search.status" ] || fail "a search failed"
  local name ok
  for name in ana ben cat dan; do
    ok="$(grep -c '^0$' "$tag/$name.status" || true)"
    # Each reported coding is there, with its memo; no other is.
    run_cb 0 -C proj codings --coder "$name" --code "$code" --json
    equals "$(json_get "$OUT" 'len(d)')" "$ok" "$name's $code codings (commands that succeeded, $tag)"
    equals "$(json_get "$OUT" 'sorted(int(m.split()[1]) for c in d for m in c["memos"])')" \
      "$(grep -n '^0$' "$tag/$name.status" | cut -d: -f1 | paste -sd, | sed 's/^/[/; s/$/]/; s/,/, /g')" \
      "$name's memos ($tag)"
  done
  [ "$(cat "$tag/import.status")" = 0 ] || grep -q 'project busy' "$tag/import.err" || fail "import failed ($tag)"
  [ "$(cat "$tag/autocode.status")" = 0 ] || grep -q 'project busy' "$tag/autocode.err" || fail "autocode failed ($tag)"
  run_cb 0 -C proj check --deep
}

round waiting expost.queuing
echo "concurrent writers, default lock wait: 7 processes, $busy project-busy refusals, 0 codings lost"
CASEBOOK_LOCK_WAIT=0 round no-wait expost.veto
echo "concurrent writers, CASEBOOK_LOCK_WAIT=0: 7 processes, $busy project-busy refusals, 0 codings lost"
echo "PASS"
