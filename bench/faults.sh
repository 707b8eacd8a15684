#!/usr/bin/env bash
# Fault benchmark: `kill -9` of a node with calls up, then its restart. See docs/benchmarks.md,
# section "Faults: kill -9 with calls up".
#
#   bash bench/faults.sh          # FAULTS_CALLS (100) calls answered and held, kill -9, restart, check
#   bash bench/faults.sh --media  # the same with media relayed and recorded, and the recordings checked
#   bash bench/faults.sh --keep   # keep the temp dir (app logs, sipp files, the data dir); may follow --media
#
# CallDesk runs the embedded default (H2 in a temp data dir, media off) on 127.0.0.1. The carrier is
# sipp (bench/signalling/uac.xml, the calls held for 10 minutes), the agents' phones one sipp UAS
# (bench/signalling/uas.xml) registered as FAULTS_CALLS + 20 seats. With --media the relay and recording
# are on, the carrier is sipp's uac_pcap (bench/media/uac.xml.in, Debian's g711a.pcap played over and over)
# and the phones' SDP points at rtpecho (bench/media/rtpecho.c), which echoes the audio back; the calls
# talk for FAULTS_TALK_S (10) seconds after the last one is answered, and every call's WAV as the kill left
# it must be readable by sox and play up to at most 2 s before the kill (bench/faults/recordings.py).
# Once every call is answered the JVM is killed with SIGKILL; then:
#   1. the H2 database as the killed JVM left it: how many of the calls have a record there at all
#      (the rest exist only in the node's journal, <data-dir>/journal);
#   2. the app is started again on the same data dir and stopped once it is up;
#   3. the records: one per call, every one closed (ended_at set, end_reason node-restart), none open,
#      and the journal empty.
# The result is written to bench/faults/results-latest.txt. Exit status 0 when every check holds.
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(dirname "$bench_dir")"
sig="$bench_dir/signalling"
jar="$repo_dir/platform/app/target/calldesk.jar"
mkdir -p "$bench_dir/faults"
results="$bench_dir/faults/results-latest.txt"

calls="${FAULTS_CALLS:-100}"
rate="${FAULTS_RATE:-20}"
http_port="${FAULTS_HTTP_PORT:-18780}"
sip_port="${FAULTS_SIP_PORT:-15791}"
uac_port="${FAULTS_UAC_PORT:-15792}"
uas_port="${FAULTS_UAS_PORT:-15794}"
seats=$((calls + 20))
talk_s="${FAULTS_TALK_S:-10}"
rtp_min="${FAULTS_RTP_MIN:-45000}" rtp_max="${FAULTS_RTP_MAX:-45999}" echo_port="${FAULTS_ECHO_PORT:-16950}"
keep=false media=false
for arg in "$@"; do
  case "$arg" in
    --keep) keep=true ;;
    --media) media=true ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done
$media && results="$bench_dir/faults/results-media-latest.txt"

tools=(java sipp python3 curl ss)
$media && tools+=(gcc sox)
for tool in "${tools[@]}"; do
  command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 1; }
done
if [[ ! -f "$jar" ]]; then
  (cd "$repo_dir" && mvn -B -q -DskipTests package)
fi
for p in "$uac_port" "$uas_port" "$sip_port"; do
  ! ss -Huln "sport = :$p" | grep -q . || { echo "udp/$p is in use" >&2; exit 1; }
done

