"""The workshop link, clicked in a real browser on the course's own hub (hub/).

A learner who has never logged in opens the nbgitpuller link: the hub asks them to log in,
starts their JupyterLab server, nbgitpuller clones the course into their home, and JupyterLab
opens the start notebook. This is the path instructor/hub.md promises, driven in headless
Chromium (Playwright, Debian's chromium) against a hub on 127.0.0.1.

The hub refuses to start as root (every learner's server runs as its account) unless told it
is under test: CI and containers run this as root, so the hub gets HUB_ALLOW_ROOT_FOR_TESTS=1
(hub/jupyterhub_config.py; `make hub` and hub/start.sh refuse root regardless).

Skipped when the hub is not installed (hub/setup.sh) or chromium is missing.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import psutil
import pytest
import requests
from chromium import CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[2]
HUB = ROOT / "hub"
# The start notebook as shipped: the walk-through below finds its cells by what they hold.
COURSE_00 = json.loads((ROOT / "notebooks" / "00_start-here.ipynb").read_text())
PORT = 8341

pytest.importorskip("jupyterhub", reason="the workshop hub is not installed (hub/setup.sh)")
pytest.importorskip("nbgitpuller", reason="the workshop hub is not installed (hub/setup.sh)")
playwright = pytest.importorskip("playwright.sync_api")
pytestmark = [pytest.mark.slow, pytest.mark.browser]


@pytest.fixture
def hub(tmp_path):
    if not (HUB / "node_modules" / ".bin" / "configurable-http-proxy").exists():
        pytest.skip("the hub's proxy is not installed (npm ci --prefix hub)")
    if not shutil.which("chromium"):
        pytest.skip("no chromium")
    state = tmp_path / "state"
    env = dict(os.environ, HUB_PORT=str(PORT), HUB_STATE_DIR=str(state),
               HUB_PASSWORD="workshop-test", HUB_ALLOW_ROOT_FOR_TESTS="1")
    log = open(tmp_path / "hub.log", "w")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(
        [str(Path(sys.executable).parent / "jupyterhub"), "-f", str(HUB / "jupyterhub_config.py")],
        cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{PORT}"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert proc.poll() is None, (tmp_path / "hub.log").read_text()[-3000:]
            try:
                if requests.get(f"{base}/hub/api/", timeout=2).ok:
                    break
            except requests.RequestException:
                time.sleep(0.5)
        else:
            pytest.fail("the hub did not start within 120 s")
        yield base, state
    finally:
        # Learners' servers run in sessions of their own: note them now, so that one stuck in
        # its shutdown (seen with a kernel still starting) is killed rather than left behind.
        ours = psutil.Process(proc.pid).children(recursive=True) if proc.poll() is None else []
        os.killpg(proc.pid, signal.SIGTERM)  # the hub stops the learners' servers on exit
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)
        for leftover in ours:
            try:
                leftover.kill()
            except psutil.Error:
                pass
        log.close()


def test_the_workshop_link_logs_in_pulls_the_course_and_opens_the_notebook(hub, tmp_path,
                                                                          playwright_driver):
    base, state = hub
    upstream = tmp_path / "l1-sparsity"  # the course's git repository, served over file://
    subprocess.run(["git", "clone", "-q", "--bare", str(ROOT), str(upstream)], check=True)
    link = f"{base}/hub/user-redirect/git-pull?" + urllib.parse.urlencode({
        "repo": upstream.as_uri(), "branch": "main",
        "urlpath": "lab/tree/l1-sparsity/notebooks/00_start-here.ipynb",
    })
    # one Playwright driver per run (tests/conftest.py)
    browser = playwright_driver.chromium.launch(executable_path=shutil.which("chromium"),
                                                args=CHROMIUM_ARGS)
    try:
        page = browser.new_page()
        page.goto(link)
        page.fill("input[name=username]", "ada")
        page.fill("input[name=password]", "workshop-test")
        page.click("[type=submit]")
        page.wait_for_url("**/user/ada/lab/tree/l1-sparsity/notebooks/00_start-here.ipynb*",
                          timeout=240_000)
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=120_000)
        title = page.locator(".jp-Notebook h1").first.inner_text(timeout=60_000)
        pace_log = state / "home" / "ada" / ".lessonlib" / "pace.jsonl"
        work_through_start_here(page, pace_log)
    finally:
        browser.close()
    assert "Start here" in title
    clone = state / "home" / "ada" / "l1-sparsity"
    assert (clone / "notebooks" / "00_start-here.ipynb").is_file()
    log = subprocess.run(["git", "log", "-1", "--format=%H"], cwd=clone, check=True,
                         capture_output=True, text=True).stdout.strip()
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip()
    assert log == head, "the learner's copy is not the course's current commit"

    # The pace log the hub asked for: every run in its section, the checks in order, and
    # make learner-times reads it back as minutes per section and tries per exercise.
    events = [json.loads(line) for line in pace_log.read_text().splitlines()]
    assert [e["event"] for e in events[:2]] == ["open", "setup"] and events[1]["cell"] == "c004"
    runs = [e["cell"] for e in events if e["event"] == "run"]
    # Every code cell after the set-up cell down to the exercise's check, then the stub and
    # its check twice more (a wrong answer, then the right one).
    code = [c["id"] for c in COURSE_00["cells"] if c["cell_type"] == "code"]
    stub = next(c["id"] for c in COURSE_00["cells"]
                if c.get("metadata", {}).get("exercise") == "count-nonzeros")
    walk = code[code.index("c004") + 1: code.index(stub) + 2]
    assert runs == walk + walk[-2:] * 2, "JupyterLab's cell ids did not reach the log in run order"
    sections = list(dict.fromkeys(e["section"] for e in events))
    assert sections == ["Introduction and setup", "Check your environment", "How exercises work"]
    checks = [(e["exercise"], e["result"]) for e in events if e["event"] == "check"]
    assert checks == [("push-ratio", "unanswered"), ("count-nonzeros", "unanswered"),
                      ("count-nonzeros", "hint"), ("count-nonzeros", "pass")]
    report = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "learner_times.py"),
                             str(pace_log)], capture_output=True, text=True, check=True).stdout
    assert report.startswith(f"1 learner logs, {len(events)} events, 0 unreadable lines"), report
    assert len(events) == 2 + len(runs) + len(checks), "events other than open, setup, runs, checks"
    # one learner, counted in the median or (faster than 15 s there) as having run through
    row = re.search(r"^How exercises work\s+(\d+)\s+\S+\s+(?:\S+\s+)?(\d+)$", report, re.M)
    assert row and int(row[1]) + int(row[2]) == 1, report
    assert re.search(r"count-nonzeros\s+1\s+1\s+2\s", report), report
    now = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "learner_times.py"),
                          "--now", str(pace_log)], capture_output=True, text=True,
                         check=True).stdout
    assert "  00 · How exercises work: 1" in now and "may be stuck" not in now, now


def work_through_start_here(page, pace_log: Path) -> None:
    """A learner in 00: Shift+Enter down to the exercise, a wrong answer, then the right one."""
    cells = page.locator(".jp-Notebook .jp-Cell")
    cells.first.click()
    page.keyboard.press("Escape")  # command mode: Shift+Enter runs and moves on
    # Through the exercise and its check, as shipped: past the prediction's check too, so two
    # checks run unanswered before the learner types anything.
    stub = next(i for i, c in enumerate(COURSE_00["cells"])
                if c.get("metadata", {}).get("exercise") == "count-nonzeros")
    for _ in range(stub + 2):
        page.keyboard.press("Shift+Enter")
        page.wait_for_timeout(300)
    page.locator(".jp-OutputArea-output", has_text="This workshop times the course").wait_for(
        timeout=120_000)
    from lessonlib import pace  # which calls are exercise checks, as the pace log sees them

    checks = pace.exercise_map(COURSE_00)
    before = sum(bool(m) and m[1] in checks
                 for c in COURSE_00["cells"][:stub + 2] if c["cell_type"] == "code"
                 for m in [re.match(r"(check_\w+)\(", "".join(c["source"]).strip())])
    for done, answer in enumerate(("nonzeros = 5", "nonzeros = 2"), start=before):
        wait_for_lines(pace_log, lambda e: e["event"] == "check", done)  # the last check ran
        cells.nth(stub).locator(".cm-content").click()
        page.keyboard.press("Control+A")
        page.keyboard.type(answer)
        page.keyboard.press("Shift+Enter")
        page.keyboard.press("Shift+Enter")
    wait_for_lines(pace_log, lambda e: e.get("result") == "pass", 1)


def wait_for_lines(path: Path, wanted, count: int, timeout: float = 120) -> None:
    """Wait until ``count`` complete lines of the pace log satisfy ``wanted``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists():
            lines = [json.loads(x) for x in path.read_text().splitlines() if x.endswith("}")]
            if sum(map(wanted, lines)) >= count:
                return
        time.sleep(0.5)
    raise AssertionError(f"the pace log {path} did not get line {count} in {timeout:g} s")
