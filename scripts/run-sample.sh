#!/usr/bin/env bash
# Builds a casebook project from the bundled sample study (corpora/sample/) and
# shows what the tool does with it: import the case sheet and every source in
# the manifest, list them, run a handful of searches on the planted evidence,
# show one interview passage, export search hits as CSV, and check the project.
#
#   bash scripts/run-sample.sh [BUILD_DIR]
#
# The casebook binary is $CASEBOOK if set, else BUILD_DIR/casebook (BUILD_DIR
# defaults to build/ in the repository). The project is created afresh in
# ./sample-output/project under the current directory, and the CSV exports are
# written next to it in ./sample-output/.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sample="$root/corpora/sample"
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
mkdir -p "$out"
rm -rf "$project"
export CASEBOOK_CODER="${CASEBOOK_CODER:-sample}"

# ---- presentation helpers ----------------------------------------------------

if [[ -t 1 ]]; then bold=$'\033[1m' plain=$'\033[0m'; else bold='' plain=''; fi
section() { printf '\n%s== %s%s\n' "$bold" "$*" "$plain"; }
explain() { printf '\n# %s\n' "$*"; }

# An argument as it would be typed in a shell: bare if plain, else in single quotes.
shell_word() {
  local q="'"
  if [[ "$1" =~ ^[A-Za-z0-9_./:=,@+-]+$ ]]; then
    printf '%s' "$1"
  else
    printf "'%s'" "${1//$q/$q\\$q$q}"
  fi
}

# Runs casebook on the sample project, echoing the command first.
run() {
  printf '$ casebook'
  for arg in "$@"; do printf ' %s' "$(shell_word "$arg")"; done
  printf '\n'
  "$cb" -C "$project" "$@"
}

cb_quiet() { "$cb" -C "$project" "$@"; }

# ---- project, cases, sources -------------------------------------------------

section "Create a fresh project in sample-output/project"
"$cb" init "$project" >/dev/null
echo "created $project"

section "Import the case sheet (13 cases, A-M)"
run cases import "$sample/cases.csv"

section "Import the sources listed in corpora/sample/manifest.csv"
# One command for the whole collection: the manifest gives each file its
# cases (several separated by ';'), type, date, council and label.
run import --manifest "$sample/manifest.csv"

section "The sources"
run sources

section "Interview speakers, recognised from the transcripts' speaker labels"
run speakers map Interviewer --interviewer
run speakers

section "The cases, with their outcomes and attributes"
run cases list

# ---- searches ----------------------------------------------------------------
# The sample plants ex-post interdependence (queues for shared staff, shared
# subsidy penalties, vetoes and deferred decisions, forced standardisation,
# joint investment) mostly in the dissolved cases A-C, and ex-ante reasons
# (scale, resilience, specialists, procurement) in every case.

section "Searching the corpus"

explain "A plain word is stemmed: 'penalty' also finds 'penalties'."
run search 'penalty' --limit 4

explain "A quoted phrase matches those words in that order; here it must occur with the word queue."
run search '"temporary accommodation" queue' --limit 4

explain "NEAR/n: two words at most n words apart, in either order."
run search 'veto NEAR/12 policy'

explain "A trailing * matches any ending: queue, queued, queuing (stemming alone does not join these)."
run search 'queu*' --limit 6 --context 50

explain "Filters narrow by case attributes: subsidy losses in partnerships that were dissolved..."
run search '(subsidy AND (loss OR losses OR lost OR penalty OR penalties)) outcome:dissolved' --limit 4
explain "...and in sustained ones, where a risk-sharing rule took the blame out of it."
run search '(subsidy AND (loss OR losses OR lost OR penalty OR penalties)) outcome:sustained' --limit 3

explain "By source type and case: what the interviewee from case B said about housing."
run search 'housing type:interview case:B' --limit 2

explain "By council (the full name as imported), here the council that left case A."
run search '(veto OR queu* OR penalt*) council:"Coldharbour Borough Council"' --limit 3 --context 40

explain "A date range, leaving out interviews: queues, vetoes and deferrals in documents of 2013-2016."
run search '(queu* OR veto OR defer* OR delay*) date:2013..2016 -type:interview' --limit 5 --context 50

ex_ante='(resilien* OR specialist* OR "economies of scale" OR procure*)'
ex_post='(veto OR queu* OR unanim* OR defer* OR delay* OR standardis* OR harmonis* OR (subsidy AND (loss OR losses OR lost OR penalty OR penalties)) OR (invest* AND (pay OR paying OR share OR shared)))'
explain "Counting passages per group of cases (a filter field given twice means either value)."
echo "#   ex-ante: $ex_ante"
echo "#   ex-post: $ex_post"
printf '  %-28s %9s %8s %8s\n' "cases" passages ex-ante ex-post
count_row() {
  local name="$1" filter="$2"
  printf '  %-28s %9s %8s %8s\n' "$name" \
    "$(cb_quiet search --count "$filter")" \
    "$(cb_quiet search --count "$ex_ante $filter")" \
    "$(cb_quiet search --count "$ex_post $filter")"
}
count_row "A-C dissolved, local choice" "case:A case:B case:C"
count_row "D-E dissolved, merger" "case:D case:E"
count_row "F-J aborted" "outcome:aborted"
count_row "K-M sustained" "outcome:sustained"
echo "# Keyword hits are candidates, not findings: in K-M most ex-post hits describe the rule that"
echo "# keeps a dependency in check (a named housing team, shared subsidy losses, a technology plan)."
echo "# Telling the two apart is the coder's job (codes and dimensions come in a later version)."

# ---- one passage, exports, check ---------------------------------------------

section "One interview passage, with its offsets (code points)"
run show Int-1 --passage 9

section "Export search hits as CSV"
for outcome in dissolved sustained; do
  file="ex-post-evidence-$outcome.csv"
  [[ $outcome == dissolved ]] && file="ex-post-evidence.csv"
  cb_quiet search "$ex_post outcome:$outcome" --csv --limit 1000 >"$out/$file"
  echo "sample-output/$file: $(cb_quiet search --count "$ex_post outcome:$outcome") passages ($outcome cases)"
done
echo "query: $ex_post"

section "Check the store and the index"
run check

echo
echo "Done. The project is in sample-output/project; try for example:"
echo "  $(shell_word "$cb") -C sample-output/project search 'queu* case:B'"
