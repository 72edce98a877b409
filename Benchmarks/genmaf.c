/*
 * genmaf: a deterministic generator of realistic MAF data for the ctdna benchmarks.
 *
 *   genmaf table  --rows N --samples S [--seed X]          > table.maf     (pipe through gzip)
 *   genmaf cohort --patients P --dir DIR [--seed X] [--timepoints T] [--vcf 1]
 *                       (writes DIR/samplesheet.tsv and DIR/maf/<sample>.maf.gz; T draws per patient,
 *                        2 to 8, 2 by default, with a day column when more; with --vcf 1 also the
 *                        same samples as DIR/vcf/<sample>.vcf.gz and DIR/samplesheet-vcf.tsv)
 *
 * Both modes write the same 154-column layout: the 140 columns of a GDC MAF (gdc-1.0.0)
 * followed by MSK-ACCESS's 12 fragment-count columns (simplex, duplex, simplex+duplex) and
 * OncoKB's ONCOGENIC and IS-A-HOTSPOT. Values are plausible in shape (gene panel, GRCh37
 * coordinates of the right chromosome and region, HGVS strings, transcript and protein IDs,
 * consequence and domain strings); IDs other than gene names and Entrez IDs are made up.
 *
 * Output depends only on the arguments: one splitmix64 stream per sample (table mode) or per
 * patient (cohort mode), derived from the seed. No rand(), no clock, no locale.
 *
 * On exit, table mode prints to stderr a line
 *     rows=<N> checksum=<16 hex> bytes=<uncompressed bytes>
 * where the checksum is the one Benchmarks/floor.c computes from the file, so the two can be
 * compared (see floor.c for the formula).
 *
 * Build: cc -O2 -o Benchmarks/bin/genmaf Benchmarks/genmaf.c -lz
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

static void die(const char *msg, const char *detail) {
    fprintf(stderr, "genmaf: %s%s%s\n", msg, detail ? ": " : "", detail ? detail : "");
    exit(1);
}

/* ------------------------------------------------------------------ random numbers */

typedef struct { uint64_t s; } Rng;

static inline uint64_t rnext(Rng *r) {
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}
static inline Rng rng_for(uint64_t seed, uint64_t stream, uint64_t salt) {
    Rng r = { seed * 0xD1342543DE82EF95ULL + stream * 0x9E3779B97F4A7C15ULL + salt };
    rnext(&r);
    return r;
}
/* uniform integer in [0, n) */
static inline uint32_t below(Rng *r, uint32_t n) { return (uint32_t)(((rnext(r) >> 32) * (uint64_t)n) >> 32); }
static inline int between(Rng *r, int lo, int hi) { return lo + (int)below(r, (uint32_t)(hi - lo + 1)); }
static inline double unif(Rng *r) { return (double)(rnext(r) >> 11) * 0x1.0p-53; }
static inline int chance(Rng *r, double p) { return unif(r) < p; }
/* log-uniform in [lo, hi] */
static inline double logunif(Rng *r, double lo, double hi) { return exp(log(lo) + unif(r) * (log(hi) - log(lo))); }

/* Binomial-ish draw: Poisson (Knuth) for small means, normal (Irwin-Hall of 4) otherwise. */
static int binomialish(Rng *r, int n, double p) {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    double m = n * p;
    int k;
    if (m < 25) {
        double l = exp(-m), prod = unif(r);
        k = 0;
        while (prod > l) { k++; prod *= unif(r); }
    } else {
        double z = (unif(r) + unif(r) + unif(r) + unif(r) - 2.0) * 1.7320508075688772; /* sd 1 */
        k = (int)lround(m + z * sqrt(m * (1 - p)));
    }
    if (k < 0) k = 0;
    if (k > n) k = n;
    return k;
}

/* ------------------------------------------------------------------ output buffer */

#define OUT_CAP (1u << 20)
#define OUT_SLACK (64u << 10) /* one row always fits in the slack */

typedef struct {
    char *buf;
    size_t len;
    FILE *fp;
    gzFile gz;
    uint64_t bytes;
} Out;

static void out_flush(Out *o) {
    if (!o->len) return;
    if (o->gz) {
        if (gzwrite(o->gz, o->buf, (unsigned)o->len) != (int)o->len) die("gzip write failed", NULL);
    } else if (fwrite(o->buf, 1, o->len, o->fp) != o->len) {
        die("write failed", strerror(errno));
    }
    o->bytes += o->len;
    o->len = 0;
}
static inline void out_reserve(Out *o) { if (o->len > OUT_CAP) out_flush(o); }
static inline void put(Out *o, const char *s) { size_t n = strlen(s); memcpy(o->buf + o->len, s, n); o->len += n; }
static inline void putn(Out *o, const char *s, size_t n) { memcpy(o->buf + o->len, s, n); o->len += n; }
static inline void putc_(Out *o, char c) { o->buf[o->len++] = c; }
static inline void tab(Out *o) { o->buf[o->len++] = '\t'; }
static void putu(Out *o, uint64_t v) {
    char t[24]; int i = 0;
    do { t[i++] = (char)('0' + v % 10); v /= 10; } while (v);
    while (i) o->buf[o->len++] = t[--i];
}
/* fixed-point with up to `dec` decimals, trailing zeros dropped but at least one ("0.0", "0.0011") */
static void putf(Out *o, double v, int dec) {
    if (v < 0) { putc_(o, '-'); v = -v; }
    uint64_t scale = 1; for (int i = 0; i < dec; i++) scale *= 10;
    uint64_t x = (uint64_t)llround(v * (double)scale);
    putu(o, x / scale);
    putc_(o, '.');
    uint64_t frac = x % scale;
    char d[20]; int n = dec;
    for (int i = dec - 1; i >= 0; i--) { d[i] = (char)('0' + frac % 10); frac /= 10; }
    while (n > 1 && d[n - 1] == '0') n--;
    putn(o, d, (size_t)n);
}
static void puthex(Out *o, uint64_t v, int digits, int upper) {
    const char *h = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    for (int i = digits - 1; i >= 0; i--) putc_(o, h[(v >> (4 * i)) & 15]);
}
static void putpad(Out *o, uint64_t v, int width) {
    char t[24]; int i = 0;
    do { t[i++] = (char)('0' + v % 10); v /= 10; } while (v);
    while (width-- > i) putc_(o, '0');
    while (i) o->buf[o->len++] = t[--i];
}

/* ------------------------------------------------------------------ header */

static const char *COLUMNS[] = {
    /* GDC MAF gdc-1.0.0: 140 columns */
    "Hugo_Symbol", "Entrez_Gene_Id", "Center", "NCBI_Build", "Chromosome", "Start_Position",
    "End_Position", "Strand", "Variant_Classification", "Variant_Type", "Reference_Allele",
    "Tumor_Seq_Allele1", "Tumor_Seq_Allele2", "dbSNP_RS", "dbSNP_Val_Status", "Tumor_Sample_Barcode",
    "Matched_Norm_Sample_Barcode", "Match_Norm_Seq_Allele1", "Match_Norm_Seq_Allele2",
    "Tumor_Validation_Allele1", "Tumor_Validation_Allele2", "Match_Norm_Validation_Allele1",
    "Match_Norm_Validation_Allele2", "Verification_Status", "Validation_Status", "Mutation_Status",
    "Sequencing_Phase", "Sequence_Source", "Validation_Method", "Score", "BAM_File", "Sequencer",
    "Tumor_Sample_UUID", "Matched_Norm_Sample_UUID", "HGVSc", "HGVSp", "HGVSp_Short", "Transcript_ID",
    "Exon_Number", "t_depth", "t_ref_count", "t_alt_count", "n_depth", "n_ref_count", "n_alt_count",
    "all_effects", "Allele", "Gene", "Feature", "Feature_type", "One_Consequence", "Consequence",
    "cDNA_position", "CDS_position", "Protein_position", "Amino_acids", "Codons", "Existing_variation",
    "DISTANCE", "TRANSCRIPT_STRAND", "SYMBOL", "SYMBOL_SOURCE", "HGNC_ID", "BIOTYPE", "CANONICAL",
    "CCDS", "ENSP", "SWISSPROT", "TREMBL", "UNIPARC", "UNIPROT_ISOFORM", "RefSeq", "MANE", "APPRIS",
    "FLAGS", "SIFT", "PolyPhen", "EXON", "INTRON", "DOMAINS", "1000G_AF", "1000G_AFR_AF",
    "1000G_AMR_AF", "1000G_EAS_AF", "1000G_EUR_AF", "1000G_SAS_AF", "ESP_AA_AF", "ESP_EA_AF",
    "gnomAD_AF", "gnomAD_AFR_AF", "gnomAD_AMR_AF", "gnomAD_ASJ_AF", "gnomAD_EAS_AF", "gnomAD_FIN_AF",
    "gnomAD_NFE_AF", "gnomAD_OTH_AF", "gnomAD_SAS_AF", "MAX_AF", "MAX_AF_POPS", "gnomAD_non_cancer_AF",
    "gnomAD_non_cancer_AFR_AF", "gnomAD_non_cancer_AMI_AF", "gnomAD_non_cancer_AMR_AF",
    "gnomAD_non_cancer_ASJ_AF", "gnomAD_non_cancer_EAS_AF", "gnomAD_non_cancer_FIN_AF",
    "gnomAD_non_cancer_MID_AF", "gnomAD_non_cancer_NFE_AF", "gnomAD_non_cancer_OTH_AF",
    "gnomAD_non_cancer_SAS_AF", "gnomAD_non_cancer_MAX_AF_adj", "gnomAD_non_cancer_MAX_AF_POPS_adj",
    "CLIN_SIG", "SOMATIC", "PUBMED", "TRANSCRIPTION_FACTORS", "MOTIF_NAME", "MOTIF_POS", "HIGH_INF_POS",
    "MOTIF_SCORE_CHANGE", "miRNA", "IMPACT", "PICK", "VARIANT_CLASS", "TSL", "HGVS_OFFSET", "PHENO",
    "GENE_PHENO", "CONTEXT", "tumor_bam_uuid", "normal_bam_uuid", "case_id", "GDC_FILTER", "COSMIC",
    "hotspot", "RNA_Support", "RNA_depth", "RNA_ref_count", "RNA_alt_count", "callers",
    /* MSK-ACCESS fragment counts, in the order genotype-variants writes them */
    "t_total_count_fragment_simplex", "t_ref_count_fragment_simplex", "t_alt_count_fragment_simplex",
    "t_vaf_fragment_simplex", "t_ref_count_fragment_duplex", "t_alt_count_fragment_duplex",
    "t_total_count_fragment_duplex", "t_vaf_fragment_duplex", "t_ref_count_fragment_simplex_duplex",
    "t_alt_count_fragment_simplex_duplex", "t_total_count_fragment_simplex_duplex",
    "t_vaf_fragment_simplex_duplex",
    /* OncoKB annotator */
    "ONCOGENIC", "IS-A-HOTSPOT",
};
#define NCOL ((int)(sizeof COLUMNS / sizeof COLUMNS[0]))

