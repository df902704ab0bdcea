#!/usr/bin/env bash
# Configures and builds casebook into build/ (Release with assertions kept off).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build_type="${CASEBOOK_BUILD_TYPE:-RelWithDebInfo}"
cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE="$build_type" >/dev/null
cmake --build "$root/build" -j"${CASEBOOK_JOBS:-2}"
