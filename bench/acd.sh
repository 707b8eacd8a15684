#!/usr/bin/env bash
# ACD decision benchmark: how long the ACD takes to choose and claim an agent among N idle seats
# (issue 5 target: p99 ≤ 1 ms at 500 idle seats), on the in-process board and on the Redis board.
# See docs/benchmarks.md, section "ACD decision time".
#
#   bash bench/acd.sh                 # 500 seats, 50,000 decisions per board
#   ACDBENCH_SEATS=2000 ACDBENCH_ROUNDS=20000 bash bench/acd.sh
#
# Needs the test classes (it compiles them) and, for the Redis board, Redis on 127.0.0.1:6379
# (skipped with a note when it is not answering). Bounded: each board gets at most 5 minutes.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seats="${ACDBENCH_SEATS:-500}"
rounds="${ACDBENCH_ROUNDS:-50000}"
out="$repo/bench/acd/results-latest.txt"
mkdir -p "$repo/bench/acd"
cd "$repo"
mvn -B -q -o -pl platform/app -am -DskipTests test-compile 2>/dev/null || mvn -B -q -pl platform/app -am -DskipTests test-compile
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
# dependency:build-classpath resolves this repository's modules from ~/.m2 (never installed on shared build
# machines) and its plugin may be missing offline: then take the test classpath surefire prints
mvn -B -q -o -pl platform/app dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null 2>&1 \
  || mvn -B -X -o -pl platform/app -am test -Dtest=SeatAgentTest -Dsurefire.failIfNoSpecifiedTests=false 2>/dev/null \
    | grep '\] test classpath:' | tail -1 | sed 's/.*test classpath: *//; s/ *$//; s/  */:/g' >"$cp_file"
[ -s "$cp_file" ] || { echo "bench/acd.sh: could not resolve the test classpath" >&2; exit 1; }
# this repository's modules first: ~/.m2 may hold other builds of the same snapshot version
modules="$(ls -d platform/*/target/classes tenant-admin/target/classes connectors/*/target/classes | paste -sd:)"
cp="platform/app/target/test-classes:$modules:$(cat "$cp_file")"
{
  echo "# bash bench/acd.sh  ($(date -u), $(git rev-parse --short HEAD), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg))"
  timeout 300 java -cp "$cp" com.calldesk.acd.AcdDecisionBench "$seats" "$rounds" memory 2>/dev/null | grep "^board="
  if (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; then
    timeout 300 java -cp "$cp" com.calldesk.acd.AcdDecisionBench "$seats" "$((rounds / 5))" redis 2>/dev/null | grep "^board="
  else
    echo "board=redis skipped: no Redis on 127.0.0.1:6379"
  fi
} | tee "$out"
