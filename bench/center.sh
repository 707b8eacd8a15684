#!/usr/bin/env bash
# Call center lists and Excel export at volume (issue 11): loads 10,000,000 call records into the demo
# tenant of a production-profile app (MariaDB + Redis on 127.0.0.1), times GET /api/center/calls over HTTP
# as the demo supervisor (1 client, then 4 at once), exports 1,000,000+ rows to Excel with a 256 MiB heap,
# and records everything in bench/center/results-latest.txt. See docs/benchmarks.md.
#
#   bash bench/center.sh [/path/to/calldesk.jar]           # default platform/app/target/calldesk.jar; builds nothing
#   bash bench/center.sh JAR --keep                         # keep the schemas, the app's data dir and the logs
#   bash bench/center.sh JAR --reuse                        # use the schemas a --keep run left (no load; implies --keep)
#
# Where it writes: a platform schema of its own, `calldesk_bench_center`, so the demo tenant's schema is
# `calldesk_bench_center_t_2001000` (the tests' schemas are calldeskit*, calldeskcenter*, calldeskcc*, …:
# nothing of theirs matches, and nothing of theirs matches ours); Redis keys under `calldesk_bench_center:`;
# the app's data dir (exports) in a temp dir. All of it is dropped at the end unless --keep.
# The server's own configuration (buffer pool, flush settings) is left as it is unless CENTERBENCH_BUFFER_POOL_MB.
#
# Knobs (environment):
#   CENTERBENCH_ROWS       call records to load (10000000)      CENTERBENCH_DAYS     days they span (400)
#   CENTERBENCH_CALLERS    distinct caller numbers (3000000)    CENTERBENCH_SEATS    seats (100)
#   CENTERBENCH_CONTACTS   callers saved as contacts (1000000)  CENTERBENCH_EXPORT_ROWS  rows the export must reach (1000000)
#   CENTERBENCH_REQUESTS   sequential requests per scenario (500); CENTERBENCH_DEEP_REQUESTS for deep pages of 400 days (100)
#   CENTERBENCH_CLIENTS, CENTERBENCH_PER_CLIENT   concurrent clients (4) and requests each (250)
#   CENTERBENCH_EXPORT_BUDGET  seconds the ≥ 1M-row export may take before it is cancelled (600)
#   CENTERBENCH_BUFFER_POOL_MB  SET GLOBAL innodb_buffer_pool_size to this for the measurement, restored at the end
#                          (default: leave the server's own)
#   CENTERBENCH_JAVA_OPTS  the app's JVM options (-Xmx256m)     CENTERBENCH_HTTP_PORT  first port tried (18980)
#   CENTERBENCH_ONLY       list|export: run only that part
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(dirname "$bench_dir")"
here="$bench_dir/center"
results="$here/results-latest.txt"

jar="$repo_dir/platform/app/target/calldesk.jar"
keep=false
reuse=false
for a in "$@"; do
  case "$a" in
    --keep) keep=true ;;
    --reuse) reuse=true; keep=true ;;
    --*) echo "unknown option $a" >&2; exit 2 ;;
    *) jar="$a" ;;
  esac
done
[[ -f "$jar" ]] || { echo "no jar at $jar (this script builds nothing: mvn -B -q -DskipTests package)" >&2; exit 2; }
jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"

rows="${CENTERBENCH_ROWS:-10000000}"
days="${CENTERBENCH_DAYS:-400}"
callers="${CENTERBENCH_CALLERS:-3000000}"
seats="${CENTERBENCH_SEATS:-100}"
contacts="${CENTERBENCH_CONTACTS:-1000000}"
export_rows="${CENTERBENCH_EXPORT_ROWS:-1000000}"
requests="${CENTERBENCH_REQUESTS:-500}"
clients="${CENTERBENCH_CLIENTS:-4}"
per_client="${CENTERBENCH_PER_CLIENT:-250}"
java_opts="${CENTERBENCH_JAVA_OPTS:--Xmx256m}"
only="${CENTERBENCH_ONLY:-}"
deep_requests="${CENTERBENCH_DEEP_REQUESTS:-100}"
export_budget="${CENTERBENCH_EXPORT_BUDGET:-600}"
buffer_pool_mb="${CENTERBENCH_BUFFER_POOL_MB:-}"
restore_pool=""

