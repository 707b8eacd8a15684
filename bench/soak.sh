#!/usr/bin/env bash
# Soak benchmark: SOAK_RATE (50) relayed and recorded calls a second for SOAK_MINUTES (30) through one node,
# sampled every minute (heap, live heap after a full GC every 5 minutes, threads, file descriptors, RSS, CPU,
# calls up, failures). See docs/benchmarks.md, section "Soak: 30 minutes at 50 calls/s with media".
#
#   bash bench/soak.sh                            # 50 calls/s for 30 minutes
#   SOAK_MINUTES=5 SOAK_RATE=20 bash bench/soak.sh
#
# CallDesk runs the embedded default (-Xmx1g, H2, media on, recording on) on private ports. The carrier is
# sipp's uac_pcap (bench/media/uac.xml.in) playing the first SOAK_PACKETS (67: 2.0 s) packets of Debian's
# g711a.pcap once per call; the agents' phones one sipp UAS (bench/media/uas.xml) whose SDP points at rtpecho
# (bench/media/rtpecho.c), which echoes every packet back and counts them. The ACD's wrap-up is set to 0 s
# (bench/signalling/provision.py). Verdict: no failed call, forward loss < 0.1 %, and flat resources: the live
# heap of the last sample within 20 % (+ 32 MiB) of the first (minute 5), threads within 5 and file
# descriptors within 50 of it. Results: bench/soak/results-latest.txt.
set -uo pipefail
export PYTHONDONTWRITEBYTECODE=1
bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"; repo_dir="$(dirname "$bench_dir")"; media="$bench_dir/media"
rate=${SOAK_RATE:-50} minutes=${SOAK_MINUTES:-30} packets=${SOAK_PACKETS:-67}
http=${SOAK_HTTP_PORT:-18980} sip=${SOAK_SIP_PORT:-15991} uas=${SOAK_UAS_PORT:-15994} uac=${SOAK_UAC_PORT:-15992}
echo_port=${SOAK_ECHO_PORT:-16900} rtp_min=${SOAK_RTP_MIN:-41000} rtp_max=${SOAK_RTP_MAX:-44999}
seats=$((rate * 6 + 100))
pcap=/usr/share/sip-tester/g711a.pcap
jar="$repo_dir/platform/app/target/calldesk.jar"
results="$bench_dir/soak/results-latest.txt"
mkdir -p "$(dirname "$results")"
work=$(mktemp -d /tmp/calldesk-soak-bench.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; sleep 1; for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done
  [ "${SOAK_KEEP:-0}" = 1 ] && echo "kept $work" >&2 || rm -rf "$work"; }
trap cleanup EXIT
die() { echo "soak.sh: $*" >&2; exit 1; }
for t in java jcmd sipp gcc python3 curl ss; do command -v $t >/dev/null || die "$t missing"; done
[ -r "$pcap" ] || die "$pcap missing (apt-get install sip-tester)"
[ -f "$jar" ] || (cd "$repo_dir" && mvn -B -q -DskipTests package) || die "build failed"
gcc -O2 -o "$work/rtpecho" "$media/rtpecho.c" || die "gcc failed"
# the first $packets packets of the pcap: a short call, so that the calls up at once stay near rate x 2 s
python3 - "$pcap" "$work/short.pcap" "$packets" <<'EOF' || die "could not cut the pcap"
import struct, sys
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = open(src, "rb").read()
endian = "<" if data[:4] == b"\xd4\xc3\xb2\xa1" else ">"
out, pos = [data[:24]], 24
for _ in range(n):
    incl = struct.unpack(endian + "I", data[pos + 8:pos + 12])[0]
    out.append(data[pos:pos + 16 + incl]); pos += 16 + incl
open(dst, "wb").write(b"".join(out))
EOF
hold_ms=$(python3 -c "print(int($packets * 30 + 100))")

# shellcheck source=bench/lib/app.sh
source "$bench_dir/lib/app.sh"
base="http://127.0.0.1:$http"
java_opts="-Xmx1g" app_budget=$((minutes * 60 + 900))
bench_start_app "$work/app.log" --calldesk.data-dir="$work/data" --server.port=$http --server.address=127.0.0.1 \
  --calldesk.sip.server.bind-host=127.0.0.1 --calldesk.sip.port=$sip --calldesk.sip.server.keep-alive=0s \
  --calldesk.media.bind-address=127.0.0.1 --calldesk.media.port-min=$rtp_min --calldesk.media.port-max=$rtp_max || die "the app did not start"
