#!/usr/bin/env python3
"""Compares two ctdna output folders: one `ctdna run` over a whole sheet (EXPECTED) and the
`ctdna merge` of its shards (ACTUAL).

    python3 workflow/tests/compare_outputs.py EXPECTED ACTUAL

Both folders must hold the same files (recursively). Every file is compared byte for byte except
the two reports, whose provenance legitimately differs (the merge lists the shards' command lines
and sheets instead of one command line):
  - report.json: compared as JSON after removing the top-level provenance keys below from both;
    every other key must be present in both and equal.
  - report.html: compared byte for byte after removing the provenance section
    (<section id="inputs"> ... </section>) from both.
Prints each difference and exits 1 if there is any, 0 otherwise. Standard library only.
"""

import json
import re
import sys
from pathlib import Path

# Top-level keys of report.json that describe how the results were made rather than what they
# are: the command line(s) and the inputs with their SHA-256 (docs/report-json.md), and the
# shard list a merge adds.
PROVENANCE_KEYS = {"command_line", "inputs", "shards"}

# The report's "Tool and inputs" section: the version, the command line(s) and the inputs table.
PROVENANCE_SECTION = re.compile(r'<section id="inputs">.*?</section>\n?', re.DOTALL)


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


def compare_report_json(expected: bytes, actual: bytes) -> list[str]:
    """Differences between two report.json files outside their provenance keys."""
    left = json.loads(expected)
    right = json.loads(actual)
    problems = []
    for key in sorted((set(left) | set(right)) - PROVENANCE_KEYS):
        if key not in left:
            problems.append(f"key {key!r} only in the merged report")
        elif key not in right:
            problems.append(f"key {key!r} missing from the merged report")
        elif left[key] != right[key]:
            problems.append(f"key {key!r} differs")
    return problems


def compare_report_html(expected: bytes, actual: bytes) -> list[str]:
    """Difference between two report.html files outside their provenance section."""
    left_text, right_text = expected.decode(), actual.decode()
    for name, text in (("expected", left_text), ("merged", right_text)):
        if len(PROVENANCE_SECTION.findall(text)) != 1:
            return [f'the {name} report.html has no single <section id="inputs">']
    left = PROVENANCE_SECTION.sub("", left_text).encode()
    right = PROVENANCE_SECTION.sub("", right_text).encode()
    return [] if left == right else ["differs outside its inputs section at " + first_difference(left, right)]


def compare_folders(expected_folder: Path, actual_folder: Path) -> list[str]:
    """Every difference between the two folders, each as one message naming the file."""
    problems = []
    expected_files = files_under(expected_folder)
    actual_files = files_under(actual_folder)
    for name in sorted(expected_files - actual_files):
        problems.append(f"{name}: missing from {actual_folder}")
    for name in sorted(actual_files - expected_files):
        problems.append(f"{name}: in {actual_folder} only")
    for name in sorted(expected_files & actual_files):
        expected = (expected_folder / name).read_bytes()
        actual = (actual_folder / name).read_bytes()
        if name == "report.json":
            found = compare_report_json(expected, actual)
        elif name == "report.html":
            found = compare_report_html(expected, actual)
        elif expected != actual:
            found = ["differs at " + first_difference(expected, actual)]
        else:
            found = []
        problems.extend(f"{name}: {problem}" for problem in found)
    return problems


def main(arguments: list[str]) -> int:
    if len(arguments) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 64
    expected_folder, actual_folder = (Path(argument) for argument in arguments)
    for folder in (expected_folder, actual_folder):
        if not folder.is_dir():
            print(f"compare_outputs: {folder} is not a folder", file=sys.stderr)
            return 64
    problems = compare_folders(expected_folder, actual_folder)
    for problem in problems:
        print(f"compare_outputs: {problem}", file=sys.stderr)
    if problems:
        return 1
    count = len(files_under(expected_folder))
    print(f"compare_outputs: {actual_folder} matches {expected_folder} ({count} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
