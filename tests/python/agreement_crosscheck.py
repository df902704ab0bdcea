#!/usr/bin/env python3
"""Cross-checks casebook's agreement coefficients against NLTK and scikit-learn.

Usage: agreement_crosscheck.py CASEBOOK WORK_DIR

Generates reliability data with a fixed seed in several shapes (2 and 3
coders, with and without missing cells, 3 to 6 categories), writes each as a
table in the layout `casebook agree --table` reads, runs the real casebook
binary on it (`agree --table FILE --level LEVEL --bootstrap 0 --json`), and
compares with:

  * nltk.metrics.agreement.AnnotationTask.alpha() - Krippendorff's alpha,
    nominal (binary_distance) and interval (interval_distance). NLTK 3.8
    leaves out items with fewer than two labels and computes the expected
    disagreement from the pairable values only, as Krippendorff does, so it
    is compared on data with missing cells too;
  * AnnotationTask.pi() - for two coders Scott's pi and for m coders Fleiss'
    kappa, but NLTK divides by items x coders, so only on complete data;
  * AnnotationTask.S() - Bennett/Brennan-Prediger with q = the labels used,
    only on complete data where every category occurs;
  * a plain coincidence-matrix alpha written here from Krippendorff (2011),
    with the q x q matrix and his ordinal and ratio difference functions
    spelled out, for the ordinal and ratio levels NLTK lacks (casebook
    computes them without the matrix, through mid-ranks and margins);
  * sklearn.metrics.cohen_kappa_score - Cohen's kappa, plain, linear and
    quadratic, on the units both coders coded, with labels = every category
    in the table (so the weights' spacing matches casebook's ranks).

Every comparison must agree to 1e-9. Fails (does not skip) when NLTK or
scikit-learn is missing: install them with scripts/install-deps.sh.
"""

import json
import os
import random
import subprocess
import sys

try:
    from nltk.metrics.agreement import AnnotationTask
    from nltk.metrics.distance import binary_distance, interval_distance
    from sklearn.metrics import cohen_kappa_score
except ImportError as e:  # a missing cross-check must fail, not vanish
    sys.exit(f"agreement_crosscheck: {e}; install python3-nltk and python3-sklearn "
             "(scripts/install-deps.sh) and run with Debian's python3")

TOLERANCE = 1e-9

# (name, units, coders, categories, share of missing cells, coder accuracy)
SHAPES = [
    ("two_coders_complete", 200, 2, 3, 0.0, 0.7),
    ("two_coders_missing", 500, 2, 5, 0.1, 0.6),
    ("two_coders_sparse", 80, 2, 6, 0.3, 0.8),
    ("three_coders_complete", 300, 3, 4, 0.0, 0.65),
    ("three_coders_missing", 1000, 3, 6, 0.2, 0.5),
    ("three_coders_low_agreement", 400, 3, 3, 0.15, 0.2),
]


def generate(rng, units, coders, categories, missing, accuracy):
    """Rows of category numbers 1..categories, None = missing. Each coder
    reports a unit's true category with probability `accuracy`, otherwise a
    uniformly random one, so agreement is neither perfect nor chance."""
    rows = []
    for _ in range(units):
        truth = rng.randint(1, categories)
        row = []
        for _ in range(coders):
            if rng.random() < missing:
                row.append(None)
            elif rng.random() < accuracy:
                row.append(truth)
            else:
                row.append(rng.randint(1, categories))
        rows.append(row)
    return rows


def write_table(path, rows, cell):
    coders = len(rows[0])
    with open(path, "w", encoding="utf-8") as f:
        f.write("unit," + ",".join(f"coder{c + 1}" for c in range(coders)) + "\n")
        for u, row in enumerate(rows):
            f.write(f"u{u + 1}," + ",".join("" if v is None else cell(v) for v in row) + "\n")


def casebook(binary, path, level):
    out = subprocess.run(
        [binary, "agree", "--table", path, "--level", level, "--bootstrap", "0", "--json"],
        check=True, capture_output=True, text=True).stdout
    return {c["id"]: c["value"] for c in json.loads(out)["coefficients"]}


def annotation_task(rows, distance, label=lambda v: v):
    triples = [(f"c{c}", f"u{u}", label(v))
               for u, row in enumerate(rows) for c, v in enumerate(row) if v is not None]
    return AnnotationTask(data=triples, distance=distance)


