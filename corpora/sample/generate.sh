#!/usr/bin/env bash
# generate.sh: render the sample study's PDF, DOCX and ODT sources from Markdown.
#
# Binary sources are never edited by hand. Each one is written as Markdown at
#
#   corpora/sample/originals/<CASE>/<name>.<ext>.md       (ext = pdf, docx or odt)
#
# and this script renders it to corpora/sample/sources/<CASE>/<name>.<ext>
# (the same relative path, without the trailing .md). Interview transcripts
# (originals/<CASE>/interviews/int-N.docx.md) are rendered the same way.
#
# Usage:
#   bash corpora/sample/generate.sh                  render every original
#   bash corpora/sample/generate.sh FILE.ext.md ...  render only these originals
#   bash corpora/sample/generate.sh --check          render into a scratch folder and
#                                                    compare with sources/ (exit 1 on
#                                                    any difference); writes nothing
#   bash corpora/sample/generate.sh --list           print original -> output pairs
#
# Needs pandoc, pdflatex (texlive-latex-base and texlive-latex-recommended), and
# python3, all installed by scripts/install-deps.sh. pdftotext (poppler-utils)
# is used, when present, only to report the page count of each PDF.
#
# The Markdown originals
# ----------------------
# Pandoc Markdown with the "smart" extension turned off, so the text renders
# exactly as written: type curly quotes, en and em dashes and the pound sign
# as the characters themselves. Optional YAML front matter:
#
#   title:        document title (PDF info, DOCX core properties, ODT meta.xml)
#   author:       author or issuing body (same places)
#   date:         ISO date, YYYY-MM-DD or YYYY-MM; it becomes the file's creation
#                 date (see "Reproducibility") and, in DOCX and ODT, the date line
#                 under the title is shown as "27 September 2018". Without it, the
#                 first date written out ("13 July 2021") in the first six lines
#                 (an interview's description paragraph) dates the file, and no
#                 date line is added
#   header-left, header-right, footer-left:
#                 PDF only: running header and footer text, repeated on every page
#                 (every PDF also gets "Page N of M" at the bottom right)
#
# DOCX and ODT show title, author and date as a title block; PDFs do not (their
# letterhead is part of the Markdown body), so minutes and reports look like
# council papers rather than articles. Without a front-matter title, a file
# whose first line is a level-1 heading ("# Interview Int-7") uses that heading
# as its title, shown once as the document's Title paragraph.
#
# Reproducibility
# ---------------
# * SOURCE_DATE_EPOCH is set for each file from its front-matter date (noon UTC),
#   else from a date in its first lines, else from the caller's
#   SOURCE_DATE_EPOCH, else 2021-01-01 12:00 UTC. pandoc
#   uses it for the DOCX core properties and ZIP entry times and the ODT
#   meta.xml dates; pdfTeX for the PDF CreationDate, ModDate and trailer /ID
#   (FORCE_SOURCE_DATE=1 also pins \today).
# * pandoc 2.17 stamps ODT ZIP entries with the current time; the script
#   rewrites them with SOURCE_DATE_EPOCH (python3's zipfile, mimetype first and
#   stored), so ODT files are byte-reproducible too.
# * PDFs are typeset by pdflatex from a .tex file written into a scratch folder
#   with a fixed job name, twice (three times if labels still move), so that
#   "Page N of M" is resolved.
# * With the same versions of pandoc, TeX Live and python3, every output is
#   byte-identical from run to run (check with --check). Not byte-reproducible
#   across versions: pandoc's DOCX/ODT styles and XML layout, pdfTeX's Producer
#   string and font subsetting, the Computer Modern font files, and zlib's
#   compression can all change the bytes (never the text) when the toolchain is
#   upgraded.
#
# Fonts: pdflatex uses Computer Modern in the OT1 encoding, because the Type 1
# fonts for it ship with texlive-base; T1 would need cm-super (not installed),
# and without it pdfTeX falls back to bitmap fonts whose text pdftotext cannot
# read. Accented letters come out of pdftotext as base letter plus combining
# accent, which casebook normalises to NFC. The pound sign is taken from the
# italic font (its glyph there is named "sterling"), so no bitmap font is used.
# Avoid characters pdflatex's utf8 input cannot set (emoji, CJK) in PDF originals.

