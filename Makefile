# Evident: every command a developer or CI needs. `make help` lists them.
SHELL := /bin/bash
# npm's binaryen (wasm-opt 132) comes first: Debian's 108 miscompiles
# reference-type tables that wasm-bindgen 0.2.130 emits.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export CHROME_PATH ?= /usr/bin/chromium
WASM := wasm32-unknown-unknown

.PHONY: help setup serve build dist test test-native test-wasm test-e2e lint size bench bench-history eval audit screenshots clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

setup: ## Install everything missing (Rust target, trunk, wasm-bindgen-cli, binaryen, Chromium, npm deps)
	@bash scripts/setup.sh

serve: setup ## Build and serve the app at http://127.0.0.1:8080 with live reload
	trunk serve

dist: setup ## Release build into dist/
	trunk build --release

build: dist

test: setup lint test-native test-wasm dist size test-e2e ## Run every test (native, browser, end-to-end)
	@echo "make test: all suites passed"

lint: ## rustfmt and clippy (native and wasm), warnings are errors
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --lib --bins --target $(WASM) -- -D warnings

test-native: ## Native cargo tests of the core, the CLI and the corpus
	cargo test

test-wasm: ## wasm-bindgen-test of the browser adapters in headless Chromium
	cargo test --target $(WASM) --test web -- --nocapture

test-e2e: ## Playwright against the release dist/ at phone and desktop sizes
	npx playwright test

size: ## Raw and gzip size of the release wasm and JS
	@bash scripts/size.sh

bench: ## Analyzer throughput and latency, the ratio against write-good, evident-check over 1,000 Markdown files
	@bash scripts/bench.sh

bench-history: dist ## History at 10,000 attempts, and 50 MB backup import/export, timed in Chromium
	node scripts/bench_history.mjs

eval: ## Per-rule precision and recall over the labelled corpora
	@bash scripts/eval.sh

audit: dist ## Lighthouse scores on a throttled phone profile
	@bash scripts/audit.sh

clean:
	cargo clean
	rm -rf dist test-results playwright-report

screenshots: dist ## Retake the README screenshots (docs/*.png) with headless Chromium
	@python3 scripts/serve_dist.py --port 4190 --base /evident/ --dir dist & pid=$$!; \
	  trap "kill $$pid" EXIT; sleep 0.5; node scripts/screenshots.mjs http://127.0.0.1:4190/evident/
