#!/usr/bin/env bash
# Creates or refreshes the project's virtual environment in .venv.
# Sourced by scripts/start and scripts/test, so a fresh machine needs nothing but Python 3.11+.
# Re-installs only when pyproject.toml changed (a stamp holds its hash), so the second run is instant.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.venv"
extras="${1:-}"
python="${PYTHON:-python3}"
if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv"
fi
stamp="$venv/.installed-$(sha256sum "$root/pyproject.toml" | cut -c1-16)${extras:+-$extras}"
if [ ! -f "$stamp" ]; then
    echo "Installing channelmgr and its dependencies into .venv (first run only)…" >&2
    log="$venv/install.log"
    # pip's output goes to a log, shown only when the install fails.
    if ! { "$venv/bin/python" -m pip install --upgrade pip \
           && "$venv/bin/python" -m pip install -e "$root${extras:+[$extras]}"; } >"$log" 2>&1; then
        cat "$log" >&2
        echo "scripts/ensure_env.sh: installing dependencies failed (log above, also in $log)" >&2
        exit 1
    fi
    touch "$stamp"
fi
