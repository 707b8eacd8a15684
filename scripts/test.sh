#!/usr/bin/env bash
# Runs every test of CallDesk on a Debian machine with JDK 17 and Maven, installing and starting
# what the tests need first. Safe to run again: each step checks before it acts.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n== %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian packages the tests drive: the browser for the web tests, SIP peers for the telephony
# tests, a CJK font so screenshots are legible, and the two services of the production profile.
packages=(chromium chromium-driver fonts-wqy-zenhei sip-tester baresip-core sox mariadb-server redis-server)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "Installing ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! mariadb-admin ping -h 127.0.0.1 --silent 2>/dev/null; then
  log "Starting MariaDB"
  as_root mkdir -p /run/mysqld && as_root chown mysql:mysql /run/mysqld 2>/dev/null || true
  as_root start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
  for _ in $(seq 1 60); do mariadb-admin ping -h 127.0.0.1 --silent 2>/dev/null && break; sleep 1; done
fi
# The tests reach MariaDB as root without a password over TCP, as on the CI machine. A fresh
# Debian install lets root in only through the unix socket, so allow TCP there (test machines only).
if ! mariadb -h 127.0.0.1 -uroot -e 'SELECT 1' >/dev/null 2>&1; then
  log "Letting root connect over 127.0.0.1 without a password (test machine)"
  as_root mariadb -uroot -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD('') OR unix_socket; FLUSH PRIVILEGES;"
fi

if ! redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
  log "Starting Redis"
  as_root mkdir -p /var/lib/redis /var/log/redis
  as_root redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  for _ in $(seq 1 30); do redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 && break; sleep 1; done
fi

log "Running unit, integration, database and browser tests"
mvn -B -ntp verify "$@"