set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
originals="$here/originals"
sources="$here/sources"
default_epoch=1609502400   # 2021-01-01 12:00:00 UTC
# The caller's SOURCE_DATE_EPOCH, read once: the loop below exports a new one per file.
caller_epoch="${SOURCE_DATE_EPOCH:-$default_epoch}"

mode=render
files=()
for arg in "$@"; do
  case "$arg" in
    --check) mode=check ;;
    --list) mode=list ;;
    -h|--help) sed -n '2,20p' "${BASH_SOURCE[0]}"; exit 0 ;;
    -*) echo "generate.sh: unknown option $arg" >&2; exit 2 ;;
    *) files+=("$(cd "$(dirname "$arg")" && pwd)/$(basename "$arg")") ;;
  esac
done

# Every original, sorted so the order (and the log) is stable.
if [ ${#files[@]} -eq 0 ]; then
  if [ ! -d "$originals" ]; then
    echo "generate.sh: no originals folder at $originals" >&2
    exit 1
  fi
  while IFS= read -r -d '' f; do files+=("$f"); done < <(
    find "$originals" -type f \( -name '*.pdf.md' -o -name '*.docx.md' -o -name '*.odt.md' \) \
      -print0 | LC_ALL=C sort -z)
fi

# The output path for an original: originals/X/Y.ext.md -> sources/X/Y.ext
output_for() {
  local rel="${1#"$originals"/}"
  if [ "$rel" = "$1" ]; then
    echo "generate.sh: $1 is not under $originals" >&2
    return 1
  fi
  printf '%s/%s\n' "$sources" "${rel%.md}"
}

if [ "$mode" = list ]; then
  for f in "${files[@]}"; do printf '%s -> %s\n' "${f#"$here"/}" "$(output_for "$f" | sed "s|^$here/||")"; done
  exit 0
fi

for tool in pandoc pdflatex python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "generate.sh: $tool is not installed; run: bash scripts/install-deps.sh" >&2
    exit 1
  fi
done

scratch="$(mktemp -d "${TMPDIR:-/tmp}/casebook-generate.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT

# ---- the LaTeX template for PDFs -------------------------------------------
# A small template of our own rather than pandoc's default, which needs
# lmodern.sty (not in texlive-latex-base) and always typesets a title block.
cat > "$scratch/template.tex" <<'LATEX'
\documentclass[11pt,a4paper]{article}
\usepackage[OT1]{fontenc}
\usepackage[utf8]{inputenc}
% The pound sign from the italic font (glyph "sterling"), the middle dot from
% the maths symbols: both Type 1, both extracted correctly by pdftotext.
\DeclareUnicodeCharacter{00A3}{{\itshape\char36}}
\DeclareUnicodeCharacter{00B7}{\ensuremath{\cdot}}
\usepackage[a4paper,margin=2.5cm,headheight=14pt,footskip=1.5cm]{geometry}
% Never end a page with a hyphenated word, a paragraph's first or last line:
% pdftotext would join "reduc-" at the foot of a page to the footer below it.
\brokenpenalty=10000 \widowpenalty=10000 \clubpenalty=10000
\usepackage{longtable,booktabs,array,calc}
% Paragraphs are separated by a gap of 2.5em, no indent. pdftotext (and so
% casebook) only starts a new block where the gap between lines exceeds about
% 2.4 times the font size; with ordinary spacing (6-12pt) a whole page comes out
% as one block, i.e. one passage. Lists get the same gap between items.
\setlength{\parindent}{0pt}
\setlength{\parskip}{2.5em}
\raggedbottom
\makeatletter
\def\@listI{\leftmargin\leftmargini \parsep\z@ \topsep\z@ \partopsep\z@ \itemsep 2.5em}
\let\@listi\@listI
\makeatother
\usepackage{fancyhdr}
\usepackage[hidelinks]{hyperref}
\urlstyle{same}
\hypersetup{
  pdftitle={$title-meta$},
  pdfauthor={$author-meta$},
  pdfcreator={pandoc and pdfLaTeX (corpora/sample/generate.sh)}}
\providecommand{\tightlist}{}
\setcounter{secnumdepth}{-2}
\makeatletter
\renewcommand\section{\@startsection{section}{1}{\z@}%
  {-2.5ex \@plus -1ex \@minus -.2ex}{1.2ex \@plus .2ex}{\normalfont\large\bfseries}}
\renewcommand\subsection{\@startsection{subsection}{2}{\z@}%
  {-2ex \@plus -1ex \@minus -.2ex}{0.8ex \@plus .2ex}{\normalfont\normalsize\bfseries}}
\renewcommand\subsubsection{\@startsection{subsubsection}{3}{\z@}%
  {-1.5ex \@plus -1ex \@minus -.2ex}{0.5ex \@plus .2ex}{\normalfont\normalsize\itshape}}
\makeatother
% Running header and footer on every page, and "Page N of M".
\pagestyle{fancy}
\fancyhf{}
$if(header-left)$\fancyhead[L]{\small $header-left$}$endif$
$if(header-right)$\fancyhead[R]{\small $header-right$}$endif$
$if(footer-left)$\fancyfoot[L]{\small $footer-left$}$endif$
\fancyfoot[R]{\small Page \thepage\ of \pageref*{LastPage}}
\renewcommand{\headrulewidth}{$if(header-left)$0.4pt$else$$if(header-right)$0.4pt$else$0pt$endif$$endif$}
\renewcommand{\footrulewidth}{0pt}
\AtEndDocument{\label{LastPage}}
\begin{document}
\thispagestyle{fancy}
$body$
\end{document}
LATEX

# The value of one front-matter field, as plain text ("" when absent).
meta_field() {
  local file="$1" field="$2"
  printf '$%s$' "$field" > "$scratch/field.tpl"
  pandoc -f markdown-smart -t plain --template "$scratch/field.tpl" "$file" | sed -n 1p
}

# SOURCE_DATE_EPOCH for a date "YYYY-MM-DD" or "YYYY-MM" (noon UTC).
epoch_for() {
  local d="$1"
  case "$d" in
    [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]) date -u -d "${d}T12:00:00Z" +%s ;;
    [0-9][0-9][0-9][0-9]-[0-9][0-9]) date -u -d "${d}-01T12:00:00Z" +%s ;;
    *) echo "$caller_epoch" ;;
  esac
}

