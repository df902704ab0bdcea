#!/usr/bin/env bash
# casebook against its peers on the bundled sample study (corpora/sample, issue 10): the
# project a researcher starts with, 59 sources in eight formats, rather than generated text.
#
#   bash bench/study.sh [BUILD_DIR]      (BUILD_DIR: casebook and bench/bench_search; default build)
#
# 1. Import and index the study's sources, each tool under /usr/bin/time -v, tools interleaved
#    run by run, STUDY_REPEATS runs each (median):
#      casebook   `casebook init` + `casebook import --manifest corpora/sample/manifest.csv`
#                 (cases and series imported untimed in between, as peers.sh does)
#      recoll     `recollindex -z` over corpora/sample/sources (its own filters: PDF, DOCX,
#                 ODT, HTML, text), at normal priority, as in peers.sh
#      omindex    `omindex` over the same directory (its own handlers)
#      fts5       SQLite FTS5 (porter, positions) loading the passages casebook extracted, one
#                 row each: FTS5 has no importers, so it is given casebook's text for free
# 2. Search: two queries per kind (word, phrase, NEAR, wildcard, filtered by case or outcome),
#    STUDY_SEARCH_RUNS runs per kind and tool, interleaved: casebook in-process (bench_search)
#    against FTS5 in-process, and the casebook CLI (`search --count`) against rg, both whole
#    processes, rg over the same extracted text written out one file per source.
#
# Writes the "## The bundled study against peers (issue 10)" section of docs/benchmarks.md on
# stdout (bench/run.sh puts it after the sharded-search section); TSV in $STUDY_OUT/results/.
# Environment: STUDY_REPEATS (default 5), STUDY_SEARCH_RUNS (default 100), STUDY_OUT (default
# bench/out/study). Needs what peers.sh needs. About 3 minutes. No timing is asserted anywhere.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
case "${1:-}" in -h|--help) awk 'NR == 1 {next} /^#/ {sub(/^# ?/, ""); print; next} {exit}' "${BASH_SOURCE[0]}"; exit 0 ;; esac
BUILD=${1:-$ROOT/build}
[[ $BUILD == /* ]] || BUILD=$ROOT/$BUILD
export STUDY_ROOT=$ROOT STUDY_REPEATS=${STUDY_REPEATS:-5} STUDY_SEARCH_RUNS=${STUDY_SEARCH_RUNS:-100}
export STUDY_OUT=${STUDY_OUT:-$ROOT/bench/out/study}
for v in "$STUDY_REPEATS" "$STUDY_SEARCH_RUNS"; do
  [[ $v =~ ^[1-9][0-9]*$ ]] || { echo "study.sh: not a positive integer: $v" >&2; exit 2; }
done
missing=()
for t in "$BUILD/casebook" "$BUILD/bench/bench_search"; do [[ -x $t ]] || missing+=("$t (build it)"); done
for t in recollindex omindex xapian-delve rg /usr/bin/time; do command -v "$t" >/dev/null || missing+=("$t"); done
if ((${#missing[@]})); then
  echo "study.sh: missing: ${missing[*]}" >&2
  echo "  Debian: apt-get install recollcmd xapian-omega xapian-tools ripgrep time" >&2
  exit 2
fi
mkdir -p "$STUDY_OUT/bin"
cp "$BUILD/casebook" "$BUILD/bench/bench_search" "$STUDY_OUT/bin/"
export STUDY_CASEBOOK=$STUDY_OUT/bin/casebook STUDY_BENCH_SEARCH=$STUDY_OUT/bin/bench_search

exec python3 - <<'PYEOF'
import csv, functools, json, os, re, shutil, sqlite3, statistics, subprocess, sys, time
from datetime import datetime, timezone

E = os.environ
ROOT, OUT = E["STUDY_ROOT"], E["STUDY_OUT"]
sys.path.insert(0, os.path.join(ROOT, "bench"))
from peer_tools import du_mb, loadavg, near_re, pct, recoll_env, sh, timed
timed = functools.partial(timed, who="study")
CB, BENCH_SEARCH = E["STUDY_CASEBOOK"], E["STUDY_BENCH_SEARCH"]
REPEATS, RUNS = int(E["STUDY_REPEATS"]), int(E["STUDY_SEARCH_RUNS"])
SAMPLE = os.path.join(ROOT, "corpora", "sample")
SOURCES = os.path.join(SAMPLE, "sources")
RES = os.path.join(OUT, "results"); os.makedirs(RES, exist_ok=True)
STARTED = time.time()
TOOLS = ["casebook", "fts5", "recoll", "omindex"]
NAMES = {"casebook": "casebook", "fts5": "SQLite FTS5", "recoll": "recollindex", "omindex": "omindex"}
KINDS = ["word", "phrase", "near", "wildcard", "filtered"]

def log(*a): print("study: [%s +%4ds]" % (time.strftime("%H:%M:%S"), time.time() - STARTED), *a, file=sys.stderr, flush=True)
def med(v): return statistics.median(v)

def L(name): return os.path.join(OUT, name)
def idx(tool): return os.path.join(OUT, "index-" + tool)
def xapian_docs(db):
    m = re.search(r"number of documents = (\d+)", sh("xapian-delve '%s'" % db))
    return int(m.group(1)) if m else -1

input_files = [os.path.join(d, f) for d, _, fs in os.walk(SOURCES) for f in fs]
input_bytes = sum(os.path.getsize(f) for f in input_files)
by_ext = {}
for f in input_files:
    ext = os.path.splitext(f)[1].lstrip(".").lower() or "(none)"
    by_ext[ext] = by_ext.get(ext, 0) + 1
machine = {
    "date_utc": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"), "load_start": loadavg(),
    "cpu": sh("lscpu | sed -n 's/^Model name: *//p'"), "cpus": str(os.cpu_count()),
    "casebook": sh(CB + " --version"), "recollindex": sh("dpkg-query -W -f '${Version}' recollcmd"),
    "omindex": sh("dpkg-query -W -f '${Version}' xapian-omega"), "rg": sh("rg --version | head -1"),
    "sqlite": sqlite3.sqlite_version,
}

# ---- import ------------------------------------------------------------------------------
def import_casebook():
    p = idx("casebook"); shutil.rmtree(p, ignore_errors=True)
    w1, c1, r1 = timed([CB, "init", p], L("casebook-init.log"))
    for what, f in (("cases", "cases.csv"), ("series", "series.csv")):
        subprocess.run([CB, "-C", p, what, "import", os.path.join(SAMPLE, f)], check=True, capture_output=True)
    w2, c2, r2 = timed([CB, "-C", p, "import", "--manifest", os.path.join(SAMPLE, "manifest.csv")], L("casebook-import.log"))
    sources = json.loads(subprocess.run([CB, "-C", p, "sources", "--json"], check=True, capture_output=True, text=True).stdout)
    return w1 + w2, c1 + c2, max(r1, r2), sum(s["passages"] for s in sources), du_mb(p)

def extract_passages():
    """casebook's passages of every source (label, type, cases, text), for FTS5 and rg; untimed."""
    p = idx("casebook")
    sources = json.loads(subprocess.run([CB, "-C", p, "sources", "--json"], check=True, capture_output=True, text=True).stdout)
    rows, text_dir = [], L("text")
    shutil.rmtree(text_dir, ignore_errors=True); os.makedirs(text_dir)
    files = {}
    for s in sources:
        shown = json.loads(subprocess.run([CB, "-C", p, "show", s["label"], "--json"], check=True, capture_output=True, text=True).stdout)
        texts = [x["text"] for x in shown["passages"]]
        rows += [(t, " %s " % " ".join(s["cases"]), s["type"], s["label"]) for t in texts]
        path = os.path.join(text_dir, s["label"] + ".txt")
        open(path, "w", encoding="utf-8").write("\n\n".join(texts) + "\n")
        files[s["label"]] = (path, s["cases"])
    with open(L("passages.jsonl"), "w", encoding="utf-8") as f:
        for row in rows: f.write(json.dumps(row) + "\n")
    return rows, files

FTS_LOADER = r'''
import json, sqlite3, sys
db, listing = sys.argv[1], sys.argv[2]
con = sqlite3.connect(db)
con.execute("CREATE VIRTUAL TABLE p USING fts5(text, cases UNINDEXED, type UNINDEXED, source UNINDEXED, tokenize='porter')")
with con:  # one transaction
    con.executemany("INSERT INTO p(text, cases, type, source) VALUES (?, ?, ?, ?)",
                    (json.loads(l) for l in open(listing, encoding="utf-8")))
con.close()
'''
open(L("fts_load.py"), "w").write(FTS_LOADER)

def import_fts5():
    p = idx("fts5") + ".sqlite"
    if os.path.exists(p): os.remove(p)
    wall, cpu, rss = timed([sys.executable, L("fts_load.py"), p, L("passages.jsonl")], L("fts5.log"))
    return wall, cpu, rss, sqlite3.connect(p).execute("SELECT count(*) FROM p").fetchone()[0], du_mb(p)

def import_recoll():
    p = idx("recoll"); shutil.rmtree(p, ignore_errors=True); os.makedirs(p)
    wall, cpu, rss = timed(["recollindex", "-c", p, "-z"], L("recoll.log"), env=recoll_env(p, SOURCES))
    db = os.path.join(p, "xapiandb")
    return wall, cpu, rss, xapian_docs(db), du_mb(db)

def import_omindex():
    p = idx("omindex"); shutil.rmtree(p, ignore_errors=True)
    wall, cpu, rss = timed(["omindex", "--db", p, "--url", "/", SOURCES], L("omindex.log"))
    return wall, cpu, rss, xapian_docs(p), du_mb(p)

IMPORTERS = {"casebook": import_casebook, "fts5": import_fts5, "recoll": import_recoll, "omindex": import_omindex}
log("%d files, %.2f MiB on disk; %d import runs per tool" % (len(input_files), input_bytes / 1048576, REPEATS))
import_casebook()  # the first project gives FTS5 and rg their text (and warms the page cache)
rows, text_files = extract_passages()
text_bytes = sum(len(r[0].encode("utf-8")) for r in rows)
runs = []
for r in range(1, REPEATS + 1):
    for tool in TOOLS:
        wall, cpu, rss, docs, disk = IMPORTERS[tool]()
        runs.append(dict(tool=tool, run=r, wall=wall, cpu=cpu, rss=rss, docs=docs, disk=disk))
        log("import %s run %d: %.0f ms, CPU %.0f ms, peak RSS %.0f MB, %d documents" % (tool, r, wall * 1000, cpu * 1000, rss / 1024, docs))
with open(os.path.join(RES, "import_runs.tsv"), "w") as f:
    f.write("tool\trun\twall_s\tcpu_s\tmax_rss_kb\tdocuments\tindex_mb\n")
    for x in runs: f.write("%s\t%d\t%.4f\t%.4f\t%d\t%d\t%.2f\n" % (x["tool"], x["run"], x["wall"], x["cpu"], x["rss"], x["docs"], x["disk"]))
imp = {}
for tool in TOOLS:
    xs = [x for x in runs if x["tool"] == tool]
    imp[tool] = dict(wall=med(x["wall"] for x in xs), lo=min(x["wall"] for x in xs), hi=max(x["wall"] for x in xs),
                     cpu=med(x["cpu"] for x in xs), rss=med(x["rss"] for x in xs) / 1024, docs=xs[-1]["docs"], disk=xs[-1]["disk"])

# ---- search ------------------------------------------------------------------------------
outcome = {r["id"]: r["outcome"] for r in csv.DictReader(open(os.path.join(SAMPLE, "cases.csv")))}
# kind, casebook query, FTS5 MATCH, FTS5 case filter (cases or None), rg pattern, rg multiline, rg case filter
dissolved = sorted(c for c, o in outcome.items() if o == "dissolved")
Q = [
    ("word", "partnership", "partnership", None, r"\bpartnership\b", False),
    ("word", "council", "council", None, r"\bcouncil\b", False),
    ("phrase", '"joint committee"', '"joint committee"', None, r"\bjoint\s+committee\b", True),
    ("phrase", '"shared service"', '"shared service"', None, r"\bshared\s+service\b", True),
    ("near", "staff NEAR/5 transfer", "NEAR(staff transfer, 4)", None, near_re("staff", "transfer", 5), True),
    ("near", "savings NEAR/5 partnership", "NEAR(savings partnership, 4)", None, near_re("savings", "partnership", 5), True),
    ("wildcard", "shar*", "shar*", None, r"\bshar\w*", False),
    ("wildcard", "saving*", "saving*", None, r"\bsaving\w*", False),
    ("filtered", "staff case:B", "staff", ["B"], r"\bstaff\b", False),
    ("filtered", "partnership outcome:dissolved", "partnership", dissolved, r"\bpartnership\b", False),
]
def fts_sql(q, count):
    where, args = "p MATCH ?", [q[2]]
    if q[3]:
        where += " AND (%s)" % " OR ".join("instr(cases, ?) > 0" for _ in q[3]); args += [" %s " % c for c in q[3]]
    if count: return "SELECT count(*) FROM p WHERE " + where, args
    return "SELECT rowid, text, source, bm25(p) FROM p WHERE %s ORDER BY rank LIMIT 20" % where, args
def rg_cmd(q):
    cmd = ["rg", "--count", "--no-filename", "-i"] + (["-U"] if q[5] else []) + ["-e", "(?-u)" + q[4], "--"]
    if q[3]: return cmd + sorted(path for path, cases in text_files.values() if set(cases) & set(q[3]))
    return cmd + [L("text")]
def proc_ms(cmd):
    t0 = time.perf_counter(); p = subprocess.run(cmd, capture_output=True, text=True)
    return (time.perf_counter() - t0) * 1000, p
project = idx("casebook")
with open(L("queries.tsv"), "w") as f:
    for q in Q: f.write("%s\t%s\n" % (q[0], q[1]))
log("search: bench_search (casebook in-process), %d runs per kind" % RUNS)
bs_out = subprocess.run([BENCH_SEARCH, project, "--queries", L("queries.tsv"), "--runs", str(RUNS), "--modes", "search"],
                        capture_output=True, text=True, check=True).stdout
open(os.path.join(RES, "bench_search.tsv"), "w").write(bs_out)
srch = {}
for l in bs_out.splitlines():
    c = l.split("\t")
    if l.startswith("#") or c[0] == "mode" or len(c) < 7 or c[2] != "*": continue
    srch[("casebook", c[1])] = (float(c[4]), float(c[6]))
con = sqlite3.connect(idx("fts5") + ".sqlite")
hits, samples = {}, {}
for i, q in enumerate(Q):  # hit counts, and a warm-up
    hits[("fts5", i)] = con.execute(*fts_sql(q, True)).fetchone()[0]
    hits[("rg", i)] = sum(int(x) for x in proc_ms(rg_cmd(q))[1].stdout.split())
    out = proc_ms([CB, "-C", project, "search", "--count", q[1]])[1].stdout.strip()
    hits[("casebook", i)] = int(out) if out.isdigit() else -1
log("search: FTS5, rg and the casebook CLI, %d runs per kind each, interleaved" % RUNS)
by_kind = {k: [q for q in Q if q[0] == k] for k in KINDS}
for r in range(RUNS):
    for k in KINDS:
        q = by_kind[k][r % len(by_kind[k])]
        t0 = time.perf_counter(); con.execute(*fts_sql(q, False)).fetchall()
        samples.setdefault(("fts5", k), []).append((time.perf_counter() - t0) * 1000)
        samples.setdefault(("rg", k), []).append(proc_ms(rg_cmd(q))[0])
        samples.setdefault(("casebook-cli", k), []).append(proc_ms([CB, "-C", project, "search", "--count", q[1]])[0])
con.close()
for key, v in samples.items(): srch[key] = (pct(v, .5), pct(v, .99))
with open(os.path.join(RES, "search.tsv"), "w") as f:
    f.write("tool\tkind\tp50_ms\tp99_ms\n")
    for (t, k), v in sorted(srch.items()): f.write("%s\t%s\t%.3f\t%.3f\n" % (t, k, v[0], v[1]))
machine["load_end"] = loadavg()
machine["elapsed"] = time.time() - STARTED

# ---- the section ---------------------------------------------------------------------------
o = []
P = o.append
P("## The bundled study against peers (issue 10)")
P("")
P("`bash bench/study.sh` (STUDY_REPEATS=%d, STUDY_SEARCH_RUNS=%d), run %s (UTC), %.0f s in all; load average (1, 5, 15 min) %s at the start, %s at the end. %s CPUs, %s. casebook %s; recollcmd %s; xapian-omega %s; %s; SQLite %s."
  % (REPEATS, RUNS, machine["date_utc"], machine["elapsed"], machine["load_start"], machine["load_end"], machine["cpus"], machine["cpu"],
     machine["casebook"].replace("casebook ", ""), machine["recollindex"], machine["omindex"], machine["rg"], machine["sqlite"]))
P("")
P("The sample study of `corpora/sample` is what `scripts/run-sample.sh` imports: %d files, %.2f MiB on disk (%s), which casebook turns into %d passages holding %.2f MiB of text. "
  % (len(input_files), input_bytes / 1048576, ", ".join("%d %s" % (n, e) for e, n in sorted(by_ext.items(), key=lambda x: (-x[1], x[0]))), len(rows), text_bytes / 1048576)
  + "At this size every import is mostly start-up and fixed work, so the table gives milliseconds, not MB/s.")
P("")
P("- **casebook**: `casebook init` and `casebook import --manifest corpora/sample/manifest.csv`, timed together (the cases and series are imported in between, untimed). It detects the encodings, extracts PDF, DOCX, ODT, HTML, WebVTT, Markdown and text, splits passages and sentences, stores the originals and indexes every passage.")
P("- **recollindex** and **omindex** index `corpora/sample/sources` with their own handlers for each format, as a user would run them; their document counts are what they indexed (files whose format they handle).")
P("- **SQLite FTS5** has no importers: it loads casebook's %d passages (one row each, `porter`, positions) from a JSON-lines file written beforehand, so its time excludes all extraction." % len(rows))
P("")
P("### Import and index: %d runs per tool, interleaved" % REPEATS)
P("")
P("| Tool | Wall ms (median) | Wall ms range | CPU ms (median) | Peak RSS MB (median) | Documents | Index MB | Wall / casebook's |")
P("|---|---:|---:|---:|---:|---:|---:|---:|")
for t in TOOLS:
    x = imp[t]
    P("| %s | **%.0f** | %.0f-%.0f | %.0f | %.0f | %d | %.1f | %.2f |" % (NAMES[t], x["wall"] * 1000, x["lo"] * 1000, x["hi"] * 1000, x["cpu"] * 1000, x["rss"], x["docs"], x["disk"], x["wall"] / imp["casebook"]["wall"]))
P("")
P("casebook's documents are passages; recollindex's and omindex's are files (and, for recollindex, the parts of a file it splits out). Index MB for casebook is the whole project: originals, store and index.")
P("")
P("### Search: p50 / p99 ms over %d runs per kind" % RUNS)
P("")
P("Two queries per kind, taken in turn; kinds and tools interleaved; warm page cache.")
P("")
P("| Kind | casebook search() | FTS5 top 20 | casebook CLI --count | rg --count | **search() / FTS5** (p50) | **CLI / rg** (p50) |")
P("|---|---:|---:|---:|---:|---:|---:|")
def cell(t, k): return "%.2f / %.2f" % srch[(t, k)] if (t, k) in srch else "-"
def ratio(a, b, k): return "%.2f" % (srch[(a, k)][0] / srch[(b, k)][0]) if (a, k) in srch and (b, k) in srch else "-"
for k in KINDS:
    P("| %s | %s | %s | %s | %s | **%s** | **%s** |" % (k, cell("casebook", k), cell("fts5", k), cell("casebook-cli", k), cell("rg", k), ratio("casebook", "fts5", k), ratio("casebook-cli", "rg", k)))
P("")
P("| Kind | casebook query | FTS5 MATCH | casebook passages | FTS5 rows | rg lines |")
P("|---|---|---|---:|---:|---:|")
for i, q in enumerate(Q):
    P("| %s | `%s` | `%s`%s | %d | %d | %d |" % (q[0], q[1], q[2], (" in cases " + ", ".join(q[3])) if q[3] else "", hits[("casebook", i)], hits[("fts5", i)], hits[("rg", i)]))
P("")
P("The queries read as in the generated-corpus comparison above (casebook and FTS5 stem differently; rg counts lines and does not stem). `outcome:dissolved` is given to FTS5 and rg as the list of dissolved cases, and rg reads only the files of those cases.")
P("")
slow_imp = [t for t in TOOLS if t != "casebook" and imp[t]["wall"] < imp["casebook"]["wall"]]
P("**Result on the bundled study.** Import: casebook took %.0f ms; %s. Search, p50: casebook search() against FTS5 is faster on %d of %d kinds, and the casebook CLI against rg on %d of %d."
  % (imp["casebook"]["wall"] * 1000,
     ("faster than casebook: " + ", ".join("%s (%.0f ms)" % (NAMES[t], imp[t]["wall"] * 1000) for t in slow_imp)) if slow_imp else "no other tool was faster",
     sum(1 for k in KINDS if ("casebook", k) in srch and srch[("casebook", k)][0] < srch[("fts5", k)][0]), len(KINDS),
     sum(1 for k in KINDS if srch[("casebook-cli", k)][0] < srch[("rg", k)][0]), len(KINDS)))
section = "\n".join(o) + "\n"
open(os.path.join(RES, "study.md"), "w").write(section)
sys.stdout.write(section)
log("done in %.0f s" % (time.time() - STARTED))
PYEOF
