#!/usr/bin/env bash
# casebook against the tools a user would otherwise pick (issue 10), at several corpus sizes in
# one run. For each size (smallest first), on the same generated .txt corpus:
#
#   1. import + index it with
#        casebook   `casebook init` + `casebook import --manifest` (one process; the manifest
#                   only gives each file its case and type, for the filtered queries)
#        fts5       SQLite FTS5 (python3's sqlite3): one row per paragraph, tokenize='porter'
#                   (detail=full, i.e. positions), all rows in one transaction, on disk
#        recoll     `recollindex -z -c CONFDIR` (a config dir of its own, topdirs = corpus)
#        omindex    `omindex --db DB --url / CORPUS` (xapian-omega)
#      each under /usr/bin/time -v: MB/s (wall) and peak RSS; median over the import runs
#      (PEERS_REPEATS, or PEERS_REPEATS_LARGE for a large corpus), tools interleaved run by run;
#   2. search the indexes of the last import run: casebook (bench_search in-process, modes
#      `search` = top 20 + estimated total and `search_exact` = top 20 + exact total; and
#      the CLI `casebook search --count` as a process), FTS5 in-process (top 20 by bm25
#      with text, and that plus count(*)) and `rg` as a process over the same files; five
#      query kinds (word, phrase, NEAR, prefix wildcard, filtered), five queries each, kinds
#      and tools interleaved; p50/p99 over the search runs per kind and tool (PEERS_SEARCH_RUNS,
#      or PEERS_SEARCH_RUNS_LARGE for a large corpus). rg patterns are ASCII regexes
#      ((?-u): \b, \w, \s), case-insensitive, -U where a match may span a hard-wrapped line;
#      rg counts matching lines, not passages, and does not stem.
# A corpus is "large" when it holds at least PEERS_LARGE_MB MiB of text.
#
# Writes TSV to $PEERS_OUT/results/ (machine.tsv, corpora.tsv, import_runs.tsv, import.tsv,
# search.tsv, search_queries.tsv, startup.tsv, bench_search-SIZE.tsv; every row carries its
# corpus size), the plot $PEERS_SVG (import MB/s, peak RSS and search p50 against corpus size),
# and the whole "## Against peers (issue 10)" section of docs/benchmarks.md on stdout (also
# $PEERS_OUT/results/peers.md), goals table included. Progress goes to stderr.
# `bash bench/run.sh --peers` runs this and replaces that section; a full run includes it.
#
# Environment:
#   PEERS_SIZES          corpus sizes in passages (gen_corpus --passages, 1-3 sentences each,
#                        13 dirs; 100 000 passages are ~26 MiB)  (default "100000 1000000")
#   PEERS_MB             instead: corpus sizes in MiB of text (2-6 sentence paragraphs)
#   PEERS_PASSAGES       one size in passages (older name; PEERS_SIZES wins)
#   PEERS_REPEATS        import runs per tool and size for the median          (default 3)
#   PEERS_REPEATS_LARGE  the same for a large corpus                           (default 1)
#   PEERS_SEARCH_RUNS    timed runs per query kind and tool                    (default 100)
#   PEERS_SEARCH_RUNS_LARGE  the same for a large corpus     (default PEERS_SEARCH_RUNS)
#   PEERS_LARGE_MB       a corpus of at least this many MiB is large           (default 100)
#   PEERS_TOOLS          import tools               (default "casebook fts5 recoll omindex")
#   PEERS_BUILD          build directory with casebook and bench/  (default build)
#   PEERS_OUT            work directory                            (default bench/out/peers)
#   PEERS_SVG            plot to write                 (default docs/benchmarks-peers.svg;
#                        "" for none; the section links to it by its file name)
#   PEERS_SEED           generator seed                            (default 42)
#   PEERS_KEEP=1         keep the corpora between runs (one is regenerated when missing)
#
# The full run at the defaults takes about 20-40 min on 2 cores (19 min on 2026-12-03 with a load
# of 1-5; casebook's import of the 1 M-passage corpus alone was 6 min) and ~4 GB of disk under
# $PEERS_OUT (the indexes of each size stay in $PEERS_OUT/work-SIZE until the next run).
# Needs: recollcmd, xapian-omega, ripgrep, time (GNU /usr/bin/time), python3 with sqlite3
# built with FTS5 (Debian's python3 is). No timing is asserted anywhere.

set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
case "${1:-}" in -h|--help) awk 'NR == 1 {next} /^#/ {sub(/^# ?/, ""); print; next} {exit}' "${BASH_SOURCE[0]}"; exit 0 ;; esac

export PEERS_ROOT=$ROOT
export PEERS_REPEATS=${PEERS_REPEATS:-3}
export PEERS_REPEATS_LARGE=${PEERS_REPEATS_LARGE:-1}
export PEERS_MB=${PEERS_MB:-}
if [[ -n $PEERS_MB ]]; then export PEERS_UNIT=mb PEERS_SIZES=${PEERS_SIZES:-$PEERS_MB}
else export PEERS_UNIT=passages PEERS_SIZES=${PEERS_SIZES:-${PEERS_PASSAGES:-100000 1000000}}; fi
export PEERS_SEARCH_RUNS=${PEERS_SEARCH_RUNS:-100}
export PEERS_SEARCH_RUNS_LARGE=${PEERS_SEARCH_RUNS_LARGE:-$PEERS_SEARCH_RUNS}
export PEERS_LARGE_MB=${PEERS_LARGE_MB:-100}
export PEERS_TOOLS=${PEERS_TOOLS:-casebook fts5 recoll omindex}
export PEERS_SEED=${PEERS_SEED:-42}
export PEERS_KEEP=${PEERS_KEEP:-0}
for v in $PEERS_SIZES $PEERS_REPEATS $PEERS_REPEATS_LARGE $PEERS_SEARCH_RUNS $PEERS_SEARCH_RUNS_LARGE $PEERS_LARGE_MB; do
  [[ $v =~ ^[1-9][0-9]*$ ]] || { echo "peers.sh: not a positive integer: $v" >&2; exit 2; }
done
for t in $PEERS_TOOLS; do
  case $t in casebook|fts5|recoll|omindex) ;; *) echo "peers.sh: unknown tool $t" >&2; exit 2 ;; esac
