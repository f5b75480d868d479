"""Load-test the course's workshop hub: N learners at once, as a room would use it.

For each round (N learners, default 1, 5, 10 and 20), every simulated learner, in its own
thread and all at the same moment:

1. logs in through the hub's login form (shared password, as in a workshop);
2. opens the workshop's nbgitpuller link, which starts their JupyterLab server and pulls the
   course from a git URL into their home (here a snapshot of this working tree, committed into
   a bare repository and served over file://);
3. opens each notebook under test (default 03 and 07) the way JupyterLab does: a session
   through the hub's proxy, then every code cell sent as an ``execute_request`` over the kernel
   websocket, timing each cell from request to the kernel going idle;
4. shuts the kernel down.

A sampler thread records, every 0.25 s, each learner's resident memory (their Jupyter server
plus every kernel it started; RSS summed, so shared pages count twice: an upper bound), the
CPU time those processes used (user + system), and the machine's available memory. The
script prints one table row per round and writes every figure to
``benchmarks/results/hub_load-<time>.json``.

Bounded and local: the hub it starts listens on 127.0.0.1 only; at most 40 learners; every
round has a deadline (``--round-timeout``), every cell a timeout; a round stops early (and
says so) if the machine's available memory falls below ``--min-free-gb``. Everything it
started (hub, proxy, learners' servers, kernels) is stopped at the end, even on Ctrl+C.

Usage (after ``hub/setup.sh``, which installs the hub, nbgitpuller and the proxy)::

    .venv/bin/python benchmarks/hub_load.py                      # rounds of 1, 5, 10, 20
    .venv/bin/python benchmarks/hub_load.py --learners 5 --notebooks 00 01
    .venv/bin/python benchmarks/hub_load.py --report benchmarks/results/hub_load-*.json
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

import psutil
import requests
import websocket

ROOT = Path(__file__).resolve().parents[1]
HUB_DIR = ROOT / "hub"
RESULTS = ROOT / "benchmarks" / "results"
REPO_NAME = "l1-sparsity"  # the folder nbgitpuller creates in each learner's home
MAX_LEARNERS = 40
# how long a learner waits for their server: the hub's own limit (hub/jupyterhub_config.py,
# Spawner.http_timeout) plus a margin; 40 servers starting at once on 2 cores take minutes
SPAWN_WAIT_S = 420
HOST = "127.0.0.1"


# --------------------------------------------------------------------------------------------
# results


@dataclass
class Learner:
    """What one simulated learner measured."""

    name: str
    login_s: float = float("nan")
    spawn_s: float = float("nan")
    pull_s: float = float("nan")
    notebook_s: dict[str, float] = field(default_factory=dict)
    cell_s: list[float] = field(default_factory=list)
    cells_run: int = 0
    peak_mb: float = 0.0
    kernel_peak_mb: float = 0.0
    cpu_s: float = 0.0
    failures: list[str] = field(default_factory=list)
    # answers other than nbgitpuller's page after the hub said "ready", each followed by a
    # retry as a browser's reload would (see follow_link)
    link_retries: list[str] = field(default_factory=list)


@dataclass
class Round:
    """One round: N learners at once."""

    learners: int
    wall_s: float = 0.0
    stopped_early: str = ""
    min_available_gb: float = float("inf")
    hub_proxy_peak_mb: float = 0.0
    load_avg_1min_max: float = 0.0
    results: list[Learner] = field(default_factory=list)


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation; nan for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


# --------------------------------------------------------------------------------------------
# the course as a git repository nbgitpuller can pull


def course_snapshot(workdir: Path) -> Path:
    """Commit the working tree's course files into a bare repo ``workdir/l1-sparsity``.

    The snapshot holds what ``git ls-files`` would publish (tracked files and untracked ones
    that are not ignored), so notebooks written but not committed yet are pulled too.
    """
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, check=True, capture_output=True,
    ).stdout.decode().split("\0")
    tree = workdir / "tree"
    for rel in filter(None, listed):
        src = ROOT / rel
        if src.is_file():
            dst = tree / rel
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)
    git = ["git", "-c", "user.name=hub-load", "-c", "user.email=hub-load@localhost"]
    subprocess.run([*git, "init", "-q", "-b", "main"], cwd=tree, check=True)
    subprocess.run([*git, "add", "-A"], cwd=tree, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "course snapshot"], cwd=tree, check=True)
    bare = workdir / REPO_NAME
    subprocess.run(["git", "clone", "-q", "--bare", str(tree), str(bare)], check=True)
    return bare


# --------------------------------------------------------------------------------------------
# the hub


class Hub:
    """A private hub from hub/jupyterhub_config.py on a loopback port, with a service token."""

    def __init__(self, port: int, state: Path, python: Path) -> None:
        self.base = f"http://{HOST}:{port}"
        self.token = secrets.token_hex(32)
        self.password = secrets.token_urlsafe(12)
        self.state = state
        # HUB_ALLOW_ROOT_FOR_TESTS: a measurement on a throwaway machine, often run as root;
        # the config refuses root otherwise (hub/jupyterhub_config.py).
        env = dict(os.environ, HUB_PORT=str(port), HUB_STATE_DIR=str(state),
                   HUB_SERVICE_TOKEN=self.token, HUB_PASSWORD=self.password,
                   HUB_ALLOW_ROOT_FOR_TESTS="1")
        jupyterhub = python.parent / "jupyterhub"
        self.log = open(state.parent / "hub.log", "w")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            [str(jupyterhub), "-f", str(HUB_DIR / "jupyterhub_config.py")],
            cwd=state.parent, env=env, stdout=self.log, stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so stop() reaches everything
        )
        self.api = requests.Session()
        self.api.headers["Authorization"] = f"token {self.token}"

    def wait_ready(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the hub exited ({self.proc.returncode}); see {self.log.name}")
            try:
                if self.api.get(f"{self.base}/hub/api/", timeout=5).ok:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"the hub did not answer within {timeout:.0f} s; see {self.log.name}")

    def call(self, method: str, path: str, **kwargs) -> requests.Response:
        return self.api.request(method, f"{self.base}/hub/api{path}", timeout=60, **kwargs)

    def server_ready(self, user: str) -> bool:
        r = self.call("GET", f"/users/{user}")
        return r.ok and bool(r.json().get("servers", {}).get("", {}).get("ready"))

    def remove_user(self, user: str) -> None:
        try:
            self.call("DELETE", f"/users/{user}/server")
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                r = self.call("GET", f"/users/{user}")
                if not r.ok or not r.json().get("servers"):
                    break
                time.sleep(0.5)
            self.call("DELETE", f"/users/{user}")
        except requests.RequestException:
            pass

    def processes(self) -> list[psutil.Process]:
        """The hub and its proxy (not the learners' servers)."""
        try:
            hub = psutil.Process(self.proc.pid)
        except psutil.NoSuchProcess:
            return []
        found = [hub]
        for child in hub.children():
            try:
                if "configurable-http-proxy" in " ".join(child.cmdline()) or "node" in child.name():
                    found.append(child)
            except psutil.Error:
                pass
        return found

    def stop(self) -> None:
        try:  # learners' servers run in sessions of their own: remember them to check after
            ours = psutil.Process(self.proc.pid).children(recursive=True)
        except psutil.Error:
            ours = []
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)  # the hub stops its servers and proxy
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)
        # anything of ours still in the group (a kernel whose server died first)
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        for proc in ours:
            try:
                proc.kill()
            except psutil.Error:
                pass
        self.log.close()


