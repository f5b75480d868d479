#!/usr/bin/env bash
# The system programs `make test` needs beyond Python: chromium (the browser tests and the
# website tests), Node.js/npm (the workshop hub's proxy) and git (nbgitpuller). Checked first,
# so a fresh machine learns in seconds what is missing, not after ten minutes of tests.
# Installs them with Debian's apt where this user can (root, or sudo without a password);
# otherwise stops with the exact command to run.
set -euo pipefail

programs=() missing=()
command -v chromium >/dev/null 2>&1 ||
    { programs+=(chromium); missing+=(chromium fonts-dejavu-core fonts-noto-color-emoji); }
command -v npm >/dev/null 2>&1 || { programs+=(npm); missing+=(nodejs npm); }
command -v git >/dev/null 2>&1 || { programs+=(git); missing+=(git); }
[ ${#missing[@]} -eq 0 ] && exit 0

cmd="sudo apt-get update && sudo apt-get install -y ${missing[*]}"
if ! command -v apt-get >/dev/null 2>&1; then
    echo "make test needs ${programs[*]}, which this machine lacks. Install them with your" >&2
    echo "system's package manager (on Debian/Ubuntu: $cmd), then run make test again." >&2
    exit 1
fi
if [ "$(id -u)" = 0 ]; then
    SUDO=""
elif sudo -n true 2>/dev/null; then
    SUDO="sudo"
else
    echo "make test needs ${programs[*]}, which this machine lacks. Install them, then run" >&2
    echo "make test again:" >&2
    echo "    $cmd" >&2
    exit 1
fi
echo "Installing what make test needs: ${programs[*]} (Debian packages ${missing[*]})..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
for prog in chromium npm git; do
    command -v "$prog" >/dev/null 2>&1 || { echo "$prog is still missing after the install" >&2; exit 1; }
done
