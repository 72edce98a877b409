#!/usr/bin/env python3
"""Independent reference for ctdna's tumour-informed fraction (METHOD.md 3.9).

Written from METHOD.md (section 1, "Tissue copy numbers", and 3.9) and the choices docs/method.md
section 9 records, not from the Swift code. The set S of each patient comes from
reference_method.py beside it (the independent implementation of METHOD.md 2-3). Needs pandas (for
reference_method.py); a development tool only, never a dependency of ctdna.

Usage:
    python3 Tests/tools/tumour_informed_reference.py SAMPLESHEET TISSUE [--purity FILE]
        [--patients OUT] [--mutations OUT]

TISSUE is a tissue table of many patients (a `patient` column), as `ctdna run --tissue` reads it;
--purity a per-patient purity table (`patient`, `purity`). Writes

  --patients: patient, tumour_informed_fraction_baseline, _followup, _difference, _ratio,
              n_tissue_mutations, n_tissue_used, tissue_flags (the tumour-informed flags);
  --mutations: for each member of S with a tissue row: patient, mutation (chrom:pos:ref:alt),
              tissue_m, tissue_m_rule, tumour_informed_p_baseline, tumour_informed_p_followup.

Numbers by repr() (shortest round-trip), NA for missing values.
"""
import argparse
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference_method as method  # noqa: E402

import pandas as pd  # noqa: E402

MISSING = ("", ".", "NA")


def cell(row, names):
    """The first of `names` (lower case) the row has, without white space; None when missing."""
    for name in names:
        if name in row:
            value = row[name].strip()
            return None if value in MISSING else value
    return None


def number(row, names):
    value = cell(row, names)
    return None if value is None else float(value)


def read_tissue(path, purities):
    """patient -> list of row dicts in file order (METHOD.md 1: key, tcn, lcn, purity, counts, ...)."""
    lines = [line.rstrip("\r\n") for line in open(path) if not line.startswith("#")]
    header = [name.strip().lower() for name in lines[0].split("\t")]
    # One copy-number family, the first present: FACETS tcn/lcn, tcn.em/lcn.em, cBioPortal ASCN.
    families = [("tcn", "lcn"), ("tcn.em", "lcn.em"), ("ascn.total_copy_number", "ascn.minor_copy_number")]
    total, minor = next(f for f in families if f[0] in header)
    clonality = next((c for c in ("clonality", "ascn.clonal", "clonal") if c in header), None)
    rows = {}
    for line in lines[1:]:
        if not line.strip():
            continue
        r = dict(zip(header, line.split("\t")))
        chrom = r["chromosome"].strip()
        if chrom.lower().startswith("chr") and len(chrom) > 3:
            chrom = chrom[3:]
        ref = r["reference_allele"].strip()
        alt = r["tumor_seq_allele2"].strip()
        if alt in MISSING or alt == ref:
            alt = r["tumor_seq_allele1"].strip()
        patient = r["patient"].strip()
        purity = number(r, ["purity"])
        if purity is None:
            purity = purities.get(patient)
        alt_count, ref_count = cell(r, ["t_alt_count"]), cell(r, ["t_ref_count"])
        rows.setdefault(patient, []).append(dict(
            key=(chrom, int(r["start_position"]), ref, alt),
            tcn=number(r, [total]), lcn=number(r, [minor]),
            expected=number(r, ["expected_alt_copies", "ascn.expected_alt_copies"]),
            purity=purity,
            vaf=None if alt_count is None or ref_count is None or int(alt_count) + int(ref_count) == 0
            else int(alt_count) / (int(alt_count) + int(ref_count)),
            clonal=None if clonality is None else (cell(r, [clonality]) or "").upper() in ("CLONAL", "TRUE", "YES", "Y", "1")))
    return rows


def chosen_rows(rows):
    """3.9: only rows marked clonal when the table marks clonality; of a mutation's rows the one of
    highest purity (no purity ranks lowest; a tie keeps the first)."""
    chosen = {}
    for r in rows:
        if r["clonal"] is False:
            continue
        kept = chosen.get(r["key"])
        rank = -1 if r["purity"] is None else r["purity"]
        if kept is None or rank > (-1 if kept["purity"] is None else kept["purity"]):
            chosen[r["key"]] = r
    return chosen


def mutant_copies(r, n):
    """3.9, the published code's rule: (m, step) or (None, reason)."""
    if r["tcn"] is None:
        return None, "tissue_no_total_copies"
    if r["expected"] is not None:
        return r["expected"], "expected_alt_copies"
    lcn = r["lcn"] if r["lcn"] is not None else 0.0
    big = r["tcn"] - lcn
    if big == lcn:
        return lcn, "major_equals_minor"
    if lcn == 0:
        return big, "minor_zero"
    if r["purity"] is None:
        return None, "tissue_no_purity"
    if r["vaf"] is None:
        return None, "tissue_no_allele_fraction"
    t = r["vaf"] * (r["tcn"] * r["purity"] + n * (1 - r["purity"])) / r["purity"]
    if abs(big - t) < abs(lcn - t):
        return big, "nearer_major"
    return lcn, ("nearer_minor" if abs(lcn - t) < abs(big - t) else "tie_minor")


