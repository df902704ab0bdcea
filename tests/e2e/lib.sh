# Shared helpers for the end-to-end tests: each test script sources this file,
# runs the real casebook binary ($CASEBOOK) in a fresh temporary directory and
# fails (exit 1) on the first broken expectation.
set -euo pipefail

: "${CASEBOOK:?CASEBOOK must name the casebook binary}"
: "${CASEBOOK_SOURCE_DIR:?}"
: "${CASEBOOK_TESTDATA:?}"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/casebook-e2e.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
export CASEBOOK_CODER=e2e-tester

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# run_cb EXPECTED_STATUS ARGS...: runs casebook, keeps stdout in $OUT and
# stderr in $ERR, and fails unless it exited with EXPECTED_STATUS.
run_cb() {
  local expected=$1
  shift
  local status=0
  "$CASEBOOK" "$@" >"$WORK/.out" 2>"$WORK/.err" || status=$?
  OUT="$(cat "$WORK/.out")"
  ERR="$(cat "$WORK/.err")"
  if [ "$status" != "$expected" ]; then
    echo "--- stdout:" >&2; echo "$OUT" >&2
    echo "--- stderr:" >&2; echo "$ERR" >&2
    fail "casebook $* exited $status, expected $expected"
  fi
}

contains() {  # contains HAYSTACK NEEDLE [what]
  case "$1" in
    *"$2"*) ;;
    *) echo "$1" >&2; fail "${3:-output} does not contain '$2'" ;;
  esac
}

not_contains() {
  case "$1" in
    *"$2"*) echo "$1" >&2; fail "${3:-output} unexpectedly contains '$2'" ;;
    *) ;;
  esac
}

equals() {  # equals ACTUAL EXPECTED [what]
  [ "$1" == "$2" ] || fail "${3:-value} is '$1', expected '$2'"
}

# json_get JSON PYTHON_EXPR: evaluates an expression over the parsed JSON `d`.
json_get() {
  printf '%s' "$1" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))' "$2"
}

# A snapshot of everything a project holds, to prove a failed command left it as it was.
project_state() {
  "$CASEBOOK" -C "$1" sources --json
  "$CASEBOOK" -C "$1" cases list --json
  sqlite3 "$1/.casebook/store.sqlite" \
    "SELECT count(*) FROM passages; SELECT count(*) FROM sentences; SELECT count(*) FROM objects; SELECT count(*) FROM audit_log; SELECT count(*) FROM index_outbox;"
  find "$1/.casebook/objects" -type f | sort
}

# The bundled sample study and the interdependence codebook, for tests that
# work on real material.
SAMPLE="$CASEBOOK_SOURCE_DIR/corpora/sample"
CODEBOOK="$CASEBOOK_SOURCE_DIR/corpora/interdependence/codebook.xml"

# sample_project DIR: a new project in DIR holding the sample's cases and sources.
sample_project() {
  run_cb 0 init "$1"
  run_cb 0 -C "$1" cases import "$SAMPLE/cases.csv"
  run_cb 0 -C "$1" import --manifest "$SAMPLE/manifest.csv"
}
