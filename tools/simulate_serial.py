#!/usr/bin/env python3
"""Deterministic generator of ctdna's serial-sample data: a small SIMULATED cohort whose patients
were bled more than twice (baseline, week 8, sometimes week 16, and at progression), with planted
tumour-fraction trajectories and planted edge cases of METHOD.md sections 2, 3 and 3.10. No real
patient data.

Usage:
    python3 tools/simulate_serial.py [--seed N] [--out SampleData/serial]

Python 3 standard library only. The output is a pure function of the seed: every random number comes
from one `random.Random(seed)`, patients are written in a fixed order, and the gzip streams carry no
file name and mtime 0, so the .gz bytes are identical on every run (with the same zlib). The variant
catalogue, the MAF column layout, the read-count draws and the gzip writer are those of
tools/simulate_cohort.py (imported, one definition of each).

What it writes under OUT:
    maf/<patient>_<timepoint>.maf.gz   one genotyped MSK-ACCESS-style MAF per plasma sample
    maf/S05_normal.maf.gz              the one matched white-blood-cell normal
    samplesheet.tsv                    patient, timepoint, arm, cohort, file, normal, day, stage
    truth.tsv                          what was planted, one row per patient x timepoint (not read
                                       by ctdna)

Model, per patient (the plan is the PATIENTS table below; the seed only draws the noise):
  * a planted tumour fraction f at each timepoint (the trajectory);
  * clonal mutations with true AF = f/2 x c (c in [0.8, 1.2], fixed per mutation), subclonal ones at
    f/2 x s (s in [0.08, 0.2]), clonal-haematopoiesis (CH) mutations at a stable AF in [0.01, 0.03],
    `new` mutations (an acquired resistance clone) present only at the timepoints listed and absent
    from the other files, and `forced` rows whose alt and ref counts are written exactly as planned
    (the edge cases must not depend on the draw);
  * per row a depth in ~900-4200 and a binomial alt count with a 1e-4 per-read error rate; a mutation
    whose true AF is 0 at a timepoint (ctDNA cleared) is written with at most 1 alt read (error reads
    only: never a call that passes min_alt_reads 2); a row with 0-1 alt reads is left out of its file
    with probability 0.3 (absent = imputed zero), except forced rows;
  * days from randomisation: baseline 0, week8 52-60, week16 108-118, progression as planned.
"""
import argparse
import os
import random
import sys

sys.dont_write_bytecode = True  # no __pycache__ left in tools/
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import simulate_cohort as cohort  # noqa: E402  (the shared catalogue, MAF layout and draws)
from simulate_cohort import V  # noqa: E402

DEFAULT_SEED = 15  # issue 15; any seed gives the planted cases (they do not depend on the draw)

# An invented LOC gene on the panel's off-target region (dropped by METHOD.md 3.2's LOC rule).
LOC_VARIANT = V("LOC101927740", 101927740, "6", 31575210, 31575210, "G", "A", cohort.MS, "SNP",
                "c.412G>A", "p.Ala138Thr", "p.A138T", cohort.UNK, "N")

