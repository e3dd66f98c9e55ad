# Set-up and entry points. Every target installs the system libraries it needs when missing,
# so a fresh Debian machine needs nothing but Swift and these commands.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: check test deps build bench clean

## Check every step of every encoded article (exit 1 if a verdict differs from its expectation).
check: deps
	$(SWIFT) build -c release --product derive
	.build/release/derive check all

## Run the unit, property and verdict tests.
test: deps
	$(SWIFT) test -c release -Xswiftc -enable-testing

build: deps
	$(SWIFT) build

## Benchmarks against hand-written C over MPFR (and mpmath where available).
bench: deps
	bash benchmarks/run.sh

## Install libmpfr-dev, libgmp-dev and pkg-config with apt when pkg-config cannot find MPFR.
deps:
	@if ! pkg-config --exists mpfr 2>/dev/null; then \
		echo "installing libmpfr-dev libgmp-dev pkg-config"; \
		$(SUDO) apt-get update && $(SUDO) apt-get install -y libmpfr-dev libgmp-dev pkg-config; \
	fi

clean:
	rm -rf .build
