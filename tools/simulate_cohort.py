#!/usr/bin/env python3
"""Deterministic generator of ctdna's sample data: a SIMULATED cfDNA cohort shaped like the paired
subset of the CURB trial (Tsai et al., Lancet 2024): 26 breast and 32 NSCLC patients with plasma at
baseline and at the 8-week follow-up, randomised to SBRT plus standard of care (`SBRT`) or standard
of care alone (`SOC`), plus one patient without a follow-up sample. No real patient data.

Usage:
    python3 tools/simulate_cohort.py [--seed N] [--out SampleData]

Python 3 standard library only. The output is a pure function of the seed: every random number comes
from one `random.Random(seed)`, files are written in a fixed order, and the gzip streams carry no
file name and mtime 0, so the .gz bytes are identical on every run (with the same zlib).

What it writes under OUT:
    maf/<patient>_<timepoint>.maf.gz   one genotyped MSK-ACCESS-style MAF per plasma sample
    maf/<patient>_normal.maf.gz        a matched white-blood-cell normal, for a few patients
    samplesheet.tsv                    patient, timepoint, arm, cohort, file, normal, day, pfs_days,
                                       pfs_event
    truth.tsv                          the planted values and roles per patient (not read by ctdna)

Model, per patient:
  * a baseline tumour fraction f0 drawn log-uniform in [0.002, 0.2] and a follow-up fraction
    f1 = f0 x r, where r carries the planted pattern: NSCLC SBRT mostly falls strongly
    (r log-uniform in [0.1, 0.5] for 11 of 16 patients, [0.8, 2.5] for the rest); NSCLC SOC and
    both breast arms mixed (r log-uniform in [0.3, 3]);
  * 1-3 clonal mutations with true AF = f/2 x c (c in [0.75, 1.25], fixed per mutation; drivers
    from cohort-specific hotspot lists, about a quarter of the patients with non-driver clonal
    mutations only), 0-3 subclonal ones at 0.05-0.25 of the clonal AF, and in about a third of the
    patients 1-2 clonal-haematopoiesis (CH) mutations (DNMT3A, TET2, ASXL1, PPM1D) at AF
    0.005-0.05, stable across timepoints;
  * per row a depth drawn in ~1000-4000 and an alt count drawn binomially (own inversion /
    sum-of-Bernoulli draw, deterministic) with a small sequencing-error rate; every mutation of the
    patient is genotyped in both files (rows with 0 alt reads are kept), except that a row with 0-1
    alt reads is left out of that timepoint's file with probability 0.3;
  * count columns: t_ref_count / t_alt_count equal the `_fragment_simplex_duplex` counts (choice:
    equal, so that either count column gives the same AFs); t_depth = ref + alt.

Planted special patients (the roles are listed in truth.tsv and SampleData/README.md):
  * not_detected: two NSCLC SOC, two breast SBRT, one breast SOC: only CH mutations and/or mutations
    seen with 0 or 1 alt reads;
  * matched normal: one per cohort and arm; each carries a CH-like variant in a gene that is NOT on
    the CH gene list (TP53 or CHEK2) whose normal AF makes it fail the 2:1 rule;
  * fraction above 1: one breast SOC patient with a clonal TP53 mutation at AF ~0.6 (LOH);
  * missing follow-up: the last patient (NSCLC SOC), baseline only.
"""
import argparse
import gzip
import math
import os
import random

DEFAULT_SEED = 28  # chosen with tools/check_pattern.py (see SampleData/README.md)
STRONG_FALLS = 11  # of the 16 NSCLC SBRT patients

