#!/usr/bin/env bash
# Makes the compressed test inputs from small.maf. Run from this folder; needs gzip, bgzip
# (Debian package tabix) and python3. The outputs are committed; the tests never run this.
set -euo pipefail
gzip -9 -n -c small.maf > small.maf.gz
# Two gzip members, split in the middle of a line (concatenated gzip files are one stream).
head -c 700 small.maf | gzip -9 -n -c > small.multi.gz
tail -c +701 small.maf | gzip -9 -n -c >> small.multi.gz
# BGZF with tiny blocks is awkward to force; bgzip writes a block plus the empty EOF block.
bgzip -c small.maf > small.bgzf
python3 -c 'import sys, zlib; sys.stdout.buffer.write(zlib.compress(open("small.maf","rb").read(), 9))' > small.zlib
# Broken ones: cut in the middle; cut exactly at a member boundary inside a multi-member file
# is valid, so cut one byte into the second member instead; a flipped CRC byte; junk after a member.
size=$(stat -c %s small.maf.gz)
head -c $((size / 2)) small.maf.gz > truncated.gz
first=$(head -c 700 small.maf | gzip -9 -n -c | wc -c)
head -c $((first + 1)) small.multi.gz > truncated-at-member.gz
python3 - <<'PY'
data = bytearray(open("small.maf.gz", "rb").read())
data[-8] ^= 0xFF  # first byte of the CRC32 trailer
open("bad-crc.gz", "wb").write(bytes(data))
open("trailing-junk.gz", "wb").write(open("small.maf.gz", "rb").read() + b"this is not gzip\n")
PY
# A VCF given where a MAF is expected is recognised after decompression too.
gzip -9 -n -c dialects/mutect2.vcf > dialects/mutect2.vcf.gz
