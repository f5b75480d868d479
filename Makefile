# The course's two commands: `make lab` and `make test`. Each sets itself up.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# The course's own tools (tests, notebook builds, the website), added on first use
DEV_STAMP := $(VENV)/.dev-installed
# pip itself, pinned like everything else it installs
PIP_VERSION := 26.3
PORT   ?= 8888
# Every test process, notebook kernels included, refuses connections off this machine.
GUARD  := PYTHONPATH=$(CURDIR)/tests/netguard
NBVAL  := --nbval --nbval-current-env --nbval-sanitize-with tests/notebooks/sanitize.cfg
# pytest-xdist: the unit tests on every core (`make check JOBS=1` runs them in one process)
JOBS   ?= auto

.PHONY: lab check test prerequisites unit notebooks-test browser-test binder-test lint bench notebooks solved pin \
	hub hub-load section-times learner-times clean help site serve-site site-test versions

help:
	@echo "make lab    - set up (first time) and open JupyterLab on the start notebook"
	@echo "make check  - set up (first time) and run the quick tests: lint, unit, nbval"
	@echo "make test   - set up (first time) and run every test: unit, notebooks, browser"
	@echo "make bench  - print notebook run times, peak memory, widget latency, wide-model training"
	@echo "make notebooks / make solved - rebuild the stored / instructor notebooks"
	@echo "make versions - every notebook at the oldest and newest dependency versions (downloads)"
	@echo "make hub    - a local JupyterHub for rehearsing a workshop (instructor/hub.md)"
	@echo "make hub-load - N simulated learners at once through the hub (a measurement)"
	@echo "make section-times - minutes per notebook section (the instructor guide's timings)"
	@echo "make learner-times - minutes per section measured on a workshop's hub (LOGS=...)"
	@echo "make site   - the course as a static website in build/site (make serve-site shows it)"

# The learner's environment: the course package plus JupyterLab and a kernel (the [lab]
# extra), at the versions Binder pins. Nothing else: the test tools come with $(DEV_STAMP).
$(STAMP): pyproject.toml binder/requirements.txt binder/overrides.json
	@$(PYTHON) -c "import sys; sys.exit(sys.version_info < (3, 11))" || \
		{ echo "The course needs Python 3.11 or newer; found $$($(PYTHON) --version)."; exit 1; }
	@$(PYTHON) -m venv $(VENV) || { echo "Could not create a virtual environment. On Debian/Ubuntu: sudo apt install python3-venv"; exit 1; }
	$(PY) -m pip install --quiet pip==$(PIP_VERSION)
	$(PY) -m pip install --quiet -c binder/requirements.txt -e ".[lab]"
	@# JupyterLab defaults for learners (as on Binder): no news prompt, no update check.
	@mkdir -p $(VENV)/share/jupyter/lab/settings
	@cp binder/overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	@touch $(STAMP)

# The course's own tools on top (the [dev] extra: test tools, notebook builds, the website's
# Sphinx), pinned by tools/dev-constraints.txt and site/constraints.txt. Installed on first
# use by the commands that need them; `make lab` never does.
$(DEV_STAMP): $(STAMP) pyproject.toml tools/dev-constraints.txt site/constraints.txt
	$(PY) -m pip install --quiet -c binder/requirements.txt -c site/constraints.txt \
		-c tools/dev-constraints.txt -e ".[dev]"
	@touch $(DEV_STAMP)

# Jupyter refuses to run as root unless told to (containers and CI machines often are root).
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)

lab: $(STAMP)
	$(VENV)/bin/jupyter lab --port=$(PORT) $(ROOT_FLAG) notebooks/00_start-here.ipynb

# System programs first (chromium, npm, git): installed where possible, else the command to run.
prerequisites:
	tools/prerequisites.sh

test: prerequisites $(DEV_STAMP) lint unit notebooks-test browser-test binder-test site-test
	@echo "All course tests passed."

# The quick tier (a few minutes): lint, unit and doctests, notebook hygiene, nbval of the
# learner notebooks. `make test` runs everything, the slow and the browser tests too.
check: $(DEV_STAMP) lint
	$(GUARD) $(PY) -m pytest -p no:cacheprovider -n $(JOBS) -m "not slow" \
		--doctest-modules lessonlib tests/unit tests/notebooks
	$(GUARD) $(PY) -m pytest -p no:cacheprovider -n $(JOBS) --dist loadfile $(NBVAL) notebooks

lint: $(DEV_STAMP)
	$(PY) -m ruff check .

unit: $(DEV_STAMP)
	$(GUARD) $(PY) -m pytest -p no:cacheprovider -n $(JOBS) --doctest-modules lessonlib \
		tests/unit tests/notebooks

# The instructor (solved) notebooks under nbval, outputs compared. The learner notebooks get
# theirs in binder-test, in the Binder environment's kernel: outside the browser tests, make
# test executes each notebook once.
notebooks-test: $(DEV_STAMP)
	$(GUARD) $(PY) -m pytest -p no:cacheprovider -n $(JOBS) --dist loadfile $(NBVAL) \
		instructor/notebooks

