#!/usr/bin/env bash
# Exports for papers: evidence, codings, matrix, codebook and cases in every
# format; real names never reach any of them (and do with --no-pseudonyms,
# so the check can fail); a leak refuses the export and writes nothing; the
# same project gives byte-identical files.
source "$(dirname "$0")/lib.sh"
source "$CASEBOOK_SOURCE_DIR/tests/e2e/evidence_project.sh"

build_evidence_project

# Text of an export, whatever its format: ZIP packages (XLSX, DOCX) are read
# part by part; XML entities are decoded; runs of space become one space.
export_text() {
  python3 - "$1" <<'PY'
import html, re, sys, zipfile
path = sys.argv[1]
if zipfile.is_zipfile(path):
    with zipfile.ZipFile(path) as z:
        text = " ".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
    text = re.sub(r"<[^>]+>", "", text)
else:
    text = open(path, encoding="utf-8").read()
text = html.unescape(text).replace("\\", "")
print(re.sub(r"\s+", " ", text))
PY
}

# leaks FILE: the real names found in FILE, case-insensitively.
leaks() {
  local text name found=""
  text="$(export_text "$1")"
  for name in "${REAL_NAMES[@]}"; do
    if grep -qi -- "$name" <<<"$text"; then found+="$name;"; fi
  done
  printf '%s' "$found"
}

formats=(md latex csv html xlsx docx)
declare -A ext=([md]=md [latex]=tex [csv]=csv [html]=html [xlsx]=xlsx [docx]=docx)

for f in "${formats[@]}"; do
  out="evidence.${ext[$f]}"
  run_cb 0 export evidence --format "$f" --out "$out" --quotes 3 --max-words 25
  [ -s "$out" ] || fail "no $out"
  contains "$ERR" "pseudonymised"
  equals "$(leaks "$out")" "" "real names in $out"
  text="$(export_text "$out")"
  # The coded press quote is there, with its names replaced.
  contains "$text" "follows Council" "$out"
  contains "$text" "corroborated" "$out"
  # Deterministic: a second export is byte-identical.
  run_cb 0 export evidence --format "$f" --out "again.${ext[$f]}" --quotes 3 --max-words 25
  cmp -s "$out" "again.${ext[$f]}" || fail "$f export differs between two runs"
done

# The reading layout: verdict matrix and quotes with citation labels.
md="$(cat evidence.md)"
contains "$md" "Table: Triangulation verdicts by proposition and outcome"
contains "$md" "(Doc-5)"
contains "$md" "Against:"
# The data layout (CSV): one row per proposition and group, counts in columns.
header="$(head -1 evidence.csv)"
equals "$header" "proposition,proposition_text,outcome,cases_with_evidence,cases_in_group,codings,supporting,contradicting,sources,source_labels,source_types,informants,councils,verdict,reason,quotes"
# Text formats go to standard output too; binary ones need a file.
run_cb 0 export evidence --format md --quotes 3 --max-words 25
equals "$OUT" "$(cat evidence.md)" "evidence on stdout"
run_cb 2 export evidence --format docx
contains "$ERR" "needs a file"
run_cb 2 export evidence --format pdf
contains "$ERR" "md"
run_cb 2 export evidence
contains "$ERR" "--format"
# The format follows the file name.
run_cb 0 export evidence --out by-name.tex
cmp -s by-name.tex <("$CASEBOOK" export evidence --format latex 2>/dev/null) || fail "--out .tex is not LaTeX"

# ---- without pseudonyms the names are there (so the checks above can fail) ------------
run_cb 0 export evidence --format md --out real.md --no-pseudonyms --quotes 3 --max-words 25
contains "$ERR" "REAL NAMES"
contains "$(leaks real.md)" "Coldharbour;"

# ---- a leak refuses the export and writes nothing ----------------------------------
# The map spells the name with an accent the texts do not have: replacement
# (exact letters) misses "Fennick", the looser leak check does not.
run_cb 0 pseudonyms remove Fennick
run_cb 0 pseudonyms add "Fénnick" "Council 22" --kind council
for f in "${formats[@]}"; do
  rm -f "leak.${ext[$f]}"
  run_cb 1 export evidence --format "$f" --out "leak.${ext[$f]}" --quotes 3 --max-words 25
  contains "$ERR" "would disclose"
  contains "$ERR" "Fénnick"
  contains "$ERR" "nothing was written"
  [ ! -e "leak.${ext[$f]}" ] || fail "a refused $f export left a file"
done
# An existing file is not replaced by a refused export either.
cp evidence.md keep.md
run_cb 1 export evidence --format md --out evidence.md --quotes 3 --max-words 25
cmp -s evidence.md keep.md || fail "a refused export changed an existing file"
run_cb 0 pseudonyms remove "Fénnick"
run_cb 0 pseudonyms add Fennick "Council 22" --kind council

# A council with no pseudonym is a leak wherever it is shown (the codings table has councils).
run_cb 0 pseudonyms remove "Stainmoor Borough Council"
run_cb 0 pseudonyms remove Stainmoor
run_cb 1 export codings --format csv
contains "$ERR" "Stainmoor Borough Council (no pseudonym set)"
run_cb 0 pseudonyms add "Stainmoor Borough Council" "Council 20" --kind council
run_cb 0 pseudonyms add Stainmoor "Council 20" --kind council
run_cb 0 pseudonyms list
contains "$OUT" "Council 20"
not_contains "$OUT" "No pseudonym yet"

# ---- the other exports ---------------------------------------------------------------
for f in "${formats[@]}"; do
  for what in codings codebook cases "matrix codes outcome"; do
    name="$(tr ' ' '-' <<<"$what").${ext[$f]}"
    # shellcheck disable=SC2086
    run_cb 0 export $what --format "$f" --out "$name"
    equals "$(leaks "$name")" "" "real names in $name"
  done
done
codings_header="$(head -1 codings.csv)"
contains "$codings_header" "coding,source,type,date,council,cases,outcome"
contains "$codings_header" "code_level_1,code_level_2,code,"
contains "$codings_header" "direction"
contains "$codings_header" "review_status"
contains "$(cat codings.csv)" "Council A1"   # councils pseudonymised
not_contains "$(cat codings.csv)" "unreviewed" "codings export (reviewed only)"
contains "$(cat codebook.md)" "Queuing for shared staff"
contains "$(cat codebook.md)" "Propositions and the evidence that bears on them"
contains "$(cat matrix-codes-outcome.csv)" "codes,dissolved,aborted,sustained"
contains "$(cat cases.csv)" "Case,Outcome,Sub-outcome"

echo "ok"
