#!/usr/bin/env bash
# Builds and runs the contact lookup benchmark against the local MariaDB and records its output in
# bench/contact-lookup/results-latest.txt. See docs/benchmarks.md.
#
#   bash bench/contact-lookup.sh          # drops the loaded 1M-contact schema at the end
#   bash bench/contact-lookup.sh --keep   # leaves calldeskbench_t_9000000 for poking at
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(dirname "$bench_dir")"
project="$bench_dir/contact-lookup"
migrations="$repo_dir/platform/app/src/main/resources/db/tenant"
results="$project/results-latest.txt"

db_alive() {
  mariadb-admin --host=127.0.0.1 --user=root ping >/dev/null 2>&1
}

if ! db_alive; then
  echo "Starting MariaDB..." >&2
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
  for _ in $(seq 1 60); do
    db_alive && break
    sleep 1
  done
  db_alive || { echo "MariaDB did not answer a ping within 60 s" >&2; exit 1; }
fi

# Build first, so a compile error is not mistaken for a benchmark result.
mvn -q -B -f "$project/pom.xml" compile

{
  echo "== Machine"
  echo "date -u     $(date -u)"
  echo "nproc       $(nproc)"
  echo "cpu         $(lscpu | grep 'Model name' | sed 's/Model name:[[:space:]]*//')"
  echo "free -h"
  free -h
  echo "mariadb     $(mariadb --host=127.0.0.1 --user=root --batch --skip-column-names -e 'SELECT VERSION()')"
  echo "buffer pool $(mariadb --host=127.0.0.1 --user=root --batch --skip-column-names -e 'SELECT @@innodb_buffer_pool_size DIV 1048576') MiB (innodb_buffer_pool_size)"
  echo "command     bash bench/contact-lookup.sh $*"
  echo
  mvn -q -B -f "$project/pom.xml" exec:exec \
    "-Dbench.migrations=$migrations" "-Dbench.args=$*"
} 2>&1 | sed -u 's/\x1b\[[0-9;]*m//g' | tee "$results"   # Debian's Maven 3.8 prints colour resets even with -B
