# The course's two commands: `make lab` and `make test`. Each sets itself up.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
PORT   ?= 8888
# Every test process, notebook kernels included, refuses connections off this machine.
GUARD  := PYTHONPATH=$(CURDIR)/tests/netguard
NBVAL  := --nbval --nbval-current-env --nbval-sanitize-with tests/notebooks/sanitize.cfg

.PHONY: lab test unit notebooks-test browser-test binder-test lint bench notebooks solved pin \
	hub hub-load section-times learner-times clean help

help:
	@echo "make lab    - set up (first time) and open JupyterLab on the start notebook"
	@echo "make test   - set up (first time) and run every test: unit, notebooks, browser"
	@echo "make bench  - print notebook run times, peak memory, widget latency, wide-model training"
	@echo "make notebooks / make solved - rebuild the stored / instructor notebooks"
	@echo "make hub    - a local JupyterHub for rehearsing a workshop (instructor/hub.md)"
	@echo "make hub-load - N simulated learners at once through the hub (a measurement)"
	@echo "make section-times - minutes per notebook section (the instructor guide's timings)"
	@echo "make learner-times - minutes per section measured on a workshop's hub (LOGS=...)"

# The environment: the course package plus test tools, at the versions Binder pins.
$(STAMP): pyproject.toml binder/requirements.txt binder/overrides.json
	@$(PYTHON) -c "import sys; sys.exit(sys.version_info < (3, 10))" || \
		{ echo "The course needs Python 3.10 or newer; found $$($(PYTHON) --version)."; exit 1; }
	@$(PYTHON) -m venv $(VENV) || { echo "Could not create a virtual environment. On Debian/Ubuntu: sudo apt install python3-venv"; exit 1; }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c binder/requirements.txt -e ".[test]"
	@# JupyterLab defaults for learners (as on Binder): no news prompt, no update check.
	@mkdir -p $(VENV)/share/jupyter/lab/settings
	@cp binder/overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	@touch $(STAMP)

# Jupyter refuses to run as root unless told to (containers and CI machines often are root).
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)

lab: $(STAMP)
	$(VENV)/bin/jupyter lab --port=$(PORT) $(ROOT_FLAG) notebooks/00_start-here.ipynb

test: $(STAMP) lint unit notebooks-test browser-test binder-test
	@echo "All course tests passed."

lint: $(STAMP)
	$(PY) -m ruff check .

unit: $(STAMP)
	$(GUARD) $(PY) -m pytest -p no:cacheprovider --doctest-modules lessonlib tests/unit tests/notebooks

notebooks-test: $(STAMP)
	$(GUARD) $(PY) -m pytest -p no:cacheprovider $(NBVAL) notebooks

browser-test: $(STAMP)
	$(GUARD) $(PY) -m pytest -p no:cacheprovider tests/browser

# The course built from binder/ alone runs every notebook; repo2docker accepts binder/;
# the workshop link works in a real browser on a local hub; nbgitpuller keeps learners' edits.
# hub/setup.sh installs jupyterhub, nbgitpuller and the proxy (it runs outside the guard).
binder-test: $(STAMP)
	hub/setup.sh
	$(GUARD) $(PY) -m pytest -p no:cacheprovider tests/binder

# A local JupyterHub for rehearsing a workshop (loopback only): see instructor/hub.md.
hub: $(STAMP)
	hub/start.sh

hub-load: $(STAMP)
	hub/setup.sh
	$(PY) benchmarks/hub_load.py

bench: $(STAMP)
	$(PY) benchmarks/run.py
	$(PY) benchmarks/bench_wide_model.py

# Minutes per notebook section for a learner: measured content, stated reading rates.
section-times: $(STAMP)
	$(PY) benchmarks/section_times.py

# Minutes per section and tries per exercise, measured on a room: the hub's pace logs.
LOGS ?= $(wildcard build/hub/home/*/.lessonlib/pace.jsonl)
learner-times: $(STAMP)
	$(PY) benchmarks/learner_times.py $(LOGS)

notebooks: $(STAMP)
	$(PY) tools/notebooks.py build

solved: $(STAMP)
	$(PY) tools/notebooks.py solved

# Re-pin binder/requirements.txt from a fresh environment holding only the runtime deps.
pin:
	rm -rf /tmp/course-pin && $(PYTHON) -m venv /tmp/course-pin
	/tmp/course-pin/bin/pip install --quiet --upgrade pip
	/tmp/course-pin/bin/pip install --quiet . nbgitpuller==1.3.0
	/tmp/course-pin/bin/pip freeze --exclude lessonlib | sort > binder/requirements.txt

clean:
	rm -rf $(VENV) build *.egg-info tests/browser/screenshots hub/node_modules
