#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang, AddressSanitizer and
# UBSan, and runs each for SECONDS (default 30) on a copy of its seeds,
# CASEBOOK_JOBS (default 2) at a time; prints executions per target.
#
#   scripts/fuzz.sh [--build-dir DIR] [SECONDS] [TARGET...]
#
# TARGET is a parser name (webvtt, docx, query ...; default: all). The build
# goes to build-fuzz/ in the repository unless DIR is given. Seeds come from
# tests/fuzz/seeds, tests/fuzz/regressions and the shared test data
# ($CASEBOOK_TESTDATA, else ../shared/testdata beside the repository).
# Findings are left in DIR/tests/fuzz/work/TARGET/artifacts/: minimise one
# with `DIR/tests/fuzz/fuzz_TARGET -minimize_crash=1 -runs=10000 FILE`, fix
# the bug and keep the input in tests/fuzz/regressions/TARGET/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$root/build-fuzz"
if [ "${1:-}" = "--build-dir" ]; then
  build="$(realpath -m "$2")"
  shift 2
fi
seconds=30
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then
  seconds=$1
  shift
fi
jobs="${CASEBOOK_JOBS:-2}"

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ \
  -DCASEBOOK_FUZZ=ON -DCASEBOOK_FUZZ_SECONDS="$seconds" >/dev/null

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for src in "$root"/tests/fuzz/fuzz_*.cpp; do
    name="$(basename "$src" .cpp)"
    targets+=("${name#fuzz_}")
  done
fi
build_targets=()
for t in "${targets[@]}"; do
  [ -f "$root/tests/fuzz/fuzz_$t.cpp" ] || { echo "fuzz.sh: no target '$t'" >&2; exit 2; }
  build_targets+=("fuzz_$t")
done
cmake --build "$build" -j"$jobs" --target "${build_targets[@]}"

pattern="^fuzz\\.($(IFS='|'; echo "${targets[*]}"))\$"
status=0
(cd "$build" && ctest -L '^fuzz$' -R "$pattern" -j"$jobs" --output-on-failure) || status=$?

echo
echo "executions per target (${seconds} s each):"
for t in "${targets[@]}"; do
  summary="$build/tests/fuzz/work/$t/summary"
  if [ -f "$summary" ]; then cat "$summary"; else echo "fuzz.$t: did not run"; fi
done
exit "$status"
