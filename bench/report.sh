#!/usr/bin/env bash
# Writes the benchmark report (markdown, on stdout) from the TSV files that
# bench/run.sh leaves in bench/out/results:
#
#   bash bench/report.sh RESULTS_DIR [ELAPSED_S] [QUICK 0|1] [DEFAULT_FLUSH_MB]
#   bash bench/report.sh --coding RESULTS_DIR   only the "Coding (issue 4)" section
#   bash bench/report.sh --agreement RESULTS_DIR   only the "Agreement (issue 5)" section
#
# The targets come from the issue that asked for the benchmarks:
#   import >= 3 MB/s of text end-to-end on one core of a 2-core machine,
#   peak memory flat as the corpus grows, search p99 < 20 ms on 1 M passages;
# and from issue 4 (coding, rendered when RESULTS_DIR has coding.tsv):
#   auto-coding 50 codes x 3 queries over 1 M passages < 60 s, `casebook code
#   SOURCE --passage N CODE` < 50 ms end to end on 1 M passages.
# and from issue 5 (agreement, rendered when RESULTS_DIR has agreement.tsv and
# unitized.tsv): alpha and kappa for 1 M units x 3 coders, alpha >= 50x faster
# than NLTK's on the same data; unitized alpha over 100 MB of double-coded text,
# linear in text length.
# RESULTS_DIR/peers-section.md, when present, is the "Against peers (issue 10)" section as
# bench/peers.sh wrote it (bench/run.sh puts it there, or keeps the report's current one);
# it goes in unchanged after the agreement section, followed by RESULTS_DIR/shards-section.md
# (bench/shards.sh's "Sharded search (issue 10)" section) and RESULTS_DIR/study-section.md
# (bench/study.sh's "The bundled study against peers (issue 10)") when present.

set -euo pipefail

CODING_ONLY=0
AGREEMENT_ONLY=0
if [[ ${1:-} == --coding ]]; then CODING_ONLY=1; shift; fi
if [[ ${1:-} == --agreement ]]; then AGREEMENT_ONLY=1; shift; fi
RES=${1:?usage: report.sh [--coding|--agreement] RESULTS_DIR [ELAPSED_S] [QUICK] [DEFAULT_FLUSH_MB]}
saved() { awk -F'\t' -v k="$1" '$1 == k {print $2}' "$RES/machine.tsv"; }
ELAPSED=${2:-$(saved elapsed_s)}
ELAPSED=${ELAPSED:-0}
QUICK=${3:-$(saved quick)}
QUICK=${QUICK:-0}
DEFAULT_FLUSH_MB=${4:-$(saved default_flush_mb)}
DEFAULT_FLUSH_MB=${DEFAULT_FLUSH_MB:-8}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

TARGET_MBPS=3
TARGET_P99_MS=20
TARGET_PASSAGES=1000000
FLAT_RATIO=1.25  # peak RSS of one process importing a whole corpus / of one importing 1/13 of it

