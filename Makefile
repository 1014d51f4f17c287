# Two commands do all the set-up: `make serve` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PATH := $(abspath $(BIN)):$(PATH)
# Builds are byte-identical on any day: their dates come from the last commit, never from the clock.
ifeq ($(origin SOURCE_DATE_EPOCH),undefined)
SOURCE_DATE_EPOCH := $(shell git log -1 --format=%ct 2>/dev/null)
endif
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif

APT_INSTALL := DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends
AXE := node_modules/axe-core/axe.min.js
# cffconvert pins an old jsonschema, so it has a venv of its own (the CITATION.cff test runs it).
CFFCONVERT := .venv-cff/bin/cffconvert
# Zensical, the second generator (`make build GENERATOR=zensical`), pins its own dependencies: a venv of its own too.
ZENSICAL := .venv-zensical/bin/zensical
GENERATOR ?= mkdocs

.PHONY: help install serve build pdf browser check-data test test-fast test-deps bench audit screenshots approve-screenshots clean publish editions unpublish set-default

help:
	@echo "make serve       build and serve the site at http://127.0.0.1:8000 (live reload; data errors show in the page)"
	@echo "make build       build the site into site/ with the report as PDF (atomic: a failed build keeps the last good site)"
	@echo "                 GENERATOR=zensical: with Zensical instead of MkDocs (one build per language, the same post-build pass)"
	@echo "make pdf         build the report as PDF, one per language, and the recyclers' flyers, into pdf/ (for review)"
	@echo "make check-data  validate data/*.yml only"
	@echo "make test        run the whole test suite"
	@echo "make test-fast   the tests that need no browser, no Lighthouse and no build of the whole site (under a minute)"
	@echo "make bench       time the data check and a full build; Lighthouse performance of key pages"
	@echo "make audit       check the locked Python and npm dependencies for known vulnerabilities (needs the network)"
	@echo "make screenshots build, then full-page PNGs of every template (nl/en, 390 and 1280 px) in screenshots/"
	@echo "make approve-screenshots   after looking at screenshots/fresh/ (written by make test): make them the approved pictures"
	@echo "make publish VERSION=2024 [MESSAGE=\"wat u veranderde\"] [ALIAS=latest] [TITLE=...] [PUSH=1] [FORCE=1] [ALLOW_STALE=1]"
	@echo "                 check, commit your changes with MESSAGE, and publish an edition on gh-pages (needs SITE_URL)"
	@echo "make editions    list the published editions with their date and address"
	@echo "make unpublish VERSION=2024 [PUSH=1]   withdraw an edition"
	@echo "make set-default VERSION=latest [PUSH=1]   the edition (or alias) that / leads to"

# The locks name every package and version: pip installs exactly those without resolving them again
# (--no-deps, 3 s less), and `pip check` stops the set-up if a lock lacks a package another one needs.
$(STAMP): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --no-deps --requirement requirements.lock
	$(BIN)/pip check
	touch $(STAMP)

install: $(STAMP)

# The pages made from data are written first (tools/prebuild.py); `python -m mkdocs` puts the project on the
# path, so the hooks import its code.
serve: $(STAMP)
	$(BIN)/python -m tools.prebuild
	SHOW_DATA_ERRORS_IN_PAGES=1 $(BIN)/python -m mkdocs serve --dev-addr 127.0.0.1:8000 --watch data --watch macros --watch overrides --watch schemas --watch hooks

# The report's PDFs are printed by Debian's chromium (tools/pdf.py): build and pdf install it when missing.
browser:
	command -v chromium >/dev/null || (apt-get update && $(APT_INSTALL) chromium)

build: $(STAMP) browser $(if $(filter zensical,$(GENERATOR)),$(ZENSICAL))
	$(BIN)/python -m tools.build_site --generator $(GENERATOR)

pdf: $(STAMP) browser
	$(BIN)/python -m tools.pdf --out pdf

# An editor's command that fails has said why in her words: make stops without its own
# "make: *** [...] Error 1" line, which reads as a second error. QUIET_STOP interrupts make (it exits
# with 130 and prints nothing, as after Ctrl-C), so the command still fails for scripts and CI. Where
# make ignores Ctrl-C (started in the background), it fails the ordinary way, with make's line.
QUIET_STOP = || { [ $$(( 0x$$(sed -n 's/^SigIgn:[[:space:]]*//p' /proc/$$$$/status) & 2 )) = 0 ] || exit 1; kill -INT $$PPID; sleep 0.5; }

check-data: $(STAMP)
	@$(BIN)/python -m macros.reading.check $(QUIET_STOP)