static void put_header(Out *o, int nsamples) {
    put(o, "#version gdc-1.0.0\n#filedate 20240101\n#annotation.spec gdc-1.0.1-public\n#n.analyzed.samples ");
    putu(o, (uint64_t)nsamples);
    putc_(o, '\n');
    for (int i = 0; i < NCOL; i++) {
        if (i) tab(o);
        put(o, COLUMNS[i]);
        out_reserve(o);
    }
    putc_(o, '\n');
}

/* ------------------------------------------------------------------ gene panel */

typedef struct {
    const char *name;
    int entrez;
    const char *chrom;
    int start, end; /* GRCh37, approximate */
    char strand;
    int aa; /* protein length */
} Gene;

static const Gene GENES[] = {
    {"AKT1", 207, "14", 105235686, 105262088, '-', 480}, {"ALK", 238, "2", 29415640, 30144477, '-', 1620},
    {"APC", 324, "5", 112043195, 112181936, '+', 2843}, {"AR", 367, "X", 66763874, 66950461, '+', 920},
    {"ARAF", 369, "X", 47420578, 47431320, '+', 606}, {"ARID1A", 8289, "1", 27022522, 27108601, '+', 2285},
    {"ARID2", 196528, "12", 46123448, 46301823, '+', 1835}, {"ASXL1", 171023, "20", 30946147, 31027122, '+', 1541},
    {"ATM", 472, "11", 108093211, 108239829, '+', 3056}, {"B2M", 567, "15", 45003675, 45011075, '+', 119},
    {"BCL2", 596, "18", 60790579, 60987361, '-', 239}, {"BCOR", 54880, "X", 39910499, 40036582, '-', 1755},
    {"BRAF", 673, "7", 140433813, 140624564, '-', 766}, {"BRCA1", 672, "17", 41196312, 41277500, '-', 1863},
    {"BRCA2", 675, "13", 32889611, 32973805, '+', 3418}, {"CARD11", 84433, "7", 2945775, 3083579, '-', 1154},
    {"CBFB", 865, "16", 67063019, 67134958, '+', 182}, {"CCND1", 595, "11", 69455855, 69469242, '+', 295},
    {"CDH1", 999, "16", 68771195, 68869444, '+', 882}, {"CDK4", 1019, "12", 58141510, 58149796, '-', 303},
    {"CDKN2A", 1029, "9", 21967751, 21995300, '-', 156}, {"CHEK2", 11200, "22", 29083731, 29138410, '-', 543},
    {"CIC", 23152, "19", 42788817, 42799948, '+', 1608}, {"CREBBP", 1387, "16", 3775056, 3930121, '-', 2442},
    {"CTCF", 10664, "16", 67596310, 67673086, '+', 727}, {"CTNNB1", 1499, "3", 41240942, 41281939, '+', 781},
    {"DICER1", 23405, "14", 95552565, 95624347, '-', 1922}, {"DIS3", 22894, "13", 73330549, 73356177, '-', 958},
    {"DNMT3A", 1788, "2", 25455845, 25565459, '-', 912}, {"EGFR", 1956, "7", 55086725, 55275031, '+', 1210},
    {"EIF1AX", 1964, "X", 20142636, 20159985, '-', 143}, {"EP300", 2033, "22", 41488614, 41576081, '+', 2414},
    {"ERBB2", 2064, "17", 37844167, 37886679, '+', 1255}, {"ERBB3", 2065, "12", 56473641, 56497291, '+', 1342},
    {"ERCC2", 2068, "19", 45854649, 45873845, '-', 760}, {"ESR1", 2099, "6", 151977826, 152450754, '+', 595},
    {"EZH2", 2146, "7", 148504464, 148581441, '-', 751}, {"FBXW7", 55294, "4", 153242410, 153456393, '-', 707},
    {"FGFR1", 2260, "8", 38268656, 38326352, '-', 822}, {"FGFR2", 2263, "10", 123237848, 123357972, '-', 821},
    {"FGFR3", 2261, "4", 1795039, 1810599, '+', 806}, {"FOXA1", 3169, "14", 38059189, 38064325, '-', 472},
    {"FOXL2", 668, "3", 138663066, 138665982, '-', 376}, {"FOXO1", 2308, "13", 41129804, 41240734, '-', 655},
    {"GATA3", 2625, "10", 8087410, 8117164, '+', 443}, {"GNA11", 2767, "19", 3094408, 3123999, '+', 359},
    {"GNAQ", 2776, "9", 80335189, 80646374, '-', 359}, {"GNAS", 2778, "20", 57414773, 57486247, '+', 394},
    {"H3F3A", 3020, "1", 226249552, 226259702, '+', 136}, {"HIST1H3B", 8358, "6", 26031817, 26032288, '-', 136},
    {"HRAS", 3265, "11", 532242, 537287, '-', 189}, {"IDH1", 3417, "2", 209100951, 209119806, '-', 414},
    {"IDH2", 3418, "15", 90626277, 90645736, '-', 452}, {"IKZF1", 10320, "7", 50344378, 50472799, '+', 519},
    {"INPPL1", 3636, "11", 71935797, 71952062, '+', 1258}, {"JAK1", 3716, "1", 65298912, 65432187, '-', 1154},
    {"JAK2", 3717, "9", 4985033, 5128183, '+', 1132}, {"JUN", 3725, "1", 59246463, 59249785, '-', 331},
    {"KDM6A", 7403, "X", 44732423, 44971847, '+', 1401}, {"KEAP1", 9817, "19", 10596796, 10614417, '-', 624},
    {"KIT", 3815, "4", 55524085, 55606881, '+', 976}, {"KMT2A", 4297, "11", 118307205, 118397539, '+', 3969},
    {"KMT2C", 58508, "7", 151832010, 152133090, '-', 4911}, {"KMT2D", 8085, "12", 49412758, 49449107, '-', 5537},
    {"KRAS", 3845, "12", 25358180, 25403854, '-', 189}, {"MAP2K1", 5604, "15", 66679155, 66783882, '+', 393},
    {"MAP2K2", 5605, "19", 4090319, 4124126, '-', 400}, {"MAP3K1", 4214, "5", 56111401, 56191979, '+', 1512},
    {"MAPK1", 5594, "22", 22108789, 22221970, '-', 360}, {"MAX", 4149, "14", 65472819, 65569262, '-', 160},
    {"MED12", 9968, "X", 70338406, 70362303, '+', 2177}, {"MET", 4233, "7", 116312459, 116438440, '+', 1390},
    {"MGA", 23269, "15", 41913422, 42062141, '+', 3065}, {"MSH2", 4436, "2", 47630108, 47789450, '+', 934},
    {"MTOR", 2475, "1", 11166588, 11322608, '-', 2549}, {"MYC", 4609, "8", 128748315, 128753680, '+', 439},
    {"MYCN", 4613, "2", 15940550, 15947004, '+', 464}, {"MYD88", 4615, "3", 38179969, 38184513, '+', 317},
    {"MYOD1", 4654, "11", 17741115, 17743678, '+', 320}, {"NF1", 4763, "17", 29421945, 29704695, '+', 2839},
    {"NF2", 4771, "22", 29999545, 30094589, '+', 595}, {"NFE2L2", 4780, "2", 178095031, 178129859, '-', 605},
    {"NOTCH1", 4851, "9", 139388896, 139440314, '-', 2555}, {"NOTCH2", 4853, "1", 120454176, 120612317, '-', 2471},
    {"NOTCH3", 4854, "19", 15270444, 15311792, '-', 2321}, {"NOTCH4", 4855, "6", 32162620, 32191844, '-', 2003},
    {"NRAS", 4893, "1", 115247085, 115259515, '-', 189}, {"NTRK1", 4914, "1", 156785432, 156851642, '+', 796},
    {"NTRK2", 4915, "9", 87283466, 87638505, '+', 838}, {"NTRK3", 4916, "15", 88419988, 88799962, '-', 839},
    {"NUP93", 9688, "16", 56764017, 56878861, '+', 819}, {"PALB2", 79728, "16", 23614488, 23652631, '-', 1186},
    {"PDGFRA", 5156, "4", 55095264, 55164414, '+', 1089}, {"PIK3CA", 5290, "3", 178866311, 178952497, '+', 1068},
    {"PIK3CB", 5291, "3", 138371540, 138478185, '-', 1070}, {"PIK3R1", 5295, "5", 67511548, 67597649, '+', 724},
    {"PMS2", 5395, "7", 6012870, 6048737, '-', 862}, {"POLE", 5426, "12", 133200348, 133263945, '-', 2286},
    {"PPM1D", 8493, "17", 58677544, 58743640, '+', 605}, {"PPP2R1A", 5518, "19", 52693054, 52729679, '+', 589},
    {"PTEN", 5728, "10", 89623195, 89728532, '+', 403}, {"PTPN11", 5781, "12", 112856155, 112947717, '+', 597},
    {"RAC1", 5879, "7", 6414126, 6443598, '+', 192}, {"RAD51D", 5892, "17", 33426811, 33448541, '-', 328},
    {"RAF1", 5894, "3", 12625100, 12705700, '-', 648}, {"RB1", 5925, "13", 48877883, 49056026, '+', 928},
    {"RET", 5979, "10", 43572517, 43625799, '+', 1114}, {"RHOA", 387, "3", 49396578, 49449526, '-', 193},
    {"RIT1", 6016, "1", 155867599, 155881195, '-', 219}, {"ROS1", 6098, "6", 117609463, 117747018, '-', 2347},
    {"RUNX1", 861, "21", 36160098, 37376965, '-', 480}, {"RXRA", 6256, "9", 137208944, 137332431, '+', 462},
    {"SETD2", 29072, "3", 47057898, 47205457, '-', 2564}, {"SF3B1", 23451, "2", 198254508, 198299815, '-', 1304},
    {"SMAD2", 4087, "18", 45357922, 45456970, '-', 467}, {"SMAD3", 4088, "15", 67356101, 67487533, '+', 425},
    {"SMAD4", 4089, "18", 48556583, 48611411, '+', 552}, {"SMARCA4", 6597, "19", 11071598, 11172958, '+', 1647},
    {"SMARCB1", 6598, "22", 24129150, 24176705, '+', 385}, {"SOX2", 6657, "3", 181429712, 181432223, '+', 317},
    {"SPOP", 8405, "17", 47676246, 47755596, '-', 374}, {"SRSF2", 6427, "17", 74730197, 74733493, '-', 221},
    {"STAT3", 6774, "17", 40465343, 40540513, '-', 770}, {"STK11", 6794, "19", 1205798, 1228434, '+', 433},
    {"TERT", 7015, "5", 1253287, 1295162, '-', 1132}, {"TET2", 54790, "4", 106067032, 106200960, '+', 2002},
    {"TGFBR2", 7048, "3", 30647994, 30735633, '+', 567}, {"TP53", 7157, "17", 7565097, 7590856, '-', 393},
    {"TSC1", 7248, "9", 135766735, 135820020, '-', 1164}, {"TSC2", 7249, "16", 2097466, 2138716, '+', 1807},
    {"U2AF1", 7307, "21", 44513066, 44527697, '-', 240}, {"XPO1", 7514, "2", 61704984, 61765761, '-', 1071},
};
#define NGENES ((int)(sizeof GENES / sizeof GENES[0]))

