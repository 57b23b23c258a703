#!/usr/bin/env bash
# Installs what the build and the tests need when it is missing, so `make run` and `make test`
# work on a fresh Debian machine. Runs apt only when something is actually absent.
set -euo pipefail
need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if ! pkg-config --exists ncursesw 2>/dev/null; then need+=(libncurses-dev); fi
command -v tmux >/dev/null 2>&1 || need+=(tmux)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing missing packages: ${need[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >&2
fi
# The schema tests use Python's jsonschema and pytest. Debian's own python3 refuses pip
# installs (PEP 668), so try pip first (a user or pyenv Python), then Debian's packages.
if ! python3 -c 'import jsonschema, pytest' >/dev/null 2>&1; then
  if ! python3 -m pip install -q jsonschema pytest >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "Installing python3-jsonschema and python3-pytest with apt" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-jsonschema python3-pytest >&2
  fi
fi
