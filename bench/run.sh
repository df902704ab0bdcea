#!/usr/bin/env bash
# casebook benchmarks: import throughput, peak memory, search latency and
# coding (auto-coding, `casebook code`) on a generated corpus; writes docs/benchmarks.md.
#
#   bash bench/run.sh            full run (10 MB and 100 MB corpora, flush-size
#                                comparison, search and coding on 1 M passages, agreement;
#                                ~25 min on 2 cores, plus the build), then bench/peers.sh
#                                (casebook against SQLite FTS5, recollindex, omindex and rg
#                                at 100 k and 1 M passages, issue 10; ~20-40 min more) for
#                                the "Against peers (issue 10)" section and
#                                docs/benchmarks-peers.svg, bench/shards.sh (~10 min) and
#                                bench/study.sh (the bundled sample study against the same
#                                peers, ~3 min). CASEBOOK_BENCH_PEERS=0 skips these three and
#                                keeps their sections of the existing report as they are
#   bash bench/run.sh --quick    smoke run (10 MB, 100 k passages; peers at 20 k passages,
#                                1 import run, 20 search runs; ~6 min); writes
#                                bench/out/benchmarks-quick.md (plot:
#                                bench/out/benchmarks-peers-quick.svg) and bench/out/results-quick/
#   bash bench/run.sh --coding   only the coding benchmark (issue 4: auto-coding and
#                                `casebook code` on the 1 M-passage search project, ~8 min
#                                plus ~7 min to build the project if it is not kept);
#                                writes bench/out/results-coding/ and replaces the
#                                "Coding (issue 4)" section of docs/benchmarks.md
#                                (with --quick: 100 k passages, bench/out/benchmarks-quick.md)
#   bash bench/run.sh --agreement  only the agreement benchmark (issue 5: alpha and kappa on
#                                1 M units x 3 coders against NLTK's alpha on the same table,
#                                unitized alpha on 25/50/100 MB of double-coded text; ~3 min,
#                                builds only bench_agreement); writes bench/out/results-agreement/
#                                and replaces the "Agreement (issue 5)" section of
#                                docs/benchmarks.md (with --quick: 100 k units, NLTK on 10 k,
#                                5/10 MB, bench/out/benchmarks-quick.md). A full run includes it.
#   bash bench/run.sh --peers    only the peers (issue 10): builds casebook, gen_corpus,
#                                bench_search and bench_check, runs bench/peers.sh on that build
#                                (its PEERS_* settings apply; see bash bench/peers.sh --help;
#                                ~20-40 min at its defaults), then bench/shards.sh on the largest
#                                casebook project it left (~10 min) and bench/study.sh (~3 min),
#                                and replaces the "Against peers (issue 10)", "Sharded search
#                                (issue 10)" and "The bundled study against peers" sections of
#                                docs/benchmarks.md and docs/benchmarks-peers.svg; the rest of
#                                the report stays as it was. Results in bench/out/peers/results/ (PEERS_OUT). With
#                                --quick: 20 k passages, bench/out/benchmarks-quick.md.
#
# Everything can be sized through the environment:
#   CASEBOOK_BENCH_SIZES           corpus sizes in MiB              (default "10 100"; quick "10")
#   CASEBOOK_BENCH_REPEATS         imports per size for the median  (default 3; 1 for sizes >= 500)
#   CASEBOOK_BENCH_FLUSH           flush variants "MB[/DOCS]": CASEBOOK_INDEX_FLUSH_MB and,
#                                  after a slash, XAPIAN_FLUSH_THRESHOLD (default "1 2 8 32/200000";
#                                  quick "1 32/200000"; "" to skip); the engine's default
#                                  (read from index_sync.cpp) reuses the main runs
#   CASEBOOK_BENCH_FLUSH_SIZE      corpus (MiB) for the flush comparison and for the one-process
#                                  import that checks memory stays flat (default 100; quick 10)
#   CASEBOOK_BENCH_SEARCH_PASSAGES passages in the search corpus    (default 1000000; quick 100000)
#   CASEBOOK_BENCH_SEARCH_RUNS     timed runs per query kind        (default 240)
#   CASEBOOK_BENCH_CODING_RUNS     timed auto-coding runs            (default 3; quick 2)
#   CASEBOOK_BENCH_CODING_CLI_RUNS runs of each CLI coding command   (default 21)
#   CASEBOOK_BENCH_CODING_SENTENCE_BUDGET  run unit sentence on the whole codebook only if
#                                  the subset projects it under this many seconds (default 600)
#   CASEBOOK_BENCH_AGREEMENT_UNITS units of the reliability table (3 coders)  (default 1000000;
#                                  quick 100000)
#   CASEBOOK_BENCH_AGREEMENT_NLTK_SIZES  units NLTK is timed on (prefixes of that table; casebook
#                                  is timed on the same prefixes) (default "10000 30000 100000
#                                  1000000"; quick "10000 30000")
#   CASEBOOK_BENCH_AGREEMENT_NLTK_BUDGET  a size whose NLTK alpha is expected to take longer than
#                                  this (s) is run once, others CASEBOOK_BENCH_AGREEMENT_RUNS
#                                  times, up to 3 (default 20)
#   CASEBOOK_BENCH_AGREEMENT_MB    text sizes (MiB) for unitized alpha (default "25 50 100"; quick "5 10")
#   CASEBOOK_BENCH_AGREEMENT_RUNS  timed runs per computation (median) (default 5; quick 3)
#   CASEBOOK_BENCH_AGREEMENT_BOOTSTRAP  bootstrap resamples for the timed alpha interval (default 1000)
#   CASEBOOK_BENCH_PYTHON          python with NLTK (python3-nltk)   (default /usr/bin/python3)
#   CASEBOOK_BENCH_SEED            generator seed                   (default 42)
#   CASEBOOK_BENCH_DIRS            directories per corpus, each imported with its own
#                                  --case and --type                (default 13)
#   CASEBOOK_BENCH_OUT             work directory                   (default bench/out, git-ignored)
#   CASEBOOK_BENCH_BUILD           build directory                  (default build-bench, or
#                                  bench/out/build-rev with CASEBOOK_BENCH_REV)
#   CASEBOOK_BENCH_BUILD_TYPE      CMAKE_BUILD_TYPE of that build   (default RelWithDebInfo)
#   CASEBOOK_BENCH_REV             build this git revision (e.g. HEAD) from a clean export instead
#                                  of the working tree, so edits in progress do not leak into the
#                                  numbers; bench/ itself always comes from the working tree
#   CASEBOOK_BENCH_DOC             report to write                  (default docs/benchmarks.md)
#   CASEBOOK_BENCH_KEEP=1          keep corpora and projects; a kept search project with the
#                                  same parameters is reused instead of re-imported
#   CASEBOOK_BENCH_TIMEOUT         limit in seconds for any single command (default 3600; not
#                                  applied to bench/peers.sh as a whole)
#   CASEBOOK_BENCH_PEERS=0         a full run skips bench/peers.sh and keeps the existing "Against
#                                  peers (issue 10)" section of the report (default 1)
#   PEERS_*                        passed to bench/peers.sh (sizes, runs, tools: see its --help);
#                                  run.sh sets PEERS_BUILD to its build, PEERS_SVG beside the
#                                  report and PEERS_SEED to CASEBOOK_BENCH_SEED unless set
#
# No timing here is asserted anywhere: the numbers are reported, with the
# targets of the issue beside them.

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
QUICK=0
ONLY_CODING=0
ONLY_AGREEMENT=0
ONLY_PEERS=0
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=1 ;;
    --coding) ONLY_CODING=1 ;;
    --agreement) ONLY_AGREEMENT=1 ;;
    --peers) ONLY_PEERS=1 ;;
    -h|--help) awk 'NR == 1 {next} /^#/ {sub(/^# ?/, ""); print; next} {exit}' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "run.sh: unknown argument $arg (try --help)" >&2; exit 2 ;;
  esac
