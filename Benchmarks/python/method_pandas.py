#!/usr/bin/env python3
"""ctDNA fractions per patient with pandas: the script a user would write instead of ctdna.

    python method_pandas.py --samplesheet SHEET --out patients.tsv [--ch-genes FILE]

The sample sheet has the columns patient, timepoint (baseline/followup), file (relative to the
sheet) and optionally sample (a Tumor_Sample_Barcode inside a multi-sample file). Each file is
read once, with only the columns the method needs.

Method (METHOD.md 2 and 3 with ctdna's choices, docs/method.md): AF = alt / (alt + ref) with alt
below 2 reads taken as 0 and no AF when alt + ref = 0; union of the mutations detected at either
timepoint, an absent mutation imputed as AF 0; a mutation without coverage at one timepoint, on a
CH gene or on a LOC gene leaves the set S; drivers are IS-A-HOTSPOT == Y or ONCOGENIC ==
Oncogenic; the reference timepoint has the higher geometric mean AF (non-zero AFs) over the
drivers, else over S, a tie going to baseline; the clonal set is the members of S with AF at the
reference timepoint >= 0.3 x the highest there; ctDNA fraction = 2 x geometric mean of the non-zero
clonal AFs; median AF over S, zeros included.

Left out, as a user writing this quickly would: the reference-timepoint tie-break refinement
(drivers pointing both ways with a summed change below 0.01), the matched-normal 2:1 rule, the
call-status column, the CH variant list, depth / population-AF / manual filters.
"""
import argparse
import os

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
CH_GENES = os.path.join(HERE, "..", "..", "Sources", "BundledLists", "Resources", "ch_genes.tsv")

COLUMNS = ["Hugo_Symbol", "Chromosome", "Start_Position", "Reference_Allele", "Tumor_Seq_Allele1",
           "Tumor_Seq_Allele2", "Tumor_Sample_Barcode", "t_ref_count", "t_alt_count",
           "ONCOGENIC", "IS-A-HOTSPOT"]
KEY = ["patient", "chrom", "pos", "ref", "alt"]
MIN_ALT_READS = 2
CLONAL_FRACTION = 0.3


def read_sample_sheet(path):
    sheet = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    folder = os.path.dirname(os.path.abspath(path))
    sheet["path"] = [os.path.join(folder, f) for f in sheet["file"]]
    if "sample" not in sheet.columns:
        sheet["sample"] = ""
    return sheet


def read_variants(sheet):
    """All samples of the sheet as one long table (patient, timepoint, one row per variant)."""
    parts = []
    for path, rows in sheet.groupby("path", sort=False):
        maf = pd.read_csv(path, sep="\t", comment="#", usecols=COLUMNS, low_memory=False,
                          dtype={"Chromosome": str, "Reference_Allele": str, "Tumor_Seq_Allele1": str,
                                 "Tumor_Seq_Allele2": str, "Tumor_Sample_Barcode": str,
                                 "ONCOGENIC": str, "IS-A-HOTSPOT": str})
        if (rows["sample"] != "").any():
            maf = maf.merge(rows[["patient", "timepoint", "sample"]],
                            left_on="Tumor_Sample_Barcode", right_on="sample")
        else:
            maf["patient"] = rows["patient"].iloc[0]
            maf["timepoint"] = rows["timepoint"].iloc[0]
        parts.append(maf)
    df = pd.concat(parts, ignore_index=True)

    df["chrom"] = df["Chromosome"].str.replace(r"^chr", "", regex=True)
    df["pos"] = df["Start_Position"]
    df["ref"] = df["Reference_Allele"]
    df["alt"] = df["Tumor_Seq_Allele2"].where(df["Tumor_Seq_Allele2"] != df["Reference_Allele"],
                                              df["Tumor_Seq_Allele1"])
    # the first row of a key wins
    df = df.drop_duplicates(subset=KEY + ["timepoint"], keep="first")

    alt = df["t_alt_count"].where(df["t_alt_count"] >= MIN_ALT_READS, 0)
    depth = df["t_alt_count"] + df["t_ref_count"]
    df["af"] = (alt / depth).where(depth > 0)  # NaN: no coverage
    df["driver"] = (df["IS-A-HOTSPOT"].str.upper() == "Y") | (df["ONCOGENIC"].str.lower() == "oncogenic")
    df["gene"] = df["Hugo_Symbol"].fillna("").str.upper()
    return df[KEY + ["timepoint", "gene", "af", "driver"]]


