# One command for each step. `make run` and `make test` are the two the README starts with.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
THREADS ?= 256
# App instances behind nginx in `make stack`.
INSTANCES ?= 2
# The stack listens on 8080 unless PORT is given, so it can run beside `make run` (8000).
STACK_PORT = $(if $(filter file,$(origin PORT)),8080,$(PORT))

.PHONY: setup system-deps run stack test bench load clean

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

# nginx (Debian's) in front of INSTANCES app instances, each started by `make run` on a free
# loopback port; see README.md, "Deploying". Ctrl-C stops all of them.
stack: setup
	$(BIN)/python scripts/stack.py --host $(HOST) --port $(STACK_PORT) --instances $(INSTANCES) \
		-- $(MAKE) --no-print-directory run HOST=127.0.0.1 PORT={port}

system-deps:
	scripts/system-deps.sh

# compile first: after a pull that changed a .po, the .mo left from before is older.
test: setup system-deps
	$(BIN)/flask translate compile
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