# ---------------------------------------------------------------------------------------------
# Variant catalogue (GRCh37). (gene, entrez, chrom, start, end, ref, alt, class, type, HGVSc,
# HGVSp, HGVSp_Short, ONCOGENIC, IS-A-HOTSPOT, dbSNP)
# ---------------------------------------------------------------------------------------------
def V(gene, entrez, chrom, start, end, ref, alt, vclass, vtype, hgvsc, hgvsp, short, onc, hot, rs=""):
    return dict(gene=gene, entrez=entrez, chrom=chrom, start=start, end=end, ref=ref, alt=alt,
                vclass=vclass, vtype=vtype, hgvsc=hgvsc, hgvsp=hgvsp, short=short, onc=onc,
                hot=hot, rs=rs)

ONC, LONC, UNK = "Oncogenic", "Likely Oncogenic", "Unknown"
MS, NS, FS_DEL, FS_INS, IF_DEL = ("Missense_Mutation", "Nonsense_Mutation", "Frame_Shift_Del",
                                  "Frame_Shift_Ins", "In_Frame_Del")

KRAS_G12C = V("KRAS", 3845, "12", 25398285, 25398285, "C", "A", MS, "SNP", "c.34G>T", "p.Gly12Cys", "p.G12C", ONC, "Y", "rs121913530")
KRAS_G12V = V("KRAS", 3845, "12", 25398284, 25398284, "C", "A", MS, "SNP", "c.35G>T", "p.Gly12Val", "p.G12V", ONC, "Y", "rs121913529")
KRAS_G12D = V("KRAS", 3845, "12", 25398284, 25398284, "C", "T", MS, "SNP", "c.35G>A", "p.Gly12Asp", "p.G12D", ONC, "Y", "rs121913529")
EGFR_L858R = V("EGFR", 1956, "7", 55259515, 55259515, "T", "G", MS, "SNP", "c.2573T>G", "p.Leu858Arg", "p.L858R", ONC, "Y", "rs121434568")
EGFR_EX19 = V("EGFR", 1956, "7", 55242465, 55242479, "GGAATTAAGAGAAGC", "-", IF_DEL, "DEL", "c.2235_2249del", "p.Glu746_Ala750del", "p.E746_A750del", ONC, "Y")
EGFR_T790M = V("EGFR", 1956, "7", 55249071, 55249071, "C", "T", MS, "SNP", "c.2369C>T", "p.Thr790Met", "p.T790M", ONC, "Y", "rs121434569")
BRAF_V600E = V("BRAF", 673, "7", 140453136, 140453136, "A", "T", MS, "SNP", "c.1799T>A", "p.Val600Glu", "p.V600E", ONC, "Y", "rs113488022")
PIK3CA_H1047R = V("PIK3CA", 5290, "3", 178952085, 178952085, "A", "G", MS, "SNP", "c.3140A>G", "p.His1047Arg", "p.H1047R", ONC, "Y", "rs121913279")
PIK3CA_E545K = V("PIK3CA", 5290, "3", 178936091, 178936091, "G", "A", MS, "SNP", "c.1633G>A", "p.Glu545Lys", "p.E545K", ONC, "Y", "rs104886003")
PIK3CA_E542K = V("PIK3CA", 5290, "3", 178936082, 178936082, "G", "A", MS, "SNP", "c.1624G>A", "p.Glu542Lys", "p.E542K", ONC, "Y", "rs121913273")
ESR1_D538G = V("ESR1", 2099, "6", 152419923, 152419923, "A", "G", MS, "SNP", "c.1613A>G", "p.Asp538Gly", "p.D538G", ONC, "Y")
ESR1_Y537S = V("ESR1", 2099, "6", 152419920, 152419920, "A", "C", MS, "SNP", "c.1610A>C", "p.Tyr537Ser", "p.Y537S", ONC, "Y")
AKT1_E17K = V("AKT1", 207, "14", 105246551, 105246551, "C", "T", MS, "SNP", "c.49G>A", "p.Glu17Lys", "p.E17K", ONC, "Y", "rs121434592")
TP53_R175H = V("TP53", 7157, "17", 7578406, 7578406, "C", "T", MS, "SNP", "c.524G>A", "p.Arg175His", "p.R175H", ONC, "Y", "rs28934578")
TP53_R248Q = V("TP53", 7157, "17", 7577538, 7577538, "C", "T", MS, "SNP", "c.743G>A", "p.Arg248Gln", "p.R248Q", ONC, "Y", "rs11540652")
TP53_R248W = V("TP53", 7157, "17", 7577539, 7577539, "G", "A", MS, "SNP", "c.742C>T", "p.Arg248Trp", "p.R248W", ONC, "Y", "rs121912651")
TP53_R273H = V("TP53", 7157, "17", 7577120, 7577120, "C", "T", MS, "SNP", "c.818G>A", "p.Arg273His", "p.R273H", ONC, "Y", "rs28934576")
TP53_R273C = V("TP53", 7157, "17", 7577121, 7577121, "G", "A", MS, "SNP", "c.817C>T", "p.Arg273Cys", "p.R273C", ONC, "Y", "rs121913343")
TP53_Y220C = V("TP53", 7157, "17", 7578190, 7578190, "T", "C", MS, "SNP", "c.659A>G", "p.Tyr220Cys", "p.Y220C", ONC, "Y", "rs121912666")
TP53_G245S = V("TP53", 7157, "17", 7577548, 7577548, "C", "T", MS, "SNP", "c.733G>A", "p.Gly245Ser", "p.G245S", ONC, "Y", "rs28934575")
TP53_R282W = V("TP53", 7157, "17", 7577094, 7577094, "G", "A", MS, "SNP", "c.844C>T", "p.Arg282Trp", "p.R282W", ONC, "Y", "rs28934574")
TP53_R213X = V("TP53", 7157, "17", 7578212, 7578212, "G", "A", NS, "SNP", "c.637C>T", "p.Arg213Ter", "p.R213*", LONC, "N", "rs397516436")
STK11_Q37X = V("STK11", 6794, "19", 1207021, 1207021, "C", "T", NS, "SNP", "c.109C>T", "p.Gln37Ter", "p.Q37*", LONC, "N")
STK11_FS = V("STK11", 6794, "19", 1220489, 1220489, "G", "-", FS_DEL, "DEL", "c.842delC", "p.Pro281LeufsTer6", "p.P281Lfs*6", LONC, "N")
KEAP1_G333C = V("KEAP1", 9817, "19", 10602566, 10602566, "C", "A", MS, "SNP", "c.997G>T", "p.Gly333Cys", "p.G333C", LONC, "N")
KEAP1_R470C = V("KEAP1", 9817, "19", 10600442, 10600442, "G", "A", MS, "SNP", "c.1408C>T", "p.Arg470Cys", "p.R470C", LONC, "N")
SMARCA4_FS = V("SMARCA4", 6597, "19", 11113725, 11113725, "-", "C", FS_INS, "INS", "c.1711dupC", "p.Gln571ProfsTer12", "p.Q571Pfs*12", LONC, "N")
GATA3_FS = V("GATA3", 2625, "10", 8115874, 8115875, "-", "G", FS_INS, "INS", "c.1006dupG", "p.Asp336GlyfsTer17", "p.D336Gfs*17", LONC, "N")
CDH1_Q23X = V("CDH1", 999, "16", 68772264, 68772264, "C", "T", NS, "SNP", "c.67C>T", "p.Gln23Ter", "p.Q23*", LONC, "N")
MAP3K1_FS = V("MAP3K1", 4214, "5", 56177843, 56177844, "AG", "-", FS_DEL, "DEL", "c.2815_2816delAG", "p.Ser939TrpfsTer6", "p.S939Wfs*6", LONC, "N")
ERBB2_L755S = V("ERBB2", 2064, "17", 37880220, 37880220, "T", "C", MS, "SNP", "c.2264T>C", "p.Leu755Ser", "p.L755S", ONC, "Y", "rs121913470")
ARID1A_FS = V("ARID1A", 8289, "1", 27100182, 27100182, "C", "-", FS_DEL, "DEL", "c.4635delC", "p.Gln1546ArgfsTer27", "p.Q1546Rfs*27", LONC, "N")
# CH genes (on ctdna's bundled CH list)
DNMT3A_R882H = V("DNMT3A", 1788, "2", 25457242, 25457242, "C", "T", MS, "SNP", "c.2645G>A", "p.Arg882His", "p.R882H", ONC, "Y", "rs147001633")
DNMT3A_R882C = V("DNMT3A", 1788, "2", 25457243, 25457243, "G", "A", MS, "SNP", "c.2644C>T", "p.Arg882Cys", "p.R882C", ONC, "Y", "rs377577594")
DNMT3A_W297X = V("DNMT3A", 1788, "2", 25469502, 25469502, "C", "T", NS, "SNP", "c.891G>A", "p.Trp297Ter", "p.W297*", LONC, "N")
DNMT3A_Y735C = V("DNMT3A", 1788, "2", 25463289, 25463289, "T", "C", MS, "SNP", "c.2204A>G", "p.Tyr735Cys", "p.Y735C", LONC, "N")
TET2_Q1034X = V("TET2", 54790, "4", 106157199, 106157199, "C", "T", NS, "SNP", "c.3100C>T", "p.Gln1034Ter", "p.Q1034*", LONC, "N")
TET2_R1452X = V("TET2", 54790, "4", 106190830, 106190830, "C", "T", NS, "SNP", "c.4354C>T", "p.Arg1452Ter", "p.R1452*", LONC, "N")
TET2_FS = V("TET2", 54790, "4", 106156747, 106156748, "-", "A", FS_INS, "INS", "c.2648dupA", "p.Asn883LysfsTer2", "p.N883Kfs*2", LONC, "N")
ASXL1_G646FS = V("ASXL1", 171023, "20", 31022441, 31022442, "-", "G", FS_INS, "INS", "c.1934dupG", "p.Gly646TrpfsTer12", "p.G646Wfs*12", LONC, "N")
PPM1D_FS = V("PPM1D", 8493, "17", 58740749, 58740750, "TG", "-", FS_DEL, "DEL", "c.1451_1452delTG", "p.Leu484ArgfsTer4", "p.L484Rfs*4", LONC, "N")
PPM1D_R458X = V("PPM1D", 8493, "17", 58740670, 58740670, "C", "T", NS, "SNP", "c.1372C>T", "p.Arg458Ter", "p.R458*", LONC, "N")
# CH-like variants in genes that are NOT on the CH gene list (dropped only through a matched normal)
CHEK2_R145W = V("CHEK2", 11200, "22", 29091857, 29091857, "G", "A", MS, "SNP", "c.433C>T", "p.Arg145Trp", "p.R145W", UNK, "N", "rs137853007")
CHEK2_T367FS = V("CHEK2", 11200, "22", 29091207, 29091207, "G", "-", FS_DEL, "DEL", "c.1100delC", "p.Thr367MetfsTer15", "p.T367Mfs*15", LONC, "N", "rs555607708")

