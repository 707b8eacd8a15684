#!/usr/bin/env bash
# Screen-pop latency benchmark: from the trunk INVITE arriving at CallDesk's SIP socket to the pop message
# (STOMP MESSAGE, JSON "type":"CallRinging" with a "pop") reaching the agent's WebSocket, with background
# calls at POPBENCH_CPS. See docs/benchmarks.md, section "Screen pop latency (INVITE to the desk's socket)".
#
#   bash bench/pop-latency.sh /path/to/calldesk.jar          # builds nothing; about 12 minutes
#   bash bench/pop-latency.sh /path/to/calldesk.jar --keep   # keep the temp dir (capture, app log, sipp
#                                                            # statistics and errors, desk logs)
#
# Both timestamps of a measured call come from one loopback capture (dumpcap, kernel timestamps): the
# carrier's INVITE to the SIP port and the WebSocket frame from the HTTP port to the measured desk's
# socket. bench/pop-latency/analyze.py matches them by the caller number, unique per measured call.
#
# Set-up (bench/pop-latency/provision.py, through the staff and tenant REST APIs):
# - the app: the embedded default (H2 in a fresh temp data dir, in-process state, media on and recording,
#   as shipped; RTP on a private port range), on 127.0.0.1 only, on free ports (the defaults below, or the
#   next free ones), keep-alive OPTIONS off (the sipp phones do not answer them);
# - measured tenant = the demo tenant 2001000: `agent` (seat 0001) with its desk open (bench/pop-latency/
#   desk.mjs: form sign-in, STOMP over /ws, SUBSCRIBE /user/queue/desk), seat 0001 registered by a sipp
#   UAS that answers at once; wrap-up 0 s; trunk number 01062345678 (5 channels). Measured calls come one
#   at a time (sipp -l 1) from callers saved as contacts (every second one with an open work order), so
#   the measured agent is idle and the only seat the ACD can offer them to (seat 0002 is not registered);
# - background tenant: opened through the application form + approval, a trunk number of 1000 channels,
#   POPBENCH_BG_SEATS seats registered at one sipp UAS (answers at once), wrap-up 0 s, and the first
#   POPBENCH_BG_DESKS seats bound to agents whose desks are open too (each background call also builds
#   and sends its pops). The background carrier is sipp at POPBENCH_CPS calls/s, each call held
#   POPBENCH_BG_HOLD_MS, a new caller number per call.
# Order: app, provisioning, registration, capture, desks; the background ramps up to POPBENCH_CPS (a tenth
# of it more every 5 s: a cold JVM thrown 100 calls/s at once fell seconds behind and needed minutes to
# catch up), runs POPBENCH_WARMUP_S s at full rate, then POPBENCH_WARMUP unscored measured calls, then
# POPBENCH_MEASURED measured calls; then the background stops, the pop is read POPBENCH_IDLE_POPS times
# through REST on the idle app (the database read alone, for comparison), everything stops and the
# capture is analysed.
#
# Environment (all optional):
#   POPBENCH_CPS          background calls per second (default 100)
#   POPBENCH_MEASURED     measured calls (default 1200)
#   POPBENCH_WARMUP       unscored measured calls first (default 100)
#   POPBENCH_WARMUP_S     seconds of background at full rate, after the ramp, before them (default 60)
#   POPBENCH_BG_SEATS     background seats (default 300)
#   POPBENCH_BG_DESKS     background seats with an agent's desk open (default = POPBENCH_BG_SEATS; 0 = none)
#   POPBENCH_BG_HOLD_MS   background call length after the answer (default 1000)
#   POPBENCH_HOLD_MS      measured call length after the answer (default 100)
#   POPBENCH_GAP_MS       pause after each measured call before the next (default 150)
#   POPBENCH_MEDIA        true (default, as shipped: relay + recording) or false (SDP passes through)
#   POPBENCH_REST_POP     1 (default) = after each measured pop the desk GETs /api/desk/pop/{callId}: the
#                         same database read through REST, timed by the client, under the same load
#   POPBENCH_IDLE_POPS    REST pop reads on the idle app after the run (default 300; 0 = none)
#   POPBENCH_PROFILE      1 = a Java Flight Recording of the measured calls, summarised: CPU by thread kind,
#                         inside the screen-pop delivery, GC pauses (adds a little overhead; default 0)
#   POPBENCH_HTTP_PORT    first HTTP port tried (default 18780); POPBENCH_SIP_PORT (15791), POPBENCH_PORTS_FROM
#                         (15792: first of the four sipp ports), POPBENCH_WS_PORT (18791: the measured desk's
#                         local port)
#   POPBENCH_JAVA_OPTS    extra JVM options; POPBENCH_APP_ARGS extra application arguments
#   POPBENCH_BUDGET       seconds for the whole run (default 1800)
# Needs java/jcmd, sipp, node + npm (the desk client's two packages are installed into bench/pop-latency/
# node_modules from its package-lock.json when missing), python3, curl, ss and tshark/dumpcap (installed
# from Debian's tshark package when missing, as root or through sudo). Every process it starts is stopped
# by an exit trap; each run uses a fresh temp dir, so runs do not depend on each other.
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1 # provision.py imports bench/register/provision.py: no __pycache__ in the tree

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(dirname "$bench_dir")"
here="$bench_dir/pop-latency"
results="$here/results-latest.txt"