# The browser tests use Debian's chromium (Playwright cannot download browsers here), axe-core and IBM's
# accessibility-checker-engine;
# the HTML check runs the Nu HTML Checker (vnu.jar from npm) with Java; Lighthouse (npm) runs chromium;
# the reproducibility test moves the clock with faketime.
# $(AXE) stamps everything npm installs: a changed package-lock.json runs `npm ci` again.
# pdfinfo and pdftotext (poppler-utils) read the report's PDFs in the tests.
# The virtual environments and npm's packages are installed side by side (on a clean clone 24 s instead of
# 35 s one after the other); the apt-get steps come before and after, one at a time (dpkg has one lock).
test-deps: browser
	@$(MAKE) --no-print-directory -j4 $(STAMP) $(AXE) $(CFFCONVERT) $(ZENSICAL)
	command -v pdftotext >/dev/null || (apt-get update && $(APT_INSTALL) poppler-utils)
	command -v java >/dev/null || (apt-get update && $(APT_INSTALL) default-jre-headless)
	command -v faketime >/dev/null || (apt-get update && $(APT_INSTALL) faketime)
	command -v zbarimg >/dev/null || (apt-get update && $(APT_INSTALL) zbar-tools)

$(CFFCONVERT): requirements-cffconvert.lock
	$(PYTHON) -m venv .venv-cff
	.venv-cff/bin/pip install --quiet --no-deps --requirement requirements-cffconvert.lock
	.venv-cff/bin/pip check
	touch $(CFFCONVERT)

$(ZENSICAL): requirements-zensical.lock
	$(PYTHON) -m venv .venv-zensical
	.venv-zensical/bin/pip install --quiet --no-deps --requirement requirements-zensical.lock
	.venv-zensical/bin/pip check
	touch $(ZENSICAL)

$(AXE): package.json package-lock.json
	command -v npm >/dev/null || (apt-get update && $(APT_INSTALL) nodejs npm)
	npm ci --no-audit --no-fund
	touch $(AXE)

# Four pytest runs side by side, one selection of markers each (tools/test_runs.py says why not xdist and
# which tests go where): the browser tests other than the visits with the PDFs, the builds of copies, the
# visit of every page at every width with the editions, and the rest. Each run's report is printed when
# it ends; any failing fails `make test`.
test: test-deps
	@$(BIN)/python -m tools.test_runs

# Without the tests marked build or browser (pyproject.toml; tests/conftest.py marks those using the
# build and browser fixtures): needs the virtual environment only (`make install`), not chromium, Java, npm or
# .venv-cff; Hypothesis's quick profile (tests/conftest.py). On both
# cores (pytest-xdist). `make test` does not use xdist: its browser tests share one build and one visit of
# every page, which each worker would make again (xdist's loadgroup no longer groups under pytest 9.2).
test-fast: $(STAMP)
	$(BIN)/python -m pytest -n 2 -m "not build and not browser" --hypothesis-profile=quick

bench: test-deps  # Lighthouse needs chromium and node_modules
	$(BIN)/python -m bench.run

# Not part of `make test`: it asks the registries, so its answer changes without a change here (SECURITY.md).
audit:
	command -v npm >/dev/null || (apt-get update && $(APT_INSTALL) nodejs npm)
	$(PYTHON) -m tools.audit

# For review by eye: one page of each template in both languages at 390 and 1280 px. make test compares the
# same pictures with tests/approved_screenshots/ (tests/test_screenshots.py); approve-screenshots, run after a
# person has looked at screenshots/fresh/ and screenshots/difference/, makes the fresh ones the approved ones.
screenshots: build
	command -v chromium >/dev/null || (apt-get update && $(APT_INSTALL) chromium)
	$(BIN)/python -m tools.screenshots

approve-screenshots: $(STAMP)
	$(BIN)/python -m tools.screenshots approve

# Editions on gh-pages, through mike (tools/editions.py checks the input first; handleiding/PUBLICEREN.md).
EDITION_FLAGS = $(if $(filter 1,$(PUSH)),--push) $(if $(filter 1,$(FORCE)),--force) $(if $(filter 1,$(ALLOW_STALE)),--allow-stale)

publish: $(STAMP)
	@$(BIN)/python -m tools.editions publish --version "$(VERSION)" --alias "$(ALIAS)" --title "$(TITLE)" --message "$$MESSAGE" $(EDITION_FLAGS) $(QUIET_STOP)

editions: $(STAMP)
	@$(BIN)/python -m tools.editions list $(QUIET_STOP)

unpublish: $(STAMP)
	@$(BIN)/python -m tools.editions unpublish --version "$(VERSION)" $(filter --push,$(EDITION_FLAGS)) $(QUIET_STOP)

set-default: $(STAMP)
	@$(BIN)/python -m tools.editions set-default --version "$(VERSION)" $(filter --push,$(EDITION_FLAGS)) $(QUIET_STOP)

clean:
	rm -rf site .site-build .site-previous screenshots pdf .test-*.log $(VENV) .venv-cff .venv-zensical .venv-audit .pytest_cache .hypothesis node_modules
