#!/usr/bin/env bash
# Media benchmark: N concurrent relayed and recorded G.711 calls through CallDesk (sipp uac_pcap
# playing Debian's g711a.pcap, sipp UAS answering with rtpecho echoing the audio back), then
# rtpengine (userspace, --table=-1) relaying the same packet load for MEDIA_RTPE_CALLS calls.
# Everything on 127.0.0.1, private ports; each process is started under `timeout` and killed at the end.
#
#   bash bench/media.sh                       # steps 100 300 600 1000
#   MEDIA_STEPS="50 300" bash bench/media.sh
# Results: stdout and bench/media/results-latest.txt. See docs/benchmarks.md.
set -uo pipefail
bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"; repo="$(dirname "$bench_dir")"; here="$bench_dir/media"
steps=(${MEDIA_STEPS:-100 300 600 1000})
rtpe_calls=${MEDIA_RTPE_CALLS:-300}
http=${MEDIA_HTTP_PORT:-18580} sip=${MEDIA_SIP_PORT:-15591} uas=${MEDIA_UAS_PORT:-15600} uac=${MEDIA_UAC_PORT:-15602}
echo_port=${MEDIA_ECHO_PORT:-16000} rtp_min=${MEDIA_RTP_MIN:-35000} rtp_max=${MEDIA_RTP_MAX:-38999}
ng_port=${MEDIA_NG_PORT:-22223} rtpe_min=33000 rtpe_max=34999 blast_base=40000
plays=4 rate=50 pcap=/usr/share/sip-tester/g711a.pcap
pcap_pkts=236                                   # g711a.pcap: 236 RTP packets, PCMA 30 ms, 252-byte RTP, 7.05 s
work=$(mktemp -d /tmp/calldesk-media-bench.XXXXXX); results="$here/results-latest.txt"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; sleep 1; for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done; }
trap cleanup EXIT
die() { echo "media.sh: $*" >&2; exit 1; }
for t in java jcmd sipp gcc python3 curl ss; do command -v $t >/dev/null || die "$t missing"; done
[ -r "$pcap" ] || die "$pcap missing (apt-get install sip-tester)"
command -v rtpengine >/dev/null || { apt-get install -y rtpengine-daemon >/dev/null 2>&1 || echo "rtpengine-daemon could not be installed" >&2; }
max=0; for n in "${steps[@]}"; do [ "$n" -gt "$max" ] && max=$n; done
[ $(( (rtp_max - rtp_min + 1) / 4 )) -ge "$max" ] || die "RTP range $rtp_min-$rtp_max too small for $max calls"

jar="$repo/platform/app/target/calldesk.jar"
[ -f "$jar" ] || (cd "$repo" && mvn -B -q -DskipTests package) || die "build failed"
gcc -O2 -o "$work/rtpecho" "$here/rtpecho.c" && gcc -O2 -o "$work/rtpblast" "$here/rtpblast.c" || die "gcc failed"

exec > >(tee "$results") 2>&1
echo "== Machine"; echo "date -u   $(date -u)"; echo "nproc     $(nproc)   cpu $(lscpu | sed -n 's/Model name:[[:space:]]*//p')"
echo "java      $(java -version 2>&1 | head -1)"; echo "sipp      $(sipp -v 2>&1 | grep -o 'SIPp v[^ ]*' | head -1)"
echo "rtpengine $(dpkg-query -W -f='${Version}' rtpengine-daemon 2>/dev/null)"; echo "load avg before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command   bash bench/media.sh   (MEDIA_STEPS='${steps[*]}' MEDIA_RTPE_CALLS=$rtpe_calls)"; echo

# 1. CallDesk, embedded default, private ports
timeout 1500 java -Xmx1g -jar "$jar" --calldesk.data-dir="$work/data" --server.port=$http --server.address=127.0.0.1 \
  --calldesk.sip.port=$sip --calldesk.sip.server.keep-alive=0s --calldesk.media.bind-address=127.0.0.1 \
  --calldesk.media.port-min=$rtp_min --calldesk.media.port-max=$rtp_max --management.endpoints.web.exposure.include=health,info,metrics ${MEDIA_APP_ARGS:-} \
  > "$work/app.log" 2>&1 &
