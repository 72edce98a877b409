# ctdna: the commands a developer needs. `make help` lists them.
SWIFT ?= swift
RELEASE_BIN := .build/release/ctdna

.PHONY: help build release test run bench clean

help:
	@echo "make run     build (release) and run ctdna on SampleData"
	@echo "make test    build and run the whole test suite"
	@echo "make build   debug build"
	@echo "make release release build"
	@echo "make bench   benchmarks against zcat and a C zlib floor (see Benchmarks/README.md)"

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release --product ctdna

test:
	$(SWIFT) test

run: release
	$(RELEASE_BIN) view --msk-access SampleData/msk-access-genotyped.maf.gz

bench: release
	bash Benchmarks/run.sh

clean:
	rm -rf .build
