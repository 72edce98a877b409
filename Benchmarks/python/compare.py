#!/usr/bin/env python3
"""Compare per-patient numbers of the Python baselines with ctdna's patients.tsv.

    python compare.py CTDNA_PATIENTS.tsv OTHER.tsv [OTHER.tsv ...] [--tolerance 1e-9]

For each OTHER table prints how many patients agree with ctdna within the tolerance (absolute) on
all four numbers (ctDNA fraction and median AF, baseline and follow-up; NA equals NA), and the
disagreements broken down by ctdna's reference_rule: the baselines skip the tie-break refinement,
so patients whose reference timepoint ctdna chose by `tie_break` may differ. Exits 1 when any
disagreement is not explained that way.
"""
import argparse
import sys

import numpy as np
import pandas as pd

VALUES = ["ctdna_fraction_baseline", "ctdna_fraction_followup", "median_af_baseline", "median_af_followup"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ctdna")
    parser.add_argument("others", nargs="+")
    parser.add_argument("--tolerance", type=float, default=1e-9)
    args = parser.parse_args()

    ref = pd.read_csv(args.ctdna, sep="\t", dtype={"patient": str}).set_index("patient")
    unexplained = 0
    for path in args.others:
        other = pd.read_csv(path, sep="\t", dtype={"patient": str}).set_index("patient")
        missing = ref.index.difference(other.index)
        extra = other.index.difference(ref.index)
        other = other.reindex(ref.index)
        a, b = ref[VALUES].to_numpy(float), other[VALUES].to_numpy(float)
        same = (np.abs(a - b) <= args.tolerance) | (np.isnan(a) & np.isnan(b))
        agree = same.all(axis=1)
        off = ref.loc[~agree]
        print(f"{path}: {agree.sum()} of {len(ref)} patients agree with ctdna within {args.tolerance:g}"
              + (f"; {len(missing)} missing, {len(extra)} extra patients" if len(missing) or len(extra) else ""))
        rules = off["reference_rule"].fillna("NA").value_counts()
        for rule, n in rules.items():
            print(f"    {n} differ, ctdna reference_rule = {rule}")
        tie = ref["reference_rule"].eq("tie_break")
        print(f"    ctdna used the tie-break for {tie.sum()} patients; "
              f"{(tie & agree).sum()} of them still agree (the tie-break chose the same timepoint)")
        worst = np.nanmax(np.where(same, 0, np.abs(a - b)), axis=0) if (~agree).any() else np.zeros(4)
        print("    largest difference per column: "
              + ", ".join(f"{c} {w:.3g}" for c, w in zip(VALUES, worst)))
        unexplained += int((~agree & ~tie).sum()) + len(missing)
    if unexplained:
        print(f"{unexplained} disagreement(s) not explained by the tie-break", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
