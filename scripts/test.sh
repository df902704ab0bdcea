#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite under CTest.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
cd "$root/build"
ctest --output-on-failure -j"${CASEBOOK_JOBS:-2}" "$@"
