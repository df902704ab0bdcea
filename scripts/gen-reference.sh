#!/usr/bin/env bash
# Generates the command reference, the man page and the shell completions
# from the CLI's own --help, so they never drift from the binary:
#
#   docs/reference/README.md, docs/reference/<command>.md   (Markdown)
#   docs/casebook.1                                         (man page, roff)
#   completion/casebook.bash, completion/_casebook          (bash, zsh)
#
# Usage: scripts/gen-reference.sh [--out DIR] [CASEBOOK_BINARY]
#   --out DIR        write under DIR instead of the repository (DIR/docs/...,
#                    DIR/completion/...); the e2e test compares the two
#   CASEBOOK_BINARY  default: $CASEBOOK, else build/casebook
#
# It walks every command and nested subcommand with `casebook ... --help` and
# parses CLI11's layout (description, Usage, Positionals, Options,
# Subcommands, footer). The output is deterministic: the CLI's own order, no
# dates, only the version. Run it after changing any command's help.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root"
binary="${CASEBOOK:-$root/build/casebook}"
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="${2:?--out needs a directory}"; shift 2 ;;
    --out=*) out="${1#--out=}"; shift ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "gen-reference.sh: unknown option $1" >&2; exit 2 ;;
    *) binary="$1"; shift ;;
  esac
done
if [ ! -x "$binary" ]; then
  echo "gen-reference.sh: no casebook binary at $binary (build it, or pass its path)" >&2
  exit 1
fi
command -v python3 >/dev/null || { echo "gen-reference.sh: needs python3" >&2; exit 1; }
mkdir -p "$out"
binary="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"
out="$(cd "$out" && pwd)"

exec python3 - "$binary" "$root" "$out" <<'PYTHON'
import os
import re
import subprocess
import sys
import tempfile

BINARY, SOURCE, OUT = sys.argv[1], sys.argv[2], sys.argv[3]
PROG = "casebook"
NAME_COLUMN = 30  # CLI11's default column width: names padded to it, then the description
SECTIONS = ("Positionals:", "Options:", "Subcommands:")


def warn(msg):
    print("gen-reference.sh: warning: " + msg, file=sys.stderr)


# ---------------------------------------------------------------- running the CLI
WORKDIR = tempfile.mkdtemp(prefix="casebook-gen-reference.")


