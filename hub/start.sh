#!/usr/bin/env bash
# Start the course's local workshop hub in the foreground (what `make hub` runs), after
# installing what is missing. Open http://127.0.0.1:${HUB_PORT:-8321}/ and log in with any
# name and the password ${HUB_PASSWORD:-sparse-weights}. Ctrl+C stops it and every learner's server.
set -euo pipefail
cd "$(dirname "$0")/.."
hub/setup.sh
exec "${VENV:-.venv}/bin/jupyterhub" -f hub/jupyterhub_config.py "$@"
