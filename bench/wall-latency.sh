#!/usr/bin/env bash
# Monitor wall latency (issue 11, F23: "≤ 100 ms from an agent's change to the supervisor's screen"):
# the demo tenant with WALLBENCH_SEATS seats, WALLBENCH_WALLS STOMP walls and the wall page itself in
# Debian's headless Chromium, all signed in as the demo supervisor; then WALLBENCH_CHANGES status changes
# at WALLBENCH_RATE per second through the supervisor's switch. bench/wall-latency/wall.mjs measures each
# change from the PUT, and from the ACD board's publication (the event's own time), to every STOMP wall
# and to the frame in which Chromium shows it. See docs/benchmarks.md, section "Monitor wall latency".
#
#   bash bench/wall-latency.sh /path/to/calldesk.jar           # builds nothing; about 5 minutes
#   bash bench/wall-latency.sh /path/to/calldesk.jar --keep    # keep the temp dir (app log, every change)
#
# The app: the embedded default (H2 in a fresh temp data dir, in-process state and CTI bus), on 127.0.0.1
# and a free port; SIP and media off (no phone is involved: a seat's change comes from the switch, and
# their ports may be taken on this machine). Seats beyond the demo tenant's two are allocated by the
# staff API (bench/register/provision.py); none has a phone registered.
#
# Environment (all optional):
#   WALLBENCH_SEATS    seats on the wall (default 500)       WALLBENCH_WALLS  STOMP walls besides the page (default 5)
#   WALLBENCH_CHANGES  changes measured (default 3000)       WALLBENCH_RATE   changes per second (default 20)
#   WALLBENCH_WARMUP   unscored changes first (default 500)  WALLBENCH_CHROMIUM  the browser (default: chromium on PATH;
#                      "none" = STOMP walls only)
#   WALLBENCH_HTTP_PORT  first port tried (default 18880)    WALLBENCH_JAVA_OPTS  the app's JVM options
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(dirname "$bench_dir")"
here="$bench_dir/wall-latency"
results="$here/results-latest.txt"

jar="${1:-}"
[[ -n "$jar" && "$jar" != --* ]] || { echo "usage: bash bench/wall-latency.sh /path/to/calldesk.jar [--keep]" >&2; exit 2; }
[[ -f "$jar" ]] || { echo "no jar at $jar (this script builds nothing)" >&2; exit 2; }
jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
keep=false
[[ "${2:-}" == "--keep" ]] && keep=true

seats="${WALLBENCH_SEATS:-500}"
walls="${WALLBENCH_WALLS:-5}"
changes="${WALLBENCH_CHANGES:-3000}"
rate="${WALLBENCH_RATE:-20}"
warmup="${WALLBENCH_WARMUP:-500}"
chromium="${WALLBENCH_CHROMIUM:-$(command -v chromium || true)}"
[[ "$chromium" == none ]] && chromium=""

say() { echo "[wall-bench $(date -u +%H:%M:%S)] $*" >&2; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
for tool in java node npm python3 curl ss; do
  command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 1; }
done
if [[ ! -d "$here/node_modules/playwright-core" ]]; then
  say "installing the walls' packages (npm ci in bench/wall-latency)"
  (cd "$here" && timeout 300 npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

port_free() { ! ss -Htuan "sport = :$1" | grep -q .; }
http_port="${WALLBENCH_HTTP_PORT:-18880}"
while ! port_free "$http_port"; do http_port=$((http_port + 1)); done
base="http://127.0.0.1:$http_port"

work="$(mktemp -d /tmp/calldesk-wall-bench.XXXXXX)"
# shellcheck source=bench/lib/app.sh
source "$bench_dir/lib/app.sh"
cleanup() {
  bench_stop_app
  if $keep; then say "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

set +e
{
  bench_machine "bash bench/wall-latency.sh $*"
  echo "node        $(node -v); chromium ${chromium:+$("$chromium" --version 2>/dev/null | head -1)}"
  echo "settings    $seats seats, $walls STOMP walls and $([[ -n "$chromium" ]] && echo "the page in $chromium" || echo "no page"), $changes changes at $rate/s after $warmup unscored"
  echo "load avg    $(loadavg) (at the start)"
  echo
} 2>&1 | tee "$results"
set -e

say "starting $jar (data in $work/data)"
java_opts="${WALLBENCH_JAVA_OPTS:-}" app_budget=1800
bench_start_app "$work/app.log" --calldesk.data-dir="$work/data" --server.address=127.0.0.1 --server.port="$http_port" \
  --calldesk.sip.server.enabled=false --calldesk.media.enabled=false || { keep=true; exit 1; }
say "app up (pid $java_pid, port $http_port)"

if ((seats > 2)); then
  timeout 300 python3 "$bench_dir/register/provision.py" --base "$base" --seats $((seats - 2)) --out "$work/seats.csv" >/dev/null
fi

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
run() { # label, changes, extra args...
  local label=$1 n=$2
  shift 2
  local a0 t0
  a0="$(cpu_ticks "$java_pid")" t0="$(date +%s.%N)"
  timeout 900 node "$here/wall.mjs" --base "$base" --changes "$n" --rate "$rate" --walls "$walls" \
    ${chromium:+--chromium "$chromium"} --out "$work/$label.json" "$@" >"$work/$label.txt"
  awk -v a0="$a0" -v a1="$(cpu_ticks "$java_pid")" -v t0="$t0" -v t1="$(date +%s.%N)" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "app JVM CPU %.0f %% of one core over %.0f s\n", (a1 - a0) / hz / (t1 - t0) * 100, t1 - t0 }' >"$work/$label.cpu"
}
if ((warmup > 0)); then
  say "warm-up: $warmup changes"
  run warmup "$warmup"
fi
say "measuring: $changes changes at $rate/s"
run measured "$changes"
{
  echo "== Measured ($changes changes at $rate/s over $seats seats; times in ms; load avg $(loadavg) after)"
  cat "$work/measured.txt"
  cat "$work/measured.cpu"
  echo
} | tee -a "$results"
say "done; results in $results"
