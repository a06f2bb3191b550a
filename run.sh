#!/usr/bin/env bash
# exactbell's two commands:  bash run.sh verify  |  bash run.sh test
# Installs what is missing (Debian packages libcdd-dev, libgmp-dev and a Python >= 3.11 with
# venv and headers; a virtual environment .venv with the package), then runs the job.
set -euo pipefail
cd "$(dirname "$0")"
job="${1:-verify}"; shift || true

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

need=()
for pkg in libcdd-dev libgmp-dev; do installed "$pkg" || need+=("$pkg"); done
command -v gcc >/dev/null 2>&1 || need+=(build-essential)
if ! command -v python3 >/dev/null 2>&1; then
  need+=(python3 python3-venv python3-dev)
else
  python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || need+=(python3-venv)
  python3 -c 'import os, sysconfig; assert os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h"))' \
    >/dev/null 2>&1 || need+=(python3-dev)
fi
if [ "${#need[@]}" -gt 0 ]; then
  echo "run.sh: installing Debian packages: ${need[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq "${need[@]}" >/dev/null
fi
python3 -c 'import sys; assert sys.version_info >= (3, 11), sys.version' \
  || { echo "run.sh: exactbell needs Python >= 3.11" >&2; exit 1; }

stamp=.venv/.exactbell-installed
want="$(cat pyproject.toml | sha256sum | cut -c1-16)"
if [ ! -x .venv/bin/python ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "run.sh: setting up .venv (first run takes a few minutes: pycddlib builds from source)" >&2
  python3 -m venv .venv
  log=.venv/install.log
  { .venv/bin/python -m pip install --upgrade pip && .venv/bin/python -m pip install -e ".[search,test,docs]"; } \
    > "$log" 2>&1 || { tail -n 40 "$log" >&2; echo "run.sh: installation failed (full log: $log)" >&2; exit 1; }
  echo "$want" > "$stamp"
fi

case "$job" in
  # after a passing check of the bundled proofs, every decided statement equals its pin, so the
  # per-claim table (claims.md) can be read from the pins
  verify) .venv/bin/exactbell check --report report.md "$@" || exit $?
          [ $# -eq 0 ] && exec .venv/bin/exactbell claims --pinned --markdown claims.md ;;
  test)   exec .venv/bin/python -m pytest -q -p no:cacheprovider -n auto "$@" ;;  # one pytest worker per core (pytest-xdist)
  *) echo "usage: bash run.sh verify|test [args...]" >&2; exit 2 ;;
esac