pids+=("$timeout_pid")
timeout 120 python3 "$bench_dir/signalling/provision.py" --base "$base" --trunks 1 --channels 1000 --seats "$seats" \
  --numbers-out "$work/numbers.csv" --seats-out "$work/seats.csv" 2>"$work/provision.log" >/dev/null || die "provisioning: $(cat "$work/provision.log")"
cd "$work" || exit 1
timeout 120 sipp 127.0.0.1:$sip -sf "$media/register.xml" -i 127.0.0.1 -p $uas -inf seats.csv -key uas_port $uas \
  -r 100 -m "$seats" -timeout 100s -timeout_error -nostdin >/dev/null 2>&1 || die "registration failed"
seconds=$((minutes * 60))
# 20 s of calls beyond the last sample, so that the last minute's sample is taken under load, not as it ends
calls=$((rate * (seconds + 20)))
timeout $((seconds + 300)) "$work/rtpecho" $echo_port $((seconds + 120)) echo.txt & pids+=($!)
for _ in $(seq 100); do ss -Huln "sport = :$echo_port" | grep -q . && break; sleep 0.05; done
timeout $((seconds + 300)) sipp 127.0.0.1:$sip -sf "$media/uas.xml" -i 127.0.0.1 -p $uas -key echo_port $echo_port \
  -trace_err -error_file uas_err.log -nostdin >/dev/null 2>&1 & pids+=($!)
block="  <nop><action><exec play_pcap_audio=\"$work/short.pcap\"/></action></nop>
  <pause milliseconds=\"$hold_ms\"/>
"
# 5,000 customers calling in turn (each ~18 times in 30 min at 50/s), so the sticky-agent lookup meets a
# history that grows as it does for a real tenant's repeat callers
python3 -c "import sys; s=open(sys.argv[1]).read(); open('uac.xml','w').write(s.replace('@PLAYS@','1').replace('@PLAYBLOCK@',sys.argv[2]).replace('sip:sipp@','sip:[field0]@'))" \
  "$media/uac.xml.in" "$block"
python3 -c "print('SEQUENTIAL'); [print('139%08d;' % i) for i in range(5000)]" > callers.csv
number=$(sed -n '2s/;.*//p' numbers.csv)
echo "soak: $rate calls/s for $minutes min to $number, $seats seats, calls of $((hold_ms)) ms with $packets packets each way" >&2
timeout $((seconds + 300)) sipp 127.0.0.1:$sip -sf uac.xml -inf callers.csv -s "$number" -i 127.0.0.1 -p $uac -mp 17000 -r "$rate" -m "$calls" \
  -l $((rate * 20)) -trace_stat -stf stat.csv -fd 60 -trace_err -error_file uac_err.log -nostdin >/dev/null 2>&1 & sp=$!; pids+=($sp)

hz=$(getconf CLK_TCK)
ticks() { awk '{print $14+$15}' "/proc/$java_pid/stat"; }
heap_used() { jcmd "$java_pid" GC.heap_info 2>/dev/null | sed -n 's/.*total [0-9]*K, used \([0-9]*\)K.*/\1/p' | head -1; }
live_heap() { jcmd "$java_pid" GC.run >/dev/null 2>&1; heap_used; }
samples="$work/samples.txt"
# UDP sockets bound in the relay's port range (Java's sockets are dual-stack: they show in udp6)
relay_sockets() { awk -v lo=$rtp_min -v hi=$rtp_max 'FNR>1{n=split($2,a,":"); p=strtonum("0x" a[n]); if(p>=lo&&p<=hi) c++} END{print c+0}' /proc/net/udp /proc/net/udp6; }
echo "minute | heap MiB | live heap MiB (after GC.run) | threads | fds | RSS MiB | JVM CPU % | calls up | relay sockets | completed | failed | recordings" >"$samples"
t_prev=$(ticks); w_prev=$(date +%s.%N)
for m in $(seq 1 "$minutes"); do
  sleep 60
  t_now=$(ticks); w_now=$(date +%s.%N)
  cpu=$(python3 -c "print('%.0f' % (100.0*($t_now-$t_prev)/$hz/($w_now-$w_prev)))"); t_prev=$t_now; w_prev=$w_now
  live="-"; ((m % 5 == 0)) && live=$(( $(live_heap) / 1024 ))
  read -r up ok failed <<<"$(python3 - stat.csv <<'EOF'
