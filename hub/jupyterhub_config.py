"""A local JupyterHub for running the course as a workshop: ``make hub``.

What it is: every learner logs in with any username and the shared workshop password, gets
their own JupyterLab server (a local process running the course's ``.venv``) with a home
folder under ``build/hub/home/<username>``, and an nbgitpuller link pulls the course into that
home. It listens on 127.0.0.1 only: this is for rehearsing a workshop and for the load test
(``benchmarks/hub_load.py``), not for serving a room. For a real room use The Littlest
JupyterHub or Zero to JupyterHub (see ``instructor/hub.md``), which add real users, HTTPS and
an idle culler.

Settings come from environment variables so the same file serves ``make hub`` and the load
test:

- ``HUB_PORT`` (default 8321): the public port, on 127.0.0.1;
- ``HUB_STATE_DIR`` (default ``build/hub``): database, cookie secret, learners' homes;
- ``HUB_PASSWORD`` (default ``sparse-weights``): the shared learner password (>= 8 chars);
- ``HUB_PACE_LOG`` (default 1): 0 stops writing learners' pace logs
  (``~/.lessonlib/pace.jsonl`` in each home; ``lessonlib/pace.py``, ``make learner-times``);
- ``HUB_SERVICE_TOKEN`` (unset by default): when set, registers an API service
  ``load-test`` holding that token with the rights to create users, start/stop their servers
  and issue tokens for them. Only the load test sets it.
"""

# ruff: noqa: F821  (``c`` is the config object JupyterHub injects)

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# The single-user servers run from the environment JupyterHub itself was started from, which
# `make hub` makes the course's .venv: nbgitpuller and lessonlib must be importable there.
VENV_BIN = Path(sys.executable).parent
STATE = Path(os.environ.get("HUB_STATE_DIR", ROOT / "build" / "hub")).resolve()
PORT = int(os.environ.get("HUB_PORT", "8321"))
PASSWORD = os.environ.get("HUB_PASSWORD", "sparse-weights")
SERVICE_TOKEN = os.environ.get("HUB_SERVICE_TOKEN", "")

STATE.mkdir(parents=True, exist_ok=True)
(STATE / "home").mkdir(exist_ok=True)

proxy = HERE / "node_modules" / ".bin" / "configurable-http-proxy"
if not proxy.exists():
    found = shutil.which("configurable-http-proxy")
    if found is None:
        sys.exit(
            "configurable-http-proxy is not installed. Run `npm ci --prefix hub` "
            "(needs Node.js 20 or newer), or `make hub`, which does it for you."
        )
    proxy = Path(found)

# --- network: loopback only, fixed ports ---------------------------------------------------
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = PORT
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = PORT + 1
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{PORT + 2}"
c.ConfigurableHTTPProxy.command = [str(proxy)]
c.ConfigurableHTTPProxy.pid_file = str(STATE / "proxy.pid")
c.ConfigurableHTTPProxy.should_start = True

# --- state kept in one scratch folder --------------------------------------------------------
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(STATE / "jupyterhub.pid")
# Servers die with the hub: a workshop rehearsal should leave no stray processes behind.
c.JupyterHub.cleanup_servers = True

# --- who may log in: anyone, with the shared workshop password --------------------------------
# SharedPasswordAuthenticator is JupyterHub's dummy authenticator with a password (the
# `password` option of DummyAuthenticator is deprecated since JupyterHub 5.3).
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = PASSWORD
c.Authenticator.allow_all = True

# --- what each learner gets -------------------------------------------------------------------
c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
c.SimpleLocalProcessSpawner.home_dir_template = str(STATE / "home" / "{username}")
c.Spawner.cmd = [str(VENV_BIN / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.notebook_dir = "~"
# Stop kernels idle for 20 minutes: JupyterLab leaves a finished notebook's kernel running, and
# those kernels, not the servers, are what fills a workshop server's memory (instructor/hub.md).
c.Spawner.args = ["--MappingKernelManager.cull_idle_timeout=1200",
                  "--MappingKernelManager.cull_interval=120"]
# The servers run as the hub's own user; as root, Jupyter Server must be told that is intended.
if os.geteuid() == 0:
    c.Spawner.args.append("--ServerApp.allow_root=True")
c.Spawner.environment = {
    # terminals and `!pip` in a learner's notebook use the course environment
    "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}",
    "NBGITPULLER_APP": "lab",
    # Each learner's cell runs and check results (not their code) go to a file in their home,
    # for `make learner-times`; the setup cell tells them. Set HUB_PACE_LOG=0 to turn it off.
    **({"LESSONLIB_PACE_LOG": "~/.lessonlib/pace.jsonl"}
       if os.environ.get("HUB_PACE_LOG", "1") != "0" else {}),
}
# 20 servers starting at once on 2 cores take a while: be patient rather than fail.
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180
c.JupyterHub.concurrent_spawn_limit = 50

# --- the load test's service account (only when HUB_SERVICE_TOKEN is set) --------------------
if SERVICE_TOKEN:
    c.JupyterHub.services = [{"name": "load-test", "api_token": SERVICE_TOKEN}]
    c.JupyterHub.load_roles = [
        {
            "name": "load-test",
            "scopes": ["admin:users", "admin:servers", "tokens", "access:servers",
                       "list:users", "read:users"],
            "services": ["load-test"],
        }
    ]
