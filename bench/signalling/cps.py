#!/usr/bin/env python3
"""Runs the stepped call load (calls per second) against CallDesk or Kamailio and prints the table.

Every step is one sipp UAC (the carrier, uac.xml) sending SIGBENCH_DURATION x rate calls at a fixed
rate (-r, -rp 1000) to the system under test, and one sipp UAS (uas.xml, the agents' phone that every
seat / the Kamailio AoR is registered at) answering them. A call is INVITE -> [100] [180] 200 -> ACK
-> hold (-d) -> BYE -> 200. Per step it reports:

  * calls: sent, successful and failed at the carrier (sipp's counters), and at the phone;
  * retransmissions: the carrier's (sipp's count: its INVITE retransmissions and the repeated 200s it
    received and ACKed again; plus its repeated BYEs, from -trace_counts), the phone's (200s repeated for want of an ACK, from
    -trace_counts, plus sipp's count) and the INVITEs the system under test repeated to the phone;
  * achieved CPS: answered calls over the time between the first and the last answer (sipp -trace_rtt);
  * INVITE -> 200 response time p50 / p90 / p99 / max in ms, from every call's rtd (-trace_rtt, 1 ms);
  * peak calls open at the carrier;
  * CPU (utime+stime from /proc, 100 % = one CPU) of the system under test (the JVM, or all Kamailio
    processes), of the two sipps and of everything else on the machine (/proc/stat busy time minus those);
  * for CallDesk: heap used / old gen / committed after the step and young GCs with their pause time
    (jstat -gc), threads (/proc/<pid>/status), kernel drops on the SIP socket (ss -uamn), and a thread
    dump taken at the middle of the step, summarised as the top CallDesk frame of each SIP worker thread.

A step is clean when every call it sent succeeded at the carrier (0 failed, 0 calls left open; the
phone's failures are shown beside, not counted: with sipp as the phone they include sipp's own races,
such as an ACK crossing a repeated 200) and the achieved rate is at least 95 % of the offered one; retransmissions are reported and
do not make a step unclean (the summary says whether the highest clean step had any). A step that is
not clean while other processes used more than --disturbed % of a CPU is repeated once (both rows are
shown) when the deadline allows. The run stops after the first step that stays unclean, and skips steps
the deadline (--deadline, Unix time) leaves no room for.

Writes a JSON summary (--json) for signalling.sh's comparison. Python 3 standard library, sipp, and
the JDK's jstat/jcmd for CallDesk.
"""
import argparse
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "register"))
from steps import (CLK_TCK, jstat_gc, machine_busy_idle, proc_cpu_seconds, read_stat,  # noqa: E402
                   udp_rcvbuf_errors, udp_socket)  # bench/register/steps.py


def pids_cpu(pids):
    total = 0.0
    for pid in pids:
        try:
            total += proc_cpu_seconds(pid)
        except OSError:
            pass
    return total


def kamailio_pids(main_pid):
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(main_pid)], capture_output=True, text=True).stdout
    return [main_pid] + [int(p) for p in out.split()]


