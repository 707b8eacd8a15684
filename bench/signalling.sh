#!/usr/bin/env bash
# SIP signalling benchmark: calls per second through CallDesk's B2BUA, then through Kamailio.
# See docs/benchmarks.md, section "SIP signalling (CPS through the B2BUA, vs Kamailio)".
#
#   bash bench/signalling.sh           # build the jar if missing; CallDesk on the embedded default in
#                                      # a temp data dir with media off, stepped CPS; then Kamailio as a
#                                      # stateful proxy with the same generator and steps; the ratio
#   bash bench/signalling.sh --keep    # keep the temp dir (app log, sipp statistics and errors, thread
#                                      # dumps, kamailio log)
#
# The carrier is sipp `uac` (bench/signalling/uac.xml) on 127.0.0.1 — a gateway address, so CallDesk
# takes its INVITEs as trunk calls — dialling trunk numbers of the demo tenant in turn; the agents'
# phone is one sipp `uas` (uas.xml) answering at once. A call: INVITE -> 100/180/200 -> ACK -> hold
# SIGBENCH_HOLD_MS -> BYE (from the carrier) -> 200. No RTP: CallDesk runs with
# --calldesk.media.enabled=false (SDP passes through, nothing is recorded).
#
# CallDesk set-up: the staff API (bench/signalling/provision.py) allocates SIGBENCH_TRUNKS trunk numbers
# of 1,000 channels each (the API's maximum per number) and SIGBENCH_SEATS seats; every seat registers
# with digest (register.xml, Expires 3600 = the registrar's maximum, longer than the run) from the
# UAS's port, so every binding's target is the one sipp UAS. Several seats are needed because a seat
# takes one call at a time (the ACD offers calls only to idle, waiting agents; wrap-up is set to 0 s).
# Kamailio set-up: bench/signalling/kamailio.cfg (tm, rr, registrar/usrloc in memory); the same UAS
# registers to it as the AoR "seat" and every INVITE is routed there with lookup("location").
#
# Environment (all optional):
#   SIGBENCH_STEPS        offered calls/s per step, comma-separated (default 100,200,300,500,700,1000)
#   SIGBENCH_KAM_STEPS    Kamailio's steps (default: SIGBENCH_STEPS then 1500,2000,3000,4000, so that its highest clean
#                         step is a real limit and the ratio a real one)
#   SIGBENCH_OVERLOAD     after CallDesk's steps, offer these multiples of its highest clean step (default 2,4; empty = none)
#   SIGBENCH_OVERLOAD_SECONDS seconds per overload step (default 30)
#   SIGBENCH_DURATION     seconds per step (default 60)
#   SIGBENCH_HOLD_MS      how long each call stays up before the carrier's BYE (default 1000)
#   SIGBENCH_WARMUP       RATE:SECONDS of an unscored CallDesk warm-up step (default 50:20; empty = none)
#   SIGBENCH_SEATS        seats to provision and register (default: highest step x (hold + 1 s), at most 9,997)
#   SIGBENCH_TRUNKS       trunk numbers of 1,000 channels (default 3)
#   SIGBENCH_ONLY         calldesk or kamailio to run one side only (default both)
#   SIGBENCH_HTTP_PORT    web port of the app (default 18680)
#   SIGBENCH_SIP_PORT     SIP port of the app (default 15691)
#   SIGBENCH_KAM_PORT     Kamailio's SIP port (default 15660)
#   SIGBENCH_KAM_CHILDREN Kamailio's UDP worker processes (default 4)
#   SIGBENCH_UAC_PORT     the carrier sipp's port (default 15692)
#   SIGBENCH_UAS_PORT     the phone sipp's port (default 15694)
#   SIGBENCH_JAVA_OPTS    extra JVM options for the app (default none: the embedded default as shipped)
#   SIGBENCH_APP_ARGS     extra application arguments, e.g. --calldesk.sip.server.threads=64
#   SIGBENCH_PROFILE      1 = record a Java Flight Recording of CallDesk's steps and summarise where the
#                         SIP threads spend CPU (adds overhead; default 0)
#   SIGBENCH_BUDGET       seconds for the whole run (default 1500)
#
# Everything is bounded: every phase gets at most what is left of SIGBENCH_BUDGET (the default keeps
# the whole command within 15 minutes); a step the budget has no room for is skipped and reported; the
# CallDesk side leaves Kamailio's share of the budget untouched. The app and Kamailio run under
# `timeout`; an exit trap stops the app, Kamailio and every sipp. Each side stops at its first step
# that is not clean (a step with failures while other processes used > 30 % of a CPU is repeated once).
# The jar is built only when it is missing: after pulling new code, run `mvn -B -q -DskipTests
# package` first (or delete platform/app/target/calldesk.jar). Kamailio is installed from Debian's
# package if missing (apt-get, as root or through sudo).
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1 # the helpers import bench/register/*.py: leave no __pycache__ in the tree

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(dirname "$bench_dir")"
here="$bench_dir/signalling"
jar="$repo_dir/platform/app/target/calldesk.jar"
results="$here/results-latest.txt"

