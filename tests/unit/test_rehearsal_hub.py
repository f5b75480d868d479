"""The rehearsal hub (hub/, `make hub`) cannot be mistaken for a room's hub: it refuses root,
binds loopback whatever its command line says, and logs learners in with a random password
it prints, never the one that used to be published.

hub/jupyterhub_config.py is executed here the way JupyterHub executes it (with a config
object ``c``), so these tests need traitlets only, not a running hub; the last test starts
the real ``jupyterhub`` when it is installed.
"""

from __future__ import annotations

import os
import runpy
import stat
import subprocess
import sys
from pathlib import Path

import pytest

traitlets_config = pytest.importorskip("traitlets.config")

ROOT = Path(__file__).resolve().parents[2]
HUB = ROOT / "hub"
CONFIG = HUB / "jupyterhub_config.py"


@pytest.fixture
def load(tmp_path, monkeypatch):
    """Run the config file as JupyterHub would: ``load(argv, euid) -> c``."""
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    proxy = fake_bin / "configurable-http-proxy"  # found when hub/node_modules is absent
    proxy.write_text("#!/bin/sh\n")
    proxy.chmod(proxy.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{fake_bin}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("HUB_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.delenv("HUB_PASSWORD", raising=False)
    monkeypatch.delenv("HUB_ALLOW_ROOT_FOR_TESTS", raising=False)

    def run(argv=("-f", str(CONFIG)), euid=1000):
        monkeypatch.setattr(os, "geteuid", lambda: euid)
        monkeypatch.setattr(sys, "argv", ["jupyterhub", *argv])
        c = traitlets_config.Config()
        runpy.run_path(str(CONFIG), init_globals={"c": c})
        return c

    return run


def test_it_binds_loopback_and_runs_servers_as_no_one_privileged(load, capsys):
    c = load()
    assert c.JupyterHub.ip == "127.0.0.1" and c.JupyterHub.hub_ip == "127.0.0.1"
    assert c.JupyterHub.bind_url.startswith("http://127.0.0.1:")
    assert c.ConfigurableHTTPProxy.api_url.startswith("http://127.0.0.1:")
    assert c.Spawner.ip == "127.0.0.1"
    assert not any("allow_root" in a for a in c.Spawner.args)



def test_a_kernel_that_loses_its_port_restarts_on_new_ports(load):
    # 40 learners' kernels started at once on one machine: one lost a port to another
    # learner's kernel, and cached ports made every restart retry it (benchmarks/hub_load.py).
    from jupyter_client.manager import KernelManager

    args = load().Spawner.args
    assert "--KernelManager.cache_ports=False" in args
    cfg = traitlets_config.Config()
    cfg.KernelManager.cache_ports = False  # what the argument sets, read back by the class
    assert KernelManager(config=cfg).cache_ports is False
    assert KernelManager().cache_ports is True  # jupyter_client's default, which must be off



@pytest.mark.slow
@pytest.mark.parametrize("cache_ports", [False, True])
def test_uncached_ports_are_chosen_afresh_on_restart(cache_ports):
    # What the restarter does to a kernel that died during its start (random_ports_until_alive):
    # a restart with new ports. Only uncached ports actually change; cached ones are retried.
    from jupyter_client.manager import KernelManager

    km = KernelManager(cache_ports=cache_ports)
    km.start_kernel(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        before = list(km.ports)
        km.restart_kernel(now=True, newports=True)
        after = list(km.ports)
    finally:
        km.shutdown_kernel(now=True)
    assert (before != after) is (not cache_ports), (before, after)


def test_it_refuses_to_start_as_root_unless_under_test(load, monkeypatch):
    with pytest.raises(SystemExit, match="refusing to start as root"):
        load(euid=0)
    monkeypatch.setenv("HUB_ALLOW_ROOT_FOR_TESTS", "yes")  # only exactly "1" counts
    with pytest.raises(SystemExit, match="refusing to start as root"):
        load(euid=0)
    monkeypatch.setenv("HUB_ALLOW_ROOT_FOR_TESTS", "1")  # what the tests on CI set
    assert "--ServerApp.allow_root=True" in load(euid=0).Spawner.args


@pytest.mark.parametrize("argv", [
    ["-f", str(CONFIG), "--ip=0.0.0.0"],
    ["--ip", "0.0.0.0", "-f", str(CONFIG)],
    ["-f", str(CONFIG), "--JupyterHub.bind_url=http://0.0.0.0:8000"],
    ["-f", str(CONFIG), "--port=80"],
    [f"--config={CONFIG}", "--JupyterHub.ip=::"],
])
def test_no_command_line_can_move_it_off_loopback(load, argv):
    with pytest.raises(SystemExit, match="refusing the argument"):
        load(argv)


def test_the_password_is_random_and_printed(load, capsys, monkeypatch):
    first = load().SharedPasswordAuthenticator.user_password
    second = load().SharedPasswordAuthenticator.user_password
    printed = capsys.readouterr().out
    assert first != second and len(first) >= 16
    assert first in printed and second in printed and "127.0.0.1" in printed
    assert "sparse-weights" not in CONFIG.read_text().replace('== "sparse-weights"', "")
    monkeypatch.setenv("HUB_PASSWORD", "sparse-weights")  # the one published before
    with pytest.raises(SystemExit, match="old published password"):
        load()
    monkeypatch.setenv("HUB_PASSWORD", "chosen-for-a-test")
    assert load().SharedPasswordAuthenticator.user_password == "chosen-for-a-test"


def test_its_state_is_private_to_its_account(load, tmp_path):
    load()
    assert stat.S_IMODE((tmp_path / "state").stat().st_mode) == 0o700


def test_start_sh_refuses_root_and_arguments(tmp_path):
    """`make hub` is hub/start.sh: root is refused even with the tests' variable set."""
    fake = tmp_path / "id"  # as a person would be seen by the script: root or not
    env = dict(os.environ, PATH=f"{tmp_path}{os.pathsep}{os.environ['PATH']}",
               HUB_ALLOW_ROOT_FOR_TESTS="1")
    script = ["bash", str(HUB / "start.sh")]
    fake.write_text("#!/bin/sh\necho 0\n")
    fake.chmod(0o755)
    done = subprocess.run(script, capture_output=True, text=True, timeout=30, env=env)
    assert done.returncode == 1 and "refusing to run as root" in done.stderr
    fake.write_text("#!/bin/sh\necho 1000\n")
    done = subprocess.run([*script, "--ip=0.0.0.0"], capture_output=True, text=True,
                          timeout=30, env=env)
    assert done.returncode == 2 and "takes no arguments" in done.stderr, done.stderr
