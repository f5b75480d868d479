"""The network guard that the notebook tests rely on really blocks, and lets loopback through."""

import os
import subprocess
import sys
from pathlib import Path

GUARD = Path(__file__).resolve().parents[1] / "netguard"


def run_guarded(code: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(GUARD))
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          timeout=60)


def test_guard_blocks_an_outside_address():
    result = run_guarded(
        "import socket\n"
        "s = socket.socket()\n"
        "s.settimeout(2)\n"
        "s.connect(('93.184.216.34', 80))\n"
    )
    assert result.returncode != 0
    assert "blocked a network connection" in result.stderr


def test_guard_blocks_name_lookups_of_outside_hosts():
    result = run_guarded(
        "import urllib.request; urllib.request.urlopen('http://example.com', timeout=2)"
    )
    assert result.returncode != 0
    assert "blocked a network connection" in result.stderr


def test_guard_lets_loopback_through():
    result = run_guarded(
        "import socket\n"
        "srv = socket.socket(); srv.bind(('127.0.0.1', 0)); srv.listen(1)\n"
        "c = socket.create_connection(('localhost', srv.getsockname()[1]), timeout=2)\n"
        "print('connected', socket.NETGUARD_ACTIVE)\n"
    )
    assert result.returncode == 0, result.stderr
    assert "connected True" in result.stdout


def test_the_test_run_itself_is_guarded():
    # make test puts the guard on PYTHONPATH, and tests/conftest.py loads it for a plain
    # `pytest`; without it, notebooks could reach the network unnoticed.
    import os
    import socket

    assert getattr(socket, "NETGUARD_ACTIVE", False), "tests/conftest.py did not load the guard"
    assert str(GUARD) in os.environ["PYTHONPATH"].split(os.pathsep)


def test_processes_started_by_the_tests_are_guarded():
    # what a notebook kernel started by nbval or nbclient inherits: the test run's environment
    result = subprocess.run(
        [sys.executable, "-c", "import socket; print(getattr(socket, 'NETGUARD_ACTIVE', False))"],
        capture_output=True, text=True, timeout=60,
    )
    assert result.stdout.strip() == "True", result.stderr