# --------------------------------------------------------------------------------------------
# memory sampling


class Sampler(threading.Thread):
    """Every 0.25 s: each learner's server + kernels RSS, the hub's, the machine's free RAM."""

    def __init__(self, hub: Hub, users: list[str], rnd: Round, min_free_gb: float) -> None:
        super().__init__(daemon=True)
        self.hub, self.users, self.round, self.min_free_gb = hub, set(users), rnd, min_free_gb
        self.peak: dict[str, float] = dict.fromkeys(users, 0.0)
        self.kernel_peak: dict[str, float] = dict.fromkeys(users, 0.0)
        self.servers: dict[str, psutil.Process] = {}
        # CPU seconds (user + system) last seen for every process of each learner: a kernel
        # that has exited keeps its last reading, so the sum is the learner's total CPU use
        self.cpu: dict[str, dict[int, float]] = {u: {} for u in users}
        self.halt = threading.Event()
        self.low_memory = threading.Event()

    def find_servers(self) -> None:
        hub = psutil.Process(self.hub.proc.pid)
        for child in hub.children():
            if child.pid in {p.pid for p in self.servers.values()}:
                continue
            try:
                if "jupyterhub-singleuser" not in " ".join(child.cmdline()):
                    continue
                user = child.environ().get("JUPYTERHUB_USER")
            except psutil.Error:
                continue
            if user in self.users:
                self.servers[user] = child

    def run(self) -> None:
        mb = 1024 * 1024
        while not self.halt.wait(0.25):
            try:
                self.find_servers()
            except psutil.Error:
                pass
            for user, server in list(self.servers.items()):
                try:
                    total = server.memory_info().rss
                    self.cpu[user][server.pid] = sum(server.cpu_times()[:2])
                    for kid in server.children(recursive=True):
                        rss = kid.memory_info().rss
                        total += rss
                        self.kernel_peak[user] = max(self.kernel_peak[user], rss / mb)
                        self.cpu[user][kid.pid] = sum(kid.cpu_times()[:2])
                except psutil.Error:
                    continue
                self.peak[user] = max(self.peak[user], total / mb)
            hub_mb = sum(p.memory_info().rss for p in self.hub.processes()) / mb
            self.round.hub_proxy_peak_mb = max(self.round.hub_proxy_peak_mb, hub_mb)
            avail = psutil.virtual_memory().available / 1024**3
            self.round.min_available_gb = min(self.round.min_available_gb, avail)
            self.round.load_avg_1min_max = max(self.round.load_avg_1min_max, os.getloadavg()[0])
            if avail < self.min_free_gb:
                self.low_memory.set()


