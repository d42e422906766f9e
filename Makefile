# The two commands of the README. Both set everything up on a fresh machine (a virtual
# environment in .venv with readout and its dependencies from PyPI), then do their job.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)

.PHONY: demo test lint setup clean

$(STAMP): pyproject.toml
	@test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -e '.[dev]'
	@rm -f $(VENV)/.installed-*; touch $@

setup: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/readout demo

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests scripts

# pytest exits 5 when it collects nothing; that is not a failure of the project
test: lint
	$(VENV)/bin/python -m pytest -q; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests collected"; exit 0; fi; exit $$rc

clean:
	rm -rf $(VENV) readout.duckdb out .pytest_cache
