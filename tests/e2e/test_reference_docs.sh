#!/usr/bin/env bash
# The command reference, man page and shell completions are generated from the
# CLI's own --help (scripts/gen-reference.sh): regenerating them from this
# binary must give the committed files; the man page renders without a groff
# warning; the bash completion answers at every level (commands, options,
# value sets, file names); install-extras.sh puts everything under a PREFIX.
source "$(dirname "$0")/lib.sh"

for tool in python3 groff gzip diff; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIP: $tool is not installed (apt-get install groff-base for groff)" >&2
    exit 77
  fi
done

SRC="$CASEBOOK_SOURCE_DIR"
GENERATED=(docs/reference docs/casebook.1 completion/casebook.bash completion/_casebook)

# ---- the committed files are what the generator makes from this binary ------------
bash "$SRC/scripts/gen-reference.sh" --out "$WORK/gen" "$CASEBOOK" >"$WORK/gen.log" 2>&1 ||
  { cat "$WORK/gen.log" >&2; fail "scripts/gen-reference.sh failed"; }
not_contains "$(cat "$WORK/gen.log")" "warning" "the generator's output"
stale=0
for f in "${GENERATED[@]}"; do
  if ! diff -ru "$SRC/$f" "$WORK/gen/$f" >"$WORK/diff" 2>&1; then
    head -n 60 "$WORK/diff" >&2
    stale=1
  fi
done
if [ "$stale" = 1 ]; then
  fail "the generated reference is out of date with the CLI's help: run scripts/gen-reference.sh and commit docs/reference/, docs/casebook.1 and completion/"
fi
[ -f "$SRC/docs/reference/README.md" ] || fail "docs/reference/README.md is missing"
for cmd in init codebook export merge suggestions; do
  [ -f "$SRC/docs/reference/$cmd.md" ] || fail "docs/reference/$cmd.md is missing"
done
contains "$(cat "$SRC/docs/reference/codebook.md")" "## casebook codebook load" "codebook.md"
contains "$(cat "$SRC/docs/reference/export.md")" "## casebook export evidence" "export.md"

# ---- the man page renders without warnings and says what it must --------------------
MAN="$SRC/docs/casebook.1"
groff -man -Tutf8 -ww -z "$MAN" 2>"$WORK/groff.err" || fail "groff failed on docs/casebook.1"
if [ -s "$WORK/groff.err" ]; then
  cat "$WORK/groff.err" >&2
  fail "groff -ww warns about docs/casebook.1"
fi
if command -v man >/dev/null && man --version >/dev/null 2>&1; then
  man --warnings -E UTF-8 -l "$MAN" >/dev/null 2>"$WORK/man.err" || true
  if [ -s "$WORK/man.err" ]; then
    cat "$WORK/man.err" >&2
    fail "man --warnings complains about docs/casebook.1"
  fi
fi
page="$(cat "$MAN")"
version="$("$CASEBOOK" --version)"
contains "$page" ".TH CASEBOOK 1 \"\" \"$version\"" "the man page's title line"
for section in NAME SYNOPSIS DESCRIPTION "GLOBAL OPTIONS" COMMANDS "EXIT STATUS" ENVIRONMENT FILES "SEE ALSO"; do
  contains "$page" ".SH $section" "the man page"
done
contains "$page" '.SS "casebook suggestions accept"' "the man page"
contains "$page" "store.sqlite" "the man page's FILES"
# Every environment variable the program reads is documented.
while read -r var; do
  contains "$page" "$var" "the man page's ENVIRONMENT"
done < <(grep -rhoE 'getenv\("CASEBOOK_[A-Z_]+"\)' "$SRC/cli" "$SRC/engine" "$SRC/importers" |
  sed -E 's/.*"(CASEBOOK_[A-Z_]+)".*/\1/' | sort -u)