mach() { awk -F'\t' -v k="$1" '$1 == k {print $2}' "$RES/machine.tsv"; }
# median of the numbers on stdin
median() { sort -g | awk '{a[NR] = $1} END {if (NR == 0) exit; print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
# column N of import_runs.tsv for label L
runs_col() { awk -F'\t' -v l="$1" -v c="$2" 'NR > 1 && $1 == l {print $c}' "$RES/import_runs.tsv"; }
fmt() { awk -v x="$1" -v f="$2" 'BEGIN {printf f, x}'; }
pass() { awk -v ok="$1" 'BEGIN {print ok ? "**PASS**" : "**MISS**"}'; }

# ---- Coding (issue 4): rendered from coding.tsv of bench_coding ----------------
# (also on its own: report.sh --coding RESULTS_DIR, which bench/run.sh --coding uses)
TARGET_AUTOCODE_S=60
TARGET_CODE_MS=50
# nearest-rank percentile P (0-1) of the numbers on stdin
pct() { sort -g | awk -v p="$1" '{a[NR] = $1} END {if (NR == 0) exit; r = int(p * NR); if (r < p * NR) r++; if (r < 1) r = 1; print a[r]}'; }
coding_section() {
  local T=$RES/coding.tsv
  cmeta() { awk -F'\t' -v k="$1" '$1 == "meta" && $2 == k {print $3}' "$T"; }
  ccol() { awk -F'\t' -v a="$1" -v c="$2" '$1 == a {print $c}' "$T"; }
  cli() { awk -F'\t' -v w="$1" '$1 == "cli" && $2 == w {print $4}' "$T"; }
  local passages runs ac_med ac_min ac_max sugg rate code_p50 code_p90 verdict_ac verdict_cli
  passages=$(cmeta passages)
  runs=$(ccol autocode 3 | wc -l)
  ac_med=$(ccol autocode 4 | median)
  ac_min=$(ccol autocode 4 | sort -g | head -1)
  ac_max=$(ccol autocode 4 | sort -g | tail -1)
  sugg=$(ccol autocode 5 | tail -1)
  rate=$(awk -v n="$sugg" -v s="$ac_med" 'BEGIN {printf "%.0f", n / s}')
  code_p50=$(cli code_passage | median)
  code_p90=$(cli code_passage | pct 0.9)
  verdict_ac=$(pass "$(awk -v s="$ac_med" -v t=$TARGET_AUTOCODE_S 'BEGIN {print s < t}')")
  verdict_cli=$(pass "$(awk -v s="$code_p50" -v t=$TARGET_CODE_MS 'BEGIN {print s < t}')")
  local built sp=$RES/search_project.tsv
  spv() { awk -F'\t' -v k="$1" '$1 == k {print $2}' "$sp"; }
  if [[ -f $sp ]] && grep -q $'^built\t' "$sp"; then
    built="built for this run: generated in $(spv generate_s) s and imported in $(fmt "$(spv import_s)" %.0f) s (13 \`casebook import\` processes, as for the search benchmark)"
  elif [[ -f $sp ]] && grep -q '^import_s' "$sp"; then
    built="kept from an earlier run with the same parameters (\`CASEBOOK_BENCH_KEEP=1\`); building it ($(spv built_at)) took $(spv generate_s) s to generate and $(fmt "$(spv import_s)" %.0f) s to import (13 \`casebook import\` processes, as for the search benchmark)"
  else
    built="kept from an earlier run with the same parameters (\`CASEBOOK_BENCH_KEEP=1\`)"
  fi
  codebook_loaded() {
    local v
    v=$(cmeta codebook_version)
    if [[ $v == *unchanged* ]]; then
      echo "It was already the project's current codebook (version ${v%% *}, loaded by an earlier run)."
    else
      echo "Loading it into the store as codebook version $v took $(fmt "$(cmeta codebook_load_s)" %.2f) s."
    fi
  }
  local rev
  rev=$(mach casebook)
  cat <<EOF
## Coding (issue 4)

Measured by \`$(mach command)\` (\`bench/bench_coding.cpp\`) on $(mach date) (UTC):
$(mach cpu), $(mach cores), $(mach ram) RAM, $(mach os); \`$(mach build)\` build;
casebook ${rev}. Load average $(mach load_start) at the start and
$(mach load_end) at the end (other work shares this machine). The project is
the search corpus above ($passages passages of 1-3 sentences, $(cmeta sources)
sources), $built.

| Target (issue 4) | Measured | Result |
|---|---|---|
| Auto-coding 50 codes × 3 queries over 1 M passages in under $TARGET_AUTOCODE_S s | $(fmt "$ac_med" %.1f) s (median of $runs; $(fmt "$ac_min" %.1f)-$(fmt "$ac_max" %.1f)), $sugg suggestions, $rate suggestions/s | $verdict_ac |
| \`casebook code SOURCE --passage N CODE\` end to end under $TARGET_CODE_MS ms on 1 M passages | p50 $(fmt "$code_p50" %.1f) ms, p90 $(fmt "$code_p90" %.1f) ms ($(cli code_passage | wc -l) runs) | $verdict_cli |

### The codebook

Five themes (finance, workforce, governance, services, partnership) with
nine codes each, $(cmeta codes) codes in all, each with three indicative queries
($(cmeta queries)), written with the generator's vocabulary: single words,
quoted phrases (its collocations, names, and pairs that only meet by
chance), NEAR/n, prefix wildcards, AND/OR and \`case:\`/\`type:\` filters.
$(codebook_loaded) Hits are the
passages each query matches (\`search::matching_passages\`, exact); a query
kind such as "near+boolean" combines several.

| Query kind | Queries | Hits min | Hits median | Hits max | Hits, sum |
|---|---:|---:|---:|---:|---:|
EOF
  local k
  while IFS= read -r k; do
    awk -F'\t' -v k="$k" '$1 == "query" && $3 == k {print $5}' "$T" | sort -g |
      awk -v k="$k" '{a[NR] = $1; s += $1} END {m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2;
        printf "| %s | %d | %d | %d | %d | %d |\n", k, NR, a[1], m, a[NR], s}'
  done < <(awk -F'\t' '$1 == "query" {print $3}' "$T" | sort | uniq -c | sort -k1,1nr -k2 | awk '{print $2}')
  awk -F'\t' '$1 == "query" {print $5}' "$T" | sort -g |
    awk '{a[NR] = $1; s += $1} END {m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2;
      printf "| **all** | %d | %d | %d | %d | **%d** |\n", NR, a[1], m, a[NR], s}'
  cat <<EOF

A code's three queries often hit the same passage; autocode stores one
suggestion per code and passage, so it stored **$sugg suggestions** for the
$(awk -F'\t' '$1 == "meta" && $2 == "query_hits_total" {print $3}' "$T") query hits
($(awk -v a="$sugg" -v p="$passages" 'BEGIN {printf "%.1f", a / p}') per passage on average; per code from
$(awk -F'\t' '$1 == "code" {print $5}' "$T" | sort -g | head -1) to $(awk -F'\t' '$1 == "code" {print $5}' "$T" | sort -g | tail -1)). The commonest and the rarest queries:

| Code | Query | Kind | Hits |
|---|---|---|---:|
EOF
  { awk -F'\t' '$1 == "query"' "$T" | sort -t$'\t' -k5,5gr | head -5
    awk -F'\t' '$1 == "query"' "$T" | sort -t$'\t' -k5,5g | head -5 | sort -t$'\t' -k5,5gr; } |
    awk -F'\t' '{printf "| %s | `%s` | %s | %d |\n", $2, $4, $3, $5}'
  cat <<EOF

### Auto-coding

\`coding::autocode\` for unit passage, as \`casebook autocode\` runs it: the
write lock, one \`WriteTransaction\`, autocode, commit, timed together. Before
each run the previous run's suggestions are deleted and the WAL checkpointed
(not timed), so every run stores the same suggestions. The parts are timed
separately in the same run: **queries** is \`search::matching_passages\` for
all $(cmeta queries) queries (Xapian: parse, match, read each hit's document
data); **lookups** is \`passages_by_id\` for their hits (one SQLite lookup of the
passage's span and source label per hit); **dry run** is \`autocode\` with
\`dry_run\` (queries, lookups, de-duplication and the two checks per hit, "coded
already?" and "suggested before?", without inserts); **inserts** is the full
run minus the dry run minus the commit.

| Run | **Total s** | Suggestions | **Suggestions/s** | Queries s | Lookups s | Checks s | Inserts s | Commit s |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
EOF
  awk -F'\t' '$1 == "autocode" {printf "| %d | **%.1f** | %d | **%.0f** | %.1f | %.1f | %.1f | %.1f | %.2f |\n",
    $3, $4, $5, $5 / $4, $6, $7, $8 - $6 - $7, $4 - $8 - $9, $9}' "$T"
  local med_q med_l med_dry med_c
  med_q=$(ccol autocode 6 | median); med_l=$(ccol autocode 7 | median)
  med_dry=$(ccol autocode 8 | median); med_c=$(ccol autocode 9 | median)
  awk -v t="$ac_med" -v n="$sugg" -v q="$med_q" -v l="$med_l" -v d="$med_dry" -v c="$med_c" 'BEGIN {
    printf "| median | **%.1f** | %d | **%.0f** | %.1f | %.1f | %.1f | %.1f | %.2f |\n", t, n, n / t, q, l, d - q - l, t - d - c, c
    printf "| share of the median total | | | | %.0f %% | %.0f %% | %.0f %% | %.0f %% | %.0f %% |\n",
      100 * q / t, 100 * l / t, 100 * (d - q - l) / t, 100 * (t - d - c) / t, 100 * c / t }'
  echo
  local sub
  sub=$(awk -F'\t' '$1 == "sentence" && $2 == "subset"' "$T")
  if [[ -n $sub ]]; then
    local names ps pn ss sn sh all_row
    IFS=$'\t' read -r _ _ names ps pn ss sn sh <<<"$sub"
    all_row=$(awk -F'\t' '$1 == "sentence" && $2 == "all"' "$T")
    cat <<EOF
**Unit sentence** (\`--unit sentence\`: each hit's sentences holding a
matched word, which needs the text of every hit: \`search::search\` with all
hits, then the sentences of each source). On a subset of $(tr ',' '\n' <<<"$names" | wc -l) codes
(${names//,/, }; $sh passage hits), one run each:

| Unit | Codes | Seconds | Suggestions | Suggestions/s |
|---|---|---:|---:|---:|
| passage | subset | $(fmt "$ps" %.1f) | $pn | $(awk -v n="$pn" -v s="$ps" 'BEGIN {printf "%.0f", n / s}') |
| sentence | subset | $(fmt "$ss" %.1f) | $sn | $(awk -v n="$sn" -v s="$ss" 'BEGIN {printf "%.0f", n / s}') |
EOF
    if [[ -n $all_row ]]; then
      local as an
      as=$(cut -f6 <<<"$all_row"); an=$(cut -f7 <<<"$all_row")
      printf '| sentence | all %s | %.1f | %d | %.0f |\n' "$(cmeta codes)" "$as" "$an" \
        "$(awk -v n="$an" -v s="$as" 'BEGIN {print n / s}')"
      echo
      echo "Unit sentence on the whole codebook took $(fmt "$as" %.0f) s, $(awk -v a="$as" -v b="$ac_med" 'BEGIN {printf "%.1f", a / b}') × the passage unit's median; on the subset it was $(awk -v a="$ss" -v b="$ps" 'BEGIN {printf "%.1f", a / b}') × slower than unit passage."
    else
      echo
      echo "Unit sentence was $(awk -v a="$ss" -v b="$ps" 'BEGIN {printf "%.1f", a / b}') × slower than unit passage on the subset; scaled by hits, the whole codebook would take about $(fmt "$(cmeta sentence_projected_s)" %.0f) s, so it was not run ($(cmeta sentence_full))."
    fi
    echo
  fi
  local sq_p50 ratio
  sq_p50=$(cli sqlite3_insert | median)
  ratio=$(awk -v a="$code_p50" -v b="$sq_p50" 'BEGIN {if (b > 0) printf "%.1f", a / b; else print "-"}')
  cat <<EOF
### Coding from the command line

The real binary, fork/exec to exit, wall clock (\`posix_spawn\`, output to a
file), $(cli code_passage | wc -l) runs of each command on different sources spread over
the corpus, the commands interleaved. Every \`code\` run adds one coding (by
coder \`bench\`; the previous run's are deleted first, untimed). Each command
opens the project (the store, and index reconciliation if work is pending),
takes the write lock for \`code\`, does its work and commits.

| Command | p50 ms | p90 ms | max ms |
|---|---:|---:|---:|
EOF
  local w label
  for w in code_passage code_match codings_source version sqlite3_insert; do
    case $w in
      code_passage) label='`casebook --coder bench code SOURCE --passage N CODE`' ;;
      code_match) label='`casebook --coder bench code SOURCE --match "QUOTE" CODE` (the first 8 or more words of another passage)' ;;
      codings_source) label='`casebook codings --source SOURCE`' ;;
      version) label='`casebook --version` (process start-up alone)' ;;
      sqlite3_insert) label='`sqlite3 STORE-COPY "INSERT INTO codings ... SELECT ..., substr(text, ...) FROM source_texts ..."`' ;;
    esac
    [[ -n $(cli "$w") ]] || continue
    printf '| %s | %.1f | %.1f | %.1f |\n' "$label" "$(cli "$w" | median)" "$(cli "$w" | pct 0.9)" \
      "$(cli "$w" | sort -g | tail -1)"
  done
  cat <<EOF

There is no CAQDAS peer that runs here (the established ones are desktop GUI
applications without a command line to time), so there is no peer ratio. As a
reference point, the \`sqlite3\` shell (Debian's, $(mach sqlite)) inserts the
same coding row, its quote cut from the stored text by the statement, into a
copy of the same store with casebook's settings (WAL, \`synchronous =
NORMAL\`, foreign keys on): one process, one statement, one commit.
\`casebook code --passage\` takes **$ratio ×** that time at the median.
EOF
  coding_profile
}

# Where coding time goes. Not regenerated by a run: profiles taken by hand
# (see the revision and date in the text); re-profile after engine changes.
coding_profile() {
  cat <<'EOF'

### Where the time goes

Not regenerated by `run.sh`: profiles taken by hand on 2026-12-02 of
casebook 459b507 (the engine as committed, `Release` build), same machine.
They explain the numbers above.

**Auto-coding.** `perf record --call-graph dwarf` of one `bench_coding
--runs 1 --sentence-subset 0 --no-cli` (hit counts, the parts, a dry run
and a full run; 409 166 suggestions). Of the samples inside `autocode`:

| Where | Share |
|---|---:|
| `sqlite3_prepare_v2`: the two checks per hit, `owner_coded_overlap` and `already_suggested` (engine/coding/suggestions.cpp), construct a new `SQLite::Statement` for every hit, so each hit parses and plans two SELECTs (about 16 µs each) and finalizes them | 61 % |
| the INSERT (prepared once): B-tree searches for the UNIQUE (owner, code_id, source_id, start_cp, end_cp) index and the foreign keys, the inserts, pages read back from the OS (SQLite's default 2 MB page cache is smaller than the transaction's working set) | 26 % |
| running the check SELECTs and the passage lookups (`executeStep`) | 9 % |
| Xapian matching (`search::matching_passages`) | 5 % |
| the commit | < 1 % |

Fix, should auto-coding need to be faster (not done here: the benchmark
does not change the engine): prepare the two check statements once per
`autocode` call, as the INSERT already is, and `reset()` and re-bind them
per hit. A full run prepares about 818 000 statements (two per hit) at
about 16 µs each, some 13 s of the 26-31 s measured, so it should drop to
roughly 15-18 s (estimated from the profile, not measured).
Further: drop `already_suggested` and insert with `ON CONFLICT DO NOTHING`
(the UNIQUE constraint is there), counting "suggested before" from
`sqlite3_changes()`, and read the owner's active codings of a code once per
code instead of one overlap query per hit.

**Unit sentence** needs each hit's text: it runs `search::search` with
every hit (the source row, `substr()` of the text, segmenting it again to
mark the matched words), then `find_passage` per hit and the sentences of
each source, where unit passage reads only passage ids and spans.

**`casebook code` from the command line** is mostly process start-up
(`casebook --version` in the table above). Until 792043e casebook linked
libcurl, which only `harvest` uses; it brought some 29 shared libraries
(GnuTLS, Kerberos, LDAP, libssh2, p11-kit ...) whose loading and
constructors every command paid for. An empty `int main() {}` linked
(`--no-as-needed`) against casebook's libraries started in 14.0 ms with
libcurl, 7.8 ms without it and 1.0 ms against nothing (medians of 60 runs,
2026-12-03). casebook now loads libcurl with `dlopen` when `harvest` makes
its first request (`engine/harvest/curl_library`), and parsing a query no
longer builds the sentence break iterator with CLDR's abbreviation filter,
which it never used. Measured the same way on the same day: `casebook
--version` went from 16.0 to 10.9 ms, and `search --count` of the five
filtered queries on 1 M passages from 22-38 ms to 13-25 ms. What is left is
loading the 21 libraries casebook does use (ICU, Xapian, SQLite, libzip,
OpenSSL's libcrypto, ...): `perf` over 40 `--version` runs puts 44 % in the
kernel (mapping them, page faults) and 38 % in the dynamic loader (symbol
lookup). The coding work itself (open the store, load the source's text and
passages, check the code, insert, audit entry, commit) is a few ms.
EOF
}
# ---- Agreement (issue 5): rendered from agreement.tsv and unitized.tsv of
# bench_agreement and agreement_nltk.py (also on its own: report.sh --agreement
# RESULTS_DIR, which bench/run.sh --agreement uses) ----------------------------
TARGET_NLTK_RATIO=50     # casebook's alpha at least this many times faster than NLTK's
TARGET_LINEAR_RATIO=1.25 # unitized: seconds per MB at the largest size / at the smallest
agreement_section() {
  local T=$RES/agreement.tsv U=$RES/unitized.tsv
  ameta() { awk -F'\t' -v k="$1" '$1 == "meta" && $2 == k {print $3; exit}' "$T"; }
  # amed KIND UNITS WHAT: median seconds; aval: the value column of the first row
  amed() { awk -F'\t' -v k="$1" -v n="$2" -v w="$3" '$1 == k && $2 == n && $4 == w {print $6}' "$T" | median; }
  acount() { awk -F'\t' -v k="$1" -v n="$2" -v w="$3" '$1 == k && $2 == n && $4 == w' "$T" | wc -l; }
  arange() { awk -F'\t' -v k="$1" -v n="$2" -v w="$3" -v s="$4" '$1 == k && $2 == n && $4 == w {x = $6 * s; if (!c++ || x < lo) lo = x; if (x > hi) hi = x}
    END {f = (hi < 10) ? "%.2f-%.2f" : "%.1f-%.1f"; if (c > 1) printf f, lo, hi; else printf "-"}' "$T"; }
  aval() { awk -F'\t' -v k="$1" -v n="$2" -v w="$3" '$1 == k && $2 == n && $4 == w {print $7; exit}' "$T"; }
  ulabel() { awk -v n="$1" 'BEGIN {if (n >= 1e6) printf "%g M", n / 1e6; else printf "%g k", n / 1000}'; }
  local units coders rev nltk_sizes
  units=$(ameta units); coders=$(ameta coders)
  rev=$(mach casebook)
  nltk_sizes=$(awk -F'\t' '$1 == "nltk" && $4 == "alpha" {print $2}' "$T" | sort -gu)
  local a_ms k_ms f_ms ca_ms ratios="" min_ratio="" verdict_alpha
  a_ms=$(awk -v s="$(amed table "$units" alpha_nominal)" 'BEGIN {printf "%.1f", s * 1e3}')
  k_ms=$(awk -v s="$(amed table "$units" cohen_kappa_pairs)" 'BEGIN {printf "%.1f", s * 1e3}')
  f_ms=$(awk -v s="$(amed table "$units" fleiss_kappa)" 'BEGIN {printf "%.1f", s * 1e3}')
  ca_ms=$(awk -v s="$(amed table "$units" compute_agreement)" 'BEGIN {printf "%.1f", s * 1e3}')
  local n nl cb r
  for n in $nltk_sizes; do
    nl=$(amed nltk "$n" alpha)
    if [[ $n == "$units" ]]; then cb=$(amed table "$n" alpha_nominal); else cb=$(amed prefix "$n" alpha_nominal); fi
    [[ -n $cb ]] || continue
    r=$(awk -v a="$nl" -v b="$cb" 'BEGIN {printf "%.0f", a / b}')
    ratios+="${ratios:+, }$(ulabel "$n") units ${r}×"
    if [[ -z $min_ratio ]] || ((r < min_ratio)); then min_ratio=$r; fi
  done
  local nltk_at_full="" per_unit_lo per_unit_hi
  [[ -n $(echo "$nltk_sizes" | grep -x "$units" || true) ]] && nltk_at_full=1
  if [[ -n $min_ratio ]]; then
    per_unit_lo=$(for n in $nltk_sizes; do awk -v s="$(amed nltk "$n" alpha)" -v n="$n" 'BEGIN {print s / n * 1e6}'; done | sort -g | head -1)
    per_unit_hi=$(for n in $nltk_sizes; do awk -v s="$(amed nltk "$n" alpha)" -v n="$n" 'BEGIN {print s / n * 1e6}'; done | sort -g | tail -1)
    verdict_alpha=$(pass "$(awk -v r="$min_ratio" -v t=$TARGET_NLTK_RATIO 'BEGIN {print (r >= t)}')")
    if [[ -z $nltk_at_full ]]; then
      verdict_alpha+=" at the sizes measured; at $(awk -v n="$units" 'BEGIN {printf "%g", n / 1e6}') M units NLTK was not run (see below)"
    fi
  else
    verdict_alpha="n/a (NLTK not measured)"
  fi
  # Unitized: seconds per MiB at each size.
  local mbs small large spm_small spm_large lin verdict_lin u100
  mbs=$(awk -F'\t' '$1 == "continua" {print $2}' "$U" | sort -gu)
  small=$(echo "$mbs" | head -1); large=$(echo "$mbs" | tail -1)
  umed() { awk -F'\t' -v m="$1" -v w="$2" '$1 == "unitized" && $2 == m && $4 == w {print $6}' "$U" | median; }
  spm_small=$(awk -v s="$(umed "$small" unitized_alphas)" -v m="$small" 'BEGIN {print s / m}')
  spm_large=$(awk -v s="$(umed "$large" unitized_alphas)" -v m="$large" 'BEGIN {print s / m}')
  lin=$(awk -v a="$spm_large" -v b="$spm_small" 'BEGIN {printf "%.2f", a / b}')
  verdict_lin=$(pass "$(awk -v r="$lin" -v t=$TARGET_LINEAR_RATIO 'BEGIN {print (r <= t)}')")
  u100=$(umed "$large" unitized_alphas)
  cat <<EOF
## Agreement (issue 5)

Measured by \`$(mach command)\` (\`bench/bench_agreement.cpp\`,
\`bench/agreement_nltk.py\`) on $(mach date) (UTC): $(mach cpu), $(mach cores),
$(mach ram) RAM, $(mach os); \`$(mach build)\` build ($(mach compiler)); casebook ${rev}.
Load average $(mach load_start) at the start and $(mach load_end) at the end: other
work shares the 2 cores, so single runs vary; every figure is a median
(ranges given). Reference: NLTK $(ameta nltk) (Debian's python3-nltk) on Python
$(ameta python), run on the same table in the same run.

| Target (issue 5) | Measured | Result |
|---|---|---|
| Krippendorff's alpha and kappa for $(awk -v n="$units" 'BEGIN {printf "%g", n / 1e6}') M units × $coders coders; alpha at least ${TARGET_NLTK_RATIO}× faster than NLTK's | casebook on $(awk -v n="$units" 'BEGIN {printf "%g", n / 1e6}') M × $coders: alpha **$a_ms ms**, Fleiss' kappa $f_ms ms, Cohen's kappa of the $(awk -v m="$coders" 'BEGIN {print m * (m - 1) / 2}') coder pairs $k_ms ms, every coefficient (compute_agreement) $ca_ms ms. NLTK's alpha, measured at $(for n in $nltk_sizes; do ulabel "$n"; echo; done | paste -sd, - | sed 's/,/, /g') units: $(fmt "$per_unit_lo" %.1f)-$(fmt "$per_unit_hi" %.1f) µs per unit; casebook faster by $ratios at equal sizes | $verdict_alpha |
| Unitized alpha over ${large} MB of double-coded text, linear in text length | uα family (\`unitized_alphas\`) on $large MiB: **$(fmt "$u100" %.3f) s**; $(for m in $mbs; do awk -v s="$(umed "$m" unitized_alphas)" -v m="$m" 'BEGIN {printf "%d MiB %.1f ms/MiB\n", m, s / m * 1e3}'; done | paste -sd, - | sed 's/,/, /g'); per-MiB time at $large ÷ at $small = $lin (linear: ≤ $TARGET_LINEAR_RATIO) | $verdict_lin |

### Reliability table: $(awk -v n="$units" 'BEGIN {printf "%g", n / 1e6}') M units × $coders coders

Generated by \`bench_agreement table\` (seed $(ameta seed)): nominal values in
$(ameta categories) categories of unequal frequency (40, 25, 15, 12 and 8 %); each
coder gives the unit's "true" category with probability 0.8, else one drawn from
those frequencies; $(awk -v p="$(ameta missing)" 'BEGIN {if (p > 0) printf "%.0f %% of cells missing", p * 100; else print "no missing cells (NLTK'"'"'s kappa needs complete data)"}').
Each coefficient is computed from a \`ReliabilityData\` built beforehand (the
pairwise kappas from one two-coder table per pair); median of $(acount table "$units" alpha_nominal) runs.

| Computation | **Median ms** | Range ms | Value |
|---|---:|---:|---:|
EOF
  local w label
  for w in alpha_nominal fleiss_kappa cohen_kappa_pairs compute_agreement alpha_bootstrap read_csv; do
    [[ -n $(aval table "$units" "$w") ]] || continue
    case $w in
      alpha_nominal) label="Krippendorff's alpha, nominal (\`krippendorff_alpha\`)" ;;
      fleiss_kappa) label="Fleiss' kappa (\`fleiss_kappa\`)" ;;
      cohen_kappa_pairs) label="Cohen's kappa of each coder pair (\`cohen_kappa\` × $(awk -v m="$coders" 'BEGIN {print m * (m - 1) / 2}'); value: their mean, as NLTK's \`kappa()\`)" ;;
      compute_agreement) label="\`compute_agreement\`, every coefficient that applies, no bootstrap (value: number of coefficients)" ;;
      alpha_bootstrap) label="alpha with a bootstrap interval of $(ameta bootstrap) resamples (interval $(ameta bootstrap_interval))" ;;
      read_csv) label="reading the table from its CSV ($(awk -v b="$(ameta csv_bytes)" 'BEGIN {printf "%.1f MB", b / 1048576}') with \`read_reliability_table\`; value: units)" ;;
    esac
    printf '| %s | **%.1f** | %s | %s |\n' "$label" "$(awk -v s="$(amed table "$units" "$w")" 'BEGIN {print s * 1e3}')" \
      "$(arange table "$units" "$w" 1000)" "$(awk -v v="$(aval table "$units" "$w")" 'BEGIN {printf (v == int(v)) ? "%d" : "%.4f", v}')"
  done
  if [[ -n $min_ratio ]]; then
    cat <<EOF

### Against NLTK, at equal sizes

\`agreement_nltk.py\` reads the first N units of the same table (written to a
CSV by \`bench_agreement\` in this run), builds
\`nltk.metrics.agreement.AnnotationTask\` from (coder, unit, label) triples
("setup", not counted in NLTK's time) and times \`alpha()\` (nominal, NLTK's
default \`binary_distance\`) and \`kappa()\` (Cohen's kappa averaged over the
coder pairs). casebook is timed on the same N-unit prefixes by
\`bench_agreement\` (the coefficient alone, from data in memory, as for NLTK).
Medians; NLTK's runs per size in the "runs" column.

| Units | NLTK setup s | **NLTK alpha s** | runs | NLTK alpha µs/unit | casebook alpha ms | casebook alpha ns/unit | **alpha: casebook faster by** | NLTK kappa s | casebook kappas ms | kappa: faster by | Same alpha? |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|
EOF
    local kind nk ck same
    for n in $nltk_sizes; do
      kind=prefix; [[ $n == "$units" ]] && kind=table
      nl=$(amed nltk "$n" alpha); cb=$(amed "$kind" "$n" alpha_nominal)
      nk=$(amed nltk "$n" kappa); ck=$(amed "$kind" "$n" cohen_kappa_pairs)
      same=$(awk -v a="$(aval nltk "$n" alpha)" -v b="$(aval "$kind" "$n" alpha_nominal)" -v c="$(aval nltk "$n" kappa)" -v d="$(aval "$kind" "$n" cohen_kappa_pairs)" \
        'BEGIN {da = a - b; if (da < 0) da = -da; s = sprintf("%.6f vs %.6f", a, b); if (c != "") {dk = c - d; if (dk < 0) dk = -dk; if (dk > da) da = dk}
                w = (c != "") ? "alpha and kappa" : "alpha"
                if (da == 0) printf "yes (%s, to the 9 digits printed)", w; else printf "%s (%s differ by up to %.1e)", (da < 1e-6) ? "yes" : "NO", w, da}')
      printf '| %d | %.2f | **%.3f** | %d | %.1f | %.3f | %.0f | **%.0f×** | %s | %s | %s | %s |\n' "$n" "$(amed nltk "$n" setup)" "$nl" \
        "$(acount nltk "$n" alpha)" "$(awk -v s="$nl" -v n="$n" 'BEGIN {print s / n * 1e6}')" "$(awk -v s="$cb" 'BEGIN {print s * 1e3}')" \
        "$(awk -v s="$cb" -v n="$n" 'BEGIN {print s / n * 1e9}')" \
        "$(awk -v a="$nl" -v b="$cb" 'BEGIN {print a / b}')" "$( [[ -n $nk ]] && fmt "$nk" %.3f || echo -)" \
        "$( [[ -n $ck ]] && awk -v s="$ck" 'BEGIN {printf "%.3f", s * 1e3}' || echo -)" \
        "$( [[ -n $nk && -n $ck ]] && awk -v a="$nk" -v b="$ck" 'BEGIN {printf "%.0f×", a / b}' || echo -)" "$same"
    done
    cat <<EOF

The casebook figure at $(ulabel "$units") units is the whole-table measurement above (the
first coefficient timed in the process); the smaller sizes are timed later in
the same process on prefixes of the table. casebook's time per unit grows with
the table (at $(ulabel "$units") units its working set, some $(awk -v n="$units" -v m="$coders" 'BEGIN {printf "%.0f", n * m * 12 / 1048576}') MB of data and
scratch vectors, is far larger than the caches) and so does NLTK's (it sorts
the triples). On this shared VM the load of other work moves whole runs:
medians from separate runs of the script can differ by up to 2×, so compare
ratios within one run, as here.
EOF
    if [[ -z $nltk_at_full ]]; then
      local lastn lastper
      lastn=$(echo "$nltk_sizes" | tail -1)
      lastper=$(awk -v s="$(amed nltk "$lastn" alpha)" -v n="$lastn" 'BEGIN {print s / n}')
      printf '| %d | not run | not run | 0 | - | %.3f | %.0f | - | not run | %.3f | - | - |\n' "$units" \
        "$(awk -v s="$(amed table "$units" alpha_nominal)" 'BEGIN {print s * 1e3}')" \
        "$(awk -v s="$(amed table "$units" alpha_nominal)" -v n="$units" 'BEGIN {print s / n * 1e9}')" \
        "$(awk -v s="$(amed table "$units" cohen_kappa_pairs)" 'BEGIN {print s * 1e3}')"
      cat <<EOF

NLTK was not run on all $(awk -v n="$units" 'BEGIN {printf "%g", n / 1e6}') M units (\`CASEBOOK_BENCH_AGREEMENT_NLTK_SIZES\`
adds sizes). **Extrapolated, not measured:** at NLTK's per-unit time at
$(ulabel "$lastn") units ($(awk -v p="$lastper" 'BEGIN {printf "%.1f", p * 1e6}') µs; it grows with size, since NLTK sorts the
triples), its alpha would take at least $(awk -v p="$lastper" -v n="$units" 'BEGIN {printf "%.0f", p * n}') s on $(awk -v n="$units" 'BEGIN {printf "%g", n / 1e6}') M units,
$(awk -v p="$lastper" -v n="$units" -v c="$(amed table "$units" alpha_nominal)" 'BEGIN {printf "%.0f", p * n / c}')× casebook's measured time there.
EOF
    fi
  else
    echo
    echo "NLTK was not measured in this run ($(ameta nltk)); no ratio."
  fi
  cat <<EOF

### Unitized alpha: double-coded transcripts

\`bench_agreement unitized\` (seed $(awk -F'\t' '$1 == "meta" && $2 == "seed" {print $3}' "$U")): the text is
only its length (the coefficients need the segment boundaries, never the
characters), cut into sources (transcripts) of 20 000-100 000 code points;
MB here are MiB of text at one code point per byte (2^20 code points). A
coded stretch starts every $(awk -F'\t' '$1 == "meta" && $2 == "spacing" {print $3}' "$U") code points on average and runs 50-450 code points,
with one of 20 codes of unequal frequency; each of the two coders codes a
stretch with probability 0.9, gives its code with probability 0.85 (else
another), moves each boundary by a normal jitter (sd 15 code points), and
adds a spurious short segment in the gap before with probability 0.05.
Medians of $(awk -F'\t' '$1 == "unitized" && $4 == "unitized_alphas" && $2 == "'"$small"'"' "$U" | wc -l) runs; "ms/MiB" divides by the text length.

| MiB | Sources | Segments (coder 1, 2) | **\`unitized_alphas\` s** | **ms/MiB** | \`character_alpha\` s | ms/MiB | \`krippendorff_2004\` s | ms/MiB | uα | \|uα | cuα |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
EOF
  local m ua ch k4
  for m in $mbs; do
    ua=$(umed "$m" unitized_alphas); ch=$(umed "$m" character_alpha); k4=$(umed "$m" krippendorff_2004)
    awk -F'\t' -v m="$m" -v ua="$ua" -v ch="$ch" -v k4="$k4" '
      $1 == "continua" && $2 == m {src = $4; s1 = $5; s2 = $6}
      $1 == "alphas" && $2 == m {a[$3] = $4}
      END {printf "| %d | %d | %d, %d | **%.3f** | **%.1f** | %.3f | %.1f | %.3f | %.1f | %.4f | %.4f | %.4f |\n",
        m, src, s1, s2, ua, ua / m * 1e3, ch, ch / m * 1e3, k4, k4 / m * 1e3, a["u"], a["binary"], a["coding"]}' "$U"
  done
  cat <<EOF

The engine computes on section boundaries, never per code point
(engine/agreement/unitized.hpp: O(S log S + S m²) for S segments and m
coders), so at a fixed coding density the time follows the number of
segments, which grows in proportion to the text. There is no peer
implementation of unitized alpha that runs here (NLTK has none), so no ratio.
EOF
  agreement_notes
}
# Notes on the agreement numbers. Not regenerated by a run: written by hand
# from the runs and the profile named in the text; refresh after engine changes.
agreement_notes() {
  cat <<'EOF'

### Run-to-run spread and where alpha's time goes at 1 M units

Not regenerated by `run.sh`: observations of 2026-12-02 on casebook cbb0946
(`Release`), same machine. Two complete `run.sh --agreement` runs six minutes
apart (load average 4-5 on the 2 cores both times) gave, at 1 M units ×
3 coders: casebook alpha 110.6 ms and 128.4 ms, NLTK alpha 7.7 s and 4.4 s,
so a ratio of 70× in the first and 34× in the second; at 10 k-100 k units
the ratio was 89-122× and 155-197×. The table above is the second run. Runs
of `bench_agreement table` alone in the same hour put the 1 M-unit alpha
between 49 and 144 ms.

casebook's alpha costs 17-41 ns per unit up to 100 k units but 110-130 ns at
1 M units. `perf record -g` of `bench_agreement table --units 1000000
--bootstrap 0`: about 15 % of all samples are page faults (a paravirtualised
VM makes them dear), a good part of them inside `alpha_of` and `code()`.
Every coefficient call recodes the whole table (`code()`: a fresh 12 MB
vector of int32 cells at 1 M × 3) and alpha builds its scratch vectors
(`pairable_units` grows a vector of unit ids without reserving; 8 MB of
per-unit disagreements), all freshly allocated and first touched on each
call. Possible engine changes, not made here (the benchmark does not touch
the engine): recode once per `ReliabilityData` (or keep the coded cells in
it), reserve `pairable`, and compute nominal alpha's per-unit sums without
materialising them. Fleiss' kappa, which also recodes, takes 12-29 ms on the
same table.

With the defaults, `compute_agreement` also draws 1000 bootstrap resamples
for alpha's interval, about 20-26 s at 1 M units (the table above), and
reading a 1 M-unit CSV takes 2-3 s, so a whole `casebook agree` on such a
table is dominated by those, not by the coefficients.
EOF
}
if [[ $AGREEMENT_ONLY == 1 ]]; then
  agreement_section
  exit 0
fi
if [[ $CODING_ONLY == 1 ]]; then
  coding_section
  exit 0
fi

labels=$(awk -F'\t' 'NR > 1 && $1 !~ /^flush:/ && !seen[$1]++ {print $1}' "$RES/import_runs.tsv")

# Per label: median wall, MB/s, passages/s, etc. into an associative array.
declare -A MBPS PPS RSS WALL CPU BYTES PASSAGES RUNS SPREAD FIRST LAST DEFERRED
summarise() {  # label
  local l=$1
  BYTES[$l]=$(runs_col "$l" 3 | head -1)
  PASSAGES[$l]=$(runs_col "$l" 4 | head -1)
  RUNS[$l]=$(runs_col "$l" 2 | wc -l)
  WALL[$l]=$(runs_col "$l" 5 | median)
  CPU[$l]=$(runs_col "$l" 6 | median)
  RSS[$l]=$(runs_col "$l" 7 | median)
  FIRST[$l]=$(runs_col "$l" 8 | median)
  LAST[$l]=$(runs_col "$l" 9 | median)
  DEFERRED[$l]=$(runs_col "$l" 11 | awk '{s += $1} END {print s + 0}')
  MBPS[$l]=$(awk -v b="${BYTES[$l]}" -v w="${WALL[$l]}" 'BEGIN {printf "%.2f", b / 1048576 / w}')
  PPS[$l]=$(awk -v p="${PASSAGES[$l]}" -v w="${WALL[$l]}" 'BEGIN {printf "%.0f", p / w}')
  SPREAD[$l]=$(awk -F'\t' -v l="$l" 'NR > 1 && $1 == l {r = $3 / 1048576 / $5; if (!n++ || r < lo) lo = r; if (r > hi) hi = r}
    END {printf (n > 1) ? "%.2f-%.2f" : "-", lo, hi}' "$RES/import_runs.tsv")
}
for l in $labels; do summarise "$l"; done

size_labels=$(echo "$labels" | grep -E '^[0-9]+MB$' || true)
largest=$(echo "$size_labels" | sort -g | tail -1)
smallest=$(echo "$size_labels" | sort -g | head -1)

docs=$(sed -n 's/^# documents\t//p' "$RES/search.tsv")
worst_p99=$(awk -F'\t' '$1 == "search" && $3 == "*" {if ($7 > m) {m = $7; k = $2}} END {printf "%.2f\t%s", m, k}' "$RES/search.tsv")
worst_p99_ms=${worst_p99%%$'\t'*}
worst_kind=${worst_p99#*$'\t'}

# ---------------------------------------------------------------------------
cat <<EOF
# Benchmarks

Numbers from \`$(mach command || true)\` on $(mach date) (UTC),
whole run $((ELAPSED / 60)) min $((ELAPSED % 60)) s. The corpus is generated
(\`bench/gen_corpus.cpp\`, fixed seed), so a re-run on other hardware measures
the same work; re-run the script to refresh this file. The machine is a shared
2-core VM and noisy: import figures are medians of repeated runs (the range is
given), latencies are percentiles of hundreds of calls. MB are MiB (2^20 bytes)
of UTF-8 text as written to the \`.txt\` files.

## Machine

| | |
|---|---|
| CPU | $(mach cpu), $(mach cores) |
| RAM | $(mach ram) |
| OS, kernel | $(mach os), $(mach kernel) |
| Disk | $(mach filesystem) |
| Compiler | $(mach compiler), \`$(mach build)\` (-O2 -g) |
| Libraries | Xapian $(mach xapian), ICU $(mach icu), SQLite $(mach sqlite), SQLiteCpp $(mach sqlitecpp) |
| casebook | $(mach casebook) |
| Load average (1, 5, 15 min) | $(mach load_start) at the start, $(mach load_end) at the end (other work shares this machine) |

## Targets

EOF

{
  echo "| Target (from the issue) | Measured | Result |"
  echo "|---|---|---|"
  for l in $size_labels; do
    echo "| Import ≥ $TARGET_MBPS MB/s end-to-end, one core ($l corpus) | ${MBPS[$l]} MB/s (median of ${RUNS[$l]}) | $(pass "$(awk -v x="${MBPS[$l]}" -v t=$TARGET_MBPS 'BEGIN {print (x >= t)}')") |"
  done
  if [[ -n ${MBPS[search]:-} ]]; then
    echo "| Import ≥ $TARGET_MBPS MB/s, short passages (search corpus) | ${MBPS[search]} MB/s, ${PPS[search]} passages/s | $(pass "$(awk -v x="${MBPS[search]}" -v t=$TARGET_MBPS 'BEGIN {print (x >= t)}')") |"
  fi
  one=$(echo "$labels" | grep -E '^[0-9]+MB-one-process$' | head -1 || true)
  if [[ -n $one && -n ${RSS[${one%-one-process}]:-} ]]; then
    base=${one%-one-process}
    ratio=$(awk -v a="${RSS[$one]}" -v b="${RSS[$base]}" 'BEGIN {printf "%.2f", a / b}')
    echo "| Peak memory flat as the corpus grows (one process importing all $base ≤ $FLAT_RATIO × one importing 1/13 of it) | $(awk -v x="${RSS[$base]}" 'BEGIN {printf "%.0f", x / 1024}') MB for 1/13, $(awk -v x="${RSS[$one]}" 'BEGIN {printf "%.0f", x / 1024}') MB for all of it (×$ratio); per corpus: $(for l in $size_labels; do printf '%s %.0f MB\n' "$l" "$(awk -v x="${RSS[$l]}" 'BEGIN {print x / 1024}')"; done | paste -sd, - | sed 's/,/, /g') | $(pass "$(awk -v r="$ratio" -v t=$FLAT_RATIO 'BEGIN {print (r <= t)}')") |"
  else
    echo "| Peak memory flat as the corpus grows | $(for l in $size_labels; do printf '%s %.0f MB\n' "$l" "$(awk -v x="${RSS[$l]}" 'BEGIN {print x / 1024}')"; done | paste -sd, - | sed 's/,/, /g'); no one-process run | n/a |"
  fi
  at=""
  ((docs < TARGET_PASSAGES)) && at=" (measured at $docs passages, not 1 M)"
  echo "| Search p99 < $TARGET_P99_MS ms on 1 M passages, every kind | worst p99 $worst_p99_ms ms ($worst_kind) at $docs passages | $(pass "$(awk -v x="$worst_p99_ms" -v t=$TARGET_P99_MS 'BEGIN {print (x < t)}')")$at |"
}

total_deferred=0
for l in $labels; do total_deferred=$((total_deferred + ${DEFERRED[$l]:-0})); done
if awk -F'\t' 'NR > 1 && $11 > 0 {found = 1} END {exit !found}' "$RES/import_runs.tsv"; then
  cat <<EOF

> **Index work left queued.** In $(awk -F'\t' 'NR > 1 && $11 > 0 {n++} END {print n}' "$RES/import_runs.tsv") import run(s), \`casebook import\` exited with
> sources still queued in \`index_outbox\` and missing from the index
> ($total_deferred source(s) in all; see the "Queued" column). Any next command replays
> them (\`casebook search\` prints "indexed N source(s) left pending by an
> interrupted command"); the benchmark does that at once and counts its time
> as part of the import, so the rates below are for complete work. Cause:
> after an index commit deletes the outbox rows it applied, the table can be
> empty, SQLite then reuses row ids from 1 (\`id INTEGER PRIMARY KEY\` without
> AUTOINCREMENT), and \`IndexSync::apply_pending\` only asks for
> \`id > last_seen_\`. It happens whenever one import process commits the
> index before its last file (more text than \`CASEBOOK_INDEX_FLUSH_MB\`).
EOF
fi

cat <<EOF

## Corpora

Prose-like English from a Zipf-distributed vocabulary of about 30 000 words
(function words, local-government domain words such as *council*, *shared*,
*budget*, *veto*, *standardisation*, common words, then invented words for
the long tail), sentences of 8-30 words with capitals and full stops, a few
collocations (*shared service*, *housing benefit* ...), names, figures and
pound signs; a third of the files hard-wrapped at 76 columns. Files of
50-200 KB in $(awk -F'\t' 'NR > 1 && $3 ~ /^dir-/ {print $3}' "$RES/import_dirs.tsv" | sort -u | wc -l) directories; each directory is imported
by its own \`casebook import --case X --type T\` (cases A-M from
\`cases.csv\`, five source types), so every import process handles about
1/13 of the corpus and later ones add to a growing index.

| Corpus | Files | Text MB | Passages | Sentences | Words | Bytes/passage |
|---|---:|---:|---:|---:|---:|---:|
EOF
awk -F'\t' '{printf "| %s | %d | %.1f | %d | %d | %d | %.0f |\n", ($1 == "search") ? "search (1-3 sentences per passage)" : $1 " (2-6 sentences per passage)", $2, $3 / 1048576, $4, $5, $6, $3 / $4}' "$RES/corpora.tsv"

cat <<EOF

## Import throughput

Wall time of all \`casebook import\` processes of one corpus into a fresh
project (timed outside the process, so it includes start-up, reading and
hashing the files, storing originals, text, passages and sentences in SQLite,
and indexing in Xapian). CPU = user + system time / wall time: one core is
100 %.

| Corpus | Text MB | Passages | Runs | Wall s (median) | **MB/s** | MB/s range | **Passages/s** | CPU | MB per CPU-s | First dir MB/s | Last dir MB/s | Queued |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
EOF
for l in $labels; do
  printf '| %s | %.1f | %d | %d | %.1f | **%s** | %s | **%s** | %.0f %% | %.2f | %.2f | %.2f | %s |\n' "$l" \
    "$(awk -v b="${BYTES[$l]}" 'BEGIN {print b / 1048576}')" "${PASSAGES[$l]}" "${RUNS[$l]}" "${WALL[$l]}" \
    "${MBPS[$l]}" "${SPREAD[$l]}" "${PPS[$l]}" "$(awk -v c="${CPU[$l]}" -v w="${WALL[$l]}" 'BEGIN {print 100 * c / w}')" \
    "$(awk -v b="${BYTES[$l]}" -v c="${CPU[$l]}" 'BEGIN {print b / 1048576 / c}')" "${FIRST[$l]}" "${LAST[$l]}" "${DEFERRED[$l]}"
done

cat <<EOF

"First/last dir" is the rate of the first and the last of the 13 import
processes: the last one writes into an index that already holds 12/13 of the
corpus, so a drop shows how indexing slows as the index grows. "MB per
CPU-s" divides by the CPU time the processes used instead of wall time: it
is less disturbed by other work on the machine and is the rate of one core.
"Queued": sources an import process left in the index queue, replayed by
the next command and timed with the import (see the note above). The
"one-process" row imports the same corpus with a single \`casebook import\`
of all directories, to see memory with 13 times the text per process.

## Peak resident memory

Maximum RSS of any one import process (GNU \`time -v\`), median over runs.
The index writer buffers a commit's worth of documents in memory (up to
\`CASEBOOK_INDEX_FLUSH_MB\` of text or Xapian's 10 000 documents), so peak
memory grows with the text per process until that batch is full and should
stay level beyond it; see also the flush-size table.

| Corpus | Text per import process (MB) | Peak RSS (MB) |
|---|---:|---:|
EOF
for l in $labels; do
  printf '| %s | %.1f | %.0f |\n' "$l" "$(awk -F'\t' -v l="$l" 'NR > 1 && $1 == l && $2 == 1 {if ($4 > m) m = $4} END {print m / 1048576}' "$RES/import_dirs.tsv")" \
    "$(awk -v x="${RSS[$l]}" 'BEGIN {print x / 1024}')"
done

if awk -F'\t' 'NR > 1 && $1 ~ /^flush:/ {found = 1} END {exit !found}' "$RES/import_runs.tsv"; then
  flush_bytes=$(awk -F'\t' 'NR > 1 && $1 ~ /^flush:/ {print $3; exit}' "$RES/import_runs.tsv")
  base=$(for l in $size_labels; do [[ ${BYTES[$l]} == "$flush_bytes" ]] && echo "$l"; done | head -1)
  cat <<EOF

## Index flush size

\`CASEBOOK_INDEX_FLUSH_MB\` is the text volume between the indexer's commits
(default $DEFAULT_FLUSH_MB). Xapian also commits by itself after
\`XAPIAN_FLUSH_THRESHOLD\` changed documents (default 10 000), whichever
comes first, so a large flush size only takes effect with a larger Xapian
threshold. Same corpus (${base:-?}) each time; one run per variant, the
default row is the median above. Wall times of identical runs differ by up
to 20 % on this shared machine (the range in the import table), so compare
MB per CPU-s and peak RSS to choose.

| CASEBOOK_INDEX_FLUSH_MB | XAPIAN_FLUSH_THRESHOLD | Runs | Wall s | **MB/s** | MB per CPU-s | Passages/s | Last dir MB/s | Peak RSS (MB) | Queued |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
EOF
  if [[ -n $base ]]; then
    printf '| %s (default) | 10000 (default) | %d | %.1f | **%s** | %.2f | %s | %.2f | %.0f | %s |\n' "$DEFAULT_FLUSH_MB" "${RUNS[$base]}" \
      "${WALL[$base]}" "${MBPS[$base]}" "$(awk -v b="${BYTES[$base]}" -v c="${CPU[$base]}" 'BEGIN {print b / 1048576 / c}')" \
      "${PPS[$base]}" "${LAST[$base]}" "$(awk -v x="${RSS[$base]}" 'BEGIN {print x / 1024}')" "${DEFERRED[$base]}"
  fi
  awk -F'\t' 'NR > 1 && $1 ~ /^flush:/ {
      v = substr($1, 7); n = split(v, p, "/"); mb = p[1]; docs = (n > 1) ? p[2] : "10000 (default)"
      printf "| %s | %s | 1 | %.1f | **%.2f** | %.2f | %.0f | %.2f | %.0f | %d |\n", mb, docs, $5, $3 / 1048576 / $5, $3 / 1048576 / $6, $4 / $5, $9, $7 / 1024, $11
    }' "$RES/import_runs.tsv"
fi

if [[ -s $RES/index_breakdown.tsv ]]; then
  cat <<EOF

## Where indexing time goes

\`bench/bench_index.cpp\` indexes the passages of the first 10 MB of the
smallest corpus in one process, without the store, step by step: explicit
commits every 1 MB and Xapian's own flushing off (the first row of the
second table uses the engine's defaults instead). CPU seconds per MB of text;
"share" is the step's part of the whole indexing path (the \`add\` variant).

| Step | CPU s per MB | Share |
|---|---:|---:|
EOF
  awk -F'\t' '
    {cpu[$1] = $3; commit[$1] = $8; mbps[$1] = $5}
    END {
      mb = cpu["words"] * mbps["words"]  # MB of text indexed
      if (mb <= 0) exit
      total = cpu["add"]
      split("ICU word segmentation (Segmenter::words)|NFKC_Casefold of each word (exact term)|English stem of each word (Z term; TermMaker::indexed_stem, cached)|building the Xapian::Document (add_posting, add_term, filter terms)|Xapian add_document: the in-memory inverter|Xapian commit: merging into the B-trees, fsync", label, "|")
      step[1] = cpu["words"]; step[2] = cpu["terms"] - cpu["words"]; step[3] = cpu["stems"] - cpu["terms"]
      step[4] = cpu["docs"] - cpu["stems"]; step[6] = commit["add"]; step[5] = cpu["add"] - cpu["docs"] - step[6]
      for (i = 1; i <= 6; i++) printf "| %s | %.3f | %.0f %% |\n", label[i], step[i] / mb, 100 * step[i] / total
      printf "| **total** (%.2f MB per CPU-s) | **%.3f** | 100 %% |\n", mbps["add"], total / mb
    }' "$RES/index_breakdown.tsv"
  cat <<EOF

The same passages indexed other ways (MB of text per CPU second; higher is faster):

| Variant | What changes | MB per CPU-s | Index MB |
|---|---|---:|---:|
EOF
  awk -F'\t' -v dflush="$DEFAULT_FLUSH_MB" '
    BEGIN {
      d["writer-default"] = "the engine IndexWriter, default flushing (commit at " dflush " MB of text or, inside Xapian, 10 000 documents)"
      d["writer"] = "the engine IndexWriter, commit every 1 MB"
      d["add"] = "the same documents through Xapian directly (the breakdown above)"
      d["allstems"] = "a Z term for every word, as before the engine skipped words that are their own stem"
      d["nostem"] = "no stemmed Z terms (stemming would move to query time)"
      d["nopos"] = "no positions (no phrase or NEAR search)"
      d["exactonly"] = "neither stems nor positions: a lower bound for any useful index"
    }
    ($1 in d) {printf "| `%s` | %s | %.2f | %.0f |\n", $1, d[$1], $5, $7}' "$RES/index_breakdown.tsv"
fi

cat <<EOF

## Search latency

$docs passages (the search corpus above), index $(awk -F'\t' '$1 == "index_mb" {print $2}' "$RES/search_sizes.tsv") MB, store $(awk -F'\t' '$1 == "store_mb" {print $2}' "$RES/search_sizes.tsv") MB, originals $(awk -F'\t' '$1 == "objects_mb" {print $2}' "$RES/search_sizes.tsv") MB.
\`bench/bench_search.cpp\`, warm page cache, one thread; $(awk -F'\t' '$1 == "search" && $3 == "*" {print $4; exit}' "$RES/search.tsv") timed calls per kind, the kind's
queries taken in turn.

- **search()** is \`casebook::search::search\` with default options, what
  \`casebook search\` runs: it parses the query, opens the index, finds the
  top 20 hits (the total is estimated when the engine allows it), reads every
  hit's passage, source and text from the store and marks the matched words.
  This is the figure the target applies to.
- **exact** is the same call counting every match (\`SearchOptions::exact_total\`,
  as \`--count\` and \`--exact\` do, if this engine version has the option;
  otherwise it is the same as search()).
- **match** is the Xapian part alone on an index opened once: parse +
  \`get_mset(0, 20, checkatleast = all)\`, an exact total; **estimate** lets
  Xapian stop early (\`checkatleast = 0\`). search() minus estimate is about
  the cost of reading and marking the 20 hits.
- Hits are exact counts.

| Kind | Queries | Hits | **search() p50** | **search() p99** | mean | exact p50 | exact p99 | match p50 | match p99 | estimate p50 | estimate p99 | p99 < $TARGET_P99_MS ms |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|
EOF
awk -F'\t' -v t=$TARGET_P99_MS '
  $3 == "*" {k[$1, $2] = $0; if (!seen[$2]++) order[++n] = $2}
  $3 != "*" && $1 == "search" && !q[$2, $3]++ {nq[$2]++}
  END {
    for (i = 1; i <= n; i++) {
      kind = order[i]
      split(k["search", kind], s, "\t"); split(k["match", kind], m, "\t"); split(k["match_est", kind], e, "\t")
      split(k["search_exact", kind], x, "\t")
      printf "| %s | %d | %d-%d | **%.2f** | **%.2f** | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %s |\n", kind, nq[kind], s[10], s[11],
        s[5], s[7], s[8], x[5], x[7], m[5], m[7], e[5], e[7], (s[7] < t) ? "PASS" : "MISS"
    }
  }' "$RES/search.tsv"

cat <<EOF

Per query (milliseconds):

| Kind | Query | Hits | search() p50 | search() p99 | exact p50 | match p50 | match p99 | estimate p50 |
|---|---|---:|---:|---:|---:|---:|---:|---:|
EOF
awk -F'\t' '
  NR > 2 && $3 != "*" {key = $2 SUBSEP $3; if (!seen[key]++) order[++n] = key; r[$1, key] = $0}
  END {
    for (i = 1; i <= n; i++) {
      key = order[i]; split(r["search", key], s, "\t"); split(r["match", key], m, "\t"); split(r["match_est", key], e, "\t")
      split(r["search_exact", key], x, "\t")
      q = s[3]; gsub(/\|/, "\\|", q)
      printf "| %s | `%s` | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |\n", s[2], q, s[10], s[5], s[7], x[5], m[5], m[7], e[5]
    }
  }' "$RES/search.tsv"

if [[ -s $RES/cli.tsv ]]; then
  cat <<EOF

The whole \`casebook search QUERY\` process at a terminal (start-up, opening
the store, the search, printing), 25 runs each:

| Query | p50 (ms) | max (ms) |
|---|---:|---:|
EOF
  while IFS= read -r q; do
    p50=$(awk -F'\t' -v q="$q" '$1 == q {print $2}' "$RES/cli.tsv" | median)
    mx=$(awk -F'\t' -v q="$q" '$1 == q {print $2}' "$RES/cli.tsv" | sort -g | tail -1)
    printf '| `%s` | %.1f | %.1f |\n' "$q" "$p50" "$mx"
  done < <(cut -f1 "$RES/cli.tsv" | awk '!s[$0]++')
fi

if [[ -s $RES/coding.tsv ]]; then
  echo
  coding_section
fi

if [[ -s $RES/agreement.tsv && -s $RES/unitized.tsv ]]; then
  echo
  agreement_section
fi

if [[ -s $RES/peers-section.md ]]; then
  echo
  cat "$RES/peers-section.md"
fi

if [[ -s $RES/shards-section.md ]]; then
  echo
  cat "$RES/shards-section.md"
fi

if [[ -s $RES/study-section.md ]]; then
  echo
  cat "$RES/study-section.md"
fi

if [[ -f $HERE/analysis.md ]]; then
  echo
  cat "$HERE/analysis.md"
fi

cat <<EOF

## Reproducing

    bash bench/run.sh                 # this report: ~25 min on 2 cores plus the build, then the peers (~20-40 min), shards (~10 min) and the bundled study (~3 min)
    CASEBOOK_BENCH_PEERS=0 bash bench/run.sh    # the same without those three (their sections are kept as they are)
    CASEBOOK_BENCH_REV=HEAD bash bench/run.sh   # the same for a clean export of a commit
    bash bench/run.sh --quick         # smoke run, writes bench/out/benchmarks-quick.md
    CASEBOOK_BENCH_KEEP=1 bash bench/run.sh --coding   # only the coding section (issue 4)
    bash bench/run.sh --agreement     # only the agreement section (issue 5, ~3 min plus the build)
    bash bench/run.sh --peers         # only the "Against peers (issue 10)" section and its plot (~20-40 min plus the build)
    PEERS_SIZES="100000 1000000" PEERS_REPEATS_LARGE=1 bash bench/run.sh --peers   # the same, its defaults spelled out
    PEERS_BUILD=/path/to/build bash bench/peers.sh > section.md   # peers on a build of your own (see bash bench/peers.sh --help)
    bash bench/shards.sh --update-doc  # only the "Sharded search (issue 10)" section, on the peers' 1M-passage project (~10 min)
    bash bench/study.sh build-bench > section.md   # the bundled study against the peers, on a build of your own (~3 min)
    CASEBOOK_BENCH_SIZES="10 100 1000" bash bench/run.sh   # up to 1 GB (adds ~15 min)
    bash bench/report.sh bench/out/results > /tmp/report.md   # re-render from the last results

Raw results (TSV) stay in \`bench/out/results/\`; the corpora and projects are
deleted at the end unless \`CASEBOOK_BENCH_KEEP=1\`. The peers keep theirs in
\`bench/out/peers/results/\`, and each size's indexes in \`bench/out/peers/work-SIZE/\`
(about 3.5 GB at 1 M passages) until the next peers run; their corpora are deleted unless
\`PEERS_KEEP=1\`. See the headers of \`bench/run.sh\` and \`bench/peers.sh\` for every setting.
EOF