static const Gene *gene_named(const char *name) {
    for (int i = 0; i < NGENES; i++) if (!strcmp(GENES[i].name, name)) return &GENES[i];
    die("no such gene in the panel", name);
    return NULL;
}
static int chrom_rank(const char *c) {
    if (c[0] == 'X') return 23;
    if (c[0] == 'Y') return 24;
    return atoi(c);
}

/* Known hotspots (GRCh37 positions approximate; protein changes are the familiar ones). */
typedef struct { const char *gene; char ref_aa; int ppos; char alt_aa; int pos; char ref, alt; } Hotspot;
static const Hotspot HOTSPOTS[] = {
    {"KRAS", 'G', 12, 'C', 25398285, 'C', 'A'}, {"KRAS", 'G', 12, 'D', 25398284, 'C', 'T'},
    {"KRAS", 'G', 12, 'V', 25398284, 'C', 'A'}, {"KRAS", 'G', 13, 'D', 25398281, 'C', 'T'},
    {"KRAS", 'Q', 61, 'H', 25380275, 'T', 'G'}, {"EGFR", 'L', 858, 'R', 55259515, 'T', 'G'},
    {"EGFR", 'T', 790, 'M', 55249071, 'C', 'T'}, {"BRAF", 'V', 600, 'E', 140453136, 'A', 'T'},
    {"PIK3CA", 'E', 545, 'K', 178936091, 'G', 'A'}, {"PIK3CA", 'H', 1047, 'R', 178952085, 'A', 'G'},
    {"PIK3CA", 'E', 542, 'K', 178936082, 'G', 'A'}, {"TP53", 'R', 175, 'H', 7578406, 'C', 'T'},
    {"TP53", 'R', 248, 'Q', 7577538, 'C', 'T'}, {"TP53", 'R', 273, 'H', 7577120, 'C', 'T'},
    {"TP53", 'R', 282, 'W', 7577094, 'G', 'A'}, {"NRAS", 'Q', 61, 'K', 115256530, 'G', 'T'},
    {"NRAS", 'Q', 61, 'R', 115256529, 'T', 'C'}, {"IDH1", 'R', 132, 'H', 209113112, 'C', 'T'},
    {"AKT1", 'E', 17, 'K', 105246551, 'C', 'T'}, {"ESR1", 'D', 538, 'G', 152419923, 'A', 'G'},
    {"ESR1", 'Y', 537, 'S', 152419920, 'A', 'C'}, {"ERBB2", 'S', 310, 'F', 37868208, 'C', 'T'},
    {"SF3B1", 'K', 700, 'E', 198266834, 'T', 'C'}, {"CTNNB1", 'S', 37, 'F', 41266113, 'C', 'T'},
    {"DNMT3A", 'R', 882, 'H', 25457242, 'C', 'T'}, {"DNMT3A", 'R', 882, 'C', 25457243, 'G', 'A'},
};
#define NHOT ((int)(sizeof HOTSPOTS / sizeof HOTSPOTS[0]))
static const Hotspot *hotspot_of(const char *gene, char ref_aa, int ppos, char alt_aa) {
    for (int i = 0; i < NHOT; i++) {
        const Hotspot *h = &HOTSPOTS[i];
        if (h->ppos == ppos && h->ref_aa == ref_aa && h->alt_aa == alt_aa && !strcmp(h->gene, gene)) return h;
    }
    die("no such hotspot", gene);
    return NULL;
}

/* ------------------------------------------------------------------ mutations */

enum { SNP, DEL, INS };
static const char *VTYPE[] = {"SNP", "DEL", "INS"};
static const char *VCLASS_SHORT[] = {"SNV", "deletion", "insertion"};

enum { MISSENSE, SILENT, NONSENSE, SPLICE_SITE, SPLICE_REGION, INTRON, UTR3, UTR5, FLANK5,
       FS_DEL, FS_INS, IF_DEL, IF_INS };
static const char *VCLASS[] = {"Missense_Mutation", "Silent", "Nonsense_Mutation", "Splice_Site",
    "Splice_Region", "Intron", "3'UTR", "5'UTR", "5'Flank", "Frame_Shift_Del", "Frame_Shift_Ins",
    "In_Frame_Del", "In_Frame_Ins"};
static const char *CONSEQ[] = {"missense_variant", "synonymous_variant", "stop_gained",
    "splice_donor_variant", "splice_region_variant,intron_variant", "intron_variant",
    "3_prime_UTR_variant", "5_prime_UTR_variant", "upstream_gene_variant", "frameshift_variant",
    "frameshift_variant", "inframe_deletion", "inframe_insertion"};
static const char *IMPACT[] = {"MODERATE", "LOW", "HIGH", "HIGH", "LOW", "MODIFIER", "MODIFIER",
    "MODIFIER", "MODIFIER", "HIGH", "HIGH", "MODERATE", "MODERATE"};

static const char AA1[] = "ACDEFGHIKLMNPQRSTVWY";
static const char *aa3(char a) {
    switch (a) {
    case 'A': return "Ala"; case 'C': return "Cys"; case 'D': return "Asp"; case 'E': return "Glu";
    case 'F': return "Phe"; case 'G': return "Gly"; case 'H': return "His"; case 'I': return "Ile";
    case 'K': return "Lys"; case 'L': return "Leu"; case 'M': return "Met"; case 'N': return "Asn";
    case 'P': return "Pro"; case 'Q': return "Gln"; case 'R': return "Arg"; case 'S': return "Ser";
    case 'T': return "Thr"; case 'V': return "Val"; case 'W': return "Trp"; case 'Y': return "Tyr";
    default: return "Ter";
    }
}
static const char BASES[] = "ACGT";
static char other_base(Rng *r, char b) { char c; do c = BASES[below(r, 4)]; while (c == b); return c; }

typedef struct {
    const Gene *g;
    int pos, end;
    char ref[40], alt[40];
    int vtype, vclass;
    int ppos, cds;
    char aa_ref, aa_alt;
    int germline, hotspot;
    const char *oncogenic;
    uint64_t seed; /* annotation stream: the same mutation is annotated the same in every file */
} Mut;

static void random_bases(Rng *r, char *dst, int n) { for (int i = 0; i < n; i++) dst[i] = BASES[below(r, 4)]; dst[n] = 0; }

