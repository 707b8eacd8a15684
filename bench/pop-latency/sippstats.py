#!/usr/bin/env python3
"""What a sipp run achieved, from its -trace_stat file (-stf, one cumulative row per -fd second).

  sippstats.py stat.csv [--from EPOCH --to EPOCH] [--json out.json]

Prints one line: calls placed, successful, failed (with sipp's failure counters that are not 0),
retransmissions, over the whole run, and over the window [--from, --to] (the rows nearest inside it):
calls placed per second there. Python 3 standard library only.
"""
import argparse
import csv
import json


def epoch(current_time):
    # sipp writes "YYYY-MM-DD<TAB>HH:MM:SS.micro<TAB>epoch.micro" in the CurrentTime column
    return float(current_time.split("\t")[-1])


def main():
    p = argparse.ArgumentParser()
    p.add_argument("stat")
    p.add_argument("--from", dest="start", type=float)
    p.add_argument("--to", dest="end", type=float)
    p.add_argument("--name", default="sipp")
    p.add_argument("--json")
    args = p.parse_args()
    rows = list(csv.DictReader(open(args.stat, encoding="utf-8", errors="replace"), delimiter=";"))
    if not rows:
        raise SystemExit(f"{args.stat}: no statistics rows")
    last = rows[-1]
    n = lambda row, key: int(float(row.get(key) or 0))  # noqa: E731
    calls = "OutgoingCall(C)" if n(last, "OutgoingCall(C)") or not n(last, "IncomingCall(C)") else "IncomingCall(C)"  # a UAS only receives
    out = {
        "placed": n(last, calls), "successful": n(last, "SuccessfulCall(C)"), "failed": n(last, "FailedCall(C)"),
        "retransmissions": n(last, "Retransmissions(C)"), "dead_calls": n(last, "DeadCallMsgs(C)"),
        "failures": {k[:-3]: n(last, k) for k in last if k.startswith("Failed") and k.endswith("(C)") and k != "FailedCall(C)" and n(last, k)},
    }
    line = (f"{args.name}: {out['placed']:,} calls {'placed' if calls.startswith('Out') else 'received'}, {out['successful']:,} successful, {out['failed']:,} failed"
            + (f" ({', '.join(f'{k} {v}' for k, v in out['failures'].items())})" if out["failures"] else "")
            + f", {out['retransmissions']:,} retransmissions")
    if args.start and args.end:
        inside = [r for r in rows if args.start <= epoch(r["CurrentTime"]) <= args.end]
        if len(inside) >= 2:
            a, b = inside[0], inside[-1]
            seconds = epoch(b["CurrentTime"]) - epoch(a["CurrentTime"])
            w = {"seconds": seconds, "placed": n(b, calls) - n(a, calls),
                 "successful": n(b, "SuccessfulCall(C)") - n(a, "SuccessfulCall(C)"), "failed": n(b, "FailedCall(C)") - n(a, "FailedCall(C)"),
                 "retransmissions": n(b, "Retransmissions(C)") - n(a, "Retransmissions(C)"),
                 "max_open": max(n(r, "CurrentCall") for r in inside)}
            w["placed_per_s"] = w["placed"] / seconds if seconds else 0.0
            out["window"] = w
            line += (f"; during the measurement ({seconds:.0f} s): {w['placed_per_s']:.1f} calls/s placed, {w['failed']:,} failed, "
                     f"{w['retransmissions']:,} retransmissions, at most {w['max_open']} open")
    print(line)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(out, f, indent=2)


if __name__ == "__main__":
    main()