platform=calldesk_bench_center
tenant_code=2001000
schema="${platform}_t_${tenant_code}"
redis_prefix="${platform}:"
node_id=bench-center

say() { echo "[center-bench $(date -u +%H:%M:%S)] $*" >&2; }
sql() { mariadb --host=127.0.0.1 --user=root --batch --skip-column-names "$@"; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

for tool in java jstat jcmd mariadb mariadb-admin redis-cli curl unzip ss; do
  command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 1; }
done
db_alive() { mariadb-admin --host=127.0.0.1 --user=root ping >/dev/null 2>&1; }
if ! db_alive; then
  say "starting MariaDB"
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
  for _ in $(seq 1 60); do db_alive && break; sleep 1; done
  db_alive || { echo "MariaDB did not answer a ping within 60 s" >&2; exit 1; }
fi
redis-cli -h 127.0.0.1 ping >/dev/null || { echo "Redis does not answer on 127.0.0.1:6379" >&2; exit 1; }

port_free() { ! ss -Htuan "sport = :$1" | grep -q .; }
http_port="${CENTERBENCH_HTTP_PORT:-18980}"
while ! port_free "$http_port"; do http_port=$((http_port + 1)); done
base="http://127.0.0.1:$http_port"

work="$(mktemp -d /tmp/calldesk-center-bench.XXXXXX)"
timeout_pid="" java_pid="" jstat_pid=""

stop_app() {
  if [[ -n "$timeout_pid" ]] && kill -0 "$timeout_pid" 2>/dev/null; then
    kill -TERM "$timeout_pid" 2>/dev/null || true # timeout passes TERM on to java
    for _ in $(seq 1 300); do kill -0 "$timeout_pid" 2>/dev/null || break; sleep 0.1; done
  fi
  if [[ -n "$java_pid" ]] && kill -0 "$java_pid" 2>/dev/null; then kill -KILL "$java_pid" 2>/dev/null || true; fi
  timeout_pid="" java_pid=""
}
drop_everything() {
  local s
  for s in $(sql -e "SELECT schema_name FROM information_schema.schemata WHERE schema_name = '$platform' OR schema_name LIKE '${platform//_/\\_}\\_t\\_%'"); do
    sql -e "DROP DATABASE \`$s\`"
  done
  redis-cli -h 127.0.0.1 --scan --pattern "${redis_prefix}*" | xargs -r redis-cli -h 127.0.0.1 del >/dev/null
}
cleanup() {
  [[ -n "$jstat_pid" ]] && kill "$jstat_pid" 2>/dev/null || true
  stop_app
  if [[ -n "$restore_pool" ]]; then
    say "buffer pool back to $((restore_pool / 1048576)) MiB"
    sql -e "SET GLOBAL innodb_buffer_pool_size = $restore_pool" || true
  fi
  if $keep; then
    say "kept $work, the schemas $platform and $schema and the Redis keys ${redis_prefix}*"
  else
    say "dropping $platform, $schema and the Redis keys ${redis_prefix}*"
    drop_everything || true
    rm -rf "$work"
  fi
}
trap cleanup EXIT