/* A random mutation in gene g. */
static Mut random_mut(Rng *r, const Gene *g) {
    Mut m; memset(&m, 0, sizeof m);
    m.g = g;
    m.seed = rnext(r);
    m.oncogenic = "Unknown";
    uint32_t t = below(r, 100);
    m.vtype = t < 85 ? SNP : t < 95 ? DEL : INS;
    uint32_t c = below(r, 100);
    if (m.vtype == SNP)
        m.vclass = c < 55 ? MISSENSE : c < 67 ? SILENT : c < 73 ? NONSENSE : c < 77 ? SPLICE_SITE
                 : c < 79 ? SPLICE_REGION : c < 89 ? INTRON : c < 94 ? UTR3 : c < 97 ? UTR5 : FLANK5;
    else if (m.vtype == DEL)
        m.vclass = c < 60 ? FS_DEL : c < 85 ? IF_DEL : c < 90 ? SPLICE_SITE : INTRON;
    else
        m.vclass = c < 60 ? FS_INS : c < 85 ? IF_INS : INTRON;
    m.pos = between(r, g->start, g->end - 40);
    m.ppos = between(r, 1, g->aa);
    m.cds = 3 * (m.ppos - 1) + 1 + (int)below(r, 3);
    m.aa_ref = AA1[below(r, 20)];
    do m.aa_alt = AA1[below(r, 20)]; while (m.aa_alt == m.aa_ref);
    int k;
    switch (m.vtype) {
    case SNP:
        m.ref[0] = BASES[below(r, 4)]; m.ref[1] = 0;
        m.alt[0] = other_base(r, m.ref[0]); m.alt[1] = 0;
        m.end = m.pos;
        break;
    case DEL:
        k = m.vclass == IF_DEL ? 3 * between(r, 1, 4) : m.vclass == FS_DEL ? (int)(3 * below(r, 4) + 1 + below(r, 2)) : between(r, 1, 20);
        random_bases(r, m.ref, k); strcpy(m.alt, "-");
        m.end = m.pos + k - 1;
        break;
    default:
        k = m.vclass == IF_INS ? 3 * between(r, 1, 3) : m.vclass == FS_INS ? (int)(3 * below(r, 3) + 1 + below(r, 2)) : between(r, 1, 12);
        strcpy(m.ref, "-"); random_bases(r, m.alt, k);
        m.end = m.pos + 1;
        break;
    }
    return m;
}

static Mut hotspot_mut(Rng *r, const Hotspot *h) {
    Mut m; memset(&m, 0, sizeof m);
    m.g = gene_named(h->gene);
    m.seed = rnext(r);
    m.vtype = SNP; m.vclass = MISSENSE;
    m.pos = m.end = h->pos;
    m.ref[0] = h->ref; m.alt[0] = h->alt;
    m.ppos = h->ppos; m.cds = 3 * (h->ppos - 1) + 1 + (int)below(r, 2);
    m.aa_ref = h->ref_aa; m.aa_alt = h->alt_aa;
    m.hotspot = 1;
    m.oncogenic = "Oncogenic";
    return m;
}

static const Hotspot *random_hotspot(Rng *r, int allow_ch) {
    for (;;) {
        const Hotspot *h = &HOTSPOTS[below(r, NHOT)];
        if (allow_ch || strcmp(h->gene, "DNMT3A")) return h;
    }
}

static int mut_cmp(const void *a, const void *b) {
    const Mut *x = a, *y = b;
    int cx = chrom_rank(x->g->chrom), cy = chrom_rank(y->g->chrom);
    if (cx != cy) return cx < cy ? -1 : 1;
    if (x->pos != y->pos) return x->pos < y->pos ? -1 : 1;
    return strcmp(x->alt, y->alt);
}

/* ------------------------------------------------------------------ rows */

typedef struct {
    char barcode[48], normal[48], tumor_uuid[40], normal_uuid[40], tumor_bam[40], normal_bam[40], case_id[40];
} Sample;

static void uuid(Rng *r, char *dst) {
    uint64_t a = rnext(r), b = rnext(r);
    snprintf(dst, 40, "%08x-%04x-4%03x-%04x-%012llx", (unsigned)(a >> 32), (unsigned)(a >> 16) & 0xffff,
             (unsigned)a & 0xfff, (unsigned)(0x8000 | ((b >> 48) & 0x3fff)), (unsigned long long)(b & 0xffffffffffffULL));
}
static void make_sample(Rng *r, Sample *s, const char *barcode, const char *normal) {
    snprintf(s->barcode, sizeof s->barcode, "%s", barcode);
    snprintf(s->normal, sizeof s->normal, "%s", normal);
    uuid(r, s->tumor_uuid); uuid(r, s->normal_uuid); uuid(r, s->tumor_bam); uuid(r, s->normal_bam); uuid(r, s->case_id);
}

typedef struct { int depth, ref, alt; } Counts;

/* Draw read counts at depth-ish `depth` for allele fraction `vaf`. */
static Counts draw_counts(Rng *r, int depth, double vaf) {
    Counts c;
    c.depth = depth;
    c.alt = binomialish(r, depth, vaf);
    /* a few reads carry neither allele */
    int other = (int)below(r, 3);
    if (other > depth - c.alt) other = depth - c.alt;
    c.ref = depth - c.alt - other;
    return c;
}

static uint64_t g_checksum = 1469598103934665603ULL;
static uint64_t g_rows = 0;

static void put_hgvsp(Out *o, const Mut *m, int shortform) {
    char a = m->aa_ref, b = m->aa_alt;
    const char *(*name)(char) = aa3;
    int k;
#define AA(x) do { if (shortform) putc_(o, (x)); else put(o, name(x)); } while (0)
    switch (m->vclass) {
    case MISSENSE: put(o, "p."); AA(a); putu(o, m->ppos); AA(b); break;
    case SILENT: put(o, "p."); AA(a); putu(o, m->ppos); putc_(o, '='); break;
    case NONSENSE: put(o, "p."); AA(a); putu(o, m->ppos); if (shortform) putc_(o, '*'); else put(o, "Ter"); break;
    case SPLICE_SITE: put(o, "p.X"); putu(o, m->ppos); put(o, "_splice"); break;
    case FS_DEL: case FS_INS:
        put(o, "p."); AA(a); putu(o, m->ppos); AA(b); put(o, shortform ? "fs*" : "fsTer"); putu(o, 5 + m->ppos % 40); break;
    case IF_DEL:
        k = (int)strlen(m->ref) / 3;
        put(o, "p."); AA(a); putu(o, m->ppos);
        if (k > 1) { putc_(o, '_'); AA(b); putu(o, m->ppos + k - 1); }
        put(o, "del"); break;
    case IF_INS:
        k = (int)strlen(m->alt) / 3;
        put(o, "p."); AA(a); putu(o, m->ppos); putc_(o, '_'); AA(b); putu(o, m->ppos + 1); put(o, "ins");
        for (int i = 0; i < k; i++) AA(AA1[(m->ppos * 7 + i * 3) % 20]);
        break;
    default: break; /* intronic, UTR, flank: no protein change */
    }
#undef AA
}

static void put_hgvsc(Out *o, const Mut *m) {
    put(o, "c.");
    switch (m->vclass) {
    case SPLICE_SITE: putu(o, m->cds); put(o, m->cds & 1 ? "+1" : "-2"); break;
    case SPLICE_REGION: putu(o, m->cds); putc_(o, '+'); putu(o, 3 + m->cds % 6); break;
    case INTRON: putu(o, m->cds); putc_(o, '-'); putu(o, 20 + m->pos % 300); break;
    case UTR3: putc_(o, '*'); putu(o, 1 + m->pos % 900); break;
    case UTR5: putc_(o, '-'); putu(o, 1 + m->pos % 200); break;
    case FLANK5: putc_(o, '-'); putu(o, 300 + m->pos % 2000); break;
    default: putu(o, m->cds); break;
    }
    if (m->vtype == SNP) { put(o, m->ref); putc_(o, '>'); put(o, m->alt); }
    else if (m->vtype == DEL) {
        int k = (int)strlen(m->ref);
        if (k > 1) { putc_(o, '_'); putu(o, m->cds + k - 1); }
        put(o, "del"); put(o, m->ref);
    } else { putc_(o, '_'); putu(o, m->cds + 1); put(o, "ins"); put(o, m->alt); }
}

static uint64_t gene_hash(const Gene *g, uint64_t salt) {
    uint64_t h = (uint64_t)g->entrez * 0x9E3779B97F4A7C15ULL + salt;
    h ^= h >> 29; h *= 0xBF58476D1CE4E5B9ULL; h ^= h >> 32;
    return h;
}
static void put_enst(Out *o, const Gene *g, int which) { put(o, "ENST"); putpad(o, 200000 + gene_hash(g, 11 + which) % 400000, 11); }
static void put_ensg(Out *o, const Gene *g) { put(o, "ENSG"); putpad(o, 100000 + gene_hash(g, 3) % 170000, 11); }
static void put_nm(Out *o, const Gene *g, int which) { put(o, "NM_"); putpad(o, 1000 + gene_hash(g, 17 + which) % 180000, 6); putc_(o, '.'); putu(o, 2 + which % 3); }

static void put_af(Out *o, Rng *r, double af) { putf(o, af * (0.6 + 0.8 * unif(r)), 5); }

static const char *DOMAIN_DB[] = {"PROSITE_profiles:PS5", "Gene3D:3.", "Pfam:PF0", "PANTHER:PTHR", "SMART:SM00",
    "Superfamily:SSF5", "Prints:PR00", "CDD:cd0", "PIRSF:PIRSF00", "Low_complexity_(Seg):seg"};