steps="${SIGBENCH_STEPS:-100,200,300,500,700,1000}"
kam_steps="${SIGBENCH_KAM_STEPS:-$steps,1500,2000,3000,4000}"
overload="${SIGBENCH_OVERLOAD-2,4}"
overload_seconds="${SIGBENCH_OVERLOAD_SECONDS:-30}"
duration="${SIGBENCH_DURATION:-60}"
hold_ms="${SIGBENCH_HOLD_MS:-1000}"
warmup="${SIGBENCH_WARMUP-50:20}"
trunks="${SIGBENCH_TRUNKS:-3}"
only="${SIGBENCH_ONLY:-both}"
http_port="${SIGBENCH_HTTP_PORT:-18680}"
sip_port="${SIGBENCH_SIP_PORT:-15691}"
kam_port="${SIGBENCH_KAM_PORT:-15660}"
kam_children="${SIGBENCH_KAM_CHILDREN:-4}"
uac_port="${SIGBENCH_UAC_PORT:-15692}"
uas_port="${SIGBENCH_UAS_PORT:-15694}"
profile="${SIGBENCH_PROFILE:-0}"
budget="${SIGBENCH_BUDGET:-1500}"
keep=false
[[ "${1:-}" == "--keep" ]] && keep=true

max_rate=$(tr ',' '\n' <<<"$steps" | sort -n | tail -1)
seats="${SIGBENCH_SEATS:-$(python3 -c "print(min(9997, max(100, int($max_rate * ($hold_ms / 1000 + 1)))))")}"
n_steps=$(tr ',' '\n' <<<"$steps" | grep -c .)

started=$SECONDS
deadline_epoch=$(($(date +%s) + budget))
remaining() { # seconds left of the budget, capped at $1
  local left=$((budget - (SECONDS - started)))
  ((left < 1)) && left=1
  ((left > $1)) && left=$1
  echo "$left"
}
say() { echo "[signalling-bench $(date -u +%H:%M:%S)] $*" >&2; }

for tool in java jstat jcmd sipp python3 curl ss pgrep; do
  command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 1; }
done

# 0. Kamailio from Debian's package, after any apt/dpkg run that is still going (another script may
#    be installing packages) has finished.
if [[ "$only" != calldesk ]] && ! command -v kamailio >/dev/null; then
  as_root=""
  [[ $(id -u) -ne 0 ]] && as_root="sudo"
  say "installing kamailio (Debian package)"
  for _ in $(seq 1 120); do
    $as_root fuser /var/lib/dpkg/lock-frontend /var/lib/dpkg/lock >/dev/null 2>&1 || break
    sleep 2
  done
  DEBIAN_FRONTEND=noninteractive timeout "$(remaining 300)" $as_root apt-get install -y kamailio >/dev/null \
    || { echo "kamailio could not be installed (apt-get install -y kamailio)" >&2; exit 1; }
fi

# 1. Build the jar if it is missing (never as part of the timed work).
if [[ "$only" != kamailio && ! -f "$jar" ]]; then
  command -v mvn >/dev/null || { echo "missing tool: mvn (needed to build $jar)" >&2; exit 1; }
  say "building $jar"
  (cd "$repo_dir" && timeout "$(remaining 600)" mvn -B -q -DskipTests package)
fi

