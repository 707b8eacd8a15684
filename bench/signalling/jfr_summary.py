#!/usr/bin/env python3
"""Summarises a Java Flight Recorder file of CallDesk: where the SIP worker threads spend their CPU.

Reads `jfr print --events jdk.ExecutionSample --stack-depth 96 FILE` and prints, over the samples of
the JAIN-SIP worker threads (UDPMessageChannelThread), the share of samples whose stack contains
each of a list of CallDesk, MyBatis, H2 and JAIN-SIP frames (inclusive), then the top self frames.
Used by signalling.sh when SIGBENCH_PROFILE=1. Python 3 standard library and the JDK's `jfr`.
"""
import collections
import re
import subprocess
import sys

KEYS = [
    ("B2bua.inbound", "a new INVITE from the trunk (B2bua.inbound, all of it)"),
    ("Acd.route", "choosing the seat (Acd.route)"),
    ("SeatAllocation.of", "  reading the tenant's seats from the database (SeatAllocation.of)"),
    ("ActiveCalls.snapshots", "  snapshots of every active call (ActiveCalls.snapshots)"),
    ("TrunkRouting.inboundRoute", "called number -> trunk number and tenant (TrunkRouting.inboundRoute)"),
    ("TrunkRouting.isTrunkAddress", "source address -> gateway (TrunkRouting.isTrunkAddress)"),
    ("SeatAccountDirectory", "seat account lookups (SeatAccountDirectory)"),
    ("CallLog", "call records and CTI events (CallLog)"),
    ("B2bua.outAnswered", "relaying the phone's 180/200 (B2bua.outAnswered)"),
    ("B2bua.bye", "BYE (B2bua.bye)"),
    ("MybatisPlusInterceptor", "MyBatis-Plus statements, any caller (MybatisPlusInterceptor)"),
    ("TableNameParser", "  MyBatis-Plus TableNameParser (dynamic table names)"),
    ("org.h2.", "H2, any caller"),
    ("gov.nist.javax.sip.parser", "JAIN-SIP parsing"),
]


def main():
    if len(sys.argv) != 2:
        raise SystemExit("usage: jfr_summary.py FILE.jfr")
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", sys.argv[1]],
                         capture_output=True, text=True, timeout=300).stdout
    inclusive, selfs, n = collections.Counter(), collections.Counter(), 0
    for event in out.split("jdk.ExecutionSample")[1:]:
        thread = re.search(r'sampledThread = "([^"]+)"', event)
        if not thread or "UDPMessageChannelThread" not in thread.group(1):
            continue
        frames = re.findall(r"^\s+([\w.$<>]+)\(", event, re.M)
        if not frames:
            continue
        n += 1
        selfs[frames[0]] += 1
        for key, _ in KEYS:
            if any(key in f for f in frames):
                inclusive[key] += 1
    print(f"JFR execution samples of the SIP worker threads: {n:,}")
    if not n:
        return
    for key, label in KEYS:
        print(f"  {100 * inclusive[key] / n:5.1f} %  {label}")
    print("  top self frames: " + ", ".join(f"{f.rsplit('.', 2)[-2]}.{f.rsplit('.', 1)[-1]} {100 * c / n:.1f} %"
                                           for f, c in selfs.most_common(6)))


if __name__ == "__main__":
    main()
