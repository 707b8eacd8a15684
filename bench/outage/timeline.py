#!/usr/bin/env python3
"""Reads one outage run's sipp files and prints what the carrier saw, second by second and per phase.

Inputs (the directory of the carrier's sipp, -trace_stat -fd 1, -trace_rtt -rtt_freq 1, -trace_err):
  uac_stat.csv          per second: calls started (OutgoingCall(P)), ended well, failed, open
  *_rtt.csv             one row per answered call: the time its 200 came
  uac_errors.log        one entry per failed call: when, and the unexpected message (a 503, a 500...)
  events.txt            "<epoch seconds> <what>" lines the shell wrote as it stopped and started services

Prints the timeline (5-second rows), then one line per outage: calls answered while the service was down,
calls refused (503 and others), the first answer after it was back and how long that took, and a verdict.
Python 3 standard library only.
"""
import argparse
import csv
import glob
import os
import re
from datetime import datetime


def read_events(path):
    events = []
    with open(path) as f:
        for line in f:
            stamp, what = line.strip().split(" ", 1)
            events.append((float(stamp), what))
    return events


def read_answers(directory, started):
    """When each call's 200 came: sipp writes milliseconds since it started ("load-start")."""
    stamps = []
    for path in glob.glob(os.path.join(directory, "*_rtt.csv")):
        with open(path) as f:
            for row in f:
                fields = row.strip().split(";")
                if fields and re.match(r"^\d+(\.\d+)?$", fields[0]):
                    stamps.append(started + float(fields[0]) / 1000)
    return sorted(stamps)


ENTRY = re.compile(r"(?=\d{4}-\d\d-\d\d\t\d\d:\d\d:\d\d\.\d+\t\d+\.\d+: )")
STAMP = re.compile(r"\d{4}-\d\d-\d\d\t[\d:.]+\t(\d+\.\d+): (.*)", re.S)
RECEIVED = re.compile(r"received '(?:SIP/2\.0 (\d{3})|([A-Z]+) )")


def read_failures(path):
    """(epoch, what) per call sipp aborted: the answer that ended it ('503', '500'...) or what it was.

    sipp's error file runs its entries together (not one per line), each starting with a date, a time
    and epoch seconds; entries that do not abort a call (a wait that timed out on purpose) are skipped.
    """
    out = []
    if not os.path.exists(path):
        return out
    with open(path, errors="replace") as f:
        text = f.read()
    for entry in ENTRY.split(text):
        m = STAMP.match(entry)
        if not m or "Aborting call" not in m.group(2):
            continue
        got = RECEIVED.search(m.group(2))
        out.append((float(m.group(1)), (got.group(1) or got.group(2)) if got else "aborted"))
    return sorted(out)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("directory")
    p.add_argument("--rate", type=float, required=True)
    args = p.parse_args()

    events = read_events(os.path.join(args.directory, "events.txt"))
    t0 = next(t for t, what in events if what == "load-start")
    answers = read_answers(args.directory, t0)
    failures = read_failures(os.path.join(args.directory, "uac_errors.log"))
    end = next(t for t, what in events if what == "load-end")

    with open(os.path.join(args.directory, "uac_stat.csv")) as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    total = {k: int(rows[-1].get(k, 0) or 0) for k in ("OutgoingCall(C)", "SuccessfulCall(C)", "FailedCall(C)")} if rows else {}

    print("timeline (seconds since the load started; answered = 200s received; refused = failed calls by answer)")
    print("| from s | answered | refused 503 | other failures | events |")
    print("|---:|---:|---:|---:|---|")
    span = int(end - t0) + 30
    for start in range(0, span, 5):
        lo, hi = t0 + start, t0 + start + 5
        ans = sum(1 for t in answers if lo <= t < hi)
        r503 = sum(1 for t, w in failures if lo <= t < hi and w == "503")
        other = sum(1 for t, w in failures if lo <= t < hi and w != "503")
        marks = ", ".join(f"{w} at {t - t0:.1f}" for t, w in events if lo <= t < hi and w not in ("load-start", "load-end"))
        print(f"| {start} | {ans} | {r503} | {other} | {marks} |")

    print()
    verdicts = []
    downs = [(t, w.split("-", 1)[1]) for t, w in events if w.startswith("down-")]
    for down_at, service in downs:
        up_at = next(t for t, w in events if w == f"up-{service}" and t >= down_at)
        back_at = next((t for t, w in events if w == f"ready-{service}" and t >= up_at), up_at)
        window = [(t, w) for t, w in failures if down_at <= t < back_at + 5]
        refused = sum(1 for _, w in window if w == "503")
        other = [w for _, w in window if w != "503"]
        answered_down = sum(1 for t in answers if down_at <= t < back_at)
        first_after = next((t for t in answers if t >= back_at), None)
        recovered = first_after is not None and first_after - back_at <= 15
        offered = args.rate * (back_at - down_at)
        ok = recovered and not other
        verdicts.append(ok)
        print(f"{service}: down at {down_at - t0:.1f} s, started again at {up_at - t0:.1f} s, answering at {back_at - t0:.1f} s "
              f"({back_at - down_at:.1f} s out, ~{offered:.0f} calls offered meanwhile): {answered_down} calls answered while it was "
              f"out, {refused} refused with 503, {len(other)} other failures {sorted(set(other)) or ''}; first call answered "
              + (f"{first_after - back_at:.1f} s after it was back" if first_after else "never")
              + f" -> {'OK' if ok else 'MISSED'}")
    print()
    others = [w for _, w in failures if w != "503"]
    print(f"carrier totals: {total.get('OutgoingCall(C)', 0)} calls placed, {total.get('SuccessfulCall(C)', 0)} completed "
          f"(answered and hung up with BYE/200), {total.get('FailedCall(C)', 0)} failed "
          f"({sum(1 for _, w in failures if w == '503')} refused with 503, {len(others)} other {sorted(set(others)) or ''}), "
          f"{len(answers)} answered")
    print(f"first answer {datetime.utcfromtimestamp(answers[0]).strftime('%H:%M:%S') if answers else '-'} UTC, "
          f"load {end - t0:.0f} s at {args.rate:g} calls/s")
    raise SystemExit(0 if all(verdicts) and not others else 1)


if __name__ == "__main__":
    main()
