# Shared by the bench scripts that run the jar (source it): the machine block every results file starts
# with, and starting and stopping the app under a timeout. The caller sets $jar, $repo_dir and $base.

bench_machine() { # the command line as given; prints the block
  echo "== Machine"
  echo "date -u     $(date -u)"
  echo "nproc       $(nproc)"
  echo "cpu         $(lscpu | sed -n 's/^Model name:[[:space:]]*//p')"
  echo "memory      $(free -h | awk '/^Mem:/ {print $2 " total, " $7 " available"}')"
  echo "java        $(java -version 2>&1 | head -1)"
  echo "git         $(git -C "$repo_dir" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$repo_dir" status --porcelain 2>/dev/null | grep -q . && echo ' (working tree has changes)')"
  echo "jar         $jar ($(stat -c '%y' "$jar" | cut -d. -f1), $(stat -c %s "$jar") bytes)"
  echo "command     $*"
}

# Starts `java $java_opts -jar $jar ARGS…` (at most $app_budget s, default 3 h) with its output in LOG, and
# waits until $base/login answers 200 (3 min at most). Sets $timeout_pid and $java_pid; returns 1 (with the
# log's tail on stderr) when the app does not come up.
bench_start_app() { # log, args…
  local log=$1
  shift
  # shellcheck disable=SC2086
  timeout --kill-after=10s "${app_budget:-3h}" java ${java_opts:-} -jar "$jar" "$@" >"$log" 2>&1 &
  timeout_pid=$!
  java_pid=""
  for _ in $(seq 1 50); do
    java_pid="$(pgrep -P "$timeout_pid" java || true)"
    [[ -n "$java_pid" ]] && break
    sleep 0.1
  done
  [[ -n "$java_pid" ]] || { echo "the app did not start" >&2; return 1; }
  for _ in $(seq 1 180); do
    curl -s -o /dev/null -m 2 -w '%{http_code}' "$base/login" | grep -q 200 && return 0
    kill -0 "$java_pid" 2>/dev/null || break
    sleep 1
  done
  echo "the app did not answer on $base; last lines of $log:" >&2
  tail -30 "$log" >&2
  return 1
}

# Stops the app bench_start_app started: TERM through timeout (30 s for a clean stop), then KILL.
bench_stop_app() {
  if [[ -n "${timeout_pid:-}" ]] && kill -0 "$timeout_pid" 2>/dev/null; then
    kill -TERM "$timeout_pid" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$timeout_pid" 2>/dev/null || break; sleep 0.1; done
  fi
  if [[ -n "${java_pid:-}" ]] && kill -0 "$java_pid" 2>/dev/null; then kill -KILL "$java_pid" 2>/dev/null || true; fi
  timeout_pid="" java_pid=""
}
