#!/usr/bin/env python3
"""Runs the stepped REGISTER load against a running CallDesk and prints the results table.

For every step one sipp process registers every seat of the injection file once (one sipp "call" =
REGISTER -> 401 -> REGISTER with digest -> 200, i.e. two REGISTER transactions) at a fixed call
rate. While it runs, the JVM's and sipp's CPU time are sampled from /proc/<pid>/stat and the whole
machine's from /proc/stat; before and after it the JVM's heap and GC counters are read with jstat.
Successful registrations are also counted on the server side, from the application log's
"Registered <aor>" lines (RegistrationLog), and must match sipp's count.

Steps are given in REGISTER requests per second; the call rate handed to sipp is half of that.
An unscored warm-up pass runs first (the JIT compiles the hot paths during it). A step is clean
when every seat registered (sipp and the server agree), no call failed and the achieved rate is at
least 95 % of the offered one; the table also shows retransmissions, and the summary's "highest
clean step" needs zero of them. A step that is not clean while other processes used more than
--disturbed % of a CPU is repeated once (both rows are shown), because the benchmark shares the
machine. The run stops after the first step that stays unclean: a higher rate would only fail
more, and failed digests count against the registrar's per-source throttle (30 a minute silence
127.0.0.1 for 5 minutes), which would poison every later step.

Python 3 standard library only; needs sipp and the JDK's jstat.
"""
import argparse
import os
import re
import subprocess
import sys
import threading
import time

CLK_TCK = os.sysconf("SC_CLK_TCK")