# ---- bash completion ------------------------------------------------------------------
COMPLETION="$SRC/completion/casebook.bash"
bash -n "$COMPLETION" || fail "completion/casebook.bash has a syntax error"
mkdir -p files/subdir
touch files/codebook.xml files/cases.csv
# answers WORD...: what the completion offers for the last word, space-separated.
answers() {
  (cd files && bash --norc --noprofile -c '
    source "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
    _casebook
    printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "' _ "$COMPLETION" "$@")
}
equals "$(answers casebook cod)" "code codebook codings " "commands for 'casebook cod'"
equals "$(answers casebook codebook l)" "load " "subcommands for 'casebook codebook l'"
equals "$(answers casebook suggestions a)" "accept " "subcommands for 'casebook suggestions a'"
equals "$(answers casebook export ev)" "evidence " "subcommands for 'casebook export ev'"
equals "$(answers casebook export evidence --fo)" "--format " "options of 'export evidence'"
equals "$(answers casebook merge --on-)" "--on-conflict " "options of 'merge'"
equals "$(answers casebook merge --on-conflict '')" "ask keep-both keep-ours take-theirs " \
  "values of --on-conflict"
equals "$(answers casebook merge --on-conflict = k)" "keep-both keep-ours " "values of --on-conflict=k"
equals "$(answers casebook code --unit '')" "passage sentence " "values of code --unit"
equals "$(answers casebook export evidence -f '')" "csv docx html latex md xlsx " \
  "export formats"
equals "$(answers casebook matrix codes o)" "outcome " "matrix COLUMNS"
equals "$(answers casebook codebook load '')" "cases.csv codebook.xml subdir " "files for FILE"
equals "$(answers casebook report --out '')" "subdir " "directories for report --out"
# Global options are skipped with their values, before or after the command.
equals "$(answers casebook -C subdir codebook lo)" "load " "after -C DIR"
equals "$(answers casebook codebook --coder sam l)" "load " "after --coder NAME"
equals "$(answers casebook --pro)" "--project " "global options"
contains "$(answers casebook review accept 12 --)" "--note" "options of 'review accept'"

# ---- zsh completion: at least its syntax ---------------------------------------------
if command -v zsh >/dev/null; then
  zsh -n "$SRC/completion/_casebook" || fail "completion/_casebook has a syntax error"
  zsh -f -c "fpath=('$SRC/completion' \$fpath); autoload -U compinit; compinit -u -d '$WORK/zcompdump';
    [[ \${_comps[casebook]} == _casebook ]]" || fail "zsh's compinit does not pick up _casebook"
fi

# ---- install-extras.sh ------------------------------------------------------------------
PREFIX="$WORK/prefix with space"
for run in 1 2; do  # idempotent: the second run rewrites the same files
  out="$(bash "$SRC/scripts/install-extras.sh" "$PREFIX")" || fail "install-extras.sh failed (run $run)"
  equals "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" "1" "lines printed by install-extras.sh"
  contains "$out" "$PREFIX/share/man/man1/casebook.1.gz" "install-extras.sh's message"
  gzip -dc "$PREFIX/share/man/man1/casebook.1.gz" | cmp -s - "$MAN" ||
    fail "the installed man page differs from docs/casebook.1"
  cmp -s "$PREFIX/share/bash-completion/completions/casebook" "$COMPLETION" ||
    fail "the installed bash completion differs"
  cmp -s "$PREFIX/share/zsh/site-functions/_casebook" "$SRC/completion/_casebook" ||
    fail "the installed zsh completion differs"
done
equals "$(find "$PREFIX" -type f | wc -l | tr -d ' ')" "3" "files installed"
# gzip -n: no time stamp in the header, so the same bytes on every run.
equals "$(od -An -tx1 -j4 -N4 "$PREFIX/share/man/man1/casebook.1.gz" | tr -d ' \n')" "00000000" \
  "the gzip header's time stamp"

echo "ok: reference docs, man page and completions"