done
# The command line as run, for the report.
export PEERS_COMMAND="$(env | grep -E '^PEERS_(SIZES|MB|PASSAGES|REPEATS|REPEATS_LARGE|SEARCH_RUNS|SEARCH_RUNS_LARGE|LARGE_MB|TOOLS|BUILD|SEED)=.' | sort | sed -E 's/^([A-Z_]+)=(.* .*)$/\1="\2"/' | tr '\n' ' ')bash bench/peers.sh"
BUILD=${PEERS_BUILD:-$ROOT/build}
[[ $BUILD == /* ]] || BUILD=$ROOT/$BUILD
export PEERS_CASEBOOK=$BUILD/casebook PEERS_BENCH_SEARCH=$BUILD/bench/bench_search \
  PEERS_BENCH_CHECK=$BUILD/bench/bench_check PEERS_GEN=$BUILD/bench/gen_corpus
OUT=${PEERS_OUT:-$ROOT/bench/out/peers}
[[ $OUT == /* ]] || OUT=$ROOT/$OUT
export PEERS_OUT=$OUT
export PEERS_SVG=${PEERS_SVG-$ROOT/docs/benchmarks-peers.svg}
PY=${PEERS_PYTHON:-/usr/bin/python3}
[[ -x $PY ]] || PY=python3

missing=()
for t in "$PEERS_CASEBOOK" "$PEERS_BENCH_SEARCH" "$PEERS_BENCH_CHECK" "$PEERS_GEN"; do
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
cp "$PEERS_CASEBOOK" "$PEERS_BENCH_SEARCH" "$PEERS_BENCH_CHECK" "$PEERS_GEN" "$OUT/bin/"
export PEERS_CASEBOOK_BUILT="$(stat -c %y "$PEERS_CASEBOOK" | cut -d. -f1) UTC"
export PEERS_CASEBOOK=$OUT/bin/casebook PEERS_BENCH_SEARCH=$OUT/bin/bench_search \
  PEERS_BENCH_CHECK=$OUT/bin/bench_check PEERS_GEN=$OUT/bin/gen_corpus
rm -rf -- "$OUT/corpus" "$OUT/corpus.stamp" "$OUT/corpus.summary" "$OUT/work"  # left by older versions (one size)

exec "$PY" - <<'PYEOF'
import csv, functools, math, os, re, shutil, sqlite3, statistics, subprocess, sys, time
from datetime import datetime, timezone

E = os.environ
ROOT, OUT = E["PEERS_ROOT"], E["PEERS_OUT"]
sys.path.insert(0, os.path.join(ROOT, "bench"))
from peer_tools import du_mb, loadavg, near_re, pct, recoll_env, sh, timed
timed = functools.partial(timed, who="peers")
CASEBOOK, BENCH_SEARCH, BENCH_CHECK, GEN = E["PEERS_CASEBOOK"], E["PEERS_BENCH_SEARCH"], E["PEERS_BENCH_CHECK"], E["PEERS_GEN"]
UNIT = E["PEERS_UNIT"]
SIZES = sorted({int(s) for s in E["PEERS_SIZES"].split()})
REPEATS, REPEATS_LARGE = int(E["PEERS_REPEATS"]), int(E["PEERS_REPEATS_LARGE"])
RUNS, RUNS_LARGE = int(E["PEERS_SEARCH_RUNS"]), int(E["PEERS_SEARCH_RUNS_LARGE"])
LARGE_MB = int(E["PEERS_LARGE_MB"])
TOOLS = E["PEERS_TOOLS"].split()
SEED, KEEP = E["PEERS_SEED"], E["PEERS_KEEP"] == "1"
RES = os.path.join(OUT, "results"); os.makedirs(RES, exist_ok=True)
STARTED = time.time()
KINDS = ["word", "phrase", "near", "wildcard", "filtered"]
NAMES = {"casebook": "casebook", "fts5": "SQLite FTS5", "recoll": "recollindex", "omindex": "omindex"}

def log(*a): print("peers: [%s +%4ds]" % (time.strftime("%H:%M:%S"), time.time() - STARTED), *a, file=sys.stderr, flush=True)
def label(size): return ("%d MiB" % size) if UNIT == "mb" else short(size) + " passages"
def short(n):
    if n % 1000000 == 0: return "%dM" % (n // 1000000)
    if n % 1000 == 0: return "%dk" % (n // 1000)
    return str(n)
def tag(size): return ("%dmb" % size) if UNIT == "mb" else str(size)
def grp(n): return "{:,}".format(n).replace(",", " ")

for f in ("import_runs.tsv", "import.tsv", "search.tsv", "search_queries.tsv", "corpora.tsv", "startup.tsv", "machine.tsv", "peers.md"):
    if os.path.exists(os.path.join(RES, f)): os.remove(os.path.join(RES, f))
for f in os.listdir(RES):
    if f.startswith("bench_search"): os.remove(os.path.join(RES, f))

# ---- machine --------------------------------------------------------------------------
def lscpu(key):
    for l in sh("lscpu").splitlines():
        if l.startswith(key + ":"): return l.split(":", 1)[1].strip()
    return ""
machine = {
    "date_utc": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "command": E.get("PEERS_COMMAND", "bash bench/peers.sh"),
    "cpu": lscpu("Model name"), "cpus_online": str(os.cpu_count()),
    "hypervisor": lscpu("Hypervisor vendor"),
    "ram_gib": "%.1f" % (os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30),
    "kernel": sh("uname -sr"), "os": sh(". /etc/os-release && echo $PRETTY_NAME"),
    "filesystem": sh("df -T '%s' | awk 'NR == 2 {print $2 \" on \" $1}'" % OUT),
    "load_start": loadavg(),
    "casebook": sh(CASEBOOK + " --version") + " (binary built " + E.get("PEERS_CASEBOOK_BUILT", "?") + ")",
    "recollindex": sh("dpkg-query -W -f '${Version}' recollcmd"),
    "omindex": sh("dpkg-query -W -f '${Version}' xapian-omega"),
    "rg": sh("rg --version | head -1"), "sqlite": sqlite3.sqlite_version,
}

# ---- helpers ----------------------------------------------------------------------------------
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
open(os.path.join(OUT, "fts_load.py"), "w").write(FTS_LOADER)

def gen_corpus(size):
    corpus = os.path.join(OUT, "corpus-" + tag(size))
    if UNIT == "mb": args = [str(size), SEED, "--dirs", "13"]; stamp = "mb=%d seed=%s" % (size, SEED)
    else: args = ["0", SEED, "--passages", str(size), "--para", "1-3", "--dirs", "13"]; stamp = "passages=%d seed=%s" % (size, SEED)
    summ, st = corpus + ".summary", corpus + ".stamp"
    if KEEP and os.path.exists(summ) and os.path.isdir(corpus) and os.path.exists(st) and open(st).read().strip() == stamp:
        log("reusing %s (%s)" % (corpus, stamp))
    else:
        shutil.rmtree(corpus, ignore_errors=True)
        log("generating the corpus (%s)" % stamp)
        with open(summ, "w") as f: subprocess.run([GEN, corpus] + args, stdout=f, check=True)
        open(st, "w").write(stamp + "\n")
    return corpus, dict(l.split("=", 1) for l in open(summ).read().split())

# ---- one size: import, then search --------------------------------------------------------------
def measure(size):
    res = {"size": size, "load_start": loadavg()}
    t_size = time.time()
    CORPUS, summary = gen_corpus(size)
    BYTES, PASSAGES = int(summary["bytes"]), int(summary["paragraphs"])
    MB = BYTES / 1048576
    large = MB >= LARGE_MB
    repeats, runs_n = (REPEATS_LARGE, RUNS_LARGE) if large else (REPEATS, RUNS)
    WORK = os.path.join(OUT, "work-" + tag(size)); os.makedirs(WORK, exist_ok=True)
    layout = [r for r in csv.DictReader(open(CORPUS + "/layout.tsv"), delimiter="\t") if int(r["files"]) > 0]
    outcome = {r["id"]: r["outcome"] for r in csv.DictReader(open(CORPUS + "/cases.csv"))}
    files = []  # (path, dir, case, type)
    for r in layout:
        d = os.path.join(CORPUS, r["dir"])
        for f in sorted(os.listdir(d)):
            if f.endswith(".txt"): files.append((os.path.join(d, f), r["dir"], r["case"], r["type"]))
    res.update(bytes=BYTES, mb=MB, passages=PASSAGES, files=len(files), words=int(summary.get("words", 0)),
               repeats=repeats, runs=runs_n, large=large)
    with open(os.path.join(RES, "corpora.tsv"), "a") as f:
        f.write("%d\t%d\t%d\t%d\t%s\t%d\t%d\n" % (size, len(files), BYTES, PASSAGES, summary.get("words", ""), repeats, runs_n))
    log("== %s: %d files, %.1f MiB, %d passages; %d import run(s) per tool, %d search runs per kind" % (label(size), len(files), MB, PASSAGES, repeats, runs_n))
    with open(os.path.join(WORK, "files.tsv"), "w") as f:
        for path, d, case, typ in files: f.write("%s\t%s\t%s\n" % (path, case, typ))
    with open(os.path.join(WORK, "manifest.csv"), "w", newline="") as f:
        w = csv.writer(f); w.writerow(["path", "type", "cases"])
        for path, d, case, typ in files: w.writerow([path, typ, case])
    def idx(tool): return os.path.join(WORK, "index-" + tool)
    def L(name): return os.path.join(WORK, name)

    def check(p):
        return dict(l.split("=", 1) for l in subprocess.run([BENCH_CHECK, p], capture_output=True, text=True).stdout.split())
    def import_casebook():
        p = idx("casebook"); shutil.rmtree(p, ignore_errors=True)
        w1, c1, r1 = timed([CASEBOOK, "init", p], L("casebook-init.log"))
        subprocess.run([CASEBOOK, "-C", p, "cases", "import", CORPUS + "/cases.csv"], check=True, capture_output=True)
        w2, c2, r2 = timed([CASEBOOK, "-C", p, "import", "--manifest", L("manifest.csv")], L("casebook-import.log"))
        wall, cpu, rss, note = w1 + w2, c1 + c2, max(r1, r2), ""
        chk = check(p)
        if int(chk.get("pending", 0)) > 0:  # work left queued: replay it and count it (as run.sh does)
            note = "%s queued, replayed" % chk["pending"]
            w3, c3, r3 = timed([CASEBOOK, "-C", p, "search", "--count", "catchup"], L("casebook-catchup.log"))
            wall, cpu, rss = wall + w3, cpu + c3, max(rss, r3)
            chk = check(p)
        docs = int(chk.get("documents", -1))
        if docs != PASSAGES: note += " %d index documents for %d passages" % (docs, PASSAGES)
        return wall, cpu, rss, docs, note.strip(), du_mb(p)
    def import_fts5():
        p = idx("fts5") + ".sqlite"
        for s in ("", "-journal", "-wal"):
            if os.path.exists(p + s): os.remove(p + s)
        wall, cpu, rss = timed([sys.executable, os.path.join(OUT, "fts_load.py"), p, L("files.tsv")], L("fts5.log"))
        rows = sqlite3.connect(p).execute("SELECT count(*) FROM p").fetchone()[0]
        return wall, cpu, rss, rows, "" if rows == PASSAGES else "%d rows for %d passages" % (rows, PASSAGES), du_mb(p)
    def import_recoll():
        p = idx("recoll"); shutil.rmtree(p, ignore_errors=True); os.makedirs(p)
        wall, cpu, rss = timed(["recollindex", "-c", p, "-z"], L("recoll.log"), env=recoll_env(p, CORPUS))
        return wall, cpu, rss, -1, "", du_mb(os.path.join(p, "xapiandb"))
    def import_omindex():
        p = idx("omindex"); shutil.rmtree(p, ignore_errors=True)
        wall, cpu, rss = timed(["omindex", "--db", p, "--url", "/", CORPUS], L("omindex.log"))
        return wall, cpu, rss, -1, "", du_mb(p)
    IMPORTERS = {"casebook": import_casebook, "fts5": import_fts5, "recoll": import_recoll, "omindex": import_omindex}

    runs = []
    for r in range(1, repeats + 1):
        for tool in TOOLS:
            wall, cpu, rss, docs, note, disk = IMPORTERS[tool]()
            runs.append({"tool": tool, "run": r, "wall_s": wall, "cpu_s": cpu, "max_rss_kb": rss, "docs": docs, "note": note, "index_mb": disk})
            log("import %s run %d: %.1f s = %.2f MB/s, CPU %.1f s, peak RSS %.0f MB, index %.0f MB%s" %
                (tool, r, wall, MB / wall, cpu, rss / 1024, disk, (", " + note) if note else ""))
    with open(os.path.join(RES, "import_runs.tsv"), "a") as f:
        for x in runs:
            f.write("%d\t%s\t%d\t%d\t%.3f\t%.2f\t%d\t%.1f\t%d\t%s\n" % (size, x["tool"], x["run"], BYTES, x["wall_s"], x["cpu_s"], x["max_rss_kb"], x["index_mb"], x["docs"], x["note"]))
    imp = {}
    for tool in TOOLS:
        xs = [x for x in runs if x["tool"] == tool]
        rates = [MB / x["wall_s"] for x in xs]
        imp[tool] = {"runs": len(xs), "wall_s": statistics.median(x["wall_s"] for x in xs),
                     "mbps": statistics.median(rates), "lo": min(rates), "hi": max(rates),
                     "cpu_pct": statistics.median(100 * x["cpu_s"] / x["wall_s"] for x in xs),
                     "mb_per_cpu_s": statistics.median(MB / x["cpu_s"] for x in xs),
                     "rss_mb": statistics.median(x["max_rss_kb"] for x in xs) / 1024,
                     "rss_max_mb": max(x["max_rss_kb"] for x in xs) / 1024,
                     "index_mb": xs[-1]["index_mb"],
                     "notes": "; ".join(sorted({x["note"] for x in xs if x["note"]}))}
    res["imp"] = imp
    res["load_after_import"] = loadavg()

    # ---- search ----
    def dirs_where(case=None, typ=None, out=None):
        return [r["dir"] for r in layout if (case is None or r["case"] == case) and (typ is None or r["type"] == typ)
                and (out is None or outcome.get(r["case"]) == out)]
    d1, d3, d0, d2 = layout[1], layout[3], layout[0], layout[2]
    W = r"\b%s\b"
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
    samples, hits = {}, {}  # (tool, kind) -> [ms]; (tool, query index) -> count
    def add(tool, kind, ms): samples.setdefault((tool, kind), []).append(ms)
    bs = {}
    if "casebook" in TOOLS:  # casebook in-process (bench_search, its own timing loop)
        qf = L("queries.tsv")
        with open(qf, "w") as f:
            for q in Q: f.write("%s\t%s\n" % (q[0], q[1]))
        log("search: bench_search (casebook in-process), %d runs per kind" % runs_n)
        outp = subprocess.run([BENCH_SEARCH, idx("casebook"), "--queries", qf, "--runs", str(runs_n), "--modes", "search,search_exact"],
                              capture_output=True, text=True, check=True).stdout
        open(os.path.join(RES, "bench_search-%s.tsv" % tag(size)), "w").write(outp)
        for l in outp.splitlines():
            if l.startswith("#") or l.startswith("mode\t"): continue
            c = l.split("\t")
            mode, kind, query = c[0], c[1], c[2]
            if query == "*": bs[(mode, kind)] = (float(c[4]), float(c[6]), int(c[3]))
            elif mode == "search_exact":
                for i, q in enumerate(Q):
                    if q[0] == kind and q[1] == query: hits[("casebook", i)] = int(c[9])
    fts_db = idx("fts5") + ".sqlite"
    def fts_sql(q, count):  # FTS5 in-process: top 20 by bm25 with the text (like casebook's hits), and count(*)
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
    for i, q in enumerate(Q):  # hit counts and warm-up
        if con:
            hits[("fts5", i)] = con.execute(*fts_sql(q, True)).fetchone()[0]
            con.execute(*fts_sql(q, False)).fetchall()
        _, p = proc_ms(rg_cmd(q))
        hits[("rg", i)] = sum(int(x) for x in p.stdout.split())
        if "casebook" in TOOLS:
            _, p = proc_ms([CASEBOOK, "-C", idx("casebook"), "search", "--count", q[1]])
            hits[("casebook-cli", i)] = int(p.stdout.strip().split()[0]) if p.stdout.strip() else -1
    log("search: FTS5, rg and the casebook CLI, %d runs per kind each, interleaved" % runs_n)
    for r in range(runs_n):
        for k in KINDS:
            q = Q[by_kind[k][r % len(by_kind[k])]]
            if con:
                t0 = time.perf_counter(); con.execute(*fts_sql(q, False)).fetchall(); t1 = time.perf_counter()
                con.execute(*fts_sql(q, True)).fetchone(); t2 = time.perf_counter()
                add("fts5", k, (t1 - t0) * 1000); add("fts5+count", k, (t2 - t0) * 1000)
            add("rg", k, proc_ms(rg_cmd(q))[0])
            if "casebook" in TOOLS:
                add("casebook-cli", k, proc_ms([CASEBOOK, "-C", idx("casebook"), "search", "--count", q[1]])[0])
        if (r + 1) % 25 == 0: log("  search run %d/%d" % (r + 1, runs_n))
    if "casebook" in TOOLS:  # start-up alone: part of every CLI call
        st = [proc_ms([CASEBOOK, "--version"])[0] for _ in range(21)]
        res["startup_ms"] = statistics.median(st)
        with open(os.path.join(RES, "startup.tsv"), "a") as f: f.write("%d\tcasebook --version\t21\t%.3f\n" % (size, res["startup_ms"]))
    srch = {}  # (tool, kind) -> (p50, p99, n)
    if "casebook" in TOOLS:
        for k in KINDS:
            srch[("casebook", k)] = bs[("search", k)]
            srch[("casebook-exact", k)] = bs[("search_exact", k)]
    for (tool, k), v in samples.items(): srch[(tool, k)] = (pct(v, .5), pct(v, .99), len(v))
    with open(os.path.join(RES, "search.tsv"), "a") as f:
        for (t, k), v in sorted(srch.items()): f.write("%d\t%s\t%s\t%d\t%.3f\t%.3f\n" % (size, t, k, v[2], v[0], v[1]))
    with open(os.path.join(RES, "search_queries.tsv"), "a") as f:
        for i, q in enumerate(Q):
            f.write("%d\t%s\t%s\t%s\t%s%s%s\t%s\t%s\t%s\t%s\n" % (size, q[0], q[1], q[2], "-U " if q[5] else "", q[4],
                    (" in " + ",".join(q[6])) if q[6] else "", hits.get(("casebook", i), ""), hits.get(("casebook-cli", i), ""),
                    hits.get(("fts5", i), ""), hits.get(("rg", i), "")))
    if con: con.close()
    res.update(srch=srch, hits=hits, Q=Q, load_end=loadavg(), elapsed_s=time.time() - t_size)
    log("== %s done in %.0f s; load %s" % (label(size), res["elapsed_s"], res["load_end"]))
    if not KEEP: shutil.rmtree(CORPUS, ignore_errors=True)
    return res

with open(os.path.join(RES, "import_runs.tsv"), "w") as f:
    f.write("size\ttool\trun\tbytes\twall_s\tcpu_s\tmax_rss_kb\tindex_mb\tdocuments\tnote\n")
with open(os.path.join(RES, "search.tsv"), "w") as f: f.write("size\ttool\tkind\tn\tp50_ms\tp99_ms\n")
with open(os.path.join(RES, "search_queries.tsv"), "w") as f:
    f.write("size\tkind\tcasebook\tfts5\trg\thits_casebook\thits_casebook_cli\thits_fts5\tlines_rg\n")
with open(os.path.join(RES, "corpora.tsv"), "w") as f: f.write("size\tfiles\tbytes\tpassages\twords\timport_runs\tsearch_runs\n")
with open(os.path.join(RES, "startup.tsv"), "w") as f: f.write("size\tcommand\truns\tp50_ms\n")

R = [measure(s) for s in SIZES]
machine["load_end"] = loadavg()
machine["elapsed_s"] = "%d" % (time.time() - STARTED)
with open(os.path.join(RES, "import.tsv"), "w") as f:
    f.write("size\ttool\truns\tmb\twall_s_median\tmbps_median\tmbps_min\tmbps_max\tcpu_pct\tmb_per_cpu_s\trss_mb_median\trss_mb_max\tindex_mb\tnotes\n")
    for x in R:
        for t, v in x["imp"].items():
            f.write("%d\t%s\t%d\t%.1f\t%.2f\t%.3f\t%.3f\t%.3f\t%.0f\t%.3f\t%.0f\t%.0f\t%.0f\t%s\n" % (x["size"], t, v["runs"], x["mb"], v["wall_s"], v["mbps"], v["lo"], v["hi"], v["cpu_pct"], v["mb_per_cpu_s"], v["rss_mb"], v["rss_max_mb"], v["index_mb"], v["notes"]))
with open(os.path.join(RES, "machine.tsv"), "w") as f:
    for k, v in machine.items(): f.write("%s\t%s\n" % (k, v))
    for x in R:
        f.write("load_%s\t%s at the start, %s after the imports, %s at the end (%.0f s)\n" % (tag(x["size"]), x["load_start"], x["load_after_import"], x["load_end"], x["elapsed_s"]))
SEARCH_TOOLS = [t for t in ["casebook", "casebook-exact", "fts5", "fts5+count", "casebook-cli", "rg"] if any((t, k) in R[0]["srch"] for k in KINDS)]
PLOT_TOOLS = [t for t in ["casebook", "fts5", "casebook-cli", "rg"] if t in SEARCH_TOOLS]

# ---- SVG: import MB/s, peak RSS and search p50 against corpus size ---------------------------------
COL = {"casebook": "#1f77b4", "casebook-exact": "#6baed6", "fts5": "#ff7f0e", "fts5+count": "#fdae6b",
       "recoll": "#2ca02c", "omindex": "#9467bd", "casebook-cli": "#17becf", "rg": "#d62728"}
TL = {"casebook": "casebook search()", "casebook-exact": "casebook exact", "fts5": "FTS5 top 20",
      "fts5+count": "FTS5 top 20 + count", "casebook-cli": "casebook CLI --count", "rg": "rg --count"}
def nice_step(top):
    for s in [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000]:
        if top / s <= 6: return s
    return 10 ** math.ceil(math.log10(top))
def panel(o, x0, y0, w, h, title, series, logy, hline=None, point_labels=False, fmtv="%.2f"):
    o.append('<text x="%d" y="%d" font-size="12" font-weight="bold">%s</text>' % (x0 - 40, y0 - 10, title))
    xsz = [x["passages"] for x in R]
    lx = [math.log10(v) for v in xsz]
    def xp(v):
        if len(xsz) == 1: return x0 + w / 2
        return x0 + 20 + (w - 40) * (math.log10(v) - min(lx)) / (max(lx) - min(lx))
    vals = [y for s in series.values() for _, y in s if y > 0]
    if not vals: return
    if logy:
        lo, hi = math.floor(math.log10(min(vals))), math.ceil(math.log10(max(vals)))
        if hi == lo: hi += 1
        def yp(v): return y0 + h - h * (math.log10(max(v, 10 ** lo)) - lo) / (hi - lo)
        ticks = [10 ** e for e in range(lo, hi + 1)]
    else:
        top = max(vals + ([hline * 1.1] if hline else [])) * 1.15
        st = nice_step(top); top = math.ceil(top / st) * st
        def yp(v): return y0 + h - h * v / top
        ticks = [i * st for i in range(int(top / st) + 1)]
    for t in ticks:
        o.append('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#e5e5e5"/>' % (x0, yp(t), x0 + w, yp(t)))
        o.append('<text x="%d" y="%.1f" text-anchor="end" font-size="10">%g</text>' % (x0 - 4, yp(t) + 3, t))
    o.append('<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#888"/>' % (x0, y0, w, h))
    for x in R:
        o.append('<text x="%.1f" y="%d" text-anchor="middle" font-size="10">%s</text>' % (xp(x["passages"]), y0 + h + 13, short(x["passages"])))
    if hline:
        o.append('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#444" stroke-dasharray="4 3"/>' % (x0, yp(hline), x0 + w, yp(hline)))
        o.append('<text x="%d" y="%.1f" font-size="10" fill="#444">%g MB goal</text>' % (x0 + 4, yp(hline) - 3, hline))
    for t, pts in series.items():
        pts = [(xp(a), yp(b), b) for a, b in pts if b > 0]
        if len(pts) > 1:
            o.append('<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>' % (COL[t], " ".join("%.1f,%.1f" % p[:2] for p in pts)))
        for px, py, v in pts:
            o.append(('<circle cx="%.1f" cy="%.1f" r="3" fill="%s"><title>%s: ' + fmtv + '</title></circle>') % (px, py, COL[t], t, v))
            if point_labels:
                o.append(('<text x="%.1f" y="%.1f" font-size="9" fill="%s">' + fmtv + '</text>') % (px + 5, py - 4, COL[t], v))
def svg():
    Wd, H = 950, 530
    o = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="11">' % (Wd, H),
         '<rect width="100%" height="100%" fill="white"/>',
         '<text x="10" y="16" font-size="13" font-weight="bold">casebook against peers: one run of bench/peers.sh, %s; x: passages (log scale)</text>' % machine["date_utc"][:10]]
    imp_tools = [t for t in ["casebook", "fts5", "recoll", "omindex"] if t in TOOLS]
    panel(o, 70, 50, 380, 170, "Import + index, MB/s (median; log scale)",
          {t: [(x["passages"], x["imp"][t]["mbps"]) for x in R] for t in imp_tools}, True, point_labels=True)
    panel(o, 550, 50, 380, 170, "Import peak RSS, MB (median)",
          {t: [(x["passages"], x["imp"][t]["rss_mb"]) for x in R] for t in imp_tools}, False, hline=200, point_labels=True, fmtv="%.0f")
    for i, k in enumerate(KINDS):
        panel(o, 70 + i * 178, 285, 140, 150, "Search p50 ms: %s" % k,
              {t: [(x["passages"], x["srch"][(t, k)][0]) for x in R if (t, k) in x["srch"]] for t in PLOT_TOOLS}, True)
    ly = 478
    o.append('<text x="10" y="%d" font-weight="bold">Import:</text>' % ly)
    for j, t in enumerate(imp_tools):
        o.append('<rect x="%d" y="%d" width="10" height="10" fill="%s"/><text x="%d" y="%d">%s</text>' % (80 + j * 150, ly - 9, COL[t], 94 + j * 150, ly, NAMES[t]))
    o.append('<text x="10" y="%d" font-weight="bold">Search:</text>' % (ly + 20))
    for j, t in enumerate(PLOT_TOOLS):
        o.append('<rect x="%d" y="%d" width="10" height="10" fill="%s"/><text x="%d" y="%d">%s</text>' % (80 + j * 170, ly + 11, COL[t], 94 + j * 170, ly + 20, TL[t]))
    o.append('<text x="10" y="%d" font-size="10" fill="#555">casebook search() and FTS5 in-process; casebook CLI and rg as whole processes. Figures in docs/benchmarks.md, &quot;Against peers (issue 10)&quot;.</text>' % (ly + 42))
    o.append("</svg>")
    return "\n".join(o) + "\n"
if E.get("PEERS_SVG"):
    open(E["PEERS_SVG"], "w").write(svg()); log("wrote " + E["PEERS_SVG"])

# ---- Markdown: the whole "## Against peers (issue 10)" section ------------------------------------
def ratio(a, b): return a / b if b else float("nan")
def times(r): return ("%.1f×" % r) if r >= 10 else ("%.2f×" % r)
md = []
P = md.append
el = int(machine["elapsed_s"])
svgname = os.path.basename(E["PEERS_SVG"]) if E.get("PEERS_SVG") else ""
P("## Against peers (issue 10)")
P("")
P("`%s`, run %s (UTC), %d min %d s in all. Every figure in this section comes from that one run; it replaces the whole section. Raw TSV: `%s/`%s" % (
    machine["command"], machine["date_utc"], el // 60, el % 60, os.path.relpath(RES, ROOT) if RES.startswith(ROOT + "/") else RES,
    ("; plot: [%s](%s)." % (svgname, svgname)) if svgname else "."))
P("")
if svgname:
    P("![Import MB/s, import peak RSS and search p50 against corpus size, per tool](%s)" % svgname)
    P("")
hv = (" (%s guest)" % machine["hypervisor"]) if machine["hypervisor"] else ""
P("**Machine and load.** %s, %s CPUs online%s, %s GiB RAM, %s, %s, %s. Load average (1, 5, 15 min): %s at the start, %s at the end; %s. "
  "The benchmark's own process accounts for about 1 of that load; the rest is other work sharing the machine. "
  "The \"CPU %%\" column shows how much of a core each import got. The tools ran interleaved, run by run, so ratios between them are fairer than absolute figures." % (
    machine["cpu"], machine["cpus_online"], hv, machine["ram_gib"], machine["os"], machine["kernel"], machine["filesystem"],
    machine["load_start"], machine["load_end"],
    "; ".join("%s: %s at its start, %s after its imports, %s at its end" % (label(x["size"]), x["load_start"], x["load_after_import"], x["load_end"]) for x in R)))
P("")
P("Versions: %s; recollcmd %s; xapian-omega %s (`omindex`); %s; SQLite %s (python3 `sqlite3`)." % (
    machine["casebook"], machine["recollindex"], machine["omindex"], machine["rg"], machine["sqlite"]))
P("")
P("| Corpus | Files | Text MiB | Passages | Words | Import runs per tool | Search runs per kind and tool | Time for this size |")
P("|---|---:|---:|---:|---:|---:|---:|---:|")
for x in R:
    P("| %s | %d | %.1f | %s | %s | %d | %d | %d min %d s |" % (label(x["size"]), x["files"], x["mb"], grp(x["passages"]), grp(x["words"]), x["repeats"], x["runs"], x["elapsed_s"] // 60, x["elapsed_s"] % 60))
P("")
if UNIT == "passages":
    P("The corpora come from `gen_corpus DIR 0 %s --passages N --para 1-3 --dirs 13`: generated English, 1-3 sentences per passage, in 13 directories (one case and one source type each). "
      "A corpus of %d MiB or more counts as large and gets `PEERS_REPEATS_LARGE` import runs and `PEERS_SEARCH_RUNS_LARGE` search runs instead of `PEERS_REPEATS` and `PEERS_SEARCH_RUNS` (values in the table)." % (SEED, LARGE_MB))
else:
    P("The corpora come from `gen_corpus DIR MiB %s --dirs 13` (2-6 sentences per paragraph, 13 directories). A corpus of %d MiB or more gets `PEERS_REPEATS_LARGE` import runs and `PEERS_SEARCH_RUNS_LARGE` search runs." % (SEED, LARGE_MB))
P("")
P("### What each tool does")
P("")
P("- **casebook**: `casebook init`, `casebook cases import cases.csv` (not timed), then a single `casebook import --manifest` process for every file; the manifest sets each file's case and type, which the filtered queries use. "
  "After the import `bench_check` reads the project: work still queued for the index would be replayed and timed with the import (the table notes it), and the index must hold one document per passage.")
P("- **FTS5**: a python3 script reads each file, splits it at blank lines and inserts one row per paragraph into `fts5(text, case_id UNINDEXED, type UNINDEXED, source UNINDEXED, tokenize='porter')` (default `detail=full`, so positions are stored), in one transaction, into a database file.")
P("- **recollindex**: `recollindex -c CONFDIR -z` with a config directory of its own that sets `topdirs` to the corpus, the log, `idxniceprio = 0` and `monioniceclass = 2` "
  "(by default Recoll lowers its indexer to nice 19 and the idle I/O class, so on a shared machine it mostly waits for the other work; here it runs at the same priority as the other tools), "
  "and `noaspell = 1` (aspell has no dictionary for the C.UTF-8 locale here, so Recoll's spelling dictionary step fails anyway). All else is Recoll's default.")
P("- **omindex**: `omindex --db DB --url / CORPUS`.")
P("")
P("Every import command runs under `/usr/bin/time -v`: MB/s is MiB of text divided by wall-clock seconds, peak memory is the maximum RSS, CPU % is (user + system) / wall. "
  "Index MB is the size on disk after the last run (casebook: the whole project, originals and store included; recollindex: its `xapiandb`). recollindex and omindex also index the corpus's two small metadata files (`cases.csv`, `layout.tsv`, under 1 KB).")
P("")
P("### Import and index")
P("")
P("| Corpus | Tool | Runs | Wall s (median) | **MB/s** (median) | MB/s range | CPU % | MB per CPU-s | **Peak RSS MB** (median; max) | Index MB | casebook / tool (MB/s) |")
P("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for x in R:
    for t, v in x["imp"].items():
        cb = x["imp"].get("casebook")
        P("| %s | %s | %d | %.1f | **%.2f** | %s | %.0f | %.2f | **%.0f**; %.0f | %.0f | %s |%s" % (
            label(x["size"]), NAMES[t], v["runs"], v["wall_s"], v["mbps"], ("%.2f-%.2f" % (v["lo"], v["hi"])) if v["runs"] > 1 else "-",
            v["cpu_pct"], v["mb_per_cpu_s"], v["rss_mb"], v["rss_max_mb"], v["index_mb"],
            ("%.3f" % ratio(cb["mbps"], v["mbps"])) if cb else "-", (" " + v["notes"]) if v["notes"] else ""))
P("")
if len(R) > 1:
    a, b = R[0], R[-1]
    P("Against corpus size (%s → %s, %.1f× the text):" % (label(a["size"]), label(b["size"]), b["mb"] / a["mb"]))
    P("")
    P("| Tool | Peak RSS MB, %s | Peak RSS MB, %s | RSS ratio | MB/s, %s | MB/s, %s | MB/s ratio |" % (short(a["passages"]), short(b["passages"]), short(a["passages"]), short(b["passages"])))
    P("|---|---:|---:|---:|---:|---:|---:|")
    for t in a["imp"]:
        P("| %s | %.0f | %.0f | **%.2f** | %.2f | %.2f | %.2f |" % (NAMES[t], a["imp"][t]["rss_mb"], b["imp"][t]["rss_mb"], ratio(b["imp"][t]["rss_mb"], a["imp"][t]["rss_mb"]),
              a["imp"][t]["mbps"], b["imp"][t]["mbps"], ratio(b["imp"][t]["mbps"], a["imp"][t]["mbps"])))
    P("")
    if any(x["repeats"] == 1 for x in R):
        P("A size with one import run has no median and no range: its figures are that single run, on a shared machine.")
        P("")

def plural(n, s): return "%d %s%s" % (n, s, "" if n == 1 else "s")
for x in R:
    S = x["srch"]; n = x["runs"]
    P("### Search at %s: p50 / p99 ms over %d runs per kind" % (label(x["size"]), n))
    P("")
    rank = max(1, min(n, math.ceil(0.99 * n)))
    P("Five queries per kind, taken in turn; kinds and tools interleaved; warm page cache. p99 is the %d%s of %d sorted times%s." % (
        rank, {1: "st", 2: "nd", 3: "rd"}.get(rank if rank < 20 else rank % 10, "th"), n, ", so close to the maximum" if n <= 200 else ""))
    P("")
    P("| Kind | " + " | ".join(TL[t] for t in SEARCH_TOOLS) + " | **search() / FTS5** (p50) | **CLI / rg** (p50) |")
    P("|---|" + "---:|" * (len(SEARCH_TOOLS) + 2))
    for k in KINDS:
        cells = ["%.2f / %.2f" % S[(t, k)][:2] if (t, k) in S else "-" for t in SEARCH_TOOLS]
        r1 = "**%.2f**" % ratio(S[("casebook", k)][0], S[("fts5", k)][0]) if ("casebook", k) in S and ("fts5", k) in S else "-"
        r2 = "**%.2f**" % ratio(S[("casebook-cli", k)][0], S[("rg", k)][0]) if ("casebook-cli", k) in S and ("rg", k) in S else "-"
        P("| %s | %s | %s | %s |" % (k, " | ".join(cells), r1, r2))
    P("")
    extra = []
    if ("casebook-exact", "word") in S and ("fts5+count", "word") in S:
        extra.append("With exact totals on both sides, casebook exact / FTS5 top 20 + count at p50 is " +
                     ", ".join("%.2f (%s)" % (ratio(S[("casebook-exact", k)][0], S[("fts5+count", k)][0]), k) for k in KINDS) + ".")
    if "startup_ms" in x:
        extra.append("Every CLI call pays casebook's start-up: `casebook --version` alone takes %.1f ms at the median of 21 runs." % x["startup_ms"])
    if ("casebook", "word") in S and ("rg", "word") in S:
        extra.append("In-process search() against the rg process, p50: " +
                     ", ".join("%.3f (%s)" % (ratio(S[("casebook", k)][0], S[("rg", k)][0]), k) for k in KINDS) + ".")
    if extra: P(" ".join(extra)); P("")

if len(R) > 1:
    a, b = R[0], R[-1]
    P("### Search latency against corpus size")
    P("")
    P("p50 at %s divided by p50 at %s (%.1f× the passages):" % (label(b["size"]), label(a["size"]), b["passages"] / a["passages"]))
    P("")
    P("| Kind | " + " | ".join(TL[t] for t in SEARCH_TOOLS) + " |")
    P("|---|" + "---:|" * len(SEARCH_TOOLS))
    for k in KINDS:
        P("| %s | %s |" % (k, " | ".join(("%.2f" % ratio(b["srch"][(t, k)][0], a["srch"][(t, k)][0])) if (t, k) in a["srch"] and (t, k) in b["srch"] else "-" for t in SEARCH_TOOLS)))
    P("")

P("### Hits per query")
P("")
P("casebook and FTS5 count passages (casebook: `search --count`, exact); rg counts matching lines (`--count`).")
P("")
P("| Kind | casebook query | FTS5 MATCH | " + " | ".join("casebook %s | FTS5 %s | rg lines %s" % ((short(x["passages"]),) * 3) for x in R) + " |")
P("|---|---|---|" + "---:|" * (3 * len(R)))
Q0 = R[0]["Q"]
for i, q in enumerate(Q0):
    cells = []
    for x in R:
        h = x["hits"]
        cells += [str(h.get(("casebook", i), "-")), str(h.get(("fts5", i), "-")), str(h.get(("rg", i), "-"))]
    P("| %s | `%s` | `%s` | %s |" % (q[0], q[1].replace("|", "\\|"), q[2], " | ".join(cells)))
P("")
agree = []
for x in R:
    h = x["hits"]; same = [i for i in range(len(Q0)) if h.get(("casebook", i)) == h.get(("fts5", i))]
    diff = [i for i in range(len(Q0)) if i not in same]
    cli_bad = [i for i in range(len(Q0)) if ("casebook-cli", i) in h and h[("casebook-cli", i)] != h.get(("casebook", i))]
    s = "at %s, casebook and FTS5 agree on %d of %d queries" % (label(x["size"]), len(same), len(Q0))
    if diff: s += " (they differ on " + ", ".join("`%s` %s against %s" % (x["Q"][i][1], h.get(("casebook", i)), h.get(("fts5", i))) for i in diff) + ")"
    if cli_bad: s += "; the CLI's `--count` differs from bench_search's exact total on %s" % plural(len(cli_bad), "query")
    agree.append(s)
P("Counts: " + "; ".join(agree) + ".")
P("")
P("How the tools read the same query:")
P("")
P("- **Word.** casebook stems with Snowball English, FTS5 with `porter`; rg matches the whole word case-insensitively, without stemming, and counts lines, so its figures are not passage counts.")
P("- **Phrase.** casebook matches a phrase on its exact (unstemmed) words; FTS5 matches the stemmed words, so `\"shared service\"` also finds \"shared services\" there. rg gets `\\bshared\\s+service\\b` with `-U`, so a phrase may span a hard-wrapped line.")
P("- **NEAR.** casebook `a NEAR/5 b` is a Xapian window of 6 words (at most 4 between); FTS5 gets `NEAR(a b, 4)`; rg a regex allowing 0-4 words between, in either order.")
P("- **Wildcard.** casebook expands the prefix over its terms; FTS5 matches it against porter-stemmed tokens without a `prefix=` index (the default); rg gets `\\bstandard\\w*`.")
P("- **Filtered.** casebook uses `case:`, `type:` and `outcome:`; FTS5 adds `AND case_id = ? AND type = ?` on UNINDEXED columns of the same table (the script turns `outcome:` into the list of cases with it); rg is given only the directories of that case or type, because each directory of this corpus is one case and one type, so it reads 1/13 to 3/13 of the text. A real project's files would not be laid out that conveniently for it.")
P("- **Ranking.** casebook and FTS5 rank by BM25 and return the top 20 with their text; rg and `--count` do not rank.")
P("- **rg regexes** are ASCII (`(?-u)`): the corpus's words are ASCII, and Unicode classes make the `-U` patterns an order of magnitude slower.")
P("")

# ---- goals ----
P("### Goals from the issue")
P("")
P("| Goal | Measured | Result |")
P("|---|---|---|")
have = lambda t: all(t in x["imp"] for x in R)
if have("casebook") and have("fts5"):
    parts, worst = [], None
    for x in R:
        c, f = x["imp"]["casebook"], x["imp"]["fts5"]; r = ratio(c["mbps"], f["mbps"])
        parts.append("%s: casebook %.2f MB/s, FTS5 %.2f (per CPU-s %.2f against %.2f)" % (label(x["size"]), c["mbps"], f["mbps"], c["mb_per_cpu_s"], f["mb_per_cpu_s"]))
        if worst is None or r < worst[0]: worst = (r, x)
    r, x = worst
    verdict = "**MET**: casebook at least as fast at every size (lowest ratio %.2f at %s)" % (r, label(x["size"])) if r >= 1 else \
        "**MISSED** by %s at %s (casebook reaches %.1f %% of FTS5's MB/s there)" % (times(1 / r), label(x["size"]), 100 * r)
    if r < 1 and len(R) > 1:
        verdict += "; " + ", ".join("%s at %s" % (times(1 / ratio(y["imp"]["casebook"]["mbps"], y["imp"]["fts5"]["mbps"])), label(y["size"])) for y in R if y is not x)
    P("| Import at least as fast as SQLite FTS5 (MB/s) | %s | %s |" % ("; ".join(parts), verdict))
if have("casebook"):
    mx = max(x["imp"]["casebook"]["rss_max_mb"] for x in R)
    at = max(R, key=lambda x: x["imp"]["casebook"]["rss_max_mb"])
    others = "; ".join("%s %s" % (NAMES[t], " / ".join("%.0f" % x["imp"][t]["rss_mb"] for x in R)) for t in TOOLS if t != "casebook")
    P("| Import peak memory under 200 MB | casebook's largest peak over every run at every size: %.0f MB (%s). Medians per size, %s: casebook %s; %s | %s |" % (
        mx, label(at["size"]), " / ".join(short(x["passages"]) for x in R), " / ".join("%.0f" % x["imp"]["casebook"]["rss_mb"] for x in R), others,
        ("**MET** with %.0f MB to spare" % (200 - mx)) if mx < 200 else ("**MISSED** by %.0f MB" % (mx - 200))))
    if len(R) > 1:
        a, b = R[0], R[-1]
        rr = ratio(b["imp"]["casebook"]["rss_mb"], a["imp"]["casebook"]["rss_mb"])
        oth = ", ".join("%s %.2f×" % (NAMES[t], ratio(b["imp"][t]["rss_mb"], a["imp"][t]["rss_mb"])) for t in TOOLS if t != "casebook")
        P("| Import peak memory flat as the corpus grows (here: median peak at the largest size at most 1.25× the smallest's, the criterion `run.sh` uses) | casebook %.0f MB at %s, %.0f MB at %s: %.2f× for %.1f× the text (%s) | %s |" % (
            a["imp"]["casebook"]["rss_mb"], label(a["size"]), b["imp"]["casebook"]["rss_mb"], label(b["size"]), rr, b["mb"] / a["mb"], oth,
            ("**MET** (%.2f×)" % rr) if rr <= 1.25 else ("**MISSED**: %.2f×, %.2f above the 1.25 limit" % (rr, rr - 1.25))))
    else:
        P("| Import peak memory flat as the corpus grows | one size only | **not measured** |")
big = R[-1]; S = big["srch"]
at1m = big["passages"] >= 1000000
where = label(big["size"]) + ("" if at1m else " (the largest size of this run; 1 M passages **not measured**)")
def search_goal(name, a, b, what):
    if not all((a, k) in S and (b, k) in S for k in KINDS): return
    rs = {k: ratio(S[(a, k)][0], S[(b, k)][0]) for k in KINDS}
    p99 = sum(1 for k in KINDS if S[(a, k)][1] < S[(b, k)][1])
    meas = "at %s, p50 %s: %s; p99 lower on %d of 5 kinds" % (where, what, ", ".join("%s %.2f / %.2f ms (%.2f)" % (k, S[(a, k)][0], S[(b, k)][0], rs[k]) for k in KINDS), p99)
    lost = [k for k in KINDS if rs[k] >= 1]
    if not lost:
        k = max(rs, key=rs.get)
        v = "**MET**%s: faster on all 5 kinds; closest %s, %.2f× (%.1f ms faster)" % ("" if at1m else " at " + label(big["size"]) + " only", k, rs[k], S[(b, k)][0] - S[(a, k)][0])
    else:
        v = "**MISSED**%s on %s" % ("" if at1m else " at " + label(big["size"]), ", ".join("%s by %.2f× (+%.1f ms)" % (k, rs[k], S[(a, k)][0] - S[(b, k)][0]) for k in lost))
        won = [k for k in KINDS if k not in lost]
        if won: v += "; faster on " + ", ".join(won)
    P("| %s | %s | %s |" % (name, meas, v))
search_goal("Search faster than FTS5 on every kind at 1 M passages", "casebook", "fts5", "casebook search() / FTS5 top 20, in-process both")
search_goal("Search faster than rg on every kind at 1 M passages", "casebook-cli", "rg", "casebook CLI `--count` / rg `--count`, whole process against whole process")
P("")
text = "\n".join(md) + "\n"
open(os.path.join(RES, "peers.md"), "w").write(text)
print(text, end="")
log("done in %d s" % (time.time() - STARTED))
PYEOF