pids+=($!); app=$!
for _ in $(seq 120); do curl -s --max-time 2 "127.0.0.1:$http/actuator/health" | grep -q UP && break; sleep 1; done
curl -s --max-time 2 "127.0.0.1:$http/actuator/health" | grep -q UP || die "CallDesk did not start (see $work/app.log)"
jpid=$(pgrep -P $app java || echo $app)   # timeout's child
# 2. Provision: a 1000-channel trunk number and $max seats
"$here/provision.sh" "http://127.0.0.1:$http" 2001000 021-61234567 "$max" "$work/seats.csv" || die "provisioning failed"
# 3. Register every seat from the UAS port (the registrar fixes the contact up to the source port)
cd "$work"
timeout 120 sipp 127.0.0.1:$sip -sf "$here/register.xml" -i 127.0.0.1 -p $uas -inf seats.csv -key uas_port $uas \
  -r 100 -m "$max" -timeout 100s -timeout_error -trace_err -error_file reg_err.log -nostdin >/dev/null 2>&1 \
  || die "registration failed: $(head -c 400 reg_err.log)"
echo "registered $max seats"
timeout 1200 sipp 127.0.0.1:$sip -sf "$here/uas.xml" -i 127.0.0.1 -p $uas -key echo_port $echo_port \
  -trace_err -error_file uas_err.log -nostdin >/dev/null 2>&1 &
pids+=($!)
block=""; for _ in $(seq $plays); do block+="  <nop><action><exec play_pcap_audio=\"$pcap\"/></action></nop>
  <pause milliseconds=\"7100\"/>
"; done
python3 -c "import sys; s=open(sys.argv[1]).read(); open('uac.xml','w').write(s.replace('@PLAYS@',sys.argv[2]).replace('@PLAYBLOCK@',sys.argv[3]))" "$here/uac.xml.in" $plays "$block"
hold=$(python3 -c "print($plays*7.1)")

