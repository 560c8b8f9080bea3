# Two entry points a newcomer needs: `make report` (set up, then write reports/ from seeds/) and
# `make test` (set up, then run the whole suite). Setup is idempotent and offline-safe.
VENV ?= .venv
PY := $(VENV)/bin/python
# The bundled model loads from site-packages; nothing may reach for a model hub.
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: setup browser report test bench

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	# CPU torch first: an unpinned torch would pull gigabytes of CUDA packages.
	$(PY) -m pip install -q --disable-pip-version-check torch==2.13.0
	$(PY) -m pip install -q --disable-pip-version-check -e '.[test]'
	touch $@

# The bundled model's one-off ONNX export (about ten seconds, with torch) is paid here, once, rather
# than inside the first report or test; later runs only check the prepared file (half a second).
setup: $(VENV)/.installed
	$(VENV)/bin/compare-articles prepare-model

# The browser test (tests/test_browser.py) drives Debian's headless Chromium; install it once
# when missing (about a minute, 121 MB). Without apt-get or root the browser tests skip.
browser:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
		if command -v apt-get >/dev/null; then \
			(apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver) \
				|| echo "could not install chromium; the browser tests will skip"; \
		else echo "no apt-get: install chromium and chromedriver yourself, or the browser tests will skip"; fi; \
	fi

report: setup
	$(VENV)/bin/compare-articles report seeds/000_41ce0450144724b7.txt seeds/002_0d01754cb50d208e.txt \
		-o reports/seeds.md -o reports/seeds.json -o reports/seeds.html

# Lint and format check first (ruff, configured in pyproject.toml): seconds, and it fails fast.
test: setup browser
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) -m pytest -q

bench: setup
	$(PY) bench/run.py
	$(PY) bench/batch.py
