#!/usr/bin/env bash
# Install what the course's workshop hub needs, if missing (idempotent; `make hub` runs it):
# jupyterhub + nbgitpuller into the course's .venv, configurable-http-proxy into hub/node_modules.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${VENV:-.venv}"

if [ ! -x "$VENV/bin/python" ]; then
    echo "No course environment at $VENV: run 'make lab' (or 'make test') once first."; exit 1
fi
if ! "$VENV/bin/python" -c "import jupyterhub, nbgitpuller" 2>/dev/null; then
    echo "Installing jupyterhub and nbgitpuller into $VENV ..."
    "$VENV/bin/python" -m pip install --quiet -c binder/requirements.txt -r hub/requirements.txt
fi
if [ ! -x hub/node_modules/.bin/configurable-http-proxy ]; then
    command -v npm >/dev/null || {
        echo "The hub's proxy needs Node.js 20+ with npm (e.g. apt-get install nodejs npm)."; exit 1; }
    echo "Installing configurable-http-proxy into hub/node_modules ..."
    npm ci --prefix hub --no-audit --no-fund --loglevel=error
fi
command -v git >/dev/null || { echo "nbgitpuller needs git (apt-get install git)."; exit 1; }