# One mutation of a planned patient: (variant, kind, detail). Kinds:
#   clonal / subclonal / ch: true AF from the trajectory (ch: stable), drawn counts;
#   new: like clonal, but only at the timepoints in detail (absent rows elsewhere);
#   forced: detail maps timepoint -> (alt, depth), or None for an absent row; "normal" -> (alt, depth).
C = cohort
PATIENTS = [
    # id, cohort, arm, stage, sheet order [(timepoint, day or None = drawn, "" = missing)],
    # planted tumour fraction per timepoint, role, mutations
    dict(id="S01", cohort="NSCLC", arm="SBRT", stage="IV",
         sheet=[("progression", 214), ("baseline", None), ("week8", None)],
         f=dict(baseline=0.04, week8=0.0, progression=0.12),
         role="clearance_then_rebound;reference_third;sheet_out_of_order",
         muts=[(C.KRAS_G12C, "clonal", None), (C.TP53_R273H, "clonal", None),
               (None, "subclonal", None)]),
    dict(id="S02", cohort="NSCLC", arm="SBRT", stage="III",
         sheet=[("baseline", None), ("week8", None), ("week16", None)],
         f=dict(baseline=0.12, week8=0.05, week16=0.015),
         role="steady_decline;no_progression_sample;ch_gene",
         muts=[(C.EGFR_L858R, "clonal", None), (C.TP53_R248W, "clonal", None),
               (None, "subclonal", None), (C.TET2_Q1034X, "ch", None)]),
    dict(id="S03", cohort="NSCLC", arm="SBRT", stage="III",
         sheet=[("baseline", None), ("week8", None), ("week16", None)],
         f=dict(baseline=0.02, week8=0.004, week16=0.0),
         role="decline_to_clearance",
         muts=[(C.BRAF_V600E, "clonal", None), (None, "subclonal", None)]),
    dict(id="S04", cohort="NSCLC", arm="SBRT", stage="IV",
         sheet=[("baseline", None), ("progression", 171)],
         f=dict(baseline=0.05, progression=0.09),
         role="missing_week8;ch_gene",
         muts=[(C.KRAS_G12D, "clonal", None), (C.KEAP1_G333C, "clonal", None),
               (C.DNMT3A_R882C, "ch", None)]),
    dict(id="S05", cohort="NSCLC", arm="SBRT", stage="IV",
         sheet=[("baseline", None), ("week8", None), ("progression", 236)],
         f=dict(baseline=0.03, week8=0.01, progression=0.1),
         role="matched_normal_highest_af_over_series",
         muts=[(C.KRAS_G12V, "clonal", None), (C.TP53_R175H, "clonal", None),
               # plasma AF 0.011, 0.025, 0.012 against a normal AF of 0.01: kept over the whole
               # series (highest 0.025 >= 2 x 0.01), dropped over baseline + progression (0.012)
               (C.CHEK2_R145W, "forced", {"baseline": (22, 2000), "week8": (50, 2000),
                                          "progression": (24, 2000), "normal": (20, 2000)})]),
    dict(id="S06", cohort="NSCLC", arm="SOC", stage="IV",
         sheet=[("week8", None), ("baseline", None), ("progression", 187)],
         f=dict(baseline=0.01, week8=0.03, progression=0.09),
         role="rising;reference_third;new_clone_at_progression;sheet_out_of_order",
         muts=[(C.EGFR_EX19, "clonal", None), (C.TP53_Y220C, "clonal", None),
               (C.EGFR_T790M, "new", ("progression",))]),
    dict(id="S07", cohort="NSCLC", arm="SOC", stage="III",
         sheet=[("baseline", None)],
         f=dict(baseline=0.03),
         role="single_sample_baseline",
         muts=[(C.KRAS_G12C, "clonal", None), (C.STK11_Q37X, "clonal", None)]),
    dict(id="S08", cohort="NSCLC", arm="SOC", stage="IV",
         sheet=[("baseline", None), ("week8", None), ("progression", 133)],
         f=dict(baseline=0.0, week8=0.0, progression=0.0),
         role="not_detected_ch_only",
         muts=[(C.DNMT3A_R882H, "ch", None)]),
    dict(id="S09", cohort="NSCLC", arm="SOC", stage="IV",
         sheet=[("baseline", None), ("week8", None), ("week16", 112), ("progression", 96)],
         f=dict(baseline=0.05, week8=0.03, progression=0.07, week16=0.1),
         role="progression_before_week16_by_day;reference_fourth",
         muts=[(C.KRAS_G12C, "clonal", None), (C.TP53_G245S, "clonal", None),
               (None, "subclonal", None)]),
    dict(id="S10", cohort="NSCLC", arm="SOC", stage="III",
         sheet=[("progression", 203), ("baseline", None), ("week8", "")],
         f=dict(baseline=0.06, week8=0.02, progression=0.04),
         role="day_missing_baseline_then_sheet_order;no_coverage",
         muts=[(C.BRAF_V600E, "clonal", None), (C.SMARCA4_FS, "clonal", None),
               # a subclonal passenger written with no reads at progression (alt + ref = 0)
               (V("NF1", 4763, "17", 29528450, 29528450, "G", "T", C.MS, "SNP", "c.2970G>T",
                  "p.Met990Ile", "p.M990I", C.UNK, "N"),
                "forced", {"baseline": (9, 2400), "week8": (3, 2100), "progression": (0, 0)})]),
    dict(id="S11", cohort="Breast", arm="SBRT", stage="IV",
         sheet=[("baseline", None), ("week8", None), ("progression", 265)],
         f=dict(baseline=0.06, week8=0.0, progression=0.03),
         role="clearance_then_rebound;reference_baseline;new_clone_at_progression",
         muts=[(C.PIK3CA_H1047R, "clonal", None), (C.GATA3_FS, "clonal", None),
               (C.ESR1_D538G, "new", ("progression",))]),
    dict(id="S12", cohort="Breast", arm="SBRT", stage="III",
         sheet=[("week16", None), ("baseline", None), ("progression", 301), ("week8", None)],
         f=dict(baseline=0.2, week8=0.08, week16=0.03, progression=0.05),
         role="decline_four_timepoints;sheet_out_of_order;ch_gene",
         muts=[(C.PIK3CA_E545K, "clonal", None), (C.TP53_R248Q, "clonal", None),
               (None, "subclonal", None), (None, "subclonal", None),
               (C.TET2_R1452X, "ch", None)]),
    dict(id="S13", cohort="Breast", arm="SBRT", stage="II",
         sheet=[("baseline", None), ("week8", None), ("progression", 240)],
         f=dict(baseline=0.04, week8=0.02, progression=0.05),
         role="one_alt_read_calls",
         muts=[(C.AKT1_E17K, "clonal", None), (C.CDH1_Q23X, "clonal", None),
               # 1 alt read at baseline, none later: never detected (min_alt_reads 2), not in union
               (V("APC", 324, "5", 112175211, 112175211, "C", "T", C.MS, "SNP", "c.3920C>T",
                  "p.Ser1307Phe", "p.S1307F", C.UNK, "N"),
                "forced", {"baseline": (1, 2300), "week8": (0, 2200), "progression": (0, 1900)}),
               # 1 alt read at baseline and at progression (AF 0 there), 6 at week 8 (kept in S)
               (V("ATM", 472, "11", 108175462, 108175462, "G", "A", C.MS, "SNP", "c.5071G>A",
                  "p.Val1691Ile", "p.V1691I", C.UNK, "N"),
                "forced", {"baseline": (1, 2500), "week8": (6, 2400), "progression": (1, 2000)})]),
    dict(id="S14", cohort="Breast", arm="SBRT", stage="IV",
         sheet=[("baseline", None), ("week8", None), ("progression", 199)],
         f=dict(baseline=0.1, week8=0.04, progression=0.08),
         role="only_clonal_mutation_uncovered_at_week8",
         muts=[(C.PIK3CA_H1047R, "forced", {"baseline": (110, 2200), "week8": (0, 0),
                                            "progression": (78, 1950)}),
               (None, "subclonal", None), (None, "subclonal", None)]),
    dict(id="S15", cohort="Breast", arm="SOC", stage="III",
         sheet=[("baseline", None), ("progression", 158)],
         f=dict(baseline=0.05, progression=0.05),
         role="two_timepoints_tie_break",
         # drivers' changes -0.004 and +0.0045 (sum 0.0005 < 0.01, crossing): the tie-break picks
         # baseline (highest Oncogenic AF 0.04 > 0.036) where the geometric means pick progression
         muts=[(C.PIK3CA_H1047R, "forced", {"baseline": (80, 2000), "progression": (72, 2000)}),
               (C.TP53_R175H, "forced", {"baseline": (20, 2000), "progression": (29, 2000)})]),
    dict(id="S16", cohort="Breast", arm="SOC", stage="IV",
         sheet=[("baseline", None), ("week8", None), ("progression", 176)],
         f=dict(baseline=0.05, week8=0.025, progression=0.05),
         role="tie_break_not_applied_three_timepoints;reference_third",
         # as S15 plus a week-8 sample: no tie-break over three timepoints (reference progression);
         # restricted to baseline,progression it is S15's case again (reference baseline)
         muts=[(C.PIK3CA_H1047R, "forced", {"baseline": (80, 2000), "week8": (40, 2000),
                                            "progression": (72, 2000)}),
               (C.TP53_R175H, "forced", {"baseline": (20, 2000), "week8": (10, 2000),
                                         "progression": (29, 2000)})]),
    dict(id="S17", cohort="Breast", arm="SOC", stage="IV",
         sheet=[("progression", 322), ("week16", None), ("week8", None), ("baseline", None)],
         f=dict(baseline=0.005, week8=0.01, week16=0.03, progression=0.1),
         role="rising_four_timepoints;sheet_reverse_order;reference_fourth",
         muts=[(C.ESR1_Y537S, "clonal", None), (C.PIK3CA_E542K, "clonal", None),
               (None, "subclonal", None)]),
    dict(id="S18", cohort="Breast", arm="SOC", stage="II",
         sheet=[("baseline", None), ("week8", None), ("progression", 282)],
         f=dict(baseline=0.03, week8=0.01, progression=0.02),
         role="loc_gene_and_ch_gene_filtered",
         muts=[(C.TP53_R273H, "clonal", None), (C.MAP3K1_FS, "clonal", None),
               (LOC_VARIANT, "forced", {"baseline": (44, 2100), "week8": (41, 2050),
                                        "progression": (47, 2200)}),
               (C.PPM1D_R458X, "ch", None)]),
    dict(id="S19", cohort="Breast", arm="SOC", stage="III",
         sheet=[("baseline", None), ("week8", None)],
         f=dict(baseline=0.05, week8=0.02),
         role="two_timepoints_baseline_week8",
         muts=[(C.ERBB2_L755S, "clonal", None), (C.TP53_R213X, "clonal", None)]),
    dict(id="S20", cohort="Breast", arm="SOC", stage="IV",
         sheet=[("progression", 143)],
         f=dict(progression=0.08),
         role="single_sample_progression",
         muts=[(C.PIK3CA_H1047R, "clonal", None), (C.ESR1_D538G, "clonal", None)]),
]