# --------------------------------------------------------------------------------------------
# one learner


XSRF_INPUT = re.compile(r'name="_xsrf"\s+value="([^"]+)"')


class Stop(Exception):
    """The round was stopped (deadline or low memory)."""


def pull_link(hub: Hub, repo_url: str, notebook: str) -> str:
    """The workshop link, as an instructor would hand it out (path and query only)."""
    query = urlencode({
        "repo": repo_url,
        "branch": "main",
        "urlpath": f"lab/tree/{REPO_NAME}/notebooks/{notebook}",
    })
    return f"/hub/user-redirect/git-pull?{query}"


def run_learner(hub: Hub, user: str, repo_url: str, notebooks: list[str],
                stop: threading.Event, cell_timeout: float) -> Learner:
    """One learner's whole session; every failure is recorded, none raised."""
    me = Learner(user)
    web = requests.Session()
    base = hub.base
    try:
        # 1. log in through the form, with the page's XSRF token, as a browser does
        t0 = time.perf_counter()
        page = web.get(f"{base}/hub/login", timeout=60)
        found = XSRF_INPUT.search(page.text)
        form = {"username": user, "password": hub.password}
        if found:
            form["_xsrf"] = found.group(1)
        r = web.post(f"{base}/hub/login", data=form, allow_redirects=False, timeout=120)
        if r.status_code != 302:
            raise RuntimeError(f"login answered {r.status_code}")
        me.login_s = time.perf_counter() - t0

        # 2. the nbgitpuller link: user-redirect -> spawn -> the learner's server -> git-pull
        link = pull_link(hub, repo_url, "00_start-here.ipynb")
        t0 = time.perf_counter()
        web.get(f"{base}{link}", timeout=180)  # starts the server (may end on a progress page)
        while not hub.server_ready(user):
            if stop.is_set() or time.perf_counter() - t0 > SPAWN_WAIT_S:
                raise Stop("server did not start") if stop.is_set() else RuntimeError(
                    f"server not ready after {SPAWN_WAIT_S} s")
            time.sleep(0.5)
        me.spawn_s = time.perf_counter() - t0
        r = follow_link(web, f"{base}{link}", user, me, stop)
        xsrf = web.cookies.get("_xsrf", path=f"/user/{user}/") or web.cookies.get("_xsrf") or ""
        headers = {"X-XSRFToken": xsrf, "Referer": r.url}

        # what nbgitpuller's page does next: stream the pull's progress (server-sent events)
        t0 = time.perf_counter()
        api = f"{base}/user/{user}/git-pull/api?" + urlencode(
            {"repo": repo_url, "branch": "main", "targetpath": REPO_NAME})
        phase = ""
        with web.get(api, headers=headers, stream=True, timeout=300) as events:
            for line in events.iter_lines(decode_unicode=True):
                if line and line.startswith("data:"):
                    phase = json.loads(line[5:]).get("phase", phase)
                    if phase in ("finished", "error"):
                        break
        if phase != "finished":
            raise RuntimeError(f"nbgitpuller ended in phase {phase!r}")
        me.pull_s = time.perf_counter() - t0
        r = web.get(f"{base}/user/{user}/lab/tree/{REPO_NAME}/notebooks/00_start-here.ipynb",
                    timeout=120)
        if not r.ok:
            raise RuntimeError(f"the link's urlpath answered {r.status_code}")

        # 3. each notebook: a session like JupyterLab's, then every code cell over the websocket
        for nb_name in notebooks:
            if stop.is_set():
                raise Stop("round stopped")
            t0 = time.perf_counter()
            run_notebook(web, base, user, headers, nb_name, me, stop, cell_timeout)
            me.notebook_s[nb_name] = time.perf_counter() - t0
    except Stop as why:
        me.failures.append(f"stopped: {why}")
    except Exception as exc:  # a measurement records failures, it does not crash
        me.failures.append(f"{type(exc).__name__}: {exc}")
    return me


