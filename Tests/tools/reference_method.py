#!/usr/bin/env python3
"""Independent reference implementation of the ctDNA method (METHOD.md sections 2 and 3).

Written from METHOD.md and docs/method.md (the choices METHOD.md leaves open), not from the Swift
code, to give the end-to-end test numbers computed a second way. Needs pandas; it is a
development tool only, never a dependency of ctdna.

Usage:
    python3 Tests/tools/reference_method.py SAMPLESHEET [OUTPUT] [--ch-genes FILE]

Writes the per-patient table (the columns of ctdna's patients.tsv) with numbers printed by
repr() (shortest round-trip) and NA for missing values.
"""
import argparse
import math
import os
import sys

import pandas as pd

DEFAULTS = dict(min_alt_reads=2, clonal_fraction=0.3, tie_break=0.01, normal_ratio=2.0,
                drop_loc=True, min_depth=None, max_pop_af=None, likely_oncogenic_is_driver=False,
                drop_uncovered=False)

COLUMNS = [
    "patient", "cohort", "arm", "status", "reference_timepoint", "reference_rule",
    "n_mutations", "n_after_filters", "n_drivers", "n_clonal",
    "ctdna_fraction_baseline", "ctdna_fraction_followup", "ctdna_fraction_difference",
    "ctdna_fraction_ratio", "median_af_baseline", "median_af_followup", "median_af_difference",
    "median_af_ratio", "flags", "molecular_response",
]


def read_gene_list(path):
    genes = set()
    first = True
    with open(path) as handle:
        for line in handle:
            line = line.rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            symbol = line.split("\t")[0].strip()
            if first and symbol.lower() in ("gene", "hugo_symbol"):
                first = False
                continue
            first = False
            genes.add(symbol.upper())
    return genes


def missing(value):
    return value is None or (isinstance(value, float) and math.isnan(value)) or str(value).strip() in ("", ".", "NA")


def read_maf(path):
    """One sample's table as a dict: (chrom, pos, ref, alt) -> row dict; the first row of a key wins."""
    table = pd.read_csv(path, sep="\t", comment="#", dtype=str, keep_default_na=False)
    table.columns = [c.lower() for c in table.columns]
    rows = {}
    for _, r in table.iterrows():
        chrom = r["chromosome"]
        if chrom.lower().startswith("chr") and len(chrom) > 3:
            chrom = chrom[3:]
        ref = r["reference_allele"]
        alt = r["tumor_seq_allele2"]
        if alt == ref:
            alt = r["tumor_seq_allele1"]
        key = (chrom, int(r["start_position"]), ref, alt)
        if key in rows:
            continue
        def count(name):
            v = r.get(name, "")
            return None if missing(v) else int(v)
        rows[key] = dict(
            gene=r.get("hugo_symbol", ""), protein=r.get("hgvsp_short", ""),
            alt=count("t_alt_count"), ref=count("t_ref_count"),
            oncogenic=r.get("oncogenic", ""), hotspot=r.get("is-a-hotspot", ""),
            whitelist=r.get("hotspot_whitelist", ""), called=r.get("called", None),
        )
    return rows


def allele_fraction(row, min_alt):
    """METHOD.md 2: alt below the minimum counts as 0; no reads -> None (no AF)."""
    if row is None:
        return 0.0  # absent from the table: imputed zero
    if row["alt"] is None or row["ref"] is None:
        return None
    depth = row["alt"] + row["ref"]
    if depth == 0:
        return None
    alt = row["alt"] if row["alt"] >= min_alt else 0
    return alt / depth


def geo_mean(values):
    positive = [v for v in values if v > 0]
    if not positive:
        return 0.0
    return math.exp(sum(math.log(v) for v in positive) / len(positive))


def present(values):
    """The values that exist: a timepoint without coverage has none (METHOD.md 2)."""
    return [v for v in values if v is not None]


def median(values):
    if not values:
        return 0.0
    return float(pd.Series(values, dtype=float).median())