NSCLC_DRIVERS = [KRAS_G12C, KRAS_G12C, KRAS_G12V, KRAS_G12D, EGFR_L858R, EGFR_EX19, BRAF_V600E,
                 TP53_R273H, TP53_R175H, TP53_R248W, TP53_G245S, PIK3CA_E545K]
NSCLC_COMUT = [TP53_R273C, TP53_Y220C, TP53_R282W, TP53_R213X, STK11_Q37X, STK11_FS, KEAP1_G333C,
               KEAP1_R470C, SMARCA4_FS, PIK3CA_E542K]
NSCLC_NODRIVER = [STK11_Q37X, STK11_FS, KEAP1_G333C, KEAP1_R470C, SMARCA4_FS, TP53_R213X, ARID1A_FS]
BREAST_DRIVERS = [PIK3CA_H1047R, PIK3CA_H1047R, PIK3CA_E545K, PIK3CA_E542K, ESR1_D538G, ESR1_Y537S,
                  AKT1_E17K, TP53_R175H, TP53_R248Q, ERBB2_L755S]
BREAST_COMUT = [TP53_R273H, TP53_R282W, TP53_R213X, GATA3_FS, CDH1_Q23X, MAP3K1_FS, ARID1A_FS,
                ESR1_D538G]
BREAST_NODRIVER = [GATA3_FS, CDH1_Q23X, MAP3K1_FS, ARID1A_FS, TP53_R213X]
CH_VARIANTS = [DNMT3A_R882H, DNMT3A_R882C, DNMT3A_W297X, DNMT3A_Y735C, TET2_Q1034X, TET2_R1452X,
               TET2_FS, ASXL1_G646FS, PPM1D_FS, PPM1D_R458X]