LINK_TRIES = 6


def follow_link(web: requests.Session, url: str, user: str, me: Learner,
                stop: threading.Event) -> requests.Response:
    """Open the workshop link once the hub says the server is ready; retry as a browser would.

    A learner's browser reaches nbgitpuller through several hops (the hub's user-redirect,
    the proxy's route to their server, the server's OAuth round trip with the hub). Under
    load, one of them can answer before the others have caught up: a 404 or 503 page a
    learner would answer by reloading. So an answer other than nbgitpuller's page is
    recorded (``link_retries``, with every hop) and the link followed again after 1, 2, 4,
    8 and 8 s; only when every try fails is the learner counted as failed.
    """
    for attempt in range(LINK_TRIES):
        r = web.get(url, timeout=180)
        if r.ok and f"/user/{user}/git-pull" in r.url and "nbgitpuller" in r.text.lower():
            return r
        hops = " -> ".join(f"{h.status_code} {h.url}" for h in [*r.history, r])
        detail = (f"{time.strftime('%H:%M:%S')} try {attempt + 1}: ended at {r.url} "
                  f"({r.status_code}); hops: {hops}; body: {r.text[:200]!r}")
        me.link_retries.append(detail)
        if stop.is_set():
            raise Stop("round stopped")
        if attempt + 1 < LINK_TRIES:
            time.sleep(min(2 ** attempt, 8))
    raise RuntimeError(f"the link never reached nbgitpuller in {LINK_TRIES} tries; last: "
                       f"{me.link_retries[-1]}")


def run_notebook(web: requests.Session, base: str, user: str, headers: dict[str, str],
                 nb_name: str, me: Learner, stop: threading.Event, cell_timeout: float) -> None:
    server = f"{base}/user/{user}"
    path = f"{REPO_NAME}/notebooks/{nb_name}"
    r = web.get(f"{server}/api/contents/{quote(path)}", headers=headers, timeout=120)
    r.raise_for_status()
    cells = [c for c in r.json()["content"]["cells"] if c["cell_type"] == "code"]
    r = web.post(f"{server}/api/sessions", headers=headers, timeout=120, json={
        "path": path, "name": nb_name, "type": "notebook", "kernel": {"name": "python3"}})
    r.raise_for_status()
    session_id, kernel_id = r.json()["id"], r.json()["kernel"]["id"]
    cookie = "; ".join(f"{c.name}={c.value}" for c in web.cookies)
    ws_url = server.replace("http://", "ws://") + f"/api/kernels/{kernel_id}/channels"
    ws = websocket.create_connection(
        f"{ws_url}?session_id={uuid.uuid4().hex}", cookie=cookie, timeout=cell_timeout,
        header=[f"X-XSRFToken: {headers['X-XSRFToken']}"], origin=base)
    try:
        for number, cell in enumerate(cells, start=1):
            if stop.is_set():
                raise Stop("round stopped")
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            seconds, error = execute(ws, source, user, cell_timeout, cell.get("id"))
            me.cell_s.append(seconds)
            me.cells_run += 1
            if error:
                me.failures.append(f"{nb_name}, code cell {number}: {error}")
    finally:
        ws.close()
        web.delete(f"{server}/api/sessions/{session_id}", headers=headers, timeout=60)


