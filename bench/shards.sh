#!/usr/bin/env bash
# Sharded search (issue 10): the same queries through a project's own index,
# through N local shards and through N xapian-tcpsrv servers on the loopback
# interface, each a whole `casebook search` process, interleaved run by run so
# the three see the same machine. Also times `casebook shard` itself. Prints
# the "## Sharded search (issue 10)" section of docs/benchmarks.md.
#
#   bash bench/shards.sh [PROJECT] > section.md
#   bash bench/shards.sh --update-doc [PROJECT]   # replaces that section in docs/benchmarks.md
#
# PROJECT defaults to the 1M-passage casebook project bench/peers.sh leaves in
# bench/out/peers/work-1000000/index-casebook (run `bash bench/run.sh --peers`
# first), else the 100k one.
#
# Settings (environment):
#   CASEBOOK       the binary to measure (default build/casebook)
#   SHARDS_N       shards to split into (default 2)
#   SHARDS_RUNS    runs of each query in each mode (default 15)
#   SHARDS_OUT     scratch directory for the shards (default bench/out/shards)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
UPDATE_DOC=0
if [[ ${1:-} == --update-doc ]]; then UPDATE_DOC=1; shift; fi
if [[ ${1:-} == -h || ${1:-} == --help ]]; then sed -n '2,20p' "$0"; exit 0; fi

CASEBOOK=${CASEBOOK:-$ROOT/build/casebook}
N=${SHARDS_N:-2}
RUNS=${SHARDS_RUNS:-15}
OUT=${SHARDS_OUT:-$ROOT/bench/out/shards}
PROJECT=${1:-}
if [[ -z $PROJECT ]]; then
  for size in 1000000 100000; do
    candidate=${PEERS_OUT:-$ROOT/bench/out/peers}/work-$size/index-casebook
    if [[ -d $candidate/.casebook ]]; then PROJECT=$candidate; break; fi
  done
fi
[[ -n $PROJECT && -d $PROJECT/.casebook ]] || {
  echo "shards.sh: no casebook project to measure; give one, or run 'bash bench/run.sh --peers' first" >&2
  exit 2
}
[[ -x $CASEBOOK ]] || { echo "shards.sh: $CASEBOOK is not built (bash scripts/build.sh)" >&2; exit 2; }
command -v xapian-tcpsrv >/dev/null || { echo "shards.sh: xapian-tcpsrv missing (apt-get install xapian-tools)" >&2; exit 2; }

log() { echo "shards.sh: $*" >&2; }
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

rm -rf "$OUT"
mkdir -p "$OUT"
START=$(date -u +%Y-%m-%dT%H:%M:%SZ)
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
PASSAGES=$(sqlite3 "$PROJECT/.casebook/store.sqlite" 'SELECT count(*) FROM passages')

log "splitting $PROJECT into $N shards"
/usr/bin/time -f "%e %M" -o "$OUT/split.time" "$CASEBOOK" -C "$PROJECT" shard "$N" --out "$OUT/set" >"$OUT/split.log"
read -r SPLIT_S SPLIT_KB <"$OUT/split.time"
INDEX_MB=$(du -sm "$PROJECT/.casebook/$(cat "$PROJECT/.casebook/index.current")" | cut -f1)
SHARDS_MB=$(du -smc "$OUT"/set/shard-* | tail -1 | cut -f1)

log "starting $N xapian-tcpsrv on the loopback interface"
: >"$OUT/remote.stub"
for i in $(seq 1 "$N"); do
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  # Its own session: xapian-tcpsrv signals its whole process group when it stops.
  setsid xapian-tcpsrv --quiet --interface 127.0.0.1 --port "$port" "$OUT/set/shard-$i" >"$OUT/tcpsrv-$i.log" 2>&1 &
  PIDS+=($!)
  echo "remote 127.0.0.1:$port" >>"$OUT/remote.stub"
  for _ in $(seq 1 100); do
    python3 -c 'import socket,sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1)' "$port" 2>/dev/null && break
    sleep 0.1
  done
done

