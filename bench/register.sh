#!/usr/bin/env bash
# SIP registration benchmark: 10,000 seats registering with digest, stepped REGISTER rates, UDP.
# See docs/benchmarks.md, section "SIP registration (REGISTER/s with digest)".
#
#   bash bench/register.sh           # build the jar if missing, start it on the embedded default in a
#                                    # temp data dir, provision 10,000 seats, run the steps, stop it
#   bash bench/register.sh --keep    # keep the temp dir (app log, sipp statistics, users.csv)
#
# Environment (all optional):
#   REGBENCH_STEPS      REGISTER requests/s per step  (default 500,1000,2000,3000,4000,5000,6000,7000,10000)
#   REGBENCH_WARMUP     REGISTER/s of the unscored warm-up pass (default 500; 0 = none)
#   REGBENCH_SEATS      seats to provision and register per step (default 10000)
#   REGBENCH_HTTP_PORT  web port of the app (default 8080)
#   REGBENCH_SIP_PORT   SIP port of the app (default 5091)
#   REGBENCH_SIPP_PORT  sipp's local UDP port (default 5071)
#   REGBENCH_JAVA_OPTS  extra JVM options for the app (default none: the embedded default as shipped)
#   REGBENCH_APP_ARGS   extra application arguments, e.g. --calldesk.sip.server.threads=4 (default none)
#
# Everything is bounded: the run has a budget of 13 minutes (REGBENCH_BUDGET, seconds) that every
# phase (build included) gets at most what is left of; the final heap reading and stopping the app
# add at most 75 s, so the whole command ends within 15 minutes. The app also runs under `timeout`.
# The jar is built only when it is missing: after pulling new code, run `mvn -B -q -DskipTests
# package` first (or delete platform/app/target/calldesk.jar).
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(dirname "$bench_dir")"
here="$bench_dir/register"
jar="$repo_dir/platform/app/target/calldesk.jar"
results="$here/results-latest.txt"

steps="${REGBENCH_STEPS:-500,1000,2000,3000,4000,5000,6000,7000,10000}"
warmup="${REGBENCH_WARMUP:-500}"
seats="${REGBENCH_SEATS:-10000}"
http_port="${REGBENCH_HTTP_PORT:-8080}"
sip_port="${REGBENCH_SIP_PORT:-5091}"
sipp_port="${REGBENCH_SIPP_PORT:-5071}"
budget="${REGBENCH_BUDGET:-780}"
keep=false
[[ "${1:-}" == "--keep" ]] && keep=true

started=$SECONDS
remaining() { # seconds left of the budget, capped at $1
  local left=$((budget - (SECONDS - started)))
  ((left < 1)) && left=1
  ((left > $1)) && left=$1
  echo "$left"
}
say() { echo "[register-bench $(date -u +%H:%M:%S)] $*" >&2; }

for tool in java jstat jcmd sipp python3 curl ss pgrep; do
  command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 1; }
done

# 1. Build the jar if it is missing (never as part of the timed work).
if [[ ! -f "$jar" ]]; then
  command -v mvn >/dev/null || { echo "missing tool: mvn (needed to build $jar)" >&2; exit 1; }
  say "building $jar"
  (cd "$repo_dir" && timeout "$(remaining 600)" mvn -B -q -DskipTests package)
fi

# 2. Ports must be free: a second app or sipp on them would spoil the numbers.
if ss -Htln "sport = :$http_port" | grep -q . || ss -Huln "sport = :$sip_port" | grep -q . \
  || ss -Huln "sport = :$sipp_port" | grep -q .; then
  echo "port $http_port/tcp, $sip_port/udp or $sipp_port/udp is in use; set REGBENCH_HTTP_PORT, REGBENCH_SIP_PORT or REGBENCH_SIPP_PORT" >&2
  exit 1
fi

work="$(mktemp -d /tmp/calldesk-register-bench.XXXXXX)"
app_log="$work/app.log"
timeout_pid=""
java_pid=""