# 2. Ports must be free: a second app, Kamailio or sipp on them would spoil the numbers.
ports=("$uac_port" "$uas_port")
[[ "$only" != kamailio ]] && ports+=("$sip_port")
[[ "$only" != calldesk ]] && ports+=("$kam_port")
for p in "${ports[@]}"; do
  if ss -Huln "sport = :$p" | grep -q .; then
    echo "udp/$p is in use; set SIGBENCH_SIP_PORT, SIGBENCH_KAM_PORT, SIGBENCH_UAC_PORT or SIGBENCH_UAS_PORT" >&2
    exit 1
  fi
done
if [[ "$only" != kamailio ]] && ss -Htln "sport = :$http_port" | grep -q .; then
  echo "tcp/$http_port is in use; set SIGBENCH_HTTP_PORT" >&2
  exit 1
fi

work="$(mktemp -d /tmp/calldesk-signalling-bench.XXXXXX)"
app_log="$work/app.log"
timeout_pid=""
java_pid=""
kam_timeout_pid=""
kam_pid=""

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
stop_kamailio() {
  if [[ -n "$kam_timeout_pid" ]] && kill -0 "$kam_timeout_pid" 2>/dev/null; then
    say "stopping kamailio"
    kill -TERM "$kam_timeout_pid" 2>/dev/null || true # timeout passes TERM on; kamailio stops its children
    for _ in $(seq 1 10); do
      kill -0 "$kam_timeout_pid" 2>/dev/null || break
      sleep 1
    done
    kill -KILL "$kam_timeout_pid" 2>/dev/null || true
  fi
  if [[ -n "$kam_pid" ]]; then
    local children
    children=$(ps -o pid= --ppid "$kam_pid" 2>/dev/null || true)
    kill -KILL "$kam_pid" $children 2>/dev/null || true
  fi
}
stop_sipp() { # the cps.py driver (it kills its own sipps on TERM), then any sipp still bound to our ports
  local cps_pid
  cps_pid=$(cat "$work/cps.pid" 2>/dev/null || true)
  if [[ -n "$cps_pid" && "$(cat "/proc/$cps_pid/comm" 2>/dev/null)" == python3 ]]; then
    kill -TERM "$cps_pid" 2>/dev/null || true
    sleep 1
  fi
  local p pid
  for p in "$uac_port" "$uas_port"; do
    for pid in $(ss -Hulnp "sport = :$p" 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u); do
      [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == sipp ]] && kill -KILL "$pid" 2>/dev/null || true
    done
  done
}
cleanup() {
  stop_sipp
  stop_app
  stop_kamailio
  if $keep; then
    say "kept $work"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

cps_args=(--host 127.0.0.1 --uac-port "$uac_port" --uas-port "$uas_port" --numbers "$work/numbers.csv"
  --uac-scenario "$here/uac.xml" --uas-scenario "$here/uas.xml" --steps "$steps" --duration "$duration"
  --hold-ms "$hold_ms")
run_cps() { # cps.py writes its pid to $work/cps.pid, so the exit trap can stop it (it stops its sipps);
  # it checks the deadline itself before every step; the timeout is the backstop (on TERM it still reports)
  timeout "$1" python3 "$here/cps.py" --pidfile "$work/cps.pid" "${@:2}"
}
# what Kamailio's side needs of the budget: every step, its drain and pause, and the start-up
# (a step takes its duration + hold + ~7 s; the last one is checked against its worst case, +20 s for a call
# waiting out the carrier's 20 s receive timeout)
kam_reserve=0
kam_n_steps=$(tr ',' '\n' <<<"$kam_steps" | grep -c .)
if [[ "$only" != calldesk ]]; then
  kam_reserve=$(python3 -c "print(int($kam_n_steps * ($duration + $hold_ms / 1000 + 8) + 60))")
fi

# trunk numbers for the carrier (the Kamailio side uses them too; Kamailio ignores the number)
printf 'SEQUENTIAL\n' >"$work/numbers.csv"
for i in $(seq 0 2999); do
  printf '0%d;139%08d\n' $((2161234561 + i % trunks)) $((10000000 + i)) >>"$work/numbers.csv"
done

set +e
{
  echo "== Machine"
  echo "date -u     $(date -u)"
  echo "nproc       $(nproc)"
  echo "cpu         $(lscpu | sed -n 's/^Model name:[[:space:]]*//p')"
  echo "memory      $(free -h | awk '/^Mem:/ {print $2 " total, " $7 " available"}')"
  echo "java        $(java -version 2>&1 | head -1)"
  echo "sipp        $(sipp -v 2>&1 | grep -o 'SIPp v[^ ]*' | head -1)"
  echo "kamailio    $(kamailio -v 2>/dev/null | head -1 || echo 'not installed')"
  echo "git         $(git -C "$repo_dir" rev-parse --short HEAD 2>/dev/null || echo '?') ($(git -C "$repo_dir" log -1 --format=%s 2>/dev/null | cut -c1-100))"
  echo "command     bash bench/signalling.sh $*"
  echo "settings    steps=$steps kamailio-steps=$kam_steps overload=${overload:-none}x${overload_seconds}s duration=${duration}s hold=${hold_ms}ms warm-up=${warmup:-none} seats=$seats trunk-numbers=$trunks x 1000 channels budget=${budget}s"
  echo "load avg    $(cut -d' ' -f1-3 /proc/loadavg) (at the start)"
  echo
} 2>&1 | tee "$results"

status=0
cd_json="$work/calldesk.json"
kam_json="$work/kamailio.json"

# 3. CallDesk on the embedded default (H2, in-process state) in a fresh data dir, listening on
#    127.0.0.1 only, media off. Keep-alive OPTIONS are off (the sipp UAS is not a phone that answers them).
if [[ "$only" != kamailio ]]; then
  app_args=(--calldesk.data-dir="$work/data" --server.address=127.0.0.1 --server.port="$http_port"
    --calldesk.sip.server.bind-host=127.0.0.1 --calldesk.sip.port="$sip_port"
    --calldesk.sip.server.keep-alive=0s --calldesk.media.enabled=false)
  say "starting $jar (data in $work/data)"
  # shellcheck disable=SC2086
  timeout --kill-after=10s "$(remaining 900)" java ${SIGBENCH_JAVA_OPTS:-} -jar "$jar" "${app_args[@]}" \
    ${SIGBENCH_APP_ARGS:-} >"$app_log" 2>&1 &
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

  # 4. Trunk numbers and seats through the staff API, then every seat registers from the UAS's port.
  timeout "$(remaining 120)" python3 "$here/provision.py" --base "http://127.0.0.1:$http_port" \
    --trunks "$trunks" --channels 1000 --seats "$seats" --numbers-out "$work/numbers.csv" --seats-out "$work/seats.csv"
  mkdir -p "$work/register"
  (cd "$work/register" && timeout "$(remaining 120)" sipp 127.0.0.1:"$sip_port" -sf "$here/register.xml" \
    -inf "$work/seats.csv" -i 127.0.0.1 -p "$uas_port" -r 200 -m "$seats" -nostdin -trace_stat -stf stat.csv -fd 1 \
    -trace_err -timeout 100s -timeout_error >/dev/null 2>&1)
  registered=$(python3 -c "
import csv, sys
rows = list(csv.reader(open(sys.argv[1]), delimiter=';'))
print(dict(zip(rows[0], rows[-1]))['SuccessfulCall(C)'])" "$work/register/stat.csv" 2>/dev/null || echo 0)
  [[ "$registered" == "$seats" ]] || { echo "only $registered of $seats seats registered (see $work/register)" >&2; keep=true; exit 1; }
  say "$seats seats registered at 127.0.0.1:$uas_port"

  log_lines_before=$(wc -l <"$app_log")
  if [[ "$profile" == 1 ]]; then
    jcmd "$java_pid" JFR.start name=sigbench settings=profile filename="$work/calldesk.jfr" >/dev/null
  fi
  {
    echo "== CallDesk: $(basename "$jar"), embedded default, media off; $trunks trunk numbers x 1000 channels, $seats seats registered"
    echo "app args    ${app_args[*]/$work/<temp>} ${SIGBENCH_APP_ARGS:-}"
    echo "JVM options ${SIGBENCH_JAVA_OPTS:-(none)}"
    echo "load avg    $(cut -d' ' -f1-3 /proc/loadavg) (before the steps)"
    echo
    run_cps "$(($(remaining 900) + 30))" --name CallDesk --jvm-pid "$java_pid" --port "$sip_port" --work "$work/calldesk" \
      --warmup "$warmup" --deadline $((deadline_epoch - kam_reserve)) --json "$cd_json" "${cps_args[@]}" \
      --overload "$overload" --overload-seconds "$overload_seconds"
    echo
    if [[ "$profile" == 1 ]]; then
      timeout 30 jcmd "$java_pid" JFR.stop name=sigbench >/dev/null 2>&1
      timeout 300 python3 "$here/jfr_summary.py" "$work/calldesk.jfr"
      echo
    fi
    timeout 20 jcmd "$java_pid" GC.run >/dev/null 2>&1
    echo "live heap after the steps and a full GC: $(timeout 15 jstat -gc "$java_pid" | awk 'NR==2 {printf "%.0f MiB", ($3+$4+$6+$8)/1024}'); threads $(awk '/^Threads/ {print $2}' "/proc/$java_pid/status")"
    new_log="$work/app-steps.log"
    tail -n +"$((log_lines_before + 1))" "$app_log" >"$new_log"
    echo "ERROR/WARN lines the app logged during the steps: $(grep -c -E ' (ERROR|WARN) ' "$new_log")"
    grep -E ' (ERROR|WARN) ' "$new_log" | sed -E 's/^[^ ]+ +(ERROR|WARN) [0-9]+ --- \[[^]]*\] \[ *([^]]*)\] ([^ ]+) *: /\1 \3: /' \
      | sed -E 's/[0-9a-f]{8}-[0-9a-f-]{27}/<id>/g; s/[0-9]+(\.[0-9]+)?/N/g' | cut -c1-200 | sort | uniq -c | sort -rn | head -8 | sed 's/^/    /'
  } 2>&1 | tee -a "$results"
  stop_app
  # 5. What the server wrote: call records by end reason, and records left open (stuck calls).
  python3 -c "
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
name = next(n for n in z.namelist() if n.startswith('BOOT-INF/lib/h2-') and n.endswith('.jar'))
open(sys.argv[2], 'wb').write(z.read(name))" "$jar" "$work/h2.jar"
  {
    echo
    echo "call records written by CallDesk (whole run, warm-up included; after the app stopped):"
    timeout 60 java -cp "$work/h2.jar" org.h2.tools.Shell \
      -url "jdbc:h2:file:$work/data/calldesk;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE" \
      -user sa -password "" \
      -sql "SELECT COALESCE(end_reason, '(open: no ended_at)') AS end_reason, state, COUNT(*) AS calls FROM calldesk_t_2001000.call_record GROUP BY end_reason, state ORDER BY calls DESC" 2>&1 \
      | sed 's/^/    /' | head -20
    echo
  } 2>&1 | tee -a "$results"
fi

# 6. Kamailio as a transaction-stateful proxy with the same generator and steps.
if [[ "$only" != calldesk ]]; then
  mkdir -p "$work/kamailio"
  say "starting kamailio on 127.0.0.1:$kam_port ($kam_children UDP workers)"
  timeout --kill-after=5s "$(remaining 900)" kamailio -f "$here/kamailio.cfg" -l "udp:127.0.0.1:$kam_port" \
    -n "$kam_children" -m 512 -M 16 -DD -E -P "$work/kamailio/kamailio.pid" -Y "$work/kamailio" >"$work/kamailio.log" 2>&1 &
  kam_timeout_pid=$!
  for _ in $(seq 1 50); do
    kam_pid="$(pgrep -P "$kam_timeout_pid" kamailio || true)"
    [[ -n "$kam_pid" ]] && ss -Huln "sport = :$kam_port" | grep -q . && break
    sleep 0.2
  done
  ss -Huln "sport = :$kam_port" | grep -q . || { echo "kamailio did not start:" >&2; tail -20 "$work/kamailio.log" >&2; exit 1; }
  (cd "$work/kamailio" && timeout 20 sipp 127.0.0.1:"$kam_port" -sf "$here/kamailio-register.xml" -i 127.0.0.1 \
    -p "$uas_port" -m 1 -nostdin -trace_err -timeout 15s -timeout_error >/dev/null 2>&1) \
    || { echo "the UAS could not register to kamailio" >&2; exit 1; }
  {
    echo "== Kamailio: $(kamailio -v 2>/dev/null | head -1 | sed 's/^version: //'), bench/signalling/kamailio.cfg (tm + rr + registrar/usrloc in memory), $kam_children UDP workers, -m 512 MiB shared memory"
    echo "load avg    $(cut -d' ' -f1-3 /proc/loadavg) (before the steps)"
    echo
    run_cps "$(($(remaining 900) + 30))" --name Kamailio --kamailio-pid "$kam_pid" --port "$kam_port" --work "$work/kamailio" \
      --deadline "$deadline_epoch" --json "$kam_json" "${cps_args[@]}" --steps "$kam_steps"
    echo
    echo "kamailio log lines (errors only are logged): $(grep -c . "$work/kamailio.log")"
  } 2>&1 | tee -a "$results"
  stop_kamailio
fi

# 7. The comparison.
{
  echo
  echo "== Comparison"
  python3 - "$cd_json" "$kam_json" <<'EOF'
import json, os, sys
def load(p):
    return json.load(open(p)) if os.path.exists(p) else None
cd, kam = load(sys.argv[1]), load(sys.argv[2])
def best(d):
    return d["best"] if d and d["best"] else None
b_cd, b_kam = best(cd), best(kam)
def describe(name, d, b):
    if d is None:
        return f"{name}: not run"
    if b is None:
        return f"{name}: no clean step"
    retrans = b["retrans_uac"] + b["retrans_uas"]
    return (f"{name}: highest clean step {b['rate']:g} CPS offered ({b['achieved']:,.0f} achieved, 0 failed calls), "
            + (f"with {b['retrans_uac']:,} carrier / {b['retrans_uas']:,} phone retransmissions" if retrans else "without retransmissions")
            + (f"; stopped after the unclean step {d['stopped']}" if d.get("stopped") else "")
            + (f"; not run: {', '.join(d['skipped'])} CPS" if d.get("skipped") else ""))
print(describe("CallDesk", cd, b_cd))
print(describe("Kamailio", kam, b_kam))
if cd is not None and kam is not None:
    top = b_kam is not None and kam.get("stopped") is None and not kam.get("skipped")
    if b_cd and b_kam:
        ratio = b_cd["rate"] / b_kam["rate"]
        print(f"ratio CallDesk / Kamailio (highest clean offered CPS): {b_cd['rate']:g} / {b_kam['rate']:g} = {ratio:.2f}"
              + (" (Kamailio was clean up to the highest step: its real limit is higher, so the true ratio is lower)" if top else "")
              + f" -> target >= 0.5 {'met' if ratio >= 0.5 else 'missed'}")
    else:
        print("ratio CallDesk / Kamailio: " + ("0 (CallDesk had no clean step)" if b_kam else "n/a"))
for name, b in (("CallDesk", b_cd), ("Kamailio", b_kam)):
    if b and b["achieved"]:
        print(f"CPU per call at {name}'s highest clean step: {10 * b['sut_cpu'] / b['achieved']:.2f} ms ({b['sut_cpu']:.0f} % of a core at {b['achieved']:,.0f} CPS)")
for r in (cd or {}).get("overload") or []:
    o = r["overload"]
    print(f"CallDesk at {o['factor']:g}x its clean capacity: goodput {100 * o['goodput'] / o['capacity']:.0f} % of it, {o['refused_503']:,} refused with 503, "
          f"{o['other_failures']:,} other failures -> target (>= 90 %, the rest 503 at once) {'met' if o['met'] else 'missed'}")
if cd is not None:
    ok = b_cd is not None and b_cd["rate"] >= 1000
    print(f"target >= 1,000 CPS with zero failed calls: {'met' if ok else 'missed'}")
EOF
  echo "total run time: $((SECONDS - started)) s; load avg at the end $(cut -d' ' -f1-3 /proc/loadavg)"
} 2>&1 | tee -a "$results"
set -e
say "results in $results"
exit "$status"