def chrom_rank(c):
    if c.isdigit() and 1 <= int(c) <= 22:
        return (int(c), c)
    return ({"X": 23, "Y": 24, "M": 25, "MT": 25}.get(c.upper(), 26), c)


def sort_key(k):
    return (chrom_rank(k[0]), k[1], k[2], k[3])


def is_driver(rows, p):
    for r in rows:
        if str(r["hotspot"]).strip().upper() == "Y" or str(r["whitelist"]).strip().upper() == "TRUE":
            return True
        onc = str(r["oncogenic"]).strip().lower()
        if onc == "oncogenic" or (p["likely_oncogenic_is_driver"] and onc == "likely oncogenic"):
            return True
    return False


def analyse(patient, cohort, arm, base, follow, normal, ch_genes, p):
    out = dict(patient=patient, cohort=cohort, arm=arm, flags="")
    if base is None and follow is None:
        out["status"] = "excluded: no baseline or followup sample"
        return out
    # METHOD.md 3.10: a patient with a single sample gets its values there (its own reference)
    # and none at the timepoint it lacks.
    has_base, has_follow = base is not None, follow is not None
    base, follow = base or {}, follow or {}
    union, somatic = 0, []
    for key in sorted(set(base) | set(follow), key=sort_key):
        b_row, f_row = base.get(key), follow.get(key)
        b, f = allele_fraction(b_row, p["min_alt_reads"]), allele_fraction(f_row, p["min_alt_reads"])
        b, f = (b if has_base else None), (f if has_follow else None)
        rows = [r for r in (b_row, f_row) if r is not None]
        if not ((b or 0) > 0 or (f or 0) > 0):
            continue  # not detected at either timepoint
        calls = [r["called"] for r in rows if r["called"] is not None and not missing(r["called"])]
        if calls and not any(c.strip().lower() in ("yes", "y", "true", "called", "1") for c in calls):
            continue
        union += 1
        # METHOD.md 2: a timepoint without coverage has no value there (None), and the mutation
        # stays; only the optional stricter rule drops it.
        if p["drop_uncovered"] and (b is None or f is None):
            continue
        gene = next((r["gene"] for r in rows if r["gene"]), "")
        if gene.upper() in ch_genes:
            continue
        if normal is not None:
            n = allele_fraction(normal.get(key), p["min_alt_reads"])
            if n is not None and n > 0 and max(v for v in (b, f) if v is not None) < p["normal_ratio"] * n:
                continue
        if p["drop_loc"] and gene.upper().startswith("LOC"):
            continue
        oncogenic = any(str(r["oncogenic"]).strip().lower() == "oncogenic" for r in rows)
        somatic.append(dict(key=key, b=b, f=f, driver=is_driver(rows, p), oncogenic=oncogenic))
    out.update(n_mutations=union, n_after_filters=len(somatic),
               n_drivers=sum(m["driver"] for m in somatic), somatic=somatic)
    if not somatic:
        zeros = (0.0 if has_base else None, 0.0 if has_follow else None)
        out.update(status="not_detected", n_clonal=0, ctdna=zeros, med=zeros)
        return out
    drivers = [m for m in somatic if m["driver"]]
    reference, rule = None, None
    if drivers:
        # A driver without a value at a timepoint has no change (docs/method.md §5).
        changes = [m["f"] - m["b"] for m in drivers if m["b"] is not None and m["f"] is not None]
        enough = max(sum((m["b"] or 0) > 0 for m in drivers), sum((m["f"] or 0) > 0 for m in drivers)) >= 2
        crossing = any(c > 0 for c in changes) and any(c < 0 for c in changes)
        if enough and crossing and abs(sum(changes)) < p["tie_break"]:
            onc = [m for m in drivers if m["oncogenic"]]
            top_b = max((m["b"] for m in onc if m["b"] is not None), default=0.0)
            top_f = max((m["f"] for m in onc if m["f"] is not None), default=0.0)
            reference, rule = ("followup" if top_f > top_b else "baseline"), "tie_break"
    if reference is None:
        basis, rule = (drivers, "drivers") if drivers else (somatic, "all_mutations")
        gb, gf = geo_mean(present(m["b"] for m in basis)), geo_mean(present(m["f"] for m in basis))
        reference = "followup" if gf > gb else "baseline"
    at = "b" if reference == "baseline" else "f"
    top = max(present(m[at] for m in somatic), default=0.0)
    clonal = [m for m in somatic if m[at] is not None and m[at] > 0 and m[at] >= p["clonal_fraction"] * top]

    def fraction(t):
        values = present(m[t] for m in clonal)
        return 2 * geo_mean(values) if values else None  # no clonal mutation covered: no value

    def med(t):
        values = present(m[t] for m in somatic)
        return median(values) if values else None

    ctdna = (fraction("b"), fraction("f"))
    out.update(status="paired" if has_base and has_follow else "single_sample", reference_timepoint=reference, reference_rule=rule,
               n_clonal=len(clonal), ctdna=ctdna, med=(med("b"), med("f")))
    if any(v is not None and v > 1 for v in ctdna):
        out["flags"] = "fraction_above_1"
    return out


