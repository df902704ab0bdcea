#!/usr/bin/env python3
"""Regenerates the output in docs/tutorial.md from a real run.

The tutorial's ```console blocks hold commands (lines starting with "$ ")
each followed by its output. This script runs every command of every block,
in order, in one bash session in a fresh directory (so `cd` carries over),
with `casebook` meaning the binary under test, and writes the tutorial back
with each command's real output in place. Prose is never touched.

    scripts/gen-tutorial.py [--binary PATH] [--out FILE]

--out writes elsewhere (the test compares that with the committed file).
The working directory is shown as ~/tutorial in the output, the one thing
changed in it; timings ("in 0.4 s") vary from run to run and are left as
they were measured (the test ignores them).
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BLOCK = re.compile(r"^```console\n(.*?)^```\n", re.S | re.M)
MARK = "@@casebook-tutorial-command@@"


def commands_of(block):
    return [line[2:] for line in block.splitlines() if line.startswith("$ ")]


def run_all(commands, binary, work):
    script = [f'casebook() {{ "{binary}" "$@"; }}', "export -f casebook",
              "export COLUMNS=100"]
    for i, command in enumerate(commands):
        script.append(f"echo '{MARK} {i}'")
        script.append(f"{command} 2>&1 || echo \"(exit status $?)\"")
    result = subprocess.run(["bash", "-c", "\n".join(script)], cwd=work, capture_output=True,
                            text=True, env={**os.environ, "CASEBOOK_CODER": "ana", "HOME": work})
    if result.returncode != 0:
        sys.exit(f"gen-tutorial.py: the session failed: {result.stderr}")
    outputs = re.split(rf"^{re.escape(MARK)} \d+\n", result.stdout, flags=re.M)[1:]
    if len(outputs) != len(commands):
        sys.exit(f"gen-tutorial.py: expected {len(commands)} outputs, got {len(outputs)}")
    return [o.replace(work, "~/tutorial").replace(ROOT + "/", "") for o in outputs]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.environ.get("CASEBOOK", f"{ROOT}/build/casebook"))
    parser.add_argument("--out", default=f"{ROOT}/docs/tutorial.md")
    parser.add_argument("--source", default=f"{ROOT}/docs/tutorial.md")
    args = parser.parse_args()
    text = open(args.source, encoding="utf-8").read()
    blocks = list(BLOCK.finditer(text))
    commands = [c for b in blocks for c in commands_of(b.group(1))]
    with tempfile.TemporaryDirectory(prefix="casebook-tutorial-") as work:
        work = os.path.realpath(work)
        # The study and the codebook beside the session, as the tutorial asks.
        os.symlink(f"{ROOT}/corpora/sample", f"{work}/sample")
        os.symlink(f"{ROOT}/corpora/interdependence/codebook.xml", f"{work}/codebook.xml")
        outputs = iter(run_all(commands, os.path.abspath(args.binary), work))
    pieces, at = [], 0
    for b in blocks:
        pieces.append(text[at:b.start(1)])
        for command in commands_of(b.group(1)):
            pieces.append(f"$ {command}\n{next(outputs)}")
        at = b.end(1)
    pieces.append(text[at:])
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("".join(pieces))


if __name__ == "__main__":
    main()
