# Kumppanuus CMS: `make run` for the demo site, `make test` for the whole suite.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
HOST ?= 127.0.0.1
export DJANGO_SETTINGS_MODULE ?= config.settings.dev

.PHONY: run serve test install system-deps browser-deps lint format bench bench-rebuild messages check clean lock

$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade "pip>=24"
	$(VENV)/bin/pip install --quiet --require-hashes -r requirements.lock
	$(VENV)/bin/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

install: $(VENV)/.installed

# Voikko (Finnish morphology) comes from Debian's packages. Installed when we are
# root; otherwise the exact command is printed and search falls back to simplemma.
system-deps:
	@if ! { dpkg -s libvoikko1 voikko-fi >/dev/null 2>&1 || [ -d /usr/lib/voikko ]; }; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    echo "Installing libvoikko1 and voikko-fi (Finnish morphology)"; \
	    apt-get install -y -qq libvoikko1 voikko-fi >/dev/null 2>&1 || \
	      { apt-get update -qq && apt-get install -y -qq libvoikko1 voikko-fi >/dev/null; } || \
	      echo "WARNING: could not install Voikko; search falls back to simplemma"; \
	  else \
	    echo "WARNING: Voikko is missing; run: sudo apt-get install libvoikko1 voikko-fi"; \
	  fi; \
	fi
	@# redis-server: the tests start their own on a free port (shared cache across processes,
	@# Redis stopped under a running server); without it those tests skip.
	@if ! command -v redis-server >/dev/null; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    echo "Installing redis-server (the tests start their own)"; \
	    apt-get install -y -qq redis-server >/dev/null 2>&1 || \
	      { apt-get update -qq && apt-get install -y -qq redis-server >/dev/null; } || \
	      echo "WARNING: could not install redis-server; the Redis tests will skip"; \
	  else \
	    echo "NOTE: for the Redis tests: sudo apt-get install redis-server"; \
	  fi; \
	fi
	@# RUM (optional one-word search pool, SEARCH_POSTGRES_RUM) for the local PostgreSQL major;
	@# search does not need it: the tiered pool uses GIN (manage.py check: search.I002).
	@major="$$(psql -h 127.0.0.1 -U postgres -Atc 'SHOW server_version_num' 2>/dev/null | cut -c1-2)"; \
	[ -n "$$major" ] || major="$$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -1)"; \
	if [ -n "$$major" ] && ! dpkg -s "postgresql-$$major-rum" >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    echo "Installing postgresql-$$major-rum (search's RUM index)"; \
	    apt-get install -y -qq "postgresql-$$major-rum" >/dev/null 2>&1 || \
	      { apt-get update -qq && apt-get install -y -qq "postgresql-$$major-rum" >/dev/null; } || \
	      echo "WARNING: could not install postgresql-$$major-rum; search uses the GIN index"; \
	  else \
	    echo "NOTE: for the RUM search index: sudo apt-get install postgresql-$$major-rum"; \
	  fi; \
	fi

# Debian's chromium for the browser tests (Playwright drives it; no browser download).
browser-deps:
	@if ! command -v chromium >/dev/null; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's chromium for the browser tests"; \
	    apt-get install -y -qq chromium >/dev/null 2>&1 || \
	      { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; } || \
	      echo "WARNING: could not install chromium; browser tests will be skipped"; \
	  else \
	    echo "WARNING: chromium is missing (browser tests skipped): sudo apt-get install chromium"; \
	  fi; \
	fi

run: export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
run: install system-deps
	$(PY) manage.py migrate --noinput
	$(PY) manage.py createcachetable
	$(PY) manage.py load_demo
	@( while sleep 60; do $(PY) manage.py publish_scheduled >/dev/null 2>&1; done ) & jobs=$$!; \
	  $(PY) manage.py send_webhooks --loop 5 >/dev/null 2>&1 & jobs="$$jobs $$!"; \
	  trap "kill $$jobs 2>/dev/null" EXIT; \
	  echo "Serving http://$(HOST):$(PORT)/  (publish_scheduled every minute, webhooks every 5 s)"; \
	  $(PY) manage.py runserver $(HOST):$(PORT)

# Production mode locally (bin/serve): production settings, collectstatic, migrate, gunicorn
# on http://127.0.0.1:$(PORT), publish_scheduled as a separate process every minute.
serve: install system-deps
	PORT=$(PORT) DJANGO_SETTINGS_MODULE=config.settings.production bin/serve

test: install system-deps browser-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	DJANGO_SETTINGS_MODULE=config.settings.test bin/with-postgres bash -c '\
	  set -e; \
	  $(PY) manage.py check && \
	  $(PY) manage.py makemigrations --check --dry-run && \
	  $(VENV)/bin/pytest -p no:cacheprovider $(PYTEST_ARGS)'

lint:
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check . && $(VENV)/bin/lint-imports

format:
	$(VENV)/bin/ruff format . && $(VENV)/bin/ruff check --fix .

# Extract new UI strings and compile the catalogues (commit both): each app's strings go to
# its own <app>/locale/{fi,sv,en}, the reference site's (config/, site/) to locale/.
messages: install
	cd $(CURDIR) && $(PY) manage.py makemessages -l fi -l sv -l en --no-obsolete \
	  --ignore=.venv --ignore=build --ignore=tests --ignore=test-artifacts --ignore=var
	cd $(CURDIR) && $(PY) manage.py compilemessages --ignore=.venv

# Re-pin requirements.lock after a dependency change in pyproject.toml. uv keeps the
# existing pins and adds what is new; `make lock UPGRADE=--upgrade` moves everything.
lock:
	@test -x .tools/bin/uv || { $(PYTHON) -m venv .tools && .tools/bin/pip install --quiet uv; }
	.tools/bin/uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 \
	  --quiet $(UPGRADE) -o requirements.lock

# Scale benchmarks (PostgreSQL), then the load run against the production server
# (bench/load.py: gunicorn on 127.0.0.1, page cache on/off and the old LocMem set-up;
# skipped with BENCH_LOAD=0 or BENCH_BUILD_ONLY=1). Knobs: bench/README.md.
# Voikko first: without it Finnish analysis falls back to simplemma and the index
# (and its timings) are not what production builds.
bench: export PGDATABASE_NAME ?= kumppanuus_bench
bench: install system-deps
	DJANGO_SETTINGS_MODULE=config.settings.test bin/with-postgres $(PY) bench/scale.py
	if [ -z "$$BENCH_BUILD_ONLY" ] && [ "$${BENCH_LOAD:-1}" != 0 ]; then $(PY) bench/load.py; fi

# Full search index rebuild and the publish-time index update (BENCH_ARTICLES, default 10,000).
bench-rebuild: export PGDATABASE_NAME ?= kumppanuus_bench_rebuild
bench-rebuild: install system-deps
	DJANGO_SETTINGS_MODULE=config.settings.test bin/with-postgres $(PY) bench/rebuild.py

clean:
	rm -rf $(VENV) var db.sqlite3
