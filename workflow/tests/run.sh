#!/usr/bin/env bash
# `make workflow-test`: runs workflow/Snakefile for real, with snakemake from PyPI, and checks
# that the merge of its shards is the plain `ctdna run` over the same sheet.
#
#   bash workflow/tests/run.sh
#
# 1. A virtual environment with the snakemake pinned in workflow/environment.yaml, kept between
#    runs in ${XDG_CACHE_HOME:-$HOME/.cache}/ctdna/snakemake-venv (CTDNA_SNAKEMAKE_VENV
#    overrides) and made again only when its snakemake is not the pinned one.
# 2. SampleData in 4 shards with --cores 2 and ctdna from PATH; merged/ compared with
#    `ctdna run` (workflow/tests/compare_outputs.py: byte for byte, the reports' provenance
#    aside); a second invocation has nothing to do.
# 3. A --configfile with 64 shards (more than SampleData's 59 patients: some shards are empty),
#    run options and the `ctdna` key (ctdna not on PATH), compared with `ctdna run` given the
#    same options.
# 4. A ctdna that does not exist stops the workflow at check_ctdna, saying so; the comparison
#    notices a changed byte.
# CTDNA (default .build/release/ctdna, which the Makefile target builds) names the binary.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

log() { printf 'workflow-test: %s\n' "$*" >&2; }
fail() { log "FAILED: $*"; exit 1; }

ctdna=${CTDNA:-$root/.build/release/ctdna}
[[ -x $ctdna ]] || fail "$ctdna is not an executable; run \`make release\` first"
ctdna=$(cd "$(dirname "$ctdna")" && pwd)/$(basename "$ctdna")

# ---------------------------------------------------------------- 1. snakemake, pinned, cached
snakemake=$(bash "$here/snakemake_venv.sh") || fail "no snakemake"
pin=$("$snakemake" --version)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Runs snakemake with the workflow, its output in a log shown only when it fails.
# Usage: workflow LOGNAME EXPECTED_STATUS(ok|fail) [snakemake arguments...]
workflow() {
    local name=$1 expect=$2 status=0
    shift 2
    local started=$SECONDS
    "$snakemake" -s workflow/Snakefile "$@" >"$work/$name.log" 2>&1 || status=$?
    if [[ $expect == ok && $status != 0 ]]; then
        cat "$work/$name.log" >&2
        fail "snakemake ($name) exited with $status"
    fi
    if [[ $expect == fail && $status == 0 ]]; then
        cat "$work/$name.log" >&2
        fail "snakemake ($name) succeeded but should have failed"
    fi
    log "snakemake ($name): exit status $status as expected, $((SECONDS - started)) s"
}

# compare SINGLE MERGED N: the merge of N shards holds the single run's files.
compare() {
    python3 "$here/compare_outputs.py" "$1" "$2" --shards "$3" >&2 || fail "$2 differs from $1"
}

sheet=SampleData/samplesheet.tsv

# ---------------------------------------------------------------- 2. four shards, ctdna from PATH
PATH="$(dirname "$ctdna"):$PATH" workflow four-shards ok --cores 2 \
    --config samplesheet=$sheet outdir="$work/four" shards=4
for k in 1 2 3 4; do
    [[ -s $work/four/shards/$k-of-4/ctdna_shard.json ]] || fail "shard $k/4 wrote no ctdna_shard.json"
    [[ -s $work/four/logs/shard-$k-of-4.log && -s $work/four/benchmarks/shard-$k-of-4.tsv ]] ||
        fail "shard $k/4 has no log or benchmark file"
done
grep -qx "$("$ctdna" --version)" "$work/four/ctdna_version.txt" || fail "ctdna_version.txt is not \`ctdna --version\`"
# single OUTDIR [OPTIONS...]: the plain `ctdna run` over the sheet, its warnings in a log.
single() {
    local outdir=$1
    shift
    "$ctdna" run --samplesheet $sheet --outdir "$outdir" --threads 2 --quiet "$@" 2>"$outdir.log" ||
        { cat "$outdir.log" >&2; fail "ctdna run into $outdir failed"; }
}
single "$work/single"
compare "$work/single" "$work/four/merged" 4

PATH="$(dirname "$ctdna"):$PATH" workflow again ok --cores 2 \
    --config samplesheet=$sheet outdir="$work/four" shards=4
grep -q "Nothing to be done" "$work/again.log" || fail "a second invocation ran jobs again"

# ---------------------------------------------------------------- 3. --configfile, options, ctdna key
options="--min-alt-reads 3 --clonal-fraction 0.5"
cat >"$work/cohort.yaml" <<EOF
samplesheet: $sheet
outdir: $work/many
shards: 64
threads: 1
ctdna: $ctdna
run_options: "$options"
EOF
PATH=/usr/bin:/bin workflow configfile ok --cores 2 --configfile "$work/cohort.yaml"
# shellcheck disable=SC2086 # the options are words
single "$work/single-options" $options
compare "$work/single-options" "$work/many/merged" 64
empty=0
for table in "$work"/many/shards/*/patients.tsv; do
    [[ $(wc -l <"$table") -gt 1 ]] || empty=$((empty + 1))
done
((empty > 0)) || fail "no shard of 64 is empty: the test no longer covers empty shards"
log "$empty of the 64 shards have no patient"
# The options change the results, so a workflow that dropped them would have failed above.
if python3 "$here/compare_outputs.py" "$work/single" "$work/single-options" >/dev/null 2>&1; then
    fail "\"$options\" changes nothing on SampleData; pick options that do"
fi

# ---------------------------------------------------------------- 4. failures are noticed
workflow missing-ctdna fail --cores 2 \
    --config samplesheet=$sheet outdir="$work/missing" shards=2 ctdna="$work/no-such-ctdna"
grep -q "is not an executable" "$work/missing/logs/check_ctdna.log" ||
    fail "check_ctdna's log does not say that ctdna is missing"
[[ ! -e $work/missing/shards ]] || fail "shards ran although check_ctdna failed"

cp -R "$work/four/merged" "$work/changed"
printf 'x' >>"$work/changed/patients.tsv"
if python3 "$here/compare_outputs.py" "$work/single" "$work/changed" --shards 4 >/dev/null 2>&1; then
    fail "compare_outputs.py did not notice a byte added to patients.tsv"
fi

log "passed: 4-shard and 64-shard merges equal \`ctdna run\` (snakemake $pin, $("$ctdna" --version))"
