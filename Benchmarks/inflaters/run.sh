#!/usr/bin/env bash
# Times every inflater this machine has on one gzipped file, single-threaded, one run at a time.
#
#   bash Benchmarks/inflaters/run.sh [--repeat N] [--no-cli] [FILE.gz]
#
# FILE defaults to bench-data/table-r2000000-s1000-seed42-g1.maf.gz (made by Benchmarks/run.sh), in
# this checkout or, from a git worktree, in the main checkout.
# Builds Benchmarks/bin/inflate_bench with the libraries whose headers and libraries link (zlib
# always; libdeflate, ISA-L when there), ../floor.c as Benchmarks/bin/floor, and, with
# ISA-L, floor.c unchanged against isal_zshim.h as Benchmarks/bin/floor-isal. Then reads FILE once
# so it is in the page cache and times each tool best of N (default 3) with /usr/bin/time
# -f '%e %M'. --no-cli leaves out the command-line tools (zcat, igzip, libdeflate-gunzip).
# Progress goes to standard error, the table to standard output.
#
# Debian packages (bookworm): zlib1g-dev, libdeflate-dev, libisal-dev; isal and libdeflate-tools
# for the igzip and libdeflate-gunzip rows. zlib-ng has no package in bookworm.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=$root/Benchmarks/bin
repeat=3 cli=1 file=
log() { printf '%s\n' "$*" >&2; }
while (($#)); do
    case $1 in
    --repeat) [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || { log "run.sh: --repeat needs a positive whole number"; exit 64; }
              repeat=$2; shift 2 ;;
    --no-cli) cli=0; shift ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) log "run.sh: unknown option $1"; exit 64 ;;
    *) [[ -z $file ]] || { log "run.sh: one file only"; exit 64; }; file=$1; shift ;;
    esac
done
if [[ -z $file ]]; then
    # This checkout's bench-data/, else (in a git worktree) the main checkout's.
    file=$root/bench-data/table-r2000000-s1000-seed42-g1.maf.gz
    if [[ ! -r $file ]] && common=$(git -C "$root" rev-parse --path-format=absolute --git-common-dir 2>/dev/null); then
        [[ -r ${common%/.git}/bench-data/${file##*/} ]] && file=${common%/.git}/bench-data/${file##*/}
    fi
fi
[[ -r $file ]] || { log "run.sh: cannot read $file (make it with: bash Benchmarks/run.sh)"; exit 66; }
[[ -x /usr/bin/time ]] || { log "run.sh: needs /usr/bin/time (apt-get install time)"; exit 69; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$bin"

# links SNIPPET LIB: whether a program using SNIPPET's header compiles and links with LIB.
links() { printf '%s\n' "$1" | cc -x c - -o "$work/probe" $2 >/dev/null 2>&1; }
flags=() libs=(-lz) have_isal=0
if links '#include <libdeflate.h>
int main(void) { return libdeflate_alloc_decompressor() == 0; }' -ldeflate; then libs+=(-ldeflate)
else flags+=(-DNO_LIBDEFLATE); log "libdeflate: not found (apt-get install libdeflate-dev)"; fi
if links '#include <isa-l/igzip_lib.h>
int main(void) { struct inflate_state s; isal_inflate_init(&s); return 0; }' -lisal; then libs+=(-lisal); have_isal=1
else flags+=(-DNO_ISAL); log "ISA-L: not found (apt-get install libisal-dev)"; fi

log "building inflate_bench and floor (and floor-isal with ISA-L) in $bin"
cc -O2 "${flags[@]}" -o "$bin/inflate_bench" "$here/inflate_bench.c" "${libs[@]}"
cc -O2 -o "$bin/floor" "$root/Benchmarks/floor.c" -lz
((have_isal)) && cc -O2 -include "$here/isal_zshim.h" -o "$bin/floor-isal" "$root/Benchmarks/floor.c" -lisal -lz

# The generator's numbers, when the file came from Benchmarks/run.sh.
meta=${file%.maf.gz}.meta expect_rows= expect_sum= expect_bytes=
if [[ -r $meta ]]; then
    expect_rows=$(sed -n 's/^rows=//p' "$meta")
    expect_sum=$(sed -n 's/^checksum=//p' "$meta")
    expect_bytes=$(sed -n 's/^bytes=//p' "$meta")
fi

log "reading $file once into the page cache"
cat "$file" >/dev/null
results=$work/results
: >"$results"
printf 'load before: %s\n' "$(uptime)" >"$work/loads"

# timed LABEL NOTE CMD...: runs CMD $repeat times, its stdout to $work/out.LABEL (the best run's);
# records best wall seconds, largest peak KB and the 1-minute load average after the runs.
timed() {
    local label=$1 note=$2 best= rss=0 i line
    shift 2
    for ((i = 1; i <= repeat; i++)); do
        log "  $label run $i/$repeat"
        if ! /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/stdout" 2>"$work/stderr"; then
            log "run.sh: $label failed:"; cat "$work/stderr" >&2; tail -1 "$work/time" >&2
            printf '%s\tFAILED\t0\t-\t%s\n' "$label" "$note" >>"$results"
            return 0
        fi
        line=$(tail -1 "$work/time")
        if [[ -z $best ]] || awk -v s="${line% *}" -v b="$best" 'BEGIN { exit !(s < b) }'; then
            best=${line% *}
            cp "$work/stdout" "$work/out.$label"
        fi
        ((${line#* } > rss)) && rss=${line#* }
    done
    printf '%s\t%s\t%s\t%s\t%s\n' "$label" "$best" "$rss" "$(cut -d' ' -f1 /proc/loadavg)" "$note" >>"$results"
}

# Uncompressed size: from the generator, else from the first inflater.
bytes=$expect_bytes

if ((cli)); then
    timed zcat "GNU gzip, to /dev/null" sh -c 'exec gzip -dc "$1" >/dev/null' sh "$file"
    command -v igzip >/dev/null &&
        timed "igzip -d" "ISA-L's CLI, to /dev/null" sh -c 'exec igzip -dc "$1" >/dev/null' sh "$file"
    command -v libdeflate-gunzip >/dev/null &&
        timed libdeflate-gunzip "libdeflate's CLI, whole file, to /dev/null" \
            sh -c 'exec libdeflate-gunzip -c "$1" >/dev/null' sh "$file"
fi
timed floor "floor.c: zlib + column parsing" "$bin/floor" "$file"
((have_isal)) && timed floor-isal "floor.c unchanged on ISA-L (isal_zshim.h)" "$bin/floor-isal" "$file"
for b in $("$bin/inflate_bench" list); do
    [[ $b == crc32 ]] && continue
    case $b in
    zlib) note="inflate() streaming, CRC checked" ;;
    zlib-nocrc) note="raw inflate, no CRC" ;;
    isal) note="isal_inflate streaming, CRC checked" ;;
    isal-nocrc) note="raw isal_inflate, no CRC" ;;
    libdeflate) note="whole file in memory, CRC checked" ;;
    libdeflate-nocrc) note="whole file in memory, no CRC" ;;
    libdeflate-warm) note="as libdeflate, output pages touched first (fault_s)" ;;
    *) note= ;;
    esac
    timed "$b" "$note + newline count" "$bin/inflate_bench" "$b" "$file"
    out=$(cat "$work/out.$b" 2>/dev/null || true)
    got=$(sed -n 's/.* bytes=\([0-9]*\) .*/\1/p' <<<"$out")
    [[ -z $bytes ]] && bytes=$got
    if [[ -n $got && $got != "$bytes" ]]; then
        log "run.sh: $b produced $got bytes, expected $bytes"; exit 1
    fi