# The first date written out in words ("13 July 2021") in the first six lines
# of a file, as YYYY-MM-DD; empty when there is none.
text_date() {
  local found
  found="$(sed -n '1,6p' "$1" | grep -oE '\b[0-9]{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) [0-9]{4}\b' | sed -n 1p || true)"
  if [ -n "$found" ]; then
    LC_ALL=C date -u -d "$found" +%F
  fi
}

# "27 September 2018" or "September 2018" for the DOCX/ODT date line.
display_date() {
  local d="$1"
  case "$d" in
    [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]) LC_ALL=C date -u -d "$d" '+%-d %B %Y' ;;
    [0-9][0-9][0-9][0-9]-[0-9][0-9]) LC_ALL=C date -u -d "$d-01" '+%B %Y' ;;
    *) printf '%s\n' "$d" ;;
  esac
}

# Options shared by every pandoc run on an original.
pandoc_common() {
  local file="$1"
  local -n _opts="$2"
  _opts=(-f markdown-smart)
  # No front-matter title, but a level-1 heading first: use it as the title.
  if [ -z "$(meta_field "$file" title)" ] && sed -n 1p "$file" | grep -q '^# '; then
    _opts+=(--shift-heading-level-by=-1)
  fi
}

render_pdf() {
  local src="$1" out="$2" job="$scratch/pdf"
  local -a opts
  pandoc_common "$src" opts
  rm -rf "$job" && mkdir -p "$job"
  pandoc "${opts[@]}" -s --template "$scratch/template.tex" -t latex -o "$job/document.tex" "$src"
  local run
  for run in 1 2 3; do
    if ! (cd "$job" && pdflatex -interaction=nonstopmode -halt-on-error document.tex >/dev/null 2>&1); then
      echo "generate.sh: pdflatex failed on $src; the end of its log:" >&2
      tail -n 30 "$job/document.log" >&2
      return 1
    fi
    # At least two runs ("Page N of M"); a third only if LaTeX still asks for one.
    if [ "$run" -ge 2 ] && ! grep -q 'Rerun to get' "$job/document.log"; then
      break
    fi
  done
  cp "$job/document.pdf" "$out"
}

