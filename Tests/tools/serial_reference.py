#!/usr/bin/env python3
"""Independent reference implementation of the ctDNA method over a series of timepoints
(METHOD.md sections 2 and 3, steps 1-8 and 3.10), Python 3 standard library only.

Written from METHOD.md (and docs/method.md where METHOD.md leaves a choice open), not from the Swift
code, to give the serial-sample tests numbers computed a second way. A development tool only, never
a dependency of ctdna.

Usage:
    python3 Tests/tools/serial_reference.py SAMPLESHEET [OUTPUT] [--timepoints a,b,c]
                                            [--ch-genes FILE]

Writes one row per patient x timepoint the patient has a sample at (patients in sheet order, each
patient's timepoints in its order):
    patient timepoint order status reference_timepoint n_after_filters n_clonal ctdna_fraction
    median_af n_detected n_clonal_detected
numbers printed with repr() (shortest round trip), NA for a missing value.

Rules, with the default parameters (min_alt_reads 2, clonal fraction 0.3, tie-break threshold 0.01,
matched-normal ratio 2, LOC genes dropped, the bundled CH gene list
Sources/BundledLists/Resources/ch_genes.tsv; no optional filter; the variant-level CH list is
opt-in in ctdna and not applied):
  * Order of a patient's timepoints (METHOD.md 3.10): by `day` when every sample of the patient that
    is analysed has one (a stable sort: equal days keep sheet order); otherwise in the order of
    --timepoints when given; otherwise `baseline` first, then the rest in sheet order. --timepoints
    also restricts which samples are analysed (a patient with none of them has no row).
  * AF = alt / (alt + ref), alt taken as 0 below min_alt_reads; alt + ref = 0 as written gives no
    AF (None); a mutation absent from a timepoint's table has AF 0 there (imputed zero).
  * Union: keys with AF > 0 at one timepoint at least (and called at one, when a call-status column
    exists). Filters: CH gene (upper case), matched normal (highest plasma AF over the covered
    timepoints < 2 x the normal AF, normal AF > 0), gene symbol starting `LOC`. S = what survives.
  * D = members of S with IS-A-HOTSPOT = Y, hotspot_whitelist = TRUE or ONCOGENIC = Oncogenic on
    the row of some timepoint.
  * Geometric mean = exp(sum of log AF over the non-zero AFs, summed in key order / count), a
    single value returned as it is, 0 when none is non-zero; uncovered members are left out.
  * Reference timepoint: with exactly two timepoints and D non-empty, the tie-break first (a
    timepoint with two or more drivers at AF > 0; the drivers' changes later - earlier, over
    drivers covered at both, include a rise and a fall; |sum| < 0.01: the timepoint with the larger
    highest AF among ONCOGENIC = Oncogenic drivers, a tie or none giving the earlier). Otherwise the
    timepoint with the highest geometric mean over D (else S), a tie going to the earliest. One
    timepoint: itself.
  * C = members of S covered at the reference with AF > 0 and AF >= 0.3 x the highest AF of S there.
  * ctdna_fraction(t) = 2 x geometric mean over C at t (NA when no member of C is covered at t);
    median_af(t) = median over the covered members of S at t, zeros included (even count: mean of
    the two middle values; NA when none is covered).
  * status: `not_detected` when S is empty (fraction 0.0, median 0.0, reference NA, n_clonal 0 at
    every timepoint); else `single_sample` with one timepoint, `paired` with two or more.

Checked by hand on SampleData/serial (counts from the MAFs, see truth.tsv), default run:
  * S01 (sheet rows progression, baseline, week8; days 214, 0, 58 -> order baseline, week8,
    progression). KRAS G12C 26/1497, absent, 145/2217; TP53 R273H 52/2916, 0/2109, 103/1839 (both
    hotspots); ERBB4 R36C (passenger) 15/2546, 0/1517, 28/1879. Geometric means over D = {KRAS,
    TP53}: baseline sqrt(0.017368 x 0.017833) = 0.017599, week8 0 (all zero; KRAS imputed zero),
    progression sqrt(0.065404 x 0.056009) = 0.060524 -> reference progression (order 3). At
    progression 0.3 x 0.065404 = 0.019621 > ERBB4's 0.014902: C = {KRAS, TP53}. Fractions
    2 x 0.017599 = 0.035198 (baseline), 0.0 (week8: cleared), 2 x 0.060524 = 0.121048 (progression,
    the rebound); median AF over S: 0.017368, 0.0, 0.056009 (the middle of three).
  * S16 (baseline, week8, progression; PIK3CA H1047R 80/2000, 40/2000, 72/2000 and TP53 R175H
    20/2000, 10/2000, 29/2000, both hotspots): three timepoints, so no tie-break; geometric means
    over D: baseline sqrt(0.04 x 0.01) = 0.02, week8 sqrt(0.02 x 0.005) = 0.01, progression
    sqrt(0.036 x 0.0145) = 0.022847 -> reference progression (order 3). C at progression: highest
    0.036, 0.3 x 0.036 = 0.0108 <= 0.0145, so both. Fractions = 2 x those geometric means: 0.04,
    0.02, 0.045695; median AF = mean of the two: 0.025, 0.0125, 0.02525.
    Restricted to baseline,progression (two timepoints): changes 0.036 - 0.04 = -0.004 and
    0.0145 - 0.01 = +0.0045, a fall and a rise, |sum| = 0.0005 < 0.01, so the tie-break: highest
    Oncogenic AF 0.04 at baseline > 0.036 -> reference baseline (the geometric means would have
    chosen progression). C at baseline: 0.3 x 0.04 = 0.012 > 0.01, so only PIK3CA: fractions
    2 x 0.04 = 0.08 and 2 x 0.036 = 0.072; n_clonal 1.
  * S14 (PIK3CA H1047R 110/2200, 0/0, 78/1950; APC N2098G 23/2483, 10/4118, 17/1713; NF1 W1994N
    22/2533, 8/2249, 16/1800): D = {PIK3CA}; geometric means over D 0.05 (baseline), none covered at
    week8 (0), 0.04 (progression) -> reference baseline. 0.3 x 0.05 = 0.015 > 0.00926, 0.00869:
    C = {PIK3CA}. Fractions: baseline 2 x 0.05 = 0.1, week8 NA (PIK3CA not covered: alt + ref = 0),
    progression 2 x 78/1950 = 0.08. Median AF at week8 over the two covered members:
    (10/4118 + 8/2249) / 2 = (0.0024284 + 0.0035571) / 2 = 0.0029928; n_detected 2 of S = 3,
    n_clonal_detected 0.
  * S05 (KRAS G12V, TP53 R175H, CHEK2 R145W with a matched normal, CHEK2 normal 20/2000 = 0.01):
    CHEK2's plasma AFs 0.011, 0.025, 0.012: highest over the series 0.025 >= 2 x 0.01, kept (S has
    3 members); restricted to baseline,progression the highest is 0.012 < 0.02, dropped (S has 2).
  * S13: APC S1307F has 1 alt read at baseline and none later: AF 0 everywhere after the read rule,
    not in the union; ATM V1691I (1/2500, 6/2400, 1/2000) has AF 0, 0.0025, 0 and stays in S:
    n_after_filters 3 (AKT1, CDH1, ATM), n_detected 2 at baseline and progression, 3 at week8.
"""
import argparse
import csv
import gzip
import io
import math
import os
import sys

