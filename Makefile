# Alembic Lab. Two commands for a newcomer:
#   make serve   install what is missing, build the release page, serve it on 127.0.0.1
#   make test    install what is missing, run every test (native, browser, page end to end)
# and, for contributors: make bench, make build, make test-native / test-browser / test-e2e.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# Settings live in wasm-pack.toml, one `key = value` per line.
conf = $(strip $(shell sed -n 's/^$(1)[[:space:]]*=[[:space:]]*"\{0,1\}\([^"]*\)"\{0,1\}[[:space:]]*$$/\1/p' wasm-pack.toml))
WASM_PACK_VERSION := $(call conf,wasm_pack_version)
WASM_BINDGEN_VERSION := $(call conf,wasm_bindgen_cli_version)
BUILD_TARGET := $(call conf,build_target)
OUT_DIR := $(call conf,out_dir)
# The release page: www/ with the build, its JS minified (tools/release.mjs). What is served and tested.
SITE := target/site
TEST_BROWSER := $(call conf,test_browser)
CHROMEDRIVER := $(call conf,chromedriver)
TEST_TIMEOUT := $(call conf,test_timeout)
DRIVER_TIMEOUT := $(call conf,driver_timeout)

# npm's wasm-opt (binaryen) first: Debian's binaryen corrupts wasm-bindgen output.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
APT_PACKAGES := clang llvm chromium chromium-driver
PORT ?= 8000

.PHONY: help serve test bench fuzz build build-bench setup setup-apt setup-rust setup-npm \
        test-native test-browser test-e2e check-env-imports real-projects clean

help:
	@echo "make serve   build the page and serve it on 127.0.0.1:$(PORT)"
	@echo "make test    run every test: native, in Chromium, and the release page end to end"
	@echo "make bench   print sizes, cold start and CRUD speed next to sql.js and native SQLite"
	@echo "make fuzz    the bad-input campaign: 20,000 seeded inputs against the release page"

## ---- installing what is missing (idempotent) -------------------------------------------------

setup: setup-apt setup-rust setup-npm

setup-apt:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "==> apt: installing$$missing"; \
	  $(SUDO) apt-get update -q; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	fi
	@if dpkg -s binaryen >/dev/null 2>&1; then \
	  echo "note: Debian's binaryen is installed; its wasm-opt is NOT used (npm's binaryen comes first on PATH)."; \
	fi

setup-rust:
	@command -v rustup >/dev/null || { echo "rustup (the Rust toolchain installer) is needed"; exit 1; }
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@if [ "$$(wasm-pack --version 2>/dev/null)" != "wasm-pack $(WASM_PACK_VERSION)" ]; then \
	  echo "==> cargo install wasm-pack $(WASM_PACK_VERSION)"; \
	  cargo install wasm-pack --version $(WASM_PACK_VERSION) --locked --force; \
	fi
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
	  echo "==> cargo install wasm-bindgen-cli $(WASM_BINDGEN_VERSION)"; \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --force; \
	fi
	@grep -A1 '^name = "wasm-bindgen"$$' Cargo.lock | grep -q 'version = "$(WASM_BINDGEN_VERSION)"' || \
	  { echo "Cargo.lock's wasm-bindgen differs from wasm_bindgen_cli_version in wasm-pack.toml"; exit 1; }

setup-npm:
	@if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then \
	  echo "==> npm ci"; npm ci --no-audit --no-fund; \
	fi

# Public projects' wheels whose migrations the oracle replays (tests/oracle/real_projects.txt):
# downloaded pinned and hash-checked, unpacked under target/real-projects/<name>/.
REAL_PROJECTS := target/real-projects
real-projects: $(REAL_PROJECTS)/.unpacked

$(REAL_PROJECTS)/.unpacked: tests/oracle/real_projects.txt
	@python3 -m pip --version >/dev/null 2>&1 || { \
	  echo "==> apt: installing python3-pip"; $(SUDO) apt-get update -q; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends python3-pip; }
	@echo "==> pip download: the public projects the oracle replays"
	@rm -rf $(REAL_PROJECTS) && mkdir -p $(REAL_PROJECTS)/wheels
	python3 -m pip download -q --disable-pip-version-check --no-deps --only-binary=:all: --require-hashes \
	  -r $< -d $(REAL_PROJECTS)/wheels
	@for wheel in $(REAL_PROJECTS)/wheels/*.whl; do \
	  name=$$(basename $$wheel | cut -d- -f1); python3 -m zipfile -e $$wheel $(REAL_PROJECTS)/$$name; done
	@touch $@

## ---- building -------------------------------------------------------------------------------

build: setup
	wasm-pack build --target $(BUILD_TARGET) --release --mode no-install --out-dir $(OUT_DIR) --no-pack
	@$(MAKE) --no-print-directory check-env-imports
	node tools/release.mjs www $(SITE)

# A build whose wasm imports from "env" looks fine and dies on load: fail instead.
check-env-imports:
	node tools/check-env-imports.mjs $(OUT_DIR)

# The page's wasm plus the in-wasm CRUD workload, for `make bench` only.
build-bench: setup
	wasm-pack build --target $(BUILD_TARGET) --release --mode no-install --out-dir target/bench-pkg --no-pack -- --features bench

serve: build
	node tools/serve.mjs $(SITE) $(PORT)

## ---- testing --------------------------------------------------------------------------------

test: setup test-native test-browser test-e2e

test-native: real-projects
	cargo test
	@# The oracle's summary: how many recorded steps of real Alembic the lab matches.
	@cargo test -q --test oracle -- --nocapture 2>&1 | grep '^oracle:'
	@cargo test -q --test python_corpus -- --nocapture 2>&1 | grep '^python:'
	@cargo test -q --test sqlalchemy_corpus -- --nocapture 2>&1 | grep -o 'sqlalchemy: .*'
	@cargo test -q --test python_session -- --nocapture 2>&1 | grep -o 'python sessions:.*'
	@cargo test -q --test python_never_panics -- --nocapture 2>&1 | grep '^python fuzz:'

test-browser: setup
	WASM_BINDGEN_TEST_TIMEOUT=$(TEST_TIMEOUT) WASM_BINDGEN_TEST_DRIVER_TIMEOUT=$(DRIVER_TIMEOUT) \
	  wasm-pack test --headless --$(TEST_BROWSER) --chromedriver $(CHROMEDRIVER) --mode no-install

test-e2e: build real-projects
	node --test e2e/ tests/js/
	@# A sample of the bad-input campaign (make fuzz runs 20,000 inputs).
	node fuzz/campaign.mjs --inputs 1000

# The seeded bad-input campaign against the release page: no trap, lock-out, hang or data loss.
fuzz: build
	node fuzz/campaign.mjs --inputs 20000
	PYTHON_FUZZ_PROGRAMS=1000000 cargo test --release -q --test python_never_panics -- --nocapture 2>&1 | grep '^python fuzz:'

## ---- measuring ------------------------------------------------------------------------------

bench: build build-bench
	cargo run --release --quiet --example crud_bench
	cargo run --release --quiet --example revision_bench
	cargo run --release --quiet --example python_bench
	cargo run --release --quiet --example orm_bench
	node bench/bench.mjs

clean:
	cargo clean
	rm -rf $(OUT_DIR) $(SITE)
