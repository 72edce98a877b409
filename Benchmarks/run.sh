#!/usr/bin/env bash
# Times `ctdna view` against zcat and the C floor on one large gzipped MAF, and `ctdna run`
# against the same method written with pandas and with polars (on that table and the cohort);
# with --cohort, also the cohort as per-sample VCF.gz, `ctdna view` beside `bcftools query -f`.
#
#   bash Benchmarks/run.sh [--rows N] [--samples S] [--seed X] [--repeat N] [--cohort] [--patients P]
#
# Data goes to bench-data/ at the repository root and is reused while the parameters (and the
# generator version below) match. Progress goes to stderr, the result table to stdout.
# CTDNA (default .build/release/ctdna) names the binary under test; CTDNA_ISAL (default
# .build-isal/release/ctdna, when it exists) one built with the ISA-L inflater (make release-isal).
# The table is also timed as BGZF (bgzip -@2 of the same text, made once when bgzip is installed).
set -euo pipefail

# Bump when genmaf's output changes, so that old data files are not reused.
GEN_VERSION=1

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
rows=2000000
samples=
seed=42
repeat=1
cohort=0
patients=1000

usage() {
    sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 64
}
log() { printf '%s\n' "$*" >&2; }
need_number() { [[ $2 =~ ^[1-9][0-9]*$ ]] || { log "run.sh: $1 needs a positive whole number, not \"$2\""; exit 64; }; }

while (($#)); do
    case $1 in
        --rows | --samples | --seed | --repeat | --patients)
            (($# >= 2)) || usage
            [[ $1 == --seed ]] && [[ $2 == 0 ]] || need_number "$1" "$2"
            declare "${1#--}=$2"
            shift 2
            ;;
        --cohort) cohort=1; shift ;;
        -h | --help) usage ;;
        *) log "run.sh: unknown argument \"$1\""; usage ;;
    esac
done
# About 2,000 rows per sample, like a large multi-sample table.
[[ -n $samples ]] || samples=$(((rows + 1999) / 2000))
((samples <= rows)) || { log "run.sh: --samples ($samples) exceeds --rows ($rows)"; exit 64; }

ctdna=${CTDNA:-$root/.build/release/ctdna}
ctdna_isal=${CTDNA_ISAL:-$root/.build-isal/release/ctdna}
bin=$here/bin
data=$root/bench-data
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# -------------------------------------------------------------------- build
log "building Benchmarks/bin/genmaf, floor and inflate_bench (and floor-isal with ISA-L)"
mkdir -p "$bin" "$data"
cc -O2 -o "$bin/genmaf" "$here/genmaf.c" -lz -lm
cc -O2 -o "$bin/floor" "$here/floor.c" -lz
# The same floor.c on ISA-L's inflate (inflaters/isal_zshim.h), when libisal-dev is installed.
have_isal=0
if printf '#include <isa-l/igzip_lib.h>\nint main(void) { struct inflate_state s; isal_inflate_init(&s); return 0; }\n' |
    cc -x c - -o "$work/probe" -lisal >/dev/null 2>&1; then
    cc -O2 -include "$here/inflaters/isal_zshim.h" -o "$bin/floor-isal" "$here/floor.c" -lisal -lz
    cc -O2 -DNO_LIBDEFLATE -o "$bin/inflate_bench" "$here/inflaters/inflate_bench.c" -lz -lisal
    have_isal=1
else
    log "no ISA-L (apt-get install libisal-dev): no floor-isal line"
    cc -O2 -DNO_LIBDEFLATE -DNO_ISAL -o "$bin/inflate_bench" "$here/inflaters/inflate_bench.c" -lz
fi

# -------------------------------------------------------------------- data
name=table-r$rows-s$samples-seed$seed-g$GEN_VERSION
file=$data/$name.maf.gz
meta=$data/$name.meta
if [[ -s $file && -s $meta ]]; then
    log "reusing $file"
else
    log "generating $file ($rows rows, $samples samples, seed $seed; genmaf | gzip -6)"
    start=$(date +%s.%N)
    "$bin/genmaf" table --rows "$rows" --samples "$samples" --seed "$seed" 2>"$work/gen.meta" |
        gzip -6 -n >"$work/table.maf.gz"
    end=$(date +%s.%N)
    gen_seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
    { tr ' ' '\n' <"$work/gen.meta"; echo "gen_seconds=$gen_seconds"; } >"$work/table.meta"
    mv "$work/table.maf.gz" "$file"
    mv "$work/table.meta" "$meta"
    log "generated in $gen_seconds s"