# Panel genes for random passenger (subclonal) missense mutations: gene, entrez, chrom, start, end, protein length
PASSENGER_GENES = [
    ("ARID1A", 8289, "1", 27022522, 27108601, 2285), ("NF1", 4763, "17", 29421945, 29704695, 2839),
    ("SMARCA4", 6597, "19", 11071598, 11172958, 1647), ("PTEN", 5728, "10", 89623195, 89728532, 403),
    ("RB1", 5925, "13", 48877883, 49056026, 928), ("KMT2D", 8085, "12", 49412758, 49449107, 5537),
    ("NOTCH1", 4851, "9", 139388896, 139440314, 2555), ("MET", 4233, "7", 116312444, 116438440, 1390),
    ("ATM", 472, "11", 108093559, 108239826, 3056), ("BRCA2", 675, "13", 32889611, 32973805, 3418),
    ("APC", 324, "5", 112043195, 112181936, 2843), ("ERBB4", 2066, "2", 212240442, 213403565, 1308),
    ("FGFR1", 2260, "8", 38268656, 38326352, 822), ("CREBBP", 1387, "16", 3775056, 3930121, 2442),
]
AMINO = [("A", "Ala"), ("R", "Arg"), ("N", "Asn"), ("D", "Asp"), ("C", "Cys"), ("E", "Glu"),
         ("Q", "Gln"), ("G", "Gly"), ("H", "His"), ("I", "Ile"), ("L", "Leu"), ("K", "Lys"),
         ("M", "Met"), ("F", "Phe"), ("P", "Pro"), ("S", "Ser"), ("T", "Thr"), ("W", "Trp"),
         ("Y", "Tyr"), ("V", "Val")]
