"""tools/prerequisites.sh: what `make test` checks first on a fresh machine.

Each case runs the script with a PATH of stand-in programs, so nothing is installed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "tools" / "prerequisites.sh"


def fake_bin(tmp_path: Path, programs: dict[str, str]) -> Path:
    """A folder holding bash and chmod plus one stand-in script per program (name -> body)."""
    bindir = tmp_path / "bin"
    bindir.mkdir()
    for tool in ("bash", "chmod"):
        (bindir / tool).symlink_to(shutil.which(tool))
    for name, body in programs.items():
        path = bindir / name
        path.write_text(f"#!{shutil.which('bash')}\n{body}\n")
        path.chmod(0o755)
    return bindir


def run(bindir: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(bindir / "bash"), str(SCRIPT)], env={"PATH": str(bindir)},
                          capture_output=True, text=True, timeout=30)


def test_nothing_to_do_when_everything_is_there(tmp_path):
    done = run(fake_bin(tmp_path, {"chromium": "", "npm": "", "git": "", "id": "echo 1000"}))
    assert done.returncode == 0
    assert done.stdout == done.stderr == ""


def test_an_ordinary_user_gets_the_exact_command(tmp_path):
    # not root, no sudo: stop at once and say what to run
    done = run(fake_bin(tmp_path, {"git": "", "id": "echo 1000", "apt-get": "exit 9"}))
    assert done.returncode == 1
    assert "make test needs chromium npm" in done.stderr
    assert ("sudo apt-get update && sudo apt-get install -y chromium fonts-dejavu-core "
            "fonts-noto-color-emoji nodejs npm") in done.stderr


def test_without_apt_it_names_the_programs(tmp_path):
    done = run(fake_bin(tmp_path, {"chromium": "", "npm": "", "id": "echo 1000"}))
    assert done.returncode == 1
    assert "make test needs git" in done.stderr
    assert "package manager" in done.stderr


@pytest.mark.parametrize("installs", [True, False])
def test_root_installs_with_apt(tmp_path, installs):
    log = tmp_path / "apt.log"
    bindir = tmp_path / "bin"
    # the stand-in apt-get records its arguments and, if `installs`, provides the programs
    body = f'echo "$@" >> {log}\n'
    if installs:
        body += "".join(f'printf "#!/bin/sh\\n" > {bindir}/{p}; chmod +x {bindir}/{p}\n'
                        for p in ("chromium", "npm"))
    fake_bin(tmp_path, {"git": "", "id": "echo 0", "apt-get": body})
    done = run(bindir)
    calls = log.read_text().splitlines()
    assert calls[0] == "update -qq"
    assert calls[1].endswith("chromium fonts-dejavu-core fonts-noto-color-emoji nodejs npm")
    if installs:
        assert done.returncode == 0, done.stderr
    else:
        assert done.returncode == 1
        assert "still missing" in done.stderr
