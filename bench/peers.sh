#!/usr/bin/env bash
# casebook against the tools a user would otherwise pick (issue 10), in one run:
#
#   1. import + index the same generated .txt corpus with
#        casebook   `casebook init` + `casebook import --manifest` (one process; the manifest
#                   only gives each file its case and type, for the filtered queries)
#        fts5       SQLite FTS5 (python3's sqlite3): one row per paragraph, tokenize='porter'
#                   (detail=full, i.e. positions), all rows in one transaction, on disk
#        recoll     `recollindex -z -c CONFDIR` (a config dir of its own, topdirs = corpus)
#        omindex    `omindex --db DB --url / CORPUS` (xapian-omega)
#      each under /usr/bin/time -v: MB/s (wall) and peak RSS; median over REPEATS runs,
#      tools interleaved run by run;
#   2. search the indexes of the last run: casebook (bench_search in-process, modes
#      `search` = top 20 + estimated total and `search_exact` = top 20 + exact total; and
#      the CLI `casebook search --count` as a process), FTS5 in-process (top 20 by bm25
#      with text, and that plus count(*)) and `rg` as a process over the same files; five
#      query kinds (word, phrase, NEAR, prefix wildcard, filtered), five queries each, kinds
#      and tools interleaved; p50/p99 over SEARCH_RUNS runs per kind and tool. rg patterns
#      are ASCII regexes ((?-u): \b, \w, \s), case-insensitive, -U where a match may span a
#      hard-wrapped line; rg counts matching lines, not passages, and does not stem.
#
# Writes TSV to $OUT/results/ (machine.tsv, import_runs.tsv, import.tsv, search.tsv,
# search_queries.tsv), docs/benchmarks-peers.svg (unless PEERS_SVG=""), and prints a
# Markdown section on stdout (also $OUT/results/peers.md). Progress goes to stderr.
#
# Environment:
#   PEERS_REPEATS        import runs per tool for the median        (default 3)
#   PEERS_PASSAGES       passages in the corpus (gen_corpus --passages, 1-3 sentences
#                        each, 13 dirs)                             (default 100000, ~26 MB)
#   PEERS_MB             instead of passages: MiB of text (2-6 sentence paragraphs)
#   PEERS_SEARCH_RUNS    timed runs per query kind and tool         (default 100)
#   PEERS_TOOLS          import tools                (default "casebook fts5 recoll omindex")
#   PEERS_BUILD          build directory with casebook and bench/   (default build)
#   PEERS_OUT            work directory                             (default bench/out/peers)
#   PEERS_SVG            plot to write                              (default docs/benchmarks-peers.svg)
#   PEERS_SEED           generator seed                             (default 42)
#   PEERS_KEEP=1         keep the corpus between runs (it is regenerated when missing)
#
# Needs: recollcmd, xapian-omega, ripgrep, time (GNU /usr/bin/time), python3 with sqlite3
# built with FTS5 (Debian's python3 is). No timing is asserted anywhere.

set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
case "${1:-}" in -h|--help) awk 'NR == 1 {next} /^#/ {sub(/^# ?/, ""); print; next} {exit}' "${BASH_SOURCE[0]}"; exit 0 ;; esac

