#!/usr/bin/env python3
"""Compares two ctdna output folders: one `ctdna run` over a whole sheet (EXPECTED) and the
`ctdna merge` of its N shards (MERGED).

    python3 workflow/tests/compare_outputs.py EXPECTED MERGED [--shards N]

Both folders must hold the same files (recursively). Every file is compared byte for byte but
the two reports, whose provenance differs by design (`ctdna merge --help`; docs/report-json.md):
  - report.json: compared as JSON without the top-level `command_line` of both and the `shards`
    of the merged one (each shard's command line); every other key must be in both and equal.
  - report.html: compared byte for byte without the `<p>Command line: ...</p>` line of both and
    the merged one's list of shards (`<p>Merged from N shards, run as:</p>` and its
    `<ul class="shards mono">`).
With --shards N the merged reports must list N shard command lines, the K-th with `--shard K/N`.
Prints each difference and exits 1 if there is any, 0 otherwise. Standard library only.
"""

import json
import re
import sys
from pathlib import Path

# The command line of a run: in both reports, and different by design (the merged report's is
# the `ctdna merge` one).
COMMAND_LINE_KEY = "command_line"
COMMAND_LINE_PARAGRAPH = re.compile(r"^<p>Command line: <code>.*</code></p>\n", re.MULTILINE)

# Only in a merged report: each shard's command line, in shard order.
SHARDS_KEY = "shards"
SHARD_LIST = re.compile(
    r'^<p>Merged from (\d+) shards, run as:</p>\n<ul class="shards mono">\n(.*?)</ul>\n',
    re.MULTILINE | re.DOTALL,
)


def files_under(folder: Path) -> set[str]:
    """Paths of all regular files under folder, relative to it, with / separators."""
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}


def first_difference(expected: bytes, actual: bytes) -> str:
    """Where two byte strings first differ, as a line number and the two lines."""
    expected_lines = expected.split(b"\n")
    actual_lines = actual.split(b"\n")
    for number, (left, right) in enumerate(zip(expected_lines, actual_lines), start=1):
        if left != right:
            return f"line {number}:\n    expected: {left[:300]!r}\n    actual:   {right[:300]!r}"
    return (
        f"one is a prefix of the other ({len(expected_lines)} lines expected, "
        f"{len(actual_lines)} actual)"
    )


def shard_problems(lines: list[str], shards: int | None) -> list[str]:
    """What is wrong with a merged report's list of shard command lines, given as one string per
    shard; with `shards` None only that there is at least one."""
    if shards is None:
        return [] if lines else ["lists no shards"]
    if len(lines) != shards:
        return [f"lists {len(lines)} shards, not {shards}"]
    return [
        f"shard {index} is not run with --shard {index}/{shards}: {line}"
        for index, line in enumerate(lines, start=1)
        if f"--shard {index}/{shards}" not in line
    ]


def compare_report_json(expected: bytes, merged: bytes, shards: int | None) -> list[str]:
    """Differences between two report.json files but their command lines and the shard list."""
    left = json.loads(expected)
    right = json.loads(merged)
    problems = []
    if SHARDS_KEY in left:
        problems.append(f"key {SHARDS_KEY!r} in the single run's report")
    lines = [" ".join(line) for line in right.get(SHARDS_KEY, [])]
    problems.extend(shard_problems(lines, shards))
    for key in sorted((set(left) | set(right)) - {COMMAND_LINE_KEY, SHARDS_KEY}):
        if key not in left:
            problems.append(f"key {key!r} only in the merged report")
        elif key not in right:
            problems.append(f"key {key!r} missing from the merged report")
        elif left[key] != right[key]:
            problems.append(f"key {key!r} differs")
    return problems


def compare_report_html(expected: bytes, merged: bytes, shards: int | None) -> list[str]:
    """Difference between two report.html files but their command lines and the shard list."""
    left, right = expected.decode(), merged.decode()
    problems = []
    for name, text in (("single run's", left), ("merged", right)):
        if len(COMMAND_LINE_PARAGRAPH.findall(text)) != 1:
            problems.append(f"the {name} report has no single <p>Command line: ...</p>")
    if SHARD_LIST.search(left):
        problems.append("the single run's report lists shards")
    found = SHARD_LIST.findall(right)
    if len(found) > 1:
        problems.append("the merged report lists shards twice")
    items = re.findall(r"<li><code>(.*?)</code></li>", found[0][1]) if found else []
    if found and int(found[0][0]) != len(items):
        problems.append(f"the merged report says {found[0][0]} shards and lists {len(items)}")
    problems.extend(f"the merged report {problem}" for problem in shard_problems(items, shards))
    left = COMMAND_LINE_PARAGRAPH.sub("", left)
    right = SHARD_LIST.sub("", COMMAND_LINE_PARAGRAPH.sub("", right))
    if left != right:
        problems.append("differs beyond the command line and shards at " + first_difference(left.encode(), right.encode()))
    return problems


def compare_folders(expected_folder: Path, merged_folder: Path, shards: int | None) -> list[str]:
    """Every difference between the two folders, each as one message naming the file."""
    problems = []
    expected_files = files_under(expected_folder)
    merged_files = files_under(merged_folder)
    for name in sorted(expected_files - merged_files):
        problems.append(f"{name}: missing from {merged_folder}")
    for name in sorted(merged_files - expected_files):
        problems.append(f"{name}: in {merged_folder} only")
    for name in sorted(expected_files & merged_files):
        expected = (expected_folder / name).read_bytes()
        merged = (merged_folder / name).read_bytes()
        if name == "report.json":
            found = compare_report_json(expected, merged, shards)
        elif name == "report.html":
            found = compare_report_html(expected, merged, shards)
        elif expected != merged:
            found = ["differs at " + first_difference(expected, merged)]
        else:
            found = []
        problems.extend(f"{name}: {problem}" for problem in found)
    return problems


def main(arguments: list[str]) -> int:
    shards = None
    if len(arguments) == 4 and arguments[2] == "--shards" and arguments[3].isdigit():
        shards = int(arguments[3])
        arguments = arguments[:2]
    if len(arguments) != 2:
        print("usage: " + __doc__.strip().splitlines()[3].strip(), file=sys.stderr)
        return 64
    expected_folder, merged_folder = (Path(argument) for argument in arguments)
    for folder in (expected_folder, merged_folder):
        if not folder.is_dir():
            print(f"compare_outputs: {folder} is not a folder", file=sys.stderr)
            return 64
    problems = compare_folders(expected_folder, merged_folder, shards)
    for problem in problems:
        print(f"compare_outputs: {problem}", file=sys.stderr)
    if problems:
        return 1
    count = len(files_under(expected_folder))
    print(f"compare_outputs: {merged_folder} matches {expected_folder} ({count} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