jar="${1:-}"
[[ -n "$jar" && "$jar" != --* ]] || { echo "usage: bash bench/pop-latency.sh /path/to/calldesk.jar [--keep]" >&2; exit 2; }
[[ -f "$jar" ]] || { echo "no jar at $jar (this script builds nothing)" >&2; exit 2; }
jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
keep=false
[[ "${2:-}" == "--keep" ]] && keep=true

cps="${POPBENCH_CPS:-100}"
n_measured="${POPBENCH_MEASURED:-1200}"
n_warmup="${POPBENCH_WARMUP:-100}"
warmup_s="${POPBENCH_WARMUP_S:-60}"
bg_seats="${POPBENCH_BG_SEATS:-300}"
bg_desks="${POPBENCH_BG_DESKS:-$bg_seats}"
bg_hold_ms="${POPBENCH_BG_HOLD_MS:-1000}"
hold_ms="${POPBENCH_HOLD_MS:-100}"
gap_ms="${POPBENCH_GAP_MS:-150}"
media="${POPBENCH_MEDIA:-true}"
rest_pop="${POPBENCH_REST_POP:-1}"
idle_pops="${POPBENCH_IDLE_POPS:-300}"
profile="${POPBENCH_PROFILE:-0}"
budget="${POPBENCH_BUDGET:-1800}"

started=$SECONDS
remaining() { # seconds left of the budget, capped at $1
  local left=$((budget - (SECONDS - started)))
  ((left < 1)) && left=1
  ((left > $1)) && left=$1
  echo "$left"
}
say() { echo "[pop-bench $(date -u +%H:%M:%S)] $*" >&2; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# 0. Tools. tshark (dumpcap) from Debian's package, after any apt/dpkg run still going has finished.
if ! command -v dumpcap >/dev/null || ! command -v tshark >/dev/null; then
  as_root=""
  [[ $(id -u) -ne 0 ]] && as_root="sudo"
  say "installing tshark (Debian package)"
  for _ in $(seq 1 120); do
    $as_root fuser /var/lib/dpkg/lock-frontend /var/lib/dpkg/lock >/dev/null 2>&1 || break
    sleep 2
  done
  echo "wireshark-common wireshark-common/install-setuid boolean false" | $as_root debconf-set-selections 2>/dev/null || true
  DEBIAN_FRONTEND=noninteractive timeout 300 $as_root apt-get install -y tshark >/dev/null \
    || { echo "tshark could not be installed (apt-get install -y tshark)" >&2; exit 1; }
fi
for tool in java jcmd sipp node npm python3 curl ss dumpcap tshark; do
  command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 1; }
