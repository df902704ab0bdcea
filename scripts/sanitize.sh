#!/usr/bin/env bash
# The whole test suite (unit, end-to-end, schema and cross-checks) built with
# AddressSanitizer and UndefinedBehaviorSanitizer (CASEBOOK_SANITIZE=ON) in
# build-asan/. Any sanitizer report aborts the process it is in; the casebook
# binary then exits with status 99, so the test that ran it fails.
#
#   bash scripts/sanitize.sh            # set up, build, run every test (~1 h on 2 cores, most of it building)
#   bash scripts/sanitize.sh -R merge   # extra arguments go to ctest
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${CASEBOOK_ASAN_BUILD:-$root/build-asan}"
bash "$root/scripts/install-deps.sh"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCASEBOOK_SANITIZE=ON >/dev/null
cmake --build "$build" -j"${CASEBOOK_JOBS:-2}"
cd "$build"
ctest -j"${CASEBOOK_JOBS:-2}" --timeout 2400 --output-on-failure "$@"
