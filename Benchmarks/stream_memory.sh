#!/usr/bin/env bash
# Peak memory of `ctdna view` streaming a large plain MAF through standard input.
#
#   bash Benchmarks/stream_memory.sh                  # about 1 GB and 2 GB of MAF text
#   bash Benchmarks/stream_memory.sh 1 2 10           # sizes in GB (uncompressed)
#   CTDNA=/path/to/ctdna bash Benchmarks/stream_memory.sh 10
#
# `genmaf table` writes rows of about 1,407 bytes (Benchmarks/README.md), so N GB is N * 10^9 / 1407
# rows, one sample per 2,000 rows. The MAF goes straight from genmaf through a pipe into
# `ctdna view - -o /dev/null`; nothing touches the disk. A streaming reader's peak should not
# grow with the size. Prints one line a size: GB, rows, seconds and peak resident KB.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 2)

mkdir -p Benchmarks/bin
if [ ! -x Benchmarks/bin/genmaf ] || [ Benchmarks/genmaf.c -nt Benchmarks/bin/genmaf ]; then
    cc -O2 -o Benchmarks/bin/genmaf Benchmarks/genmaf.c -lz -lm
fi
if [ -z "${CTDNA:-}" ]; then
    swift build -c release --product ctdna >&2
    CTDNA="$(swift build -c release --show-bin-path)/ctdna"
fi
# -o /dev/null needs the OutputFile fix that writes to devices directly (before it, ctdna renamed a
# temporary file over /dev/null); refuse to run when /dev/null is not a character device.
[ -c /dev/null ] || { echo "stream_memory: /dev/null is not a character device; not running" >&2; exit 1; }

printf '%-6s %10s %10s %12s\n' GB rows seconds "peak KB"
for gb in "${sizes[@]}"; do
    rows=$(awk -v g="$gb" 'BEGIN { printf "%d", g * 1e9 / 1407 }')
    samples=$(( rows / 2000 > 0 ? rows / 2000 : 1 ))
    log=$(mktemp)
    Benchmarks/bin/genmaf table --rows "$rows" --samples "$samples" \
        | /usr/bin/time -f '%e s %M KB' -o "$log" "$CTDNA" view - -o /dev/null
    read -r seconds _ peak _ < "$log"
    rm -f "$log"
    printf '%-6s %10s %10s %12s\n' "$gb" "$rows" "$seconds" "$peak"
done