done

if [[ $QUICK == 1 ]]; then
  SIZES=${CASEBOOK_BENCH_SIZES:-10}
  REPEATS=${CASEBOOK_BENCH_REPEATS:-2}
  FLUSH=${CASEBOOK_BENCH_FLUSH-1 32/200000}
  FLUSH_SIZE=${CASEBOOK_BENCH_FLUSH_SIZE:-10}
  SEARCH_PASSAGES=${CASEBOOK_BENCH_SEARCH_PASSAGES:-100000}
  DOC=${CASEBOOK_BENCH_DOC:-}
else
  SIZES=${CASEBOOK_BENCH_SIZES:-10 100}
  REPEATS=${CASEBOOK_BENCH_REPEATS:-}
  FLUSH=${CASEBOOK_BENCH_FLUSH-1 2 8 32/200000}
  FLUSH_SIZE=${CASEBOOK_BENCH_FLUSH_SIZE:-100}
  SEARCH_PASSAGES=${CASEBOOK_BENCH_SEARCH_PASSAGES:-1000000}
  DOC=${CASEBOOK_BENCH_DOC:-$ROOT/docs/benchmarks.md}
fi
SEARCH_RUNS=${CASEBOOK_BENCH_SEARCH_RUNS:-240}
CODING_RUNS=${CASEBOOK_BENCH_CODING_RUNS:-$([[ $QUICK == 1 ]] && echo 2 || echo 3)}
CODING_CLI_RUNS=${CASEBOOK_BENCH_CODING_CLI_RUNS:-21}
CODING_SENTENCE_BUDGET=${CASEBOOK_BENCH_CODING_SENTENCE_BUDGET:-600}
if [[ $QUICK == 1 ]]; then
  AGREE_UNITS=${CASEBOOK_BENCH_AGREEMENT_UNITS:-100000}
  AGREE_NLTK_SIZES=${CASEBOOK_BENCH_AGREEMENT_NLTK_SIZES-10000 30000}
  AGREE_MB=${CASEBOOK_BENCH_AGREEMENT_MB:-5 10}
  AGREE_RUNS=${CASEBOOK_BENCH_AGREEMENT_RUNS:-3}
else
  AGREE_UNITS=${CASEBOOK_BENCH_AGREEMENT_UNITS:-1000000}
  AGREE_NLTK_SIZES=${CASEBOOK_BENCH_AGREEMENT_NLTK_SIZES-10000 30000 100000 1000000}
  AGREE_MB=${CASEBOOK_BENCH_AGREEMENT_MB:-25 50 100}
  AGREE_RUNS=${CASEBOOK_BENCH_AGREEMENT_RUNS:-5}
fi
AGREE_NLTK_BUDGET=${CASEBOOK_BENCH_AGREEMENT_NLTK_BUDGET:-20}
AGREE_BOOTSTRAP=${CASEBOOK_BENCH_AGREEMENT_BOOTSTRAP:-1000}
AGREE_PYTHON=${CASEBOOK_BENCH_PYTHON:-/usr/bin/python3}
SEED=${CASEBOOK_BENCH_SEED:-42}
DIRS=${CASEBOOK_BENCH_DIRS:-13}
OUT=${CASEBOOK_BENCH_OUT:-$ROOT/bench/out}
REV=${CASEBOOK_BENCH_REV:-}
if [[ -n $REV ]]; then
  BUILD=${CASEBOOK_BENCH_BUILD:-$OUT/build-rev}
else
  BUILD=${CASEBOOK_BENCH_BUILD:-$ROOT/build-bench}
fi
KEEP=${CASEBOOK_BENCH_KEEP:-0}
PEERS=${CASEBOOK_BENCH_PEERS:-1}
TIMEOUT=${CASEBOOK_BENCH_TIMEOUT:-3600}
[[ $QUICK == 1 && -z $DOC ]] && DOC=$OUT/benchmarks-quick.md

# Measure the engine as configured by default, whatever this shell exports.
unset CASEBOOK_INDEX_FLUSH_MB XAPIAN_FLUSH_THRESHOLD

RESULTS=$OUT/results
[[ $QUICK == 1 ]] && RESULTS=$OUT/results-quick
[[ $ONLY_CODING == 1 ]] && RESULTS=$RESULTS-coding  # results-coding, results-quick-coding
[[ $ONLY_AGREEMENT == 1 ]] && RESULTS=$RESULTS-agreement  # results-agreement, results-quick-agreement
[[ $ONLY_PEERS == 1 ]] && RESULTS=$RESULTS-peers  # only machine.tsv: bench/peers.sh keeps its own results
if ((ONLY_CODING + ONLY_AGREEMENT + ONLY_PEERS > 1)); then
  echo "run.sh: --coding, --agreement and --peers each run one part; give one of them" >&2
  exit 2