def run(args):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CASEBOOK")}
    env["LC_ALL"] = "C.UTF-8"
    p = subprocess.run([BINARY] + args, cwd=WORKDIR, env=env, stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        sys.exit("gen-reference.sh: '%s %s' exited %d: %s"
                 % (PROG, " ".join(args), p.returncode, p.stderr.strip()))
    return p.stdout


# ---------------------------------------------------------------- parsing CLI11's help
class Entry:
    """One line of Positionals:, Options: or Subcommands:."""

    def __init__(self):
        self.names = []       # ["-f", "--format"] or ["FILE"] or ["load"]
        self.type = ""        # TEXT, INT, UINT, FLOAT ...
        self.default = None   # from TYPE=default
        self.multi = False    # "..." : a vector, takes several values
        self.required = False
        self.excludes = []
        self.needs = []
        self.desc = ""

    @property
    def takes_value(self):
        return bool(self.type)

    @property
    def long(self):
        longs = [n for n in self.names if n.startswith("--")]
        return longs[0] if longs else self.names[0]


class Command:
    def __init__(self, path):
        self.path = path      # ["codebook", "load"]
        self.desc = ""
        self.usage = ""
        self.positionals = []
        self.options = []
        self.subcommands = []  # Entries (names[0], desc) in the CLI's order
        self.footer = []       # lines
        self.footer_inherited = False
        self.children = []

    @property
    def full(self):
        return " ".join([PROG] + self.path)

    @property
    def key(self):
        return " ".join(self.path)

    @property
    def summary(self):
        return self.desc.split("\n")[0] if self.desc else ""

    def own_options(self):
        return [o for o in self.options if "--help" not in o.names]


SPEC_TOKEN = re.compile(r"^[A-Z][A-Z0-9_]*(=.*)?$")
OPTION_NAME = re.compile(r"^-")


def parse_spec(spec, kind):
    """'-f,--format TEXT=md ... REQUIRED Excludes: --csv' -> Entry, or None if it does not parse."""
    if not spec or "  " in spec:
        return None
    tokens = spec.split(" ")
    e = Entry()
    first = tokens.pop(0)
    if kind == "Options:":
        if not all(OPTION_NAME.match(n) for n in first.split(",")):
            return None
        e.names = first.split(",")
    else:
        e.names = [first]
    mode = None
    for i, t in enumerate(tokens):
        if t in ("Excludes:", "Needs:"):
            mode = t
        elif mode == "Excludes:" and OPTION_NAME.match(t):
            e.excludes.append(t)
        elif mode == "Needs:" and OPTION_NAME.match(t):
            e.needs.append(t)
        elif mode:
            return None
        elif i == 0 and SPEC_TOKEN.match(t) and kind != "Subcommands:":
            e.type, _, default = t.partition("=")
            if "=" in t:
                e.default = default
        elif t == "...":
            e.multi = True
        elif t == "REQUIRED":
            e.required = True
        else:
            return None
    if kind == "Subcommands:" and (tokens or OPTION_NAME.match(first)):
        return None
    return e


def parse_entry(lines, kind, where):
    """The first line starts the entry, the others (indented to the column) continue its description."""
    first = lines[0]
    rest = [l.strip() for l in lines[1:]]
    whole = first.strip()
    e = parse_spec(whole, kind)
    if e is not None:  # the name was too wide: the description starts on the next line
        e.desc = " ".join(rest)
        return e
    if len(first) > NAME_COLUMN and first[NAME_COLUMN - 1] == " " and first[NAME_COLUMN] != " ":
        e = parse_spec(first[:NAME_COLUMN].strip(), kind)
        if e is not None:
            e.desc = " ".join([first[NAME_COLUMN:].strip()] + rest)
            return e
    # Not CLI11's usual layout: split at the first run of two spaces.
    spec, _, desc = whole.partition("  ")
    e = parse_spec(spec.strip(), kind)
    if e is None:
        warn("%s: cannot parse %r; kept as a plain entry" % (where, whole))
        e = Entry()
        e.names = [spec.strip().split(" ")[0]]
    e.desc = " ".join([desc.strip()] + rest).strip()
    return e


def parse_help(text, path):
    cmd = Command(path)
    where = " ".join([PROG] + path) + " --help"
    lines = text.rstrip("\n").split("\n")
    i = 0
    desc = []
    while i < len(lines) and not lines[i].startswith("Usage: "):
        desc.append(lines[i].rstrip())
        i += 1
    if i == len(lines):
        sys.exit("gen-reference.sh: no 'Usage:' line in '%s'" % where)
    cmd.desc = "\n".join(desc).strip()
    cmd.usage = lines[i][len("Usage: "):].strip()
    i += 1
    section = None
    current = []  # lines of the entry being read

    def flush():
        if current:
            e = parse_entry(current, section, where)
            {"Positionals:": cmd.positionals, "Options:": cmd.options,
             "Subcommands:": cmd.subcommands}[section].append(e)
            current.clear()

    while i < len(lines):
        line = lines[i].rstrip()
        if line.title() in SECTIONS:  # CLI11 2.4 and later print them in capitals
            flush()
            section = line.title()
        elif section and line == "":
            flush()
            section = None
        elif section and re.match(r"^  \S", line):
            flush()
            current.append(line)
        elif section and line.startswith(" " * 3) and current:
            current.append(line)
        elif section:
            warn("%s: unexpected line in %s %r" % (where, section, line))
        elif line != "":
            break  # the footer: everything from here on
        i += 1
    flush()
    footer = [l.rstrip() for l in lines[i:]]
    while footer and not footer[-1]:
        footer.pop()
    cmd.footer = footer
    if not any("--help" in o.names for o in cmd.options):
        sys.exit("gen-reference.sh: '%s' has no --help under Options: a help layout this script"
                 " does not understand (a CLI11 other than 2.x?)" % where)
    return cmd


def walk(path=(), parent=None, root=None):
    cmd = parse_help(run(list(path) + ["--help"]), list(path))
    # CLI11 copies a parent's footer into subcommands created before the parent set
    # its own: such a footer (the parent's, or the top level's) is not this command's.
    if parent is not None and cmd.footer and (cmd.footer == parent.footer or cmd.footer == root.footer):
        cmd.footer_inherited = True
    for sub in cmd.subcommands:
        cmd.children.append(walk(tuple(path) + (sub.names[0],), cmd, root or cmd))
    return cmd


def all_commands(cmd):
    yield cmd
    for c in cmd.children:
        yield from all_commands(c)


def footer_blocks(cmd):
    """The footer as blocks: ("prose", [lines]), ("pre", [lines]), ("examples", [lines])."""
    if cmd.footer_inherited:
        return []
    blocks = []
    lines = cmd.footer
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if line == "Examples:":
            j = i + 1
            body = []
            while j < len(lines) and (lines[j].startswith(" ") or not lines[j].strip()):
                body.append(lines[j])
                j += 1
            while body and not body[-1].strip():
                body.pop()
            indent = min(len(l) - len(l.lstrip()) for l in body if l.strip()) if body else 0
            blocks.append(("examples", [l[indent:] for l in body]))
            i = j
            continue
        if line.startswith(" "):
            j = i
            body = []
            while j < len(lines) and lines[j].startswith(" "):
                body.append(lines[j])
                j += 1
            indent = min(len(l) - len(l.lstrip()) for l in body)
            blocks.append(("pre", [l[indent:] for l in body]))
            i = j
            continue
        j = i
        body = []
        while j < len(lines) and lines[j].strip() and not lines[j].startswith(" ") and lines[j] != "Examples:":
            body.append(lines[j].strip())
            j += 1
        blocks.append(("prose", body))
        i = j
    return blocks


def example_lines(lines):
    """'casebook x   (a comment)' -> 'casebook x   # a comment', for a shell code block."""
    out = []
    for l in lines:
        m = re.match(r"^(.*\S)(\s{2,})\((.*)\)$", l)
        if m and not m.group(1).startswith("("):
            l = m.group(1) + m.group(2) + "# " + m.group(3)
        else:
            m = re.match(r"^\((.*)\)$", l)
            if m:
                l = "# " + m.group(1)
        out.append(l)
    return out


# ---------------------------------------------------------------- what completes where
WORD = r"[a-z][a-z0-9_.-]*"


def strip_parens(s):
    prev = None
    while prev != s:
        prev = s
        s = re.sub(r"\s*\([^()]*\)", "", s)
    return s


def value_set(desc):
    """The fixed values an option's description states, or []."""
    m = re.search(r"(?<![\w|])(%s(?:\|%s)+)(?![\w|])" % (WORD, WORD), desc)
    if m:
        return m.group(1).split("|")
    text = re.sub(r"(?<!\.)\.$", "", strip_parens(desc).strip())
    if ";" in text.split(":")[-1]:
        return []
    head, colon, tail = text.rpartition(":")
    tail = tail.strip()
    # formats: a b c d (space-separated after a "formats:"-like label)
    if colon and re.search(r"\b(formats|values|choices|one of)$", head.strip()):
        words = tail.split()
        if len(words) >= 2 and all(re.fullmatch(WORD, w) for w in words):
            return words
    # a, b, c or d   /   a, b, c, d   /   a or b   /   a, b, or a something (open-ended)
    items = [x.strip() for x in re.split(r"\s*,\s+(?:or\s+)?|\s+or\s+", tail)]
    if len(items) < 2 or (not colon and "," not in tail and " or " not in tail):
        return []
    words = []
    for n, item in enumerate(items):
        if re.fullmatch(WORD, item):
            words.append(item)
        elif item == "...":
            continue
        elif n == len(items) - 1 and re.match(r"^(a|an|any)\s", item):
            continue  # "... or a case attribute": the set is open, the named values still help
        else:
            return []
    if any("yyyy" in w for w in words):
        return []  # date formats, not values
    return words if len(words) >= 2 else []


FILE_NAMES = {"FILE", "FILES", "PATH", "SHEET"}
DIR_NAMES = {"DIR"}


def completion_kind(entry, positionals=()):
    """'file', 'dir', 'words:a b c' or '' for an option's value or a positional."""
    name = entry.names[0]
    if name in FILE_NAMES:
        return "file"
    if name in DIR_NAMES:
        return "dir"
    if not entry.takes_value or entry.type in ("INT", "UINT", "FLOAT", "NUMBER"):
        return ""
    desc = entry.desc
    if re.search(FILE_PHRASES, desc):
        return "file"
    words = value_set(desc)
    if words:
        return "words:" + " ".join(words)
    m = re.match(r"^as ([A-Z_]+)\b", desc)
    if m:
        for p in positionals:
            if p.names[0] == m.group(1):
                return completion_kind(p, ())
    plain = strip_parens(desc)
    if re.search(r"\bdirector(y|ies)\b", plain) and not re.search(r"\bfiles?\b", plain):
        return "dir"
    return ""


# Phrases that say an option's value is a file name (a directory also completes as a file).
FILE_PHRASES = (r"\bfiles? to (write|read)\b|\bto this file\b|^CSV\b|\bCSV files?\b|\(CSV\b"
                r"|\bproject file\b|\bXML\b|\bthe \.\w+ file\b")


# ---------------------------------------------------------------- Markdown
def md_escape(s):
    s = s.replace("\\", "\\\\")
    for ch in "`*_[]|":
        s = s.replace(ch, "\\" + ch)
    s = s.replace("<", "&lt;").replace(">", "&gt;")
    return s


def md_para(s):
    s = md_escape(s)
    if re.match(r"^([-+#]|\d+[.)])", s):
        s = "\\" + s
    return s


def md_code(s):
    return "`` %s ``" % s if "`" in s else "`%s`" % s


def anchor(cmd):
    return re.sub(r"[^a-z0-9 -]", "", cmd.full.lower()).replace(" ", "-")


def page_of(cmd):
    return cmd.path[0] + ".md"


def with_notes(desc, notes):
    """The description, then the notes as sentences of their own."""
    if notes and desc and not desc.endswith((".", "!", "?")):
        desc += "."
    return " ".join([desc] + notes).strip()


def entry_notes(e, literal=None):
    """Required, several values, default, exclusions: the notes on an option,
    with literals written by `literal` (Markdown code by default)."""
    literal = literal or md_code
    notes = []
    if e.required:
        notes.append("Required.")
    if e.multi:
        notes.append("Takes several values.")
    if e.default is not None:
        notes.append("Default: %s." % literal(e.default))
    if e.excludes:
        notes.append("Not with %s." % ", ".join(literal(x) for x in e.excludes))
    if e.needs:
        notes.append("Needs %s." % ", ".join(literal(x) for x in e.needs))
    return notes


def md_option_table(options):
    out = ["| Option | Argument | Description |", "| --- | --- | --- |"]
    for o in options:
        names = ", ".join(md_code(n) for n in o.names)
        arg = md_code(o.type + (" ..." if o.multi else "")) if o.type else ""
        desc = with_notes(md_escape(o.desc), entry_notes(o))
        out.append("| %s | %s | %s |" % (names, arg, desc))
    return out


def md_positional_table(positionals):
    out = ["| Argument | Type | Description |", "| --- | --- | --- |"]
    for p in positionals:
        arg = md_code(p.type + (" ..." if p.multi else "")) if p.type else ""
        desc = with_notes(md_escape(p.desc), entry_notes(p))
        out.append("| %s | %s | %s |" % (md_code(p.names[0]), arg, desc))
    return out


def md_footer(cmd):
    out = []
    for kind, lines in footer_blocks(cmd):
        if kind == "examples":
            out += ["**Examples**", "", "```sh"] + example_lines(lines) + ["```", ""]
        elif kind == "pre":
            out += ["```text"] + lines + ["```", ""]
        else:
            out += [md_para(" ".join(lines)), ""]
    return out


def md_command(cmd, level):
    out = ["#" * min(level, 6) + " " + cmd.full, ""]
    if level == 1:
        out += [GENERATED_MD, ""]
    for para in re.split(r"\n\s*\n", cmd.desc):
        out += [md_para(" ".join(l.strip() for l in para.split("\n"))), ""]
    out += ["```text", cmd.usage, "```", ""]
    if cmd.positionals:
        out += ["**Arguments**", ""] + md_positional_table(cmd.positionals) + [""]
    if cmd.own_options():
        out += ["**Options**", ""] + md_option_table(cmd.own_options()) + [""]
    if cmd.children:
        out += ["**Subcommands**", "", "| Command | Description |", "| --- | --- |"]
        for c in cmd.children:
            out.append("| [%s](#%s) | %s |" % (md_code(c.path[-1]), anchor(c), md_escape(c.summary)))
        out.append("")
    out += md_footer(cmd)
    for c in cmd.children:
        out += md_command(c, level + 1)
    return out


def md_index(top):
    out = ["# casebook command reference", "", GENERATED_MD, ""]
    out += ["Reference for %s, generated from the help of every command (`casebook COMMAND --help`"
            " prints the same). Also installed as a man page, `man casebook`"
            " (`scripts/install-extras.sh`)." % md_code(VERSION_LINE), ""]
    for para in re.split(r"\n\s*\n", top.desc):
        out += [md_para(" ".join(l.strip() for l in para.split("\n"))), ""]
    out += ["```text", top.usage, "```", ""]
    out += ["## Global options", "",
            "Accepted before the command or after it (`casebook --coder sam merge ...` or "
            "`casebook merge ... --coder sam`), unless the command has an option of the same name. "
            "Every command also takes `-h`, `--help`: print its help and exit.", ""]
    out += md_option_table(top.own_options()) + [""]
    out += ["## Commands", "", "| Command | Description |", "| --- | --- |"]
    for cmd in all_commands(top):
        if cmd is top:
            continue
        target = page_of(cmd) + ("" if len(cmd.path) == 1 else "#" + anchor(cmd))
        out.append("| [%s](%s) | %s |" % (md_code(cmd.full), target, md_escape(cmd.summary)))
    out.append("")
    blocks = footer_blocks(top)
    if blocks:
        out += ["## Examples", ""] + [l for l in md_footer(top) if l != "**Examples**"]
    out += ["## Exit status", "", "| Status | Meaning |", "| --- | --- |"]
    out += ["| %s | %s |" % (s, md_escape(m)) for s, m in EXIT_STATUS] + [""]
    out += ["## Environment", "", "| Variable | Meaning |", "| --- | --- |"]
    out += ["| %s | %s |" % (md_code(v), md_escape(m)) for v, m in ENVIRONMENT] + [""]
    out += ["## Files", "", "A project is a directory holding `.casebook/`:", "",
            "| Path | What it is |", "| --- | --- |"]
    out += ["| %s | %s |" % (md_code(p), md_escape(m)) for p, m in FILES] + [""]
    return out


# ---------------------------------------------------------------- roff
def roff_text(s):
    """Running text: backslashes escaped, option names as minus signs, no control character first."""
    s = s.replace("\\", "\\e")
    s = re.sub(r"(?<![\w-])(--?)(?=[A-Za-z])", lambda m: "\\-" * len(m.group(1)), s)
    s = re.sub(r"([,/])(?=[^\s,/])", "\\1\\:", s)  # lists without spaces may break after , or /
    if s[:1] in (".", "'"):
        s = "\\&" + s
    return s


def roff_literal(s):
    """A line of code: every hyphen a minus sign."""
    s = s.replace("\\", "\\e").replace("-", "\\-")
    if s[:1] in (".", "'"):
        s = "\\&" + s
    return s


def roff_quoted(s):
    return '"%s"' % s.replace('"', '\\(dq')


def roff_names(e):
    names = ", ".join("\\fB%s\\fR" % n.replace("-", "\\-") for n in e.names)
    if e.type:
        names += " \\fI%s\\fR%s" % (e.type, " ..." if e.multi else "")
    return names


def roff_notes(e):
    return entry_notes(e, roff_literal)


def roff_usage(cmd):
    words = cmd.usage.split(" ")
    out = []
    for n, w in enumerate(words):
        if n <= len(cmd.path):
            out.append("\\fB%s\\fR" % w.replace("-", "\\-"))
        else:
            m = re.match(r"^(\[?)([A-Za-z_]+)(\.\.\.)?(\]?)$", w)
            if m:
                out.append("%s\\fI%s\\fR%s%s" % (m.group(1), m.group(2), m.group(3) or "", m.group(4)))
            else:
                out.append(roff_literal(w))
    return " ".join(out)


def roff_entries(entries):
    out = []
    for e in entries:
        out += [".TP", roff_names(e), with_notes(roff_text(e.desc), roff_notes(e))]
    return out


def roff_footer(cmd):
    out = []
    for kind, lines in footer_blocks(cmd):
        if kind == "examples":
            out += [".PP", "\\fBExamples:\\fR", ".PP", ".RS 4", ".nf"]
            out += [roff_literal(l) for l in example_lines(lines)] + [".fi", ".RE"]
        elif kind == "pre":
            out += [".PP", ".RS 4", ".nf"] + [roff_literal(l) for l in lines] + [".fi", ".RE"]
        else:
            out += [".PP"] + [roff_text(l) for l in lines]
    return out


def roff_command(cmd):
    out = [".SS " + roff_quoted(cmd.full)]
    out += [".PP", roff_usage(cmd), ".PP"]
    out += [roff_text(l.strip()) if l.strip() else ".PP" for l in cmd.desc.split("\n")]
    if cmd.positionals:
        out += [".PP", "\\fBArguments:\\fR", ".RS 4"] + roff_entries(cmd.positionals) + [".RE"]
    if cmd.own_options():
        out += [".PP", "\\fBOptions:\\fR", ".RS 4"] + roff_entries(cmd.own_options()) + [".RE"]
    if cmd.children:
        out += [".PP", "\\fBSubcommands:\\fR", ".RS 4"]
        for c in cmd.children:
            out += [".TP", "\\fB%s\\fR" % c.path[-1].replace("-", "\\-"), roff_text(c.summary)]
        out += [".RE"]
    out += roff_footer(cmd)
    for c in cmd.children:
        out += roff_command(c)
    return out


def synopsis_globals(top):
    """[-C DIR] [--coder CODER]: the global options that take a value."""
    out = []
    for o in top.options:
        if not o.takes_value:
            continue
        shorts = [n for n in o.names if not n.startswith("--")]
        name = (shorts or [o.long])[0]
        kind = completion_kind(o)
        value = {"dir": "DIR", "file": "FILE"}.get(kind, o.long.lstrip("-").upper())
        out.append("[\\fB%s\\fR \\fI%s\\fR]" % (name.replace("-", "\\-"), value))
    return " ".join(out)


def man_page(top):
    desc_lines = top.desc.split("\n")
    name_line = desc_lines[0]
    if name_line.startswith(PROG + ": "):
        name_line = name_line[len(PROG) + 2:]
    name_line = name_line.rstrip(".")
    body = desc_lines[1:] if desc_lines[0].startswith(PROG + ": ") else desc_lines
    out = ['.\\" Generated by scripts/gen-reference.sh from the help of %s. Do not edit.' % VERSION_LINE,
           '.TH CASEBOOK 1 "" %s "User Commands"' % roff_quoted(VERSION_LINE),
           ".nh", ".ad l",
           ".SH NAME", "casebook \\- " + roff_text(name_line),
           ".SH SYNOPSIS",
           "\\fBcasebook\\fR %s "
           "\\fICOMMAND\\fR [\\fISUBCOMMAND\\fR] [\\fIOPTIONS\\fR] [\\fIARGUMENTS\\fR]" % synopsis_globals(top),
           ".br", "\\fBcasebook\\fR \\fICOMMAND\\fR \\fB\\-\\-help\\fR",
           ".br", "\\fBcasebook \\-\\-version\\fR",
           ".SH DESCRIPTION"]
    out += [roff_text(name_line[:1].upper() + name_line[1:]) + "."]
    out += [roff_text(l.strip()) for l in body if l.strip()]
    out += [".PP", "Every command prints its options and examples with \\fB\\-\\-help\\fR;"
            " this page collects them."]
    out += roff_footer(top)
    out += [".SH GLOBAL OPTIONS",
            "Accepted before the command or after it, unless the command has an option of the same name."]
    out += roff_entries(top.options)
    out += [".SH COMMANDS"]
    for c in top.children:
        out += roff_command(c)
    out += [".SH EXIT STATUS"]
    for s, m in EXIT_STATUS:
        out += [".TP", "\\fB%s\\fR" % s, roff_text(m)]
    out += [".SH ENVIRONMENT"]
    for v, m in ENVIRONMENT:
        out += [".TP", "\\fB%s\\fR" % v, roff_text(m)]
    out += [".SH FILES", "A project is a directory \\fIDIR\\fR holding \\fI.casebook/\\fR:"]
    for p, m in FILES:
        out += [".TP", "\\fI%s\\fR" % roff_literal(p), roff_text(m)]
    out += [".SH SEE ALSO",
            "The same reference as Markdown, \\fIdocs/reference/README.md\\fR, and the guides in"
            " the \\fIdocs/\\fR directory of the casebook sources:"]
    guides = sorted(f for f in os.listdir(os.path.join(SOURCE, "docs")) if f.endswith(".md"))
    out += [",\n".join("\\fI%s\\fR" % roff_literal(g) for g in guides) + "."]
    return out


# ---------------------------------------------------------------- completions
def comp_data(top):
    """Per command path: subcommands, options, value options and their kinds, positional kinds."""
    data = []
    for cmd in all_commands(top):
        opts, vopts, kinds = [], [], []
        for o in cmd.options:
            if cmd is not top and o.names == ["--version"]:
                continue
            opts += o.names
            if o.takes_value:
                vopts += o.names
                k = completion_kind(o)
                if k:
                    kinds.append((o.names, k))
        pos = []
        for p in cmd.positionals:
            pos.append((completion_kind(p, cmd.positionals) or "-", p.multi))
        data.append((cmd, [c.path[-1] for c in cmd.children], opts, vopts, kinds, pos))
    return data


def bash_quote(s):
    return "'" + s.replace("'", "'\\''") + "'"


def bash_completion(top):
    glob = [o for o in top.options if o.takes_value]
    gopts = " ".join(n for o in glob for n in o.names)
    out = ["# bash completion for casebook.",
           "# Generated by scripts/gen-reference.sh from the help of %s. Do not edit." % VERSION_LINE,
           "# Install: scripts/install-extras.sh, or source this file.",
           "",
           "# __casebook_spec PATH: sets subs, opts, vopts (options taking a value) and pos",
           "# (a kind per positional: file, dir, words:a,b or -; a trailing + repeats it).",
           "__casebook_spec() {",
           "  case \"$1\" in"]
    data = comp_data(top)
    for cmd, subs, opts, vopts, kinds, pos in data:
        if cmd is not top:
            opts = opts + [n for n in gopts.split() if n not in opts]
            vopts = vopts + [n for n in gopts.split() if n not in vopts]
        posspec = " ".join(k.replace(" ", ",") + ("+" if m else "")
                           for k, m in pos)
        out.append("    %s) subs=%s; opts=%s; vopts=%s; pos=%s ;;" % (
            bash_quote(cmd.key), bash_quote(" ".join(subs)), bash_quote(" ".join(opts)),
            bash_quote(" ".join(vopts)), bash_quote(posspec)))
    out += ["    *) subs=''; opts=''; vopts=''; pos='' ;;", "  esac", "}", "",
            "# __casebook_value PATH OPTION: how the option's value completes (file, dir, words:a b).",
            "__casebook_value() {",
            "  case \"$1|$2\" in"]
    seen_global = []
    gnames = set(gopts.split())
    for cmd, subs, opts, vopts, kinds, pos in data:
        if cmd is not top:  # an option of the command's own that shadows a global one
            kinded = set(n for names, k in kinds for n in names)
            for o in cmd.options:
                shadow = [n for n in o.names if n in gnames and n not in kinded]
                if shadow:
                    out.append("    %s) echo '' ;;" % "|".join(bash_quote(cmd.key + "|" + n) for n in shadow))
        for names, k in kinds:
            pats = "|".join(bash_quote(("" if cmd is top else cmd.key) + "|" + n) for n in names)
            if cmd is top:
                pats = "|".join("*" + bash_quote("|" + n) for n in names)
                seen_global.append((pats, k))
                continue
            out.append("    %s) echo %s ;;" % (pats, bash_quote(k)))
    for pats, k in seen_global:  # global options last: a command's own option of that name wins
        out.append("    %s) echo %s ;;" % (pats, bash_quote(k)))
    out += ["  esac", "}", ""]
    out += r'''__casebook_complete_kind() {  # KIND CUR
  local kind=$1 cur=$2
  case "$kind" in
    file)
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(compgen -f -- "$cur") ;;
    dir)
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(compgen -d -- "$cur") ;;
    words:*)
      local words=${kind#words:}
      mapfile -t COMPREPLY < <(compgen -W "${words//,/ }" -- "$cur") ;;
    *) COMPREPLY=() ;;
  esac
}

_casebook() {
  local cur=${COMP_WORDS[COMP_CWORD]} path='' w i npos=0 skip=0 subs opts vopts pos
  local -a kinds
  COMPREPLY=()
  __casebook_spec ''
  for ((i = 1; i < COMP_CWORD; i++)); do
    w=${COMP_WORDS[i]}
    if ((skip)); then
      skip=0
      [[ $w == = ]] && skip=1   # --option = value, split at '=' by bash
      continue
    fi
    case "$w" in
      --) npos=$((npos + 1)) ;;
      -*=*) ;;
      -*) [[ " $vopts " == *" $w "* ]] && skip=1 ;;
      *)
        if [[ " $subs " == *" $w "* ]]; then
          path=${path:+$path }$w
          __casebook_spec "$path"
          npos=0
        else
          npos=$((npos + 1))
        fi ;;
    esac
  done
  # The value of an option: "--opt VALUE", "--opt=VALUE" or, split by bash, "--opt = VALUE".
  local opt='' value=$cur
  if ((skip)); then
    opt=${COMP_WORDS[COMP_CWORD - 1]}
    [[ $opt == = ]] && { opt=${COMP_WORDS[COMP_CWORD - 2]}; }
  elif [[ $cur == = && $COMP_CWORD -gt 1 ]]; then
    opt=${COMP_WORDS[COMP_CWORD - 1]}
    value=''
  elif [[ $cur == -*=* ]]; then
    opt=${cur%%=*}
    value=${cur#*=}
  fi
  if [[ -n $opt ]]; then
    __casebook_complete_kind "$(__casebook_value "$path" "$opt")" "$value"
    if [[ $cur == -*=* ]]; then
      local k
      for k in "${!COMPREPLY[@]}"; do COMPREPLY[k]="$opt=${COMPREPLY[k]}"; done
    fi
    return 0
  fi
  if [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$opts" -- "$cur")
    return 0
  fi
  # A subcommand, or the positional argument at this place.
  read -r -a kinds <<<"$pos"
  local kind='-' n=${#kinds[@]}
  if ((n > 0)); then
    if ((npos < n)); then
      kind=${kinds[npos]}
    elif [[ ${kinds[n - 1]} == *+ ]]; then
      kind=${kinds[n - 1]}
    fi
  fi
  kind=${kind%+}
  if [[ -n $subs && $npos -eq 0 ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$subs" -- "$cur")
  fi
  if [[ $kind != - ]]; then
    local -a mine=("${COMPREPLY[@]}")
    __casebook_complete_kind "$kind" "$cur"
    COMPREPLY=("${mine[@]}" "${COMPREPLY[@]}")
  fi
  if ((${#COMPREPLY[@]} == 0)) && [[ -z $subs || $npos -gt 0 ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$opts" -- "$cur")
  fi
  return 0
}

complete -F _casebook casebook'''.split("\n")
    return out


def zsh_escape_desc(s):
    s = s.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
    return s.replace("'", "'\\''")


def zsh_action(kind, msg):
    msg = msg.replace(":", "\\:").replace("'", "'\\''")
    if kind == "file":
        return "%s:_files" % msg
    if kind == "dir":
        return "%s:_files -/" % msg
    if kind.startswith("words:"):
        return "%s:(%s)" % (msg, kind[len("words:"):])
    return "%s: " % msg


def zsh_func(cmd):
    return "_casebook" + "".join("__" + re.sub(r"[^A-Za-z0-9]", "_", p) for p in cmd.path)


def zsh_option_specs(cmd, options, kinds):
    specs = []
    for o in options:
        if o.names == ["--version"] and cmd.path:
            continue
        desc = zsh_escape_desc(o.desc or o.long)
        excl = list(o.excludes)
        if len(o.names) > 1:
            excl += o.names
        if o.multi:
            excl = list(o.excludes)
        if o.names in (["-h", "--help"], ["--version"]):
            excl = ["-", "*"]
        prefix = "(%s)" % " ".join(excl) if excl else ""
        star = "*" if o.multi else ""
        value = ""
        if o.takes_value:
            kind = dict((tuple(n), k) for n, k in kinds).get(tuple(o.names), "")
            value = ":" + zsh_action(kind, o.long.lstrip("-"))
        for n in o.names:
            eq = "=" if o.takes_value and n.startswith("--") else ""
            specs.append("'%s%s%s%s[%s]%s'" % (prefix, star, n, eq, desc, value))
    return specs


def zsh_completion(top):
    data = {cmd.key: (kinds, pos) for cmd, subs, opts, vopts, kinds, pos in comp_data(top)}
    global_opts = [o for o in top.options if o.takes_value]
    global_kinds = data[""][0]
    out = ["#compdef casebook",
           "# zsh completion for casebook.",
           "# Generated by scripts/gen-reference.sh from the help of %s. Do not edit." % VERSION_LINE,
           "# Install: scripts/install-extras.sh (PREFIX/share/zsh/site-functions/_casebook).",
           ""]
    for cmd in all_commands(top):
        kinds, pos = data[cmd.key]
        own = set(n for o in cmd.options for n in o.names)
        options = list(cmd.options)
        okinds = list(kinds)
        if cmd is not top:  # the global options, given after the command (CLI11 fallthrough)
            for o in global_opts:
                if not own.intersection(o.names):
                    options.append(o)
            okinds += global_kinds
        specs = zsh_option_specs(cmd, options, okinds)
        if cmd.children:
            specs.append("'1: :->command'")
            specs.append("'*:: :->argument'")
        else:
            for p, (kind, multi) in zip(cmd.positionals, pos):
                name = p.names[0]
                msg = zsh_action("" if kind == "-" else kind, name)
                if multi:
                    specs.append("'*:%s'" % msg)
                else:
                    specs.append("'%s:%s'" % (":" if not p.required else "", msg))
        out.append("%s() {" % zsh_func(cmd))
        if cmd.children:
            out += ["  local curcontext=$curcontext state state_descr line ret=1",
                    "  typeset -A opt_args"]
            out.append("  _arguments -C -s -S \\")
        else:
            out.append("  _arguments -s -S \\")
        out += ["    %s \\" % s for s in specs[:-1]] + ["    %s%s" % (specs[-1], " && ret=0" if cmd.children else "")]
        if cmd.children:
            out += ["  case $state in",
                    "    command)",
                    "      local -a commands",
                    "      commands=("]
            for c in cmd.children:
                out.append("        '%s:%s'" % (c.path[-1].replace(":", "\\:"),
                                                 c.summary.replace("'", "'\\''").replace(":", "\\:")))
            out += ["      )",
                    "      _describe -t commands %s commands && ret=0" % bash_quote(cmd.full + " command"),
                    "      ;;",
                    "    argument)",
                    "      curcontext=${curcontext%%:*:*}:%s-$words[1]:" % "-".join([PROG] + cmd.path),
                    "      case $words[1] in"]
            for c in cmd.children:
                out.append("        %s) %s && ret=0 ;;" % (c.path[-1], zsh_func(c)))
            out += ["      esac", "      ;;", "  esac", "  return ret"]
        out += ["}", ""]
    out += ['if [[ $zsh_eval_context[-1] == loadautofunc ]]; then',
            '  _casebook "$@"',
            "else",
            "  compdef _casebook casebook",
            "fi"]
    return out


# ---------------------------------------------------------------- main
VERSION_LINE = run(["--version"]).strip()
if not re.fullmatch(r"casebook \S+", VERSION_LINE):
    sys.exit("gen-reference.sh: unexpected --version output %r" % VERSION_LINE)
GENERATED_MD = ("<!-- Generated by scripts/gen-reference.sh from the help of %s. "
                "Do not edit: change the help text and run scripts/gen-reference.sh. -->" % VERSION_LINE)

EXIT_STATUS = [
    ("0", "success (also for a report that finds problems, such as audit)"),
    ("1", "a user or data error (a missing project or file, bad input data, a refused change)"
          " or any other failure; the message on standard error says what and usually how to fix it"),
    ("2", "a usage error: an unknown command or option, a missing or bad argument"),
]
ENVIRONMENT = [
    ("CASEBOOK_CODER", "who is making changes when --coder is not given; recorded in the audit log"
                       " (without either, the login name; commands that code require one of the two)"),
    ("CASEBOOK_INDEX_FLUSH_MB", "megabytes of index changes an import holds in memory before"
                                " committing them to the search index (default 2)"),
    ("CASEBOOK_LOCK_WAIT", "seconds a command that writes waits for another that is writing"
                           " before it gives up with \"project busy\" (default 30; 0 gives up at once)"),
    ("CASEBOOK_KILL_AFTER_WRITES", "for crash-safety tests only: the process kills itself with"
                                   " SIGKILL at its N-th row written to the store"),
    ("CASEBOOK_COUNT_WRITES", "for crash-safety tests only: a file to which each store"
                              " connection appends the number of rows it wrote"),
]


def project_files():
    """The project layout, from the comment at the top of engine/project/project.hpp."""
    files = []
    path = os.path.join(SOURCE, "engine", "project", "project.hpp")
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                m = re.match(r"^//\s+DIR/(\.casebook/\S*)\s+(.*)$", line)
                if m:
                    files.append((m.group(1), m.group(2).strip()))
    except OSError:
        pass
    if not files:
        warn("no project layout found in %s; FILES lists the store only" % path)
        files = [(".casebook/store.sqlite", "the store (source of truth)")]
    return [(p.replace("/ab/...", "/"), m) for p, m in files]


FILES = project_files()

top = walk()


def write(rel, lines):
    path = os.path.join(OUT, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    text = "\n".join(lines).rstrip("\n") + "\n"
    text = re.sub(r"\n{3,}", "\n\n", text) if rel.endswith(".md") else text
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return rel


written = []
refdir = os.path.join(OUT, "docs", "reference")
if os.path.isdir(refdir):  # every page here is generated: drop those of removed commands
    for f in sorted(os.listdir(refdir)):
        if f.endswith(".md"):
            os.remove(os.path.join(refdir, f))
written.append(write("docs/reference/README.md", md_index(top)))
for cmd in top.children:
    written.append(write("docs/reference/" + page_of(cmd), md_command(cmd, 1)))
written.append(write("docs/casebook.1", man_page(top)))
written.append(write("completion/casebook.bash", bash_completion(top)))
written.append(write("completion/_casebook", zsh_completion(top)))
os.rmdir(WORKDIR)
print("gen-reference.sh: %s: wrote %d files under %s (docs/reference/, docs/casebook.1, completion/)"
      % (VERSION_LINE, len(written), OUT))
PYTHON
