#!/usr/bin/env bash
# casebook import FILE.qdpx / codebook import FILE.qdc: real REFI-QDA
# exports (QualCoder's demo, ATLAS.ti 23) land every selection on the right
# text; our own export imported into a new project and exported again gives
# the same codings, codes, cases and texts; a broken package changes nothing.
source "$CASEBOOK_SOURCE_DIR/tests/e2e/lib.sh"
source "$CASEBOOK_SOURCE_DIR/tests/e2e/evidence_project.sh"

REFI="$CASEBOOK_TESTDATA/refi-qda"

# ---- QualCoder's demo: every selection's quote is the text at its positions ----
run_cb 0 init demo
run_cb 0 -C demo import "$REFI/qc-demo/demo.qdpx"
contains "$OUT" "positions:"
contains "$OUT" "code points"
run_cb 0 -C demo codings --json
printf '%s' "$OUT" >"$WORK/demo-codings.json"
run_cb 0 -C demo sources --json
printf '%s' "$OUT" >"$WORK/demo-sources.json"
python3 - "$REFI/qc-demo/demo.qdpx" "$WORK/demo-codings.json" "$WORK/demo-sources.json" <<'PY'
import collections, json, os, sys, zipfile, xml.etree.ElementTree as ET
package, codings_file, sources_file = sys.argv[1:4]
NS = "{urn:QDA-XML:project:1.0}"
z = zipfile.ZipFile(package)
root = ET.fromstring(z.read("project.qde"))
users = {u.get("guid"): u.get("name") for u in root.iter(NS + "User")}
expected = collections.Counter()
for src in root.iter(NS + "TextSource"):
    text = z.read("sources/" + src.get("plainTextPath").replace("internal://", "")).decode("utf-8")
    # QualCoder writes no source names: casebook titles them by file name.
    name = src.get("name") or os.path.splitext(os.path.basename(src.get("plainTextPath")))[0]
    for sel in src.iter(NS + "PlainTextSelection"):
        for coding in sel.iter(NS + "Coding"):
            s, e = int(sel.get("startPosition")), int(sel.get("endPosition"))
            expected[(name, text[s:e], users[coding.get("creatingUser")])] += 1
titles = {s["label"]: s["title"] for s in json.load(open(sources_file))}
got = collections.Counter((titles[c["source"]], c["quote"], c["coder"])
                          for c in json.load(open(codings_file)))
assert got == expected, (len(got), len(expected), list((expected - got).items())[:3])
print("demo selections checked:", sum(got.values()))
PY

# ---- ATLAS.ti 23: a project with codes only, and a blank one ----
run_cb 0 init atlas
run_cb 0 -C atlas import "$REFI/atlasti23-ponte/target-atlas-project.qdpx" --json
equals "$(json_get "$OUT" 'd["codes_created"]')" "3" "ATLAS.ti codes"
run_cb 0 -C atlas codebook show
contains "$OUT" "2022-05-10T02:05:59Z 19e4dce"
run_cb 0 init blank
run_cb 0 -C blank import "$REFI/atlasti23-ponte/blank-atlas-project.qdpx"
contains "$OUT" "nothing was skipped"

# ---- round trip: our export -> a new project -> export again ----
build_evidence_project   # leaves us in proj/
run_cb 0 codings --json
first_id="$(json_get "$OUT" 'd[0]["id"]')"
run_cb 0 --coder sam review reject "$first_id" --reason "not a veto"
run_cb 0 export qdpx "$WORK/first.qdpx"
run_cb 0 export qdc "$WORK/first.qdc"
cd "$WORK"
run_cb 0 init copy
run_cb 0 -C copy import "$WORK/first.qdpx"
contains "$OUT" "loaded as the project's codebook"
run_cb 0 -C copy export qdpx "$WORK/second.qdpx"
python3 - "$WORK/first.qdpx" "$WORK/second.qdpx" <<'PY'
import sys, zipfile, xml.etree.ElementTree as ET
NS = "{urn:QDA-XML:project:1.0}"

def summary(path):
    z = zipfile.ZipFile(path)
    root = ET.fromstring(z.read("project.qde"))
    users = {u.get("guid"): u.get("name") for u in root.iter(NS + "User")}
    paths = {}
    def walk(codes, prefix):
        for c in codes:
            paths[c.get("guid")] = prefix + c.get("name")
            walk(c.findall(NS + "Code"), prefix + c.get("name") + "/")
    walk(root.findall(f"{NS}CodeBook/{NS}Codes/{NS}Code"), "")
    texts, codings = {}, []
    for src in root.iter(NS + "TextSource"):
        text = z.read("sources/" + src.get("plainTextPath")[len("internal://"):]).decode()
        texts[src.get("name")] = text
        for sel in src.iter(NS + "PlainTextSelection"):
            for c in sel.iter(NS + "Coding"):
                codings.append((src.get("name"), sel.get("startPosition"), sel.get("endPosition"),
                                paths[c.find(NS + "CodeRef").get("targetGUID")],
                                users[c.get("creatingUser")]))
    cases = sorted((c.get("name"), len(c.findall(NS + "SourceRef")),
                    len(c.findall(NS + "VariableValue"))) for c in root.iter(NS + "Case"))
    return sorted(paths.values()), texts, sorted(codings), cases

a, b = summary(sys.argv[1]), summary(sys.argv[2])
for what, x, y in zip(("codes", "texts", "codings", "cases"), a, b):
    assert x == y, (what, x if not isinstance(x, dict) else x.keys(), y if not isinstance(y, dict) else y.keys())
print("round trip:", len(a[2]), "codings,", len(a[0]), "codes,", len(a[1]), "texts,", len(a[3]), "cases")
PY
run_cb 0 -C copy codings --include-rejected --json
contains "$OUT" '"status": "rejected"'

# ---- the codebook alone ----
run_cb 0 init cb
run_cb 0 -C cb codebook import "$WORK/first.qdc"
run_cb 0 -C cb codebook export
contains "$OUT" "expost.veto"

# ---- a broken package changes nothing and names the file ----
head -c 300 "$WORK/first.qdpx" >"$WORK/broken.qdpx"
before="$(project_state copy)"
run_cb 1 -C copy import "$WORK/broken.qdpx"
contains "$ERR" "broken.qdpx"
equals "$(project_state copy)" "$before" "project after a failed import"
# Options that describe one source are refused, not ignored.
run_cb 2 -C copy import --case A --type interview "$WORK/first.qdpx"
contains "$ERR" "--case, --type cannot be used when importing a REFI-QDA project"
equals "$(project_state copy)" "$before" "project after a refused import"

echo "PASS: refi import"
