#!/usr/bin/env bash
# casebook harvest moderngov against a loopback stand-in for a council's
# ModernGov site (tests/e2e/moderngov_server.py serving the fictional Fenwick
# Borough Council in tests/e2e/fixtures/moderngov): filters, metadata and
# provenance, resuming without re-downloading, an interrupted run, a failing
# document, and clear errors (HTML instead of XML, HTTP 500, timeout, refused
# connection) that leave the project as it was. No real host is contacted.
source "$(dirname "$0")/lib.sh"

SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap stop_server EXIT

python3 "$CASEBOOK_SOURCE_DIR/tests/e2e/moderngov_server.py" >"$WORK/server.port" 2>"$WORK/server.err" &
SERVER_PID=$!
for _ in $(seq 1 150); do
  [ -s "$WORK/server.port" ] && break
  sleep 0.2
done
PORT="$(head -1 "$WORK/server.port")"
[ -n "$PORT" ] || { cat "$WORK/server.err" >&2; fail "the fake ModernGov server did not start"; }
BASE="http://127.0.0.1:$PORT"

control() { curl -sf "$BASE/_control?$1" >/dev/null || fail "control $1"; }
# requests PATH: how often the server was asked for PATH (with its query);
# without PATH: how many document downloads (not web-service calls) it served.
requests() {
  curl -sf "$BASE/_stats" | python3 -c '
import json, sys
paths = json.load(sys.stdin)["paths"]
if len(sys.argv) > 1:
    print(paths.get(sys.argv[1], 0))
else:
    print(sum(n for p, n in paths.items() if not p.startswith("/mgWebService.asmx")))' "$@"
}
harvest() { run_cb "$1" harvest moderngov "$BASE" --delay 0 "${@:2}"; }
source_with_url() {  # the source JSON object whose provenance URL ends with $2
  json_get "$1" "[s for s in d if s['provenance']['url'].endswith('$2')][0]$3"
}

run_cb 0 init proj
cd proj

# --- dry run: lists, downloads nothing; the date filter is sent and applied ---
harvest 0 --committee "shared SERVICES" --from 2019-01-01 --to 2019-12-31 --dry-run
contains "$OUT" "8 would be fetched, 0 already harvested; 2 meetings of 1 committee"
contains "$OUT" "would fetch"
contains "$OUT" "$BASE/documents/s9004/AppendixA.txt" "relative link made absolute"
not_contains "$OUT" "Budget" "a 2020 meeting outside --to"
equals "$(requests)" 0 "documents downloaded by --dry-run"
equals "$(requests "/mgWebService.asmx/GetMeetings?lCommitteeId=103&sFromDate=01/01/2019&sToDate=31/12/2019")" 1
run_cb 0 sources --json
equals "$(json_get "$OUT" 'len(d)')" 0 "sources after --dry-run"

harvest 0 --committee 103 --from 2019-01-01 --to 2019-12-31 --dry-run --limit 3 --json
equals "$(json_get "$OUT" '(d["planned"], d["limit_reached"])')" "(3, True)" "--limit in a dry run"

# --- --match: the two papers of the business-case item, with metadata ---
harvest 0 --committee 103 --from 2019-01-01 --to 2019-12-31 --match "business case" --json
equals "$(json_get "$OUT" '(d["imported"], d["failed"])')" "(2, 0)"
run_cb 0 sources --json
equals "$(json_get "$OUT" 'len(d)')" 2
SOURCES="$OUT"
equals "$(source_with_url "$SOURCES" "ID=9003" '["title"]')" "Shared ICT Business Case report"
equals "$(source_with_url "$SOURCES" "ID=9003" '["date"]')" "2019-05-14"
equals "$(source_with_url "$SOURCES" "ID=9003" '["type"]')" "report"
equals "$(source_with_url "$SOURCES" "ID=9003" '["encoding"]')" "windows-1252" "charset from Content-Type"
equals "$(source_with_url "$SOURCES" "ID=9003" '["attributes"]["committee"]')" "Shared Services Joint Committee"
equals "$(source_with_url "$SOURCES" "ID=9003" '["attributes"]["meeting_date"]')" "2019-05-14"
equals "$(source_with_url "$SOURCES" "ID=9003" '["attributes"]["item_title"]')" "Shared ICT service: business case"
equals "$(source_with_url "$SOURCES" "ID=9003" '["attributes"]["document_title"]')" "Shared ICT Business Case report"
equals "$(source_with_url "$SOURCES" "ID=9003" '["attributes"]["moderngov_meeting_id"]')" "5001"
equals "$(source_with_url "$SOURCES" "ID=9003" '["provenance"]["url"]')" "$BASE/mgConvert2PDF.aspx?ID=9003"
equals "$(source_with_url "$SOURCES" "ID=9003" '["provenance"]["http_status"]')" 200
equals "$(source_with_url "$SOURCES" "ID=9003" '["provenance"]["content_type"]')" "text/plain; charset=windows-1252"
equals "$(source_with_url "$SOURCES" "ID=9003" '["provenance"]["note"]')" "harvested from ModernGov at $BASE"
[[ "$(source_with_url "$SOURCES" "ID=9003" '["provenance"]["retrieved_at"]')" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z$ ]] ||
  fail "retrieved_at is not a UTC ISO time"
