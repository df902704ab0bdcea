#!/usr/bin/python3
"""NLTK's agreement coefficients on the table bench_agreement wrote (issue 5).

    /usr/bin/python3 bench/agreement_nltk.py --csv TABLE.csv --sizes 10000,30000,100000 [--runs 3]
        [--budget 20] [--no-kappa]

Reads the first N units of TABLE.csv (unit,coder1,coder2,...; an empty cell is
a missing value and is left out), builds nltk.metrics.agreement.AnnotationTask
from (coder, unit, label) triples (timed as "setup") and times
AnnotationTask.alpha() (Krippendorff's alpha with NLTK's default
binary_distance, i.e. nominal) and AnnotationTask.kappa() (Cohen's kappa
averaged over coder pairs; it needs complete data). Each is timed --runs times
on a fresh AnnotationTask (NLTK caches nothing between calls, but a fresh task
keeps runs independent); a size whose alpha() is expected (from the smaller
sizes' time per unit) to take more than --budget seconds gets a single run.
Output: TSV rows "nltk UNITS CODERS WHAT RUN SECONDS VALUE" (the layout of
bench_agreement's rows) and "meta" rows.

Run it with Debian's /usr/bin/python3 (python3-nltk); another python3 earlier
on PATH may not have NLTK.
"""

import argparse
import csv
import platform
import sys
import time


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--csv", required=True)
    ap.add_argument("--sizes", default="10000,30000,100000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--budget", type=float, default=20.0)
    ap.add_argument("--no-kappa", action="store_true")
    args = ap.parse_args()

    import nltk
    from nltk.metrics.agreement import AnnotationTask

    sizes = sorted(int(s) for s in args.sizes.split(",") if s)
    print(f"meta\tnltk\t{nltk.__version__}")
    print(f"meta\tpython\t{platform.python_version()} ({sys.executable})")

    # The largest prefix needed, read once.
    rows = []
    with open(args.csv, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        coders = header[1:]
        for row in reader:
            rows.append(row)
            if len(rows) >= sizes[-1]:
                break
    print(f"meta\tcsv_units_read\t{len(rows)}")
    sys.stdout.flush()

    per_unit = 0.0  # NLTK alpha seconds per unit at the last size
    for n in sizes:
        if n > len(rows):
            print(f"agreement_nltk: the table has only {len(rows)} units, skipping {n}", file=sys.stderr)
            continue
        triples = []
        for row in rows[:n]:
            unit = row[0]
            for c, label in zip(coders, row[1:]):
                if label != "":
                    triples.append((c, unit, label))
        runs = 1 if per_unit * n > args.budget else args.runs
        whats = ["alpha"] + ([] if args.no_kappa else ["kappa"])
        for what in whats:
            for r in range(1, runs + 1):
                t0 = time.perf_counter()
                task = AnnotationTask(data=triples)
                setup = time.perf_counter() - t0
                t0 = time.perf_counter()
                value = task.alpha() if what == "alpha" else task.kappa()
                secs = time.perf_counter() - t0
                if what == "alpha":
                    print(f"nltk\t{n}\t{len(coders)}\tsetup\t{r}\t{setup:.6f}\t{len(triples)}")
                print(f"nltk\t{n}\t{len(coders)}\t{what}\t{r}\t{secs:.6f}\t{value:.9f}")
                sys.stdout.flush()
                print(f"nltk {n}x{len(coders)} {what} run {r}: {secs:.3f} s (setup {setup:.3f} s), "
                      f"value {value:.6f}", file=sys.stderr)
                if what == "alpha":
                    per_unit = max(per_unit, secs / n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