fi
mkdir -p "$OUT" "$RESULTS"
STARTED=$(date +%s)
log() { printf '[%s +%4ds] %s\n' "$(date +%H:%M:%S)" $(( $(date +%s) - STARTED )) "$*" >&2; }
die() { echo "run.sh: $*" >&2; exit 1; }

# Big directories made by this run, removed on exit unless CASEBOOK_BENCH_KEEP=1.
TEMP_DIRS=()
cleanup() {
  local status=$?
  if [[ $KEEP != 1 ]]; then
    for d in "${TEMP_DIRS[@]}"; do rm -rf -- "$d"; done
  fi
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- tools -------------------------------------------------------------------
if [[ ! -x /usr/bin/time ]]; then
  log "installing GNU time (/usr/bin/time is missing)"
  if [[ $(id -u) == 0 ]]; then
    apt-get install -y --no-install-recommends time >/dev/null || {
      apt-get update >/dev/null && apt-get install -y --no-install-recommends time >/dev/null; }
  else
    die "/usr/bin/time is missing; install the Debian package 'time' (apt-get install time)"
  fi
fi

# ---- build -------------------------------------------------------------------
SRC=$ROOT
SOURCE_DESC=""
if [[ -n $REV ]]; then
  # A clean export of the revision (kept between runs for incremental builds),
  # with the working tree's bench/ on top.
  sha=$(git -C "$ROOT" rev-parse --verify "$REV^{commit}") || die "no git revision $REV"
  SRC=$OUT/src
  if [[ ! -f $SRC/.bench-rev || $(cat "$SRC/.bench-rev") != "$sha" ]]; then
    log "exporting $REV ($sha) to $SRC"
    rm -rf -- "$SRC"
    mkdir -p "$SRC"
    git -C "$ROOT" archive "$sha" | tar -x -C "$SRC"
    echo "$sha" >"$SRC/.bench-rev"
  fi
  mkdir -p "$SRC/bench"
  find "$ROOT/bench" -maxdepth 1 -type f -exec cp -p {} "$SRC/bench/" \;
  SOURCE_DESC="$(git -C "$ROOT" rev-parse --short "$sha") (clean export of $REV; bench/ from the working tree)"
fi
BUILD_TYPE_WANTED=${CASEBOOK_BENCH_BUILD_TYPE:-RelWithDebInfo}
log "building $SRC in $BUILD ($BUILD_TYPE_WANTED)"
cmake -S "$SRC" -B "$BUILD" -DCMAKE_BUILD_TYPE="$BUILD_TYPE_WANTED" >"$OUT/cmake-configure.log" 2>&1 ||
  { tail -20 "$OUT/cmake-configure.log" >&2; die "cmake configure failed"; }
if [[ $ONLY_AGREEMENT == 1 ]]; then
  BUILD_TARGETS=(bench_agreement)
elif [[ $ONLY_PEERS == 1 ]]; then
  BUILD_TARGETS=(casebook gen_corpus bench_search bench_check)
else
  BUILD_TARGETS=(casebook gen_corpus bench_search bench_index bench_check bench_formats bench_coding bench_agreement)
fi
cmake --build "$BUILD" -j2 --target "${BUILD_TARGETS[@]}" \
  >"$OUT/cmake-build.log" 2>&1 || { tail -30 "$OUT/cmake-build.log" >&2; die "build failed"; }
# The flush size the engine uses without CASEBOOK_INDEX_FLUSH_MB, read from
# the source being measured (engine/project/index_sync.cpp).
DEFAULT_FLUSH_MB=$(sed -n 's/^ *return std::size_t{\([0-9][0-9]*\)} << 20;.*/\1/p' \
  "$SRC/engine/project/index_sync.cpp" | tail -1)
if [[ -z $DEFAULT_FLUSH_MB ]]; then
  DEFAULT_FLUSH_MB=8
  log "warning: cannot read the default flush size from index_sync.cpp; assuming 8 MB"
fi
CASEBOOK=$BUILD/casebook
GEN=$BUILD/bench/gen_corpus
BENCH_SEARCH=$BUILD/bench/bench_search
BENCH_INDEX=$BUILD/bench/bench_index
BENCH_CHECK=$BUILD/bench/bench_check
BENCH_FORMATS=$BUILD/bench/bench_formats
BENCH_CODING=$BUILD/bench/bench_coding
BENCH_AGREEMENT=$BUILD/bench/bench_agreement
BUILD_TYPE=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$BUILD/CMakeCache.txt")
CXX_PATH=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$BUILD/CMakeCache.txt")

# ---- machine -----------------------------------------------------------------
machine() {
  pkg() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo "?"; }
  {
    echo -e "date\t$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo -e "load_start\t$(cut -d' ' -f1-3 /proc/loadavg)"
    echo -e "command\t$(env | grep -E '^CASEBOOK_BENCH_' | sort | tr '\n' ' ')bash bench/run.sh$([[ $QUICK == 1 ]] && echo ' --quick')$([[ $ONLY_CODING == 1 ]] && echo ' --coding')$([[ $ONLY_AGREEMENT == 1 ]] && echo ' --agreement')$([[ $ONLY_PEERS == 1 ]] && echo ' --peers')"
    echo -e "cpu\t$(lscpu | sed -n 's/^Model name: *//p' | head -1)"
    local hv
    hv=$(lscpu | sed -n 's/^Hypervisor vendor: *//p' | head -1)
    if [[ -n $hv ]]; then
      hv=" ($hv guest)"
    elif grep -qw hypervisor /proc/cpuinfo; then
      hv=" (virtual machine)"
    fi
    echo -e "cores\t$(nproc) online$hv"
    echo -e "ram\t$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
    echo -e "kernel\t$(uname -sr)"
    echo -e "os\t$(. /etc/os-release 2>/dev/null && echo "${PRETTY_NAME:-?}")"
    echo -e "filesystem\t$(df -hT "$OUT" | awk 'NR==2 {print $2 " on " $1}')"
    echo -e "compiler\t$("$CXX_PATH" --version | head -1)"
    echo -e "build\t$BUILD_TYPE"
    echo -e "xapian\t$(xapian-config --version 2>/dev/null | awk '{print $NF}' || pkg libxapian30)"
    echo -e "icu\t$(pkg libicu-dev)"
    echo -e "sqlite\t$(pkg libsqlite3-0)"
    echo -e "sqlitecpp\t$(pkg libsqlitecpp-dev)"
    local rev dirty=""
    if [[ -n $SOURCE_DESC ]]; then
      echo -e "casebook\t$SOURCE_DESC"
    else
      rev=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "?")
      local changed
      changed=$(git -C "$ROOT" status --porcelain 2>/dev/null | cut -c4- || true)
      if [[ -n $changed ]]; then
        dirty=" + uncommitted changes (working tree at the start of the run)"
        local others
        others=$(grep -v -e '^bench/' -e '^docs/benchmarks.md$' <<<"$changed" | head -6 | paste -sd, - | sed 's/,/, /g' || true)
        if [[ -z $others ]]; then
          dirty=" + uncommitted changes in bench/ only (the engine as committed)"
        else
          dirty=" + uncommitted changes (working tree at the start of the run; outside bench/: $others)"
        fi
      fi
      echo -e "casebook\t$rev$dirty"
    fi
  } >"$RESULTS/machine.tsv"
}
machine
log "machine: $(awk -F'\t' '$1 == "cpu" || $1 == "cores" {printf "%s; ", $2}' "$RESULTS/machine.tsv")load $(cut -d' ' -f1-3 /proc/loadavg)"

