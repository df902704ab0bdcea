#!/usr/bin/env bash
# casebook export qdpx / qdc: REFI-QDA files of the coded sample study that
# validate against the REFI XSDs, hold every source's text, one selection
# per active coding (rejected ones too) whose code-point span gives the
# coding's quote, and come out byte-identical when exported twice.
source "$CASEBOOK_SOURCE_DIR/tests/e2e/lib.sh"
source "$CASEBOOK_SOURCE_DIR/tests/e2e/evidence_project.sh"

SCHEMA="$CASEBOOK_TESTDATA/refi-qda/schema"
command -v xmllint >/dev/null || { echo "SKIP: xmllint not installed"; exit 77; }

build_evidence_project
# A rejected coding and a removed one: the first is exported (marked), the second not.
run_cb 0 codings --coder bob --json
rejected_id="$(json_get "$OUT" 'd[0]["id"]')"
run_cb 0 --coder sam review reject "$rejected_id" --reason "not a veto"
run_cb 0 --coder alice code Doc-5 --match "Benefits partnership" exante
run_cb 0 codings --code exante --coder alice --json
removed_id="$(json_get "$OUT" 'max(c["id"] for c in d)')"
run_cb 0 --coder alice uncode "$removed_id" --reason "slip"
run_cb 0 --coder alice memo add code expost "Boundary with exante is blurred"

run_cb 0 export qdpx "$WORK/study.qdpx" --json
summary="$OUT"
run_cb 0 export qdc "$WORK/codebook.qdc"
contains "$OUT" "wrote $WORK/codebook.qdc"

# Determinism: a second export is byte-identical.
run_cb 0 export qdpx "$WORK/again.qdpx"
run_cb 0 export qdc "$WORK/again.qdc"
cmp "$WORK/study.qdpx" "$WORK/again.qdpx" || fail "two .qdpx exports differ"
cmp "$WORK/codebook.qdc" "$WORK/again.qdc" || fail "two .qdc exports differ"

python3 - "$WORK/study.qdpx" "$WORK/unzipped" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    names = z.namelist()
    assert names[0] == "project.qde", names
    assert all(n == "project.qde" or (n.startswith("sources/") and n.endswith(".txt")) for n in names), names
    assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in z.infolist())
    z.extractall(sys.argv[2])
PY
xmllint --noout --schema "$SCHEMA/Project.xsd" "$WORK/unzipped/project.qde" ||
  fail "project.qde does not validate against Project.xsd"
xmllint --noout --schema "$SCHEMA/Codebook.xsd" "$WORK/codebook.qdc" ||
  fail "the .qdc does not validate against Codebook.xsd"

# Counts: as the project itself reports them.
run_cb 0 sources --json
sources="$(json_get "$OUT" 'len(d)')"
run_cb 0 cases list --json
cases="$(json_get "$OUT" 'len(d)')"
run_cb 0 codings --include-rejected --json
codings_json="$OUT"
selections="$(json_get "$codings_json" 'len(d)')"
equals "$(json_get "$summary" 'd["sources"]')" "$sources" "exported sources"
equals "$(json_get "$summary" 'd["cases"]')" "$cases" "exported cases"
equals "$(json_get "$summary" 'd["selections"]')" "$selections" "exported selections"
users="$(sqlite3 .casebook/store.sqlite "SELECT count(*) FROM (SELECT coder FROM codings UNION SELECT reviewed_by FROM codings UNION SELECT removed_by FROM codings UNION SELECT coder FROM memos UNION SELECT coder FROM audit_log UNION SELECT imported_by FROM sources UNION SELECT created_by FROM codes) WHERE coder IS NOT NULL AND coder <> ''")"
equals "$(json_get "$summary" 'd["users"]')" "$users" "exported users"

# The XML agrees with the summary, every selection's span slices its source
# text to the coding's quote, the rejected coding is marked, the removed one absent.
printf '%s' "$codings_json" >"$WORK/codings.json"
python3 - "$WORK/unzipped" "$WORK/codings.json" "$rejected_id" "$removed_id" "$summary" <<'PY'
import hashlib, json, sys, xml.etree.ElementTree as ET
root_dir, codings_file, rejected_id, removed_id, summary = sys.argv[1:6]
summary = json.loads(summary)
NS = {"q": "urn:QDA-XML:project:1.0"}

def guid(kind, ident):
    # docs/refi-qda.md: SHA-256 of "casebook:KIND:ID", first 16 bytes, version 8, RFC variant.
    h = hashlib.sha256(f"casebook:{kind}:{ident}".encode()).hexdigest()[:32]
    h = h[:12] + "8" + h[13:16] + "89ab"[int(h[16], 16) & 3] + h[17:]
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

root = ET.parse(f"{root_dir}/project.qde").getroot()
assert len(root.findall("q:Users/q:User", NS)) == summary["users"]
assert len(root.findall(".//q:CodeBook//q:Code", NS)) == summary["codes"]
sources = root.findall("q:Sources/q:TextSource", NS)
assert len(sources) == summary["sources"]
selections = {s.get("guid"): (src, s) for src in sources for s in src.findall("q:PlainTextSelection", NS)}
assert len(selections) == summary["selections"]
code_guids = {c.get("guid") for c in root.iter("{urn:QDA-XML:project:1.0}Code")}

for c in json.load(open(codings_file)):
    src, sel = selections[guid("selection", c["id"])]
    assert src.get("plainTextPath") == f"internal://{src.get('guid')}.txt"
    raw = open(f"{root_dir}/sources/{src.get('guid')}.txt", "rb").read()
    assert not raw.startswith(b"\xef\xbb\xbf"), "BOM in a source text"
    text = raw.decode("utf-8")
    start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
    assert (start, end) == (c["start"], c["end"]), (start, end, c)
    assert text[start:end] == c["quote"], (text[start:end], c["quote"])
    codings = sel.findall("q:Coding", NS)
    assert len(codings) == 1 and codings[0].find("q:CodeRef", NS).get("targetGUID") in code_guids

_, rejected = selections[guid("selection", rejected_id)]
description = rejected.find("q:Description", NS).text
assert description.startswith("Rejected in review by sam: not a veto."), description
assert "  review: rejected\n" in description, description
assert guid("selection", removed_id) not in selections
assert any(n.find("q:PlainTextContent", NS).text == "Boundary with exante is blurred"
           for n in root.findall("q:Notes/q:Note", NS))
print("selections checked:", len(selections))
PY

# A codebook export holds the code hierarchy in the codebook namespace.
python3 - "$WORK/codebook.qdc" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "{urn:QDA-XML:codebook:1.0}CodeBook", root.tag
names = [c.get("name") for c in root.iter("{urn:QDA-XML:codebook:1.0}Code")]
assert len(names) > 5, names
PY

echo "PASS: refi export"