MIN_ALT_READS = 2
CLONAL_FRACTION = 0.3
TIE_BREAK = 0.01
NORMAL_RATIO = 2.0
CALLED = {"yes", "y", "true", "called", "1"}
MISSING = {"", ".", "na"}

COLUMNS = ["patient", "timepoint", "order", "status", "reference_timepoint", "n_after_filters",
           "n_clonal", "ctdna_fraction", "median_af", "n_detected", "n_clonal_detected"]


class InputError(Exception):
    pass


def read_gene_list(path):
    """Gene symbols (upper case) from the first column; `#` comments and a `gene` header skipped."""
    genes = set()
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            symbol = line.rstrip("\r\n").split("\t")[0].strip()
            if not symbol or symbol.startswith("#") or symbol.lower() in ("gene", "hugo_symbol"):
                continue
            genes.add(symbol.upper())
    return genes


def open_text(path):
    """A text stream of a plain or gzip/BGZF file, told apart by the magic bytes."""
    with open(path, "rb") as handle:
        magic = handle.read(2)
    if magic == b"\x1f\x8b":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8")
    return open(path, encoding="utf-8")


def is_missing(text):
    return text is None or text.strip().lower() in MISSING


def read_variants(path, sample=None):
    """One sample's table: key (chrom, pos, ref, alt) -> row dict; the first row of a key wins."""
    rows = {}
    with open_text(path) as handle:
        lines = (line.rstrip("\r\n") for line in handle)
        header = None
        for number, line in enumerate(lines, start=1):
            if header is None:
                if line.startswith("#") or not line.strip():
                    continue
                header = [c.strip().lower() for c in line.split("\t")]
                continue
            if not line.strip():
                continue
            cells = line.split("\t")
            r = dict(zip(header, cells))
            if sample is not None and r.get("tumor_sample_barcode", "") != sample:
                continue
            chrom = r["chromosome"]
            if chrom.lower().startswith("chr"):
                chrom = chrom[3:]
            ref = r["reference_allele"]
            alt = r["tumor_seq_allele2"]
            if alt == ref:
                alt = r.get("tumor_seq_allele1", alt)
            if ref != "-" and alt != "-" and (ref[0] == alt[0] or ref[-1] == alt[-1]):
                # the series data is written in minimal MAF form; trimming is not implemented here
                raise InputError(f"{path}:{number}: alleles {ref}/{alt} are not in minimal form")
            key = (chrom, int(r["start_position"]), ref, alt)
            if key in rows:
                continue
            alt_count = None if is_missing(r.get("t_alt_count")) else int(r["t_alt_count"])
            if not is_missing(r.get("t_ref_count")):
                ref_count = int(r["t_ref_count"])
            elif not is_missing(r.get("t_depth")) and alt_count is not None:
                ref_count = int(r["t_depth"]) - alt_count
            else:
                ref_count = None
            if alt_count is None or ref_count is None:
                raise InputError(f"{path}:{number}: no alt/ref counts")
            rows[key] = dict(gene=r.get("hugo_symbol", ""), alt=alt_count, ref=ref_count,
                             oncogenic=r.get("oncogenic", ""), hotspot=r.get("is-a-hotspot", ""),
                             whitelist=r.get("hotspot_whitelist", ""), called=r.get("called"))
    return rows