done
if [[ ! -d "$here/node_modules/@stomp/stompjs" || ! -d "$here/node_modules/ws" ]]; then
  say "installing the desk client's packages (npm ci in bench/pop-latency)"
  (cd "$here" && timeout 300 npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

# 1. Free ports: the first one at or after each default with no TCP or UDP socket on it.
taken=" "
port_free() { ! ss -Htuan "sport = :$1" | grep -q . && [[ "$taken" != *" $1 "* ]]; }
pick() { # sets $picked
  local p=$1
  while ! port_free "$p"; do p=$((p + 1)); done
  taken+="$p "
  picked=$p
}
pick "${POPBENCH_HTTP_PORT:-18780}"; http_port=$picked
pick "${POPBENCH_SIP_PORT:-15791}"; sip_port=$picked
pick "${POPBENCH_PORTS_FROM:-15792}"; m_uac_port=$picked
pick "$m_uac_port"; m_uas_port=$picked
pick "$m_uas_port"; bg_uac_port=$picked
pick "$bg_uac_port"; bg_uas_port=$picked
pick "${POPBENCH_WS_PORT:-18791}"; ws_port=$picked
rtp_min=$((41000 + 2 * (sip_port % 1000))) # away from the default 20000-29999 that other runs of the app use
rtp_max=$((rtp_min + 3999))

work="$(mktemp -d /tmp/calldesk-pop-bench.XXXXXX)"
app_log="$work/app.log"
own_pids="$work/own.pids" # the benchmark's own processes, for the CPU sampler's "tools" column
: >"$own_pids"
timeout_pid="" java_pid="" dumpcap_pid="" desk_pid="" sampler_pid="" bg_pid=""
sipp_pids=()

stop_pid() { # pid, signal, seconds to wait before KILL
  local pid=$1 sig=$2 wait=$3
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill "-$sig" "$pid" 2>/dev/null || true
  for _ in $(seq 1 $((wait * 10))); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
}
stop_app() {
  if [[ -n "$timeout_pid" ]] && kill -0 "$timeout_pid" 2>/dev/null; then
    say "stopping the app"
    stop_pid "$timeout_pid" TERM 30 # timeout passes TERM on to java
  fi
  if [[ -n "$java_pid" ]] && kill -0 "$java_pid" 2>/dev/null; then kill -KILL "$java_pid" 2>/dev/null || true; fi
}
cleanup() {
  local pid
  for pid in "${sipp_pids[@]}"; do stop_pid "$pid" KILL 2; done
  stop_pid "$desk_pid" TERM 5
  stop_pid "$dumpcap_pid" INT 5
  stop_pid "$sampler_pid" TERM 2
  stop_app
  if $keep; then say "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

set +e
{
  echo "== Machine"
  echo "date -u     $(date -u)"
  echo "nproc       $(nproc)"
  echo "cpu         $(lscpu | sed -n 's/^Model name:[[:space:]]*//p')"
  echo "memory      $(free -h | awk '/^Mem:/ {print $2 " total, " $7 " available"}')"
  echo "java        $(java -version 2>&1 | head -1)"
  echo "sipp        $(sipp -v 2>&1 | grep -o 'SIPp v[^ ]*' | head -1)"
  echo "node        $(node -v); tshark $(tshark -v 2>/dev/null | head -1 | grep -o '[0-9][0-9.]*' | head -1)"
  echo "git         $(git -C "$repo_dir" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$repo_dir" status --porcelain 2>/dev/null | grep -q . && echo ' (working tree has changes)')"
  echo "jar         $jar ($(stat -c '%y' "$jar" | cut -d. -f1), $(stat -c %s "$jar") bytes)"
  echo "command     bash bench/pop-latency.sh $*"
  echo "settings    background ${cps} calls/s held ${bg_hold_ms} ms, ${bg_seats} background seats (${bg_desks} with a desk open); ${n_measured} measured calls (+${n_warmup} warm-up, after ${warmup_s} s at full rate) held ${hold_ms} ms, ${gap_ms} ms apart; media ${media}; profile ${profile}"
  echo "ports       http ${http_port} sip ${sip_port}; measured carrier ${m_uac_port}, phone ${m_uas_port}; background carrier ${bg_uac_port}, phone ${bg_uas_port}; measured desk socket from ${ws_port}; rtp ${rtp_min}-${rtp_max}"
  echo "load avg    $(loadavg) (at the start)"
  echo
} 2>&1 | tee "$results"
set -e

# 2. The app.
app_args=(--calldesk.data-dir="$work/data" --server.address=127.0.0.1 --server.port="$http_port"
  --calldesk.sip.server.bind-host=127.0.0.1 --calldesk.sip.port="$sip_port" --calldesk.sip.server.keep-alive=0s
  --calldesk.media.enabled="$media" --calldesk.media.bind-address=127.0.0.1 --calldesk.media.advertised-address=127.0.0.1
  --calldesk.media.port-min="$rtp_min" --calldesk.media.port-max="$rtp_max")
say "starting $jar (data in $work/data)"
# shellcheck disable=SC2086
timeout --kill-after=10s "$(remaining 1800)" java ${POPBENCH_JAVA_OPTS:-} -jar "$jar" "${app_args[@]}" ${POPBENCH_APP_ARGS:-} \
  >"$app_log" 2>&1 &
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
  if curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$http_port/login" | grep -q 200; then ready=true; break; fi
  kill -0 "$java_pid" 2>/dev/null || break
  sleep 1
done
$ready || { echo "the app did not answer on port $http_port; last lines of its log:" >&2; tail -30 "$app_log" >&2; keep=true; exit 1; }
ss -Huln "sport = :$sip_port" | grep -q . || { echo "nothing listens on udp/$sip_port" >&2; keep=true; exit 1; }
say "app up (pid $java_pid) after $((SECONDS - started)) s"

# 3. Provisioning, then every seat registers from its phone's port (the registrar's target is the source).
timeout "$(remaining 300)" python3 "$here/provision.py" --base "http://127.0.0.1:$http_port" --out "$work" \
  --bg-seats "$bg_seats" --bg-desks "$bg_desks" --measured "$n_measured" --warmup "$n_warmup" --ws-port "$ws_port" \
  --bg-callers $((cps * (budget + 60))) 2>&1 | tee -a "$results"
# shellcheck disable=SC1091
source "$work/tenants.env"
register() { # seats.csv, port, count
  mkdir -p "$work/register-$2"
  (cd "$work/register-$2" && timeout "$(remaining 120)" sipp 127.0.0.1:"$sip_port" -sf "$bench_dir/signalling/register.xml" \
    -inf "$1" -i 127.0.0.1 -p "$2" -r 200 -m "$3" -nostdin -trace_stat -stf stat.csv -fd 1 -trace_err \
    -timeout 100s -timeout_error >/dev/null 2>&1) || true
  python3 "$here/report.py" registered "$work/register-$2/stat.csv" 2>/dev/null || echo 0
}
registered=$(register "$work/bg-seats.csv" "$bg_uas_port" "$bg_seats")
[[ "$registered" == "$bg_seats" ]] || { echo "only $registered of $bg_seats background seats registered" >&2; keep=true; exit 1; }
registered=$(register "$work/measured-seat.csv" "$m_uas_port" 1)
[[ "$registered" == 1 ]] || { echo "the measured seat did not register" >&2; keep=true; exit 1; }
say "$bg_seats background seats registered at udp/$bg_uas_port, seat 0001 at udp/$m_uas_port"

# 4. The phones: one sipp UAS per tenant, answering at once (bench/signalling/uas.xml).
for p in "$bg_uas_port" "$m_uas_port"; do
  mkdir -p "$work/phone-$p"
  (cd "$work/phone-$p" && exec sipp 127.0.0.1:"$sip_port" -sf "$bench_dir/signalling/uas.xml" -i 127.0.0.1 -p "$p" -nostdin \
    -trace_stat -stf stat.csv -fd 5 -trace_err >/dev/null 2>&1) &
  sipp_pids+=($!)
  echo $! >>"$own_pids"
done

# 5. The capture: only the measured carrier's and phone's SIP and the measured desk's socket, so that it
#    stays small and cheap; started before the desk connects, so tshark sees the upgrade too.
dumpcap -i lo -q -B 64 -f "(udp and (port $m_uac_port or port $m_uas_port)) or (tcp and port $ws_port)" \
  -w "$work/pop.pcapng" 2>"$work/dumpcap.log" &
dumpcap_pid=$!
echo "$dumpcap_pid" >>"$own_pids"
for _ in $(seq 1 50); do grep -q "Capturing on" "$work/dumpcap.log" 2>/dev/null && break; sleep 0.1; done
grep -q "Capturing on" "$work/dumpcap.log" || { echo "dumpcap did not start: $(cat "$work/dumpcap.log")" >&2; keep=true; exit 1; }

# 6. The desks: the measured agent's (from local port $ws_port) and the background agents'.
desk_args=(--base "http://127.0.0.1:$http_port" --accounts "$work/desks.csv" --ready "$work/desks-ready.json"
  --log "$work/measured.jsonl" --stats "$work/desks-stats.json")
[[ "$rest_pop" == 1 ]] && desk_args+=(--rest-pop)
node "$here/desk.mjs" "${desk_args[@]}" >"$work/desk.log" 2>&1 &
desk_pid=$!
echo "$desk_pid" >>"$own_pids"
ready_by=$((SECONDS + $(remaining 300)))
while [[ ! -f "$work/desks-ready.json" ]] && ((SECONDS < ready_by)) && kill -0 "$desk_pid" 2>/dev/null; do sleep 1; done
[[ -f "$work/desks-ready.json" ]] || { echo "the desks did not connect: $(tail -5 "$work/desk.log")" >&2; keep=true; exit 1; }
say "$(tail -1 "$work/desk.log")"

# 7. Load: the CPU sampler; the background carrier (ramp, then full rate); warm-up; measured calls.
python3 "$here/sampler.py" --jvm "$java_pid" --pids "$own_pids" --out "$work/samples.txt" --interval 5 &
sampler_pid=$!
sed "s/@HOLD_MS@/$bg_hold_ms/g" "$bench_dir/signalling/uac.xml" >"$work/uac-background.xml"
sed -e "s/@HOLD_MS@/$hold_ms/g" -e "s/@GAP_MS@/$gap_ms/g" "$here/uac-measured.xml" >"$work/uac-measured.xml"
mkdir -p "$work/background" "$work/warmup" "$work/measured"
step=$(((cps + 9) / 10))
(cd "$work/background" && exec sipp 127.0.0.1:"$sip_port" -sf "$work/uac-background.xml" -inf "$work/bg-numbers.csv" \
  -i 127.0.0.1 -p "$bg_uac_port" -r "$step" -rate_increase "$step" -rate_max "$cps" -no_rate_quit -fd 5 \
  -nostdin -trace_stat -stf stat.csv -trace_err -timeout "$(remaining 1800)s" >/dev/null 2>&1) &
bg_pid=$!
sipp_pids+=("$bg_pid")
echo "$bg_pid" >>"$own_pids"
ramp_s=$(((cps + step - 1) / step * 5))
say "background ramping up to $cps calls/s ($step more every 5 s, ${ramp_s} s), then ${warmup_s} s at full rate"
sleep $((ramp_s + warmup_s))
kill -0 "$bg_pid" 2>/dev/null || { echo "the background carrier stopped early (see $work/background)" >&2; keep=true; exit 1; }

measure() { # dir, callers file, count
  (cd "$1" && timeout "$(remaining 1800)" sipp 127.0.0.1:"$sip_port" -sf "$work/uac-measured.xml" -inf "$2" -i 127.0.0.1 \
    -p "$m_uac_port" -l 1 -r 50 -m "$3" -nostdin -trace_stat -stf stat.csv -fd 1 -trace_err -timeout_error -timeout 3600s \
    >/dev/null 2>&1) || true
}
measure "$work/warmup" "$work/warmup-callers.csv" "$n_warmup"
say "warm-up calls done; $n_measured measured calls"
if [[ "$profile" == 1 ]]; then
  jcmd "$java_pid" JFR.start name=popbench settings=profile filename="$work/calldesk.jfr" >/dev/null
fi
measure_from=$(date +%s.%N)
load_before=$(loadavg)
measure "$work/measured" "$work/measured-callers.csv" "$n_measured"
measure_to=$(date +%s.%N)
load_after=$(loadavg)
if [[ "$profile" == 1 ]]; then timeout 60 jcmd "$java_pid" JFR.stop name=popbench >/dev/null 2>&1 || true; fi
say "measured calls done in $(((${measure_to%.*} - ${measure_from%.*}))) s; stopping the background"

# 8. Stop: the background carrier finishes its open calls (SIGUSR1), then capture, desks, phones; then
#    the idle REST pops, then the app.
kill -USR1 "$bg_pid" 2>/dev/null || true
for _ in $(seq 1 $((bg_hold_ms / 100 + 150))); do kill -0 "$bg_pid" 2>/dev/null || break; sleep 0.1; done
sleep 1
stop_pid "$dumpcap_pid" INT 10
stop_pid "$desk_pid" TERM 10
stop_pid "$sampler_pid" TERM 2
for pid in "${sipp_pids[@]}"; do stop_pid "$pid" INT 3; done
if ((idle_pops > 0)); then
  say "reading $idle_pops pops through REST on the idle app"
  sleep 5
  timeout 300 node "$here/restpops.mjs" --base "http://127.0.0.1:$http_port" --log "$work/measured.jsonl" --count "$idle_pops" \
    --json "$work/idle-pops.json" >"$work/idle-pops.txt" 2>&1 || echo "(the idle REST pops failed)" >>"$work/idle-pops.txt"
fi
stop_app

# 9. The figures.
set +e
{
  echo "== Screen pop latency (INVITE at the SIP socket -> pop frame at the desk's socket, one capture)"
  python3 "$here/analyze.py" --pcap "$work/pop.pcapng" --sip-port "$sip_port" --http-port "$http_port" --ws-port "$ws_port" \
    --carrier-port "$m_uac_port" --phone-port "$m_uas_port" --callers "$work/measured-callers.csv" \
    --client-log "$work/measured.jsonl" --json "$work/analysis.json"
  [[ -f "$work/idle-pops.txt" ]] && cat "$work/idle-pops.txt"
  echo
  echo "== Load"
  python3 "$here/sippstats.py" "$work/background/stat.csv" --name "background carrier" --from "$measure_from" --to "$measure_to"
  python3 "$here/sippstats.py" "$work/phone-$bg_uas_port/stat.csv" --name "background phone (UAS)"
  python3 "$here/sippstats.py" "$work/measured/stat.csv" --name "measured carrier"
  python3 "$here/sippstats.py" "$work/warmup/stat.csv" --name "warm-up carrier"
  echo "load avg    $load_before (before the measured calls), $load_after (after)"
  python3 "$here/report.py" samples "$work/samples.txt" "$measure_from" "$measure_to"
  python3 "$here/report.py" desks "$work/desks-stats.json"
  if [[ "$profile" == 1 && -f "$work/calldesk.jfr" ]]; then
    echo
    echo "== Profile of the measured calls (JFR)"
    timeout 600 python3 "$here/jfr_summary.py" "$work/calldesk.jfr"
  fi
  echo
  echo "== Call records by end reason (whole run, warm-up included; read after the app stopped)"
  python3 "$here/report.py" h2jar "$jar" "$work/h2.jar"
  timeout 60 java -cp "$work/h2.jar" org.h2.tools.Shell \
    -url "jdbc:h2:file:$work/data/calldesk;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE" -user sa -password "" \
    -sql "SELECT 'measured' AS tenant, COALESCE(end_reason, '(open)') AS end_reason, state, COUNT(*) AS calls FROM calldesk_t_2001000.call_record GROUP BY end_reason, state UNION ALL SELECT 'background', COALESCE(end_reason, '(open)'), state, COUNT(*) FROM calldesk_t_${bg_code}.call_record GROUP BY end_reason, state" 2>&1 | head -20
  echo
  echo "== App log"
  echo "ERROR lines $(grep -c ' ERROR ' "$app_log"), WARN lines $(grep -c ' WARN ' "$app_log") (Flyway's H2-version and SpringDoc start-up WARNs not listed)"
  grep -E ' (ERROR|WARN) ' "$app_log" | grep -v -e SpringDocAppInitializer -e 'newer than the version Flyway' \
    | sed -E 's/^[^ ]+ +(ERROR|WARN) [0-9]+ --- \[[^]]*\] \[ *([^]]*)\] ([^ ]+) *: /\1 \3: /' \
    | sed -E 's/[0-9a-f]{8}-[0-9a-f-]{27}/<id>/g; s/[0-9]{3,}/<n>/g' | cut -c1-220 | sort | uniq -c | sort -rn | head -15
  echo "total run time: $((SECONDS - started)) s; load avg at the end $(loadavg)"
} 2>&1 | tee -a "$results"
set -e
say "results in $results"