DAY_RANGES = {"baseline": (0, 0), "week8": (52, 60), "week16": (108, 118)}
CHRONOLOGICAL = ["baseline", "week8", "week16", "progression"]


class Mutation:
    """A planned mutation with its true AF per timepoint (or forced counts); `.v` as simulate_cohort."""
    def __init__(self, variant, kind, af, forced=None):
        self.v, self.kind, self.af, self.forced = variant, kind, af, forced or {}


def plan_mutations(rng, spec):
    """The patient's mutations in genomic order, each with its true AF at every sheet timepoint."""
    labels = [t for t, _ in spec["sheet"]]
    f = spec["f"]
    muts = []
    for variant, kind, detail in spec["muts"]:
        if kind == "forced":
            muts.append(Mutation(variant, kind, {}, detail))
            continue
        if variant is None:
            variant = cohort.passenger(rng)
        if kind in ("clonal", "new"):
            c = rng.uniform(0.8, 1.2)
            af = {t: min(0.95, f[t] / 2 * c) for t in labels}
            if kind == "new":
                af = {t: (af[t] if t in detail else None) for t in labels}
        elif kind == "subclonal":
            s = rng.uniform(0.08, 0.2)
            af = {t: f[t] / 2 * s for t in labels}
        else:  # ch: stable, whatever the tumour does
            a = rng.uniform(0.01, 0.03)
            af = {t: a * rng.uniform(0.9, 1.1) for t in labels}
        muts.append(Mutation(variant, kind, af))
    muts.sort(key=lambda m: (cohort.chrom_order(m.v["chrom"]), m.v["start"], m.v["ref"], m.v["alt"]))
    return muts


