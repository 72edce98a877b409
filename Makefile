# ctdna: the commands a developer needs. `make help` lists them.
SHELL := bash
SWIFT ?= swift
RELEASE_BIN := .build/release/ctdna

.PHONY: help build release release-isal test test-isal run bench fuzz expected golden clean
FUZZ_SECONDS ?= 300

help:
	@echo "make run     build (release) and run ctdna on SampleData"
	@echo "make test    build and run the whole test suite"
	@echo "make build   debug build"
	@echo "make release release build"
	@echo "make release-isal  release build with the ISA-L inflater (libisal-dev) in .build-isal"
	@echo "make test-isal     the whole test suite with the ISA-L inflater (its tests compare it with zlib)"
	@echo "make bench   benchmarks against zcat, a C zlib floor, pandas and polars (Benchmarks/README.md)"
	@echo "make fuzz    libFuzzer on the readers for FUZZ_SECONDS (Fuzz/README.md)"
	@echo "make expected  regenerate SampleData/expected and the report tests' golden files"
	@echo "make golden  regenerate Tests/CtDNAReportTests/Golden only"
	@echo "make bench-workflow  10,000 patients: one run, 16 shards + merge through Snakemake, the merge alone"
	@echo "make workflow-test  workflow/Snakefile over SampleData in shards, merged = ctdna run (snakemake from PyPI, cached)"

build:
	$(SWIFT) build

# One static executable (-static-executable: the Swift runtime, FoundationEssentials, zlib and
# glibc linked in, no dynamic loader and no relocations at start): `ctdna view` of a small file
# takes 1.3 ms of CPU instead of 5, which a cohort of thousands of files read one process per
# file (or a workflow calling ctdna per sample) pays each time (Benchmarks/README.md,
# "Start-up"). glibc's linker notices that dlopen and the passwd/group look-ups compiled into
# FoundationEssentials would need its shared libraries at run time, and that its temporary-file
# writer calls mktemp, are dropped from the output: ctdna calls none of them (OutputFile names
# its own temporary files).
STATIC_NOTICE := in statically linked applications requires at runtime\|the use of .mktemp. is dangerous
release:
	@echo "$(SWIFT) build -c release --product ctdna -Xswiftc -static-executable"
	@set -o pipefail; $(SWIFT) build -c release --product ctdna -Xswiftc -static-executable 2>&1 \
		| { grep -v "$(STATIC_NOTICE)" || true; }

# The optional ISA-L inflater (package trait ISAL, Debian libisal-dev): its own build folder, so
# that the default zlib build is not rebuilt (Benchmarks/README.md, "ISA-L"). Debian ships ISA-L as
# a shared library only, so this build links the Swift runtime in but not glibc or libisal.
release-isal:
	$(SWIFT) build -c release --product ctdna --static-swift-stdlib --traits ISAL --scratch-path .build-isal

test:
	$(SWIFT) test

test-isal:
	$(SWIFT) test --traits ISAL --scratch-path .build-isal

run: release
	$(RELEASE_BIN) run --samplesheet SampleData/samplesheet.tsv --outdir results

# Regenerates the golden outputs that the SampleData tests (Pipeline and CLI) compare against,
# and the report renderings of Tests/CtDNAReportTests/Golden.
expected: release golden
	rm -rf SampleData/expected
	$(RELEASE_BIN) run --samplesheet SampleData/samplesheet.tsv --outdir SampleData/expected --quiet

golden:
	CTDNA_UPDATE_GOLDEN=1 $(SWIFT) test --filter "CtDNAReportTests.GoldenTests"

fuzz:
	bash Fuzz/run.sh $(FUZZ_SECONDS)

# With libisal-dev installed, the ISA-L build is timed beside the default one.
bench: release
	if pkg-config --exists libisal 2>/dev/null; then $(MAKE) release-isal; fi
	bash Benchmarks/run.sh --cohort
	bash Benchmarks/workflow_bench.sh

# 10,000 patients: one run, 16 shards + merge through workflow/Snakefile, the merge alone.
.PHONY: bench-workflow
bench-workflow: release
	bash Benchmarks/workflow_bench.sh

# The Snakemake workflow run for real: snakemake (pinned in workflow/environment.yaml) in a virtual
# environment cached under ~/.cache/ctdna, SampleData in shards, the merge compared with `run`.
.PHONY: workflow-test
workflow-test: release
	bash workflow/tests/run.sh

clean:
	rm -rf .build