# ---- helpers -----------------------------------------------------------------
now_ns() { date +%s%N; }

# gen NAME ARGS...: generates $OUT/corpus-NAME (kept while this run needs it).
gen() {
  local name=$1; shift
  local dir=$OUT/corpus-$name
  rm -rf -- "$dir"
  TEMP_DIRS+=("$dir")
  log "generating corpus $name ($*)"
  timeout "$TIMEOUT" "$GEN" "$dir" "$@" >"$dir.summary" || die "gen_corpus failed"
  TEMP_DIRS+=("$dir.summary")
}
summary_value() { sed -n "s/^$2=//p" "$OUT/corpus-$1.summary"; }

# timed LOGFILE TIMEFILE COMMAND...: runs COMMAND under /usr/bin/time -v (with
# the limit of CASEBOOK_BENCH_TIMEOUT); sets T_NS (wall, ns), T_CPU (user +
# system s) and T_RSS (max RSS, KB). Returns COMMAND's status.
timed() {
  local logfile=$1 tfile=$2 t0 t1 status=0; shift 2
  t0=$(now_ns)
  timeout "$TIMEOUT" /usr/bin/time -v -o "$tfile" "$@" >"$logfile" 2>&1 || status=$?
  t1=$(now_ns)
  T_NS=$((t1 - t0))
  T_CPU=$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {printf "%.2f", u + s}' "$tfile")
  T_RSS=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tfile")
  return $status
}

# import_corpus CORPUS PROJECT LABEL RUN MODE [ENV=VALUE...]: a fresh project,
# the case sheet, then `casebook import` under /usr/bin/time -v: one process
# per directory with its --case and --type (MODE per-dir), or one process for
# all directories (MODE one). After each process, bench_check verifies that
# every passage reached the index. Index work an import leaves queued (a
# casebook bug, see the report) is replayed at once by the next command, as a
# user's next command would, and timed as part of the import. Appends one row
# to import_runs.tsv and one per process to import_dirs.tsv.
import_corpus() {
  local corpus=$1 project=$2 label=$3 run=$4 mode=$5; shift 5
  local envs=("$@")
  rm -rf -- "$project"
  "$CASEBOOK" init "$project" >/dev/null
  "$CASEBOOK" -C "$project" cases import "$corpus/cases.csv" >/dev/null
  local total_ns=0 cpu=0 rss=0 passages=0 bytes=0 first_rate="" last_rate="" deferred=0 catchup_ns=0
  local jobs=() dir case type files dbytes paras
  if [[ $mode == one ]]; then
    local all_dirs="" all_bytes=0 all_paras=0
    while IFS=$'\t' read -r dir case type files dbytes paras; do
      [[ $dir == dir || $files == 0 ]] && continue
      all_dirs+="${all_dirs:+ }$corpus/$dir"
      all_bytes=$((all_bytes + dbytes))
      all_paras=$((all_paras + paras))
    done <"$corpus/layout.tsv"
    jobs=("all"$'\t'"A"$'\t'"report"$'\t'"$all_bytes"$'\t'"$all_paras"$'\t'"$all_dirs")
  else
    while IFS=$'\t' read -r dir case type files dbytes paras; do
      [[ $dir == dir || $files == 0 ]] && continue
      jobs+=("$dir"$'\t'"$case"$'\t'"$type"$'\t'"$dbytes"$'\t'"$paras"$'\t'"$corpus/$dir")
    done <"$corpus/layout.tsv"
  fi
  local job paths got check pending ns jcpu jrss
  for job in "${jobs[@]}"; do
    IFS=$'\t' read -r dir case type dbytes paras paths <<<"$job"
    local ilog=$OUT/import.log tfile=$OUT/time.txt
    # shellcheck disable=SC2086  # paths: directory names without spaces
    if ! timed "$ilog" "$tfile" env "${envs[@]}" "$CASEBOOK" -C "$project" import --case "$case" \
        --type "$type" $paths; then
      tail -5 "$ilog" >&2
      die "import of $paths failed"
    fi
    ns=$T_NS jcpu=$T_CPU jrss=$T_RSS
    got=$(sed -n 's/.* failed; \([0-9]*\) passages.*/\1/p' "$ilog" | tail -1)
    [[ $got == "$paras" ]] || die "$dir: imported ${got:-?} passages, the generator wrote $paras"
    check=$("$BENCH_CHECK" "$project") || die "bench_check failed on $project"
    pending=$(sed -n 's/^pending=//p' <<<"$check")
    if ((pending > 0)); then
      deferred=$((deferred + pending))
      timed "$OUT/catchup.log" "$tfile" env "${envs[@]}" "$CASEBOOK" -C "$project" search --count \
        'catchup' || die "catch-up after $dir failed: $(tail -3 "$OUT/catchup.log")"
      ns=$((ns + T_NS))
      catchup_ns=$((catchup_ns + T_NS))
      jcpu=$(awk -v a="$jcpu" -v b="$T_CPU" 'BEGIN {printf "%.2f", a + b}')
      ((T_RSS > jrss)) && jrss=$T_RSS
      check=$("$BENCH_CHECK" "$project")
      [[ $(sed -n 's/^pending=//p' <<<"$check") == 0 ]] || die "index work still pending after $dir"
    fi
    total_ns=$((total_ns + ns))
    cpu=$(awk -v a="$cpu" -v b="$jcpu" 'BEGIN {printf "%.2f", a + b}')
    ((jrss > rss)) && rss=$jrss
    passages=$((passages + paras))
    bytes=$((bytes + dbytes))
    local rate
    rate=$(awk -v b="$dbytes" -v ns="$ns" 'BEGIN {printf "%.3f", b / 1048576 / (ns / 1e9)}')
    [[ -z $first_rate ]] && first_rate=$rate
    last_rate=$rate
    printf '%s\t%s\t%s\t%s\t%s\t%.3f\t%s\t%s\t%s\n' "$label" "$run" "$dir" "$dbytes" "$paras" \
      "$(awk -v ns="$ns" 'BEGIN {print ns / 1e9}')" "$jcpu" "$pending" "$jrss" >>"$RESULTS/import_dirs.tsv"
  done
  check=$("$BENCH_CHECK" "$project")
  local docs
  docs=$(sed -n 's/^documents=//p' <<<"$check")
  [[ $docs == "$passages" ]] || die "$label run $run: $docs index documents for $passages passages"
  local wall
  wall=$(awk -v ns="$total_ns" 'BEGIN {printf "%.3f", ns / 1e9}')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$run" "$bytes" "$passages" "$wall" \
    "$cpu" "$rss" "$first_rate" "$last_rate" "${envs[*]:-default}" "$deferred" \
    "$(awk -v ns="$catchup_ns" 'BEGIN {printf "%.3f", ns / 1e9}')" >>"$RESULTS/import_runs.tsv"
  log "  $label run $run: $(awk -v b="$bytes" -v w="$wall" -v p="$passages" -v r="$rss" -v c="$cpu" \
    'BEGIN {printf "%.1f MB in %.1f s = %.2f MB/s (%.2f MB per CPU-s), %.0f passages/s, peak RSS %.0f MB", b/1048576, w, b/1048576/w, b/1048576/c, p/w, r/1024}')$( ((deferred > 0)) && echo ", $deferred sources left queued and replayed")"
}

