#!/usr/bin/env bash
# Outage benchmark: MariaDB, then Redis, killed (SIGKILL) and started again while carrier calls flow through
# a production-profile node. See docs/benchmarks.md, section "Faults: MariaDB and Redis restarted under load".
#
#   bash bench/outage.sh          # 20 calls/s for 150 s; MariaDB out at 30 s, Redis at 90 s, 20 s each
#   bash bench/outage.sh --keep   # keep the temp dir (app log, sipp files, both services' data)
#
# Nothing on the machine's own MariaDB or Redis is touched: the script starts a private MariaDB (a fresh
# data dir, 127.0.0.1:OUTAGE_DB_PORT, grant tables off: it is bound to loopback and thrown away) and a private
# Redis (127.0.0.1:OUTAGE_REDIS_PORT, append-only file on, as a production Redis keeps its data across a
# restart). CallDesk runs the production profile against them (SPRING_PROFILES_ACTIVE=prod, media off), with a
# tenant opened through the staff API. The carrier is sipp (bench/signalling/uac.xml, calls held
# OUTAGE_HOLD_MS), the agents' phones one sipp UAS (bench/signalling/uas.xml). bench/outage/timeline.py
# then reads sipp's files and says, per outage, whether the calls that were up went on (no failure but 503),
# how many new calls were refused with 503 while the service was out, and how soon calls were answered again.
# Last, every answered call must have a closed record in MariaDB.
# Results: bench/outage/results-latest.txt. Exit status 0 when every check holds.
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(dirname "$bench_dir")"
sig="$bench_dir/signalling"
jar="$repo_dir/platform/app/target/calldesk.jar"
results="$bench_dir/outage/results-latest.txt"

rate="${OUTAGE_RATE:-20}"
seconds="${OUTAGE_SECONDS:-150}"
hold_ms="${OUTAGE_HOLD_MS:-10000}"
down_s="${OUTAGE_DOWN_SECONDS:-20}"
db_at="${OUTAGE_DB_AT:-30}"
redis_at="${OUTAGE_REDIS_AT:-90}"
http_port="${OUTAGE_HTTP_PORT:-18880}"
sip_port="${OUTAGE_SIP_PORT:-15891}"
uac_port="${OUTAGE_UAC_PORT:-15892}"
uas_port="${OUTAGE_UAS_PORT:-15894}"
db_port="${OUTAGE_DB_PORT:-13306}"
redis_port="${OUTAGE_REDIS_PORT:-16379}"
seats=$((rate * (hold_ms / 1000 + 5) + 100))
keep=false
[[ "${1:-}" == "--keep" ]] && keep=true

for tool in java sipp python3 curl ss mariadbd mariadb-install-db mariadb mariadb-admin redis-server redis-cli; do
  command -v "$tool" >/dev/null || { echo "missing tool: $tool (apt-get install mariadb-server redis-server sip-tester)" >&2; exit 1; }
done
[[ -f "$jar" ]] || (cd "$repo_dir" && mvn -B -q -DskipTests package)
for p in "$uac_port" "$uas_port" "$sip_port"; do
  ! ss -Huln "sport = :$p" | grep -q . || { echo "udp/$p is in use" >&2; exit 1; }
done
for p in "$http_port" "$db_port" "$redis_port"; do
  ! ss -Htln "sport = :$p" | grep -q . || { echo "tcp/$p is in use" >&2; exit 1; }
done