stop_app() {
  if [[ -n "$timeout_pid" ]] && kill -0 "$timeout_pid" 2>/dev/null; then
    say "stopping the app"
    kill -TERM "$timeout_pid" 2>/dev/null || true # timeout passes TERM on to java
    for _ in $(seq 1 30); do
      kill -0 "$timeout_pid" 2>/dev/null || break
      sleep 1
    done
    if [[ -n "$java_pid" ]] && kill -0 "$java_pid" 2>/dev/null; then
      kill -KILL "$java_pid" 2>/dev/null || true
    fi
  fi
}
cleanup() {
  stop_app
  if $keep; then
    say "kept $work"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

# 3. Start the app on the embedded default (H2, in-process state) in a fresh data dir, listening on
#    127.0.0.1 only. Keep-alive OPTIONS are off so the registrar does not ping sipp's 10,000
#    contacts every 30 s in the middle of a step (sipp would not answer them as a phone does).
say "starting $jar (data in $work/data)"
# shellcheck disable=SC2086
timeout --kill-after=10s "$(remaining 780)" java ${REGBENCH_JAVA_OPTS:-} -jar "$jar" \
  --calldesk.data-dir="$work/data" --server.address=127.0.0.1 --server.port="$http_port" \
  --calldesk.sip.server.bind-host=127.0.0.1 --calldesk.sip.port="$sip_port" \
  --calldesk.sip.server.keep-alive=0s ${REGBENCH_APP_ARGS:-} >"$app_log" 2>&1 &
timeout_pid=$!
for _ in $(seq 1 50); do
  java_pid="$(pgrep -P "$timeout_pid" java || true)"
  [[ -n "$java_pid" ]] && break
  sleep 0.1
done
[[ -n "$java_pid" ]] || { echo "the app did not start" >&2; exit 1; }

ready=false
ready_by=$((SECONDS + $(remaining 180)))
while ((SECONDS < ready_by)); do
  if curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$http_port/admin/login" | grep -q 200; then
    ready=true
    break
  fi
  kill -0 "$java_pid" 2>/dev/null || break
  sleep 1
done
$ready || { echo "the app did not answer on port $http_port; last lines of its log:" >&2; tail -30 "$app_log" >&2; exit 1; }
ss -Huln "sport = :$sip_port" | grep -q . || { echo "nothing listens on udp/$sip_port" >&2; exit 1; }
say "app up (pid $java_pid) after $((SECONDS - started)) s"

# 4. Provision the seats through the staff API; passwords go to the sipp injection file.
timeout "$(remaining 240)" python3 "$here/provision.py" --base "http://127.0.0.1:$http_port" \
  --seats "$seats" --out "$work/users.csv"

# 5. The steps, then the live heap after a full GC.
log_lines_before=$(wc -l <"$app_log")
set +e
{
  echo "== Machine"
  echo "date -u     $(date -u)"
  echo "nproc       $(nproc)"
  echo "cpu         $(lscpu | sed -n 's/^Model name:[[:space:]]*//p')"
  echo "free -h"
  free -h
  echo "java        $(java -version 2>&1 | head -1)"
  echo "sipp        $(sipp -v 2>&1 | grep -o 'SIPp v[^ ]*' | head -1)"
  echo "git         $(git -C "$repo_dir" rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "command     bash bench/register.sh $*"
  echo "app args    --calldesk.data-dir=<temp> --server.address=127.0.0.1 --server.port=$http_port --calldesk.sip.server.bind-host=127.0.0.1 --calldesk.sip.port=$sip_port --calldesk.sip.server.keep-alive=0s ${REGBENCH_APP_ARGS:-}"
  echo "JVM options ${REGBENCH_JAVA_OPTS:-(none)}"
  echo "load avg    $(cut -d' ' -f1-3 /proc/loadavg) (before the steps)"
  echo
  timeout "$(remaining 600)" python3 "$here/steps.py" --jvm-pid "$java_pid" --app-log "$app_log" \
    --users "$work/users.csv" --scenario "$here/register.xml" --work "$work/sipp" \
    --host 127.0.0.1 --sip-port "$sip_port" --local-port "$sipp_port" --seats "$seats" \
    --warmup "$warmup" --steps "$steps"
  steps_status=$?
  echo
  timeout 20 jcmd "$java_pid" GC.run >/dev/null 2>&1
  echo "live heap after the run and a full GC: $(timeout 15 jstat -gc "$java_pid" | awk 'NR==2 {printf "%.0f MiB", ($3+$4+$6+$8)/1024}')"
  echo "ERROR/WARN lines the app logged during the steps: $(tail -n +"$((log_lines_before + 1))" "$app_log" | grep -c -E ' (ERROR|WARN) ')"
  echo "total run time: $((SECONDS - started)) s"
  exit "$steps_status"
} 2>&1 | tee "$results"
status=${PIPESTATUS[0]}
set -e
say "results in $results"
exit "$status"
