#!/usr/bin/env python3
"""Check the planted pattern of the sample data with the independent reference implementation.

Usage:
    python3 tools/check_pattern.py [SAMPLESHEET] [--quiet]

Runs Tests/tools/reference_method.py on the sheet (default SampleData/samplesheet.tsv), then a
two-sided paired Wilcoxon signed-rank test (scipy.stats.wilcoxon, zero differences dropped, exact
when possible) per cohort and arm on median AF and ctDNA fraction. Needs pandas and scipy (a
development check only). Exit status 0 when the pattern holds: NSCLC SBRT p < 0.05 on both metrics
(and >= 0.005), every other group p >= 0.05 on both.
"""
import os
import subprocess
import sys
import tempfile

import pandas as pd
from scipy.stats import wilcoxon

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    quiet = "--quiet" in sys.argv
    sheet = args[0] if args else os.path.join(ROOT, "SampleData", "samplesheet.tsv")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "patients.tsv")
        subprocess.run([sys.executable, os.path.join(ROOT, "Tests", "tools", "reference_method.py"),
                        sheet, out], check=True)
        table = pd.read_csv(out, sep="\t", na_values=["NA"])
    ok = True
    lines = ["cohort\tarm\tmetric\tn_paired\tn_nonzero\tV\tp"]
    for (cohort, arm), g in table.groupby(["cohort", "arm"], sort=True):
        g = g[g["status"].isin(["paired", "not_detected"])]
        for metric in ("median_af", "ctdna_fraction"):
            b, f = g[f"{metric}_baseline"], g[f"{metric}_followup"]
            d = f - b
            res = wilcoxon(f, b, alternative="two-sided")
            p = float(res.pvalue)
            nz = d[d != 0]
            ranks = nz.abs().rank()
            v = float(ranks[nz > 0].sum())
            lines.append(f"{cohort}\t{arm}\t{metric}\t{len(g)}\t{len(nz)}\t{v:g}\t{p:.4g}")
            if cohort == "NSCLC" and arm == "SBRT":
                ok &= 0.005 <= p < 0.05
            else:
                ok &= p >= 0.05
    statuses = table["status"].value_counts().to_dict()
    flagged = table[table["flags"].astype(str).str.contains("fraction_above_1")]["patient"].tolist()
    if not quiet:
        print("\n".join(lines))
        print("statuses:", statuses)
        print("not_detected:", table[table["status"] == "not_detected"]["patient"].tolist())
        print("fraction_above_1:", flagged)
    print("PATTERN OK" if ok else "PATTERN FAILS")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
