#!/usr/bin/env bash
# Run by the Maven build before `npm ci`: makes sure Node.js >= 18 and npm are on the PATH, and on Debian
# (or Ubuntu) installs Debian's own packages when they are missing (Debian 12 ships Node 18), as root or
# through password-less sudo. Every tool version in package-lock.json runs on Node 18 and 20.
set -euo pipefail

NEED_MAJOR=18

node_ok() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || return 1
  local major
  major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  [ "$major" -ge "$NEED_MAJOR" ]
}

if node_ok; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "The agent desktop (platform/app/frontend) needs Node.js >= $NEED_MAJOR and npm: install them and build again." >&2
  exit 1
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
  else
    echo "Node.js >= $NEED_MAJOR and npm are missing: run 'sudo apt-get install -y nodejs npm' (or build as root)." >&2
    exit 1
  fi
fi

echo "Installing Node.js and npm from the Debian packages (once) ..." >&2
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq nodejs npm >/dev/null

if ! node_ok; then
  echo "Debian's Node.js is older than $NEED_MAJOR (found $(node --version 2>/dev/null || echo none)); install Node.js $NEED_MAJOR or later." >&2
  exit 1
fi
echo "Using Node.js $(node --version), npm $(npm --version)." >&2
