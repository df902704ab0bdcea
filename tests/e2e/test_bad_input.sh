#!/usr/bin/env bash
# Bad input gets one clear error naming the file or argument, exit status 1
# (data) or 2 (usage), and leaves the project exactly as it was.
source "$(dirname "$0")/lib.sh"

run_cb 0 init proj
printf 'id,outcome\nA,dissolved\n' > cases.csv
run_cb 0 -C proj cases import cases.csv
printf 'A good file.\n\nSecond paragraph.\n' > good.txt
run_cb 0 -C proj import --case A good.txt
before="$(project_state proj)"

enc="$CASEBOOK_TESTDATA/text-encodings/unstructured"
run_cb 1 -C proj import "$enc/empty.txt"
contains "$ERR" "empty.txt"
run_cb 1 -C proj import "$enc/fake-text-all-whitespace.txt"
contains "$ERR" "fake-text-all-whitespace.txt"
contains "$ERR" "no text"

printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' > picture.txt
run_cb 1 -C proj import picture.txt
contains "$ERR" "picture.txt"
contains "$ERR" "PNG"

run_cb 1 -C proj import "$CASEBOOK_TESTDATA/docx/unstructured/fake.doc"
contains "$ERR" "fake.doc"

head -c 4096 /dev/urandom > noise.bin
printf '\0' >> noise.bin
run_cb 1 -C proj import noise.bin
contains "$ERR" "noise.bin"

printf 'caf\xc3\xa9 and then \xff\xfe broken \xc3\xa9\n' > mixed.txt
run_cb 1 -C proj import mixed.txt
contains "$ERR" "mixed.txt"
contains "$ERR" "UTF-8"

chmod 000 good.txt 2>/dev/null || true
if [ "$(id -u)" != 0 ]; then
  run_cb 1 -C proj import good.txt
  contains "$ERR" "good.txt"
fi
chmod 644 good.txt

# Hostile and broken packages and PDFs, built here: each is refused with an
# error naming it, in a batch whose good file still imports... in another
# project, so this one stays as it was.
python3 - <<'PY'
import zipfile, io
def docx(name, document_xml, extra=()):
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", document_xml)
        for entry, data in extra:
            z.writestr(entry, data)
body = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Hello</w:t></w:r></w:p></w:body></w:document>'
# A document part padded with 300 MB of spaces compresses to about 300 KB:
# a zip bomb in a part the importer must read. (Big parts it never reads,
# such as an embedded video, are not inflated at all.)
with zipfile.ZipFile("bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", "<Types/>")
    with z.open("word/document.xml", "w", force_zip64=True) as f:
        f.write(body.encode())
        chunk = b" " * (1 << 20)
        for _ in range(300):
            f.write(chunk)
docx("escape.docx", body, [("../../etc/cron.d/evil", "x")])
docx("broken-xml.docx", body.replace("</w:body>", ""))
whole = open("escape.docx", "rb").read()
open("truncated.docx", "wb").write(whole[: len(whole) // 2])
open("truncated.pdf", "wb").write(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\nendobj\n")
PY
run_cb 1 -C proj import bomb.docx
contains "$ERR" "bomb.docx"
run_cb 1 -C proj import escape.docx
contains "$ERR" "escape.docx"
contains "$ERR" "../../etc/cron.d/evil"
run_cb 1 -C proj import broken-xml.docx
contains "$ERR" "broken-xml.docx"
contains "$ERR" "word/document.xml"
run_cb 1 -C proj import truncated.docx
contains "$ERR" "truncated.docx"
run_cb 1 -C proj import truncated.pdf
contains "$ERR" "truncated.pdf"
run_cb 1 -C proj import "$CASEBOOK_TESTDATA/pdf/unstructured/password.pdf"
contains "$ERR" "password"
run_cb 1 -C proj import "$CASEBOOK_TESTDATA/moderngov/mgWebService/bad-responses/GetCouncillorsByWard_leeds_SHAREPOINT-ERROR-HTML.xml"
contains "$ERR" "HTML page"

# Usage errors: exit 2, nothing written.
run_cb 2 -C proj import does-not-exist.txt
contains "$ERR" "does-not-exist.txt"
run_cb 2 -C proj import --date 2014-13-01 good.txt
contains "$ERR" "--date"
printf 'x\n' > a.txt; printf 'y\n' > b.txt
run_cb 2 -C proj import --label Doc-9 a.txt b.txt
contains "$ERR" "--label"
run_cb 2 -C proj import --format nosuchformat a.txt
contains "$ERR" "nosuchformat"
run_cb 2 -C proj frobnicate
run_cb 1 -C proj import --case Z a.txt
contains "$ERR" "no case 'Z'"

# A bad case sheet names the row and column, and changes nothing.
printf 'id,outcome,population:integer\nB,aborted,100\nC,sustained,lots\n' > bad.csv
run_cb 1 -C proj cases import bad.csv
contains "$ERR" "bad.csv"
contains "$ERR" "row 3"
contains "$ERR" "population"

after="$(project_state proj)"
equals "$after" "$before" "project state after failed commands"
run_cb 0 -C proj check
echo "bad input: all checks passed"