# The app as production runs it (profile prod: MariaDB, Redis, no demo data), except: the demo tenant is
# switched on (it gives the supervisor the brief signs in as), SIP and media are off (not measured here, and
# their ports are shared on this machine), and it listens on 127.0.0.1 only.
start_app() { # log file
  # shellcheck disable=SC2086
  SPRING_PROFILES_ACTIVE=prod CALLDESK_PLATFORM_SCHEMA="$platform" CALLDESK_REDIS_PREFIX="$redis_prefix" \
    CALLDESK_STAFF_PASSWORD=benchStaff123 \
    timeout --kill-after=10s 3h java $java_opts -jar "$jar" --server.address=127.0.0.1 --server.port="$http_port" \
    --calldesk.data-dir="$work/data" --calldesk.demo.enabled=true --calldesk.sip.server.enabled=false \
    --calldesk.media.enabled=false --calldesk.sip.server.node-id="$node_id" >"$1" 2>&1 &
  timeout_pid=$!
  for _ in $(seq 1 50); do
    java_pid="$(pgrep -P "$timeout_pid" java || true)"
    [[ -n "$java_pid" ]] && break
    sleep 0.1
  done
  [[ -n "$java_pid" ]] || { echo "the app did not start" >&2; exit 1; }
  for _ in $(seq 1 180); do
    curl -s -o /dev/null -m 2 -w '%{http_code}' "$base/login" | grep -q 200 && { say "app up (pid $java_pid, port $http_port)"; return 0; }
    kill -0 "$java_pid" 2>/dev/null || break
    sleep 1
  done
  echo "the app did not answer on $base; last lines of $1:" >&2
  tail -30 "$1" >&2
  keep=true
  exit 1
}

# China's day boundaries in the UTC the server stores: day D (Asia/Shanghai) starts at D-1 16:00 UTC.
utc_start_of() { date -u -d "TZ=\"Asia/Shanghai\" $1 00:00" '+%Y-%m-%d %H:%M:%S'; }
today="$(TZ=Asia/Shanghai date +%Y-%m-%d)"
day_minus() { date -d "$1 - $2 days" +%Y-%m-%d; }

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }

set +e
{
  echo "== Machine"
  echo "date -u     $(date -u)"
  echo "nproc       $(nproc)"
  echo "cpu         $(lscpu | sed -n 's/^Model name:[[:space:]]*//p')"
  echo "memory      $(free -h | awk '/^Mem:/ {print $2 " total, " $7 " available"}')"
  echo "java        $(java -version 2>&1 | head -1)"
  echo "mariadb     $(sql -e 'SELECT VERSION()'), buffer pool $(sql -e 'SELECT @@innodb_buffer_pool_size DIV 1048576') MiB, flush $(sql -e 'SELECT @@innodb_flush_method'), flush_log_at_trx_commit $(sql -e 'SELECT @@innodb_flush_log_at_trx_commit')"
  echo "redis       $(redis-cli -h 127.0.0.1 info server | sed -n 's/^redis_version:\(.*\)\r$/\1/p')"
  echo "git         $(git -C "$repo_dir" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$repo_dir" status --porcelain 2>/dev/null | grep -q . && echo ' (working tree has changes)')"
  echo "jar         $jar ($(stat -c '%y' "$jar" | cut -d. -f1), $(stat -c %s "$jar") bytes)"
  echo "command     bash bench/center.sh $*"
  echo "app         SPRING_PROFILES_ACTIVE=prod, java $java_opts, platform schema $platform, tenant schema $schema, port $http_port"
  echo "load avg    $(loadavg) (at the start)"
  echo
} 2>&1 | tee "$results"
set -e

