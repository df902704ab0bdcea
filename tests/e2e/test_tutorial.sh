#!/usr/bin/env bash
# docs/tutorial.md shows real output: its commands are run again here in a
# fresh directory (scripts/gen-tutorial.py) and the result must equal the
# committed tutorial, timings aside ("in 0.4 s" varies from run to run).
source "$(dirname "$0")/lib.sh"

python3 "$CASEBOOK_SOURCE_DIR/scripts/gen-tutorial.py" --binary "$CASEBOOK" --out tutorial.md ||
  fail "scripts/gen-tutorial.py failed"
without_timings() { sed -E 's/in [0-9]+(\.[0-9]+)? s\b/in N s/g' "$1"; }
if ! diff -u <(without_timings "$CASEBOOK_SOURCE_DIR/docs/tutorial.md") <(without_timings tutorial.md) >tutorial.diff; then
  head -n 60 tutorial.diff >&2
  fail "docs/tutorial.md no longer matches a real run: run python3 scripts/gen-tutorial.py and review the changes"
fi
echo "tutorial: matches a real run"