render_office() {
  local src="$1" out="$2" ext="$3" date="$4"
  local -a opts
  pandoc_common "$src" opts
  # Show the date as people write it; the ISO date is kept in the file's metadata.
  if [ -n "$date" ]; then
    opts+=(-M "date=$(display_date "$date")")
  fi
  pandoc "${opts[@]}" -t "$ext" -o "$out" "$src"
  if [ "$ext" = odt ]; then
    # Pin the ZIP entry times, keeping "mimetype" first and uncompressed.
    python3 - "$out" "$SOURCE_DATE_EPOCH" <<'PY'
import sys, time, zipfile
path, epoch = sys.argv[1], int(sys.argv[2])
stamp = time.gmtime(epoch)[:6]
with zipfile.ZipFile(path) as z:
    entries = [(i, z.read(i.filename)) for i in z.infolist()]
entries.sort(key=lambda e: e[0].filename != "mimetype")
with zipfile.ZipFile(path, "w") as z:
    for info, data in entries:
        fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
        fixed.compress_type = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
        fixed.external_attr = 0o644 << 16
        fixed.create_system = 3
        z.writestr(fixed, data)
PY
  fi
}

failed=0
differ=0
count=0
for src in "${files[@]}"; do
  if [ ! -f "$src" ]; then
    echo "generate.sh: no such file: $src" >&2; failed=1; continue
  fi
  dest="$(output_for "$src")"
  name="${src%.md}"
  ext="${name##*.}"
  case "$ext" in
    pdf|docx|odt) ;;
    *) echo "generate.sh: $src: expected a name ending .pdf.md, .docx.md or .odt.md" >&2; failed=1; continue ;;
  esac
  date="$(meta_field "$src" date)"
  SOURCE_DATE_EPOCH="$(epoch_for "${date:-$(text_date "$src")}")"
  export SOURCE_DATE_EPOCH FORCE_SOURCE_DATE=1
  if [ "$mode" = check ]; then
    out="$scratch/out.$ext"
  else
    mkdir -p "$(dirname "$dest")"
    out="$dest"
  fi
  rel="${dest#"$here"/}"
  if [ "$ext" = pdf ]; then
    render_pdf "$src" "$out" || { failed=1; continue; }
  else
    render_office "$src" "$out" "$ext" "$date" || { failed=1; continue; }
  fi
  count=$((count + 1))
  if [ "$mode" = check ]; then
    if [ ! -f "$dest" ]; then
      echo "missing  $rel"; differ=1
    elif cmp -s "$out" "$dest"; then
      echo "same     $rel"
    else
      echo "differs  $rel"; differ=1
    fi
  else
    pages=""
    if [ "$ext" = pdf ] && command -v pdfinfo >/dev/null 2>&1; then
      pages=" ($(pdfinfo "$out" | awk '/^Pages:/ {print $2}') pages)"
    fi
    echo "wrote    $rel$pages"
  fi
done

echo "generate.sh: $count file(s) $([ "$mode" = check ] && echo checked || echo rendered)"
if [ "$failed" -ne 0 ]; then exit 1; fi
if [ "$differ" -ne 0 ]; then exit 1; fi