export PEERS_ROOT=$ROOT
export PEERS_REPEATS=${PEERS_REPEATS:-3}
export PEERS_PASSAGES=${PEERS_PASSAGES:-100000}
export PEERS_MB=${PEERS_MB:-}
export PEERS_SEARCH_RUNS=${PEERS_SEARCH_RUNS:-100}
export PEERS_TOOLS=${PEERS_TOOLS:-casebook fts5 recoll omindex}
BUILD=${PEERS_BUILD:-$ROOT/build}
[[ $BUILD == /* ]] || BUILD=$ROOT/$BUILD
export PEERS_CASEBOOK=$BUILD/casebook PEERS_BENCH_SEARCH=$BUILD/bench/bench_search \
  PEERS_BENCH_CHECK=$BUILD/bench/bench_check
OUT=${PEERS_OUT:-$ROOT/bench/out/peers}
[[ $OUT == /* ]] || OUT=$ROOT/$OUT
export PEERS_OUT=$OUT
export PEERS_SVG=${PEERS_SVG-$ROOT/docs/benchmarks-peers.svg}
SEED=${PEERS_SEED:-42}
PY=${PEERS_PYTHON:-/usr/bin/python3}
[[ -x $PY ]] || PY=python3

missing=()
for t in "$PEERS_CASEBOOK" "$PEERS_BENCH_SEARCH" "$PEERS_BENCH_CHECK" "$BUILD/bench/gen_corpus"; do
  [[ -x $t ]] || missing+=("$t (build it)")
done
for t in recollindex omindex rg /usr/bin/time; do
  command -v "$t" >/dev/null || missing+=("$t")
done
"$PY" -c 'import sqlite3; sqlite3.connect(":memory:").execute("create virtual table t using fts5(x)")' \
  2>/dev/null || missing+=("python3 sqlite3 with FTS5")
if ((${#missing[@]})); then
  echo "peers.sh: missing: ${missing[*]}" >&2
  echo "  Debian: apt-get install recollcmd xapian-omega ripgrep time python3" >&2
  exit 2
fi

mkdir -p "$OUT/bin"
# Run copies of the binaries: a rebuild of $BUILD during the run (other work on this machine)
# must not swap or remove them mid-benchmark. Waits until the casebook binary is executable and
# has not changed for 5 s.
for ((i = 0; i < 120; i++)); do
  m1=$(stat -c %Y "$PEERS_CASEBOOK" 2>/dev/null || echo x); sleep 5
  m2=$(stat -c %Y "$PEERS_CASEBOOK" 2>/dev/null || echo y)
  [[ $m1 == "$m2" && -x $PEERS_CASEBOOK ]] && break
  echo "peers: $PEERS_CASEBOOK is being rebuilt; waiting" >&2
done
cp "$PEERS_CASEBOOK" "$PEERS_BENCH_SEARCH" "$PEERS_BENCH_CHECK" "$OUT/bin/"
export PEERS_CASEBOOK_BUILT="$(stat -c %y "$PEERS_CASEBOOK" | cut -d. -f1) UTC"
export PEERS_CASEBOOK=$OUT/bin/casebook PEERS_BENCH_SEARCH=$OUT/bin/bench_search \
  PEERS_BENCH_CHECK=$OUT/bin/bench_check
corpus=$OUT/corpus
if [[ -n $PEERS_MB ]]; then gen_args=("$PEERS_MB" "$SEED" --dirs 13); stamp="mb=$PEERS_MB seed=$SEED"
else gen_args=(0 "$SEED" --passages "$PEERS_PASSAGES" --para 1-3 --dirs 13); stamp="passages=$PEERS_PASSAGES seed=$SEED"; fi
if [[ ${PEERS_KEEP:-0} == 1 && -f $OUT/corpus.summary && $(cat "$OUT/corpus.stamp" 2>/dev/null) == "$stamp" ]]; then
  echo "peers: reusing $corpus ($stamp)" >&2
else
  rm -rf -- "$corpus"
  echo "peers: generating the corpus ($stamp)" >&2
  "$BUILD/bench/gen_corpus" "$corpus" "${gen_args[@]}" >"$OUT/corpus.summary"
  echo "$stamp" >"$OUT/corpus.stamp"
fi
export PEERS_CORPUS=$corpus

exec "$PY" - <<'PYEOF'
import csv, json, os, re, resource, shutil, sqlite3, statistics, subprocess, sys, time
from datetime import datetime, timezone

E = os.environ
ROOT, OUT, CORPUS = E["PEERS_ROOT"], E["PEERS_OUT"], E["PEERS_CORPUS"]
CASEBOOK, BENCH_SEARCH, BENCH_CHECK = E["PEERS_CASEBOOK"], E["PEERS_BENCH_SEARCH"], E["PEERS_BENCH_CHECK"]
REPEATS, RUNS = int(E["PEERS_REPEATS"]), int(E["PEERS_SEARCH_RUNS"])
TOOLS = E["PEERS_TOOLS"].split()
RES = os.path.join(OUT, "results"); os.makedirs(RES, exist_ok=True)
WORK = os.path.join(OUT, "work"); os.makedirs(WORK, exist_ok=True)
STARTED = time.time()

def log(*a): print("peers:", *a, file=sys.stderr, flush=True)
def sh(cmd):
    try: return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=60).stdout.strip()
    except Exception: return ""

summary = dict(l.split("=", 1) for l in open(OUT + "/corpus.summary").read().split())
BYTES, PASSAGES = int(summary["bytes"]), int(summary["paragraphs"])
MB = BYTES / 1048576
layout = [r for r in csv.DictReader(open(CORPUS + "/layout.tsv"), delimiter="\t") if int(r["files"]) > 0]
outcome = {r["id"]: r["outcome"] for r in csv.DictReader(open(CORPUS + "/cases.csv"))}
files = []  # (path, dir, case, type)
for r in layout:
    d = os.path.join(CORPUS, r["dir"])
    for f in sorted(os.listdir(d)):
        if f.endswith(".txt"): files.append((os.path.join(d, f), r["dir"], r["case"], r["type"]))

# ---- machine --------------------------------------------------------------------------
def lscpu(key):
    for l in sh("lscpu").splitlines():
        if l.startswith(key + ":"): return l.split(":", 1)[1].strip()
    return ""
machine = {
    "date_utc": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "cpu": lscpu("Model name"), "cpus_online": str(os.cpu_count()),
    "hypervisor": lscpu("Hypervisor vendor"),
    "ram_gib": "%.1f" % (os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30),
    "kernel": sh("uname -srm"), "os": sh(". /etc/os-release && echo $PRETTY_NAME"),
    "load_start": open("/proc/loadavg").read().split()[:3],
    "casebook": sh(CASEBOOK + " --version") + " (binary built " + E.get("PEERS_CASEBOOK_BUILT", "?") + ")",
    "recollindex": sh("dpkg-query -W -f '${Version}' recollcmd"),
    "omindex": sh("dpkg-query -W -f '${Version}' xapian-omega"),
    "rg": sh("rg --version | head -1"), "sqlite": sqlite3.sqlite_version,
    "corpus": "%d files, %.1f MiB, %d passages, %s words" % (len(files), MB, PASSAGES, summary.get("words", "?")),
}
machine["load_start"] = " ".join(machine["load_start"])

# ---- import -----------------------------------------------------------------------------
def timed(cmd, logname, env=None):
    """Runs cmd under GNU time -v; returns (wall s, cpu s, max rss KB)."""
    tf = os.path.join(WORK, "time.txt")
    with open(os.path.join(WORK, logname), "w") as lf:
        t0 = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-v", "-o", tf] + cmd, stdout=lf, stderr=subprocess.STDOUT, env=env)
        wall = time.perf_counter() - t0
    txt = open(tf).read()
    if p.returncode != 0:
        raise SystemExit("peers: %s failed (%d); see %s/%s" % (cmd[0], p.returncode, WORK, logname))
    u = float(re.search(r"User time \(seconds\): ([\d.]+)", txt).group(1))
    s = float(re.search(r"System time \(seconds\): ([\d.]+)", txt).group(1))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", txt).group(1))
    return wall, u + s, rss

FTS_LOADER = r'''
import os, re, sqlite3, sys
db, listing = sys.argv[1], sys.argv[2]
con = sqlite3.connect(db)
con.execute("CREATE VIRTUAL TABLE p USING fts5(text, case_id UNINDEXED, type UNINDEXED, source UNINDEXED, tokenize='porter')")
split = re.compile(r"\n[ \t]*\n+")
n = 0
with con:  # one transaction
    for line in open(listing):
        path, case, typ = line.rstrip("\n").split("\t")
        text = open(path, encoding="utf-8").read()
        rows = [(t, case, typ, path) for t in (x.strip() for x in split.split(text)) if t]
        con.executemany("INSERT INTO p(text, case_id, type, source) VALUES (?, ?, ?, ?)", rows)
        n += len(rows)
con.close()
print("rows", n)
'''
open(os.path.join(WORK, "fts_load.py"), "w").write(FTS_LOADER)
with open(os.path.join(WORK, "files.tsv"), "w") as f:
    for path, d, case, typ in files: f.write("%s\t%s\t%s\n" % (path, case, typ))
with open(os.path.join(WORK, "manifest.csv"), "w", newline="") as f:
    w = csv.writer(f); w.writerow(["path", "type", "cases"])
    for path, d, case, typ in files: w.writerow([path, typ, case])

def idx(tool): return os.path.join(WORK, "index-" + tool)

def import_casebook():
    p = idx("casebook"); shutil.rmtree(p, ignore_errors=True)
    w1, c1, r1 = timed([CASEBOOK, "init", p], "casebook-init.log")
    subprocess.run([CASEBOOK, "-C", p, "cases", "import", CORPUS + "/cases.csv"], check=True, capture_output=True)
    w2, c2, r2 = timed([CASEBOOK, "-C", p, "import", "--manifest", os.path.join(WORK, "manifest.csv")], "casebook-import.log")
    wall, cpu, rss, note = w1 + w2, c1 + c2, max(r1, r2), ""
    chk = dict(l.split("=", 1) for l in subprocess.run([BENCH_CHECK, p], capture_output=True, text=True).stdout.split())
    if int(chk.get("pending", 0)) > 0:  # work left queued: replay it and count it (as run.sh does)
        note = "%s queued, replayed" % chk["pending"]
        w3, c3, r3 = timed([CASEBOOK, "-C", p, "search", "--count", "catchup"], "casebook-catchup.log")
        wall, cpu, rss = wall + w3, cpu + c3, max(rss, r3)
        chk = dict(l.split("=", 1) for l in subprocess.run([BENCH_CHECK, p], capture_output=True, text=True).stdout.split())
    docs = int(chk.get("documents", -1))
    if docs != PASSAGES: note += " %d index documents for %d passages" % (docs, PASSAGES)
    return wall, cpu, rss, docs, note.strip()

def import_fts5():
    p = idx("fts5") + ".sqlite"
    for s in ("", "-journal", "-wal"):
        if os.path.exists(p + s): os.remove(p + s)
    wall, cpu, rss = timed([sys.executable, os.path.join(WORK, "fts_load.py"), p, os.path.join(WORK, "files.tsv")], "fts5.log")
    rows = sqlite3.connect(p).execute("SELECT count(*) FROM p").fetchone()[0]
    return wall, cpu, rss, rows, "" if rows == PASSAGES else "%d rows for %d passages" % (rows, PASSAGES)

def import_recoll():
    p = idx("recoll"); shutil.rmtree(p, ignore_errors=True); os.makedirs(p)
    with open(os.path.join(p, "recoll.conf"), "w") as f:
        f.write("topdirs = %s\nloglevel = 2\nlogfilename = %s/recoll.log\n" % (CORPUS, p))
    env = dict(os.environ, HOME=p, RECOLL_CONFDIR=p)
    wall, cpu, rss = timed(["recollindex", "-c", p, "-z"], "recoll.log", env=env)
    return wall, cpu, rss, -1, ""

def import_omindex():
    p = idx("omindex"); shutil.rmtree(p, ignore_errors=True)
    wall, cpu, rss = timed(["omindex", "--db", p, "--url", "/", CORPUS], "omindex.log")
    return wall, cpu, rss, -1, ""

IMPORTERS = {"casebook": import_casebook, "fts5": import_fts5, "recoll": import_recoll, "omindex": import_omindex}
runs = []
for r in range(1, REPEATS + 1):
    for tool in TOOLS:
        wall, cpu, rss, docs, note = IMPORTERS[tool]()
        runs.append({"tool": tool, "run": r, "wall_s": wall, "cpu_s": cpu, "max_rss_kb": rss, "docs": docs, "note": note})
        log("import %s run %d: %.1f s = %.2f MB/s, CPU %.1f s, peak RSS %.0f MB%s" %
            (tool, r, wall, MB / wall, cpu, rss / 1024, (", " + note) if note else ""))
with open(os.path.join(RES, "import_runs.tsv"), "w") as f:
    f.write("tool\trun\tbytes\twall_s\tcpu_s\tmax_rss_kb\tdocuments\tnote\n")
    for x in runs:
        f.write("%s\t%d\t%d\t%.3f\t%.2f\t%d\t%d\t%s\n" % (x["tool"], x["run"], BYTES, x["wall_s"], x["cpu_s"], x["max_rss_kb"], x["docs"], x["note"]))
imp = {}
for tool in TOOLS:
    xs = [x for x in runs if x["tool"] == tool]
    rates = [MB / x["wall_s"] for x in xs]
    imp[tool] = {"runs": len(xs), "wall_s": statistics.median(x["wall_s"] for x in xs),
                 "mbps": statistics.median(rates), "lo": min(rates), "hi": max(rates),
                 "mb_per_cpu_s": statistics.median(MB / x["cpu_s"] for x in xs),
                 "rss_mb": statistics.median(x["max_rss_kb"] for x in xs) / 1024,
                 "rss_max_mb": max(x["max_rss_kb"] for x in xs) / 1024,
                 "notes": "; ".join(sorted({x["note"] for x in xs if x["note"]}))}
with open(os.path.join(RES, "import.tsv"), "w") as f:
    f.write("tool\truns\tmb\twall_s_median\tmbps_median\tmbps_min\tmbps_max\tmb_per_cpu_s\trss_mb_median\trss_mb_max\tnotes\n")
    for t, v in imp.items():
        f.write("%s\t%d\t%.1f\t%.2f\t%.3f\t%.3f\t%.3f\t%.3f\t%.0f\t%.0f\t%s\n" % (t, v["runs"], MB, v["wall_s"], v["mbps"], v["lo"], v["hi"], v["mb_per_cpu_s"], v["rss_mb"], v["rss_max_mb"], v["notes"]))

# ---- search -------------------------------------------------------------------------------
def dirs_where(case=None, typ=None, out=None):
    return [r["dir"] for r in layout if (case is None or r["case"] == case) and (typ is None or r["type"] == typ)
            and (out is None or outcome.get(r["case"]) == out)]
d1, d3, d0, d2 = layout[1], layout[3], layout[0], layout[2]
W = r"\b%s\b"
def near_re(a, b, n):  # a and b with at most n-1 words between, either order (Xapian NEAR/n: window n+1)
    g = r"(?:\w+\W+){0,%d}" % (n - 1)
    return r"\b%s\W+%s%s\b|\b%s\W+%s%s\b" % (a, g, b, b, g, a)
# kind, casebook query, FTS5 MATCH, FTS5 filter (case, type, outcome), rg pattern, rg multiline, rg dirs
Q = [
    ("word", "council", "council", None, W % "council", False, None),
    ("word", "housing", "housing", None, W % "housing", False, None),
    ("word", "budget", "budget", None, W % "budget", False, None),
    ("word", "veto", "veto", None, W % "veto", False, None),
    ("word", "standardisation", "standardisation", None, W % "standardisation", False, None),
    ("phrase", '"shared service"', '"shared service"', None, r"\bshared\s+service\b", True, None),
    ("phrase", '"housing benefit"', '"housing benefit"', None, r"\bhousing\s+benefit\b", True, None),
    ("phrase", '"joint committee"', '"joint committee"', None, r"\bjoint\s+committee\b", True, None),
    ("phrase", '"council tax"', '"council tax"', None, r"\bcouncil\s+tax\b", True, None),
    ("phrase", '"budget approval"', '"budget approval"', None, r"\bbudget\s+approval\b", True, None),
    ("near", "staff NEAR/5 queue", "NEAR(staff queue, 4)", None, near_re("staff", "queue", 5), True, None),
    ("near", "budget NEAR/5 approval", "NEAR(budget approval, 4)", None, near_re("budget", "approval", 5), True, None),
    ("near", "council NEAR/5 veto", "NEAR(council veto, 4)", None, near_re("council", "veto", 5), True, None),
    ("near", "penalty NEAR/5 investment", "NEAR(penalty investment, 4)", None, near_re("penalty", "investment", 5), True, None),
    ("near", "housing NEAR/3 benefit", "NEAR(housing benefit, 2)", None, near_re("housing", "benefit", 3), True, None),
    ("wildcard", "standard*", "standard*", None, r"\bstandard\w*", False, None),
    ("wildcard", "invest*", "invest*", None, r"\binvest\w*", False, None),
    ("wildcard", "partner*", "partner*", None, r"\bpartner\w*", False, None),
    ("wildcard", "commit*", "commit*", None, r"\bcommit\w*", False, None),
    ("wildcard", "ho*", "ho*", None, r"\bho\w*", False, None),
    ("filtered", "budget case:%s type:%s" % (d1["case"], d1["type"]), "budget", (d1["case"], d1["type"], None), W % "budget", False, dirs_where(d1["case"], d1["type"])),
    ("filtered", "housing case:%s type:%s" % (d3["case"], d3["type"]), "housing", (d3["case"], d3["type"], None), W % "housing", False, dirs_where(d3["case"], d3["type"])),
    ("filtered", "veto case:%s" % d0["case"], "veto", (d0["case"], None, None), W % "veto", False, dirs_where(d0["case"])),
    ("filtered", "staff outcome:dissolved", "staff", (None, None, "dissolved"), W % "staff", False, dirs_where(out="dissolved")),
    ("filtered", '"shared service" type:%s' % d2["type"], '"shared service"', (None, d2["type"], None), r"\bshared\s+service\b", True, dirs_where(typ=d2["type"])),
]
KINDS = ["word", "phrase", "near", "wildcard", "filtered"]

def pct(v, p):
    v = sorted(v); import math
    return v[max(1, min(len(v), math.ceil(p * len(v)))) - 1]

samples = {}   # (tool, kind) -> [ms]
hits = {}      # (tool, query index) -> count
def add(tool, kind, ms): samples.setdefault((tool, kind), []).append(ms)

# casebook in-process (bench_search, its own timing loop)
if "casebook" in TOOLS:
    qf = os.path.join(WORK, "queries.tsv")
    with open(qf, "w") as f:
        for q in Q: f.write("%s\t%s\n" % (q[0], q[1]))
    log("search: bench_search (casebook in-process), %d runs per kind" % RUNS)
    outp = subprocess.run([BENCH_SEARCH, idx("casebook"), "--queries", qf, "--runs", str(RUNS), "--modes", "search,search_exact"],
                          capture_output=True, text=True, check=True).stdout
    open(os.path.join(RES, "bench_search.tsv"), "w").write(outp)
    bs = {}
    for l in outp.splitlines():
        if l.startswith("#") or l.startswith("mode\t"): continue
        c = l.split("\t")
        mode, kind, query = c[0], c[1], c[2]
        if query == "*": bs[(mode, kind)] = (float(c[4]), float(c[6]), int(c[3]))
        elif mode == "search_exact":
            for i, q in enumerate(Q):
                if q[0] == kind and q[1] == query: hits[("casebook", i)] = int(c[9])

# FTS5 in-process: top 20 by bm25 with the text (like casebook's hits), and that plus count(*)
fts_db = idx("fts5") + ".sqlite"
def fts_sql(q, count):
    where, args = "p MATCH ?", [q[2]]
    if q[3]:
        case, typ, out = q[3]
        if case: where += " AND case_id = ?"; args.append(case)
        if typ: where += " AND type = ?"; args.append(typ)
        if out:
            cs = [c for c, o in outcome.items() if o == out]
            where += " AND case_id IN (%s)" % ",".join("?" * len(cs)); args += cs
    if count: return "SELECT count(*) FROM p WHERE " + where, args
    return "SELECT rowid, text, source, bm25(p) FROM p WHERE %s ORDER BY rank LIMIT 20" % where, args

def rg_cmd(q):
    cmd = ["rg", "--count", "--no-filename", "-i", "-g", "*.txt"]
    if q[5]: cmd.append("-U")
    cmd += ["-e", "(?-u)" + q[4], "--"]  # ASCII \b \w \s: the corpus words are ASCII; Unicode classes make -U 10-30x slower
    cmd += [os.path.join(CORPUS, d) for d in q[6]] if q[6] else [CORPUS]
    return cmd

def proc_ms(cmd):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True)
    return (time.perf_counter() - t0) * 1000, p

con = sqlite3.connect(fts_db) if "fts5" in TOOLS else None
by_kind = {k: [i for i, q in enumerate(Q) if q[0] == k] for k in KINDS}
# hit counts and warm-up
for i, q in enumerate(Q):
    if con:
        hits[("fts5", i)] = con.execute(*fts_sql(q, True)).fetchone()[0]
        con.execute(*fts_sql(q, False)).fetchall()
    _, p = proc_ms(rg_cmd(q))
    hits[("rg", i)] = sum(int(x) for x in p.stdout.split())
    if "casebook" in TOOLS:
        _, p = proc_ms([CASEBOOK, "-C", idx("casebook"), "search", "--count", q[1]])
        hits[("casebook-cli", i)] = int(p.stdout.strip().split()[0]) if p.stdout.strip() else -1
log("search: FTS5, rg and the casebook CLI, %d runs per kind each, interleaved" % RUNS)
for r in range(RUNS):
    for k in KINDS:
        q = Q[by_kind[k][r % len(by_kind[k])]]
        if con:
            t0 = time.perf_counter(); con.execute(*fts_sql(q, False)).fetchall(); t1 = time.perf_counter()
            con.execute(*fts_sql(q, True)).fetchone(); t2 = time.perf_counter()
            add("fts5", k, (t1 - t0) * 1000); add("fts5+count", k, (t2 - t0) * 1000)
        add("rg", k, proc_ms(rg_cmd(q))[0])
        if "casebook" in TOOLS:
            add("casebook-cli", k, proc_ms([CASEBOOK, "-C", idx("casebook"), "search", "--count", q[1]])[0])
    if (r + 1) % 25 == 0: log("  search run %d/%d" % (r + 1, RUNS))

srch = {}  # (tool, kind) -> (p50, p99, n)
if "casebook" in TOOLS:
    for k in KINDS:
        srch[("casebook", k)] = bs[("search", k)]
        srch[("casebook-exact", k)] = bs[("search_exact", k)]
for (tool, k), v in samples.items(): srch[(tool, k)] = (pct(v, .5), pct(v, .99), len(v))
TOOL_ORDER = [t for t in ["casebook", "casebook-exact", "fts5", "fts5+count", "casebook-cli", "rg"] if any((t, k) in srch for k in KINDS)]
with open(os.path.join(RES, "search.tsv"), "w") as f:
    f.write("tool\tkind\tn\tp50_ms\tp99_ms\n")
    for t in TOOL_ORDER:
        for k in KINDS:
            if (t, k) in srch: f.write("%s\t%s\t%d\t%.3f\t%.3f\n" % (t, k, srch[(t, k)][2], srch[(t, k)][0], srch[(t, k)][1]))
with open(os.path.join(RES, "search_queries.tsv"), "w") as f:
    f.write("kind\tcasebook\tfts5\trg\thits_casebook\thits_casebook_cli\thits_fts5\tlines_rg\n")
    for i, q in enumerate(Q):
        f.write("%s\t%s\t%s\t%s%s%s\t%s\t%s\t%s\t%s\n" % (q[0], q[1], q[2], "-U " if q[5] else "", q[4],
                (" in " + ",".join(q[6])) if q[6] else "", hits.get(("casebook", i), ""), hits.get(("casebook-cli", i), ""),
                hits.get(("fts5", i), ""), hits.get(("rg", i), "")))
machine["load_end"] = " ".join(open("/proc/loadavg").read().split()[:3])
machine["elapsed_s"] = "%d" % (time.time() - STARTED)
with open(os.path.join(RES, "machine.tsv"), "w") as f:
    for k, v in machine.items(): f.write("%s\t%s\n" % (k, v))

# ---- SVG -------------------------------------------------------------------------------------
COL = {"casebook": "#1f77b4", "casebook-exact": "#6baed6", "fts5": "#ff7f0e", "fts5+count": "#fdae6b",
       "recoll": "#2ca02c", "omindex": "#9467bd", "casebook-cli": "#17becf", "rg": "#d62728"}
def svg():
    Wd, H = 860, 330
    o = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="11">' % (Wd, H),
         '<rect width="100%" height="100%" fill="white"/>']
    # left: import MB/s
    x0, y0, w, h = 50, 40, 230, 230
    o.append('<text x="%d" y="20" font-size="13" font-weight="bold">Import + index, MB/s (median of %d, %.0f MB)</text>' % (10, REPEATS, MB))
    top = max(v["mbps"] for v in imp.values()) * 1.15
    bw = w / len(imp)
    o.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="black"/>' % (x0, y0 + h, x0 + w, y0 + h))
    for i, (t, v) in enumerate(imp.items()):
        bh = h * v["mbps"] / top; x = x0 + i * bw + 6
        o.append('<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"/>' % (x, y0 + h - bh, bw - 12, bh, COL[t]))
        o.append('<text x="%.1f" y="%.1f" text-anchor="middle">%.2f</text>' % (x + (bw - 12) / 2, y0 + h - bh - 4, v["mbps"]))
        o.append('<text x="%.1f" y="%d" text-anchor="middle">%s</text>' % (x + (bw - 12) / 2, y0 + h + 14, t))
        o.append('<text x="%.1f" y="%d" text-anchor="middle" fill="#555">%.0f MB RSS</text>' % (x + (bw - 12) / 2, y0 + h + 28, v["rss_mb"]))
    # right: search p50 per kind, log scale
    import math
    x0, w = 330, 500
    tools = [t for t in ["casebook", "casebook-exact", "fts5", "fts5+count", "casebook-cli", "rg"] if t in TOOL_ORDER]
    o.append('<text x="%d" y="20" font-size="13" font-weight="bold">Search p50, ms (log scale; %d passages)</text>' % (x0 - 10, PASSAGES))
    vals = [srch[(t, k)][0] for t in tools for k in KINDS if (t, k) in srch]
    lo, hi = math.floor(math.log10(max(min(vals), 0.01))), math.ceil(math.log10(max(vals)))
    def yv(ms): return y0 + h - h * (math.log10(max(ms, 10 ** lo)) - lo) / (hi - lo)
    for e in range(lo, hi + 1):
        y = yv(10 ** e)
        o.append('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#ddd"/>' % (x0, y, x0 + w, y))
        o.append('<text x="%d" y="%.1f" text-anchor="end">%g</text>' % (x0 - 4, y + 4, 10 ** e))
    gw = w / len(KINDS); bw = (gw - 10) / len(tools)
    for gi, k in enumerate(KINDS):
        for ti, t in enumerate(tools):
            if (t, k) not in srch: continue
            x = x0 + gi * gw + 5 + ti * bw; y = yv(srch[(t, k)][0])
            o.append('<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s %s p50 %.2f ms</title></rect>' % (x, y, bw - 1, y0 + h - y, COL[t], t, k, srch[(t, k)][0]))
        o.append('<text x="%.1f" y="%d" text-anchor="middle">%s</text>' % (x0 + gi * gw + gw / 2, y0 + h + 14, k))
    for ti, t in enumerate(tools):
        lx = x0 + (ti % 3) * 165; ly = y0 + h + 32 + (ti // 3) * 14
        o.append('<rect x="%d" y="%d" width="10" height="10" fill="%s"/><text x="%d" y="%d">%s</text>' % (lx, ly - 9, COL[t], lx + 14, ly, t))
    o.append("</svg>")
    return "\n".join(o) + "\n"
if E.get("PEERS_SVG"):
    open(E["PEERS_SVG"], "w").write(svg()); log("wrote " + E["PEERS_SVG"])

# ---- Markdown -------------------------------------------------------------------------------
md = []
md.append("Corpus: %s (`gen_corpus` seed %s). Machine: %s, %s CPUs online, %s GiB RAM, %s, %s; load %s at the start, %s at the end; run took %s s." % (
    machine["corpus"], E.get("PEERS_SEED", "42"), machine["cpu"], machine["cpus_online"], machine["ram_gib"], machine["os"],
    machine["kernel"], machine["load_start"], machine["load_end"], machine["elapsed_s"]))
md.append("")
md.append("Versions: casebook %s; recollcmd %s; xapian-omega %s; %s; SQLite %s (python3 sqlite3)." % (
    machine["casebook"], machine["recollindex"], machine["omindex"], machine["rg"], machine["sqlite"]))
md.append("")
md.append("| Tool | Runs | Wall s (median) | **MB/s** | MB/s range | MB per CPU-s | Peak RSS MB (median, max) | casebook / tool (MB/s) |")
md.append("|---|---:|---:|---:|---:|---:|---:|---:|")
for t, v in imp.items():
    ratio = imp["casebook"]["mbps"] / v["mbps"] if "casebook" in imp else float("nan")
    md.append("| %s | %d | %.1f | **%.2f** | %.2f-%.2f | %.2f | %.0f, %.0f | %.2f |%s" % (t, v["runs"], v["wall_s"], v["mbps"], v["lo"], v["hi"], v["mb_per_cpu_s"], v["rss_mb"], v["rss_max_mb"], ratio,
              (" " + v["notes"]) if v["notes"] else ""))
md.append("")
md.append("Search, p50 / p99 ms over %d runs per kind (five queries per kind in turn):" % RUNS)
md.append("")
md.append("| Kind | " + " | ".join(TOOL_ORDER) + " | casebook / fts5 (p50) | casebook-cli / rg (p50) |")
md.append("|---|" + "---:|" * (len(TOOL_ORDER) + 2))
for k in KINDS:
    cells = ["%.2f / %.2f" % srch[(t, k)][:2] if (t, k) in srch else "-" for t in TOOL_ORDER]
    r1 = "%.2f" % (srch[("casebook", k)][0] / srch[("fts5", k)][0]) if ("casebook", k) in srch and ("fts5", k) in srch else "-"
    r2 = "%.2f" % (srch[("casebook-cli", k)][0] / srch[("rg", k)][0]) if ("casebook-cli", k) in srch and ("rg", k) in srch else "-"
    md.append("| %s | %s | %s | %s |" % (k, " | ".join(cells), r1, r2))
md.append("")
md.append("Hits per query (casebook and FTS5: passages; rg: matching lines, `--count`):")
md.append("")
md.append("| Kind | casebook query | FTS5 MATCH | casebook | FTS5 | rg lines |")
md.append("|---|---|---|---:|---:|---:|")
for i, q in enumerate(Q):
    md.append("| %s | `%s` | `%s` | %s | %s | %s |" % (q[0], q[1], q[2], hits.get(("casebook", i), ""), hits.get(("fts5", i), ""), hits.get(("rg", i), "")))
text = "\n".join(md) + "\n"
open(os.path.join(RES, "peers.md"), "w").write(text)
print(text)
PYEOF
