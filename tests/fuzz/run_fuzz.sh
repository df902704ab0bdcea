#!/usr/bin/env bash
# Runs one libFuzzer target for a bounded time on a fresh copy of its seeds
# (CTest's fuzz.<name>; scripts/fuzz.sh runs all of them):
#
#   run_fuzz.sh BINARY NAME SECONDS WORKDIR TRANSFORM [WHERE:GLOB...]
#
# Seeds: tests/fuzz/seeds/NAME/ and tests/fuzz/regressions/NAME/ (ours), and
# the files matching each GLOB under the shared test data ("testdata:",
# $CASEBOOK_TESTDATA or ../shared/testdata beside the repository, read in
# place) or the repository ("repo:"). TRANSFORM "zip" also adds each ZIP
# seed's parts in the entry format of tests/fuzz/fuzz_support.hpp; "pdf"
# replaces each PDF by pdftotext's -bbox-layout output, when pdftotext is
# installed. Findings are left in WORKDIR/artifacts/; the exit status is
# libFuzzer's (0: nothing found). The last line is a summary for reports.
# CASEBOOK_FUZZ_RESUME=1 continues from the corpus in WORKDIR, if any.
set -euo pipefail

if [ $# -lt 5 ]; then
  echo "usage: $0 BINARY NAME SECONDS WORKDIR TRANSFORM [WHERE:GLOB...]" >&2
  exit 2
fi
binary=$1 name=$2 seconds=$3 work=$4 transform=$5
shift 5

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="${CASEBOOK_SOURCE_DIR:-$(cd "$here/../.." && pwd)}"
testdata="${CASEBOOK_TESTDATA:-$repo/../shared/testdata}"

# CASEBOOK_FUZZ_RESUME=1 keeps the corpus an earlier run grew (a longer
# campaign in several sittings); otherwise every run starts from the seeds.
if [ -n "${CASEBOOK_FUZZ_RESUME:-}" ] && [ -d "$work/corpus" ]; then
  rm -rf "$work/artifacts" "$work/log" "$work/summary"
else
  rm -rf "$work"
fi
mkdir -p "$work/corpus" "$work/artifacts"
corpus="$work/corpus"

add_seed() {  # add_seed FILE: one copy, named by content so duplicates merge
  local sum
  sum=$(sha1sum "$1" | cut -c1-16)
  cp "$1" "$corpus/seed-$sum"
}

# The parts of a ZIP package in entry format: NAME LF CONTENT, NUL between.
zip_to_entries() {
  python3 - "$1" "$2" <<'EOF'
import sys, zipfile
out = []
try:
    with zipfile.ZipFile(sys.argv[1]) as z:
        for info in z.infolist():
            if info.is_dir() or info.file_size > 512 * 1024:
                continue
            data = z.read(info)
            if b"\0" in data or b"\n" in info.filename.encode():
                continue
            out.append(info.filename.encode() + b"\n" + data)
except (zipfile.BadZipFile, OSError):
    sys.exit(0)
if out:
    with open(sys.argv[2], "wb") as f:
        f.write(b"\0".join(out))
EOF
}

shopt -s globstar nullglob
for dir in "$here/seeds/$name" "$here/regressions/$name"; do
  for f in "$dir"/**/*; do
    [ -f "$f" ] && [ "$(basename "$f")" != README.md ] && add_seed "$f"
  done
done
for spec in "$@"; do
  case "$spec" in
    testdata:*) root=$testdata ;;
    repo:*) root=$repo ;;
    *) echo "run_fuzz.sh: bad seed glob '$spec'" >&2; exit 2 ;;
  esac
  for f in "$root"/${spec#*:}; do
    [ -f "$f" ] || continue
    case "$transform" in
      zip)
        add_seed "$f"
        zip_to_entries "$f" "$work/entries.tmp"
        if [ -s "$work/entries.tmp" ]; then add_seed "$work/entries.tmp"; fi
        rm -f "$work/entries.tmp"
        ;;
      pdf)
        if command -v pdftotext >/dev/null &&
          timeout 60 pdftotext -bbox-layout -enc UTF-8 -eol unix "$f" "$work/layout.tmp" 2>/dev/null; then
          add_seed "$work/layout.tmp"
        fi
        rm -f "$work/layout.tmp"
        ;;
      *) add_seed "$f" ;;
    esac
  done
done
seeds=$(find "$corpus" -type f | wc -l)
echo "fuzz.$name: $seeds seeds, $seconds s"

# pdftotext's output for a real PDF runs to megabytes, and libFuzzer would
# take the largest seed as its input size limit: a few pages are enough.
extra=()
if [ "$transform" = pdf ]; then extra+=(-max_len=65536); fi

status=0
"$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix="$work/artifacts/" "${extra[@]}" "$corpus" \
  >"$work/log" 2>&1 || status=$?

# The numbers for docs/reliability.md: libFuzzer's final stats and last status line.
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log" | tail -1)
last=$(grep -E '^#[0-9]+' "$work/log" | tail -1 || true)
cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
corpus_size=$(find "$corpus" -type f | wc -l)
findings=$(find "$work/artifacts" -type f | wc -l)
if [ "$status" -ne 0 ]; then
  tail -n 60 "$work/log"
  echo "findings in $work/artifacts:"
  ls -l "$work/artifacts"
fi
echo "fuzz.$name: seconds=$seconds execs=${execs:-?} cov=${cov:-?} ft=${ft:-?}" \
  "corpus=$corpus_size findings=$findings status=$status" | tee "$work/summary"
exit "$status"