def execute(ws: websocket.WebSocket, code: str, user: str, timeout: float,
            cell_id: str | None = None) -> tuple[float, str]:
    """Send one execute_request; seconds until the kernel is idle again, and any error.

    Like JupyterLab, it names the cell in the request's metadata (the pace log uses it).
    """
    msg_id = uuid.uuid4().hex
    msg = {
        "header": {"msg_id": msg_id, "username": user, "session": uuid.uuid4().hex,
                   "msg_type": "execute_request", "version": "5.3",
                   "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())},
        "parent_header": {}, "metadata": {"cellId": cell_id} if cell_id else {},
        "buffers": [], "channel": "shell",
        "content": {"code": code, "silent": False, "store_history": True,
                    "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
    }
    start = time.perf_counter()
    ws.send(json.dumps(msg))
    error, replied, idle = "", False, False
    while not (replied and idle):
        if time.perf_counter() - start > timeout:
            return time.perf_counter() - start, f"no reply within {timeout:.0f} s"
        opcode, data = ws.recv_data()
        if opcode != websocket.ABNF.OPCODE_TEXT:
            continue  # binary frames carry widget buffers, never the reply we wait for
        reply = json.loads(data)
        if reply.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind = reply["header"]["msg_type"]
        if kind == "execute_reply":
            replied = True
            if reply["content"].get("status") != "ok":
                error = f"{reply['content'].get('ename')}: {reply['content'].get('evalue')}"
        elif kind == "status" and reply["content"].get("execution_state") == "idle":
            idle = True
        elif kind == "error":
            error = f"{reply['content'].get('ename')}: {reply['content'].get('evalue')}"
    return time.perf_counter() - start, error


# --------------------------------------------------------------------------------------------
# rounds and report


def run_round(hub: Hub, n: int, repo_url: str, notebooks: list[str], args) -> Round:
    rnd = Round(learners=n)
    users = [f"r{n:02d}-learner-{i:02d}" for i in range(n)]
    stop = threading.Event()
    sampler = Sampler(hub, users, rnd, args.min_free_gb)
    sampler.start()
    start = time.perf_counter()
    try:
        with ThreadPoolExecutor(max_workers=n) as pool:
            futures = [pool.submit(run_learner, hub, u, repo_url, notebooks, stop,
                                   args.cell_timeout) for u in users]
            while not all(f.done() for f in futures):
                elapsed = time.perf_counter() - start
                if elapsed > args.round_timeout and not stop.is_set():
                    rnd.stopped_early = f"deadline of {args.round_timeout:.0f} s"
                    stop.set()
                if sampler.low_memory.is_set() and not stop.is_set():
                    rnd.stopped_early = f"available memory below {args.min_free_gb} GB"
                    stop.set()
                    for u in users:  # free memory now: stopping servers ends their kernels
                        hub.call("DELETE", f"/users/{u}/server")
                time.sleep(0.5)
            rnd.results = [f.result() for f in futures]
    finally:
        rnd.wall_s = time.perf_counter() - start
        sampler.halt.set()
        sampler.join()
        for me in rnd.results:
            me.peak_mb = sampler.peak.get(me.name, 0.0)
            me.kernel_peak_mb = sampler.kernel_peak.get(me.name, 0.0)
            me.cpu_s = sum(sampler.cpu.get(me.name, {}).values())
        with ThreadPoolExecutor(max_workers=min(n, 8)) as pool:
            list(pool.map(hub.remove_user, users))
    return rnd


def summarise(rnd: Round, notebooks: list[str]) -> dict[str, float | int | str]:
    cells = [s for me in rnd.results for s in me.cell_s]
    ok = [me for me in rnd.results if not me.failures]

    def stat(values, fn):
        values = [v for v in values if v == v]  # drop nan
        return fn(values) if values else float("nan")

    row = {
        "N": rnd.learners,
        "ok": len(ok),
        "failed": rnd.learners - len(ok),
        "link_retries": sum(len(me.link_retries) for me in rnd.results),
        "login_med_s": stat([m.login_s for m in rnd.results], statistics.median),
        "spawn_med_s": stat([m.spawn_s for m in rnd.results], statistics.median),
        "spawn_max_s": stat([m.spawn_s for m in rnd.results], max),
        "pull_med_s": stat([m.pull_s for m in rnd.results], statistics.median),
        "cells": len(cells),
        "cell_med_s": percentile(cells, 50),
        "cell_p95_s": percentile(cells, 95),
        "cell_max_s": max(cells) if cells else float("nan"),
    }
    for nb in notebooks:
        row[f"{nb[:2]}_med_s"] = stat([m.notebook_s.get(nb, float("nan"))
                                       for m in rnd.results], statistics.median)
    row.update({
        "peak_mb_med": stat([m.peak_mb for m in rnd.results], statistics.median),
        "peak_mb_max": stat([m.peak_mb for m in rnd.results], max),
        "kernel_mb_max": stat([m.kernel_peak_mb for m in rnd.results], max),
        "cpu_med_s": stat([m.cpu_s for m in rnd.results], statistics.median),
        "hub_mb": rnd.hub_proxy_peak_mb,
        "min_free_gb": rnd.min_available_gb,
        "load_max": rnd.load_avg_1min_max,
        "wall_s": rnd.wall_s,
        "stopped": rnd.stopped_early or "-",
    })
    return row


def print_table(rows: list[dict]) -> None:
    keys = list(rows[0])
    cells = [[f"{r[k]:.3g}" if isinstance(r[k], float) else str(r[k]) for k in keys]
             for r in rows]
    widths = [max(len(k), *(len(c[i]) for c in cells)) for i, k in enumerate(keys)]
    print("  ".join(k.rjust(w) for k, w in zip(keys, widths, strict=True)))
    for c in cells:
        print("  ".join(v.rjust(w) for v, w in zip(c, widths, strict=True)))


def print_markdown(rows: list[dict], notebooks: list[str]) -> None:
    """The same figures as a Markdown table, ready for instructor/hub.md."""
    heads = ["learners at once", "failed", "server start (median / max)", "pull (median)",
             "cell latency (median / p95)"]
    heads += [f"notebook {nb[:2]} (median)" for nb in notebooks]
    heads += ["peak RAM per learner (median / max)", "largest kernel",
              "CPU time per learner (median)", "hub + proxy", "lowest free RAM"]
    print("| " + " | ".join(heads) + " |")
    print("|" + "---|" * len(heads))
    for r in rows:
        cells = [str(r["N"]), str(r["failed"]),
                 f"{r['spawn_med_s']:.1f} s / {r['spawn_max_s']:.1f} s",
                 f"{r['pull_med_s']:.1f} s",
                 f"{r['cell_med_s']:.2f} s / {r['cell_p95_s']:.1f} s"]
        cells += [f"{r[nb[:2] + '_med_s']:.0f} s" for nb in notebooks]
        cells += [f"{r['peak_mb_med']:.0f} / {r['peak_mb_max']:.0f} MB",
                  f"{r['kernel_mb_max']:.0f} MB", f"{r.get('cpu_med_s', float('nan')):.0f} s",
                  f"{r['hub_mb']:.0f} MB",
                  f"{r['min_free_gb']:.1f} GB"]
        print("| " + " | ".join(cells) + " |")


def resolve_notebooks(names: list[str]) -> list[str]:
    found = []
    for name in names:
        matches = sorted((ROOT / "notebooks").glob(f"{name}*.ipynb"))
        if not matches:
            sys.exit(f"no notebook notebooks/{name}*.ipynb (give a prefix such as 03 or a name)")
        found.append(matches[0].name)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", type=int, nargs="+", default=[1, 5, 10, 20],
                        help="learners per round, one round each (default: 1 5 10 20)")
    parser.add_argument("--notebooks", nargs="+", default=["03", "07"],
                        help="notebooks each learner runs, by prefix (default: 03 07)")
    parser.add_argument("--port", type=int, default=8400, help="hub port on 127.0.0.1")
    parser.add_argument("--round-timeout", type=float, default=900,
                        help="seconds before a round is stopped (default 900)")
    parser.add_argument("--cell-timeout", type=float, default=300,
                        help="seconds one cell may take (default 300)")
    parser.add_argument("--min-free-gb", type=float, default=3.0,
                        help="stop a round when the machine's available RAM drops below this")
    parser.add_argument("--report", nargs="+", type=Path, metavar="JSON",
                        help="run nothing: print the tables of earlier runs' result files")
    args = parser.parse_args(argv)
    if args.report:
        runs = [json.loads(path.read_text()) for path in args.report]
        rows = sorted((row for run in runs for row in run["summary"]), key=lambda r: r["N"])
        print_table(rows)
        print()
        print_markdown(rows, runs[0]["notebooks"])
        return 0
    if not all(1 <= n <= MAX_LEARNERS for n in args.learners):
        parser.error(f"--learners must each be between 1 and {MAX_LEARNERS}")
    if not (HUB_DIR / "node_modules" / ".bin" / "configurable-http-proxy").exists():
        sys.exit("The hub's proxy is missing: run `npm ci --prefix hub` first.")
    try:
        import jupyterhub  # noqa: F401
        import nbgitpuller  # noqa: F401
    except ImportError:
        sys.exit("Install the hub first: .venv/bin/pip install -c binder/requirements.txt "
                 "-r hub/requirements.txt")
    notebooks = resolve_notebooks(args.notebooks)

    work = Path(tempfile.mkdtemp(prefix="hub-load-"))
    hub = None
    rows, rounds = [], []
    try:
        bare = course_snapshot(work)
        repo_url = bare.as_uri()
        (work / "state").mkdir()
        hub = Hub(args.port, work / "state", Path(sys.executable))
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
        hub.wait_ready()
        print(f"hub at {hub.base}; course pulled from {repo_url}; notebooks: "
              f"{', '.join(notebooks)}; {psutil.cpu_count()} cores, "
              f"{psutil.virtual_memory().total / 1024**3:.0f} GB RAM", flush=True)
        print("workshop link form: " + pull_link(hub, "<git url>", "00_start-here.ipynb"))
        for n in args.learners:
            print(f"round: {n} learner(s) at once ...", flush=True)
            rnd = run_round(hub, n, repo_url, notebooks, args)
            rounds.append(rnd)
            rows.append(summarise(rnd, notebooks))
            for me in rnd.results:
                for failure in me.failures[:3]:
                    print(f"  {me.name}: {failure}")
                for retry in me.link_retries[:3]:
                    print(f"  {me.name} (retried): {retry}")
        print()
        print_table(rows)
        print()
        print_markdown(rows, notebooks)
    finally:
        if hub is not None:
            hub.stop()
        if rounds:
            RESULTS.mkdir(parents=True, exist_ok=True)
            out = RESULTS / f"hub_load-{time.strftime('%Y%m%dT%H%M%S')}.json"
            # the hub's, proxy's and learners' servers' log: the evidence when a learner failed
            if (work / "hub.log").exists():
                shutil.copy(work / "hub.log", out.with_suffix(".log"))
            out.write_text(json.dumps({
                "notebooks": notebooks,
                "cores": psutil.cpu_count(),
                "ram_gb": psutil.virtual_memory().total / 1024**3,
                "summary": rows,
                "rounds": [asdict(r) for r in rounds],
            }, indent=1, default=str))
            print(f"\nall figures: {out.relative_to(ROOT)}")
        shutil.rmtree(work, ignore_errors=True)
    lost = sum(r["failed"] for r in rows)
    if lost:
        print(f"{lost} learner(s) lost at the door (see the failures above): no room should be.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