def threads_of(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("Threads:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class Peak(threading.Thread):
    """Samples the CPU of the system under test every 0.5 s for its peak."""

    def __init__(self, pids):
        super().__init__(daemon=True)
        self.pids = pids
        self.peak = 0.0
        self.stop_event = threading.Event()

    def run(self):
        last_t, last = time.monotonic(), pids_cpu(self.pids)
        while not self.stop_event.wait(0.5):
            now, cpu = time.monotonic(), pids_cpu(self.pids)
            self.peak = max(self.peak, 100 * (cpu - last) / (now - last_t))
            last_t, last = now, cpu

    def stop(self):
        self.stop_event.set()
        self.join(timeout=5)


def last_row(path):
    if not os.path.exists(path):
        return None, []
    header, rows = read_stat(path)
    return (rows[-1] if rows else None), rows


def percentiles(rtt_files):
    """Every call's INVITE->200 time (ms) and the times the 200s arrived (ms since sipp started)."""
    times, stamps = [], []
    for path in rtt_files:
        with open(path) as f:
            next(f, None)
            for line in f:
                parts = line.strip().split(";")
                if len(parts) >= 2:
                    try:
                        stamps.append(float(parts[0]))
                        times.append(float(parts[1]))
                    except ValueError:
                        pass
    times.sort()

    def pct(q):
        if not times:
            return None
        return times[min(len(times) - 1, int(q * len(times)))]
    return {"p50": pct(0.50), "p90": pct(0.90), "p99": pct(0.99), "max": times[-1] if times else None,
            "answered": len(times), "first": min(stamps) if stamps else None, "last": max(stamps) if stamps else None}


def summarise_dump(path):
    """SIP worker threads of a thread dump by state and top CallDesk (or H2/MyBatis) frame."""
    try:
        with open(path, errors="replace") as f:
            text = f.read()
    except OSError:
        return ""
    counts = {}
    for block in text.split("\n\n"):
        if "UDPMessageChannelThread" not in block:
            continue
        state = re.search(r"java.lang.Thread.State: (\w+)", block)
        state = state.group(1) if state else "?"
        frame = "(stack idle)"
        for line in block.splitlines():
            m = re.match(r"\s+at ((com\.calldesk|org\.h2|com\.baomidou|org\.apache\.ibatis|com\.zaxxer)[\w.$]*)\(([^)]*)\)", line)
            if m:
                frame = m.group(1).replace("com.calldesk.", "") + ":" + m.group(3).split(":")[-1]
                break
        if state in ("WAITING", "TIMED_WAITING") and frame == "(stack idle)":
            frame = "(waiting for work)"
        key = f"{state} {frame}"
        counts[key] = counts.get(key, 0) + 1
    return "; ".join(f"{n} {k}" for k, n in sorted(counts.items(), key=lambda kv: -kv[1])[:5])


LIVE = set()  # sipp processes of the current step, killed if we are told to stop


def run_sipp(cmd, cwd, log):
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=open(log, "w"), start_new_session=True)
    LIVE.add(proc)
    return proc


def on_signal(signum, _frame):
    for proc in list(LIVE):
        if proc.poll() is None:
            proc.kill()
    raise SystemExit(f"stopped by signal {signum}")


def stop_proc(proc, grace):
    """Waits up to grace s for sipp to end by itself, then SIGUSR1 (finish open calls and quit), then kills it."""
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        for sig, wait in ((signal.SIGUSR1, 5), (signal.SIGTERM, 3), (signal.SIGKILL, 3)):
            try:
                proc.send_signal(sig)
                proc.wait(timeout=wait)
                break
            except (subprocess.TimeoutExpired, ProcessLookupError):
                continue
    LIVE.discard(proc)


def run_step(args, rate, tag, jvm_pid, sut_pids, seconds=None):
    seconds = seconds or args.duration
    calls = int(round(rate * seconds))
    step_dir = os.path.join(args.work, tag)
    os.makedirs(step_dir, exist_ok=True)
    hold_s = args.hold_ms / 1000
    limit = int(seconds + hold_s + args.recv_timeout / 1000 + 30)
    common = ["-i", args.host, "-buff_size", "4194304", "-nostdin", "-trace_stat", "-fd", "1", "-trace_err"]
    # no -m for the phone: a stray message from the previous step (a late BYE retransmission) would
    # count as one of its calls and it would quit before the carrier's last call
    uas_cmd = ["sipp", "-sf", args.uas_scenario, "-p", str(args.uas_port), "-trace_counts",
               "-stf", "uas_stat.csv", "-error_file", "uas_errors.log", "-timeout", f"{limit + 10}s"] + common
    uac_cmd = ["sipp", f"{args.host}:{args.port}", "-sf", args.uac_scenario, "-inf", args.numbers,
               "-p", str(args.uac_port), "-r", f"{rate:g}", "-rp", "1000", "-m", str(calls), "-l", str(max(1000, calls)),
               "-recv_timeout", str(args.recv_timeout), "-stf", "uac_stat.csv",
               "-error_file", "uac_errors.log", "-trace_rtt", "-rtt_freq", "1", "-trace_counts",
               "-timeout", f"{limit}s", "-timeout_error"] + common
    gc0 = jstat_gc(jvm_pid) if jvm_pid else None
    drops0 = udp_socket(args.port)[1]
    rcv0 = udp_rcvbuf_errors()
    uas = run_sipp(uas_cmd, step_dir, os.path.join(step_dir, "uas_stderr.log"))
    time.sleep(0.5)
    peak = Peak(sut_pids)
    peak.start()
    sut0, (busy0, idle0), t0 = pids_cpu(sut_pids), machine_busy_idle(), time.monotonic()
    uac = run_sipp(uac_cmd, step_dir, os.path.join(step_dir, "uac_stderr.log"))
    sipp_cpu = {}
    dumped = False
    while uac.poll() is None and time.monotonic() - t0 < limit + 15:
        for name, proc in (("uac", uac), ("uas", uas)):
            try:
                sipp_cpu[name] = proc_cpu_seconds(proc.pid)
            except OSError:
                pass
        if jvm_pid and not dumped and time.monotonic() - t0 >= seconds / 2:
            dumped = True
            with open(os.path.join(step_dir, "threads.txt"), "w") as out:
                subprocess.run(["jcmd", str(jvm_pid), "Thread.print"], stdout=out, stderr=subprocess.DEVNULL, timeout=20)
        time.sleep(0.2)
    stop_proc(uac, 1)
    t1 = time.monotonic()
    sut1, (busy1, idle1) = pids_cpu(sut_pids), machine_busy_idle()
    peak.stop()
    # the phone's last calls end one timewait (2 s) after their BYE; then it is told to quit
    time.sleep(3)
    stop_proc(uas, 0.1)
    wall = t1 - t0
    gc1 = jstat_gc(jvm_pid) if jvm_pid else None
    drops1 = udp_socket(args.port)[1]
    rcv1 = udp_rcvbuf_errors()

    uac_last, uac_rows = last_row(os.path.join(step_dir, "uac_stat.csv"))
    uas_last, _ = last_row(os.path.join(step_dir, "uas_stat.csv"))
    if uac_last is None:
        with open(os.path.join(step_dir, "uac_stderr.log")) as f:
            raise SystemExit(f"sipp (uac) wrote no statistics (exit {uac.returncode}): {f.read()[-2000:]}")
    rtt = percentiles([os.path.join(step_dir, f) for f in os.listdir(step_dir) if f.endswith("_rtt.csv")])
    # the phone's per-message counts (-trace_counts): 200s repeated for want of an ACK, and INVITEs
    # that arrived again (retransmitted by the system under test) after the phone had answered
    phone_200_repeats = invites_again = 0
    counts = [f for f in os.listdir(step_dir) if f.startswith("uas_") and f.endswith("_counts.csv")]
    if counts:
        last, _ = last_row(os.path.join(step_dir, counts[0]))
        if last:
            def col(suffix):
                return sum(int(v or 0) for k, v in last.items() if k.endswith(suffix))
            phone_200_repeats = max(0, int(last.get("2_200_Sent", 0) or 0) - int(last.get("0_INVITE_Recv", 0) or 0))
            invites_again = sum(int(v or 0) for k, v in last.items() if k.endswith("_INVITE_Recv") and not k.startswith("0_"))

    def n(row, key):
        return int(row.get(key, 0) or 0) if row else 0
    sent, ok, failed = n(uac_last, "OutgoingCall(C)"), n(uac_last, "SuccessfulCall(C)"), n(uac_last, "FailedCall(C)")
    kinds = {k[6:-3]: int(v) for k, v in uac_last.items()
             if k.startswith("Failed") and k.endswith("(C)") and k != "FailedCall(C)" and v and int(v)}
    # which final answers the failed calls got (sipp's error log quotes the unexpected message)
    answers = {}
    err = os.path.join(step_dir, "uac_errors.log")
    if os.path.exists(err):
        with open(err, errors="replace") as f:
            for m in re.finditer(r"Aborting call on unexpected message for Call-Id '[^']*': while ([^,]*), received '(SIP/2\.0 \d{3}|[A-Z]+ )", f.read()):
                what = m.group(2).replace("SIP/2.0 ", "").strip()
                answers[what] = answers.get(what, 0) + 1
    # the carrier's BYEs repeated for want of a 200 (uac.xml repeats them itself, see there)
    bye_repeats = 0
    counts = [f for f in os.listdir(step_dir) if f.startswith("uac_") and f.endswith("_counts.csv")]
    if counts:
        last, _ = last_row(os.path.join(step_dir, counts[0]))
        if last:
            byes = sum(int(v or 0) for k, v in last.items() if k.endswith("_BYE_Sent"))
            bye_repeats = max(0, byes - ok)
    span = (rtt["last"] - rtt["first"]) / 1000 if rtt["answered"] > 1 else 0
    achieved = (ok / (span + 1 / rate)) if span > 0 else 0.0
    sipp_total = sum(sipp_cpu.values())
    r = {
        "tag": tag, "rate": rate, "seconds": seconds, "calls": calls, "sent": sent, "ok": ok, "failed": failed,
        "open_at_end": max(0, sent - ok - failed), "failure_kinds": kinds, "failure_answers": answers,
        "uas_in": n(uas_last, "IncomingCall(C)"), "uas_ok": n(uas_last, "SuccessfulCall(C)"), "uas_failed": n(uas_last, "FailedCall(C)"),
        "retrans_uac": n(uac_last, "Retransmissions(C)") + bye_repeats, "retrans_uas": n(uas_last, "Retransmissions(C)") + phone_200_repeats,
        "invites_again": invites_again,
        "retrans_seconds": sum(1 for row in uac_rows if int(row.get("Retransmissions(P)", 0) or 0) > 0),
        "achieved": achieved, "rtt": rtt,
        "peak_open": max(int(row.get("CurrentCall", 0) or 0) for row in uac_rows),
        "sut_cpu": 100 * (sut1 - sut0) / wall, "sut_peak": peak.peak, "sipp_cpu": 100 * sipp_total / wall,
        "others_cpu": max(0.0, 100 * ((busy1 - busy0) / CLK_TCK - (sut1 - sut0) - sipp_total) / wall),
        "load": open("/proc/loadavg").read().split()[0],
        "udp_drops": drops1 - drops0, "all_drops": rcv1 - rcv0, "wall": wall,
    }
    if jvm_pid:
        r.update({"heap": gc1["used_mib"], "old": gc1["old_mib"], "committed": gc1["committed_mib"],
                  "ygc": int(gc1["ygc"] - gc0["ygc"]), "fgc": int(gc1["fgc"] - gc0["fgc"]),
                  "gc_ms": 1000 * (gc1["ygct"] - gc0["ygct"] + gc1["fgct"] - gc0["fgct"]),
                  "threads": threads_of(jvm_pid), "dump": summarise_dump(os.path.join(step_dir, "threads.txt"))})
    # clean as the customers (the carrier) saw it; the phone's failures are shown beside it (with sipp as the
    # phone they include races of sipp's own, e.g. an ACK that crosses a repeated 200)
    r["clean"] = (failed == 0 and ok == calls and r["open_at_end"] == 0 and achieved >= 0.95 * rate)
    return r


def fmt_ms(v):
    return "-" if v is None else f"{v:,.0f}"


def print_table(name, results, jvm):
    print(f"| step | offered CPS | calls | ok | failed | answers / kinds of failures | phone ok / failed | retransmissions: carrier / phone / INVITEs repeated to the phone (seconds with carrier retransmissions) "
          f"| achieved CPS | INVITE->200 ms p50 / p90 / p99 / max | peak open | {name} CPU % avg / peak | sipp CPU % | other processes CPU % | load avg "
          + ("| heap used / old / committed MiB | young GCs (pause ms) | threads | SIP socket drops |" if jvm else "| UDP drops (machine) |"))
    print("|" + "---|" * (18 if jvm else 15))
    for r in results:
        why = ", ".join([f"{k} x{v}" for k, v in r["failure_answers"].items()] + [f"{k} {v}" for k, v in r["failure_kinds"].items()]) or "-"
        rt = r["rtt"]
        line = (f"| {r['label']} | {r['rate']:g} | {r['calls']:,} | {r['ok']:,} | {r['failed']:,}"
                + (f" (+{r['open_at_end']} open)" if r["open_at_end"] else "")
                + f" | {why} | {r['uas_ok']:,} / {r['uas_failed']:,} | {r['retrans_uac']:,} / {r['retrans_uas']:,} / {r['invites_again']:,} ({r['retrans_seconds']})"
                f" | {r['achieved']:,.0f} | {fmt_ms(rt['p50'])} / {fmt_ms(rt['p90'])} / {fmt_ms(rt['p99'])} / {fmt_ms(rt['max'])}"
                f" | {r['peak_open']:,} | {r['sut_cpu']:.0f} / {r['sut_peak']:.0f} | {r['sipp_cpu']:.0f} | {r['others_cpu']:.0f} | {r['load']} |")
        if jvm:
            line += (f" {r['heap']:,.0f} / {r['old']:,.0f} / {r['committed']:,.0f} | {r['ygc']}{'+' + str(r['fgc']) + ' full' if r['fgc'] else ''}"
                     f" ({r['gc_ms']:.0f}) | {r['threads']} | {r['udp_drops']:,} |")
        else:
            line += f" {r['all_drops']:,} |"
        print(line)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--name", required=True, help="CallDesk or Kamailio (labels only)")
    p.add_argument("--jvm-pid", type=int, help="CallDesk's JVM: jstat, jcmd, threads")
    p.add_argument("--kamailio-pid", type=int, help="Kamailio's main process: CPU of it and its children")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True, help="SIP port of the system under test")
    p.add_argument("--uac-port", type=int, required=True)
    p.add_argument("--uas-port", type=int, required=True)
    p.add_argument("--numbers", required=True, help="the carrier's -inf file")
    p.add_argument("--uac-scenario", required=True)
    p.add_argument("--uas-scenario", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--steps", default="100,200,300,500,700,1000")
    p.add_argument("--duration", type=float, default=60)
    p.add_argument("--hold-ms", type=int, default=1000)
    p.add_argument("--recv-timeout", type=int, default=20000, help="ms a call waits for any expected message before it fails")
    p.add_argument("--warmup", default="", help="RATE:SECONDS of an unscored first step (JIT warm-up); empty = none")
    p.add_argument("--pause", type=float, default=3)
    p.add_argument("--disturbed", type=float, default=30)
    p.add_argument("--deadline", type=float, default=0, help="Unix time after which no step starts that would not end before it")
    p.add_argument("--overload", default="", help="after the steps, offer these multiples of the highest clean step (e.g. 2,4)")
    p.add_argument("--overload-seconds", type=float, default=30)
    p.add_argument("--json", required=True)
    p.add_argument("--pidfile", help="file to write this process's id to (signalling.sh's exit trap stops it)")
    args = p.parse_args()
    if args.pidfile:
        with open(args.pidfile, "w") as f:
            f.write(str(os.getpid()))
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    for name in ("numbers", "uac_scenario", "uas_scenario", "work", "json"):
        setattr(args, name, os.path.abspath(getattr(args, name)))  # sipp runs in each step's directory

    os.makedirs(args.work, exist_ok=True)
    with open(args.uac_scenario) as f:
        scenario = f.read().replace("@HOLD_MS@", str(args.hold_ms))
    args.uac_scenario = os.path.join(args.work, "uac.xml")
    with open(args.uac_scenario, "w") as f:
        f.write(scenario)
    jvm = args.jvm_pid
    sut = [jvm] if jvm else kamailio_pids(args.kamailio_pid)
    plan = []
    if args.warmup:
        wr, ws = args.warmup.split(":")
        plan.append(("warm-up", float(wr), float(ws)))
    plan += [(str(i), float(s), args.duration) for i, s in enumerate(x for x in args.steps.replace(" ", ",").split(",") if x)]
    plan = [(label if label == "warm-up" else str(int(label) + 1), rate, secs) for label, rate, secs in plan]
    results, skipped, retried, overload = [], [], set(), []
    stopped = None
    i = 0
    try:
        while i < len(plan):
            label, rate, secs = plan[i]
            # the longest a step can take: its calls, the hold, a call waiting out --recv-timeout, the drain
            need = secs + args.hold_ms / 1000 + args.recv_timeout / 1000 + 20
            if args.deadline and time.time() + need > args.deadline:
                skipped = [f"{r:g}" + (" (the repeat)" if l in retried else "") for l, r, _ in plan[i:] if l != "warm-up"]
                print(f"{args.name}: no time left in the budget for {', '.join(skipped)} CPS; skipped", file=sys.stderr, flush=True)
                break
            again = label in retried
            tag = f"{i:02d}_{rate:g}cps{'_repeat' if again else ''}"
            r = run_step(args, rate, tag, jvm, sut, secs)
            r["label"] = label + (" (repeat)" if again else "")
            results.append(r)
            print(f"{args.name} step {r['label']}: {rate:g} CPS x {secs:g} s -> ok {r['ok']}/{r['calls']}, failed {r['failed']} "
                  f"{r['failure_answers'] or ''}{r['failure_kinds'] or ''}, open {r['open_at_end']}, phone failed {r['uas_failed']}, "
                  f"retrans {r['retrans_uac']}/{r['retrans_uas']}/{r['invites_again']}, achieved {r['achieved']:.0f} CPS, INVITE->200 p50 {fmt_ms(r['rtt']['p50'])} "
                  f"p99 {fmt_ms(r['rtt']['p99'])} ms, {args.name} CPU {r['sut_cpu']:.0f} %, sipp {r['sipp_cpu']:.0f} %, "
                  f"others {r['others_cpu']:.0f} %" + (f", heap {r['heap']:.0f} MiB, threads {r['threads']}" if jvm else "")
                  + (f"\n    SIP threads at mid-step: {r['dump']}" if jvm and r.get("dump") else ""), file=sys.stderr, flush=True)
            if label != "warm-up" and not r["clean"] and r["others_cpu"] > args.disturbed and label not in retried:
                retried.add(label)
                print(f"step {label} was not clean while other processes used {r['others_cpu']:.0f} % of a CPU; repeating it once",
                      file=sys.stderr, flush=True)
                time.sleep(2 * args.pause)
                continue
            if label != "warm-up" and not r["clean"]:
                stopped = label
                skipped = [f"{r2:g}" for l2, r2, _ in plan[i + 1:]]
                break
            i += 1
            time.sleep(args.pause)
        best_now = max((r for r in results if r["label"] != "warm-up" and r["clean"]), key=lambda r: r["rate"], default=None)
        for factor in [float(x) for x in args.overload.split(",") if x.strip()] if best_now else []:
            rate = factor * best_now["rate"]
            need = args.overload_seconds + args.hold_ms / 1000 + args.recv_timeout / 1000 + 20
            if args.deadline and time.time() + need > args.deadline:
                print(f"{args.name}: no time left in the budget for the {factor:g}x overload step; skipped", file=sys.stderr, flush=True)
                break
            time.sleep(2 * args.pause)
            r = run_step(args, rate, f"overload_{factor:g}x", jvm, sut, args.overload_seconds)
            r["label"] = f"{factor:g}x overload"
            refused = int(r["failure_answers"].get("503", 0))
            r["overload"] = {"factor": factor, "capacity": best_now["rate"], "goodput": r["ok"] / args.overload_seconds,
                             "refused_503": refused, "other_failures": r["failed"] - refused, "open": r["open_at_end"]}
            o = r["overload"]
            o["met"] = o["goodput"] >= 0.9 * o["capacity"] and o["other_failures"] == 0 and o["open"] == 0
            overload.append(r)
            print(f"{args.name} {r['label']}: {rate:g} CPS offered x {args.overload_seconds:g} s -> {r['ok']:,} calls completed "
                  f"({o['goodput']:,.0f}/s = {100 * o['goodput'] / o['capacity']:.0f} % of the clean {o['capacity']:g}), "
                  f"{refused:,} refused with 503, {o['other_failures']:,} other failures {r['failure_kinds'] or ''}, open {o['open']}, "
                  f"INVITE->200 p99 {fmt_ms(r['rtt']['p99'])} ms, {args.name} CPU {r['sut_cpu']:.0f} % -> "
                  f"{'no collapse' if o['met'] else 'MISSED (goodput < 90 % of capacity, or failures other than 503)'}",
                  file=sys.stderr, flush=True)

    finally:
        # also when stopped by a signal (timeout, Ctrl-C): what was measured is still reported
        print()
        print_table(args.name, results, bool(jvm))
        if jvm and any(r.get("dump") for r in results):
            print()
            print("SIP worker threads (32) in the thread dump taken at the middle of each step, by state and top CallDesk/H2/MyBatis frame:")
            for r in results:
                print(f"- step {r['label']} ({r['rate']:g} CPS): {r.get('dump') or '-'}")
        scored = [r for r in results if r["label"] != "warm-up"]
        best = max((r for r in scored if r["clean"]), key=lambda r: r["rate"], default=None)
        print()
        if best:
            print(f"{args.name}: highest clean step {best['rate']:g} CPS offered, {best['achieved']:,.0f} achieved, 0 failed, "
                  f"retransmissions {best['retrans_uac']:,} (carrier) / {best['retrans_uas']:,} (phone)")
        else:
            print(f"{args.name}: no clean step")
        if stopped:
            print(f"{args.name}: stopped after step {stopped}, which was not clean" + (f"; not run: {', '.join(skipped)} CPS" if skipped else ""))
        elif skipped:
            print(f"{args.name}: not run for lack of budget: {', '.join(skipped)} CPS")
        with open(args.json, "w") as f:
            json.dump({"name": args.name, "best": best, "results": results, "skipped": skipped, "stopped": stopped, "overload": overload},
                      f, default=str)
        if overload:
            print()
            print(f"{args.name} under overload (offered a multiple of the highest clean step; every call beyond what is served must get 503 at once):")
            print("| offered | CPS offered | completed calls | goodput CPS | % of clean capacity | refused with 503 | other failures | open | INVITE->200 p99 ms | CPU % | verdict |")
            print("|---|---|---|---|---|---|---|---|---|---|---|")
            for r in overload:
                o = r["overload"]
                print(f"| {o['factor']:g}x | {r['rate']:g} | {r['ok']:,} | {o['goodput']:,.0f} | {100 * o['goodput'] / o['capacity']:.0f} | "
                      f"{o['refused_503']:,} | {o['other_failures']:,} | {o['open']} | {fmt_ms(r['rtt']['p99'])} | {r['sut_cpu']:.0f} | "
                      f"{'no collapse' if o['met'] else 'missed'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
