"""The rehearsal hub's own guard, with the real JupyterHub (installed by hub/setup.sh).

The rest of the rehearsal hub's rules are unit-tested in tests/unit/test_rehearsal_hub.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "hub" / "jupyterhub_config.py"


def test_the_real_hub_refuses_a_public_address(tmp_path):
    # `make binder-test` runs hub/setup.sh first, so the hub is installed here
    jupyterhub = Path(sys.executable).parent / "jupyterhub"
    assert jupyterhub.exists(), "the workshop hub is not installed: run hub/setup.sh"
    env = dict(os.environ, HUB_STATE_DIR=str(tmp_path / "state"), HUB_PORT="8397",
               HUB_ALLOW_ROOT_FOR_TESTS="1")
    done = subprocess.run([str(jupyterhub), "-f", str(CONFIG), "--ip=0.0.0.0"],
                          capture_output=True, text=True, timeout=120, cwd=tmp_path, env=env)
    assert done.returncode != 0
    assert not (tmp_path / "state" / "jupyterhub.sqlite").exists(), "it got as far as starting"
    assert "refusing the argument '--ip=0.0.0.0'" in done.stdout + done.stderr