import csv, sys
try:
    rows = list(csv.DictReader(open(sys.argv[1]), delimiter=";"))
    r = rows[-1]
    print(r["CurrentCall"], r["SuccessfulCall(C)"], r["FailedCall(C)"])
except Exception:
    print("? ? ?")
EOF
)"
  recs=$(find data/recordings -name '*.wav' 2>/dev/null | wc -l)
  printf '%6d | %8d | %s | %7s | %3s | %7d | %9s | %8s | %13s | %9s | %6s | %s\n' "$m" $(( $(heap_used) / 1024 )) "$live" \
    "$(awk '/^Threads/{print $2}' /proc/$java_pid/status)" "$(find /proc/$java_pid/fd -mindepth 1 | wc -l)" \
    $(( $(awk '/^VmRSS/{print $2}' /proc/$java_pid/status) / 1024 )) "$cpu" "$up" "$(relay_sockets)" "$ok" "$failed" "$recs" | tee -a "$samples" >&2
done
wait $sp
sleep 5
sleep 2   # rtpecho writes its counts every second
read -r rx tx _ < echo.txt
ok=$(python3 -c "import csv; r=list(csv.DictReader(open('stat.csv'), delimiter=';'))[-1]; print(r['SuccessfulCall(C)'], r['FailedCall(C)'])")
read -r completed failed <<<"$ok"
sent=$((completed * packets))
loss=$(python3 -c "print('%.3f' % (100.0*(1-${rx:-0}/max(1,$sent))))")
recs=$(find data/recordings -name '*.wav' | wc -l)
verdict=$(python3 - "$samples" "$failed" "$loss" <<'EOF'
import sys
rows = [l.split("|") for l in open(sys.argv[1]).read().splitlines()[1:]]  # minute, heap, live, threads, fds, ...
# the sampling loop drifts a few seconds a minute, so a last sample may come after the load ended: judge the loaded ones
rows = [r for r in rows if r[7].strip() not in ("0", "?")] or rows
live = [(int(r[0]), int(r[2])) for r in rows if r[2].strip() != "-"]
threads = [int(r[3]) for r in rows]; fds = [int(r[4]) for r in rows]
ok = int(sys.argv[2]) == 0 and float(sys.argv[3]) < 0.1
notes = []
if len(live) >= 2:
    first, last = live[0][1], live[-1][1]
    flat = last <= first * 1.2 + 32
    notes.append(f"live heap {first} MiB at minute {live[0][0]} -> {last} MiB at minute {live[-1][0]} ({'flat' if flat else 'GROWING'})")
    ok &= flat
t0 = threads[min(4, len(threads) - 1)]; f0 = fds[min(4, len(fds) - 1)]
notes.append(f"threads {t0} -> {threads[-1]}, file descriptors {f0} -> {fds[-1]}")
ok &= abs(threads[-1] - t0) <= 5 and abs(fds[-1] - f0) <= 50
print(("OK: " if ok else "MISSED: ") + "; ".join(notes))
EOF
)
bench_stop_app
{
  bench_machine "bash bench/soak.sh (SOAK_RATE=$rate SOAK_MINUTES=$minutes SOAK_PACKETS=$packets)"
  echo "load avg  $(cut -d' ' -f1-3 /proc/loadavg) (at the end)"
  echo
  echo "== Soak: $rate calls/s for $minutes minutes, relayed and recorded G.711 (PCMA, $packets packets of 30 ms each way per call)"
  cat "$samples"
  echo
  echo "carrier: $completed calls completed, $failed failed (of $calls placed)"
  echo "media: forward packets sent $sent (completed calls x $packets), received at the phones' echo $rx, loss $loss %; echoed back $tx"
  echo "recordings: $recs WAV files"
  echo "app log WARN/ERROR lines: $(grep -cE ' (WARN|ERROR) ' "$work/app.log" | tr -d ' ') (most frequent below)"
  grep -E ' (WARN|ERROR) ' "$work/app.log" | grep -vE 'SpringDoc|Flyway|H2 ' | cut -c25-200 | sed 's/[0-9a-f]\{8\}-[0-9a-f-]\{27\}/<id>/g' | sort | uniq -c | sort -rn | head -5
  echo "verdict: $verdict"
} | tee "$results"
grep -q '^verdict: OK' "$results"
