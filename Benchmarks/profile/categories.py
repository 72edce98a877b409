#!/usr/bin/env python3
"""Sums a `perf record -g` profile of ctdna into the stages of a run, per thread.

    perf script -i perf.data -F tid,ip,sym,dso | python3 Benchmarks/profile/categories.py

Each sample goes to the stage of the first frame, from the leaf up, that names one (so a
swift_retain or memmove called from the row parser counts as parsing, a kernel write called from
the output writer as writing). Threads are told apart by what they mostly did. Stdlib only.
"""
import collections
import re
import sys

# (stage, pattern on the symbol or library); the first that matches a frame wins for that frame.
STAGES = [
    ("crc32", re.compile(r"crc32")),
    ("inflate", re.compile(r"libz\.so|libisal|^inflate|isal_|decode_huffman")),
    ("sha256 of input", re.compile(r"sha256|SHA256")),
    ("split cells", re.compile(r"RowParserC5split")),
    ("free records", re.compile(r"VariantRecordVwxx|VariantRecordVwcp|swift_arrayDestroy")),
    ("parse row", re.compile(r"RowParser|RepeatedTextCache|CellValue|CellText|VariantTableReader")),
    ("split lines", re.compile(r"LineReader")),
    ("read-ahead hand-over", re.compile(r"ReadAhead|ByteReader")),
    ("collect samples", re.compile(r"SampleLoader|StreamingState|CohortAnalysis")),
    ("JSON", re.compile(r"JSON|Json")),
    ("method", re.compile(r"CtDNACore|GenomeBuildCheck|analyzePatient")),
    ("statistics", re.compile(r"CtDNAStats")),
    ("audit/TSV rows", re.compile(r"CtDNAReport|TSV|OrderedChunkWriter|ResultStream")),
    ("write files", re.compile(r"OutputFile|OutputFolder")),
    ("start-up", re.compile(r"ArgumentParser|_dl_|ld-linux|swift_getTypeByMangled")),
]


OTHER = collections.Counter()


def stage_of(frames):
    for sym, dso in frames:
        text = sym + " " + dso
        for stage, pattern in STAGES:
            if pattern.search(text):
                return stage
    leaf = frames[0][0] if frames else "?"
    if "kernel" in (frames[0][1] if frames else ""):
        return "kernel, other"
    OTHER[frames[0][0] if frames else "?"] += 1
    return "other"


def samples(lines):
    tid, frames = None, []
    for line in lines:
        line = line.rstrip("\n")
        if not line.strip():
            if tid is not None:
                yield tid, frames
            tid, frames = None, []
            continue
        if not line.startswith("\t"):
            tid = line.split()[0]
            frames = []
            continue
        m = re.match(r"\s*([0-9a-f]+)\s+(.*)\s+\((.*)\)$", line)
        if m:
            frames.append((m.group(2), m.group(3)))
    if tid is not None:
        yield tid, frames


def main():
    by_thread = collections.defaultdict(collections.Counter)
    total = collections.Counter()
    for tid, frames in samples(sys.stdin):
        stage = stage_of(frames)
        by_thread[tid][stage] += 1
        total[stage] += 1
    n = sum(total.values())
    print(f"{n} samples")
    print(f"{'stage':24} {'all':>6}")
    for stage, count in total.most_common():
        print(f"{stage:24} {100 * count / n:5.1f}%")
    print()
    threads = sorted(by_thread.items(), key=lambda kv: -sum(kv[1].values()))
    for tid, counter in threads:
        t = sum(counter.values())
        if t < n * 0.01:
            continue
        top = ", ".join(f"{s} {100 * c / t:.0f}%" for s, c in counter.most_common(6))
        print(f"thread {tid}: {100 * t / n:.1f}% of samples: {top}")
    print()
    print("leaves of other: " + ", ".join(f"{s[:50]} {c}" for s, c in OTHER.most_common(8)))


main()
