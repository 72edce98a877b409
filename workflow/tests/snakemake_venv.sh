#!/usr/bin/env bash
# Prints the path of a snakemake executable of the version pinned in workflow/environment.yaml,
# from a virtual environment kept between runs in
# ${XDG_CACHE_HOME:-$HOME/.cache}/ctdna/snakemake-venv (CTDNA_SNAKEMAKE_VENV overrides), made
# with `python3 -m venv` and pip (PyPI) only when missing or holding another snakemake.
# Progress on standard error. Used by workflow/tests/run.sh and Benchmarks/workflow_bench.sh.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
log() { printf 'snakemake_venv: %s\n' "$*" >&2; }

pin=$(sed -n 's/^ *- *snakemake==\([0-9][0-9.]*\) *$/\1/p' "$root/workflow/environment.yaml")
[[ -n $pin ]] || { log "workflow/environment.yaml pins no snakemake==X.Y.Z"; exit 1; }
venv=${CTDNA_SNAKEMAKE_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/ctdna/snakemake-venv}
if [[ $("$venv/bin/snakemake" --version 2>/dev/null) == "$pin" ]]; then
    log "reusing $venv (snakemake $pin)"
else
    log "creating $venv with snakemake $pin from PyPI"
    rm -rf "$venv"
    mkdir -p "$(dirname "$venv")"
    python3 -m venv "$venv" ||
        { log "python3 -m venv failed (Debian: apt-get install python3-venv)"; exit 1; }
    "$venv/bin/pip" install --quiet --disable-pip-version-check "snakemake==$pin" >&2
    [[ $("$venv/bin/snakemake" --version) == "$pin" ]] ||
        { log "$venv/bin/snakemake is not snakemake $pin"; exit 1; }
fi
printf '%s\n' "$venv/bin/snakemake"