# ---- agreement (issue 5): bench_agreement and NLTK on the same table ------------
# Writes $RESULTS/agreement.tsv (table: casebook, then NLTK's rows) and
# $RESULTS/unitized.tsv. The table's CSV (~13 MB for 1 M units) is deleted after.
run_agreement() {
  local csv=$OUT/agreement-table.csv sizes
  sizes=$(tr -s ' ' ',' <<<"$AGREE_NLTK_SIZES" | sed 's/^,//; s/,$//')
  TEMP_DIRS+=("$csv")
  log "agreement: alpha and kappa on $AGREE_UNITS units x 3 coders, $AGREE_RUNS runs; prefixes ${sizes:-none}"
  timeout "$TIMEOUT" "$BENCH_AGREEMENT" table --units "$AGREE_UNITS" --coders 3 --sizes "$sizes" \
    --runs "$AGREE_RUNS" --bootstrap "$AGREE_BOOTSTRAP" --seed "$SEED" --csv "$csv" \
    >"$RESULTS/agreement.tsv" 2>"$OUT/agreement.log" || { tail -5 "$OUT/agreement.log" >&2; die "bench_agreement table failed"; }
  if [[ -z $sizes ]]; then
    printf 'meta\tnltk\tnot asked for (CASEBOOK_BENCH_AGREEMENT_NLTK_SIZES empty)\n' >>"$RESULTS/agreement.tsv"
  elif "$AGREE_PYTHON" -c 'import nltk' 2>/dev/null; then
    log "agreement: NLTK ($AGREE_PYTHON) on the first $sizes units of the same table"
    timeout "$TIMEOUT" "$AGREE_PYTHON" "$ROOT/bench/agreement_nltk.py" --csv "$csv" --sizes "$sizes" \
      --runs "$((AGREE_RUNS < 3 ? AGREE_RUNS : 3))" --budget "$AGREE_NLTK_BUDGET" \
      >>"$RESULTS/agreement.tsv" 2>>"$OUT/agreement.log" || { tail -5 "$OUT/agreement.log" >&2; die "agreement_nltk.py failed"; }
  else
    log "warning: $AGREE_PYTHON cannot import nltk (Debian: apt-get install python3-nltk); NLTK not measured"
    printf 'meta\tnltk\tnot installed for %s\n' "$AGREE_PYTHON" >>"$RESULTS/agreement.tsv"
  fi
  rm -f -- "$csv"
  log "agreement: unitized alpha on $AGREE_MB MiB of double-coded text, $AGREE_RUNS runs"
  timeout "$TIMEOUT" "$BENCH_AGREEMENT" unitized --mb "$(tr -s ' ' ',' <<<"$AGREE_MB")" --runs "$AGREE_RUNS" \
    --seed "$SEED" >"$RESULTS/unitized.tsv" 2>>"$OUT/agreement.log" ||
    { tail -5 "$OUT/agreement.log" >&2; die "bench_agreement unitized failed"; }
}

# splice_section HEADING FILE: replaces the section of $DOC whose "## " heading
# starts with HEADING by FILE, or puts FILE before "## What limits speed" (else
# at the end); the rest of the report stays as it was.
splice_section() {
  local heading=$1 section=$2
  touch "$DOC"
  awk -v heading="$heading" -v section="$section" '
    function emit() { while ((getline line < section) > 0) print line; close(section); done = 1 }
    index($0, heading) == 1 { if (!done) { emit(); print "" } skip = 1; next }
    skip && /^## / { skip = 0 }
    skip { next }
    /^## What limits speed/ && !done { emit(); print "" }
    { print }
    END { if (!done) { print ""; emit() } }' "$DOC" >"$DOC.tmp"
  mv "$DOC.tmp" "$DOC"
}