def proc_cpu_seconds(pid):
    """utime + stime of a process, in seconds (fields 14 and 15 of /proc/<pid>/stat)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def machine_busy_idle():
    with open("/proc/stat") as f:
        cpu = [int(x) for x in f.readline().split()[1:]]
    idle = cpu[3] + cpu[4]  # idle + iowait
    return sum(cpu) - idle, idle


class CpuSampler(threading.Thread):
    """Samples CPU of the JVM, of sipp and of the machine every `interval` seconds."""

    def __init__(self, jvm_pid, interval=0.5):
        super().__init__(daemon=True)
        self.jvm_pid = jvm_pid
        self.sipp_pid = None
        self.interval = interval
        self.stop_event = threading.Event()
        self.jvm_peak = 0.0
        self.sipp_peak = 0.0

    def run(self):
        last_t = time.monotonic()
        last_jvm = proc_cpu_seconds(self.jvm_pid)
        last_sipp = None
        while not self.stop_event.wait(self.interval):
            now = time.monotonic()
            dt = now - last_t
            try:
                jvm = proc_cpu_seconds(self.jvm_pid)
                self.jvm_peak = max(self.jvm_peak, 100 * (jvm - last_jvm) / dt)
                last_jvm = jvm
            except OSError:
                pass
            if self.sipp_pid:
                try:
                    sipp = proc_cpu_seconds(self.sipp_pid)
                    if last_sipp is not None:
                        self.sipp_peak = max(self.sipp_peak, 100 * (sipp - last_sipp) / dt)
                    last_sipp = sipp
                except OSError:
                    pass
            last_t = now

    def stop(self):
        self.stop_event.set()
        self.join(timeout=5)


def jstat_gc(pid):
    """Heap used/committed in MiB and young/full GC counts and times, from `jstat -gc`."""
    out = subprocess.run(["jstat", "-gc", str(pid)], capture_output=True, text=True, timeout=30).stdout.split("\n")
    head, vals = out[0].split(), [float(v) if v != "-" else 0.0 for v in out[1].split()]
    g = dict(zip(head, vals))
    used = g.get("S0U", 0) + g.get("S1U", 0) + g.get("EU", 0) + g.get("OU", 0)
    committed = g.get("S0C", 0) + g.get("S1C", 0) + g.get("EC", 0) + g.get("OC", 0)
    return {"used_mib": used / 1024, "committed_mib": committed / 1024, "old_mib": g.get("OU", 0) / 1024, "ygc": g.get("YGC", 0),
            "ygct": g.get("YGCT", 0), "fgc": g.get("FGC", 0), "fgct": g.get("FGCT", 0)}


def udp_socket(port):
    """Receive buffer size and drop counter of the UDP socket bound to port (from `ss -uamn`)."""
    out = subprocess.run(["ss", "-uamnH", f"sport = :{port}"], capture_output=True, text=True, timeout=10).stdout
    rb, d = re.search(r"rb(\d+)", out), re.search(r"\bd(\d+)", out)
    return (int(rb.group(1)) if rb else 0), (int(d.group(1)) if d else 0)


def udp_rcvbuf_errors():
    """System-wide UDP RcvbufErrors (every socket on the machine, sipp's included)."""
    with open("/proc/net/snmp") as f:
        rows = [l.split() for l in f if l.startswith("Udp:")]
    return int(dict(zip(rows[0][1:], rows[1][1:]))["RcvbufErrors"])


def epoch_of(stamp):
    """sipp time stamps look like '2026-11-25<TAB>16:10:32.999655<TAB>1795623032.999655'."""
    return float(stamp.split("\t")[-1])


def read_stat(path):
    with open(path, encoding="latin-1") as f:
        lines = [l.rstrip("\n") for l in f if l.strip()]
    header = lines[0].rstrip(";").split(";")
    rows = [dict(zip(header, l.rstrip(";").split(";"))) for l in lines[1:]]
    return header, rows


def percentile_bucket(header, last, fraction):
    """The response-time bucket (sipp's ResponseTimeRepartition1, whole ms) that holds the given fraction of calls."""
    buckets = [(h.split("_", 1)[1], int(last[h])) for h in header if h.startswith("ResponseTimeRepartition1_")]
    total = sum(c for _, c in buckets)
    acc = 0
    for bound, count in buckets:
        acc += count
        if total and acc >= fraction * total:
            return bound + " ms"
    return "-"


def count_registered(log_path, offset):
    """Counts 'Registered ' lines written to the application log since offset; returns (count, new offset)."""
    with open(log_path, "rb") as f:
        f.seek(offset)
        data = f.read()
    return len(re.findall(rb"TelephonyConfiguration\s*: Registered ", data)), offset + len(data)


def run_step(args, reg_rate, jvm_pid, tag, log_offset):
    call_rate = reg_rate / 2
    stat = os.path.join(args.work, f"{tag}_stat.csv")
    screen = os.path.join(args.work, f"{tag}_screen.log")
    errors = os.path.join(args.work, f"{tag}_errors.log")
    for p in (stat, screen, errors):
        if os.path.exists(p):
            os.remove(p)
    # bounded: the nominal duration plus the longest UDP retransmission cycle (~32 s) plus slack
    nominal = args.seats / call_rate
    limit = int(nominal * 3 + 45)
    cmd = ["sipp", f"{args.host}:{args.sip_port}", "-sf", args.scenario, "-inf", args.users,
           "-t", "u1", "-p", str(args.local_port), "-i", args.host,
           "-r", f"{call_rate:g}", "-rp", "1000", "-m", str(args.seats),
           "-buff_size", "1048576", "-nostdin", "-nd",
           "-trace_stat", "-stf", stat, "-fd", "1",
           "-trace_screen", "-screen_file", screen,
           "-trace_err", "-error_file", errors,
           "-timeout", f"{limit}s", "-timeout_error"]
    before_gc = jstat_gc(jvm_pid)
    rcvbuf, drops0 = udp_socket(args.sip_port)
    rcvbuf_errors0 = udp_rcvbuf_errors()
    sampler = CpuSampler(jvm_pid)
    sampler.start()
    jvm0, (busy0, idle0), t0 = proc_cpu_seconds(jvm_pid), machine_busy_idle(), time.monotonic()
    sipp_err = open(os.path.join(args.work, f"{tag}_stderr.log"), "w")
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=sipp_err)
    sampler.sipp_pid = proc.pid
    sipp_cpu = 0.0
    try:
        # sipp's own CPU: read it just before it exits by polling; the last good reading wins
        while proc.poll() is None and time.monotonic() - t0 < limit + 15:
            try:
                sipp_cpu = proc_cpu_seconds(proc.pid)
            except OSError:
                pass
            time.sleep(0.1)
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=15)
    finally:
        if proc.poll() is None:
            proc.kill()
        sipp_err.close()
    t1 = time.monotonic()
    jvm1, (busy1, idle1) = proc_cpu_seconds(jvm_pid), machine_busy_idle()
    sampler.stop()
    wall = t1 - t0
    if os.environ.get("REGBENCH_DEBUG"):
        print(f"debug: wall {wall:.2f} s, jvm {jvm1 - jvm0:.2f} s, sipp {sipp_cpu:.2f} s, machine busy {(busy1 - busy0) / CLK_TCK:.2f} s,"
              f" idle {(idle1 - idle0) / CLK_TCK:.2f} s", file=sys.stderr)
    # let the server drain, then read heap and the server-side count
    time.sleep(1)
    after_gc = jstat_gc(jvm_pid)
    drops1, rcvbuf_errors1 = udp_socket(args.sip_port)[1], udp_rcvbuf_errors()
    registered, log_offset = count_registered(args.app_log, log_offset)

    if not os.path.exists(stat):
        with open(sipp_err.name) as f:
            raise SystemExit(f"sipp wrote no statistics (exit {proc.returncode}): {f.read()[-2000:]}")
    header, rows = read_stat(stat)
    last = rows[-1]
    ok, failed = int(last["SuccessfulCall(C)"]), int(last["FailedCall(C)"])
    retrans = int(last["Retransmissions(C)"])
    retrans_seconds = sum(1 for r in rows if int(r["Retransmissions(P)"]) > 0)
    # achieved: successful registrations over the time from sipp's start to its last statistics
    # dump, which sipp writes when the last call has ended
    elapsed = epoch_of(last["CurrentTime"]) - epoch_of(last["StartTime"])
    achieved = ok / elapsed if elapsed > 0 else 0.0
    peak_open = max(int(r["CurrentCall"]) for r in rows)
    result = {
        "tag": tag, "target_reg": reg_rate, "target_calls": call_rate, "sent": int(last["OutgoingCall(C)"]),
        "ok": ok, "failed": failed, "retrans": retrans, "retrans_seconds": retrans_seconds,
        "elapsed": elapsed, "achieved_calls": achieved, "achieved_reg": 2 * achieved,
        "rtt_p50": percentile_bucket(header, last, 0.50), "rtt_p99": percentile_bucket(header, last, 0.99),
        "peak_open": peak_open,
        "jvm_cpu": 100 * (jvm1 - jvm0) / wall, "jvm_peak": sampler.jvm_peak,
        "sipp_cpu": 100 * sipp_cpu / wall, "sipp_peak": sampler.sipp_peak,
        "machine_busy": 100 * (busy1 - busy0) / max(1, (busy1 - busy0) + (idle1 - idle0)),
        # everything else on the machine (the lead's builds, other services), in % of one CPU
        "others_cpu": max(0.0, 100 * ((busy1 - busy0) / CLK_TCK - (jvm1 - jvm0) - sipp_cpu) / wall),
        "heap_after": after_gc["used_mib"], "heap_committed": after_gc["committed_mib"], "old_after": after_gc["old_mib"],
        "ygc": int(after_gc["ygc"] - before_gc["ygc"]), "gc_ms": 1000 * (after_gc["ygct"] - before_gc["ygct"]
                                                                       + after_gc["fgct"] - before_gc["fgct"]),
        "fgc": int(after_gc["fgc"] - before_gc["fgc"]),
        "server_registered": registered, "sipp_exit": proc.returncode,
        "app_drops": drops1 - drops0, "all_drops": rcvbuf_errors1 - rcvbuf_errors0, "app_rcvbuf": rcvbuf,
        "failure_kinds": {k[6:-3]: int(v) for k, v in last.items()
                          if k.startswith("Failed") and k.endswith("(C)") and k != "FailedCall(C)" and int(v)},
    }
    return result, log_offset