# 1. The platform and the demo tenant: a first start of the app on an empty platform schema creates them.
if $reuse; then
  [[ "$(sql -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '$schema' AND table_name = 'call_record'")" == 1 ]] \
    || { echo "--reuse: no $schema.call_record (run once with --keep first)" >&2; exit 1; }
else
  drop_everything
  say "first start: creating $platform and the demo tenant"
  start_app "$work/app-first.log"
  stop_app
  [[ "$(sql -e "SELECT COUNT(*) FROM $schema.call_record")" == 0 ]] || { echo "$schema.call_record is not empty" >&2; exit 1; }

  # 2. The load.
  trunk_id="$(sql -e "SELECT id FROM $platform.trunk_number ORDER BY id LIMIT 1")"
  now_utc="$(date -u '+%Y-%m-%d %H:%M:%S')"
  sed -e "s/@LAST_ROW@/$((rows - 1))/g; s/@ROWS@/$rows/g; s/@DAYS@/$days/g; s/@CALLERS@/$callers/g; s/@SEATS@/$seats/g" \
    -e "s/@LAST_CONTACT@/$((contacts - 1))/g; s/@CONTACTS@/$contacts/g; s/@LAST_CUSTOMER@/$(((contacts + 1) / 2 - 1))/g" \
    -e "s/@TRUNK_ID@/${trunk_id:-NULL}/g; s/@NOW_UTC@/$now_utc/g" "$here/seed-calls.sql" >"$work/seed.sql"
  say "loading $rows call records over $days days and $contacts contacts into $schema (one INSERT … SELECT each)"
  load_from=$SECONDS
  sql "$schema" <"$work/seed.sql"
  load_s=$((SECONDS - load_from))
  sql "$schema" -e "ANALYZE TABLE call_record, customer, contact, contact_phone" >/dev/null
  # Wait (at most 3 min) until InnoDB has written the loaded pages and purged, so the measurement does
  # not time the load's background writing.
  for _ in $(seq 1 90); do
    dirty="$(sql -e "SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_pages_dirty'" | cut -f2)"
    history="$(sql -e "SELECT count FROM information_schema.innodb_metrics WHERE name = 'trx_rseg_history_len'")"
    ((dirty < 200 && history < 1000)) && break
    sleep 2
  done
  {
    echo "== Load"
    echo "loaded      $rows call records and $contacts contacts in ${load_s} s (including the index builds; ANALYZE after)"
    echo "now (UTC)   $now_utc, today (China) $today"
  } | tee -a "$results"
fi

{
  echo "call_record by tab:"
  sql "$schema" -e "SELECT CONCAT('  ', tab, ' ', COUNT(*)) FROM call_record GROUP BY tab ORDER BY tab"
  echo "  seats $(sql "$schema" -e "SELECT COUNT(DISTINCT seat) FROM call_record"), offered_at $(sql "$schema" -e "SELECT CONCAT(MIN(offered_at), ' .. ', MAX(offered_at), ' UTC') FROM call_record")"
  echo "table sizes (information_schema; rows are InnoDB's estimate):"
  echo "| table | rows (est.) | data MiB | index MiB |"
  echo "|---|---:|---:|---:|"
  sql -e "SELECT CONCAT('| ', table_name, ' | ', FORMAT(table_rows, 0), ' | ', ROUND(data_length / 1048576, 1), ' | ', ROUND(index_length / 1048576, 1), ' |')
          FROM information_schema.tables WHERE table_schema = '$schema' AND table_name IN ('call_record', 'contact', 'contact_phone', 'customer')
          ORDER BY table_name"
  echo
} 2>&1 | tee -a "$results"

# 3. The measured app.
hz="$(getconf CLK_TCK)"
mariadbd_pid="$(pgrep -x mariadbd | head -1)"
pool_before="$(sql -e 'SELECT @@innodb_buffer_pool_size')"
if [[ -n "$buffer_pool_mb" ]]; then
  say "buffer pool ${buffer_pool_mb} MiB for the measurement (SET GLOBAL; back to $((pool_before / 1048576)) MiB at the end)"
  restore_pool="$pool_before"
  sql -e "SET GLOBAL innodb_buffer_pool_size = $((buffer_pool_mb * 1048576))"
  for _ in $(seq 1 120); do
    sql -e "SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_resize_status'" | grep -qi -E 'completed|^[^[:space:]]+[[:space:]]*$' && break
    sleep 1
  done
fi
echo "buffer pool $(sql -e 'SELECT @@innodb_buffer_pool_size DIV 1048576') MiB during the measurement" | tee -a "$results"
say "starting the measured app ($java_opts)"
start_app "$work/app.log"
echo "app         pid $java_pid, $java_opts, started $(date -u +%H:%M:%S) UTC" | tee -a "$results"

# The CPU the app, mariadbd and the whole machine used between two marks (100 % = one core).
mark() { m_app="$(cpu_ticks "$java_pid")" m_db="$(cpu_ticks "$mariadbd_pid")" m_busy="$(busy_ticks)" m_t="$(date +%s.%N)"
  m_reads="$(sql -e "SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_reads'" | cut -f2)"; }
since_mark() {
  awk -v a0="$m_app" -v a1="$(cpu_ticks "$java_pid")" -v d0="$m_db" -v d1="$(cpu_ticks "$mariadbd_pid")" -v b0="$m_busy" \
    -v b1="$(busy_ticks)" -v t0="$m_t" -v t1="$(date +%s.%N)" -v hz="$hz" -v r0="$m_reads" \
    -v r1="$(sql -e "SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_reads'" | cut -f2)" \
    'BEGIN { t = t1 - t0; printf "%.0f s; CPU (100 %% = one core): app JVM %.0f %%, mariadbd %.0f %%, whole machine %.0f %% (the client and anything else included); InnoDB page reads from disk %d\n", t, (a1 - a0) / hz / t * 100, (d1 - d0) / hz / t * 100, (b1 - b0) / hz / t * 100, r1 - r0 }'
}

from_400="$(utc_start_of "$(day_minus "$today" $((days - 1)))")"
to_utc="$(utc_start_of "$(date -d "$today + 1 day" +%Y-%m-%d)")"
cols="id, tab, customer_number, dialled_number, trunk_number, display_number, seat, offered_at, ringing_at, answered_at, ended_at, ended_by, end_reason, recording IS NOT NULL AS recorded, cost_fen, callback_task_id"
# CallListMapper.page as MyBatis sends it (client-side prepared statement: the values inline), a cursor after the
# first rows of the range when $3 is set.
page_sql() { # from (UTC), extra condition, limit
  echo "SELECT $cols FROM call_record WHERE tab = 'IN_ANSWERED' AND offered_at >= '$1' AND offered_at < '$to_utc' $2 ORDER BY offered_at DESC, id DESC LIMIT $3"
}
cursor_cond="AND (offered_at < '$to_utc' - INTERVAL 12 HOUR OR (offered_at = '$to_utc' - INTERVAL 12 HOUR AND id < '8'))"

if [[ "$only" != export ]]; then
  say "timing GET /api/center/calls"
  mark
  {
    echo
    echo "== GET /api/center/calls (tab IN_ANSWERED, size 50), load avg $(loadavg) before"
    java "$here/CenterBench.java" --mode list --base "$base" --today "$today" --days "$days" --seats "$seats" \
      --callers "$callers" --requests "$requests" --deep-requests "$deep_requests" --clients "$clients" --per-client "$per_client"
    echo
    echo "list phase: $(since_mark); load avg $(loadavg) after"
  } 2>&1 | tee -a "$results"

  say "the rest of the page, and a long range ending in the past"
  mark
  {
    echo
    echo "== What else the page asks for, and long ranges that do not end today (1 client)"
    java "$here/CenterBench.java" --mode extras --base "$base" --today "$today" --days "$days" --requests 10 --old-requests 3
    echo
    echo "extras: $(since_mark)"
  } 2>&1 | tee -a "$results"

  n1="$(java "$here/CenterBench.java" --mode number --caller 12345)"
  {
    echo
    echo "== EXPLAIN of CallListMapper.page (after ANALYZE TABLE; values inline as the driver sends them)"
    for spec in "first page, 400 days|$from_400||51" "next page, 400 days|$from_400|$cursor_cond|51" \
      "first page, 30 days|$(utc_start_of "$(day_minus "$today" 29)")||51" "next page, 30 days|$(utc_start_of "$(day_minus "$today" 29)")|$cursor_cond|51" \
      "seat, 400 days|$from_400|AND seat = 'ss2001000ss0042'|51" \
      "number, 400 days ($n1, its five spellings)|$from_400|AND customer_number IN ('$n1', '+86$n1', '0086$n1', '86$n1', '0$n1')|51"; do
      IFS='|' read -r label f extra limit <<<"$spec"
      echo "$label:"
      sql "$schema" --column-names -e "EXPLAIN $(page_sql "$f" "$extra" "$limit")" | cut -f2-10 | sed 's/^/  /'
    done
    echo "the plan of a 51-row page with a cursor, by the range's length (ending today):"
    for span in 7 14 30 40 45 50 55 60 90 180 400; do
      echo "  $span days: $(sql "$schema" -e "EXPLAIN $(page_sql "$(utc_start_of "$(day_minus "$today" $((span - 1)))")" "$cursor_cond" 51)" | cut -f4,6,7,9 | tr '\t' ' ')"
    done
    echo "a page with a cursor 1 day behind the newest row, 400 days (ANALYZE: rows read, time):"
    sql "$schema" -e "ANALYZE FORMAT=JSON $(page_sql "$from_400" "AND (offered_at < '$to_utc' - INTERVAL 32 HOUR OR (offered_at = '$to_utc' - INTERVAL 32 HOUR AND id < '8'))" 51)" \
      | sed 's/\\n/\n/g' | grep -E '"(access_type|key|r_rows|r_total_time_ms|pages_read_count)"' | tr -s ' ' | tr -d '\n' | sed 's/^/ /'
    echo
    echo
  } 2>&1 | tee -a "$results"
fi

# 4. Exports. Each: POST, poll every 500 ms until DONE (or give up after its budget and DELETE it), download,
#    count the rows in the workbook; the heap from jstat every second meanwhile.
count_span() { # days ending today -> IN_ANSWERED rows
  sql "$schema" -e "SELECT COUNT(*) FROM call_record WHERE tab = 'IN_ANSWERED' AND offered_at >= '$(utc_start_of "$(day_minus "$today" $(($1 - 1)))")' AND offered_at < '$to_utc'"
}
plan_of_span() { # days ending today -> the export's chunk plan (ref/range) once it has a cursor
  sql "$schema" -e "EXPLAIN $(page_sql "$(utc_start_of "$(day_minus "$today" $(($1 - 1)))")" "$cursor_cond" 1000)" | cut -f4
}
run_export() { # label, span in days, budget s
  local label=$1 span=$2 budget=$3 from expected out rc
  from="$(day_minus "$today" $((span - 1)))"
  expected="$(count_span "$span")"
  out="$work/export-$span.xlsx"
  say "export ($label): IN_ANSWERED $from..$today, $expected rows, budget $budget s"
  local heap0 heap1
  heap0="$(jcmd "$java_pid" GC.heap_info 2>/dev/null | grep -E 'garbage-first heap' | sed 's/^ *//')"
  jstat -gc -t "$java_pid" 1000 >"$work/jstat-$span.txt" &
  jstat_pid=$!
  mark
  set +e
  java "$here/CenterBench.java" --mode export --base "$base" --tab IN_ANSWERED --from "$from" --to "$today" --budget "$budget" \
    --out "$out" >"$work/export-$span.txt"
  rc=$?
  set -e
  local cpu
  cpu="$(since_mark)"
  sleep 1.5
  kill "$jstat_pid" 2>/dev/null || true
  wait "$jstat_pid" 2>/dev/null || true
  jstat_pid=""
  heap1="$(jcmd "$java_pid" GC.heap_info 2>/dev/null | grep -E 'garbage-first heap' | sed 's/^ *//')"
  get() { sed -n "s/^$1=//p" "$work/export-$span.txt"; }
  {
    echo "== Excel export: $label"
    echo "request     POST /api/center/exports $(get export_request): $span days ending today, the chunk's plan with a cursor: $(plan_of_span "$span"); SELECT COUNT(*) gives $expected rows"
    echo "state       $(get export_state), total $(get export_total), written $(get export_written), $(get export_seconds) s from the POST to the last poll"
    echo "rate        $(awk -v r="$(get export_written)" -v s="$(get export_seconds)" 'BEGIN {printf "%.0f", r / s}') rows/s on average"
    echo "progress    $(get progress | tr '\n' ';' | sed 's/;$//; s/;/, /g')"
    echo "last poll   $(get export_progress)"
    if ((rc == 0)); then
      local sheets xml_rows data_rows
      sheets="$(unzip -Z1 "$out" | grep -c '^xl/worksheets/sheet[0-9]*\.xml$')"
      xml_rows="$(unzip -p "$out" 'xl/worksheets/sheet*.xml' | grep -o '<row ' | wc -l)"
      data_rows=$((xml_rows - sheets)) # each sheet starts with its heading row
      echo "download    $(get download_bytes) bytes ($(awk -v b="$(get download_bytes)" 'BEGIN {printf "%.1f", b / 1048576}') MiB) in $(get download_seconds) s, $(get download_type)"
      echo "            $(get download_disposition)"
      echo "rows        $xml_rows <row> elements in $sheets sheet(s) = $data_rows data rows + $sheets heading rows:" \
        "$( ((data_rows == expected)) && echo "matches the count" || echo "DOES NOT MATCH the count $expected")"
      rm -f "$out"
    fi
    echo "CPU         $cpu"
    echo "heap before $heap0"
    echo "heap after  $heap1"
    # jstat -gc -t: Timestamp S0C S1C S0U S1U EC EU OC OU MC MU CCSC CCSU YGC YGCT FGC FGCT CGC CGCT GCT (KiB)
    awk 'NR > 1 && $1 ~ /^[0-9.]+$/ {
           used = ($4 + $5 + $7 + $9) / 1024; committed = ($2 + $3 + $6 + $8) / 1024; old = $9 / 1024
           if (used > max) max = used; if (committed > maxc) maxc = committed; if (old > maxo) maxo = old
           n++; if (n == 1) { y0 = $14; f0 = $16; c0 = $18; g0 = $NF } y = $14; f = $16; c = $18; g = $NF
         }
         END { printf "heap        jstat -gc every 1 s, %d samples: peak used %.0f MiB (young + old, garbage included), peak old gen %.0f MiB, peak committed %.0f MiB; %d young, %d concurrent-cycle and %d full GCs, %.2f s in GC\n", n, max, maxo, maxc, y - y0, c - c0, f - f0, g - g0 }' \
      "$work/jstat-$span.txt"
    if grep -q 'OutOfMemoryError' "$work/app.log"; then echo "            OutOfMemoryError in the app log!"; else echo "            no OutOfMemoryError in the app log"; fi
    grep -E 'Export .* (rows|failed)' "$work/app.log" | tail -1 | sed 's/^/app log     /' | cut -c1-300 || true
    echo
  } 2>&1 | tee -a "$results"
}

if [[ "$only" != list ]]; then
  # The shortest range ending today with at least $export_rows inbound answered calls.
  per_day="$(sql "$schema" -e "SELECT COUNT(*) DIV $days FROM call_record WHERE tab = 'IN_ANSWERED'")"
  span=$(((export_rows + per_day - 1) / per_day))
  while ((span > 1)) && (($(count_span $((span - 1))) >= export_rows)); do span=$((span - 1)); done
  while (($(count_span "$span") < export_rows)); do span=$((span + 1)); done
  ((span <= days)) || { echo "fewer than $export_rows IN_ANSWERED rows in $days days" >&2; exit 1; }
  run_export "at least $export_rows rows" "$span" "$export_budget"
  # The longest range ending today whose chunks MariaDB still reads as an index range (see the notes).
  range_span=$span
  while ((range_span > 1)) && [[ "$(plan_of_span "$range_span")" != range ]]; do range_span=$((range_span - 1)); done
  if ((range_span < span)); then
    run_export "the longest range read as an index range ($range_span days)" "$range_span" 1800
  fi
fi
say "done; results in $results"
