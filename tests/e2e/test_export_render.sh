#!/usr/bin/env bash
# Exports open in the programs papers are made with: the LaTeX evidence
# table compiles with pdflatex (standalone, and as a fragment \input into a
# paper), and LibreOffice converts the DOCX and XLSX exports to PDF.
# Skipped (exit 77) where neither pdflatex nor LibreOffice is installed
# (scripts/install-deps.sh installs both).
source "$(dirname "$0")/lib.sh"
source "$CASEBOOK_SOURCE_DIR/tests/e2e/evidence_project.sh"

have_latex=0
have_office=0
command -v pdflatex >/dev/null && have_latex=1
command -v soffice >/dev/null && have_office=1
if [ $have_latex = 0 ] && [ $have_office = 0 ]; then
  echo "skipped: neither pdflatex nor soffice is installed (run scripts/install-deps.sh)"
  exit 77
fi

build_evidence_project

# pdf_pages FILE: the number of pages of a PDF (pdfinfo, from poppler-utils).
pdf_pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }

if [ $have_latex = 1 ]; then
  run_cb 0 export evidence --out evidence.tex --quotes 3
  run_cb 0 export codebook --out codebook.tex
  run_cb 0 export codings --out codings.tex
  run_cb 0 export evidence --out fragment.tex --fragment
  cat >paper.tex <<'TEX'
\documentclass{article}
\usepackage[T1]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage{booktabs,longtable,array}
\begin{document}
\section{Findings}
\input{fragment.tex}
\end{document}
TEX
  for doc in evidence codebook codings paper; do
    if ! pdflatex -interaction=nonstopmode -halt-on-error "$doc.tex" >"$doc.latex-log" 2>&1; then
      tail -30 "$doc.latex-log" >&2
      fail "pdflatex could not compile $doc.tex"
    fi
    # longtable needs a second run to settle its column widths.
    pdflatex -interaction=nonstopmode -halt-on-error "$doc.tex" >/dev/null 2>&1 || fail "second pdflatex run of $doc.tex"
    [ "$(pdf_pages "$doc.pdf")" -ge 1 ] || fail "$doc.pdf has no pages"
  done
  # The PDF holds the table's words (pdftotext: poppler-utils).
  contains "$(pdftotext evidence.pdf -)" "corroborated"
else
  echo "note: pdflatex not installed; LaTeX compilation not checked"
fi

if [ $have_office = 1 ]; then
  run_cb 0 export evidence --out evidence.docx --quotes 3
  run_cb 0 export evidence --out evidence.xlsx
  run_cb 0 export codings --out codings.xlsx
  run_cb 0 export codebook --out codebook.docx
  mkdir -p pdf office-home
  for f in evidence.docx evidence.xlsx codings.xlsx codebook.docx; do
    HOME="$WORK/office-home" soffice --headless --norestore --convert-to pdf --outdir pdf "$f" \
      >office.log 2>&1 || { cat office.log >&2; fail "LibreOffice could not open $f"; }
    pdf="pdf/${f%.*}.pdf"
    [ -s "$pdf" ] || { cat office.log >&2; fail "LibreOffice made no PDF of $f"; }
    [ "$(pdf_pages "$pdf")" -ge 1 ] || fail "$pdf has no pages"
    mv "$pdf" "pdf/$f.pdf"
  done
  contains "$(pdftotext pdf/evidence.docx.pdf -)" "Exemplar quotes"
  contains "$(pdftotext pdf/evidence.docx.pdf -)" "corroborated"
  contains "$(pdftotext pdf/evidence.xlsx.pdf -)" "proposition"
else
  echo "note: LibreOffice not installed; DOCX and XLSX not opened"
fi

echo "ok"
