# Quick start: `make demo` builds the demo on DuckDB; `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_EVENTS ?= 200000
BENCH_EVENTS ?= 1000000

.PHONY: setup demo test lint benchmark clean

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

demo: setup
	$(BIN)/python -m lead_scoring_tools.demo --events $(DEMO_EVENTS)

lint: setup
	$(BIN)/sqlfluff lint models data_tests

test: lint
	# two workers, a test file each: the dbt builds of one file overlap the
	# engine time of another (PostgreSQL, Spark) on two cores
	$(BIN)/pytest tests -n 2 --dist loadfile --durations=15

benchmark: setup
	$(BIN)/python -m lead_scoring_tools.benchmark --events $(BENCH_EVENTS)

clean:
	rm -rf target logs $(VENV)
