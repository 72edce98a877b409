#!/usr/bin/env python3
"""ctDNA fractions per patient with polars: the script a user would write instead of ctdna.

    python method_polars.py --samplesheet SHEET --out patients.tsv [--ch-genes FILE]

Same input, output and method as method_pandas.py (see its docstring), written with polars
expressions. Left out, as there: the reference-timepoint tie-break refinement (drivers pointing
both ways with a summed change below 0.01), the matched-normal 2:1 rule, the call-status column,
the CH variant list, depth / population-AF / manual filters.
"""
import argparse
import os

import polars as pl

HERE = os.path.dirname(os.path.abspath(__file__))
CH_GENES = os.path.join(HERE, "..", "..", "Sources", "BundledLists", "Resources", "ch_genes.tsv")

TEXT = ["Hugo_Symbol", "Chromosome", "Reference_Allele", "Tumor_Seq_Allele1", "Tumor_Seq_Allele2",
        "Tumor_Sample_Barcode", "ONCOGENIC", "IS-A-HOTSPOT"]
COLUMNS = TEXT + ["Start_Position", "t_ref_count", "t_alt_count"]
KEY = ["patient", "chrom", "pos", "ref", "alt"]
MIN_ALT_READS = 2
CLONAL_FRACTION = 0.3


def read_sample_sheet(path):
    sheet = pl.read_csv(path, separator="\t", infer_schema=False)
    folder = os.path.dirname(os.path.abspath(path))
    sheet = sheet.with_columns(pl.col("file").map_elements(lambda f: os.path.join(folder, f),
                                                           return_dtype=pl.Utf8).alias("path"))
    if "sample" not in sheet.columns:
        sheet = sheet.with_columns(pl.lit("").alias("sample"))
    return sheet.with_columns(pl.col("sample").fill_null(""))


def read_variants(sheet):
    """All samples of the sheet as one long table (patient, timepoint, one row per variant)."""
    parts = []
    for (path,), rows in sheet.group_by("path", maintain_order=True):
        maf = pl.read_csv(path, separator="\t", comment_prefix="#", columns=COLUMNS,
                          schema_overrides={c: pl.Utf8 for c in TEXT})
        if (rows["sample"] != "").any():
            maf = maf.join(rows.select("patient", "timepoint", "sample"),
                           left_on="Tumor_Sample_Barcode", right_on="sample", maintain_order="left")
        else:
            maf = maf.with_columns(patient=pl.lit(rows["patient"][0]), timepoint=pl.lit(rows["timepoint"][0]))
        parts.append(maf.select(COLUMNS + ["patient", "timepoint"]))
    df = pl.concat(parts)

    alt, ref = pl.col("t_alt_count"), pl.col("t_ref_count")
    depth = alt + ref
    return (
        df.with_columns(
            chrom=pl.col("Chromosome").str.replace(r"^chr", ""),
            pos=pl.col("Start_Position"),
            ref=pl.col("Reference_Allele"),
            alt=pl.when(pl.col("Tumor_Seq_Allele2") != pl.col("Reference_Allele"))
                .then(pl.col("Tumor_Seq_Allele2")).otherwise(pl.col("Tumor_Seq_Allele1")),
            # alt below the minimum counts as 0; no reads -> null (no AF)
            af=pl.when(depth > 0).then(pl.when(alt >= MIN_ALT_READS).then(alt).otherwise(0) / depth),
            driver=((pl.col("IS-A-HOTSPOT").str.to_uppercase() == "Y")
                    | (pl.col("ONCOGENIC").str.to_lowercase() == "oncogenic")).fill_null(False),
            gene=pl.col("Hugo_Symbol").fill_null("").str.to_uppercase(),
        )
        .unique(subset=KEY + ["timepoint"], keep="first", maintain_order=True)  # first row of a key wins
        .select(KEY + ["timepoint", "gene", "af", "driver"])
    )


def geometric_mean(column, where=True):
    """exp(mean(log AF)) over the non-zero AFs (and `where`); 0 when none."""
    af = pl.col(column)
    return af.filter(where & (af > 0)).log().mean().exp().fill_null(0.0)


def analyse(df, ch_genes):
    def timepoint(name, suffix):
        return (df.filter(pl.col("timepoint") == name).drop("timepoint")
                .with_columns(present=pl.lit(True))
                .rename({c: c + suffix for c in ["gene", "af", "driver", "present"]}))

    m = timepoint("baseline", "_b").join(timepoint("followup", "_f"), on=KEY, how="full", coalesce=True)
    # absent from a timepoint's table: AF 0 (imputed); present without reads stays null
    m = m.with_columns(
        af_b=pl.when(pl.col("present_b").is_null()).then(0.0).otherwise(pl.col("af_b")),
        af_f=pl.when(pl.col("present_f").is_null()).then(0.0).otherwise(pl.col("af_f")),
        gene=pl.coalesce("gene_b", "gene_f"),
        driver=pl.col("driver_b").fill_null(False) | pl.col("driver_f").fill_null(False),
    )
    s = m.filter(
        # union: detected at either timepoint
        (pl.col("af_b").fill_null(0) > 0) | (pl.col("af_f").fill_null(0) > 0),
        # filters: no coverage at one timepoint, CH gene, LOC gene
        pl.col("af_b").is_not_null() & pl.col("af_f").is_not_null(),
        ~pl.col("gene").is_in(list(ch_genes)),
        ~pl.col("gene").str.starts_with("LOC"),
    )

    # reference timepoint: geometric mean over drivers, else over all of S; a tie goes to baseline
    driver = pl.col("driver")
    reference = s.group_by("patient").agg(
        ref_followup=pl.when(driver.any())
        .then(geometric_mean("af_f", driver) > geometric_mean("af_b", driver))
        .otherwise(geometric_mean("af_f") > geometric_mean("af_b"))
    )
    s = s.join(reference, on="patient").with_columns(
        af_ref=pl.when(pl.col("ref_followup")).then(pl.col("af_f")).otherwise(pl.col("af_b"))
    )
    # clonal set: AF at the reference timepoint >= 0.3 x the highest there
    clonal = (pl.col("af_ref") > 0) & (pl.col("af_ref") >= CLONAL_FRACTION * pl.col("af_ref").max().over("patient"))
    return s.group_by("patient").agg(
        ctdna_fraction_baseline=2 * geometric_mean("af_b", clonal),
        ctdna_fraction_followup=2 * geometric_mean("af_f", clonal),
        median_af_baseline=pl.col("af_b").median(),
        median_af_followup=pl.col("af_f").median(),
    )


def main():
    parser = argparse.ArgumentParser(description="ctDNA fractions per patient (polars)")
    parser.add_argument("--samplesheet", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--ch-genes", default=CH_GENES)
    args = parser.parse_args()

    ch = pl.read_csv(args.ch_genes, separator="\t", comment_prefix="#")
    ch_genes = set(ch["gene"].str.to_uppercase())
    sheet = read_sample_sheet(args.samplesheet)
    result = analyse(read_variants(sheet), ch_genes)

    # one row per patient in sheet order; no somatic mutation -> 0; a missing timepoint -> NA
    values = [c for c in result.columns if c != "patient"]
    patients = sheet.group_by("patient", maintain_order=True).agg(
        paired=pl.col("timepoint").is_in(["baseline"]).any() & pl.col("timepoint").is_in(["followup"]).any())
    out = patients.join(result, on="patient", how="left", maintain_order="left").select(
        "patient", *[pl.when(pl.col("paired")).then(pl.col(c).fill_null(0.0)) for c in values])
    out.write_csv(args.out, separator="\t", null_value="NA")


if __name__ == "__main__":
    main()
