# Set-up and entry points. Every target installs the system packages it needs when missing,
# so a fresh Debian machine needs nothing but Swift and these commands.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RELEASE_TESTING := -c release -Xswiftc -enable-testing

.PHONY: check test proofs mutate mutate-sample seeds deps deps-mpfr deps-latex build bench clean

## Check every step of every encoded article (exit 1 if a verdict differs from its expectation).
check: deps-mpfr
	$(SWIFT) build -c release --product derive
	.build/release/derive check all

## Unit, property, verdict and listing tests (optimised build: the checks are numerical work).
test: deps
	$(SWIFT) test $(RELEASE_TESTING)

## Mutation-test every check (exit 1 when a target is missed); `derive mutate all --json` gives the same as one document.
mutate: deps-mpfr
	$(SWIFT) build -c release --product derive
	.build/release/derive mutate all

## The fixed sample CI mutation-tests: one step of each claim kind from several articles.
MUTATE_SAMPLE := 11267.3 11267.15 11280.8 11285.3 11307.10 11390.8 11390.9 11335.16 11388.4 11301.10
mutate-sample: deps-mpfr
	$(SWIFT) build -c release --product derive
	.build/release/derive mutate $(MUTATE_SAMPLE) --limit 12

## Every step under 5 seeds: exit 1 if a verdict changes with the seed.
seeds: deps-mpfr
	$(SWIFT) build -c release --product derive
	.build/release/derive check all --seeds 5

## Regenerate proofs/*.tex and compile each with pdflatex (PDFs stay out of git).
proofs: deps
	$(SWIFT) build -c release --product derive
	.build/release/derive latex all --out proofs
	cd proofs && for f in *.tex; do \
		pdflatex -interaction=batchmode -halt-on-error $$f >/dev/null && pdflatex -interaction=batchmode -halt-on-error $$f >/dev/null \
		|| { echo "pdflatex failed on $$f (see proofs/$${f%.tex}.log)"; exit 1; }; done
	@ls proofs/*.pdf

build: deps-mpfr
	$(SWIFT) build

## Benchmarks against hand-written C over MPFR and mpmath.
bench: deps-mpfr
	bash benchmarks/run.sh

deps: deps-mpfr deps-latex

## libmpfr-dev, libgmp-dev and pkg-config, when pkg-config cannot find MPFR.
deps-mpfr:
	@if ! pkg-config --exists mpfr 2>/dev/null; then \
		echo "installing libmpfr-dev libgmp-dev pkg-config"; \
		$(SUDO) apt-get update && $(SUDO) apt-get install -y libmpfr-dev libgmp-dev pkg-config; \
	fi

## pdflatex and the packages the listings use, when pdflatex is missing.
deps-latex:
	@if ! command -v pdflatex >/dev/null 2>&1; then \
		echo "installing texlive (pdflatex)"; \
		$(SUDO) apt-get update && $(SUDO) apt-get install -y texlive-latex-base texlive-latex-recommended texlive-fonts-recommended; \
	fi

clean:
	rm -rf .build