fi
# The same text as BGZF (independent blocks, which ctdna inflates on several threads), made
# with bgzip -@2 (Debian package tabix) once.
bgzf=$data/$name.bgzf.maf.gz
if [[ ! -s $bgzf ]]; then
    if command -v bgzip >/dev/null 2>&1; then
        log "making $bgzf (zcat | bgzip -@2)"
        zcat "$file" | bgzip -@2 >"$work/table.bgzf" && mv "$work/table.bgzf" "$bgzf"
    else
        log "no bgzip (apt-get install tabix): no BGZF lines"
    fi
fi
meta_value() { sed -n "s/^$1=//p" "$meta"; }
expect_checksum=$(meta_value checksum)
[[ $(meta_value rows) == "$rows" ]] || { log "run.sh: $meta does not describe $rows rows; delete it"; exit 1; }
uncompressed=$(meta_value bytes)
gen_seconds=$(meta_value gen_seconds)
compressed=$(stat -c %s "$file")

# -------------------------------------------------------------------- timing
# timed LABEL STDOUT CMD...: runs CMD $repeat times; leaves best wall seconds, the largest
# peak RSS (KiB) and the user+system CPU seconds of the best run in the results file, or a skip
# line when the command fails.
results=$work/results
: >"$results"
: >"$work/cpu-times"
timed() {
    local label=$1 out=$2 best= rss=0 cpu= i wall kb user sys run_cpu
    shift 2
    for ((i = 1; i <= repeat; i++)); do
        log "running $label ($i/$repeat)"
        if ! /usr/bin/time -f '%e %M %U %S' -o "$work/time" "$@" >"$out" 2>"$work/stderr"; then
            log "$label failed:"
            sed 's/^/    /' "$work/stderr" >&2
            printf '%s\tfailed\n' "$label" >>"$results"
            return 1
        fi
        # wall, peak RSS, user and system seconds; user+sys of each run also goes to cpu-times
        # (the machine may be shared: CPU time says what the tool cost when wall time is noisy).
        read -r wall kb user sys < <(tail -n 1 "$work/time")
        run_cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
        if [[ -z $best ]] || awk -v s="$wall" -v b="$best" 'BEGIN { exit !(s < b) }'; then
            best=$wall cpu=$run_cpu
        fi
        ((kb > rss)) && rss=$kb
        printf '%s\t%s\n' "$label" "$run_cpu" >>"$work/cpu-times"
    done
    printf '%s\t%s\t%s\t%s\n' "$label" "$best" "$rss" "$cpu" >>"$results"
}

log "reading $file once so that every tool starts from the page cache"
cat "$file" >/dev/null

timed "zcat" /dev/null zcat "$file" || true
if timed "floor" "$work/floor.out" "$bin/floor" "$file"; then
    got=$(sed -n 's/.*checksum=\([0-9a-f]*\).*/\1/p' "$work/floor.out")
    if [[ $got != "$expect_checksum" ]]; then
        log "run.sh: floor read checksum $got, genmaf wrote $expect_checksum"
        exit 1
    fi
fi
if ((have_isal)) && timed "floor isal" "$work/floor-isal.out" "$bin/floor-isal" "$file"; then
    got=$(sed -n 's/.*checksum=\([0-9a-f]*\).*/\1/p' "$work/floor-isal.out")
    [[ $got == "$expect_checksum" ]] || { log "run.sh: floor-isal read checksum $got, genmaf wrote $expect_checksum"; exit 1; }
fi
# One core's inflate alone (zlib, CRC checked, newlines counted): the bound a plain gzip file sets.
timed "inflate" "$work/inflate.out" "$bin/inflate_bench" zlib "$file" || true
((!have_isal)) || timed "inflate isal" "$work/inflate-isal.out" "$bin/inflate_bench" isal "$file" || true
if [[ -x $ctdna ]]; then
    timed "ctdna view" /dev/null "$ctdna" view "$file" || true
    timed "view -j 1" /dev/null "$ctdna" view -j 1 "$file" || true
    [[ ! -s $bgzf ]] || timed "view bgzf" /dev/null "$ctdna" view "$bgzf" || true