done
for f in floor floor-isal; do
    [[ -r $work/out.$f && -n $expect_sum ]] || continue
    want="rows=$expect_rows checksum=$expect_sum"
    [[ $(cat "$work/out.$f") == "$want" ]] || { log "run.sh: $f printed $(cat "$work/out.$f"), genmaf wrote $want"; exit 1; }
done
printf 'load after:  %s\n' "$(uptime)" >>"$work/loads"

log "CRC-32 alone over the uncompressed file in memory"
"$bin/inflate_bench" crc32 "$file" >"$work/crc" 2>&1 || cat "$work/crc" >&2

size=$(stat -c %s "$file")
printf '%s: %.1f MB gzipped, %.1f MB uncompressed\n' "$file" "$(awk -v s="$size" 'BEGIN { print s / 1e6 }')" \
    "$(awk -v s="$bytes" 'BEGIN { print s / 1e6 }')"
printf 'best of %d run(s), single-threaded; MB/s is uncompressed MB (10^6 bytes) per wall second\n' "$repeat"
cat "$work/loads"
printf '\n'
awk -F'\t' -v u="$bytes" '
    { label[NR] = $1; s[NR] = $2; kb[NR] = $3; load[NR] = $4; note[NR] = $5; if ($1 == "floor") f = $2; if ($1 == "zlib") z = $2 }
    END {
        printf "%-18s %8s %8s %8s %8s %8s %6s  %s\n", "tool", "seconds", "x floor", "x zlib", "MB/s", "peak MB", "load1", "what"
        for (i = 1; i <= NR; i++) {
            if (s[i] == "FAILED") { printf "%-18s %8s %8s %8s %8s %8s %6s  %s\n", label[i], "failed", "-", "-", "-", "-", "-", note[i]; continue }
            printf "%-18s %8.2f %8s %8s %8.0f %8.1f %6s  %s\n", label[i], s[i],
                f ? sprintf("%.2f", s[i] / f) : "-", z ? sprintf("%.2f", s[i] / z) : "-",
                u / 1e6 / s[i], kb[i] / 1024, load[i], note[i]
        }
    }' "$results"
printf '\nbest run of each inflate_bench backend (seconds inside the program):\n'
cut -f1 "$results" | while IFS= read -r label; do
    case $label in zcat | "igzip -d" | libdeflate-gunzip | floor | floor-isal) continue ;; esac
    cat "$work/out.$label" 2>/dev/null || true
done
printf '\n'
cat "$work/crc"
