#!/usr/bin/env bash
# Hostile and oversized input: a zip bomb, "billion laughs" entity
# expansion in DOCX and ModernGov XML, HTML nested 200,000 deep, a 2 GB file,
# a PDF whose page tree loops, and archives whose entries try to escape the
# project (REFI-QDA import and merge). Each is refused with the file named or
# imported harmlessly, within 400 MB of memory (measured, not assumed), the
# project unchanged by a refusal, nothing written outside it. A hang would be
# stopped by the 300 s guard and fail the test. The table it prints is the
# one in docs/reliability.md.
source "$(dirname "$0")/lib.sh"

# measure EXPECTED_STATUS ARGS...: runs casebook once (under the guard);
# $OUT, $ERR and $PEAK_MB, the peak resident memory of it and its children.
measure() {
  local expected=$1
  shift
  local status
  status="$(python3 - "$WORK" "$CASEBOOK" "$@" <<'PY'
import resource, subprocess, sys
work = sys.argv[1]
with open(f"{work}/.out", "wb") as out, open(f"{work}/.err", "wb") as err:
    p = subprocess.run(["timeout", "300"] + sys.argv[2:], stdout=out, stderr=err)
with open(f"{work}/.peak", "w") as peak:
    peak.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024))
print(p.returncode)
PY
)"
  OUT="$(cat "$WORK/.out")"
  ERR="$(cat "$WORK/.err")"
  PEAK_MB="$(cat "$WORK/.peak")"
  if [ "$status" != "$expected" ]; then
    echo "$OUT" >&2
    echo "$ERR" >&2
    fail "casebook $* exited $status, expected $expected"
  fi
  [ "$PEAK_MB" -lt 400 ] || fail "casebook $* used $PEAK_MB MB"
}
outcomes=()
record() { outcomes+=("$(printf '%-14s %-44s %4s MB  %s' "$1" "$2" "$PEAK_MB" "$3")"); }

# ---- the inputs ------------------------------------------------------------------------------
python3 - <<'PY'
import zipfile
TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
with zipfile.ZipFile("bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", TYPES)
    with z.open("word/document.xml", "w") as f:  # 40 MB of one letter, about 40 KB zipped
        f.write(f'<?xml version="1.0"?><w:document {W}><w:body><w:p><w:r><w:t>'.encode())
        for _ in range(40):
            f.write(b"a" * (1 << 20))
        f.write(b"</w:t></w:r></w:p></w:body></w:document>")
entities = '<!ENTITY lol0 "lol">' + "".join(
    f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10))
laughs_body = f"<w:document {W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
with zipfile.ZipFile("laughs.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", TYPES)
    z.writestr("word/document.xml", f'<?xml version="1.0"?><!DOCTYPE lolz [{entities}]>{laughs_body}')
with open("laughs-moderngov.xml", "w") as f:
    f.write(f'<?xml version="1.0"?><!DOCTYPE lolz [{entities}]><meeting><meetingid>1</meetingid>'
            "<committeetitle>&lol9;</committeetitle></meeting>")
with open("nested.html", "w") as f:
    f.write("<!DOCTYPE html><html><body>" + "<div>" * 200000 + "deep text" + "</div>" * 200000 + "</body></html>")
with open("unclosed.html", "w") as f:
    f.write("<!DOCTYPE html><html><body>" + "<b><i>" * 100000 + "deep text</body></html>")
qde = ('<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources>'
       '<TextSource guid="T1" name="t" plainTextPath="internal://../../evil.txt"/></Sources></Project>')
with zipfile.ZipFile("escape.qdpx", "w") as z:
    z.writestr("project.qde", qde)
    z.writestr("../../evil.txt", "evil")
with zipfile.ZipFile("absolute.qdpx", "w") as z:
    z.writestr("project.qde", qde.replace("internal://../../evil.txt", "internal:///tmp/evil.txt"))
    z.writestr("/tmp/evil.txt", "evil")
PY
# A PDF whose page tree lists itself among its kids.
printf '%%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[2 0 R 3 0 R]/Count 2>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%%%EOF\n' >loop.pdf
truncate -s 2G big.txt  # sparse: no disk space used

run_cb 0 init proj
printf 'A good file.\n\nSecond paragraph.\n' >good.txt
run_cb 0 -C proj import good.txt
before="$(project_state proj)"

# ---- refused, project unchanged ------------------------------------------------------------
measure 1 -C proj import bomb.docx
contains "$ERR$OUT" "bomb.docx: ZIP entry word/document.xml expands 1025 times its compressed size"
record docx "zip bomb (40 MB in 40 KB)" "refused: expands 1025 times (a zip bomb?)"
measure 1 -C proj import big.txt
contains "$ERR$OUT" "big.txt: file is 2048 MiB, larger than the import limit of 512 MiB"
record text "2 GB file" "refused before reading: larger than --max-size"
measure 1 -C proj import loop.pdf
contains "$ERR$OUT" "loop.pdf"
record pdf "page tree that contains itself" "refused: no page has text"
measure 1 -C proj import escape.qdpx
contains "$ERR" "escape.qdpx: ZIP entry '../../evil.txt' has an unsafe name"
record refi-qda "entry ../../evil.txt" "refused: unsafe entry name"
measure 1 -C proj import absolute.qdpx
contains "$ERR" "absolute.qdpx: ZIP entry '/tmp/evil.txt' has an unsafe name"
record refi-qda "entry /tmp/evil.txt" "refused: unsafe entry name"
measure 1 -C proj --coder sam merge escape.qdpx
contains "$ERR" "unsafe name"
record merge "qdpx with entry ../../evil.txt" "refused: unsafe entry name"
[ ! -e ../evil.txt ] && [ ! -e ../../evil.txt ] && [ ! -e /tmp/evil.txt ] || fail "an entry escaped"
equals "$(project_state proj)" "$before" "the project after refused inputs"

# ---- imported harmlessly -------------------------------------------------------------------
# Entities are never expanded (no DTD processing): the text holds no "lol".
measure 0 -C proj import laughs.docx
record docx "billion laughs (10^9 lol)" "imported; the entity is not expanded"
measure 0 -C proj import laughs-moderngov.xml
record moderngov "billion laughs" "imported; the entity is not expanded"
run_cb 0 -C proj search --count lol
equals "$OUT" 0 "passages with expanded entities"
measure 0 -C proj import nested.html
record html "200,000 nested <div>" "imported: one passage"
measure 0 -C proj import unclosed.html
record html "100,000 unclosed <b><i>" "imported: one passage"
run_cb 0 -C proj search --count '"deep text"'
equals "$OUT" 2 "the deeply nested text"
run_cb 0 -C proj check --deep

printf '%s\n' "${outcomes[@]}"
echo "PASS"
