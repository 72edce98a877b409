#!/usr/bin/env python3
"""Deterministic generator of SampleData's SIMULATED tissue copy numbers, for ctdna's
tumour-informed mode (METHOD.md 3.9, docs/method.md section 9). No real patient data.

Usage:
    python3 tools/simulate_tissue.py [--seed N] [--data SampleData]

Reads DATA/truth.tsv and DATA/maf/*_{baseline,followup}.maf.gz (the cohort tools/simulate_cohort.py made, to
find each planted mutation's key) and writes

    DATA/tissue/tissue.maf     a facets-suite-style annotated tissue MAF of 40 patients (23 breast,
                               17 NSCLC, as in the paper): the MAF key columns, tissue counts,
                               patient, purity, tcn, lcn, expected_alt_copies, clonality
    DATA/tissue/purity.tsv     per-patient purities (patient, purity) for the rows without one

Python 3 standard library only; the output is a pure function of the seed and the cohort.

Model, per tissue patient (a tissue sample `C-XXXXXX-T01-IM6` at purity P in 0.30-0.80):
  * each planted clonal mutation gets a row marked CLONAL with a copy state (tcn, lcn) whose mutant
    copy number is 1, the state the plasma was simulated in (AF = f/2): (2, 1) mostly, else (1, 0),
    or (3, 1) with the mutation on the minor allele; so the tumour-informed fraction is close to the
    planted tumour fraction f. A planted LOH mutation (P030's TP53, AF ~ f) gets (2, 0), m = 2,
    which brings its fraction from ~1.2 (plasma only, flagged above 1) back to ~0.6;
  * tissue counts: depth 400-900, alt ~ Binomial(depth, P m / (P tcn + 2 (1 - P)));
  * about half of the planted subclonal mutations get a row marked SUBCLONAL (not used);
  * some patients have a clonal tissue mutation the plasma lacks (a gene outside the plasma panel);
  * showcases of the rule's other steps, each on one patient (listed in SampleData/README.md):
    P013's EGFR exon 19 deletion is amplified, (4, 1) with m = 3 (the nearer of M = 3 and lcn = 1
    to the tissue's mutant copies), so its tumour-informed fraction is below the plasma-only one;
    P022's TP53 R248Q is (3, 1) at P = 0.5 with 30 of 100 tissue reads: t = 1.5 exactly, a tie,
    m = lcn = 1; P025's PIK3CA E545K has expected_alt_copies 1 (facets-suite); P033's KEAP1 has no
    tcn (no segment), so it gives no p; P002 and P045 have a second, lower-purity tissue sample
    (the higher-purity row is used); P007's rows carry no purity (it is in purity.tsv); P009 (CH
    only in plasma) and P014 (its TP53 seen with 0-1 reads) have tissue mutations not in plasma.
"""
import argparse
import gzip
import os
import random

PATIENT_COLUMNS = ["Hugo_Symbol", "Chromosome", "Start_Position", "Reference_Allele", "Tumor_Seq_Allele1",
                   "Tumor_Seq_Allele2", "Tumor_Sample_Barcode", "NCBI_Build", "HGVSp_Short", "t_ref_count",
                   "t_alt_count", "patient", "purity", "tcn", "lcn", "expected_alt_copies", "clonality"]


def binomial(rng, n, p):
    return sum(1 for _ in range(n) if rng.random() < p)