ticks() { awk '{print $14+$15}' /proc/$1/stat; }
hz=$(getconf CLK_TCK)
# kernel drops and socket count on local ports lo..hi; Java's sockets are dual-stack, so they are in udp6
udp_drops() { awk -v lo=$1 -v hi=$2 'FNR>1{n2=split($2,a,":"); p=strtonum("0x" a[n2]); if(p>=lo&&p<=hi){s+=$NF; n++}} END{printf "%d %d", s+0, n+0}' /proc/net/udp /proc/net/udp6; }
relay_drops() { udp_drops $rtp_min $rtp_max; }
heap() { jcmd $jpid GC.heap_info 2>/dev/null | sed -n 's/.*total \([0-9]*\)K, used \([0-9]*\)K.*/\2/p' | head -1; }
threads() { awk '/^Threads/{print $2}' /proc/$jpid/status; }
# the relay's own counters, from /actuator/metrics (exposed on the command line above; any signed-in
# tenant user may read it: the demo tenant's admin, whose tenant provision.sh reused)
mjar="$work/metrics.cookies"
csrf=$(curl -s --max-time 10 -c "$mjar" -b "$mjar" "127.0.0.1:$http/login" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -s --max-time 10 -c "$mjar" -b "$mjar" -o /dev/null --data-urlencode "tenantCode=2001000" --data-urlencode "username=admin" \
  --data-urlencode "password=admin123" --data-urlencode "_csrf=$csrf" "127.0.0.1:$http/login"
meter() { curl -s --max-time 5 -b "$mjar" "127.0.0.1:$http/actuator/metrics/calldesk.media.$1" | python3 -c "import sys,json
try: print(int(json.load(sys.stdin)['measurements'][0]['value']))
except Exception: print('?')"; }
delta() { [ "$1" = "?" ] || [ "$2" = "?" ] && echo "?" || echo $(( $2 - $1 )); }
echo "relay threads: $(meter relay.threads)"
rows=(); cd_cpu300=""
for n in "${steps[@]}"; do
  ramp=$(python3 -c "print($n/$rate)"); win=$(python3 -c "print(max(4.0, $hold - $ramp - 4))")
  touch step.mark; rm -f echo.txt stat_*.csv; sf0=$(meter send.failures); rd0=$(meter recording.drops); pr0=$(meter packets.received)
  # the agent's media must listen before the first call: arguments computed first (command substitutions in
  # a backgrounded command run in the background, and python3 starting under load took seconds), then
  # sipp starts only once rtpecho's socket is bound
  echo_limit=$(python3 -c "print(int($hold+$ramp+40))"); echo_secs=$(python3 -c "print(int($hold+$ramp+25))")
  timeout $echo_limit "$work/rtpecho" $echo_port $echo_secs echo.txt & ep=$!; pids+=($ep)
  for _ in $(seq 100); do read _ bound <<<"$(udp_drops $echo_port $echo_port)"; [ "$bound" -ge 1 ] && break; sleep 0.05; done
  timeout $(python3 -c "print(int($hold+$ramp+60))") sipp 127.0.0.1:$sip -sf uac.xml -s 02161234567 -i 127.0.0.1 -p $uac -mp 17000 \
    -r $rate -l $n -m $n -trace_stat -stf stat_$n.csv -fd 5 -trace_err -error_file uac_err_$n.log -nostdin >/dev/null 2>&1 & sp=$!; pids+=($sp)
  sleep $(python3 -c "print($ramp + 2)")
  t0=$(ticks $jpid); w0=$(date +%s.%N)
  sleep "$win"
  t1=$(ticks $jpid); w1=$(date +%s.%N)
  :
  read drops socks <<<"$(relay_drops)"; sessions=$((socks / 2)); h=$(heap); th=$(threads)
  wait $sp; src=$?; sleep 3; read echodrops _ <<<"$(udp_drops $echo_port $echo_port)"; kill $ep 2>/dev/null; wait $ep 2>/dev/null
  ok=$(tail -1 stat_$n.csv | python3 -c "import sys,csv
h=open('stat_$n.csv').readline().strip().split(';'); v=sys.stdin.read().strip().split(';'); d=dict(zip(h,v)); print(d.get('SuccessfulCall(C)','?'), d.get('FailedCall(C)','?'))")
  calllen=$(tail -1 stat_$n.csv | python3 -c "import sys
h=open('stat_$n.csv').readline().strip().split(';'); d=dict(zip(h,sys.stdin.read().strip().split(';')))
try:
  hh,mm,ss,us=d['CallLength(C)'].split(':'); print('%.1f' % (int(hh)*3600+int(mm)*60+int(ss)+int(us)/1e6))
except Exception: print('?')")
  read rx tx srcs < echo.txt
  sf=$(delta "$sf0" "$(meter send.failures)"); rd=$(delta "$rd0" "$(meter recording.drops)"); pr=$(delta "$pr0" "$(meter packets.received)")
  sent=$(( n * plays * pcap_pkts ))
  cpu=$(python3 -c "print('%.1f' % (100.0*($t1-$t0)/$hz/($w1-$w0)))")
  per=$(python3 -c "print('%.3f' % ($cpu/$n))")
  loss=$(python3 -c "print('%.3f' % (100.0*(1-$rx/$sent)))")
  wav=$(find data/recordings -name '*.wav' -newer step.mark | python3 -c "import sys,os
s=sorted((os.path.getsize(p.strip())-44)/32000 for p in sys.stdin if p.strip()); print('%d %.1f %.1f %.1f' % (len(s), s[0], s[len(s)//2], s[-1]) if s else '0 0 0 0')")
  [ "$n" = "$rtpe_calls" ] && cd_cpu300=$cpu
  rows+=("$(printf '%5d | %8s | %8d | %8d | %7s | %5s | %6s | %9s | %8s | %5d | %6s | %6s | %5d | %6s | %7s | %5s | %s' $n "$ok" $sessions $sent $rx $loss $cpu $per "$pr" $drops "$sf" "$rd" "$echodrops" "$((h/1024))M" "$th" "$calllen" "$wav")")
  echo "step $n done: ${rows[-1]}"
done
echo; echo "== CallDesk: concurrent recorded calls (hold ${hold}s, pcap x$plays, $rate calls/s ramp)"
echo "calls | ok/fail  | sessions | fwd sent | fwd rcvd | loss %  | CPU % | CPU%/call | relay rx | sockdrops | sendfail | recdrops | echo drops | heap | threads | call s | wavs min/median/max s"
for r in "${rows[@]}"; do echo "$r"; done
echo "(fwd = carrier->relay->agent packets: sent = calls x $plays x $pcap_pkts, rcvd = counted by rtpecho; sessions = relay socket pairs at the end of the window;"
echo " CPU % of one core for the JVM over the steady window; sockdrops = kernel drops on relay sockets at the end of the window;"
echo " relay rx/sendfail/recdrops = the relay's own counters over the step, both directions (MediaRelay.packetsReceived/sendFailures/recordingDrops"
echo " via /actuator/metrics; rx should be 2 x fwd sent); echo drops = kernel drops on rtpecho's socket;"
echo " call s = sipp's average call length, INVITE to BYE, nominally ${hold} s; wavs = recordings of the step, duration from size)"
echo "rtpecho sent back (return direction, not counted at the carrier): last step echoed $tx of $rx"
echo; echo "== Errors in the CallDesk log"; grep -E " (ERROR|WARN) " "$work/app.log" | grep -v -E "Flyway|H2 |SpringDoc" | cut -c1-240 | sort | uniq -c | sort -rn | head -10

# 4. rtpengine relaying the same packet load (33.3 pps, 252-byte RTP each way) for $rtpe_calls calls
echo; echo "== rtpengine, $rtpe_calls calls, userspace (--table=-1)"
if command -v rtpengine >/dev/null; then
  timeout 200 rtpengine --table=-1 --interface=127.0.0.1 --listen-ng=127.0.0.1:$ng_port --foreground --log-stderr \
    --log-level=4 --port-min=$rtpe_min --port-max=$rtpe_max --num-threads=2 > rtpengine.log 2>&1 & rw=$!; pids+=($rw); sleep 3; rp=$(pgrep -P $rw rtpengine || echo $rw)
  if python3 "$here/ng.py" $ng_port $rtpe_calls $blast_base > blast.ports; then
    timeout 60 "$work/rtpblast" 30 30 252 < blast.ports > blast.out & bp=$!; pids+=($bp)
    sleep 5; r0=$(ticks $rp); w0=$(date +%s.%N); sleep 20; r1=$(ticks $rp); w1=$(date +%s.%N)
    rth=$(awk '/^Threads/{print $2}' /proc/$rp/status); rrss=$(awk '/^VmRSS/{print $2}' /proc/$rp/status)
    wait $bp; read sa rb sb ra < blast.out
    rcpu=$(python3 -c "print('%.1f' % (100.0*($r1-$r0)/$hz/($w1-$w0)))")
    echo "calls | A->B sent | A->B rcvd | B->A sent | B->A rcvd | loss % | CPU % | CPU%/call | threads | RSS"
    printf '%5d | %9d | %9d | %9d | %9d | %6s | %5s | %9s | %7s | %sM\n' $rtpe_calls $sa $rb $sb $ra \
      "$(python3 -c "print('%.3f' % (100.0*(1-($rb+$ra)/($sa+$sb))))")" $rcpu "$(python3 -c "print('%.3f' % ($rcpu/$rtpe_calls))")" "$rth" "$((rrss/1024))"
    python3 "$here/ng.py" $ng_port delete $rtpe_calls || true
    if [ -n "$cd_cpu300" ] && [ "$rcpu" != "0.0" ]; then
      echo; echo "CPU per call ratio CallDesk/rtpengine at $rtpe_calls calls: $(python3 -c "print('%.2f' % ($cd_cpu300/$rcpu))") (target <= 1.0)"
    fi
  else echo "rtpengine did not answer NG offer/answer: $(tail -3 rtpengine.log)"; fi
else echo "rtpengine not installed: comparison skipped"; fi
echo; echo "work dir $work (app.log, sipp stats); removed on success unless MEDIA_KEEP=1"
cleanup; trap - EXIT
[ "${MEDIA_KEEP:-0}" = 1 ] || rm -rf "$work"
