#!/usr/bin/env bash
# Builds the libFuzzer target and runs it for a bounded time.
#
#   bash Fuzz/run.sh            # 60 seconds
#   bash Fuzz/run.sh 600        # ten minutes
#   bash Fuzz/run.sh 60 -runs=100000 -jobs=2   # more libFuzzer flags after the seconds
#
# Seeds come from Fuzz/corpus/ (committed, read-only here); what the fuzzer learns goes to
# Fuzz/.work-corpus/ and crashes to Fuzz/artifacts/ (both ignored by git). Prints the number
# of executions at the end; exits non-zero when the fuzzer found a crash, leak or timeout.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
seconds=${1:-60}
shift || true
cd "$here"

flags=(-c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
swift build "${flags[@]}" >&2
binary="$(swift build "${flags[@]}" --show-bin-path)/FuzzVariantTable"

mkdir -p .work-corpus artifacts
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
"$binary" .work-corpus corpus \
    -dict=maf.dict \
    -max_total_time="$seconds" \
    -rss_limit_mb="${FUZZ_RSS_MB:-2048}" \
    -malloc_limit_mb="${FUZZ_RSS_MB:-2048}" \
    -timeout="${FUZZ_TIMEOUT:-10}" \
    -max_len="${FUZZ_MAX_LEN:-16384}" \
    -artifact_prefix=artifacts/ \
    -print_final_stats=1 \
    "$@" 2>&1 | tee "$log" || status=$?
runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | awk '{ total += $2 } END { print total + 0 }')
echo "fuzz: $runs executions in ${seconds}s (status $status); corpus $(ls .work-corpus | wc -l) inputs; artifacts: $(ls artifacts | wc -l)"
exit "$status"
