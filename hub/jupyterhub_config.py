"""A local JupyterHub for rehearsing the course as a workshop: ``make hub``. Never a room's hub.

What it is: every learner logs in with any username and the hub's password, gets their own
JupyterLab server (a local process running the course's ``.venv``) with a home folder under
``build/hub/home/<username>``, and an nbgitpuller link pulls the course into that home. It is
for rehearsing a workshop alone or with trusted colleagues, for the tests and for the load
test (``benchmarks/hub_load.py``), and it cannot be mistaken for a room's hub:

- **No isolation between learners.** Every learner's server runs as the Unix account that
  started the hub (``SimpleLocalProcessSpawner``): each learner can read and change every
  other learner's files and pace log, the hub's database and cookie secret, and everything
  that account can reach. So it **refuses to start as root** (a learner would get a root
  terminal). The only exception is the tests and the load test on CI machines and
  containers, where root is the only account: they set ``HUB_ALLOW_ROOT_FOR_TESTS=1``.
  ``make hub`` (``hub/start.sh``) refuses root whatever the environment says.
- **Loopback only, whatever the command line says.** It listens on 127.0.0.1, and refuses
  any command-line argument but ``-f``/``--config`` (``--ip=0.0.0.0`` would otherwise win
  over this file).
- **A random password**, printed when it starts, unless ``HUB_PASSWORD`` is set; no HTTPS.

For a room use The Littlest JupyterHub or Zero to JupyterHub with HTTPS, real accounts and an
allow-list, as ``instructor/hub.md`` sets them up.

Settings come from environment variables so the same file serves ``make hub``, the tests and
the load test:

- ``HUB_PORT`` (default 8321): the public port, on 127.0.0.1;
- ``HUB_STATE_DIR`` (default ``build/hub``): database, cookie secret, learners' homes;
- ``HUB_PASSWORD`` (default: a new random one each start, printed): the learners' password
  (at least 8 characters);
- ``HUB_PACE_LOG`` (default 1): 0 stops writing learners' pace logs
  (``~/.lessonlib/pace.jsonl`` in each home; ``lessonlib/pace.py``, ``make learner-times``);
- ``HUB_ALLOW_ROOT_FOR_TESTS`` (unset): ``1`` lets the tests and the load test start it as
  root on CI machines; never set it for people;
- ``HUB_SERVICE_TOKEN`` (unset by default): when set, registers an API service
  ``load-test`` holding that token with the rights to create users, start/stop their servers
  and issue tokens for them. Only the load test sets it.
"""

# ruff: noqa: F821  (``c`` is the config object JupyterHub injects)

from __future__ import annotations

import os
import secrets
import shutil
import sys
from pathlib import Path

try:
    from jupyterhub.proxy import ConfigurableHTTPProxy
except ImportError:  # read by the unit tests before hub/setup.sh has installed JupyterHub
    ConfigurableHTTPProxy = None

# --- refuse what would turn a rehearsal into an open hub --------------------------------------
AS_ROOT = os.geteuid() == 0
if AS_ROOT and os.environ.get("HUB_ALLOW_ROOT_FOR_TESTS") != "1":
    sys.exit(
        "hub/jupyterhub_config.py: refusing to start as root. Every learner's server runs as "
        "the account that starts this hub, so each learner would get a root terminal. Run "
        "`make hub` as your ordinary user."
    )
_args = sys.argv[1:]
_allowed, _i = True, 0
while _i < len(_args):
    if _args[_i] in ("-f", "--config"):
        _i += 2
    elif _args[_i].startswith(("-f=", "--config=", "--JupyterHub.config_file=")):
        _i += 1
    else:
        _allowed = False
        break
if not _allowed:
    sys.exit(
        f"hub/jupyterhub_config.py: refusing the argument {_args[_i]!r}. This rehearsal hub "
        "listens on 127.0.0.1 only and takes no command-line settings (they would override "
        "this file, e.g. --ip=0.0.0.0); use HUB_PORT, HUB_STATE_DIR, HUB_PASSWORD and "
        "HUB_PACE_LOG instead. A hub for a room: instructor/hub.md."
    )

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# The single-user servers run from the environment JupyterHub itself was started from, which
# `make hub` makes the course's .venv: nbgitpuller and lessonlib must be importable there.
VENV_BIN = Path(sys.executable).parent
STATE = Path(os.environ.get("HUB_STATE_DIR", ROOT / "build" / "hub")).resolve()
PORT = int(os.environ.get("HUB_PORT", "8321"))
PASSWORD = os.environ.get("HUB_PASSWORD", "")
SERVICE_TOKEN = os.environ.get("HUB_SERVICE_TOKEN", "")
if PASSWORD == "sparse-weights":  # the password this file used to publish
    sys.exit("hub/jupyterhub_config.py: HUB_PASSWORD is the old published password; "
             "leave HUB_PASSWORD unset for a random one.")