def allele_fraction(row):
    """METHOD.md 2: None without coverage; alt below the minimum counts as 0; absent row -> 0."""
    if row is None:
        return 0.0
    if row["alt"] + row["ref"] == 0:
        return None
    alt = row["alt"] if row["alt"] >= MIN_ALT_READS else 0
    return alt / (alt + row["ref"]) if alt else 0.0


def chrom_rank(chrom):
    if chrom.isdigit() and 1 <= int(chrom) <= 22:
        return (int(chrom), "")
    return ({"X": 23, "Y": 24, "M": 25, "MT": 25}.get(chrom.upper(), 26), chrom)


def key_order(key):
    return (chrom_rank(key[0]), key[1], key[2], key[3])


def geometric_mean(values):
    """Over the non-zero values, logs summed in the given (key) order; one value as it is."""
    positive = [v for v in values if v > 0]
    if not positive:
        return 0.0
    if len(positive) == 1:
        return positive[0]
    total = 0.0
    for v in positive:
        total += math.log(v)
    return math.exp(total / len(positive))


def median(values):
    ordered = sorted(values)
    n = len(ordered)
    if n % 2:
        return ordered[n // 2]
    return (ordered[n // 2 - 1] + ordered[n // 2]) / 2


def covered(values):
    return [v for v in values if v is not None]


def order_samples(samples, restriction):
    """METHOD.md 3.10: by day when all have one, else the user's order, else baseline first."""
    if all(s["day"] is not None for s in samples):
        return sorted(samples, key=lambda s: s["day"])  # stable: equal days keep sheet order
    if restriction:
        return sorted(samples, key=lambda s: restriction.index(s["timepoint"]))
    return ([s for s in samples if s["timepoint"].lower() == "baseline"] +
            [s for s in samples if s["timepoint"].lower() != "baseline"])


def is_driver(rows):
    for r in rows:
        if r["hotspot"].strip().upper() == "Y" or r["whitelist"].strip().upper() == "TRUE":
            return True
        if r["oncogenic"].strip().lower() == "oncogenic":
            return True
    return False


def somatic_set(tables, normal, ch_genes):
    """Steps 1-2: the members of S in key order, each with its AF per timepoint (list by order)."""
    keys = sorted(set().union(*tables), key=key_order)
    somatic = []
    for key in keys:
        rows = [t.get(key) for t in tables]
        afs = [allele_fraction(r) for r in rows]
        present = [r for r in rows if r is not None]
        if not any((a or 0) > 0 for a in afs):
            continue
        calls = [r["called"] for r in present if not is_missing(r["called"])]
        if calls and not any(c.strip().lower() in CALLED for c in calls):
            continue
        gene = next((r["gene"] for r in present if r["gene"]), "")
        if gene.upper() in ch_genes:
            continue
        if normal is not None:
            normal_af = allele_fraction(normal.get(key))  # absent from the normal: 0, never dropped
            if normal_af is not None and normal_af > 0 and max(covered(afs)) < NORMAL_RATIO * normal_af:
                continue
        if gene.upper().startswith("LOC"):
            continue
        somatic.append(dict(key=key, af=afs, driver=is_driver(present),
                            oncogenic=any(r["oncogenic"].strip().lower() == "oncogenic" for r in present)))
    return somatic


def tie_break(drivers):
    """Step 4's refinement for a two-timepoint series: 0 or 1 (the reference), or None."""
    enough = any(sum(1 for m in drivers if (m["af"][t] or 0) > 0) >= 2 for t in (0, 1))
    changes = [m["af"][1] - m["af"][0] for m in drivers if None not in m["af"]]
    crossing = any(c > 0 for c in changes) and any(c < 0 for c in changes)
    if not (enough and crossing and abs(sum(changes)) < TIE_BREAK):
        return None
    oncogenic = [m for m in drivers if m["oncogenic"]]
    top = [max(covered(m["af"][t] for m in oncogenic), default=0.0) for t in (0, 1)]
    return 1 if top[1] > top[0] else 0


def analyse(samples, tables, normal, ch_genes):
    """Rows (dicts) for one patient's ordered series."""
    n = len(samples)
    somatic = somatic_set(tables, normal, ch_genes)
    rows = []
    if not somatic:
        for i, s in enumerate(samples):
            rows.append(dict(timepoint=s["timepoint"], order=i + 1, status="not_detected",
                             reference_timepoint=None, n_after_filters=0, n_clonal=0,
                             ctdna_fraction=0.0, median_af=0.0, n_detected=0, n_clonal_detected=0))
        return rows
    drivers = [m for m in somatic if m["driver"]]
    reference = tie_break(drivers) if n == 2 and drivers else None
    if reference is None:
        basis = drivers or somatic
        means = [geometric_mean(covered(m["af"][t] for m in basis)) for t in range(n)]
        reference = 0
        for t in range(1, n):
            if means[t] > means[reference]:
                reference = t
    top = max(covered(m["af"][reference] for m in somatic))
    clonal = [m for m in somatic if m["af"][reference] is not None and m["af"][reference] > 0
              and m["af"][reference] >= CLONAL_FRACTION * top]
    for t, s in enumerate(samples):
        c_values = covered(m["af"][t] for m in clonal)
        s_values = covered(m["af"][t] for m in somatic)
        rows.append(dict(
            timepoint=s["timepoint"], order=t + 1, status="paired" if n >= 2 else "single_sample",
            reference_timepoint=samples[reference]["timepoint"], n_after_filters=len(somatic),
            n_clonal=len(clonal),
            ctdna_fraction=2 * geometric_mean(c_values) if c_values else None,
            median_af=median(s_values) if s_values else None,
            n_detected=sum(1 for v in s_values if v > 0),
            n_clonal_detected=sum(1 for v in c_values if v > 0)))
    return rows


def fmt(value):
    if value is None:
        return "NA"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def read_sheet(path, restriction):
    """Samples grouped by patient in first-appearance order: {patient: [sample dict, ...]}."""
    with open(path, encoding="utf-8", newline="") as handle:
        text = handle.read()
    delimiter = "\t" if "\t" in text.splitlines()[0] else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [c.strip().lower() for c in next(reader)]
    patients = {}
    for number, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        r = dict(zip(header, (c.strip() for c in cells)))
        if restriction and r["timepoint"] not in restriction:
            continue
        day = r.get("day")
        try:
            day = None if is_missing(day) else float(day)
        except ValueError:
            raise InputError(f"{path}:{number}: day {day!r} is not a number")
        patients.setdefault(r["patient"], []).append(dict(
            timepoint=r["timepoint"], day=day, file=r["file"],
            sample=None if is_missing(r.get("sample")) else r["sample"],
            normal=None if is_missing(r.get("normal")) else r["normal"]))
    return patients


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("samplesheet")
    parser.add_argument("output", nargs="?", default="-")
    parser.add_argument("--timepoints", help="comma-separated labels: restrict to these, in this order")
    parser.add_argument("--ch-genes", default=os.path.join(here, "..", "..", "Sources", "BundledLists",
                                                           "Resources", "ch_genes.tsv"))
    args = parser.parse_args()
    restriction = [t.strip() for t in args.timepoints.split(",")] if args.timepoints else None
    ch_genes = read_gene_list(args.ch_genes)
    folder = os.path.dirname(os.path.abspath(args.samplesheet))
    try:
        patients = read_sheet(args.samplesheet, restriction)
        lines = ["\t".join(COLUMNS)]
        for patient, samples in patients.items():
            samples = order_samples(samples, restriction)
            tables = [read_variants(os.path.join(folder, s["file"]), s["sample"]) for s in samples]
            normal_file = next((s["normal"] for s in samples if s["normal"]), None)
            normal = read_variants(os.path.join(folder, normal_file)) if normal_file else None
            for row in analyse(samples, tables, normal, ch_genes):
                row["patient"] = patient
                lines.append("\t".join(fmt(row[c]) for c in COLUMNS))
    except InputError as error:
        sys.exit(f"serial_reference.py: {error}")
    text = "\n".join(lines) + "\n"
    if args.output == "-":
        sys.stdout.write(text)
    else:
        with open(args.output, "w") as handle:
            handle.write(text)


if __name__ == "__main__":
    main()