def draw_row(rng, m, timepoint):
    """(depth, alt) for one sample's row, or None when the row is absent from the file."""
    if m.kind == "forced":
        counts = m.forced.get(timepoint)
        if counts is None:
            return None
        alt, dp = counts
        return dp, alt
    true_af = m.af[timepoint]
    if true_af is None:
        return None  # a new clone, not yet there: the row is absent
    dp = cohort.depth(rng)
    alt = cohort.binomial(rng, dp, true_af * (1 - cohort.ERROR_RATE) + cohort.ERROR_RATE)
    if true_af == 0:
        alt = min(alt, 1)  # cleared: error reads only, never a call
    if alt <= 1 and rng.random() < 0.3:
        return None
    return dp, alt


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", default=os.path.join("SampleData", "serial"))
    args = parser.parse_args()
    rng = random.Random(args.seed)

    maf_dir = os.path.join(args.out, "maf")
    os.makedirs(maf_dir, exist_ok=True)
    sheet = ["patient\ttimepoint\tarm\tcohort\tfile\tnormal\tday\tstage"]
    truth = ["patient\ttimepoint\tday\tcohort\tarm\trole\tplanted_tumour_fraction\tmutations"]
    for spec in PATIENTS:
        patient = spec["id"]
        muts = plan_mutations(rng, spec)
        base_code = cohort.barcode(rng)
        days = {}
        for t, day in spec["sheet"]:
            if day is None:
                lo, hi = DAY_RANGES[t]
                day = rng.randint(lo, hi)
            days[t] = day
        chronological = sorted((t for t, _ in spec["sheet"]), key=CHRONOLOGICAL.index)

        normal_counts, normal_name = {}, ""
        if any("normal" in m.forced for m in muts):
            normal_barcode = f"{base_code}-N001-d"
            normal_name = f"maf/{patient}_normal.maf.gz"
            rows = []
            for m in muts:
                if "normal" in m.forced:
                    alt, dp = m.forced["normal"]
                else:
                    dp = cohort.depth(rng)
                    alt = cohort.binomial(rng, dp, cohort.ERROR_RATE)
                normal_counts[cohort.key(m.v)] = (dp, dp - alt, alt)
                rows.append(cohort.row(m, normal_barcode, "", dp, alt, None))
            cohort.write_maf(os.path.join(args.out, normal_name), rows)
        else:
            normal_barcode = ""

        for t, _ in spec["sheet"]:
            sample = f"{base_code}-L{chronological.index(t) + 1:03d}-d"
            rows, described = [], []
            for m in muts:
                drawn = draw_row(rng, m, t)
                name = f"{m.v['gene']}:{m.v['short']}:{m.kind}"
                if drawn is None:
                    described.append(f"{name}:absent")
                    continue
                dp, alt = drawn
                rows.append(cohort.row(m, sample, normal_barcode, dp, alt,
                                       normal_counts.get(cohort.key(m.v))))
                true_af = m.af.get(t)
                described.append(f"{name}:{alt}/{dp}" if true_af is None else
                                 f"{name}:{alt}/{dp}:true_af={true_af:.5f}")
            name = f"maf/{patient}_{t}.maf.gz"
            cohort.write_maf(os.path.join(args.out, name), rows)
            day = "" if days[t] == "" else str(days[t])
            sheet.append("\t".join([patient, t, spec["arm"], spec["cohort"], name, normal_name,
                                    day, spec["stage"]]))
            truth.append("\t".join([patient, t, day or "NA", spec["cohort"], spec["arm"],
                                    spec["role"], repr(spec["f"][t]), ",".join(described)]))

    with open(os.path.join(args.out, "samplesheet.tsv"), "w") as handle:
        handle.write("\n".join(sheet) + "\n")
    with open(os.path.join(args.out, "truth.tsv"), "w") as handle:
        handle.write("\n".join(truth) + "\n")
    print(f"wrote {len(PATIENTS)} patients, {len(sheet) - 1} samples to {args.out} (seed {args.seed})")


if __name__ == "__main__":
    main()