def print_table(results, out):
    print("| step | offered REGISTER/s | sipp -r (registrations/s) | ok | failed | retransmissions (seconds with any) "
          "| achieved registrations/s | achieved REGISTER/s | registration time p50 / p99 | peak open "
          "| JVM CPU % avg / peak | sipp CPU % avg / peak | other processes CPU % | heap used / old gen / committed MiB after "
          "| young GCs (pause ms) | UDP drops: app socket / whole machine | server-side `Registered` lines |", file=out)
    print("|" + "---|" * 17, file=out)
    for r in results:
        print(f"| {r['label']} | {r['target_reg']:,} | {r['target_calls']:,.0f} | {r['ok']:,} | {r['failed']:,} "
              f"| {r['retrans']:,} ({r['retrans_seconds']}) | {r['achieved_calls']:,.0f} | {r['achieved_reg']:,.0f} "
              f"| {r['rtt_p50']} / {r['rtt_p99']} | {r['peak_open']:,} "
              f"| {r['jvm_cpu']:.0f} / {r['jvm_peak']:.0f} | {r['sipp_cpu']:.0f} / {r['sipp_peak']:.0f} | {r['others_cpu']:.0f} "
              f"| {r['heap_after']:,.0f} / {r['old_after']:,.0f} / {r['heap_committed']:,.0f} "
              f"| {r['ygc']} ({r['gc_ms']:.0f}) | {r['app_drops']:,} / {r['all_drops']:,} | {r['server_registered']:,} |", file=out)
    if results:
        print(f"\nThe app's SIP socket has a receive buffer of {results[0]['app_rcvbuf']:,} bytes (`ss -uamn`, rb).", file=out)