work="$(mktemp -d /tmp/calldesk-faults-bench.XXXXXX)"
java_pid=""
sipp_pids=()
say() { echo "[faults-bench $(date -u +%H:%M:%S)] $*" >&2; }
cleanup() {
  for pid in "${sipp_pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  [[ -n "$java_pid" ]] && kill -KILL "$java_pid" 2>/dev/null || true
  [[ -n "${timeout_pid:-}" ]] && kill -KILL "$timeout_pid" 2>/dev/null || true
  if $keep; then say "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

app_args=(--calldesk.data-dir="$work/data" --server.address=127.0.0.1 --server.port="$http_port"
  --calldesk.sip.server.bind-host=127.0.0.1 --calldesk.sip.port="$sip_port" --calldesk.sip.server.keep-alive=0s
  --calldesk.sip.server.node-id=faults-node)
if $media; then
  app_args+=(--calldesk.media.bind-address=127.0.0.1 --calldesk.media.port-min="$rtp_min" --calldesk.media.port-max="$rtp_max")
else
  app_args+=(--calldesk.media.enabled=false)
fi
base="http://127.0.0.1:$http_port"
app_budget=900
# shellcheck source=bench/lib/app.sh
source "$bench_dir/lib/app.sh"
start_app() { # $1: log file
  bench_start_app "$1" "${app_args[@]}" || exit 1
}
h2() { # SQL against the data dir's database (the app must not be running, or must be dead)
  timeout 60 java -cp "$work/h2.jar" org.h2.tools.Shell \
    -url "jdbc:h2:file:$work/data/calldesk;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE" \
    -user sa -password "" -sql "$1" 2>&1
}
python3 -c "
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
name = next(n for n in z.namelist() if n.startswith('BOOT-INF/lib/h2-') and n.endswith('.jar'))
open(sys.argv[2], 'wb').write(z.read(name))" "$jar" "$work/h2.jar"

say "starting the app (data in $work/data)"
start_app "$work/app-1.log"
timeout 120 python3 "$sig/provision.py" --base "http://127.0.0.1:$http_port" --trunks 1 --channels $((calls + 50)) \
  --seats "$seats" --numbers-out "$work/numbers.csv" --seats-out "$work/seats.csv" >/dev/null
(cd "$work" && timeout 120 sipp 127.0.0.1:"$sip_port" -sf "$sig/register.xml" -inf "$work/seats.csv" -i 127.0.0.1 \
  -p "$uas_port" -r 100 -m "$seats" -nostdin -timeout 100s -timeout_error >/dev/null 2>&1)
say "$seats seats registered; placing $calls calls at $rate/s, each held for 10 minutes$($media && echo ', with media')"
mkdir -p "$work/uas" "$work/uac"
if $media; then
  gcc -O2 -o "$work/rtpecho" "$bench_dir/media/rtpecho.c"
  "$work/rtpecho" "$echo_port" 850 "$work/echo.txt" &
  sipp_pids+=($!)
  for _ in $(seq 100); do ss -Huln "sport = :$echo_port" | grep -q . && break; sleep 0.05; done
  # the pcap (7.05 s) played 80 times: the calls talk until the kill
  play="  <nop><action><exec play_pcap_audio=\"/usr/share/sip-tester/g711a.pcap\"/></action></nop>
  <pause milliseconds=\"7100\"/>
"
  python3 -c "import sys; s=open(sys.argv[1]).read(); open(sys.argv[3],'w').write(s.replace('@PLAYS@','80').replace('@PLAYBLOCK@',sys.argv[2]*80))" \
    "$bench_dir/media/uac.xml.in" "$play" "$work/uac.xml"
  (cd "$work/uas" && exec sipp -sf "$bench_dir/media/uas.xml" -i 127.0.0.1 -p "$uas_port" -key echo_port "$echo_port" -nostdin \
    -timeout 900s >/dev/null 2>&1) &
  sipp_pids+=($!)
  sleep 0.5
  number=$(sed -n '2s/;.*//p' "$work/numbers.csv")
  uac_started=$(date +%s.%N)
  (cd "$work/uac" && exec sipp 127.0.0.1:"$sip_port" -sf "$work/uac.xml" -s "$number" -i 127.0.0.1 \
    -p "$uac_port" -mp 17500 -r "$rate" -m "$calls" -l "$calls" -nostdin -trace_rtt -rtt_freq 1 -timeout 900s >/dev/null 2>&1) &
  sipp_pids+=($!)
else
  sed 's/@HOLD_MS@/600000/' "$sig/uac.xml" >"$work/uac.xml"
  (cd "$work/uas" && exec sipp -sf "$sig/uas.xml" -i 127.0.0.1 -p "$uas_port" -nostdin -timeout 900s >/dev/null 2>&1) &
  sipp_pids+=($!)
  sleep 0.5
  (cd "$work/uac" && exec sipp 127.0.0.1:"$sip_port" -sf "$work/uac.xml" -inf "$work/numbers.csv" -i 127.0.0.1 -p "$uac_port" \
    -r "$rate" -m "$calls" -l "$calls" -nostdin -trace_rtt -rtt_freq 1 -timeout 900s >/dev/null 2>&1) &
  sipp_pids+=($!)
fi
answered=0
for _ in $(seq 1 120); do
  answered=$(cat "$work"/uac/*_rtt.csv 2>/dev/null | grep -c '^[0-9]' || true)
  ((answered >= calls)) && break
  sleep 1
done
((answered >= calls)) || { echo "only $answered of $calls calls were answered" >&2; keep=true; exit 1; }
if $media; then
  say "$answered calls answered and up; they talk for $talk_s s"
  sleep "$talk_s"
fi
say "kill -9 of the app (pid $java_pid)"
journal_lines=$(cat "$work"/data/journal/*.journal 2>/dev/null | wc -l)
killed_at=$(date +%s.%N)
kill -KILL "$java_pid"
wait "$timeout_pid" 2>/dev/null || true
java_pid="" timeout_pid=""
for pid in "${sipp_pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
sipp_pids=()

in_db_at_kill=$(h2 "SELECT COUNT(*) FROM calldesk_t_2001000.call_record" | sed -n '2p' | tr -d ' ')
open_at_kill=$(h2 "SELECT COUNT(*) FROM calldesk_t_2001000.call_record WHERE ended_at IS NULL" | sed -n '2p' | tr -d ' ')
say "the killed node's database holds $in_db_at_kill records ($open_at_kill open); its journal $journal_lines steps"
wavs="" wavs_ok=true
if $media; then
  wavs=$(python3 "$bench_dir/faults/recordings.py" "$work/data/recordings" "$killed_at" "$uac_started" "$calls" \
    "$work"/uac/*_rtt.csv)
  [[ "$wavs" == OK* ]] || wavs_ok=false
  say "recordings as the kill left them: ${wavs#* | }"
fi

say "restarting the app on the same data dir"
start_app "$work/app-2.log"
bench_stop_app
total=$(h2 "SELECT COUNT(*) FROM calldesk_t_2001000.call_record" | sed -n '2p' | tr -d ' ')
open=$(h2 "SELECT COUNT(*) FROM calldesk_t_2001000.call_record WHERE ended_at IS NULL" | sed -n '2p' | tr -d ' ')
restart_closed=$(h2 "SELECT COUNT(*) FROM calldesk_t_2001000.call_record WHERE end_reason = 'node-restart' AND ended_at IS NOT NULL" \
  | sed -n '2p' | tr -d ' ')
left=$(find "$work/data/journal" -name '*.journal' -size +0 | wc -l)
replayed=$(grep -o 'Replayed the journal of node [^ ]*: the last steps of [0-9]* calls' "$work/app-2.log" | grep -o '[0-9]* calls' || echo "0 calls")

recorded=$(h2 "SELECT COUNT(*) FROM calldesk_t_2001000.call_record WHERE recording IS NOT NULL" | sed -n '2p' | tr -d ' ')
ok=$wavs_ok
[[ "$total" == "$calls" ]] || ok=false
if $media; then [[ "$recorded" == "$calls" ]] || ok=false; fi
[[ "$open" == 0 ]] || ok=false
[[ "$restart_closed" == "$calls" ]] || ok=false
[[ "$left" == 0 ]] || ok=false
{
  bench_machine "bash bench/faults.sh $*"
  echo
  echo "== Faults: kill -9 with calls up"
  echo "calls       $calls answered and held (placed at $rate/s), embedded default, $($media && echo "media relayed and recorded, killed $talk_s s after the last answer" || echo 'media off')"
  echo
  echo "at the kill: $in_db_at_kill of $calls calls had a record in the database ($open_at_kill of them open); the journal held $journal_lines steps"
  $media && echo "recordings as the kill left them: ${wavs#* | }"
  echo "after the restart (journal replayed: $replayed): $total records, $open open, $restart_closed closed as node-restart$($media && echo ", $recorded with their recording"); journal segments left: $left"
  echo "verdict: $($ok && echo "every call has exactly one record and every record is closed$($media && echo '; every recording plays up to the kill')" || echo 'FAILED')"
} | tee "$results"
$ok