BASES = "ACGT"

COLUMNS = ["Hugo_Symbol", "Entrez_Gene_Id", "Center", "NCBI_Build", "Chromosome", "Start_Position",
           "End_Position", "Strand", "Variant_Classification", "Variant_Type", "Reference_Allele",
           "Tumor_Seq_Allele1", "Tumor_Seq_Allele2", "dbSNP_RS", "Tumor_Sample_Barcode",
           "Matched_Norm_Sample_Barcode", "HGVSc", "HGVSp", "HGVSp_Short", "t_depth", "t_ref_count",
           "t_alt_count", "n_depth", "n_ref_count", "n_alt_count",
           "t_ref_count_fragment_simplex_duplex", "t_alt_count_fragment_simplex_duplex",
           "t_total_count_fragment_simplex_duplex", "ONCOGENIC", "IS-A-HOTSPOT"]

ERROR_RATE = 0.0001  # per-read background error added to every site


def binomial(rng, n, p):
    """Binomial(n, p) draw: inversion for small p, sum of Bernoulli trials otherwise."""
    if p <= 0 or n <= 0:
        return 0
    if p >= 1:
        return n
    if p < 0.02:
        q = 1.0 - p
        prob = q ** n
        if prob > 1e-250:
            u = rng.random()
            k, cum = 0, prob
            while u > cum and k < n:
                prob *= (n - k) / (k + 1) * p / q
                k += 1
                cum += prob
            return k
    return sum(1 for _ in range(n) if rng.random() < p)


