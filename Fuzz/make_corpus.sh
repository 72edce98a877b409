#!/usr/bin/env bash
# Makes the seed corpus Fuzz/corpus/ from the test inputs and a few hand-made edge cases.
# Run from anywhere; needs gzip and python3. The outputs are committed; run.sh never runs this.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out="$here/corpus"
mkdir -p "$out"
fixtures="$root/Tests/CtDNAIOTests/Fixtures"
for name in small.maf small.maf.gz small.bgzf small.multi.gz small.zlib bad-crc.gz trailing-junk.gz \
            truncated.gz truncated-at-member.gz; do
    cp "$fixtures/$name" "$out/$name"
done
# The VCF fixtures, one per caller's layout.
for name in "$fixtures"/vcf/*.vcf; do
    cp "$name" "$out/vcf-$(basename "$name")"
done
# The MSK-ACCESS table, cut to its header and four rows (the whole file is large for a seed).
head -n 5 "$fixtures/msk-access-genotyped.maf" > "$out/msk-access-head.maf"
head -n 8 "$root/Tests/CLITests/Fixtures/method-cohort/P01_baseline.maf" > "$out/cohort-p01.maf"

python3 - "$out" <<'PY'
import gzip, sys, zlib, os
out = sys.argv[1]
def put(name, data):
    open(os.path.join(out, name), "wb").write(data)
gdc = b"Hugo_Symbol\tChromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele1\tTumor_Seq_Allele2\tTumor_Sample_Barcode\tt_ref_count\tt_alt_count\n"
rows = (b"TP53\tchr17\t7577120\tC\tC\tT\tS1\t900\t100\n"
        b"KRAS\t12\t25398284\tC\tC\tA\tS2\tNA\t.\n"
        b"EGFR\t7\t55249071\tC\tC\t\tS1\t0\t0\n")
put("empty", b"")
put("header-only.maf", gdc)
put("comments-only.maf", b"#version 2.4\n#another\n")
put("crlf.maf", (gdc + rows).replace(b"\n", b"\r\n"))
put("cr.maf", (gdc + rows).replace(b"\n", b"\r"))
put("no-final-newline.maf", gdc + rows.rstrip(b"\n"))
put("blank-lines.maf", b"\n\n" + gdc + b"\n" + rows + b"\n\n")
put("hash-header.tsv", b"#CHROM\tPOS\tREF\tALT\tsample\tt_alt_count\tt_depth\nchr1\t100\tA\tG\tS1\t5\t50\n")
put("vaf.tsv", b"chrom\tpos\tref\talt\tsample\tvaf\tAF\tgnomAD_AF\tCalled\n1\t10\tA\tT\tS1\t0.25\t25\t0.001\tYes\n2\t20\tG\tC\tS2\tNA\t.\t\tNo\n")
put("depth.tsv", b"Chromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\tt_alt_count\tt_depth\tHGVSp_Short\tVariant_Classification\tONCOGENIC\tIS-A-HOTSPOT\tHotspot_Whitelist\n"
                 b"17\t7577120\tC\tT\t10\t100\tp.R273H\tMissense_Mutation\tOncogenic\tY\tTRUE\n17\t7577121\tC\tT\t200\t100\t.\t.\t.\t.\t.\n")
put("bad-counts.maf", gdc + b"TP53\t17\t1\tC\tC\tT\tS1\t-5\t1.5\n")
put("bad-utf8.maf", gdc + b"TP\xff53\t17\t1\tC\tC\tT\tS1\t5\t1\n")
put("duplicate-header.maf", b"Chromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\tt_alt_count\tt_alt_count\tt_ref_count\n")
put("msk-columns.maf", b"Chromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\tTumor_Sample_Barcode\tCalled\tt_alt_count_fragment_simplex_duplex\tt_ref_count_fragment_simplex_duplex\n"
                       b"1\t5\tA\tC\tS2\tYes\t3\t30\n")
put("gzip-header-only.maf.gz", gzip.compress(gdc, mtime=0))
put("gzip-two-members.maf.gz", gzip.compress(gdc, mtime=0) + gzip.compress(rows, mtime=0))
put("zlib-rows.zlib", zlib.compress(gdc + rows, 9))
put("gzip-magic-only", b"\x1f\x8b")
put("one-byte", b"\x1f")
put("binary-junk", bytes((i * 131 + 7) % 256 for i in range(512)))
PY
echo "$(ls "$out" | wc -l) seeds in $out"
