# Pelican's conventions: html, serve, devserver, publish, clean; plus test, validate, translations.
# Everything a target needs is installed on first use into .venv from the pinned requirements.txt.

PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PELICAN := $(BIN)/pelican
DATA ?= data
OUTPUTDIR ?= output
CONFFILE ?= pelicanconf.py
PUBLISHCONF ?= publishconf.py
PORT ?= 8000
CATALOGS := $(patsubst %.po,%.mo,$(wildcard theme/translations/*/LC_MESSAGES/messages.po))
PELICANOPTS ?=

.PHONY: check-links html test serve publish clean translations extract venv help bench browser-deps validate template import import-incoming devserver fuzz lighthouse

help:
	@echo "make html      build the site from $(DATA)/ into $(OUTPUTDIR)/ (DATA=… OUTPUTDIR=… to change)"
	@echo "make test      run the whole test suite"
	@echo "make serve     serve $(OUTPUTDIR)/ on http://localhost:$(PORT)/"
	@echo "make devserver serve and rebuild on every change of data, templates, pages or plugin"
	@echo "make publish   build for publishing with $(PUBLISHCONF)"
	@echo "make validate  check the data folder without building (LANG=hi for Hindi)"
	@echo "make check-links  check every internal link of the built site in $(OUTPUTDIR)/"
	@echo "make template SERIES=police [MONTH=2025-01]   the CSV of a new month (by default the next), ready to fill in"
	@echo "make import FILE=sheet.xlsx SERIES=police [MONTH=2025-01] [FORCE=1] [LEFT_OUT=…] [COLUMNS=…]   the month's CSV from the state's sheet"
	@echo "make fuzz      damage the test data at random, FUZZ_EXAMPLES times, and check every build is told or right"
	@echo "make extract   refresh the translation catalogs from the templates and code"
	@echo "make clean     remove $(OUTPUTDIR)/ and the build cache"

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# Compiled catalogs are built, not committed.
translations: $(CATALOGS)

%.mo: %.po $(VENV)/.installed
	$(BIN)/pybabel compile --use-fuzzy -i $< -o $@

extract: venv
	$(BIN)/pybabel extract -F babel.cfg -k N_ -k Nn_:1,2 -o theme/translations/messages.pot --no-location --omit-header --sort-output --no-wrap .
	$(BIN)/pybabel update -i theme/translations/messages.pot -d theme/translations -D messages --no-fuzzy-matching --no-wrap

# The data folder and the address go in the environment (pelicanconf.py, publishconf.py read them): Pelican takes
# the last -e only, so PELICANOPTS="-e NAME=…" would replace a -e of ours, or lose its own to ours.
html: venv translations
	RANKINGS_DATA="$(DATA)" $(PELICAN) $(PELICANOPTS) -s $(CONFFILE) -o "$(OUTPUTDIR)"

# SITEURL=https://… gives canonical and hreflang URLs their address (navigation stays relative).
publish: venv translations
	RANKINGS_DATA="$(DATA)" $(if $(SITEURL),SITEURL="$(SITEURL)") $(PELICAN) $(PELICANOPTS) -s $(PUBLISHCONF) -o "$(OUTPUTDIR)"

# Check a data folder without building; in Hindi with LANG=hi (the default when the system language is Hindi).
# Only a LANG given on the command line is passed on; otherwise the command reads LC_ALL, LC_MESSAGES, LANG itself.
LANG_OPTION = --lang "$(if $(filter command line,$(origin LANG)),$(LANG))"
validate: venv translations
	PYTHONPATH=plugins $(BIN)/python -m rankings.cli validate --data "$(DATA)" $(LANG_OPTION)

# The CSV of a new month, every unit listed, ready to fill in: make template SERIES=police MONTH=2025-01
template: venv translations
	PYTHONPATH=plugins $(BIN)/python -m rankings.cli template --data "$(DATA)" --series "$(SERIES)" --month "$(MONTH)" $(LANG_OPTION)

# The month's CSV from the sheet the state sent (several files: FILE="a.xlsx b.xlsx"), checked as validate checks:
# make import FILE=ranking.xlsx SERIES=police [MONTH=2025-01] [FORCE=1] [LEFT_OUT="id …"] [COLUMNS="marks=E …"]
import: venv translations
	PYTHONPATH=plugins $(BIN)/python -m rankings.cli import --data "$(DATA)" --series "$(SERIES)" --month "$(MONTH)" \
	  --force "$(FORCE)" --left-out "$(LEFT_OUT)" --columns "$(COLUMNS)" $(LANG_OPTION) $(FILE)

# The sheets staff uploaded into $(DATA)/incoming/<series>/ through GitHub's web page, imported (the workflow runs it).
import-incoming: venv translations
	PYTHONPATH=plugins $(BIN)/python -m rankings.cli import-incoming --data "$(DATA)" $(LANG_OPTION)

# Serve on localhost and rebuild whenever a CSV, template, page or the plugin changes.
devserver: venv translations
	$(BIN)/python scripts/devserver.py --data "$(DATA)" --output "$(OUTPUTDIR)" --port $(PORT)

serve: venv
	$(BIN)/python -m http.server --bind 127.0.0.1 --directory $(OUTPUTDIR) $(PORT)

# The browser tests need Chromium and Noto fonts (Debian) and axe-core (npm); installed here when missing.
browser-deps: node_modules/axe-core/axe.min.js
	@test -x /usr/lib/chromium/chromium || { \
	  echo "Installing Chromium and Noto fonts for the browser tests (apt-get)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core; }

node_modules/axe-core/axe.min.js: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

test: venv translations browser-deps
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Every internal link and asset of the built site leads to a file (CI runs it after the publish build).
check-links: venv
	$(BIN)/python tests/sitebuild.py "$(OUTPUTDIR)"

# Damaged data at random, many more examples than `make test` runs, new ones each time (FUZZ_EXAMPLES=…).
FUZZ_EXAMPLES ?= 2000
fuzz: venv translations
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest tests/test_fuzz.py $(PYTEST_ARGS)

clean:
	rm -rf $(OUTPUTDIR) $(OUTPUTDIR).partial $(OUTPUTDIR).previous $(OUTPUTDIR).lock cache

# Speed and size at state size: cold build, rebuild, memory, chart floor, page weight (scripts/bench.py).
bench: venv translations
	$(BIN)/python scripts/bench.py

# Lighthouse's mobile run on a page of each type of the sample site, served compressed (scripts/lighthouse.py).
lighthouse: html browser-deps tools/lighthouse/node_modules/.bin/lighthouse
	$(BIN)/python scripts/lighthouse.py "$(OUTPUTDIR)"

tools/lighthouse/node_modules/.bin/lighthouse: tools/lighthouse/package.json tools/lighthouse/package-lock.json
	npm ci --prefix tools/lighthouse --no-audit --no-fund
	touch $@