def fmt(value):
    if value is None:
        return "NA"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return "NA"
        return repr(value + 0.0) if value != 0 else "0.0"
    return value


def molecular_response(pair, threshold=0.5):
    """METHOD.md 6: clearance (a > 0, b = 0), response (b <= (1 - threshold) a), no_response;
    not_evaluable when a is 0 or a value is missing."""
    a, b = pair
    if a is None or b is None or a <= 0:
        return "not_evaluable"
    if b == 0:
        return "clearance"
    return "response" if b <= (1 - threshold) * a else "no_response"


def row_cells(out):
    cells = {c: None for c in COLUMNS}
    cells.update({k: v for k, v in out.items() if k in COLUMNS})
    if "ctdna" in out:
        cells["molecular_response"] = molecular_response(out["ctdna"])
    for metric, prefix in (("ctdna", "ctdna_fraction"), ("med", "median_af")):
        if metric in out:
            b, f = out[metric]
            cells[prefix + "_baseline"], cells[prefix + "_followup"] = b, f
            cells[prefix + "_difference"] = None if b is None or f is None else f - b
            cells[prefix + "_ratio"] = None if b is None or f is None or b == 0 else f / b
    return [fmt(cells[c]) for c in COLUMNS]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("samplesheet")
    parser.add_argument("output", nargs="?", default="-")
    parser.add_argument("--ch-genes", default=os.path.join(here, "..", "..", "Sources", "BundledLists",
                                                           "Resources", "ch_genes.tsv"))
    args = parser.parse_args()
    ch_genes = read_gene_list(args.ch_genes)
    folder = os.path.dirname(os.path.abspath(args.samplesheet))
    sheet = pd.read_csv(args.samplesheet, sep="\t", dtype=str, keep_default_na=False)
    patients = list(dict.fromkeys(sheet["patient"]))
    lines = ["\t".join(COLUMNS)]
    for patient in patients:
        rows = sheet[sheet["patient"] == patient]
        tables, normal = {}, None
        for _, r in rows.iterrows():
            tables[r["timepoint"]] = read_maf(os.path.join(folder, r["file"]))
            if "normal" in sheet.columns and r["normal"] and normal is None:
                normal = read_maf(os.path.join(folder, r["normal"]))
        first = rows.iloc[0]
        out = analyse(patient, first["cohort"], first["arm"], tables.get("baseline"),
                      tables.get("followup"), normal, ch_genes, DEFAULTS)
        lines.append("\t".join(row_cells(out)))
    text = "\n".join(lines) + "\n"
    if args.output == "-":
        sys.stdout.write(text)
    else:
        with open(args.output, "w") as handle:
            handle.write(text)


if __name__ == "__main__":
    main()