browser-test: $(DEV_STAMP)
	$(GUARD) $(PY) -m pytest -p no:cacheprovider tests/browser

# The course built from binder/ alone (tools/binder_env.py: build/binder-env/) runs every
# learner notebook under nbval in its own kernel and prints what the stored notebooks print;
# repo2docker accepts binder/; the workshop link works in a real browser on a local hub;
# nbgitpuller keeps learners' edits. hub/setup.sh and tools/binder_env.py install (outside
# the guard).
BINDER_NBVAL := --nbval --nbval-kernel-name course-binder \
	--nbval-sanitize-with tests/notebooks/sanitize.cfg
binder-test: $(DEV_STAMP)
	hub/setup.sh
	$(PY) tools/binder_env.py
	JUPYTER_PATH=$(CURDIR)/build/binder-env/kernel/share/jupyter $(GUARD) $(PY) -m pytest \
		-p no:cacheprovider -n $(JOBS) --dist loadfile $(BINDER_NBVAL) \
		build/binder-env/repo/notebooks
	BINDER_ENV_BUILT=1 $(GUARD) $(PY) -m pytest -p no:cacheprovider tests/binder

# The course as a website (build/site/), built offline from the stored notebooks. Its tools
# (Sphinx, MyST-NB, the book theme, axe-core) are part of the [dev] extra, installed on first
# use: `make lab` does not carry them.
SITE_PORT  ?= 8000

# Under the network guard: a build that tried to download anything would fail.
site: $(DEV_STAMP)
	$(GUARD) $(PY) site/make_site.py

# Serves build/site on this machine only (loopback); builds it first if it is missing.
serve-site: $(DEV_STAMP)
	@test -f build/site/index.html || $(PY) site/make_site.py
	@echo "The course website: http://127.0.0.1:$(SITE_PORT)/ (Ctrl+C stops it)"
	$(PY) -m http.server $(SITE_PORT) --bind 127.0.0.1 --directory build/site

# Every page in Chromium: nothing leaves localhost, no console error, links resolve,
# figures move and have alt text, axe-core finds nothing serious, no sideways scroll.
site-test: site
	$(GUARD) $(PY) -m pytest -p no:cacheprovider tests/site

# A local JupyterHub for rehearsing a workshop (loopback only): see instructor/hub.md.
hub: $(STAMP)
	hub/start.sh

# Rounds of simulated learners starting at the same moment (at most 40), each running
# notebooks 03 and 07 through the hub; it fails if any learner is lost.
HUB_LEARNERS ?= 1 5 10 20 40
hub-load: $(STAMP)
	hub/setup.sh
	$(PY) benchmarks/hub_load.py --learners $(HUB_LEARNERS)

# Every benchmark runs and prints its figures against its budgets; make bench fails at the
# end if any of them missed one (learner environment size, notebook and widget times, ...).
bench: $(DEV_STAMP)
	@status=0; \
	$(PY) benchmarks/learner_env.py || status=1; \
	$(PY) benchmarks/run.py || status=1; \
	$(PY) benchmarks/site.py || status=1; \
	$(PY) benchmarks/bench_wide_model.py || status=1; \
	$(PY) benchmarks/adversarial_checks.py || status=1; \
	if [ $$status -ne 0 ]; then echo "make bench: a figure is over its budget (see above)"; fi; \
	exit $$status

# The dependency range: every instructor notebook under nbval in an environment at the
# floors pyproject.toml allows and in one at the newest versions the index serves, then
# with OpenBLAS's Prescott kernels and with two BLAS threads. Downloads (uv, the packages)
# with the network guard off; the notebooks run under it. Not part of `make test`.
versions: $(DEV_STAMP)
	$(PY) tools/version_envs.py

# Minutes per notebook section for a learner: measured content, stated reading rates.
section-times: $(DEV_STAMP)
	$(PY) benchmarks/section_times.py

# Minutes per section and tries per exercise, measured on a room: the hub's pace logs.
LOGS ?= $(wildcard build/hub/home/*/.lessonlib/pace.jsonl)
learner-times: $(STAMP)
	$(PY) benchmarks/learner_times.py $(LOGS)

notebooks: $(DEV_STAMP)
	$(PY) tools/notebooks.py build

solved: $(DEV_STAMP)
	$(PY) tools/notebooks.py solved

# Re-pin binder/requirements.txt from a fresh environment holding only the runtime deps.
pin:
	rm -rf /tmp/course-pin && $(PYTHON) -m venv /tmp/course-pin
	/tmp/course-pin/bin/pip install --quiet pip==$(PIP_VERSION)
	/tmp/course-pin/bin/pip install --quiet ".[lab]" nbgitpuller==1.3.0
	/tmp/course-pin/bin/pip install --quiet --upgrade setuptools
	@# --all keeps setuptools: binder/postBuild builds the course with the pinned one
	/tmp/course-pin/bin/pip freeze --all --exclude lessonlib --exclude pip | sort > binder/requirements.txt

clean:
	rm -rf $(VENV) build *.egg-info tests/browser/screenshots hub/node_modules
