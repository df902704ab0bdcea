#!/usr/bin/env python3
"""Short summaries of casebook's JSON output for scripts/run-sample.sh.

Reads the JSON of one casebook command on standard input and prints a few
readable lines; the account of the main job stays short and shows no real
names (member councils, file names) on the terminal.

    casebook cases list --json   | sample_summary.py cases
    casebook sources --json      | sample_summary.py sources
    casebook speakers --json     | sample_summary.py informants
    casebook codings --json      | sample_summary.py codings CODER
"""
import collections
import json
import sys


def cases(data):
    for case in data:
        attrs = {name: a["value"] for name, a in case["attributes"].items()}
        years = attrs.get("start_year", "") + "-" + attrs.get("end_year", "")
        print(f"  {case['id']}  {case['outcome']:<10} {case.get('sub_outcome', ''):<13} "
              f"{years:<10} {attrs.get('governance', '')}")


def sources(data):
    types = collections.Counter(s["type"] for s in data)
    formats = collections.Counter(s["format"] for s in data)
    passages = sum(s["passages"] for s in data)
    print(f"{len(data)} sources, {passages} passages")
    print("  by type:   " + ", ".join(f"{t} {n}" for t, n in types.most_common()))
    print("  by format: " + ", ".join(f"{f} {n}" for f, n in formats.most_common()))


def informants(data):
    for speaker in data:
        if speaker["name"].startswith("Int-"):
            print(speaker["name"])


def codings(data, coder):
    sources = {c["source"] for c in data}
    codes = {c["code"] for c in data}
    print(f"{coder} has {len(data)} codings with {len(codes)} codes in {len(sources)} sources")


def main():
    what = sys.argv[1]
    data = json.load(sys.stdin)
    if what == "cases":
        cases(data)
    elif what == "sources":
        sources(data)
    elif what == "informants":
        informants(data)
    elif what == "codings":
        codings(data, sys.argv[2])
    else:
        sys.exit(f"sample_summary.py: unknown summary {what!r}")


if __name__ == "__main__":
    main()