def maf_keys(path):
    """gene:protein -> (chrom, pos, ref, alt1, alt2) of one plasma MAF (every planted mutation of a
    patient is written in both of its files, unless seen with 0-1 reads)."""
    keys = {}
    with gzip.open(path, "rt") as handle:
        header = None
        for line in handle:
            if line.startswith("#"):
                continue
            cells = line.rstrip("\n").split("\t")
            if header is None:
                header = cells
                continue
            r = dict(zip(header, cells))
            keys[r["Hugo_Symbol"] + ":" + r["HGVSp_Short"]] = (
                r["Chromosome"], r["Start_Position"], r["Reference_Allele"], r["Tumor_Seq_Allele1"], r["Tumor_Seq_Allele2"])
    return keys


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=40)
    parser.add_argument("--data", default="SampleData")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    truth = []
    with open(os.path.join(args.data, "truth.tsv")) as handle:
        header = handle.readline().rstrip("\n").split("\t")
        for line in handle:
            truth.append(dict(zip(header, line.rstrip("\n").split("\t"))))
    # 40 patients as in the paper (23 breast, 17 NSCLC); the showcases always among them.
    showcase = {"P002", "P007", "P009", "P013", "P014", "P022", "P025", "P030", "P033", "P045"}
    chosen = set()
    for cohort, count in (("Breast", 23), ("NSCLC", 17)):
        members = [t["patient"] for t in truth if t["cohort"] == cohort]
        fixed = [p for p in members if p in showcase]
        others = [p for p in members if p not in showcase]
        chosen.update(fixed + rng.sample(others, count - len(fixed)))
    # Every planted key by gene:protein, over the whole cohort: a mutation seen with 0-1 reads may
    # be missing from its own patient's files (P014's are empty), hotspots sit at one position.
    cohort_keys = {}
    for name in sorted(os.listdir(os.path.join(args.data, "maf"))):
        if not name.endswith("_normal.maf.gz"):
            cohort_keys.update(maf_keys(os.path.join(args.data, "maf", name)))
    rows = []
    purities = {}
    for t in truth:
        patient = t["patient"]
        if patient not in chosen:
            continue
        keys = dict(cohort_keys)
        for timepoint in ("baseline", "followup"):
            path = os.path.join(args.data, "maf", f"{patient}_{timepoint}.maf.gz")
            if os.path.exists(path):
                keys.update(maf_keys(path))
        barcode = "C-" + "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(6))
        purity = round(rng.uniform(0.3, 0.8), 2)
        if patient == "P022":
            purity = 0.5  # the tie: t = 0.3 x (3 x 0.5 + 2 x 0.5) / 0.5 = 1.5
        samples = [(barcode + "-T01-IM6", purity)]
        if patient in ("P002", "P045"):
            samples.append((barcode + "-T02-IM6", round(purity * 0.6, 2)))

        def row(mutation, sample, p, tcn, lcn, m, clonality, expected="NA", counts=None, write_purity=True):
            if mutation not in keys:
                return  # a passenger seen with 0-1 reads in no plasma file: its key is unknown
            chrom, pos, ref, alt1, alt2 = keys[mutation]
            if counts is None:
                depth = rng.randint(400, 900)
                vaf = p * m / (p * tcn + 2 * (1 - p)) if tcn is not None else 0.3
                alt = binomial(rng, depth, vaf)
                counts = (depth - alt, alt)
            rows.append([mutation.split(":")[0], chrom, pos, ref, alt1, alt2, sample, "GRCh37", mutation.split(":")[1],
                         str(counts[0]), str(counts[1]), patient, str(p) if write_purity else "NA",
                         "NA" if tcn is None else str(tcn), "NA" if lcn is None else str(lcn), expected, clonality])

        mutations = [m.rsplit(":", 1) for m in t["mutations"].split(",")]
        for index, (sample, p) in enumerate(samples):
            write_purity = patient != "P007"
            if not write_purity:
                purities[patient] = p
            for mutation, kind in mutations:
                if kind in ("clonal", "clonal_loh", "low_reads"):
                    if kind == "clonal_loh":
                        row(mutation, sample, p, 2, 0, 2, "CLONAL")
                    elif patient == "P013" and mutation.startswith("EGFR"):
                        row(mutation, sample, p, 4, 1, 3, "CLONAL")
                    elif patient == "P022" and mutation == "TP53:p.R248Q":
                        row(mutation, sample, p, 3, 1, 1, "CLONAL", counts=(70, 30))
                    elif patient == "P025" and mutation.startswith("PIK3CA"):
                        row(mutation, sample, p, 3, 1, 1, "CLONAL", expected="1")
                    elif patient == "P033" and mutation.startswith("KEAP1"):
                        row(mutation, sample, p, None, None, 1, "CLONAL")
                    elif index == 1:
                        row(mutation, sample, p, 3, 1, 2, "CLONAL")  # the lower-purity sample: another state
                    else:
                        state = rng.choices([(2, 1), (1, 0), (3, 1)], weights=[6, 2, 2])[0]
                        row(mutation, sample, p, state[0], state[1], 1, "CLONAL", write_purity=write_purity)
                elif kind == "subclonal" and rng.random() < 0.5:
                    row(mutation, sample, p, 2, 1, 1, "SUBCLONAL", write_purity=write_purity)
            if index == 0 and (patient == "P009" or rng.random() < 0.3):
                # a clonal tissue mutation outside the plasma panel (invented position, not checked)
                keys["FAT1:p.Q4310*"] = ("4", str(187500000 + rng.randint(0, 99999)), "G", "G", "A")
                row("FAT1:p.Q4310*", sample, p, 2, 1, 1, "CLONAL", write_purity=write_purity)
    folder = os.path.join(args.data, "tissue")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "tissue.maf"), "w") as handle:
        handle.write("#version 2.4\n#SIMULATED tissue copy numbers (tools/simulate_tissue.py), not patient data\n")
        handle.write("\t".join(PATIENT_COLUMNS) + "\n")
        for r in rows:
            handle.write("\t".join(r) + "\n")
    with open(os.path.join(folder, "purity.tsv"), "w") as handle:
        handle.write("patient\tpurity\n")
        for patient in sorted(purities):
            handle.write(f"{patient}\t{purities[patient]}\n")


if __name__ == "__main__":
    main()
