# The whole onboarding: `make serve` and `make test` (README, Quick start).
# Each target first makes sure .venv exists and matches requirements.txt.

PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
HOST    ?= 127.0.0.1:8000
# The browser CMS (/admin/): Sveltia CMS and its fonts, pinned in
# package-lock.json and copied into the site by hooks/cms.py.
NODE    := node_modules/.installed

# Material 9.7+ prints an end-of-life notice on every run (EOL 2027-05-05).
# We silence it here, and only here; see docs/maintainers/ARCHITECTURE.md,
# "Exit plan", for what we do about it.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build lint test test-fast check-release review-sheet readability translations weight lighthouse clean

# requirements.txt is a hash-checked lock (pip-compile; docs/maintainers/ARCHITECTURE.md, "Dependencies").
# Then sitebuild/ is installed editable, so `mkdocs build -f PATH/mkdocs.yml`
# works from any folder. --no-build-isolation: setuptools comes from the lock
# (hashed) instead of an unpinned download at install time.
$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

$(NODE): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $(NODE)

serve: $(STAMP) $(NODE)  ## preview at http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --livereload --strict -a $(HOST)

build: $(STAMP) $(NODE)  ## write the static site to site/
	$(BIN)/mkdocs build --strict

lint: $(STAMP)  ## ruff (style, imports, bugs) and mypy (types) over the code; config in pyproject.toml
	$(BIN)/ruff check .
	$(BIN)/mypy sitebuild hooks

# Tests may write bytecode (an empty PYTHONDONTWRITEBYTECODE): pytest keeps
# its rewritten test modules in tests/__pycache__ for the next run.
test: lint $(STAMP) $(NODE)  ## lint, then build once in strict mode, run the whole suite (two workers; the scheduler in tests/conftest.py)
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -n 2 --dist loadfile

test-fast: $(STAMP) $(NODE)  ## the edit loop: every test that needs no browser, no extra build and no Java; reuses the last site build while nothing it reads changed
	PYTHONDONTWRITEBYTECODE= SITE_BUILD_CACHE=.cache/site-build \
	  $(BIN)/python -m pytest -n 2 --dist loadfile -m "not browser and not build and not external"

check-release: build  ## refuse to publish: placeholder firm facts, pending reviews, open review items, TODO text, SITE_URL
	$(BIN)/python -m scripts.check_release

review-sheet: build  ## one printable HTML page for the attorney: cited statements, open questions, quiz rules
	$(BIN)/python -m scripts.review_sheet --site site --out build/review-sheet.html

readability: build  ## reading level of every page
	$(BIN)/python -m tools.readability site

translations: $(STAMP)  ## pages and posts missing a translation
	$(BIN)/python -m scripts.translations

weight: build  ## page weight and requests per page (benchmark)
	$(BIN)/python -m tools.weight site --all

lighthouse: build  ## Lighthouse scores, mobile, both languages (benchmark)
	$(BIN)/python -m tools.lighthouse site

clean:
	rm -rf site .pytest_cache .cache node_modules
