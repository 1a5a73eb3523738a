#!/usr/bin/env bash
# Creates or refreshes the repository's Python venv (.venv, or $SWIRL_VENV) from
# tools/python/requirements.txt. Idempotent: does nothing when the requirements are unchanged.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
venv=${SWIRL_VENV:-$root/.venv}
req=$root/tools/python/requirements.txt
want=$(sha256sum "$req" | cut -d' ' -f1)
stamp=$venv/.requirements.sha256
if [ -x "$venv/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
echo "python: creating $venv from $req"
if ! python3 -m venv "$venv" 2>/dev/null; then
  echo "python3 -m venv failed; installing Debian's python3-venv" >&2
  apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
  python3 -m venv "$venv"
fi
# Unreachable package hosts must fail fast instead of waiting out retries.
PIP_RETRIES=0 PIP_TIMEOUT=2 "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$req" \
  2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
echo "$want" >"$stamp"
