# Two commands do everything on a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.PHONY: run setup test lint bench messages wording-model clean

run: setup
	@echo "Serving on http://$(HOST):$(PORT)/ (staff sign-in: http://$(HOST):$(PORT)/admin/)"
	HOST=$(HOST) PORT=$(PORT) $(BIN)/gunicorn -c gunicorn.conf.py clinic_site.wsgi

setup: $(VENV)/.installed .env var/static/staticfiles.json
	$(MANAGE) migrate --noinput
	$(MANAGE) create_first_staff_user

test: $(VENV)/.installed-dev node_modules/.installed
	@command -v chromium >/dev/null || echo "Chromium is missing, so the browser tests are skipped: apt-get install chromium chromium-driver"
	@command -v java >/dev/null || echo "Java is missing, so the HTML checks are skipped: apt-get install default-jre-headless"
	$(BIN)/pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_DEBUG=true $(MANAGE) makemigrations --check --dry-run

# Load test of the production set-up (gunicorn, cache) on 127.0.0.1; needs wrk (apt-get install wrk).
bench: $(VENV)/.installed-dev
	$(BIN)/python bench/run.py

# After changing the site's wording: update each language's .po file in locale/ with the new
# wording, then (once translated) compile the .mo files the site reads. Needs gettext.
messages: $(VENV)/.installed
	DJANGO_DEBUG=true $(MANAGE) makemessages --all --add-location=file $(foreach d,.venv node_modules tests var test-artifacts bench,--ignore=$(d))
	DJANGO_DEBUG=true $(MANAGE) compilemessages --ignore=.venv --ignore=node_modules

# After changing a wording corpus (claims/corpus/) or a language's [model] settings: retrain the
# statistical model from the development part and commit claims/languages/<code>.model.json.
wording-model: $(VENV)/.installed-dev
	DJANGO_DEBUG=true $(MANAGE) train_wording_model

clean:
	rm -rf $(VENV) var/static node_modules test-artifacts

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed

# axe-core, the Nu Html Checker and Lighthouse for tests/browser, and the MDN HTTP Observatory for
# tests/serving, as package-lock.json pins them. No install scripts: they download from other hosts
# (vnu-jar a Java, where the checks use the system's; the Observatory Chromium's HSTS preload list,
# which the scan of localhost reads but needs empty, as our site is not on it).
OBSERVATORY_HSTS_LIST := node_modules/@mdn/mdn-http-observatory/conf/hsts-preload.json
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --ignore-scripts --no-audit --no-fund \
	&& echo '{}' > $(OBSERVATORY_HSTS_LIST) && touch $@; \
	else echo "npm is missing, so the accessibility, HTML and security-header checks are skipped: apt-get install npm"; fi

# A random secret key, made once and kept out of git.
.env:
	$(PYTHON) -c 'import secrets; print("DJANGO_SECRET_KEY=" + secrets.token_urlsafe(50))' > $@

var/static/staticfiles.json: $(VENV)/.installed .env $(shell find static -type f)
	mkdir -p var
	$(MANAGE) collectstatic --noinput --verbosity 0