finish_machine() {
  {
    echo -e "load_end\t$(cut -d' ' -f1-3 /proc/loadavg)"
    echo -e "elapsed_s\t$(( $(date +%s) - STARTED ))"
    echo -e "quick\t$QUICK"
    echo -e "default_flush_mb\t$DEFAULT_FLUSH_MB"
  } >>"$RESULTS/machine.tsv"
}

# ---- peers (issue 10): bench/peers.sh on this build ------------------------------
# run_peers SECTION_FILE: runs bench/peers.sh (progress on stderr and in $OUT/peers.log), which
# writes the whole "## Against peers (issue 10)" section to SECTION_FILE and the plot beside $DOC.
PEERS_SECTION_HEADING="## Against peers (issue 10)"
run_peers() {
  local section=$1 svg
  local -a penv=(PEERS_BUILD="$BUILD" PEERS_OUT="${PEERS_OUT:-$OUT/peers}" PEERS_SEED="${PEERS_SEED:-$SEED}")
  if [[ $QUICK == 1 ]]; then
    svg=$OUT/benchmarks-peers-quick.svg
    penv+=(PEERS_SIZES="${PEERS_SIZES:-20000}" PEERS_REPEATS="${PEERS_REPEATS:-1}"
      PEERS_SEARCH_RUNS="${PEERS_SEARCH_RUNS:-20}")
  else
    svg=$(dirname "$DOC")/benchmarks-peers.svg
  fi
  penv+=(PEERS_SVG="${PEERS_SVG-$svg}")
  log "peers: bench/peers.sh (casebook against FTS5, recollindex, omindex and rg; log in $OUT/peers.log)"
  if ! env "${penv[@]}" bash "$ROOT/bench/peers.sh" 2>&1 >"$section" | tee "$OUT/peers.log" >&2; then
    die "bench/peers.sh failed (see $OUT/peers.log)"
  fi
  [[ -s $section ]] || die "bench/peers.sh wrote no section"
}
# ---- sharded search (issue 10): bench/shards.sh on the peers' largest casebook project ----
SHARDS_SECTION_HEADING="## Sharded search (issue 10)"
# run_shards SECTION_FILE: runs bench/shards.sh (log in $OUT/shards.log) on the largest
# casebook project bench/peers.sh left, writing the "Sharded search" section to SECTION_FILE.
run_shards() {
  local section=$1 project
  project=$(ls -d "${PEERS_OUT:-$OUT/peers}"/work-*/index-casebook 2>/dev/null | sort -t- -k2 -n | tail -1)
  [[ -n $project ]] || die "no casebook project from bench/peers.sh to shard"
  log "shards: bench/shards.sh on $project (log in $OUT/shards.log)"
  if ! CASEBOOK="$BUILD/casebook" SHARDS_OUT="$OUT/shards" bash "$ROOT/bench/shards.sh" "$project" \
    2>&1 >"$section" | tee "$OUT/shards.log" >&2; then
    die "bench/shards.sh failed (see $OUT/shards.log)"
  fi
}

# ---- the bundled study against peers (issue 10): bench/study.sh ----
STUDY_SECTION_HEADING="## The bundled study against peers (issue 10)"
# run_study SECTION_FILE: runs bench/study.sh (log in $OUT/study.log) on this build, writing
# its section to SECTION_FILE (with --quick: 2 import runs, 20 search runs per kind).
run_study() {
  local section=$1
  local -a senv=(STUDY_OUT="$OUT/study")
  [[ $QUICK == 1 ]] && senv+=(STUDY_REPEATS="${STUDY_REPEATS:-2}" STUDY_SEARCH_RUNS="${STUDY_SEARCH_RUNS:-20}")
  log "study: bench/study.sh (the bundled sample study against the same peers; log in $OUT/study.log)"
  if ! env "${senv[@]}" bash "$ROOT/bench/study.sh" "$BUILD" 2>&1 >"$section" | tee "$OUT/study.log" >&2; then
    die "bench/study.sh failed (see $OUT/study.log)"
  fi
}

# keep_section HEADING FILE: copies the section of $DOC under HEADING (if any) to FILE.
keep_section() {
  [[ -f $DOC ]] || return 0
  awk -v heading="$1" '
    index($0, heading) == 1 {on = 1; print; next}
    on && /^## / {exit}
    on && /^$/ {blank++; next}
    on {while (blank > 0) {print ""; blank--} print}' "$DOC" >"$2"
}

if [[ $ONLY_PEERS == 1 ]]; then
  mkdir -p "$(dirname "$DOC")"
  run_peers "$OUT/peers-section.md"
  run_shards "$OUT/shards-section.md"
  run_study "$OUT/study-section.md"
  log "writing the \"Against peers\", \"Sharded search\" and \"bundled study\" sections (issue 10) of $DOC"
  splice_section "$PEERS_SECTION_HEADING" "$OUT/peers-section.md"
  splice_section "$SHARDS_SECTION_HEADING" "$OUT/shards-section.md"
  splice_section "$STUDY_SECTION_HEADING" "$OUT/study-section.md"
  log "done in $(( ($(date +%s) - STARTED) / 60 )) min $(( ($(date +%s) - STARTED) % 60 )) s: $DOC"
  exit 0
fi

if [[ $ONLY_AGREEMENT == 1 ]]; then
  run_agreement
  finish_machine
  log "writing the \"Agreement (issue 5)\" section of $DOC"
  mkdir -p "$(dirname "$DOC")"
  bash "$ROOT/bench/report.sh" --agreement "$RESULTS" >"$OUT/agreement-section.md"
  splice_section "## Agreement (issue 5)" "$OUT/agreement-section.md"
  log "done in $(( ($(date +%s) - STARTED) / 60 )) min $(( ($(date +%s) - STARTED) % 60 )) s: $DOC"
  exit 0
fi