def coincidence_alpha(rows, level):
    """Krippendorff's alpha the textbook way: coincidence matrix o_ck over
    pairable units, margins n_c, and delta^2 per level (Krippendorff 2011)."""
    values = sorted({v for row in rows for v in row if v is not None})
    index = {v: i for i, v in enumerate(values)}
    q = len(values)
    o = [[0.0] * q for _ in range(q)]
    for row in rows:
        present = [v for v in row if v is not None]
        m = len(present)
        if m < 2:
            continue
        for i, a in enumerate(present):
            for j, b in enumerate(present):
                if i != j:
                    o[index[a]][index[b]] += 1.0 / (m - 1)
    n_c = [sum(r) for r in o]
    n = sum(n_c)

    def delta(c, k):
        if level == "nominal":
            return 0.0 if c == k else 1.0
        if level == "ordinal":
            lo, hi = min(c, k), max(c, k)
            return (sum(n_c[lo:hi + 1]) - (n_c[c] + n_c[k]) / 2) ** 2
        x, y = values[c], values[k]
        if level == "interval":
            return (x - y) ** 2
        return 0.0 if x + y == 0 else ((x - y) / (x + y)) ** 2

    d_o = sum(o[c][k] * delta(c, k) for c in range(q) for k in range(q)) / n
    d_e = sum(n_c[c] * n_c[k] * delta(c, k) for c in range(q) for k in range(q)) / (n * (n - 1))
    return 1 - d_o / d_e


class Checker:
    def __init__(self):
        self.failures = []
        self.count = 0

    def same(self, shape, what, ours, theirs):
        self.count += 1
        if ours is None or abs(ours - theirs) > TOLERANCE:
            self.failures.append(f"{shape}: {what}: casebook {ours!r}, reference {theirs!r}")


def check_shape(tool, work, check, rng, shape):
    name, units, coders, categories, missing, accuracy = shape
    rows = generate(rng, units, coders, categories, missing, accuracy)
    complete = missing == 0.0
    used = sorted({v for row in rows for v in row if v is not None})

    nominal_csv = os.path.join(work, f"{name}_nominal.csv")
    write_table(nominal_csv, rows, lambda v: f"cat{v}")  # labels, not numbers
    nominal = casebook(tool, nominal_csv, "nominal")
    task = annotation_task(rows, binary_distance, lambda v: f"cat{v}")
    check.same(name, "alpha nominal vs nltk", nominal["krippendorff_alpha_nominal"], task.alpha())
    if complete:
        pi_id = "scott_pi" if coders == 2 else "fleiss_kappa"
        check.same(name, f"{pi_id} vs nltk pi", nominal[pi_id], task.pi())
        if len(used) == categories:
            check.same(name, "brennan_prediger vs nltk S", nominal["brennan_prediger"], task.S())

    interval_csv = os.path.join(work, f"{name}_interval.csv")
    write_table(interval_csv, rows, lambda v: f"{v * 1.5 - 2:g}")  # affine: -0.5, 1, 2.5, ...
    interval = casebook(tool, interval_csv, "interval")
    task = annotation_task(rows, interval_distance, lambda v: v * 1.5 - 2)
    check.same(name, "alpha interval vs nltk", interval["krippendorff_alpha_interval"], task.alpha())

    ratio_csv = os.path.join(work, f"{name}_ratio.csv")
    write_table(ratio_csv, rows, lambda v: f"{v * 0.5:g}")  # 0.5, 1, 1.5, ...
    ratio = casebook(tool, ratio_csv, "ratio")
    halves = [[None if v is None else v * 0.5 for v in row] for row in rows]
    for level in ("nominal", "ordinal", "interval", "ratio"):
        check.same(name, f"alpha {level} vs coincidence matrix",
                   ratio[f"krippendorff_alpha_{level}"], coincidence_alpha(halves, level))

    if coders == 2:
        ordinal_csv = os.path.join(work, f"{name}_ordinal.csv")
        write_table(ordinal_csv, rows, str)
        ordinal = casebook(tool, ordinal_csv, "ordinal")
        pairs = [(a, b) for a, b in rows if a is not None and b is not None]
        first, second = [a for a, _ in pairs], [b for _, b in pairs]
        for ours, weights in (("cohen_kappa", None), ("cohen_kappa_linear", "linear"),
                              ("cohen_kappa_quadratic", "quadratic")):
            theirs = cohen_kappa_score(first, second, labels=used, weights=weights)
            check.same(name, f"{ours} vs sklearn", ordinal[ours], theirs)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: agreement_crosscheck.py CASEBOOK WORK_DIR")
    tool, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    rng = random.Random(20240517)
    check = Checker()
    for shape in SHAPES:
        check_shape(tool, work, check, rng, shape)
    if check.failures:
        print("\n".join(check.failures))
        sys.exit(f"agreement_crosscheck: {len(check.failures)} of {check.count} comparisons differ")
    print(f"agreement_crosscheck: {check.count} comparisons agree to {TOLERANCE}")


if __name__ == "__main__":
    main()