def log_uniform(rng, lo, hi):
    return math.exp(rng.uniform(math.log(lo), math.log(hi)))


def depth(rng):
    return int(round(min(4200, max(900, rng.lognormvariate(math.log(2200), 0.3)))))


def passenger(rng):
    gene, entrez, chrom, start, end, length = rng.choice(PASSENGER_GENES)
    pos = rng.randint(start, end)
    ref = rng.choice(BASES)
    alt = rng.choice([b for b in BASES if b != ref])
    aa = rng.randint(2, length)
    a1, a2 = rng.sample(AMINO, 2)
    cpos = 3 * aa - rng.randint(0, 2)
    return V(gene, entrez, chrom, pos, pos, ref, alt, MS, "SNP", f"c.{cpos}{ref}>{alt}",
             f"p.{a1[1]}{aa}{a2[1]}", f"p.{a1[0]}{aa}{a2[0]}", UNK, "N")


def key(v):
    return (v["chrom"], v["start"], v["ref"], v["alt"])


class Mutation:
    """A mutation of one patient with its true AF at each timepoint (and in the normal)."""
    def __init__(self, variant, kind, af_base, af_follow, af_normal=0.0, forced=None):
        self.v, self.kind = variant, kind
        self.af = {"baseline": af_base, "followup": af_follow, "normal": af_normal}
        self.forced = forced or {}  # timepoint -> fixed alt count (for planted 0/1-read calls)


def build_patient(rng, cohort, arm, ratio, role):
    """The mutations of one patient; returns (mutations, f0, f1)."""
    f0 = log_uniform(rng, 0.002, 0.2)
    f1 = f0 * ratio
    muts, used = [], set()

    def add(variant, kind, ab, af, an=0.0, forced=None):
        if key(variant) in used:
            return False
        used.add(key(variant))
        muts.append(Mutation(variant, kind, ab, af, an, forced))
        return True

    def add_ch(n):
        for _ in range(n):
            a = rng.uniform(0.005, 0.05)
            add(rng.choice(CH_VARIANTS), "ch", a, a * rng.uniform(0.85, 1.15), a * rng.uniform(0.8, 1.2))

    if role.startswith("not_detected"):
        f0 = f1 = 0.0
        if "ch" in role:
            add_ch(rng.randint(1, 2))
        if "low_reads" in role:
            pool = NSCLC_DRIVERS + NSCLC_COMUT if cohort == "NSCLC" else BREAST_DRIVERS + BREAST_COMUT
            for _ in range(rng.randint(1, 2)):
                add(rng.choice(pool), "low_reads", 0.0, 0.0, 0.0,
                    {"baseline": rng.choice([0, 1, 1]), "followup": rng.choice([0, 1])})
            # ensure at least one 1-read call
            muts[-1].forced["baseline"] = 1
        return muts, f0, f1

    nsclc = cohort == "NSCLC"
    if role == "fraction_above_1":
        f0 = 0.5
        f1 = f0 * ratio
        # clonal TP53 with loss of heterozygosity: AF well above f/2
        add(TP53_R175H, "clonal_loh", 0.62, min(0.9, 0.62 * ratio ** 0.5))
        add(PIK3CA_H1047R, "subclonal", 0.10, 0.10 * ratio)
        add(GATA3_FS, "subclonal", 0.09, 0.09 * ratio)
    else:
        n_clonal = rng.choice([1, 1, 2, 2, 2, 3])
        has_driver = rng.random() < 0.75
        if has_driver:
            first = rng.choice(NSCLC_DRIVERS if nsclc else BREAST_DRIVERS)
            pool = NSCLC_COMUT if nsclc else BREAST_COMUT
        else:
            first = rng.choice(NSCLC_NODRIVER if nsclc else BREAST_NODRIVER)
            pool = NSCLC_NODRIVER if nsclc else BREAST_NODRIVER
        clonal = [first]
        while len(clonal) < n_clonal:
            clonal.append(rng.choice(pool) if rng.random() < 0.7 else passenger(rng))
        for variant in clonal:
            c = rng.uniform(0.75, 1.25)
            add(variant, "clonal", min(0.95, f0 / 2 * c), min(0.95, f1 / 2 * c))
        for _ in range(rng.choice([0, 1, 1, 2, 3])):
            s = rng.uniform(0.05, 0.25)
            variant = passenger(rng)
            if first is EGFR_L858R or first is EGFR_EX19:
                variant = EGFR_T790M if rng.random() < 0.5 else variant
            add(variant, "subclonal", f0 / 2 * s, f1 / 2 * s * rng.uniform(0.5, 1.5))
    if rng.random() < 0.35 or role.startswith("normal"):
        add_ch(rng.choice([1, 1, 2]))
    if role.startswith("normal"):
        variant = {"normal_TP53": TP53_R248Q if nsclc else TP53_Y220C,
                   "normal_CHEK2": CHEK2_R145W}[role]
        a = rng.uniform(0.008, 0.02)
        add(variant, "ch_like_in_normal", a, a * rng.uniform(0.9, 1.1), a * rng.uniform(0.9, 1.2))
    return muts, f0, f1