printf 'label\trun\tbytes\tpassages\twall_s\tcpu_s\tmax_rss_kb\tfirst_dir_mbps\tlast_dir_mbps\tenv\tdeferred_sources\tcatchup_s\n' \
  >"$RESULTS/import_runs.tsv"
printf 'label\trun\tdir\tbytes\tpassages\twall_s\tcpu_s\tdeferred_sources\tmax_rss_kb\n' >"$RESULTS/import_dirs.tsv"
: >"$RESULTS/corpora.tsv"
rm -f "$RESULTS/index_breakdown.tsv"

corpus_row() {  # label name
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$(summary_value "$2" files)" "$(summary_value "$2" bytes)" \
    "$(summary_value "$2" paragraphs)" "$(summary_value "$2" sentences)" \
    "$(summary_value "$2" words)" >>"$RESULTS/corpora.tsv"
}

# ---- import throughput and memory per size -------------------------------------
FLUSH_CORPUS_DONE=0
[[ $ONLY_CODING == 1 ]] && SIZES="" FLUSH=""
for size in $SIZES; do
  repeats=$REPEATS
  if [[ -z $repeats ]]; then repeats=3; ((size >= 500)) && repeats=1; fi
  gen "$size" "$size" "$SEED" --dirs "$DIRS"
  corpus_row "${size}MB" "$size"
  project=$OUT/project-$size
  TEMP_DIRS+=("$project")
  log "importing the ${size} MB corpus, $repeats run(s)"
  for ((r = 1; r <= repeats; r++)); do
    import_corpus "$OUT/corpus-$size" "$project" "${size}MB" "$r" per-dir
  done
  if [[ ! -s $RESULTS/index_breakdown.tsv ]]; then
    # Where indexing time goes, in one process without the store (bench_index.cpp):
    # the engine's writer as configured by default, then stage by stage with
    # explicit commits every 1 MB and Xapian's own flushing off.
    log "indexing breakdown on the ${size} MB corpus (bench_index, up to 10 MB)"
    bi_work=$OUT/bench-index
    TEMP_DIRS+=("$bi_work")
    mkdir -p "$bi_work"
    {
      timeout "$TIMEOUT" "$BENCH_INDEX" "$OUT/corpus-$size" "$bi_work" --mb 10 \
        --flush-mb "$DEFAULT_FLUSH_MB" --variants writer |
        sed '/^#/d; /^variant/d; s/^writer/writer-default/'
      XAPIAN_FLUSH_THRESHOLD=100000000 timeout "$TIMEOUT" "$BENCH_INDEX" "$OUT/corpus-$size" "$bi_work" \
        --mb 10 --flush-mb 1 --variants words,terms,stems,docs,writer,add,nostem,nopos,exactonly |
        sed '/^#/d; /^variant/d'
    } >"$RESULTS/index_breakdown.tsv" || die "bench_index failed"
    rm -rf -- "$bi_work"
  fi
  if [[ $size == "$FLUSH_SIZE" && -n $FLUSH ]]; then
    log "flush-size comparison on the ${size} MB corpus: $FLUSH"
    for variant in $FLUSH; do
      mb=${variant%%/*}
      docs=""
      [[ $variant == */* ]] && docs=${variant#*/}
      if [[ $mb == "$DEFAULT_FLUSH_MB" && -z $docs ]]; then continue; fi  # = the runs above
      envs=("CASEBOOK_INDEX_FLUSH_MB=$mb")
      [[ -n $docs ]] && envs+=("XAPIAN_FLUSH_THRESHOLD=$docs")
      import_corpus "$OUT/corpus-$size" "$project" "flush:$variant" 1 per-dir "${envs[@]}"
    done
    FLUSH_CORPUS_DONE=1
  fi
  if [[ $size == "$FLUSH_SIZE" ]]; then
    log "memory check: the whole ${size} MB corpus in one import process"
    import_corpus "$OUT/corpus-$size" "$project" "${size}MB-one-process" 1 one
  fi
  [[ $KEEP == 1 ]] || rm -rf -- "$project" "$OUT/corpus-$size"
done
[[ -n $FLUSH && $FLUSH_CORPUS_DONE == 0 ]] &&
  log "note: CASEBOOK_BENCH_FLUSH_SIZE=$FLUSH_SIZE is not among the sizes; flush comparison skipped"

# ---- importer throughput per format (bench_formats.cpp: importers alone, in memory;
# PDF against pdftotext in the same run) --------------------------------------------
if [[ $ONLY_CODING == 0 ]]; then
  log "importer throughput per format (bench_formats$([[ $QUICK == 1 ]] && echo ' --quick'))"
  timeout "$TIMEOUT" "$BENCH_FORMATS" $([[ $QUICK == 1 ]] && echo --quick) \
    --testdata "${CASEBOOK_TESTDATA:-$ROOT/../shared/testdata}" >"$RESULTS/formats.tsv" ||
    die "bench_formats failed"
fi

# ---- search on the passage corpus ----------------------------------------------
sp=$SEARCH_PASSAGES
search_name=search-$sp
search_project=$OUT/project-$search_name
stamp="corpus=$(grep -o 'kCorpusVersion = [0-9]*' "$ROOT/bench/corpus_layout.hpp") passages=$sp seed=$SEED dirs=$DIRS para=1-3"
TEMP_DIRS+=("$search_project")
if [[ $KEEP == 1 && -f $search_project/.bench-stamp && $(cat "$search_project/.bench-stamp") == "$stamp" \
      && -f $OUT/corpus-$search_name.summary ]]; then
  log "reusing the search project $search_project ($stamp)"
  corpus_row "search" "$search_name"
  { printf 'reused\t%s\n' "$search_project"
    [[ -f $search_project/.bench-built ]] && cat "$search_project/.bench-built"; } \
    >"$RESULTS/search_project.tsv"
else
  t0=$(now_ns)
  gen "$search_name" 0 "$SEED" --passages "$sp" --para 1-3 --dirs "$DIRS"
  gen_s=$(awk -v ns=$(($(now_ns) - t0)) 'BEGIN {printf "%.1f", ns / 1e9}')
  corpus_row "search" "$search_name"
  log "importing the search corpus ($sp passages of 1-3 sentences)"
  import_corpus "$OUT/corpus-$search_name" "$search_project" "search" 1 per-dir
  echo "$stamp" >"$search_project/.bench-stamp"
  # How long building it took, kept with the project for runs that reuse it.
  printf 'built_at\t%s\ngenerate_s\t%s\nimport_s\t%s\n' "$(date -u +%Y-%m-%dT%H:%MZ)" "$gen_s" \
    "$(awk -F'\t' '$1 == "search" {print $5}' "$RESULTS/import_runs.tsv" | tail -1)" \
    >"$search_project/.bench-built"
  { printf 'built\t%s\n' "$search_project"; cat "$search_project/.bench-built"; } \
    >"$RESULTS/search_project.tsv"
  [[ $KEEP == 1 ]] || rm -rf -- "$OUT/corpus-$search_name"
fi

if [[ $ONLY_CODING == 0 ]]; then
  log "search latency: $SEARCH_RUNS timed runs per kind on $search_project"
  timeout "$TIMEOUT" "$BENCH_SEARCH" "$search_project" --runs "$SEARCH_RUNS" >"$RESULTS/search.tsv" ||
    die "bench_search failed"

  # The whole CLI process, as a user at a terminal sees it (startup, ICU data, output).
  : >"$RESULTS/cli.tsv"
  for q in housing '"shared service"' 'staff NEAR/5 queue'; do
    for ((i = 0; i < 25; i++)); do
      t0=$(now_ns)
      "$CASEBOOK" -C "$search_project" search "$q" >/dev/null
      t1=$(now_ns)
      printf '%s\t%s\n' "$q" "$(awk -v ns=$((t1 - t0)) 'BEGIN {printf "%.3f", ns / 1e6}')" >>"$RESULTS/cli.tsv"
    done
  done
fi

# ---- coding (issue 4): auto-coding and `casebook code` on the same project -------
# bench_coding.cpp loads its codebook of 50 codes into the project (and leaves
# it there, with the codings of its CLI runs; its suggestions are deleted).
log "coding: codebook of 50 codes, autocode x $CODING_RUNS, CLI x $CODING_CLI_RUNS on $search_project"
coding_work=$OUT/coding-work
TEMP_DIRS+=("$coding_work")
mkdir -p "$coding_work"
timeout "$TIMEOUT" "$BENCH_CODING" "$search_project" --runs "$CODING_RUNS" --casebook "$CASEBOOK" \
  --cli-runs "$CODING_CLI_RUNS" --sentence-budget "$CODING_SENTENCE_BUDGET" --work "$coding_work" \
  >"$RESULTS/coding.tsv" 2>"$OUT/coding.log" || { tail -5 "$OUT/coding.log" >&2; die "bench_coding failed"; }
rm -rf -- "$coding_work"
index_mb=$(du -sm "$search_project/.casebook/$(cat "$search_project/.casebook/index.current")" | cut -f1)
store_mb=$(du -cm "$search_project/.casebook/"store.sqlite* | tail -1 | cut -f1)
objects_mb=$(du -sm "$search_project/.casebook/objects" | cut -f1)
printf 'index_mb\t%s\nstore_mb\t%s\nobjects_mb\t%s\n' "$index_mb" "$store_mb" "$objects_mb" \
  >"$RESULTS/search_sizes.tsv"
[[ $KEEP == 1 ]] || rm -rf -- "$search_project"

# ---- agreement (issue 5) ---------------------------------------------------------
if [[ $ONLY_CODING == 0 ]]; then
  run_agreement
fi

# ---- peers (issue 10) --------------------------------------------------------------
rm -f -- "$RESULTS/peers-section.md" "$RESULTS/shards-section.md" "$RESULTS/study-section.md"
if [[ $ONLY_CODING == 0 ]]; then
  if [[ $PEERS != 0 ]]; then
    run_peers "$RESULTS/peers-section.md"
    run_shards "$RESULTS/shards-section.md"
    run_study "$RESULTS/study-section.md"
  else
    keep_section "$PEERS_SECTION_HEADING" "$RESULTS/peers-section.md"
    keep_section "$SHARDS_SECTION_HEADING" "$RESULTS/shards-section.md"
    keep_section "$STUDY_SECTION_HEADING" "$RESULTS/study-section.md"
    if [[ -s $RESULTS/peers-section.md ]]; then
      log "peers skipped (CASEBOOK_BENCH_PEERS=0): keeping the \"Against peers\" section of $DOC"
    else
      log "peers skipped (CASEBOOK_BENCH_PEERS=0) and $DOC has no \"Against peers\" section"
    fi
  fi
fi

# ---- the report ----------------------------------------------------------------
ELAPSED=$(( $(date +%s) - STARTED ))
{
  echo -e "load_end\t$(cut -d' ' -f1-3 /proc/loadavg)"
  echo -e "elapsed_s\t$ELAPSED"
  echo -e "quick\t$QUICK"
  echo -e "default_flush_mb\t$DEFAULT_FLUSH_MB"
} >>"$RESULTS/machine.tsv"
log "writing $DOC"
mkdir -p "$(dirname "$DOC")"
if [[ $ONLY_CODING == 1 ]]; then
  # Only the coding section: replaced where it is, else put before "## What
  # limits speed" (or at the end); the rest of the report stays as it was.
  bash "$ROOT/bench/report.sh" --coding "$RESULTS" >"$OUT/coding-section.md"
  touch "$DOC"
  awk -v section="$OUT/coding-section.md" '
    function emit() { while ((getline line < section) > 0) print line; close(section); done = 1 }
    /^## Coding \(issue 4\)/ { if (!done) { emit(); print "" } skip = 1; next }
    skip && /^## / { skip = 0 }
    skip { next }
    /^## What limits speed/ && !done { emit(); print "" }
    { print }
    END { if (!done) { print ""; emit() } }' "$DOC" >"$DOC.tmp"
else
  bash "$ROOT/bench/report.sh" "$RESULTS" "$ELAPSED" "$QUICK" "$DEFAULT_FLUSH_MB" >"$DOC.tmp"
fi
mv "$DOC.tmp" "$DOC"
log "done in $((ELAPSED / 60)) min $((ELAPSED % 60)) s: $DOC"