log "timing searches: $RUNS runs per query, form and mode"
python3 - "$CASEBOOK" "$PROJECT" "$OUT/set/shards.stub" "$OUT/remote.stub" "$RUNS" >"$OUT/latency.tsv" <<'EOF'
import statistics, subprocess, sys, time
casebook, project, local_stub, remote_stub, runs = sys.argv[1:6]
queries = [
    ("word", "council"), ("word", "veto"),
    ("phrase", '"shared service"'), ("phrase", '"council tax"'),
    ("near", "staff NEAR/5 queue"), ("near", "budget NEAR/5 approval"),
    ("wildcard", "standard*"), ("wildcard", "partner*"),
    ("filtered", "budget case:B type:minutes"), ("filtered", "veto case:A"),
]
modes = [("index", []), ("local shards", ["--shards", local_stub]), ("remote shards", ["--shards", remote_stub])]
forms = [("top 20", []), ("--count", ["--count"])]
times = {}
outputs = {}
for run in range(int(runs)):
    for kind, q in queries:
        for form, fargs in forms:
            for mode, margs in modes:
                cmd = [casebook, "-C", project, "search", *fargs, *margs, q]
                t0 = time.perf_counter()
                p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                elapsed = (time.perf_counter() - t0) * 1000
                if p.returncode != 0:
                    sys.exit("shards.sh: %s failed: %s" % (" ".join(cmd), p.stderr.decode()))
                times.setdefault((kind, form, mode), []).append(elapsed)
                if form == "--count":
                    outputs.setdefault((q, mode), p.stdout.strip())
for kind, q in queries:
    counts = {outputs[(q, m)] for m, _ in modes}
    if len(counts) != 1:
        sys.exit("shards.sh: %s counts differ between modes: %s" % (q, counts))
print("kind\tform\tmode\tp50_ms\tp90_ms\tn")
for (kind, form, mode), ts in times.items():
    ts.sort()
    print("%s\t%s\t%s\t%.1f\t%.1f\t%d" % (kind, form, mode, statistics.median(ts), ts[int(0.9 * (len(ts) - 1))], len(ts)))
EOF
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
END=$(date -u +%Y-%m-%dT%H:%M:%SZ)

section() {
  echo "## Sharded search (issue 10)"
  echo
  echo "\`bash bench/shards.sh --update-doc $PROJECT\` (SHARDS_N=$N, SHARDS_RUNS=$RUNS), run $START to $END; load average (1, 5, 15 min) $LOAD_START at the start, $LOAD_END at the end. $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'). casebook $("$CASEBOOK" --version | cut -d' ' -f2), xapian-tcpsrv $(xapian-tcpsrv --version | awk '{print $NF}')."
  echo
  echo "The project holds $PASSAGES passages; its index takes $INDEX_MB MiB. \`casebook shard $N\` split it in $SPLIT_S s with $((SPLIT_KB / 1024)) MiB peak resident memory, into $SHARDS_MB MiB of shards. Each search below is a whole \`casebook search\` process (start-up, store, index, output) against the project's own index, against the $N shards opened as local directories (\`--shards shards.stub\`), and against the same $N shards served by $N \`xapian-tcpsrv\` processes on 127.0.0.1 (\`--shards remote.stub\`); every mode found the same number of passages for every query. Milliseconds, median (p50) and 90th percentile of $RUNS runs, two queries per kind pooled; \"top 20\" prints the first page with snippets, \"--count\" counts every match exactly."
  echo
  echo "| Kind | Form | Index p50 / p90 | Local shards p50 / p90 | Remote shards p50 / p90 | Remote / index (p50) |"
  echo "|---|---|---:|---:|---:|---:|"
  python3 - "$OUT/latency.tsv" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
get = {(r["kind"], r["form"], r["mode"]): r for r in rows}
for kind in ["word", "phrase", "near", "wildcard", "filtered"]:
    for form in ["top 20", "--count"]:
        cells = [get[(kind, form, m)] for m in ["index", "local shards", "remote shards"]]
        ratio = float(cells[2]["p50_ms"]) / float(cells[0]["p50_ms"])
        print("| %s | %s | %s | %s | %s | %.2f |" % (kind, form, *("%s / %s" % (c["p50_ms"], c["p90_ms"]) for c in cells), ratio))
EOF
  echo
  echo "Here the servers share this machine's CPUs and disk cache with the client, so the table shows what the remote protocol costs (or, where the servers' matching overlaps on separate cores, saves) on loopback. The reason to shard is different and not measured here: shards on other machines each bring their own memory and CPUs, so an index larger than one machine's memory is still searched from memory."
  echo
}

if [[ $UPDATE_DOC == 1 ]]; then
  section >"$OUT/section.md"
  python3 - "$ROOT/docs/benchmarks.md" "$OUT/section.md" <<'EOF'
import re, sys
doc_path, section_path = sys.argv[1:3]
doc = open(doc_path).read()
section = open(section_path).read()
heading = "## Sharded search (issue 10)"
if heading in doc:
    start = doc.index(heading)
    nxt = doc.find("\n## ", start + len(heading))
    doc = doc[:start] + section + (doc[nxt + 1:] if nxt >= 0 else "")
else:
    anchor = doc.index("## What limits speed")
    doc = doc[:anchor] + section + doc[anchor:]
open(doc_path, "w").write(doc)
EOF
  log "updated docs/benchmarks.md"
else
  section
fi
