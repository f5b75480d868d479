#!/usr/bin/env bash
# Start the course's rehearsal hub in the foreground (what `make hub` runs), after installing
# what is missing. It prints its address (http://127.0.0.1:${HUB_PORT:-8321}/) and a random
# password; log in with any name. Ctrl+C stops it and every learner's server.
# Rehearsal only: loopback, no HTTPS, no isolation between learners (hub/README.md).
set -euo pipefail
if [ "$(id -u)" -eq 0 ]; then
    echo "hub/start.sh: refusing to run as root: every learner's server would run as root," \
         "with a root terminal. Run it (or make hub) as your ordinary user." >&2
    exit 1
fi
if [ "$#" -ne 0 ]; then
    echo "hub/start.sh takes no arguments (it listens on 127.0.0.1 only); settings are" \
         "environment variables: HUB_PORT, HUB_STATE_DIR, HUB_PASSWORD, HUB_PACE_LOG." >&2
    exit 2
fi
unset HUB_ALLOW_ROOT_FOR_TESTS  # only the tests start this hub as root
cd "$(dirname "$0")/.."
hub/setup.sh
exec "${VENV:-.venv}/bin/jupyterhub" -f hub/jupyterhub_config.py
