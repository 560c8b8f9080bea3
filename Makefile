# Two entry points a newcomer needs: `make report` (set up, then write reports/ from seeds/) and
# `make test` (set up, then run the whole suite). Setup is idempotent and offline-safe.
VENV ?= .venv
PY := $(VENV)/bin/python
# The bundled model loads from site-packages; nothing may reach for a model hub.
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: setup report test bench

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	# CPU torch first: an unpinned torch would pull gigabytes of CUDA packages.
	$(PY) -m pip install -q --disable-pip-version-check torch==2.13.0
	$(PY) -m pip install -q --disable-pip-version-check -e '.[test]'
	touch $@

setup: $(VENV)/.installed

report: setup
	$(VENV)/bin/compare-articles report seeds/000_41ce0450144724b7.txt seeds/002_0d01754cb50d208e.txt \
		-o reports/seeds.md -o reports/seeds.json

test: setup
	$(PY) -m pytest -q

bench: setup
	$(PY) bench/run.py
