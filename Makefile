# Entry points: `make crawl` (every portal, last 2 days, into output/), `make test` and `make bench`
# (every benchmark's ratios, benchmarks/run_all.py).
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: crawl test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -e '.[test,notify]'
	touch $(STAMP)

crawl: $(STAMP)
	$(VENV)/bin/newsbot crawl --all

test: $(STAMP)
	$(VENV)/bin/python -m pytest -q

bench: $(STAMP)
	$(VENV)/bin/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) .pytest_cache
