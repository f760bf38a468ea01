# Two commands do everything on a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
WEB_CONCURRENCY ?= 2
MANAGE := $(BIN)/python manage.py

.PHONY: run setup test lint clean

run: setup
	@echo "Serving on http://$(HOST):$(PORT)/ (staff sign-in: http://$(HOST):$(PORT)/admin/)"
	$(BIN)/gunicorn clinic_site.wsgi --bind $(HOST):$(PORT) --workers $(WEB_CONCURRENCY)

setup: $(VENV)/.installed .env var/static/staticfiles.json
	$(MANAGE) migrate --noinput
	$(MANAGE) create_first_staff_user

test: $(VENV)/.installed-dev
	$(BIN)/pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_DEBUG=true $(MANAGE) makemigrations --check --dry-run

clean:
	rm -rf $(VENV) var/static

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed

# A random secret key, made once and kept out of git.
.env:
	$(PYTHON) -c 'import secrets; print("DJANGO_SECRET_KEY=" + secrets.token_urlsafe(50))' > $@

var/static/staticfiles.json: $(VENV)/.installed .env $(shell find static -type f)
	mkdir -p var
	$(MANAGE) collectstatic --noinput --verbosity 0
