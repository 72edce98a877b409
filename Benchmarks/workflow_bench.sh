#!/usr/bin/env bash
# A cohort of P patients (two gzipped MAFs each, `genmaf cohort`) analysed three ways: one
# `ctdna run -j 2`; N shards + merge through workflow/Snakefile with `--cores 2`; and
# `ctdna merge` alone over the workflow's shard folders, with its peak memory. Checks that the
# workflow's merge equals the single run (workflow/tests/compare_outputs.py) and prints a table.
#
#   bash Benchmarks/workflow_bench.sh [--patients P] [--shards N] [--seed X]
#
# Defaults: 10,000 patients (20,000 files), 16 shards, seed 42. The cohort goes to
# bench-data/cohort-pP-seedX-gG (the folder Benchmarks/run.sh --cohort uses) and is reused.
# snakemake comes from the cached virtual environment of `make workflow-test`
# (workflow/tests/snakemake_venv.sh). Progress goes to stderr, the table to stdout.
# CTDNA (default .build/release/ctdna) names the binary under test.
set -euo pipefail

# The generator version of Benchmarks/run.sh's GEN_VERSION: the same cohort folder.
GEN_VERSION=1

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
patients=10000
shards=16
seed=42

usage() {
    sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 64
}
log() { printf 'workflow_bench: %s\n' "$*" >&2; }
while (($#)); do
    case $1 in
        --patients | --shards | --seed)
            (($# >= 2)) || usage
            [[ $2 =~ ^[0-9]+$ ]] && { [[ $1 == --seed ]] || ((10#$2 > 0)); } ||
                { log "$1 needs a positive whole number, not \"$2\""; exit 64; }
            declare "${1#--}=$((10#$2))"
            shift 2
            ;;
        -h | --help) usage ;;
        *) log "unknown argument \"$1\""; usage ;;
    esac
done

ctdna=${CTDNA:-$root/.build/release/ctdna}
[[ -x $ctdna ]] || { log "no executable at $ctdna (make release, or set CTDNA)"; exit 1; }
ctdna=$(cd "$(dirname "$ctdna")" && pwd)/$(basename "$ctdna")
snakemake=$(bash "$root/workflow/tests/snakemake_venv.sh")

# ------------------------------------------------------------------ the cohort
mkdir -p "$here/bin" "$root/bench-data"
cc -O2 -o "$here/bin/genmaf" "$here/genmaf.c" -lz -lm
cohort=$root/bench-data/cohort-p$patients-seed$seed-g$GEN_VERSION
if [[ -s $cohort/samplesheet.tsv ]]; then
    log "reusing $cohort"
else
    log "generating $patients patients into $cohort"
    rm -rf "$cohort.tmp"
    "$here/bin/genmaf" cohort --patients "$patients" --dir "$cohort.tmp" --seed "$seed"
    mv "$cohort.tmp" "$cohort"
fi
files=$(find "$cohort/maf" -name '*.maf.gz' | wc -l)
megabytes=$(du -sm "$cohort" | cut -f1)
log "reading the cohort once so that each way starts from the page cache"
cat "$cohort"/maf/*.maf.gz >/dev/null

work=$(mktemp -d "$root/bench-data/workflow-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$root"

# timed LABEL CMD...: runs CMD under /usr/bin/time; appends LABEL, wall, user+sys seconds and
# peak resident KB (of the largest single process, children included) to the results.
results=$work/results
timed() {
    local label=$1
    shift
    log "running $label"
    if ! /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >"$work/$label.out" 2>"$work/$label.err"; then
        tail -n 30 "$work/$label.err" >&2
        log "$label failed"
        exit 1
    fi
    read -r wall user sys rss < <(tail -n 1 "$work/time")
    printf '%s\t%s\t%s\t%s\n' "$label" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')" \
        "$rss" >>"$results"
}

timed single "$ctdna" run --samplesheet "$cohort/samplesheet.tsv" --outdir "$work/single" -j 2 --quiet
timed workflow "$snakemake" -s workflow/Snakefile --cores 2 \
    --config samplesheet="$cohort/samplesheet.tsv" outdir="$work/sharded" shards="$shards" ctdna="$ctdna"
mapfile -t folders < <(for ((k = 1; k <= shards; k++)); do echo "$work/sharded/shards/$k-of-$shards"; done)
timed merge "$ctdna" merge --outdir "$work/merge-alone" --quiet "${folders[@]}"

log "checking that the workflow's merge equals the single run"
python3 "$root/workflow/tests/compare_outputs.py" "$work/single" "$work/sharded/merged" --shards "$shards" >&2

# ------------------------------------------------------------------ the table
# Snakemake's benchmark files: the shards' own seconds and peak memory (max_rss, MB).
shard_stats=$(awk -F'\t' 'FNR > 1 { n++; s += $1; if ($1 > m) m = $1; if ($3 > r) r = $3 }
    END { printf "%.2f %.2f %.2f %.0f", s / n, m, s, r }' "$work"/sharded/benchmarks/shard-*.tsv)
read -r shard_mean shard_max shard_sum shard_rss <<<"$shard_stats"

printf 'cohort: %d patients, %d sample files, %d MB, %d shards; %s; snakemake %s\n' \
    "$patients" "$files" "$megabytes" "$shards" "$("$ctdna" --version)" "$("$snakemake" --version)"
printf '%-40s %9s %12s %9s\n' way "wall s" "user+sys s" "peak MB"
awk -F'\t' -v n="$shards" '
    { label[$1] = $1; wall[$1] = $2; cpu[$1] = $3; rss[$1] = $4 }
    END {
        split("single workflow merge", order, " ")
        name["single"] = "ctdna run -j 2"
        name["workflow"] = "snakemake --cores 2: " n " shards + merge"
        name["merge"] = "ctdna merge alone (" n " shards)"
        for (i = 1; i <= 3; i++) {
            k = order[i]
            printf "%-40s %9.2f %12.2f %9.1f\n", name[k], wall[k], cpu[k], rss[k] / 1024
        }
    }' "$results"
printf 'one shard (Snakemake benchmark files): mean %s s, max %s s, sum %s s; peak %s MB\n' \
    "$shard_mean" "$shard_max" "$shard_sum" "$shard_rss"
printf '(peak MB: the largest single process; for the workflow, snakemake or one of its jobs)\n'