/* One full row. Annotations come from the mutation's own seed; `noise` draws the per-file values. */
static void put_row(Out *o, const Mut *m, const Sample *s, Counts c, Rng *noise) {
    Rng ar = { m->seed }; /* annotation values: fixed for a given mutation */
    const Gene *g = m->g;
    size_t start = o->len;
    int coding = m->vclass == MISSENSE || m->vclass == SILENT || m->vclass == NONSENSE || m->vclass >= FS_DEL;
    int ntx = 3 + (int)(gene_hash(g, 5) % 4); /* transcripts in all_effects */
    int exon_total = 4 + (int)(gene_hash(g, 7) % 40), exon = 1 + m->ppos * exon_total / (g->aa + 1);
    double pop_af = m->germline ? 0.05 + 0.4 * unif(&ar) : (chance(&ar, 0.15) ? 0.00001 + 0.0002 * unif(&ar) : 0);

    put(o, g->name); tab(o);                                   /* 1 Hugo_Symbol */
    putu(o, (uint64_t)g->entrez); tab(o);                      /* 2 Entrez_Gene_Id */
    put(o, "mskcc.org\tGRCh37\t");                             /* 3 Center, 4 NCBI_Build */
    put(o, g->chrom); tab(o);                                  /* 5 Chromosome */
    putu(o, (uint64_t)m->pos); tab(o);                         /* 6 Start_Position */
    putu(o, (uint64_t)m->end); tab(o);                         /* 7 End_Position */
    put(o, "+\t");                                             /* 8 Strand */
    put(o, VCLASS[m->vclass]); tab(o);                         /* 9 Variant_Classification */
    put(o, VTYPE[m->vtype]); tab(o);                           /* 10 Variant_Type */
    put(o, m->ref); tab(o);                                    /* 11 Reference_Allele */
    put(o, m->ref); tab(o);                                    /* 12 Tumor_Seq_Allele1 */
    put(o, m->alt); tab(o);                                    /* 13 Tumor_Seq_Allele2 */
    if (m->germline) { put(o, "rs"); putu(o, 1000000 + (m->seed >> 40) % 900000000); } else put(o, "novel");
    tab(o);                                                    /* 14 dbSNP_RS */
    if (m->germline) put(o, "by1000genomes;by2Hit2Allele");
    tab(o);                                                    /* 15 dbSNP_Val_Status */
    put(o, s->barcode); tab(o);                                /* 16 Tumor_Sample_Barcode */
    put(o, s->normal); tab(o);                                 /* 17 Matched_Norm_Sample_Barcode */
    put(o, m->ref); tab(o); put(o, m->ref); tab(o);            /* 18, 19 Match_Norm_Seq_Allele1/2 */
    put(o, "\t\t\t\t");                                        /* 20-23 validation alleles */
    put(o, "\t\t");                                            /* 24 Verification_Status, 25 Validation_Status */
    put(o, m->germline ? "Germline\t" : "Somatic\t");           /* 26 Mutation_Status */
    put(o, "\tTargeted Sequencing\t\t\t\tIllumina NovaSeq 6000\t"); /* 27-32 */
    put(o, s->tumor_uuid); tab(o); put(o, s->normal_uuid); tab(o); /* 33, 34 */
    put_hgvsc(o, m); tab(o);                                   /* 35 HGVSc */
    put_hgvsp(o, m, 0); tab(o);                                /* 36 HGVSp */
    put_hgvsp(o, m, 1); tab(o);                                /* 37 HGVSp_Short */
    put_enst(o, g, 0); tab(o);                                 /* 38 Transcript_ID */
    if (coding) { putu(o, (uint64_t)exon); putc_(o, '/'); putu(o, (uint64_t)exon_total); }
    tab(o);                                                    /* 39 Exon_Number */
    putu(o, (uint64_t)c.depth); tab(o);                        /* 40 t_depth */
    putu(o, (uint64_t)c.ref); tab(o);                          /* 41 t_ref_count */
    putu(o, (uint64_t)c.alt); tab(o);                          /* 42 t_alt_count */
    int nd = 80 + (int)below(noise, 400), nalt = m->germline ? nd / 2 - 5 + (int)below(noise, 11) : (int)below(noise, 2) * (int)below(noise, 2);
    putu(o, (uint64_t)nd); tab(o); putu(o, (uint64_t)(nd - nalt)); tab(o); putu(o, (uint64_t)nalt); tab(o); /* 43-45 */
    for (int i = 0; i < ntx; i++) {                            /* 46 all_effects */
        if (i) putc_(o, ';');
        put(o, g->name); putc_(o, ',');
        put(o, (i & 1) ? "intron_variant" : CONSEQ[m->vclass]); putc_(o, ',');
        int intronic = i & 1; /* every other transcript sees the variant in an intron */
        if (!intronic) put_hgvsp(o, m, 1);
        putc_(o, ','); put_enst(o, g, i); putc_(o, ','); put_nm(o, g, i); putc_(o, ',');
        put_hgvsc(o, m); putc_(o, ','); put(o, intronic ? "MODIFIER" : IMPACT[m->vclass]); putc_(o, ',');
        if (i == 0) put(o, "YES");
        putc_(o, ',');
        if (m->vclass == MISSENSE && !intronic) { put(o, m->hotspot ? "deleterious(0)" : "tolerated(0.1"); if (!m->hotspot) { putu(o, m->seed % 90); putc_(o, ')'); } }
        putc_(o, ',');
        if (m->vclass == MISSENSE && !intronic) { put(o, m->hotspot ? "probably_damaging(0.998)" : "benign(0.0"); if (!m->hotspot) { putu(o, m->seed % 99); putc_(o, ')'); } }
        putc_(o, ','); put(o, g->strand == '+' ? "1" : "-1");
    }
    tab(o);
    put(o, m->alt); tab(o);                                    /* 47 Allele */
    put_ensg(o, g); tab(o);                                    /* 48 Gene */
    put_enst(o, g, 0); tab(o);                                 /* 49 Feature */
    put(o, "Transcript\t");                                    /* 50 Feature_type */
    const char *conseq = CONSEQ[m->vclass];
    const char *comma = strchr(conseq, ',');
    if (comma) putn(o, conseq, (size_t)(comma - conseq)); else put(o, conseq);
    tab(o);                                                    /* 51 One_Consequence */
    put(o, conseq); tab(o);                                    /* 52 Consequence */
    int cdna_off = 60 + (int)(gene_hash(g, 9) % 400);
    if (coding) {
        putu(o, (uint64_t)(m->cds + cdna_off)); putc_(o, '/'); putu(o, (uint64_t)(3 * g->aa + 3 + 2 * cdna_off)); tab(o); /* 53 */
        putu(o, (uint64_t)m->cds); putc_(o, '/'); putu(o, (uint64_t)(3 * g->aa + 3)); tab(o);                          /* 54 */
        putu(o, (uint64_t)m->ppos); putc_(o, '/'); putu(o, (uint64_t)g->aa); tab(o);                                   /* 55 */
        putc_(o, m->aa_ref); if (m->vclass != SILENT) { putc_(o, '/'); putc_(o, m->vclass == NONSENSE ? '*' : m->aa_alt); } tab(o); /* 56 */
        int ph = (m->cds - 1) % 3;
        for (int i = 0; i < 3; i++) putc_(o, i == ph ? m->ref[0] : "gcta"[(m->seed >> (2 * i)) & 3]);
        putc_(o, '/');
        for (int i = 0; i < 3; i++) putc_(o, i == ph ? m->alt[0] : "gcta"[(m->seed >> (2 * i)) & 3]);
        tab(o);                                                /* 57 Codons */
    } else put(o, "\t\t\t\t\t");
    if (m->hotspot || chance(&ar, 0.3)) { put(o, "COSV"); putu(o, 50000000 + (m->seed >> 36) % 10000000); }
    if (m->germline) { put(o, ",rs"); putu(o, 1000000 + (m->seed >> 40) % 900000000); }
    tab(o);                                                    /* 58 Existing_variation */
    if (m->vclass == FLANK5) putu(o, 300 + (uint64_t)m->pos % 2000);
    tab(o);                                                    /* 59 DISTANCE */
    put(o, g->strand == '+' ? "1\t" : "-1\t");                 /* 60 TRANSCRIPT_STRAND */
    put(o, g->name); put(o, "\tHGNC\tHGNC:");                  /* 61 SYMBOL, 62 SYMBOL_SOURCE */
    putu(o, 100 + gene_hash(g, 13) % 30000); tab(o);            /* 63 HGNC_ID */
    put(o, "protein_coding\tYES\tCCDS");                        /* 64 BIOTYPE, 65 CANONICAL */
    putu(o, 1000 + gene_hash(g, 19) % 60000); put(o, ".1\tENSP"); /* 66 CCDS */
    putpad(o, 200000 + gene_hash(g, 23) % 300000, 11); tab(o);  /* 67 ENSP */
    putc_(o, "OPQ"[gene_hash(g, 29) % 3]); putpad(o, gene_hash(g, 31) % 100000, 5); put(o, ".2");
    putu(o, 10 + gene_hash(g, 37) % 200); tab(o);               /* 68 SWISSPROT */
    if (gene_hash(g, 41) & 1) { put(o, "A0A024R"); puthex(o, gene_hash(g, 43), 3, 1); }
    tab(o);                                                    /* 69 TREMBL */
    put(o, "UPI"); puthex(o, gene_hash(g, 47), 10, 1); tab(o);  /* 70 UNIPARC */
    putc_(o, "OPQ"[gene_hash(g, 29) % 3]); putpad(o, gene_hash(g, 31) % 100000, 5); put(o, "-1\t"); /* 71 */
    put_nm(o, g, 0); tab(o);                                   /* 72 RefSeq */
    put(o, "NM_"); putpad(o, 1000 + gene_hash(g, 17) % 180000, 6); put(o, ".");
    putu(o, 3 + gene_hash(g, 67) % 5); tab(o);                 /* 73 MANE */
    put(o, "P1\t\t");                                          /* 74 APPRIS, 75 FLAGS */
    if (m->vclass == MISSENSE) {                               /* 76 SIFT, 77 PolyPhen */
        if (m->hotspot) put(o, "deleterious(0)\tprobably_damaging(0.998)\t");
        else { put(o, "tolerated(0."); putu(o, 10 + m->seed % 89); put(o, ")\tbenign(0.0"); putu(o, m->seed % 99); put(o, ")\t"); }
    } else put(o, "\t\t");
    if (coding) { putu(o, (uint64_t)exon); putc_(o, '/'); putu(o, (uint64_t)exon_total); }
    tab(o);                                                    /* 78 EXON */
    if (!coding) { putu(o, (uint64_t)exon); putc_(o, '/'); putu(o, (uint64_t)exon_total - 1); }
    tab(o);                                                    /* 79 INTRON */
    if (coding) {                                              /* 80 DOMAINS */
        int nd2 = 2 + (int)(gene_hash(g, 53) % 6);
        for (int i = 0; i < nd2; i++) {
            if (i) putc_(o, ';');
            put(o, DOMAIN_DB[(gene_hash(g, 59 + i) % 10)]);
            putpad(o, gene_hash(g, 61 + i) % 10000, 4);
        }
    }
    tab(o);
    for (int i = 0; i < 8; i++) { if (m->germline) put_af(o, &ar, pop_af); tab(o); } /* 81-88 1000G, ESP */
    for (int i = 0; i < 9; i++) { if (pop_af > 0) put_af(o, &ar, pop_af); tab(o); } /* 89-97 gnomAD */
    if (pop_af > 0) { put_af(o, &ar, pop_af * 1.5); put(o, "\tgnomAD_AFR\t"); } else put(o, "\t\t"); /* 98, 99 */
    for (int i = 0; i < 12; i++) { if (pop_af > 0) put_af(o, &ar, pop_af); tab(o); } /* 100-111 */
    if (pop_af > 0) { put(o, "nfe"); } tab(o);                     /* 112 */
    if (m->hotspot) put(o, "pathogenic,likely_pathogenic"); else if (m->germline) put(o, "benign");
    tab(o);                                                    /* 113 CLIN_SIG */
    if (m->hotspot) { put(o, "0,1"); } tab(o);                     /* 114 SOMATIC */
    if (m->hotspot) { put(o, "25157968;26619011;20619739"); } tab(o); /* 115 PUBMED */
    put(o, "\t\t\t\t\t\t");                                    /* 116-121 motif, miRNA */
    put(o, IMPACT[m->vclass]); put(o, "\t1\t");                /* 122 IMPACT, 123 PICK */
    put(o, VCLASS_SHORT[m->vtype]); put(o, "\t1\t\t");         /* 124 VARIANT_CLASS, 125 TSL, 126 HGVS_OFFSET */
    if (m->hotspot) { put(o, "1,1"); } tab(o);                     /* 127 PHENO */
    put(o, "1\t");                                             /* 128 GENE_PHENO */
    for (int i = 0; i < 11; i++) putc_(o, i == 5 ? (m->ref[0] == '-' ? 'N' : m->ref[0]) : BASES[(m->seed >> (2 * i + 8)) & 3]);
    tab(o);                                                    /* 129 CONTEXT */
    put(o, s->tumor_bam); tab(o); put(o, s->normal_bam); tab(o); put(o, s->case_id); tab(o); /* 130-132 */
    if (pop_af > 0.001) { put(o, "common_in_gnomAD"); } tab(o);    /* 133 GDC_FILTER */
    if (m->hotspot || chance(&ar, 0.3)) { put(o, "COSM"); putu(o, 10000 + (m->seed >> 44) % 9000000); }
    tab(o);                                                    /* 134 COSMIC */
    put(o, m->hotspot ? "Y\t" : "N\t");                        /* 135 hotspot */
    put(o, "Unknown\t\t\t\t");                                 /* 136 RNA_Support, 137-139 RNA counts */
    put(o, "vardict;mutect2\t");                               /* 140 callers */
    /* 141-152: fragment counts. simplex_duplex equals t_ref/t_alt; duplex is about 60% of it. */
    int dref = (int)(c.ref * 0.6), dalt = binomialish(noise, c.alt, 0.6);
    int sref = c.ref - dref, salt = c.alt - dalt;
    int stot = sref + salt, dtot = dref + dalt, tot = c.ref + c.alt;
    putu(o, (uint64_t)stot); tab(o); putu(o, (uint64_t)sref); tab(o); putu(o, (uint64_t)salt); tab(o);
    putf(o, stot ? (double)salt / stot : 0, 4); tab(o);
    putu(o, (uint64_t)dref); tab(o); putu(o, (uint64_t)dalt); tab(o); putu(o, (uint64_t)dtot); tab(o);
    putf(o, dtot ? (double)dalt / dtot : 0, 4); tab(o);
    putu(o, (uint64_t)c.ref); tab(o); putu(o, (uint64_t)c.alt); tab(o); putu(o, (uint64_t)tot); tab(o);
    putf(o, tot ? (double)c.alt / tot : 0, 4); tab(o);
    put(o, m->oncogenic); tab(o);                              /* 153 ONCOGENIC */
    put(o, m->hotspot ? "Y" : "N");                            /* 154 IS-A-HOTSPOT */
    putc_(o, '\n');

    if (o->len - start > OUT_SLACK) die("internal: row longer than the buffer slack", NULL);
    /* checksum: the same formula as floor.c */
    uint64_t v = (uint64_t)m->pos * 1000003ULL + (uint64_t)c.ref * 8191ULL + (uint64_t)c.alt * 131ULL
               + strlen(g->name) + strlen(g->chrom) * 3 + strlen(m->ref) * 5 + strlen(m->ref) * 7
               + strlen(m->alt) * 11 + strlen(s->barcode) * 13;
    g_checksum = (g_checksum ^ v) * 1099511628211ULL;
    g_rows++;
    out_reserve(o);
}