def geometric_mean(af, groups):
    """exp(mean(log AF)) over the non-zero AFs of each group; 0 when none."""
    logs = np.log(af.where(af > 0))
    return np.exp(logs.groupby(groups).mean()).fillna(0.0)


def analyse(df, ch_genes):
    base = df[df["timepoint"] == "baseline"]
    follow = df[df["timepoint"] == "followup"]
    m = base.merge(follow, on=KEY, how="outer", suffixes=("_b", "_f"), indicator=True)
    # absent from a timepoint's table: AF 0 (imputed); present without reads stays NaN
    m.loc[m["_merge"] == "right_only", "af_b"] = 0.0
    m.loc[m["_merge"] == "left_only", "af_f"] = 0.0

    # union: detected at either timepoint
    m = m[(m["af_b"].fillna(0) > 0) | (m["af_f"].fillna(0) > 0)]
    # filters: no coverage at one timepoint, CH gene, LOC gene
    gene = m["gene_b"].fillna(m["gene_f"])
    keep = m["af_b"].notna() & m["af_f"].notna() & ~gene.isin(ch_genes) & ~gene.str.startswith("LOC")
    s = m[keep].copy()
    s["driver"] = s["driver_b"].fillna(False).astype(bool) | s["driver_f"].fillna(False).astype(bool)

    # reference timepoint: geometric mean over drivers, else over all of S; a tie goes to baseline
    d = s[s["driver"]]
    gm_drivers_b, gm_drivers_f = geometric_mean(d["af_b"], d["patient"]), geometric_mean(d["af_f"], d["patient"])
    gm_all_b, gm_all_f = geometric_mean(s["af_b"], s["patient"]), geometric_mean(s["af_f"], s["patient"])
    ref_followup = (gm_all_f > gm_all_b)
    ref_followup.loc[gm_drivers_b.index] = gm_drivers_f > gm_drivers_b

    # clonal set: AF at the reference timepoint >= 0.3 x the highest there
    s["af_ref"] = s["af_f"].where(s["patient"].map(ref_followup), s["af_b"])
    top = s.groupby("patient")["af_ref"].transform("max")
    c = s[(s["af_ref"] > 0) & (s["af_ref"] >= CLONAL_FRACTION * top)]

    out = pd.DataFrame({
        "ctdna_fraction_baseline": 2 * geometric_mean(c["af_b"], c["patient"]),
        "ctdna_fraction_followup": 2 * geometric_mean(c["af_f"], c["patient"]),
        "median_af_baseline": s.groupby("patient")["af_b"].median(),
        "median_af_followup": s.groupby("patient")["af_f"].median(),
    })
    return out


def main():
    parser = argparse.ArgumentParser(description="ctDNA fractions per patient (pandas)")
    parser.add_argument("--samplesheet", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--ch-genes", default=CH_GENES)
    args = parser.parse_args()

    ch = pd.read_csv(args.ch_genes, sep="\t", comment="#")
    ch_genes = set(ch["gene"].str.upper())
    sheet = read_sample_sheet(args.samplesheet)
    result = analyse(read_variants(sheet), ch_genes)

    # one row per patient in sheet order; no somatic mutation -> 0; a missing timepoint -> NA
    patients = pd.Index(sheet["patient"].unique(), name="patient")
    result = result.reindex(patients).fillna(0.0)
    timepoints = sheet.groupby("patient")["timepoint"].agg(set)
    paired = timepoints.map(lambda t: {"baseline", "followup"} <= t).reindex(patients)
    result[~paired.values] = np.nan
    result.reset_index().to_csv(args.out, sep="\t", index=False, na_rep="NA", float_format="%.17g")


if __name__ == "__main__":
    main()
