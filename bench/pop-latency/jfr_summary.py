#!/usr/bin/env python3
"""Where CallDesk's CPU goes during the measured calls, from a Java Flight Recording (POPBENCH_PROFILE=1).

Reads `jfr print --events jdk.ExecutionSample` and prints the share of the samples per kind of thread
(SIP workers, desk delivery, STOMP outbound, web requests, ...), then, inside the desk-delivery threads
(the screen pops: DeskChannel), the share of samples whose stack holds each of a few frames (inclusive),
and the GC pauses of the recording (jdk.GarbageCollection). Python 3 standard library and the JDK's jfr.
"""
import collections
import re
import subprocess
import sys

THREADS = [
    ("desk-delivery", "desk delivery (DeskChannel: pop + JSON + send)"),
    ("UDPMessageChannelThread", "SIP workers (JAIN-SIP UDP: B2BUA, call records, ACD)"),
    ("clientOutboundChannel", "STOMP outbound (frames to the sockets)"),
    ("clientInboundChannel", "STOMP inbound (subscriptions, heart-beats)"),
    ("MessageBroker", "simple broker"),
    ("http-nio", "Tomcat (REST, WebSocket I/O)"),
    ("media", "media relay"),
    ("relay", "media relay"),
]
DESK_FRAMES = [
    ("CallPops.of", "pop built (CallPops.of -> ScreenPops.pop)"),
    ("ContactBook.lookup", "  contact lookup by number"),
    ("ScreenPops.callsToday", "  today's calls"),
    ("eventsOf", "  open events"),
    ("workOrdersOf", "  open work orders"),
    ("TenantDirectory", "  tenant scope (TenantDirectory)"),
    ("org.h2.", "  H2"),
    ("MybatisPlusInterceptor", "  MyBatis-Plus"),
    ("DeskMessages", "JSON of the message (DeskMessages)"),
    ("SimpMessagingTemplate", "hand-over to the broker (SimpMessagingTemplate)"),
    ("RungSeats", "RungSeats"),
    ("DeskAgents", "agent view for AgentStateChanged (DeskAgents)"),
]


def main():
    if len(sys.argv) != 2:
        raise SystemExit("usage: jfr_summary.py FILE.jfr")
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "128", sys.argv[1]],
                         capture_output=True, text=True, timeout=600).stdout
    by_thread, desk, n, nd = collections.Counter(), collections.Counter(), 0, 0
    desk_self = collections.Counter()
    for event in out.split("jdk.ExecutionSample")[1:]:
        thread = re.search(r'sampledThread = "([^"]+)"', event)
        if not thread:
            continue
        name = thread.group(1)
        n += 1
        kind = next((label for key, label in THREADS if key in name), "other: " + re.sub(r"[-#]?\d+", "", name)[:40])
        by_thread[kind] += 1
        if "desk-delivery" in name:
            frames = re.findall(r"^\s+([\w.$<>]+)\(", event, re.M)
            nd += 1
            if frames:
                desk_self[frames[0]] += 1
            for key, _ in DESK_FRAMES:
                if any(key in f for f in frames):
                    desk[key] += 1
    print(f"JFR execution samples (all Java threads): {n:,}")
    for kind, c in by_thread.most_common(12):
        print(f"  {100 * c / n:5.1f} %  {kind}")
    if nd:
        print(f"inside desk delivery ({nd:,} samples, inclusive):")
        for key, label in DESK_FRAMES:
            print(f"  {100 * desk[key] / nd:5.1f} %  {label}")
        print("  top self frames: " + ", ".join(f"{f.rsplit('.', 2)[-2]}.{f.rsplit('.', 1)[-1]} {100 * c / nd:.1f} %"
                                               for f, c in desk_self.most_common(6)))
    gc = subprocess.run(["jfr", "print", "--events", "jdk.GarbageCollection", sys.argv[1]], capture_output=True, text=True, timeout=300).stdout
    unit = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1000.0}
    pauses = [float(m.group(1)) * unit[m.group(2)] for m in re.finditer(r"sumOfPauses = ([\d.]+) (ns|us|ms|s)\b", gc)]
    if pauses:
        pauses.sort()
        print(f"GC: {len(pauses)} collections, pauses total {sum(pauses):.0f} ms, longest {pauses[-1]:.1f} ms, "
              f"median {pauses[len(pauses) // 2]:.1f} ms")


if __name__ == "__main__":
    main()