/* Check once that a row has exactly NCOL fields: the header and put_row must agree. */
static void self_check(void) {
    Out o = { malloc(OUT_CAP + OUT_SLACK), 0, NULL, NULL, 0 };
    Rng r = rng_for(1, 2, 3);
    Sample s; make_sample(&r, &s, "S", "N");
    for (int i = 0; i < 2000; i++) {
        Mut m = i < NHOT ? hotspot_mut(&r, &HOTSPOTS[i]) : random_mut(&r, &GENES[below(&r, NGENES)]);
        m.germline = i % 7 == 0;
        o.len = 0;
        put_row(&o, &m, &s, draw_counts(&r, 1000, 0.01), &r);
        int tabs = 0;
        for (size_t j = 0; j < o.len; j++) tabs += o.buf[j] == '\t';
        if (tabs != NCOL - 1) { fprintf(stderr, "genmaf: internal: row has %d fields, header %d\n", tabs + 1, NCOL); exit(1); }
    }
    free(o.buf);
    g_checksum = 1469598103934665603ULL; g_rows = 0;
}

/* ------------------------------------------------------------------ table mode */

static void table_mode(uint64_t rows, int samples, uint64_t seed) {
    Out o = { malloc(OUT_CAP + OUT_SLACK), 0, stdout, NULL, 0 };
    put_header(&o, samples);
    uint64_t per = rows / (uint64_t)samples, extra = rows % (uint64_t)samples;
    Mut *muts = malloc(sizeof(Mut) * (per + 1));
    if (!o.buf || !muts) die("out of memory", NULL);
    for (int si = 0; si < samples; si++) {
        Rng r = rng_for(seed, (uint64_t)si, 0x7AB1E);
        uint64_t n = per + ((uint64_t)si < extra);
        char barcode[48], normal[48];
        snprintf(barcode, sizeof barcode, "C-%06d-L%03d-d%02d", 100000 + si, 1 + si % 3, 1 + si % 2);
        snprintf(normal, sizeof normal, "C-%06d-N001-d01", 100000 + si);
        Sample s; make_sample(&r, &s, barcode, normal);
        double tf = logunif(&r, 0.001, 0.4); /* this sample's tumour fraction */
        for (uint64_t i = 0; i < n; i++) {
            Mut m;
            if (chance(&r, 0.03)) m = hotspot_mut(&r, random_hotspot(&r, 1));
            else m = random_mut(&r, &GENES[below(&r, NGENES)]);
            uint32_t kind = below(&r, 100);
            if (kind < 7) { m.germline = 1; m.oncogenic = "Unknown"; }
            else if (kind < 30 && !m.hotspot) m.oncogenic = kind < 15 ? "Likely Oncogenic" : "Likely Neutral";
            muts[i] = m;
        }
        qsort(muts, n, sizeof(Mut), mut_cmp);
        for (uint64_t i = 0; i < n; i++) {
            const Mut *m = &muts[i];
            double vaf;
            if (m->germline) vaf = chance(&r, 0.9) ? 0.5 : 0.99;
            else if (m->hotspot || chance(&r, 0.3)) vaf = tf * 0.5 * (0.3 + 0.7 * unif(&r));
            else vaf = 0.0004; /* genotyped site, background noise only */
            Counts c = draw_counts(&r, between(&r, 500, 5000), vaf);
            put_row(&o, m, &s, c, &r);
        }
    }
    out_flush(&o);
    if (fflush(stdout) != 0) die("write failed", strerror(errno));
    fprintf(stderr, "rows=%llu checksum=%016llx bytes=%llu\n", (unsigned long long)g_rows,
            (unsigned long long)g_checksum, (unsigned long long)o.bytes);
    free(muts); free(o.buf);
}

/* ------------------------------------------------------------------ VCF */