equals "$(source_with_url "$SOURCES" "AppendixA.txt" '["title"]')" "Appendix A - Savings & staffing profile" "double-escaped title"
LABEL="$(source_with_url "$SOURCES" "ID=9003" '["label"]')"
run_cb 0 show "$LABEL"
contains "$OUT" "£420,000" "windows-1252 text decoded"
contains "$OUT" "“shared ICT service”"
contains "$OUT" "retrieved from $BASE/mgConvert2PDF.aspx?ID=9003"

# --- interrupted: the server dies after 4 more requests (GetCommittees,
# GetMeetings, GetMeeting 5001, the agenda frontsheet), then resumes ---
control "fail_after=4"
harvest 1 --committee 103 --from 2019-01-01 --to 2019-12-31
contains "$OUT" "imported"
contains "$ERR" "casebook: error: "
contains "$ERR" "ID=9002"
run_cb 0 sources --json
equals "$(json_get "$OUT" 'len(d)')" 3 "sources after the interrupted run"
control "reset=1"
harvest 0 --committee 103 --from 2019-01-01 --to 2019-12-31
contains "$OUT" "5 imported, 0 unchanged, 3 skipped (already harvested), 0 failed"
run_cb 0 sources --json
equals "$(json_get "$OUT" 'len(d)')" 8 "sources after resuming"
equals "$(requests "/mgConvert2PDF.aspx?ID=9003")" 1 "downloads of a document harvested before"
equals "$(requests "/mgConvert2PDF.aspx?ID=9001")" 1 "downloads of the document fetched before the interruption"
contains "$(source_with_url "$OUT" "LegalExit.txt" '["provenance"]["note"]')" "redirected to $BASE/documents/s9014/LegalExit.txt"
equals "$(source_with_url "$OUT" "ID=9011" '["type"]')" "agenda"
equals "$(source_with_url "$OUT" "ID=9012" '["type"]')" "minutes"

# --- the same harvest again downloads nothing ---
BEFORE="$(requests)"
harvest 0 --committee 103 --from 2019-01-01 --to 2019-12-31
contains "$OUT" "0 imported, 0 unchanged, 8 skipped (already harvested), 0 failed"
equals "$(requests)" "$BEFORE" "documents downloaded by a repeated harvest"

# --- by committee title in another case; a paper shared with another
# committee's meeting is not fetched twice ---
harvest 0 --committee CABINET --to 2019-12-31
contains "$OUT" "1 imported, 0 unchanged, 1 skipped"
equals "$(requests "/mgConvert2PDF.aspx?ID=9003")" 1

# --- a failing document is reported, the others go on, exit status 1 ---
control "doc_status=9022:404"
harvest 1 --committee 103 --from 2020-01-01 --to 2020-12-31
contains "$ERR" "ID=9022: the server answered HTTP 404"
contains "$OUT" "1 imported, 0 unchanged, 0 skipped (already harvested), 1 failed"
control "reset=1"
harvest 0 --committee 103 --from 2020-01-01 --to 2020-12-31
contains "$OUT" "1 imported, 0 unchanged, 1 skipped"

# --- errors that stop the harvest before anything is written ---
SNAPSHOT="$(project_state .)"
control "ws_html=1"
harvest 1 --committee 103
contains "$ERR" "GetCommittees"
contains "$ERR" "HTML"
control "reset=1"
control "ws_status=500"
harvest 1 --committee 103
contains "$ERR" "HTTP 500"
control "reset=1"
control "slow=GetCommittees"
control "slow_seconds=4"
harvest 1 --committee 103 --timeout 1
contains "$ERR" "GetCommittees"
contains "$ERR" "timed out"
control "reset=1"
FREE_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
run_cb 1 harvest moderngov "http://127.0.0.1:$FREE_PORT" --delay 0 --committee 103
contains "$ERR" "http://127.0.0.1:$FREE_PORT/mgWebService.asmx/GetCommittees"
contains "$ERR" "hint:"
harvest 1 --committee "no such committee"
contains "$ERR" "no committee title contains 'no such committee'"
contains "$ERR" "Cabinet (101)"
harvest 2 --from 2019-13-01
contains "$ERR" "--from '2019-13-01' is not a date"
run_cb 2 harvest moderngov "ftp://example.org" --delay 0
contains "$ERR" "not an http:// or https:// URL"
equals "$(project_state .)" "$SNAPSHOT" "project after failed harvests"

run_cb 0 check
echo "PASS test_harvest"
