#!/usr/bin/env bash
# The main job: the whole method of the bundled sample study (corpora/sample/)
# in one run, with a short account of each step.
#
#   init -> cases, series -> import (manifest) -> speakers, pseudonyms ->
#   codebook -> autocode -> coder ana walks through the suggestions ->
#   coder ben codes independently -> supervisor sam reviews -> agreement ->
#   triangulation -> evidence tables (Markdown, LaTeX) -> HTML report -> check
#
#   bash scripts/run-sample.sh [BUILD_DIR]
#
# The casebook binary is $CASEBOOK if set, else BUILD_DIR/casebook (BUILD_DIR
# defaults to build/ in the repository). Everything is written afresh under
# ./sample-output/ in the current directory: the project, the evidence tables,
# the agreement and triangulation tables and the report. The coders' work is
# scripted in corpora/sample/coding/ (see its README.md).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sample="$root/corpora/sample"
codebook="$root/corpora/interdependence/codebook.xml"
build_dir="${1:-$root/build}"
cb="${CASEBOOK:-$build_dir/casebook}"

if [[ ! -x "$cb" ]]; then
  echo "run-sample.sh: no casebook binary at $cb" >&2
  echo "  build it first (bash scripts/build.sh), pass the build directory," \
    "or set CASEBOOK=/path/to/casebook" >&2
  exit 1
fi

out="$PWD/sample-output"
project="$out/project"
rm -rf "$project" "$out/report"
mkdir -p "$out"
export CASEBOOK_CODER="${CASEBOOK_CODER:-sam}"
started=$SECONDS

# ---- presentation helpers ----------------------------------------------------

if [[ -t 1 ]]; then bold=$'\033[1m' plain=$'\033[0m'; else bold='' plain=''; fi
step_no=0
step() {
  step_no=$((step_no + 1))
  printf '\n%s== %d. %s%s\n' "$bold" "$step_no" "$*" "$plain"
}
say() { printf '%s\n' "$*"; }

# An argument as it would be typed in a shell: bare if plain, else in single quotes.
shell_word() {
  local q="'"
  if [[ "$1" =~ ^[A-Za-z0-9_./:=,@+-]+$ ]]; then
    printf '%s' "$1"
  else
    printf "'%s'" "${1//$q/$q\\$q$q}"
  fi
}

# The path as shown: relative to the working directory or the repository.
shown() {
  local p="$1"
  p="${p/#$PWD\//}"
  printf '%s' "${p/#$root\//}"
}

# Runs casebook on the project, echoing the command (paths shortened) first.
run() {
  printf '$ casebook'
  for arg in "$@"; do printf ' %s' "$(shell_word "$(shown "$arg")")"; done
  printf '\n'
  "$cb" -C "$project" "$@"
}
quiet() { "$cb" -C "$project" "$@"; }
summary() { python3 "$root/scripts/sample_summary.py" "$@"; }

# The coders of the scripts in corpora/sample/coding/: each line there is one
# casebook command run as that coder. A failing line stops the job with the
# script's line number.
coding_commands=0
as_coder() {
  local coder="$1"
  shift
  coding_commands=$((coding_commands + 1))
  if ! "$cb" -C "$project" --coder "$coder" "$@" >/dev/null 2>"$out/.coding-error"; then
    echo "run-sample.sh: ${BASH_SOURCE[2]##*/} line ${BASH_LINENO[1]}: casebook --coder $coder $*" >&2
    cat "$out/.coding-error" >&2
    exit 1
  fi
}
ana() { as_coder ana "$@"; }
ben() { as_coder ben "$@"; }
sam() { as_coder sam "$@"; }

run_script() {
  coding_commands=0
  # shellcheck source=/dev/null
  source "$1"
  rm -f "$out/.coding-error"
}

# ---- the method ----------------------------------------------------------------

step "Create the project"
"$cb" init "$project" >/dev/null
say "A casebook project in $(shown "$project"): a SQLite store (the source of truth),"
say "a Xapian index rebuilt from it, and the original files by their SHA-256."

step "The cases: 13 partnerships A-M, with outcomes, attributes and a yearly series"
quiet cases import "$sample/cases.csv" >/dev/null
quiet series import "$sample/series.csv" >/dev/null
say "$ casebook cases list   (member councils and other attributes left out here)"
quiet cases list --json | summary cases

step "Import every source listed in the manifest"
say "$ casebook import --manifest $(shown "$sample/manifest.csv")"
# The log names the files, whose names hold real council names: it stays in
# the project, with the rest of the raw material.
quiet import --manifest "$sample/manifest.csv" >"$project/import.log"
tail -n 1 "$project/import.log"
say "(every file, with the importers' notes: $(shown "$project/import.log"))"
quiet sources --json | summary sources

step "Speakers and pseudonyms"
say "Interview and focus-group turns carry speaker labels; the interviewer and moderator are"
say "marked as such, every informant keeps the label it is cited by (Int-N)."
quiet speakers map Interviewer --interviewer >/dev/null
quiet speakers map Moderator --interviewer >/dev/null
for informant in $(quiet speakers --json | summary informants); do
  quiet speakers map "$informant" --informant "$informant" >/dev/null
done
run pseudonyms import "$sample/pseudonyms.csv"

step "Load the deductive codebook"
run codebook load "$codebook"

step "Coder ana: auto-coding suggestions, then her walk-through"
say "$ casebook --coder ana autocode"
"$cb" -C "$project" --coder ana autocode | tail -n 2
run_script "$sample/coding/ana-walkthrough.sh"
say "corpora/sample/coding/ana-walkthrough.sh: $coding_commands decisions (accept with dimensions,"
say "reject with a reason, then accept the rest)"
"$cb" -C "$project" --coder ana suggestions

step "Coder ben: codes the same sources independently"
run_script "$sample/coding/ben.sh"
say "corpora/sample/coding/ben.sh: $coding_commands coding commands"
quiet codings --coder ben --json | summary codings ben

step "Agreement between ana and ben (before review)"
run agree --coders ana,ben | tee "$out/agreement.txt"

step "Supervisor sam reviews: rejects mis-codings with a reason, accepts the rest"
run_script "$sample/coding/sam-review.sh"
say "corpora/sample/coding/sam-review.sh: $coding_commands review commands"
run review status

step "Triangulate: propositions by outcome (and sub-outcome), with verdicts"
run triangulate --by outcome,sub-outcome | tee "$out/triangulation.txt"

step "Evidence tables for the paper (pseudonymised)"
run export evidence --by outcome,sub-outcome --out "$out/evidence.md"
run export evidence --by outcome,sub-outcome --out "$out/evidence.tex"

step "The HTML report"
run report --out "$out/report" --title "Sample study: shared revenues and benefits services" \
  --by outcome,sub-outcome --events-attribute governance_history

step "Check the store, the index and the originals"
run check

echo
say "Done in $((SECONDS - started)) s. Outputs in $(shown "$out"):"
say "  evidence.md, evidence.tex   evidence tables (pseudonymised)"
say "  triangulation.txt           propositions x outcomes with verdicts"
say "  agreement.txt               inter-coder agreement of ana and ben"
say "  report/index.html           the HTML report"
say "  project/                    the casebook project: try"
say "    $(shown "$cb") -C $(shown "$project") search 'queu* case:B'"