work="$(mktemp -d /tmp/calldesk-outage-bench.XXXXXX)"
mkdir -p "$work/uac" "$work/uas" "$work/register"
events="$work/uac/events.txt"
java_pid="" db_pid="" redis_pid=""
sipp_pids=()
say() { echo "[outage-bench $(date -u +%H:%M:%S)] $*" >&2; }
event() { echo "$(date +%s.%N) $1" >>"$events"; say "$1"; }
cleanup() {
  for pid in "${sipp_pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  [[ -n "$java_pid" ]] && kill -KILL "$java_pid" 2>/dev/null || true
  [[ -n "${timeout_pid:-}" ]] && kill -KILL "$timeout_pid" 2>/dev/null || true
  [[ -n "$db_pid" ]] && kill -KILL "$db_pid" 2>/dev/null || true
  [[ -n "$redis_pid" ]] && kill -KILL "$redis_pid" 2>/dev/null || true
  if $keep; then say "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

start_db() {
  mariadbd --no-defaults --datadir="$work/db" --port="$db_port" --bind-address=127.0.0.1 --socket="$work/db.sock" \
    --pid-file="$work/db.pid" --user="$(id -un)" --skip-grant-tables --innodb-buffer-pool-size=256M \
    --log-error="$work/db.log" >/dev/null 2>&1 &
  db_pid=$!
  for _ in $(seq 1 120); do mariadb-admin -h 127.0.0.1 -P "$db_port" -uroot ping >/dev/null 2>&1 && return 0; sleep 0.25; done
  echo "MariaDB did not start; $work/db.log:" >&2; tail -20 "$work/db.log" >&2; return 1
}
start_redis() {
  redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$work/redis" --save "" --appendonly yes \
    --appendfsync everysec --logfile "$work/redis.log" >/dev/null 2>&1 &
  redis_pid=$!
  for _ in $(seq 1 120); do redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null | grep -q PONG && return 0; sleep 0.25; done
  echo "Redis did not start" >&2; return 1
}
sql() { mariadb -h 127.0.0.1 -P "$db_port" -uroot -N -B -e "$1"; }

say "a private MariaDB on 127.0.0.1:$db_port and Redis on 127.0.0.1:$redis_port (data in $work)"
mariadb-install-db --no-defaults --datadir="$work/db" --user="$(id -un)" --auth-root-authentication-method=normal \
  --skip-test-db >"$work/db-install.log" 2>&1 || { tail -20 "$work/db-install.log" >&2; exit 1; }
mkdir -p "$work/redis"
start_db
start_redis

export SPRING_PROFILES_ACTIVE=prod CALLDESK_DB_PORT="$db_port" CALLDESK_REDIS_PORT="$redis_port" \
  CALLDESK_STAFF_PASSWORD=staff123 CALLDESK_PLATFORM_SCHEMA=calldesk_outage
app_args=(--calldesk.data-dir="$work/data" --server.address=127.0.0.1 --server.port="$http_port"
  --calldesk.sip.server.bind-host=127.0.0.1 --calldesk.sip.port="$sip_port" --calldesk.sip.server.keep-alive=0s
  --calldesk.media.enabled=false --calldesk.sip.server.node-id=outage-node)
base="http://127.0.0.1:$http_port"
app_budget=1200
# shellcheck source=bench/lib/app.sh
source "$bench_dir/lib/app.sh"
say "starting the app (production profile)"
bench_start_app "$work/app.log" "${app_args[@]}" || exit 1

timeout 120 python3 "$sig/provision.py" --base "$base" --open-tenant --trunks 1 --channels 1000 --seats "$seats" \
  --numbers-out "$work/numbers.csv" --seats-out "$work/seats.csv" 2>"$work/provision.log" >/dev/null \
  || { cat "$work/provision.log" >&2; exit 1; }
tenant_code=$(sed -n 's/^tenant //p' "$work/provision.log")
# a cold JVM's door may refuse a few REGISTERs with 503 (as it should); phones send them again, so does this
register() {
  (cd "$work/register" && timeout 120 sipp 127.0.0.1:"$sip_port" -sf "$sig/register.xml" -inf "$work/seats.csv" -i 127.0.0.1 \
    -p "$uas_port" -r 50 -m "$seats" -nostdin -timeout 100s -timeout_error >/dev/null 2>&1)
}
register || { sleep 2; register; }
say "tenant $tenant_code: $seats seats registered; $rate calls/s for $seconds s, each held $hold_ms ms"

sed "s/@HOLD_MS@/$hold_ms/" "$sig/uac.xml" >"$work/uac.xml"
(cd "$work/uas" && exec sipp -sf "$sig/uas.xml" -i 127.0.0.1 -p "$uas_port" -nostdin -timeout 900s -trace_err \
  -error_file uas_errors.log >/dev/null 2>&1) &
sipp_pids+=($!)
sleep 0.5
calls=$((rate * seconds))
event load-start
(cd "$work/uac" && exec sipp 127.0.0.1:"$sip_port" -sf "$work/uac.xml" -inf "$work/numbers.csv" -i 127.0.0.1 -p "$uac_port" \
  -r "$rate" -m "$calls" -l "$((calls + 100))" -nostdin -trace_rtt -rtt_freq 1 -trace_stat -fd 1 -stf uac_stat.csv \
  -trace_err -error_file uac_errors.log -timeout "$((seconds + 300))s" >/dev/null 2>&1) &
uac_pid=$!
sipp_pids+=($uac_pid)

t0=$(date +%s)
wait_until() { while (($(date +%s) - t0 < $1)); do sleep 0.2; done; }
outage() { # name, second it goes down at, its pid, the function that starts it again
  wait_until "$2"
  kill -KILL "$3"; wait "$3" 2>/dev/null || true
  event "down-$1"
  # what the node's threads wait on while the service is out (kept with --keep): a call that gets no answer
  # at all shows here as a SIP thread parked on the missing service
  wait_until $(($2 + 3))
  jcmd "$java_pid" Thread.print > "$work/threads-$1-down.txt" 2>/dev/null || true
  wait_until $(($2 + down_s))
  event "up-$1"
  "$4"
  event "ready-$1"
}
outage mariadb "$db_at" "$db_pid" start_db
outage redis "$redis_at" "$redis_pid" start_redis
wait_until "$seconds"
event load-end
for _ in $(seq 1 $(((hold_ms / 1000 + 120) * 5))); do kill -0 "$uac_pid" 2>/dev/null || break; sleep 0.2; done
kill -0 "$uac_pid" 2>/dev/null && { say "the carrier still had calls open 2 minutes after the load ended"; kill -TERM "$uac_pid" || true; }
sleep 3

schema="calldesk_outage_t_$tenant_code"
records=$(sql "SELECT COUNT(*) FROM $schema.call_record")
open=$(sql "SELECT COUNT(*) FROM $schema.call_record WHERE ended_at IS NULL")
answered_records=$(sql "SELECT COUNT(*) FROM $schema.call_record WHERE answered_at IS NOT NULL")
writes_failed=$(grep -c 'dropped\|could not be written' "$work/app.log" || true)
bench_stop_app

verdict=0
{
  bench_machine "bash bench/outage.sh $*"
  echo
  echo "== Faults: MariaDB and Redis killed and started again under load"
  echo "load        $rate calls/s for $seconds s, held $hold_ms ms; production profile, media off, $seats seats"
  echo "outages     MariaDB SIGKILL at ${db_at} s, Redis SIGKILL at ${redis_at} s, each started again ${down_s} s later"
  echo
  python3 "$bench_dir/outage/timeline.py" "$work/uac" --rate "$rate" || verdict=1
  answered=$(cat "$work"/uac/*_rtt.csv 2>/dev/null | grep -c '^[0-9]' || true)
  echo
  echo "records in MariaDB: $records ($answered_records answered, $open open) for $answered calls the carrier saw answered;" \
    "app log lines about writes dropped: $writes_failed"
  [[ "$open" == 0 && "$answered_records" -ge "$answered" ]] || verdict=1
  echo "verdict: $([[ $verdict == 0 ]] && echo 'calls up went on, refusals were 503s, service came back by itself, no record lost' || echo 'MISSED (see above)')"
} | tee "$results"
grep -q '^verdict: calls up went on' "$results"
