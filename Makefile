# One command for each step. `make run` and `make test` are the two the README starts with.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
THREADS ?= 256

.PHONY: setup system-deps run test bench load clean

# The virtual environment, rebuilt when the dependencies change.
$(VENV)/.installed: setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --editable '.[test]'
	touch $@

setup: $(VENV)/.installed

# waitress (guide/serving.py): slow clients hold a socket, not a thread; see bench/RESULTS.md.
run: setup
	$(BIN)/python wsgi.py --host $(HOST) --port $(PORT) --threads $(THREADS) --access-log -

system-deps:
	scripts/system-deps.sh

test: setup system-deps
	$(BIN)/flask translate check
	$(BIN)/pytest $(PYTEST_ARGS)

# Benchmarks print ratios against baselines measured in the same run; bench writes
# bench/RESULTS.md. They need wrk and chromium (Debian) and Lighthouse (npm, in bench/).
bench: setup system-deps
	$(BIN)/pip install --quiet --editable '.[test,bench]'
	cd bench && npm install --no-audit --no-fund --silent
	$(BIN)/python -m bench.run

load: setup system-deps
	$(BIN)/python -m bench.load

clean:
	rm -rf $(VENV) .pytest_cache *.egg-info