/* The same calls as a single-sample VCF in the layout GATK Mutect2 writes (FORMAT GT:AD:AF:DP),
 * annotated as VEP writes CSQ (SYMBOL, HGVSp, ALLELE_NUM, CANONICAL) with OncoKB-style INFO
 * ONCOGENIC and HOTSPOT: what ctdna reads from the MAF row (gene, protein change, counts, driver
 * flags) is in the VCF line too, so `ctdna run` gives the same patients.tsv on either cohort.
 * Indels are written as a caller writes them, anchored on the base before, and left-aligned:
 * the anchor base differs from the indel's last base (a real left-aligned call's does). */
static void put_vcf_header(Out *o, const char *sample) {
    put(o, "##fileformat=VCFv4.2\n"
           "##FILTER=<ID=PASS,Description=\"All filters passed\">\n"
           "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"Allelic depths for the ref and alt alleles in the order listed\">\n"
           "##FORMAT=<ID=AF,Number=A,Type=Float,Description=\"Allele fractions of alternate alleles in the tumor\">\n"
           "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Approximate read depth (reads with MQ=255 or with bad mates are filtered)\">\n"
           "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
           "##INFO=<ID=CSQ,Number=.,Type=String,Description=\"Consequence annotations from Ensembl VEP. Format: Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|HGVSc|HGVSp|ALLELE_NUM|CANONICAL\">\n"
           "##INFO=<ID=DP,Number=1,Type=Integer,Description=\"Approximate read depth; some reads may have been filtered\">\n"
           "##INFO=<ID=HOTSPOT,Number=0,Type=Flag,Description=\"A cancer hotspot (cancerhotspots.org)\">\n"
           "##INFO=<ID=ONCOGENIC,Number=1,Type=String,Description=\"OncoKB oncogenicity, spaces written _\">\n"
           "##source=genmaf (ctdna benchmarks), in the layout of Mutect2 + VEP\n"
           "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t");
    put(o, sample);
    putc_(o, '\n');
}

static void put_vcf_row(Out *o, const Mut *m, Counts c) {
    char anchor = 0;
    put(o, m->g->chrom); tab(o);
    if (m->vtype == SNP) {
        putu(o, (uint64_t)m->pos); put(o, "\t.\t"); put(o, m->ref); tab(o); put(o, m->alt);
    } else {
        const char *seq = m->vtype == DEL ? m->ref : m->alt;
        char last = seq[strlen(seq) - 1];
        anchor = BASES[m->seed % 4];
        if (anchor == last) anchor = BASES[(m->seed + 1) % 4];
        /* A deletion's anchor is the base before its first deleted base; an insertion's is the MAF's Start_Position. */
        putu(o, (uint64_t)(m->vtype == DEL ? m->pos - 1 : m->pos)); put(o, "\t.\t");
        putc_(o, anchor); if (m->vtype == DEL) put(o, seq);
        tab(o);
        putc_(o, anchor); if (m->vtype == INS) put(o, seq);
    }
    put(o, "\t.\tPASS\tDP="); putu(o, (uint64_t)c.depth);
    put(o, ";CSQ=");
    if (m->vtype == SNP) put(o, m->alt); else if (m->vtype == DEL) putc_(o, '-'); else put(o, m->alt);
    putc_(o, '|');
    /* VEP joins a variant's consequence terms with & (a comma separates CSQ entries). */
    for (const char *p = CONSEQ[m->vclass]; *p; p++) putc_(o, *p == ',' ? '&' : *p);
    putc_(o, '|'); put(o, IMPACT[m->vclass]); putc_(o, '|');
    put(o, m->g->name); putc_(o, '|'); put_ensg(o, m->g); put(o, "|Transcript|"); put_enst(o, m->g, 0);
    put(o, "|protein_coding|"); put_enst(o, m->g, 0); putc_(o, ':'); put_hgvsc(o, m); putc_(o, '|');
    put_hgvsp(o, m, 0);
    put(o, "|1|YES");
    put(o, ";ONCOGENIC=");
    for (const char *p = m->oncogenic; *p; p++) putc_(o, *p == ' ' ? '_' : *p);
    if (m->hotspot) put(o, ";HOTSPOT");
    put(o, "\tGT:AD:AF:DP\t0/1:");
    putu(o, (uint64_t)c.ref); putc_(o, ','); putu(o, (uint64_t)c.alt); putc_(o, ':');
    putf(o, c.ref + c.alt ? (double)c.alt / (c.ref + c.alt) : 0, 4); putc_(o, ':');
    putu(o, (uint64_t)c.depth); putc_(o, '\n');
    out_reserve(o);
}

/* ------------------------------------------------------------------ cohort mode */

enum { MAX_TIMEPOINTS = 8 };
typedef struct { Mut m; int kind; double ccf; int present[MAX_TIMEPOINTS]; } CohortMut;
enum { K_TUMOUR, K_CH, K_GERMLINE, K_BACKGROUND };

static int cmut_cmp(const void *a, const void *b) { return mut_cmp(&((const CohortMut *)a)->m, &((const CohortMut *)b)->m); }

static void write_sample_file(const char *path, const char *vcf_path, CohortMut *muts, int n, int tp, const Sample *s, double tf, Rng *r) {
    Out o = { malloc(OUT_CAP + OUT_SLACK), 0, NULL, gzopen(path, "wb6"), 0 };
    if (!o.gz) die("cannot create", path);
    put_header(&o, 1);
    Out v = { NULL, 0, NULL, NULL, 0 };
    if (vcf_path) {
        v.buf = malloc(OUT_CAP + OUT_SLACK);
        v.gz = gzopen(vcf_path, "wb6");
        if (!v.gz) die("cannot create", vcf_path);
        put_vcf_header(&v, s->barcode);
    }
    for (int i = 0; i < n; i++) {
        CohortMut *cm = &muts[i];
        if (!cm->present[tp]) continue;
        double vaf;
        switch (cm->kind) {
        case K_TUMOUR: vaf = tf * 0.5 * cm->ccf; break;
        case K_CH: vaf = cm->ccf * (0.85 + 0.3 * unif(r)); break; /* clonal haematopoiesis: stable */
        case K_GERMLINE: vaf = cm->ccf; break;
        default: vaf = 0.0003; break;
        }
        Counts c = draw_counts(r, between(r, 500, 5000), vaf);
        put_row(&o, &cm->m, s, c, r);
        if (vcf_path) put_vcf_row(&v, &cm->m, c);
    }
    out_flush(&o);
    if (gzclose(o.gz) != Z_OK) die("gzip close failed", path);
    free(o.buf);
    if (vcf_path) {
        out_flush(&v);
        if (gzclose(v.gz) != Z_OK) die("gzip close failed", vcf_path);
        free(v.buf);
    }
}

static void base36(uint32_t v, char *dst) {
    const char *d = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    for (int i = 5; i >= 0; i--) { dst[i] = d[v % 36]; v /= 36; }
    dst[6] = 0;
}