else
    log "skipping ctdna view: no executable at $ctdna (swift build -c release, or set CTDNA)"
    printf '%s\tskipped: no %s\n' "ctdna view" "$ctdna" >>"$results"
fi

# -------------------------------------------------------------------- the method, three ways
# `ctdna run` next to what a user would otherwise write: Benchmarks/python/method_pandas.py and
# method_polars.py, in a virtual environment made here once (Benchmarks/.venv, gitignored).
venv=$here/.venv
py=
if [[ -x $venv/bin/python ]] && "$venv/bin/python" -c 'import pandas, polars' 2>/dev/null; then
    py=$venv/bin/python
else
    log "making $venv and installing pandas and polars from PyPI (once)"
    if python3 -m venv "$venv" >&2 && "$venv/bin/python" -m pip install -q pandas polars >&2 &&
        "$venv/bin/python" -c 'import pandas, polars'; then
        py=$venv/bin/python
    else
        log "skipping the pandas and polars lines: could not install pandas and polars into $venv"
    fi
fi
versions=
[[ -z $py ]] || versions=$("$py" -c 'import sys, pandas, polars; print(f"python {sys.version.split()[0]}, pandas {pandas.__version__}, polars {polars.__version__}")')

# method LABEL_SUFFIX SHEET OUTPREFIX: times ctdna run, pandas and polars on one sample sheet
# (ctdna run with --threads 2; pandas single-threaded, polars on all cores, as they come) and checks
# that their per-patient numbers agree.
method() {
    local suffix=$1 sheet=$2 out=$3
    if [[ -x $ctdna ]]; then
        rm -rf "$out-ctdna" "$out-ctdna1"
        timed "ctdna run$suffix" /dev/null "$ctdna" run --samplesheet "$sheet" --outdir "$out-ctdna" --quiet --threads 2 || true
        timed "run -j 1$suffix" /dev/null "$ctdna" run --samplesheet "$sheet" --outdir "$out-ctdna1" --quiet --threads 1 || true
        if [[ -s $out-ctdna/patients.tsv && -s $out-ctdna1/patients.tsv ]] && ! cmp -s "$out-ctdna/patients.tsv" "$out-ctdna1/patients.tsv"; then
            log "run.sh: ctdna run -j 1 and -j 2 wrote different patients.tsv"
            exit 1
        fi
    else
        printf '%s\tskipped: no %s\n' "ctdna run$suffix" "$ctdna" >>"$results"
    fi
    local lib
    for lib in pandas polars; do
        if [[ -n $py ]]; then
            timed "$lib$suffix" /dev/null "$py" "$here/python/method_$lib.py" --samplesheet "$sheet" --out "$out-$lib.tsv" || true
        else
            printf '%s\tskipped: pandas/polars not installed\n' "$lib$suffix" >>"$results"
        fi
    done
    if [[ -n $py && -s $out-ctdna/patients.tsv ]]; then
        local others=() f
        for f in "$out-pandas.tsv" "$out-polars.tsv"; do [[ -s $f ]] && others+=("$f"); done
        ((${#others[@]})) && "$py" "$here/python/compare.py" "$out-ctdna/patients.tsv" "${others[@]}" |
            sed "s|$work/||" >>"$work/agreement" || true
    fi
}
: >"$work/agreement"

# The table's samples pair into patients in generation order: sample 2k (barcode ...-d01) is
# patient k's baseline, sample 2k+1 (...-d02) its follow-up (genmaf.c, table_mode); an odd last
# sample is left out. The derived sheet sits beside the table.
sheet=$data/$name.samplesheet.tsv
if [[ ! -s $sheet ]]; then
    awk -v n="$samples" -v f="$name.maf.gz" 'BEGIN {
        print "patient\ttimepoint\tarm\tcohort\tfile\tsample"
        for (si = 0; si + 1 < n; si += 2) {
            k = si / 2
            arm = k % 2 ? "SOC" : "SBRT"; cohort = k % 4 < 2 ? "NSCLC" : "Breast"
            for (t = 0; t < 2; t++)
                printf "P%06d\t%s\t%s\t%s\t%s\tC-%06d-L%03d-d%02d\n", k, t ? "followup" : "baseline",
                    arm, cohort, f, 100000 + si + t, 1 + (si + t) % 3, 1 + (si + t) % 2
        }
    }' >"$sheet.tmp"
    mv "$sheet.tmp" "$sheet"
fi
table_patients=$(($(wc -l <"$sheet") / 2))
printf 'table (%d patients):\n' "$table_patients" >>"$work/agreement"
method "" "$sheet" "$work/table"

# same_outputs A B LABEL: the per-patient and per-mutation tables of two runs are byte-identical.
same_outputs() {
    local f
    [[ -s $1/patients.tsv && -s $2/patients.tsv ]] || return 0
    for f in patients.tsv audit.tsv; do
        cmp -s "$1/$f" "$2/$f" || { log "run.sh: $3 wrote a different $f from ctdna run"; exit 1; }
    done
}
# The same table as BGZF, and through the ISA-L build: the same outputs, sooner.
if [[ -s $bgzf ]]; then
    bsheet=$data/$name.bgzf.samplesheet.tsv
    [[ -s $bsheet ]] || awk -F'\t' -v OFS='\t' -v f="$name.bgzf.maf.gz" 'NR > 1 { $5 = f } 1' "$sheet" >"$bsheet"
fi
if [[ -x $ctdna && -s $bgzf ]]; then
    timed "run bgzf" /dev/null "$ctdna" run --samplesheet "$bsheet" --outdir "$work/table-bgzf" --quiet --threads 2 || true
    same_outputs "$work/table-ctdna" "$work/table-bgzf" "ctdna run on the BGZF table"
fi
if [[ -x $ctdna_isal ]]; then
    timed "isal view" /dev/null "$ctdna_isal" view "$file" || true
    timed "isal run" /dev/null "$ctdna_isal" run --samplesheet "$sheet" --outdir "$work/table-isal" --quiet --threads 2 || true
    same_outputs "$work/table-ctdna" "$work/table-isal" "the ISA-L build"
    if [[ -s $bgzf ]]; then
        timed "isal run bgzf" /dev/null "$ctdna_isal" run --samplesheet "$bsheet" --outdir "$work/table-isal-bgzf" --quiet --threads 2 || true
        same_outputs "$work/table-ctdna" "$work/table-isal-bgzf" "the ISA-L build on the BGZF table"
    fi
else
    log "no ISA-L build at $ctdna_isal (make release-isal): no isal lines"
fi

# -------------------------------------------------------------------- cohort
cohort_line=
if ((cohort)); then
    cdir=$data/cohort-p$patients-seed$seed-g$GEN_VERSION
    # The VCF copy of the cohort came later: a folder made without it is made again.
    if [[ -s $cdir/samplesheet.tsv && -s $cdir/samplesheet-vcf.tsv ]]; then
        log "reusing $cdir"
        cohort_line="cohort: $cdir (reused)"
    else
        log "generating a cohort of $patients patients in $cdir"
        rm -rf "$cdir.tmp" "$cdir"
        start=$(date +%s.%N)
        "$bin/genmaf" cohort --patients "$patients" --dir "$cdir.tmp" --seed "$seed" --vcf 1
        end=$(date +%s.%N)
        mv "$cdir.tmp" "$cdir"
        cohort_line="cohort: $cdir generated in $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }') s"
    fi
    nfiles=$(find "$cdir/maf" -name '*.maf.gz' | wc -l)
    csize=$(du -sk "$cdir" | cut -f1)
    cohort_line="$cohort_line; $patients patients, $nfiles sample files, $((csize / 1024)) MB"
    log "reading $cdir once so that every tool starts from the page cache"
    cat "$cdir"/maf/*.maf.gz >/dev/null
    table_results=$results
    results=$work/cohort-results
    : >"$results"
    printf 'cohort (%d patients):\n' "$patients" >>"$work/agreement"
    # The floor and the readers over every file: zcat in one process, the floor and ctdna view
    # one process per file (as a script would call them), so start-up counts as it does for
    # the Python scripts.
    timed "zcat" /dev/null zcat "$cdir"/maf/*.maf.gz || true
    timed "floor" /dev/null bash -c 'for f in "${@:2}"; do "$1" "$f" >/dev/null || exit 1; done' - "$bin/floor" "$cdir"/maf/*.maf.gz || true
    if [[ -x $ctdna ]]; then
        timed "ctdna view" /dev/null bash -c 'for f in "${@:2}"; do "$1" view "$f" -o /dev/null || exit 1; done' - "$ctdna" "$cdir"/maf/*.maf.gz || true
    fi
    method "" "$cdir/samplesheet.tsv" "$work/cohort"
    if [[ -x $ctdna_isal ]]; then
        timed "isal run" /dev/null "$ctdna_isal" run --samplesheet "$cdir/samplesheet.tsv" --outdir "$work/cohort-isal" --quiet --threads 2 || true
        same_outputs "$work/cohort-ctdna" "$work/cohort-isal" "the ISA-L build on the cohort"
    fi
    # Serial samples (issue 15): the same patients drawn four times (baseline, follow-up, weeks
    # 16 and 24, with days): twice the bytes; the run's cost should follow the bytes, not the
    # square of the draws.
    sdir=$data/cohort-p$patients-t4-seed$seed-g$GEN_VERSION
    if [[ ! -s $sdir/samplesheet.tsv ]]; then
        log "generating a 4-draw cohort of $patients patients in $sdir"
        rm -rf "$sdir.tmp"
        "$bin/genmaf" cohort --patients "$patients" --dir "$sdir.tmp" --seed "$seed" --timepoints 4
        mv "$sdir.tmp" "$sdir"
    fi
    cat "$sdir"/maf/*.maf.gz >/dev/null
    serial_results=$work/serial-results
    : >"$serial_results"
    results=$serial_results
    timed "zcat 2 draws" /dev/null zcat "$cdir"/maf/*.maf.gz || true
    timed "zcat 4 draws" /dev/null zcat "$sdir"/maf/*.maf.gz || true
    if [[ -x $ctdna ]]; then
        timed "run 2 draws" /dev/null "$ctdna" run --samplesheet "$cdir/samplesheet.tsv" --outdir "$work/serial-2" --quiet --threads 2 || true
        timed "run 4 draws" /dev/null "$ctdna" run --samplesheet "$sdir/samplesheet.tsv" --outdir "$work/serial-4" --quiet --threads 2 || true
    fi
    serial_line="serial: $sdir; $(find "$sdir/maf" -name '*.maf.gz' | wc -l) files, $(($(du -sk "$sdir" | cut -f1) / 1024)) MB"

    # The same cohort as per-sample VCF.gz (Mutect2 layout, VEP CSQ, INFO ONCOGENIC/HOTSPOT;
    # genmaf.c, put_vcf_row): ctdna view beside bcftools query -f printing the same fields (the
    # key, FILTER, the annotation and driver fields, the sample's AD), one process per file as
    # for the MAFs; then ctdna run on the VCF sheet, whose patients.tsv must equal the MAF run's.
    vcf_results=$work/vcf-results
    : >"$vcf_results"
    results=$vcf_results
    cat "$cdir"/vcf/*.vcf.gz >/dev/null
    if ! command -v bcftools >/dev/null; then
        log "installing bcftools from Debian (apt-get), for the VCF lines"
        { apt-get install -y --no-install-recommends bcftools >&2 || { apt-get update >&2 && apt-get install -y --no-install-recommends bcftools >&2; }; } ||
            log "could not install bcftools: its line is skipped"
    fi
    if command -v bcftools >/dev/null; then
        bcftools_version=$(bcftools --version | head -n 1)
        timed "bcftools query" /dev/null bash -c 'for f in "${@:1}"; do bcftools query -f "%CHROM\t%POS\t%REF\t%ALT\t%FILTER\t%INFO/CSQ\t%INFO/ONCOGENIC\t%INFO/HOTSPOT[\t%SAMPLE\t%AD]\n" "$f" >/dev/null || exit 1; done' - "$cdir"/vcf/*.vcf.gz || true
    else
        printf '%s\tskipped: no bcftools\n' "bcftools query" >>"$results"
    fi
    # One large VCF, where start-up does not count: the header of the first sample's file and
    # every file's records, twelve times over (about 950,000 lines; made once, reused).
    big_vcf=$cdir/all-records-x12.vcf.gz
    if [[ ! -s $big_vcf ]]; then
        log "making $big_vcf"
        vcfs=("$cdir"/vcf/*.vcf.gz)
        { zcat "${vcfs[0]}" | grep '^#'; for _ in $(seq 12); do zcat "${vcfs[@]}" | grep -v '^#'; done; } |
            gzip -6 >"$big_vcf.tmp" && mv "$big_vcf.tmp" "$big_vcf"
    fi
    cat "$big_vcf" >/dev/null
    if command -v bcftools >/dev/null; then
        timed "bcftools big" /dev/null bcftools query -f "%CHROM\t%POS\t%REF\t%ALT\t%FILTER\t%INFO/CSQ\t%INFO/ONCOGENIC\t%INFO/HOTSPOT[\t%SAMPLE\t%AD]\n" "$big_vcf" || true
    fi
    if [[ -x $ctdna ]]; then
        timed "view big" /dev/null "$ctdna" view "$big_vcf" -o /dev/null || true
        timed "view big -j 1" /dev/null "$ctdna" view -j 1 "$big_vcf" -o /dev/null || true
        timed "ctdna view vcf" /dev/null bash -c 'for f in "${@:2}"; do "$1" view "$f" -o /dev/null || exit 1; done' - "$ctdna" "$cdir"/vcf/*.vcf.gz || true
        rm -rf "$work/vcf-ctdna"
        timed "ctdna run vcf" /dev/null "$ctdna" run --samplesheet "$cdir/samplesheet-vcf.tsv" --outdir "$work/vcf-ctdna" --quiet --threads 2 || true
        if [[ -s $work/vcf-ctdna/patients.tsv && -s $work/cohort-ctdna/patients.tsv ]]; then
            if cmp -s "$work/vcf-ctdna/patients.tsv" "$work/cohort-ctdna/patients.tsv"; then
                vcf_agreement="ctdna run on the VCF cohort: patients.tsv identical to the MAF cohort's"
            else
                log "run.sh: ctdna run wrote a different patients.tsv from the VCF cohort than from the MAF cohort"
                diff "$work/cohort-ctdna/patients.tsv" "$work/vcf-ctdna/patients.tsv" | head -n 20 >&2
                exit 1
            fi
        fi
    fi
    results=$table_results
fi

# -------------------------------------------------------------------- report
floor_s=$(awk -F'\t' '$1 == "floor" && $2 != "failed" { print $2 }' "$results")
isal_s=$(awk -F'\t' '$1 == "floor isal" && NF == 4 { print $2 }' "$results")
printf '\n%s\n' "$file"
awk -v r="$rows" -v c="$compressed" -v u="$uncompressed" 'BEGIN {
    printf "%d data rows, %.1f MB gzipped, %.1f MB uncompressed (%.1fx), %.0f bytes a row\n",
        r, c / 1e6, u / 1e6, u / c, u / r }'
[[ ! -s $bgzf ]] || printf 'BGZF (bgzip -@2) copy: %.1f MB\n' "$(awk -v c="$(stat -L -c %s "$bgzf")" 'BEGIN { print c / 1e6 }')"
[[ -z $gen_seconds ]] || printf 'generation took %s s (genmaf | gzip -6, when the file was made)\n' "$gen_seconds"
printf 'best of %d run(s); cpu s is user+system of that run; MB/s is uncompressed bytes per second\n' "$repeat"
printf 'x floor: over the C zlib floor; x isal: over the same floor on ISA-L\n\n'
awk -F'\t' -v r="$rows" -v u="$uncompressed" -v f="$floor_s" -v fi="$isal_s" '
    BEGIN { printf "%-14s %9s %7s %8s %7s %12s %9s %9s\n", "tool", "seconds", "cpu s", "x floor", "x isal", "rows/s", "MB/s", "peak MB" }
    NF == 2 { printf "%-14s %s\n", $1, $2; next }
    {
        s = $2 > 0 ? $2 : 0.01
        ratio = f > 0 ? sprintf("%.2f", s / f) : "-"
        iratio = fi > 0 ? sprintf("%.2f", s / fi) : "-"
        printf "%-14s %9.2f %7.2f %8s %7s %12.0f %9.0f %9.1f\n", $1, $2, $4, ratio, iratio, r / s, u / 1e6 / s, $3 / 1024
    }' "$results"
# The physical limit of a run on this machine: a gzip stream is inflated in order on one core,
# and all the CPU work is shared by the cores; a BGZF file lifts the first bound.
cores=$(nproc)
awk -F'\t' -v n="$cores" '
    NF == 4 { s[$1] = $2; cpu[$1] = $4 }
    END {
        if (!("inflate" in s)) exit
        printf "\nlimit on %d cores: max(one core'"'"'s inflate, all CPU / %d); run over it\n", n, n
        split("ctdna run,run bgzf,isal run,isal run bgzf", tools, ",")
        for (i = 1; i <= 4; i++) {
            t = tools[i]
            if (!(t in s)) continue
            inflate = (t ~ /bgzf/) ? 0 : (t ~ /isal/ ? s["inflate isal"] : s["inflate"])
            limit = cpu[t] / n > inflate ? cpu[t] / n : inflate
            printf "%-14s max(%.2f, %.2f / %d) = %.2f s; run %.2f s = %.2f x the limit\n", t, inflate, cpu[t], n, limit, s[t], s[t] / limit
        }
    }' "$results"
[[ -z $cohort_line ]] || printf '\n%s\n' "$cohort_line"
if [[ -s $work/cohort-results ]]; then
    ctdna_s=$(awk -F'\t' '$1 == "ctdna run" && NF == 4 { print $2 }' "$work/cohort-results")
    cfloor_s=$(awk -F'\t' '$1 == "floor" && NF == 4 { print $2 }' "$work/cohort-results")
    awk -F'\t' -v c="$ctdna_s" -v f="$cfloor_s" '
        BEGIN { printf "%-12s %9s %7s %8s %8s %9s\n", "tool", "seconds", "cpu s", "x floor", "x ctdna", "peak MB" }
        NF == 2 { printf "%-12s %s\n", $1, $2; next }
        {
            s = $2 > 0 ? $2 : 0.01
            ratio = c > 0 ? sprintf("%.2f", s / c) : "-"
            fratio = f > 0 ? sprintf("%.2f", s / f) : "-"
            printf "%-12s %9.2f %7.2f %8s %8s %9.1f\n", $1, $2, $4, fratio, ratio, $3 / 1024
        }' "$work/cohort-results"
fi

if [[ -s $work/serial-results ]]; then
    printf '\n%s\n' "$serial_line"
    awk -F'\t' '
        NF == 4 { s[$1] = $2 > 0 ? $2 : 0.01; c[$1] = $4; m[$1] = $3 }
        END {
            printf "%-14s %9s %7s %9s\n", "tool", "seconds", "cpu s", "peak MB"
            split("zcat 2 draws,zcat 4 draws,run 2 draws,run 4 draws", t, ",")
            for (i = 1; i <= 4; i++) if (t[i] in s) printf "%-14s %9.2f %7.2f %9.1f\n", t[i], s[t[i]], c[t[i]], m[t[i]] / 1024
            if (("zcat 4 draws" in s) && ("run 4 draws" in s))
                printf "4 draws over 2: bytes (zcat cpu) %.2f x, ctdna run cpu %.2f x, wall %.2f x\n",
                    c["zcat 4 draws"] / c["zcat 2 draws"], c["run 4 draws"] / c["run 2 draws"], s["run 4 draws"] / s["run 2 draws"]
        }' "$work/serial-results"
fi
if [[ -s $work/vcf-results ]]; then
    printf '\ncohort as per-sample VCF.gz (%s files, %s MB)%s\n' "$(find "$cdir/vcf" -name '*.vcf.gz' | wc -l)" \
        "$(($(du -sk "$cdir/vcf" | cut -f1) / 1024))" "${bcftools_version:+; $bcftools_version}"
    # user+sys: the last run's of that label (cpu-times holds every run, in order).
    awk -F'\t' '
        FNR == NR { cpu[$1] = $2; next }
        FNR == 1 { printf "%-15s %9s %9s %9s\n", "tool", "seconds", "user+sys", "peak MB" }
        NF == 2 { printf "%-15s %s\n", $1, $2; next }
        { printf "%-15s %9.2f %9s %9.1f\n", $1, $2, ($1 in cpu) ? cpu[$1] : "-", $3 / 1024 }' "$work/cpu-times" "$work/vcf-results"
    [[ -z ${vcf_agreement:-} ]] || printf '%s\n' "$vcf_agreement"
fi

# ctdna run against the Python versions: their time and peak memory over ctdna run's (above 1: ctdna wins).
ratios() {
    awk -F'\t' -v what="$1" '
        NF == 4 { s[$1] = $2 > 0 ? $2 : 0.01; m[$1] = $3 }
        END {
            if (!("ctdna run" in s)) exit
            for (i = 1; i <= 2; i++) {
                lib = i == 1 ? "polars" : "pandas"
                if (lib in s)
                    printf "%-7s %s / ctdna run: %5.2f x the time, %5.2f x the peak memory\n", what, lib,
                        s[lib] / s["ctdna run"], m[lib] / m["ctdna run"]
            }
        }' "$2"
}
printf '\n'
[[ -z $versions ]] || printf '%s\n' "$versions"
ratios table "$results"
[[ ! -s $work/cohort-results ]] || ratios cohort "$work/cohort-results"
if [[ -s $work/agreement ]]; then
    printf '\nagreement with ctdna run (patients.tsv, all four numbers within 1e-9):\n'
    cat "$work/agreement"
fi

# -------------------------------------------------------------------- the issues' targets
# Issue 19's and issue 13's speed targets, each as measured in this run: the ratio, the bound and
# whether it is met. Wall seconds are the best of the runs; a missing row prints nothing.
printf '\ntargets (this run):\n'
awk -F'\t' '
    FILENAME ~ /cohort-results$/ { if (NF == 4) { cs[$1] = $2 > 0 ? $2 : 0.01; cm[$1] = $3 }; next }
    FILENAME ~ /vcf-results$/ { if (NF == 4) { vs[$1] = $2 > 0 ? $2 : 0.01; vc[$1] = $4 }; next }
    NF == 4 { ts[$1] = $2 > 0 ? $2 : 0.01; tm[$1] = $3 }
    function report(what, value, bound, atMost) {
        met = atMost ? value <= bound : value >= bound
        printf "  %-58s %6.2f %s %-5s %s\n", what, value, atMost ? "<=" : ">=", bound, met ? "met" : "NOT met"
    }
    END {
        if (("ctdna run" in ts) && ("floor" in ts)) report("table: ctdna run / C zlib floor", ts["ctdna run"] / ts["floor"], 1.2, 1)
        if (("ctdna run" in ts) && ("polars" in ts)) report("table: polars / ctdna run", ts["polars"] / ts["ctdna run"], 2, 0)
        if (("run bgzf" in ts) && ("floor" in ts)) report("table, BGZF input: run bgzf / zlib floor", ts["run bgzf"] / ts["floor"], 0.7, 1)
        if (("isal run" in ts) && ("floor" in ts)) report("table, ISA-L: isal run / zlib floor", ts["isal run"] / ts["floor"], 0.7, 1)
        if (("isal run" in ts) && ("polars" in ts)) report("table, ISA-L: polars / isal run", ts["polars"] / ts["isal run"], 3, 0)
        if (("ctdna run" in cs) && ("zcat" in cs)) report("cohort: ctdna run / zcat", cs["ctdna run"] / cs["zcat"], 0.6, 1)
        if (("isal run" in cs) && ("zcat" in cs)) report("cohort: isal run / zcat", cs["isal run"] / cs["zcat"], 0.6, 1)
        if (("ctdna run" in cs) && ("pandas" in cs)) report("cohort: pandas / ctdna run", cs["pandas"] / cs["ctdna run"], 25, 0)
        if (("ctdna run" in cs) && ("polars" in cs)) report("cohort: polars / ctdna run", cs["polars"] / cs["ctdna run"], 25, 0)
        if (("ctdna view" in cs) && ("floor" in cs)) report("start-up: ctdna view / C floor, one process a file", cs["ctdna view"] / cs["floor"], 3, 1)
        peak = 0
        for (t in tm) if (t ~ /ctdna|run|view/ && tm[t] > peak) peak = tm[t]
        for (t in cm) if (t ~ /ctdna|run|view/ && cm[t] > peak) peak = cm[t]
        if (peak > 0) report("memory: largest ctdna peak, MB", peak / 1024, 50, 1)
        if (("ctdna view vcf" in vs) && ("bcftools query" in vs)) report("VCF (13): ctdna view / bcftools query, a process a file", vs["ctdna view vcf"] / vs["bcftools query"], 1, 1)
        if (("view big" in vs) && ("bcftools big" in vs)) report("VCF (13): large file, ctdna view / bcftools, wall", vs["view big"] / vs["bcftools big"], 1, 1)
        if (("view big -j 1" in vc) && ("bcftools big" in vc) && vc["bcftools big"] > 0)
            report("VCF (13): large file, view -j 1 / bcftools, CPU", vc["view big -j 1"] / vc["bcftools big"], 1, 1)
    }' $(for f in "$work/cohort-results" "$work/vcf-results"; do [[ ! -s $f ]] || printf '%s ' "$f"; done) "$results"
