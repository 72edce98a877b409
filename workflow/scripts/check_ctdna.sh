#!/usr/bin/env bash
# Rule check_ctdna of workflow/Snakefile: that CTDNA runs, answers `--version` with
# `ctdna X.Y.Z`, and has the `run --shard` and `merge` the workflow calls; then writes the
# version line to OUTPUT. Each failure says what was wrong, on standard error (the rule's log).
#
#   bash workflow/scripts/check_ctdna.sh CTDNA OUTPUT
set -euo pipefail

(($# == 2)) || { echo "usage: check_ctdna.sh CTDNA OUTPUT" >&2; exit 64; }
ctdna=$1
output=$2

if ! command -v "$ctdna" >/dev/null 2>&1; then
    echo "check_ctdna: \"$ctdna\" is not an executable on PATH (PATH=$PATH);" \
        "build it with \`make release\` and pass --config ctdna=.build/release/ctdna," \
        "or put its folder on PATH" >&2
    exit 1
fi
echo "check_ctdna: using $(command -v "$ctdna")" >&2

if ! version=$("$ctdna" --version); then
    echo "check_ctdna: \`$ctdna --version\` failed" >&2
    exit 1
fi
if ! [[ $version =~ ^ctdna\ [0-9]+\.[0-9]+\.[0-9]+ ]]; then
    echo "check_ctdna: \`$ctdna --version\` printed \"$version\", not \"ctdna X.Y.Z\";" \
        "is \"$ctdna\" this project's ctdna?" >&2
    exit 1
fi
echo "check_ctdna: $version" >&2

# The subcommand and option the workflow relies on, asked of the binary itself.
if ! "$ctdna" run --help 2>&1 | grep -q -- '--shard'; then
    echo "check_ctdna: $version has no \`run --shard\`; the workflow needs a ctdna with" \
        "\`run --shard K/N\` and \`merge\`" >&2
    exit 1
fi
if ! "$ctdna" merge --help >/dev/null 2>&1; then
    echo "check_ctdna: $version has no \`merge\` subcommand; the workflow needs a ctdna with" \
        "\`run --shard K/N\` and \`merge\`" >&2
    exit 1
fi

printf '%s\n' "$version" >"$output"