def p_value(af, tcn, m, n):
    """p = N AF / (m + (N - C_T) AF); None without coverage or with a non-positive denominator."""
    if af is None:
        return None
    denominator = m + (n - tcn) * af
    return None if denominator <= 0 else n * af / denominator


def fraction(ps):
    """Geometric mean of the positive p (0 when none); None when no mutation gives a p."""
    present = [p for p in ps if p is not None]
    if not present:
        return None
    positive = [p for p in present if p > 0]
    if not positive:
        return 0.0
    return math.exp(sum(math.log(p) for p in positive) / len(positive))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("samplesheet")
    parser.add_argument("tissue")
    parser.add_argument("--purity")
    parser.add_argument("--patients", default="-")
    parser.add_argument("--mutations")
    args = parser.parse_args()
    ch_genes = method.read_gene_list(os.path.join(here, "..", "..", "Sources", "BundledLists", "Resources", "ch_genes.tsv"))
    purities = {}
    if args.purity:
        table = pd.read_csv(args.purity, sep="\t", dtype=str, keep_default_na=False)
        purities = {r["patient"]: float(r["purity"]) for _, r in table.iterrows()}
    tissue = read_tissue(args.tissue, purities)
    folder = os.path.dirname(os.path.abspath(args.samplesheet))
    sheet = pd.read_csv(args.samplesheet, sep="\t", dtype=str, keep_default_na=False)
    patient_lines = ["\t".join([
        "patient", "tumour_informed_fraction_baseline", "tumour_informed_fraction_followup",
        "tumour_informed_fraction_difference", "tumour_informed_fraction_ratio", "n_tissue_mutations",
        "n_tissue_used", "tissue_flags"])]
    mutation_lines = ["\t".join(["patient", "mutation", "tissue_m", "tissue_m_rule", "tumour_informed_p_baseline",
                                 "tumour_informed_p_followup"])]
    for patient in dict.fromkeys(sheet["patient"]):
        rows = sheet[sheet["patient"] == patient]
        tables, normal = {}, None
        for _, r in rows.iterrows():
            tables[r["timepoint"]] = method.read_maf(os.path.join(folder, r["file"]))
            if "normal" in sheet.columns and r["normal"] and normal is None:
                normal = method.read_maf(os.path.join(folder, r["normal"]))
        first = rows.iloc[0]
        male = "sex" in sheet.columns and any(s.strip().upper() in ("M", "MALE") for s in rows["sex"])
        out = method.analyse(patient, first["cohort"], first["arm"], tables.get("baseline"), tables.get("followup"),
                             normal, ch_genes, method.DEFAULTS)
        cells = [patient] + ["NA"] * 6 + [""]
        if patient in tissue and not out["status"].startswith("excluded"):
            chosen = chosen_rows(tissue[patient])
            used, flags, in_s = [], [], 0
            for member in out.get("somatic", []):
                r = chosen.get(member["key"])
                if r is None:
                    continue
                in_s += 1
                n = 1.0 if male and member["key"][0] in ("X", "Y") else 2.0
                m, step = mutant_copies(r, n)
                ps = (None, None) if m is None else (p_value(member["b"], r["tcn"], m, n), p_value(member["f"], r["tcn"], m, n))
                if m is not None:
                    used.append(ps)
                    if any(af is not None and p is None for af, p in zip((member["b"], member["f"]), ps)):
                        flags.append("denominator")
                key = ":".join(str(part) for part in member["key"])
                mutation_lines.append("\t".join([patient, key, method.fmt(m), step if m is not None else "NA",
                                                 method.fmt(ps[0]), method.fmt(ps[1])]))
            b, f = fraction([u[0] for u in used]), fraction([u[1] for u in used])
            tissue_flags = []
            if in_s == 0:
                tissue_flags.append("no_tissue_mutation_in_plasma")
            if any(p is not None and p > 1 for u in used for p in u):
                tissue_flags.append("tumour_informed_p_above_1")
            if "denominator" in flags:
                tissue_flags.append("tumour_informed_denominator_not_positive")
            cells = [patient, method.fmt(b), method.fmt(f),
                     method.fmt(None if b is None or f is None else f - b),
                     method.fmt(None if b is None or f is None or b == 0 else f / b),
                     str(len(chosen)), str(len(used)), ";".join(tissue_flags)]
        patient_lines.append("\t".join(cells))
    outputs = [(args.patients, patient_lines)] + ([(args.mutations, mutation_lines)] if args.mutations else [])
    for path, lines in outputs:
        text = "\n".join(lines) + "\n"
        if path == "-":
            sys.stdout.write(text)
        else:
            with open(path, "w") as handle:
                handle.write(text)


if __name__ == "__main__":
    main()
