#!/usr/bin/env python3
"""CPU samples for bench/pop-latency.sh, every --interval seconds until stopped:

  epoch load1 load5 load15 busy=% jvm=% tools=% others=%

busy: the whole machine (/proc/stat, 100 = one CPU); jvm: CallDesk (utime+stime of --jvm); tools: the
benchmark's own processes (the pids listed in --pids, re-read each time: sipp, the desk client, dumpcap);
others: busy - jvm - tools, i.e. whatever else ran on the machine (other sessions' builds and tests).
Python 3 standard library only.
"""
import argparse
import os
import time

HZ = os.sysconf("SC_CLK_TCK")


def proc_ticks(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime, stime
    except (OSError, IndexError, ValueError):
        return None


def machine():
    with open("/proc/stat") as f:
        cpu = [int(x) for x in f.readline().split()[1:]]
    idle = cpu[3] + cpu[4]
    return sum(cpu[:8]) - idle  # busy ticks (user nice system idle iowait irq softirq steal)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--jvm", type=int, required=True)
    p.add_argument("--pids", required=True, help="file with the benchmark's own pids, one a line")
    p.add_argument("--out", required=True)
    p.add_argument("--interval", type=float, default=5)
    args = p.parse_args()
    prev = None
    with open(args.out, "a", buffering=1) as out:
        while True:
            try:
                with open(args.pids) as f:
                    pids = {int(x) for x in f.read().split() if x.strip().isdigit()}
            except OSError:
                pids = set()
            jvm = proc_ticks(args.jvm)
            if jvm is None:
                return
            tools = {pid: proc_ticks(pid) for pid in pids}
            now = (time.time(), machine(), jvm, tools)
            if prev:
                dt = now[0] - prev[0]
                pct = lambda ticks: 100.0 * ticks / HZ / dt  # noqa: E731
                busy, j = pct(now[1] - prev[1]), pct(now[2] - prev[2])
                t = pct(sum(v - prev[3][k] for k, v in tools.items() if v is not None and prev[3].get(k) is not None))
                with open("/proc/loadavg") as f:
                    load = f.read().split()[:3]
                out.write(f"{now[0]:.0f} {' '.join(load)} busy={busy:.0f} jvm={j:.0f} tools={t:.0f} others={max(0.0, busy - j - t):.0f}\n")
            prev = now
            time.sleep(args.interval)


if __name__ == "__main__":
    main()