static void cohort_mode(int patients, int timepoints, const char *dir, uint64_t seed, int vcf) {
    char path[4096], vcf_path[4096];
    if (mkdir(dir, 0777) && errno != EEXIST) die("cannot create directory", dir);
    snprintf(path, sizeof path, "%s/maf", dir);
    if (mkdir(path, 0777) && errno != EEXIST) die("cannot create directory", path);
    snprintf(path, sizeof path, "%s/samplesheet.tsv", dir);
    FILE *sheet = fopen(path, "w");
    if (!sheet) die("cannot create", path);
    fprintf(sheet, "patient\ttimepoint\tarm\tcohort\tfile\tsample%s\n", timepoints > 2 ? "\tday" : "");
    FILE *vcf_sheet = NULL;
    if (vcf) {
        snprintf(path, sizeof path, "%s/vcf", dir);
        if (mkdir(path, 0777) && errno != EEXIST) die("cannot create directory", path);
        snprintf(path, sizeof path, "%s/samplesheet-vcf.tsv", dir);
        vcf_sheet = fopen(path, "w");
        if (!vcf_sheet) die("cannot create", path);
        fprintf(vcf_sheet, "patient\ttimepoint\tarm\tcohort\tfile%s\n", timepoints > 2 ? "\tday" : "");
    }

    static const char *NSCLC_GENES[] = {"EGFR", "KRAS", "TP53", "STK11", "KEAP1", "SMARCA4", "NF1", "BRAF", "MET", "ERBB2", "RB1", "CDKN2A"};
    static const char *BREAST_GENES[] = {"PIK3CA", "TP53", "GATA3", "ESR1", "CDH1", "MAP3K1", "AKT1", "PTEN", "ERBB2", "ARID1A", "KMT2C", "NF1"};
    static const char *NSCLC_HOT[][2] = {{"KRAS", "G12C"}, {"KRAS", "G12D"}, {"KRAS", "G12V"}, {"EGFR", "L858R"}, {"BRAF", "V600E"}, {"TP53", "R273H"}, {"TP53", "R248Q"}, {"PIK3CA", "E545K"}};
    static const char *BREAST_HOT[][2] = {{"PIK3CA", "H1047R"}, {"PIK3CA", "E545K"}, {"PIK3CA", "E542K"}, {"ESR1", "D538G"}, {"ESR1", "Y537S"}, {"AKT1", "E17K"}, {"TP53", "R175H"}, {"ERBB2", "S310F"}};
    CohortMut muts[80];

    for (int p = 0; p < patients; p++) {
        Rng r = rng_for(seed, (uint64_t)p, 0xC0407);
        char id[8], pid[16], bar[MAX_TIMEPOINTS][40], normal[40];
        base36((uint32_t)(((uint64_t)p * 48271u + 1234567u) % 2176782336u), id); /* distinct for p < 36^6 */
        snprintf(pid, sizeof pid, "C-%s", id);
        for (int tp = 0; tp < timepoints; tp++) snprintf(bar[tp], sizeof bar[tp], "C-%s-L%03d-d%02d", id, tp + 1, tp + 1);
        snprintf(normal, sizeof normal, "C-%s-N001-d01", id);
        int nsclc = chance(&r, 0.6), sbrt = chance(&r, 0.5);
        int n = 0;

        /* tumour: 1-2 hotspot drivers, 2-8 other somatic */
        int ndrivers = 1 + chance(&r, 0.35);
        for (int d = 0; d < ndrivers; d++) {
            const char *(*hot)[2] = nsclc ? NSCLC_HOT : BREAST_HOT;
            int idx = (int)below(&r, 8);
            const char *gene = hot[idx][0], *ch = hot[idx][1];
            const Hotspot *h = hotspot_of(gene, ch[0], atoi(ch + 1), ch[strlen(ch) - 1]);
            int dup = 0;
            for (int j = 0; j < n; j++) dup |= muts[j].m.pos == h->pos && muts[j].m.alt[0] == h->alt;
            if (dup) continue;
            muts[n].m = hotspot_mut(&r, h); muts[n].kind = K_TUMOUR; muts[n].ccf = 1.0;
            muts[n].present[0] = muts[n].present[1] = 1; n++;
        }
        int npass = between(&r, 2, 8);
        for (int k = 0; k < npass; k++) {
            const char *gene = chance(&r, 0.6) ? (nsclc ? NSCLC_GENES : BREAST_GENES)[below(&r, 12)] : GENES[below(&r, NGENES)].name;
            if (!strcmp(gene, "DNMT3A") || !strcmp(gene, "TET2")) gene = "TP53";
            muts[n].m = random_mut(&r, gene_named(gene)); muts[n].kind = K_TUMOUR;
            muts[n].m.oncogenic = chance(&r, 0.3) ? "Likely Oncogenic" : chance(&r, 0.5) ? "Unknown" : "Likely Neutral";
            muts[n].ccf = chance(&r, 0.7) ? 1.0 : 0.2 + 0.6 * unif(&r);
            muts[n].present[0] = muts[n].present[1] = 1;
            double a = unif(&r);
            if (a < 0.08) muts[n].present[1] = 0;      /* not genotyped at follow-up */
            else if (a < 0.13) muts[n].present[0] = 0; /* emerging: only at follow-up */
            n++;
        }
        /* clonal haematopoiesis in about a third of patients */
        if (chance(&r, 0.35)) {
            int nch = 1 + chance(&r, 0.3);
            for (int k = 0; k < nch; k++) {
                if (k == 0 && chance(&r, 0.25)) muts[n].m = hotspot_mut(&r, hotspot_of("DNMT3A", 'R', 882, chance(&r, 0.5) ? 'H' : 'C'));
                else {
                    muts[n].m = random_mut(&r, gene_named(chance(&r, 0.5) ? "DNMT3A" : "TET2"));
                    muts[n].m.oncogenic = "Likely Oncogenic";
                }
                muts[n].kind = K_CH; muts[n].ccf = logunif(&r, 0.004, 0.04);
                muts[n].present[0] = muts[n].present[1] = 1;
                n++;
            }
        }
        /* germline SNPs */
        int ngerm = between(&r, 1, 4);
        for (int k = 0; k < ngerm; k++) {
            muts[n].m = random_mut(&r, &GENES[below(&r, NGENES)]);
            muts[n].m.vtype = SNP; muts[n].m.vclass = chance(&r, 0.5) ? SILENT : MISSENSE;
            muts[n].m.ref[0] = BASES[below(&r, 4)]; muts[n].m.ref[1] = 0;
            muts[n].m.alt[0] = other_base(&r, muts[n].m.ref[0]); muts[n].m.alt[1] = 0;
            muts[n].m.end = muts[n].m.pos;
            muts[n].m.germline = 1;
            muts[n].kind = K_GERMLINE; muts[n].ccf = chance(&r, 0.85) ? 0.5 : 0.99;
            muts[n].present[0] = muts[n].present[1] = 1;
            n++;
        }
        /* genotyped sites called elsewhere: fill to 20-60 rows */
        int target = between(&r, 20, 60);
        while (n < target) {
            muts[n].m = random_mut(&r, &GENES[below(&r, NGENES)]); muts[n].kind = K_BACKGROUND; muts[n].ccf = 0;
            muts[n].present[0] = muts[n].present[1] = 1;
            n++;
        }
        qsort(muts, (size_t)n, sizeof muts[0], cmut_cmp);
        /* later draws genotype what the follow-up did (no random numbers drawn, so that a
           two-timepoint cohort is the same whatever the code for longer series) */
        for (int i = 0; i < n; i++)
            for (int tp = 2; tp < timepoints; tp++) muts[i].present[tp] = muts[i].present[1];

        double tf[MAX_TIMEPOINTS];
        tf[0] = logunif(&r, 0.002, 0.3);
        double response = sbrt ? logunif(&r, 0.02, 1.5) : logunif(&r, 0.1, 3.0);
        tf[1] = chance(&r, 0.1) ? 0 : fmin(tf[0] * response, 0.9);
        for (int tp = 0; tp < timepoints; tp++) {
            /* after the follow-up, progression: the tumour fraction grows back, by 1.2-4x a draw */
            if (tp >= 2) tf[tp] = fmin(fmax(tf[tp - 1], 0.001) * logunif(&r, 1.2, 4.0), 0.9);
            Sample s; make_sample(&r, &s, bar[tp], normal);
            snprintf(path, sizeof path, "%s/maf/%s.maf.gz", dir, bar[tp]);
            snprintf(vcf_path, sizeof vcf_path, "%s/vcf/%s.vcf.gz", dir, bar[tp]);
            write_sample_file(path, vcf ? vcf_path : NULL, muts, n, tp, &s, tf[tp], &r);
            static const char *LABELS[MAX_TIMEPOINTS] = {"baseline", "followup", "week16", "week24", "week32", "week40", "week48", "week56"};
            static const int DAYS[MAX_TIMEPOINTS] = {0, 56, 112, 168, 224, 280, 336, 392};
            fprintf(sheet, "%s\t%s\t%s\t%s\tmaf/%s.maf.gz\t%s", pid, LABELS[tp],
                    sbrt ? "SBRT" : "SOC", nsclc ? "NSCLC" : "Breast", bar[tp], bar[tp]);
            if (timepoints > 2) fprintf(sheet, "\t%d", DAYS[tp]);
            fputc('\n', sheet);
            if (vcf_sheet) {
                fprintf(vcf_sheet, "%s\t%s\t%s\t%s\tvcf/%s.vcf.gz", pid, LABELS[tp],
                        sbrt ? "SBRT" : "SOC", nsclc ? "NSCLC" : "Breast", bar[tp]);
                if (timepoints > 2) fprintf(vcf_sheet, "\t%d", DAYS[tp]);
                fputc('\n', vcf_sheet);
            }
        }
    }
    if (fclose(sheet) != 0) die("write failed", "samplesheet.tsv");
    if (vcf_sheet && fclose(vcf_sheet) != 0) die("write failed", "samplesheet-vcf.tsv");
    fprintf(stderr, "patients=%d samples=%d dir=%s\n", patients, timepoints * patients, dir);
}

/* ------------------------------------------------------------------ main */

static void usage(void) {
    fprintf(stderr,
            "usage: genmaf table  --rows N --samples S [--seed X]   (MAF text on stdout)\n"
            "       genmaf cohort --patients P --dir DIR [--seed X] [--timepoints T] [--vcf 1]\n"
            "       genmaf columns                                 (the header, one name a line)\n");
    exit(64);
}

static uint64_t number(const char *flag, const char *s) {
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || !*s) { fprintf(stderr, "genmaf: %s: \"%s\" is not a number\n", flag, s); exit(64); }
    return v;
}

int main(int argc, char **argv) {
    if (argc < 2) usage();
    const char *mode = argv[1], *dir = NULL;
    uint64_t rows = 0, samples = 0, patients = 0, seed = 42, timepoints = 2, vcf = 0;
    for (int i = 2; i < argc; i++) {
        if (i + 1 >= argc) usage();
        if (!strcmp(argv[i], "--rows")) rows = number("--rows", argv[++i]);
        else if (!strcmp(argv[i], "--samples")) samples = number("--samples", argv[++i]);
        else if (!strcmp(argv[i], "--patients")) patients = number("--patients", argv[++i]);
        else if (!strcmp(argv[i], "--timepoints")) timepoints = number("--timepoints", argv[++i]);
        else if (!strcmp(argv[i], "--seed")) seed = number("--seed", argv[++i]);
        else if (!strcmp(argv[i], "--dir")) dir = argv[++i];
        else if (!strcmp(argv[i], "--vcf")) vcf = number("--vcf", argv[++i]);
        else usage();
    }
    self_check();
    if (!strcmp(mode, "table")) {
        if (!rows || !samples || samples > rows || samples > 1000000) usage();
        table_mode(rows, (int)samples, seed);
    } else if (!strcmp(mode, "cohort")) {
        if (!patients || !dir || patients > 1000000) usage();
        if (timepoints < 2 || timepoints > MAX_TIMEPOINTS) usage();
        cohort_mode((int)patients, (int)timepoints, dir, seed, vcf != 0);
    } else if (!strcmp(mode, "columns")) {
        for (int i = 0; i < NCOL; i++) printf("%d\t%s\n", i + 1, COLUMNS[i]);
    } else usage();
    return 0;
}