if not PASSWORD:
    PASSWORD = secrets.token_urlsafe(12)
    print(f"Rehearsal hub on http://127.0.0.1:{PORT}/ : log in with any name and the "
          f"password {PASSWORD}", flush=True)

STATE.mkdir(parents=True, exist_ok=True)
STATE.chmod(0o700)  # database and cookie secret: not for other accounts on this machine
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
c.JupyterHub.bind_url = f"http://127.0.0.1:{PORT}"
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

# --- who may log in: anyone, with this run's password (rehearsal only) -----------------------
# SharedPasswordAuthenticator is JupyterHub's dummy authenticator with a password (the
# `password` option of DummyAuthenticator is deprecated since JupyterHub 5.3). allow_all is
# acceptable only here, on loopback; a room's hub needs an allow-list (instructor/hub.md).
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = PASSWORD
c.Authenticator.allow_all = True

# --- what each learner gets -------------------------------------------------------------------
# Every learner's server runs as this hub's own account: no isolation between learners (see
# the docstring). Fine for a rehearsal, never for a room.
c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
c.SimpleLocalProcessSpawner.home_dir_template = str(STATE / "home" / "{username}")
# Learners' servers (and so their kernels) run at a lower CPU priority than the hub and its
# proxy: when a room starts 40 servers at once on 2 cores, the hub must still answer, add
# each server's route to the proxy within its fixed 30 s and report it ready. Measured
# (benchmarks/hub_load.py, 40 learners): without it the hub's route additions timed out
# ("Repeated api_request to proxy path ... failed") and 7 of 40 servers were stopped.
_nice = shutil.which("nice")
c.Spawner.cmd = [*([_nice, "-n", "10"] if _nice else []), str(VENV_BIN / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.ip = "127.0.0.1"  # the learners' servers too: nothing of this hub is off loopback
c.Spawner.notebook_dir = "~"
# Stop kernels idle for 20 minutes: JupyterLab leaves a finished notebook's kernel running, and
# those kernels, not the servers, are what fills a workshop server's memory (instructor/hub.md).
c.Spawner.args = ["--MappingKernelManager.cull_idle_timeout=1200",
                  "--MappingKernelManager.cull_interval=120",
                  # Every learner's kernels share this machine's ports. A port chosen for a
                  # new kernel can be taken by another learner's kernel before it binds it
                  # (measured: 1 kernel of 40 started at once), and with cached ports
                  # (jupyter_client's default) every automatic restart retries that same
                  # port and the kernel is declared dead. Uncached, a restart takes new ports.
                  "--KernelManager.cache_ports=False"]
if AS_ROOT:  # only under test (above): Jupyter Server must be told that root is intended
    c.Spawner.args.append("--ServerApp.allow_root=True")
c.Spawner.environment = {
    # terminals and `!pip` in a learner's notebook use the course environment
    "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}",
    "NBGITPULLER_APP": "lab",
    # Each learner's cell runs, check results and kinds of hint (never their code or answers)
    # go to a file in their home, for `make learner-times`; the setup cell tells them, and
    # how to opt out for good. Set HUB_PACE_LOG=0 to turn it off for everyone.
    **({"LESSONLIB_PACE_LOG": "~/.lessonlib/pace.jsonl"}
       if os.environ.get("HUB_PACE_LOG", "1") != "0" else {}),
}
# 40 servers starting at once on 2 cores take minutes (measured: 20 took 105 s on a busy
# machine, benchmarks/hub_load.py): be patient rather than fail.
c.Spawner.start_timeout = 360
c.Spawner.http_timeout = 360
c.JupyterHub.concurrent_spawn_limit = 50
# The hub sends at most this many requests to the proxy's API at once (default 10); a route
# added when a server is ready waits its turn inside the same fixed 30 s, so with 40 servers
# becoming ready together, 10 made some wait too long.
c.ConfigurableHTTPProxy.concurrency = 50


if ConfigurableHTTPProxy is not None:  # always, when JupyterHub reads this file

    class PatientProxy(ConfigurableHTTPProxy):
        """The proxy, with each API request given three tries of JupyterHub's fixed 30 s.

        Under load (40 servers starting on 2 cores) the hub's kept-alive connections to the
        proxy's API are closed under it ("Server disconnected"), and JupyterHub's own retries of
        one route addition can run out of their 30 s; it then stops a server that had started
        fine, and the learner's link fails (measured: 1 of 40 with the settings above). A route
        is idempotent to add or delete, so trying the whole request again is safe.
        """

        async def api_request(self, path, method="GET", body=None):
            for attempt in range(3):
                try:
                    return await super().api_request(path, method=method, body=body)
                except TimeoutError:
                    if attempt == 2:
                        raise
                    self.log.warning("proxy API %s %s timed out; trying again", method, path)


    c.JupyterHub.proxy_class = PatientProxy

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