def barcode(rng):
    return "C-" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPRTUVWXY") for _ in range(6))


def row(m, sample, normal_barcode, dp, alt, normal_counts):
    v = m.v
    ref_count = dp - alt
    n_dp, n_ref, n_alt = normal_counts if normal_counts else ("", "", "")
    return [v["gene"], str(v["entrez"]), "mskcc.org", "GRCh37", v["chrom"], str(v["start"]),
            str(v["end"]), "+", v["vclass"], v["vtype"], v["ref"], v["ref"], v["alt"], v["rs"],
            sample, normal_barcode, v["hgvsc"], v["hgvsp"], v["short"], str(dp), str(ref_count),
            str(alt), str(n_dp), str(n_ref), str(n_alt), str(ref_count), str(alt), str(dp),
            v["onc"], v["hot"]]


def write_maf(path, rows):
    text = "#version 2.4\n" + "\t".join(COLUMNS) + "\n" + "".join("\t".join(r) + "\n" for r in rows)
    data = gzip.compress(text.encode("ascii"), compresslevel=9, mtime=0)
    with open(path, "wb") as handle:
        handle.write(data)


def chrom_order(c):
    return (0, int(c)) if c.isdigit() else (1, c)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", default="SampleData")
    args = parser.parse_args()
    rng = random.Random(args.seed)

    # Cohort design: (cohort, arm, count, roles planted in the group, ratio model)
    groups = [
        ("NSCLC", "SBRT", 16, ["normal_TP53"]),
        ("NSCLC", "SOC", 16, ["not_detected_ch", "not_detected_low_reads", "normal_CHEK2"]),
        ("Breast", "SBRT", 13, ["not_detected_low_reads", "not_detected_ch_low_reads", "normal_TP53"]),
        ("Breast", "SOC", 13, ["not_detected_ch", "fraction_above_1", "normal_CHEK2"]),
    ]
    plan = []
    for cohort, arm, count, roles in groups:
        if cohort == "NSCLC" and arm == "SBRT":
            ratios = [log_uniform(rng, 0.1, 0.5) for _ in range(STRONG_FALLS)] + \
                     [log_uniform(rng, 0.8, 2.5) for _ in range(count - STRONG_FALLS)]
        else:
            ratios = [log_uniform(rng, 0.3, 3.0) for _ in range(count)]
        rng.shuffle(ratios)
        for i in range(count):
            plan.append((cohort, arm, ratios[i], roles[i] if i < len(roles) else ""))
    rng.shuffle(plan)
    plan.append(("NSCLC", "SOC", log_uniform(rng, 0.3, 3.0), "missing_followup"))

    maf_dir = os.path.join(args.out, "maf")
    os.makedirs(maf_dir, exist_ok=True)
    sheet = ["patient\ttimepoint\tarm\tcohort\tfile\tnormal\tday\tpfs_days\tpfs_event"]
    # Clinical follow-up from a generator of its own, so that every MAF stays what the cohort's
    # seed made: blood at day 0 and at week 8 (day 52-60); progression-free survival from
    # randomisation, drawn after the week-8 draw with a planted association: a patient whose
    # tumour fraction fell by half or more progresses later (exponential, median 240 days after
    # the draw, against 90 days), censored at the end of follow-up (day 300-420).
    clinical = random.Random(args.seed + 1_000_003)
    truth = ["patient\tcohort\tarm\trole\ttumour_fraction_baseline\ttumour_fraction_followup\t"
             "planted_ratio\tmutations"]
    for index, (cohort, arm, ratio, role) in enumerate(plan, start=1):
        patient = f"P{index:03d}"
        if role == "fraction_above_1":
            ratio = min(ratio, 0.8)  # reference stays baseline, where TP53 alone is clonal
        muts, f0, f1 = build_patient(rng, cohort, arm, ratio, role)
        muts.sort(key=lambda m: (chrom_order(m.v["chrom"]), m.v["start"], m.v["ref"], m.v["alt"]))
        base_code = barcode(rng)
        has_normal = role.startswith("normal")
        normal_barcode = f"{base_code}-N001-d" if has_normal else ""
        timepoints = ["baseline"] if role == "missing_followup" else ["baseline", "followup"]

        normal_counts = {}
        if has_normal:
            rows = []
            for m in muts:
                dp = depth(rng)
                alt = binomial(rng, dp, m.af["normal"] + ERROR_RATE)
                normal_counts[key(m.v)] = (dp, dp - alt, alt)
                rows.append(row(m, normal_barcode, "", dp, alt, None))
            write_maf(os.path.join(maf_dir, f"{patient}_normal.maf.gz"), rows)

        followup_day = clinical.randint(52, 60)
        median = 240.0 if ratio <= 0.5 else 90.0
        progression = followup_day + clinical.expovariate(math.log(2) / median)
        censoring = clinical.uniform(300, 420)
        pfs_days, pfs_event = (round(progression), 1) if progression <= censoring else (round(censoring), 0)
        for t_index, tp in enumerate(timepoints, start=1):
            sample = f"{base_code}-L00{t_index}-d"
            rows = []
            for m in muts:
                dp = depth(rng)
                if tp in m.forced:
                    alt = m.forced[tp]
                else:
                    alt = binomial(rng, dp, m.af[tp] * (1 - ERROR_RATE) + ERROR_RATE)
                if alt <= 1 and rng.random() < 0.3:
                    continue  # not genotyped at this timepoint: the row is absent
                rows.append(row(m, sample, normal_barcode, dp, alt, normal_counts.get(key(m.v))))
            name = f"maf/{patient}_{tp}.maf.gz"
            write_maf(os.path.join(args.out, name), rows)
            sheet.append("\t".join([patient, tp, arm, cohort, name,
                                    f"maf/{patient}_normal.maf.gz" if has_normal else "",
                                    "0" if tp == "baseline" else str(followup_day), str(pfs_days), str(pfs_event)]))
        described = ",".join(f"{m.v['gene']}:{m.v['short']}:{m.kind}" for m in muts)
        truth.append("\t".join([patient, cohort, arm, role or "-", f"{f0:.5f}",
                                "NA" if role == "missing_followup" else f"{f1:.5f}",
                                f"{ratio:.3f}", described]))

    with open(os.path.join(args.out, "samplesheet.tsv"), "w") as handle:
        handle.write("\n".join(sheet) + "\n")
    with open(os.path.join(args.out, "truth.tsv"), "w") as handle:
        handle.write("\n".join(truth) + "\n")
    print(f"wrote {len(plan)} patients to {args.out} (seed {args.seed})")


if __name__ == "__main__":
    main()