def clean(r, args):
    """Every seat registered (sipp and server agree), no failed call, the offered rate reached."""
    return (r["failed"] == 0 and r["ok"] == args.seats and r["server_registered"] == args.seats
            and r["achieved_calls"] >= 0.95 * r["target_calls"])


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--jvm-pid", type=int, required=True)
    p.add_argument("--app-log", required=True)
    p.add_argument("--users", required=True, help="sipp injection file (SEQUENTIAL, user;password)")
    p.add_argument("--scenario", required=True)
    p.add_argument("--work", required=True, help="directory for sipp's statistics and screens")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--sip-port", type=int, default=5091)
    p.add_argument("--local-port", type=int, default=5071,
                   help="sipp's fixed UDP port: every step re-registers the same Contact, so bindings are replaced")
    p.add_argument("--seats", type=int, default=10000)
    p.add_argument("--warmup", type=int, default=500, help="REGISTER/s of an unscored first pass (JIT warm-up); 0 skips it")
    p.add_argument("--steps", default="500,1000,2000,3000,4000,5000,6000,7000,10000", help="REGISTER requests per second")
    p.add_argument("--pause", type=float, default=5, help="seconds between steps")
    p.add_argument("--keep-going", action="store_true", help="do not stop after the first unclean step")
    p.add_argument("--disturbed", type=float, default=20,
                   help="other processes using more than this %% of one CPU during a step make it 'disturbed'")
    p.add_argument("--no-repeat", dest="repeat_disturbed", action="store_false",
                   help="do not repeat a disturbed step that was not clean (by default it is repeated once)")
    args = p.parse_args()

    os.makedirs(args.work, exist_ok=True)
    steps = [int(s) for s in args.steps.replace(" ", ",").split(",") if s]
    plan = ([("warm-up", args.warmup)] if args.warmup > 0 else []) + [(str(i), r) for i, r in enumerate(steps, 1)]
    results = []
    with open(args.app_log, "rb") as f:
        log_offset = len(f.read())
    n = 0
    retried = set()
    while n < len(plan):
        label, rate = plan[n]
        again = label in retried
        r, log_offset = run_step(args, rate, args.jvm_pid, f"{n:02d}_{rate}{'_retry' if again else ''}", log_offset)
        r["label"] = label + (" (repeat)" if again else "")
        results.append(r)
        kinds = ", ".join(f"{k} {v}" for k, v in r["failure_kinds"].items()) or "none"
        print(f"step {label}: {rate} REGISTER/s offered -> ok {r['ok']}, failed {r['failed']} ({kinds}), "
              f"retransmissions {r['retrans']}, achieved {r['achieved_reg']:.0f} REGISTER/s, JVM CPU {r['jvm_cpu']:.0f} %, "
              f"sipp CPU {r['sipp_cpu']:.0f} %, others {r['others_cpu']:.0f} %, UDP drops at the app {r['app_drops']}, "
              f"server 'Registered' {r['server_registered']}",
              file=sys.stderr, flush=True)
        disturbed = r["others_cpu"] > args.disturbed
        digest_failures = r["failure_kinds"].get("UnexpectedMessage", 0) > 0
        if ((not clean(r, args) or r["retrans"] > 0) and disturbed and not digest_failures and label != "warm-up"
                and label not in retried and args.repeat_disturbed):
            retried.add(label)
            print(f"step {label} was not clean while other processes used {r['others_cpu']:.0f} % of a CPU; "
                  f"repeating it once after {2 * args.pause:g} s", file=sys.stderr, flush=True)
            time.sleep(2 * args.pause)
            continue
        warm_up_only_slow = label == "warm-up" and r["failed"] == 0 and r["ok"] == args.seats
        if not clean(r, args) and not args.keep_going and not warm_up_only_slow:
            print(f"step {label} was not clean; stopping here (failed digests feed the registrar's per-source throttle, "
                  "and a higher rate would only fail more)", file=sys.stderr)
            break
        n += 1
        if n < len(plan):
            time.sleep(args.pause)

    print()
    print_table(results, sys.stdout)
    print()
    scored = [r for r in results if r["label"] != "warm-up"]
    best = [r for r in scored if clean(r, args) and r["retrans"] == 0]
    if best:
        b = max(best, key=lambda r: r["achieved_reg"])
        print(f"Highest clean step (every seat registered, 0 failed, 0 retransmissions, >= 95 % of the offered rate): "
              f"step {b['label']}, {b['achieved_reg']:,.0f} REGISTER/s = {b['achieved_calls']:,.0f} registrations/s "
              f"(target >= 5,000 REGISTER/s: {'met' if b['achieved_reg'] >= 5000 else 'not met'})")
    else:
        print("No clean step.")
    no_fail = [r for r in scored if clean(r, args)]
    if no_fail:
        b = max(no_fail, key=lambda r: r["achieved_reg"])
        print(f"Highest step without failures (retransmissions allowed): step {b['label']}, "
              f"{b['achieved_reg']:,.0f} REGISTER/s with {b['retrans']:,} retransmissions")
    sys.stdout.flush()
    return 0 if best else 1


if __name__ == "__main__":
    sys.exit(main())
