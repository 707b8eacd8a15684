#!/usr/bin/env python3
"""Screen-pop latency from one loopback capture (dumpcap), every timestamp the kernel's, on one clock.

For every measured caller (measured-callers.csv) it finds in the capture:
  t0  the carrier's INVITE to CallDesk's SIP port (first transmission), From user = the caller;
  t1  CallDesk's INVITE to the measured phone (the agent leg), From user = the caller;
  t2  the phone's 180 Ringing (same Call-ID as t1);
  t3  the WebSocket frame, server -> the measured desk's socket, carrying the STOMP MESSAGE whose JSON
      has "type":"CallRinging" and a "pop" object with that caller (call.customerNumber / pop.callerNumber).
latency = t3 - t0; the parts: t1 - t0 (in leg to agent leg: gate, channel, call record, relay, ACD),
t2 - t1 (the phone, sipp), t3 - t2 (180 to the pop on the socket: call record update, CTI event, the pop's
database reads, JSON, STOMP). A call that CallDesk answered itself before the agent's phone rang (queued:
no agent was free) is reported apart.

The server's WebSocket frames are read from the TCP payload of that one connection (tshark exports the
segments; this script reassembles the stream and parses the frames, which are unmasked server to client),
so nothing depends on tshark having seen the HTTP upgrade. A frame counts at the segment holding its last
byte. Caller numbers are compared on their last 11 digits (the carrier sends 139xxxxxxxx, the events
carry E.164). Python 3 standard library + tshark.
"""
import argparse
import json
import re
import subprocess
import sys
from collections import defaultdict


def tshark(pcap, display_filter, fields, extra=()):
    cmd = ["tshark", "-r", pcap, "-n", "-o", "tcp.desegment_tcp_streams:FALSE", *extra, "-Y", display_filter, "-T", "fields",
           "-E", "separator=\t", "-E", "occurrence=f"]
    for f in fields:
        cmd += ["-e", f]
    run = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if run.returncode != 0:
        raise SystemExit(f"tshark failed: {run.stderr[-2000:]}")
    return [line.split("\t") for line in run.stdout.splitlines() if line]


def digits(number):
    d = re.sub(r"[^0-9]", "", number or "")
    return d[-11:] if d else None


def pct(values, q):
    """Nearest-rank percentile of a sorted list."""
    if not values:
        return float("nan")
    rank = max(1, min(len(values), int(-(-q * len(values) // 100))))  # ceil(q/100 * n)
    return values[rank - 1]


def summary(values):
    s = sorted(values)
    return {"n": len(s), "p50": pct(s, 50), "p90": pct(s, 90), "p95": pct(s, 95), "p99": pct(s, 99), "p99.9": pct(s, 99.9),
            "max": s[-1] if s else float("nan"), "mean": sum(s) / len(s) if s else float("nan")}


def ws_frames(segments):
    """(time, text) of each complete text message of the server's side of the stream."""
    buf = bytearray()
    expect = None
    out = []
    fragments = bytearray()
    gaps = 0
    lost = False
    for t, seq, length, payload in segments:
        data = bytes.fromhex(payload)
        if expect is not None and seq != expect:
            if (seq - expect) % 2**32 >= 2**31:
                continue  # a retransmission of bytes already seen (loopback: not expected)
            gaps += 1  # bytes missing from the capture: drop what was buffered, resume at a segment opening a frame
            buf.clear()
            fragments.clear()
            lost = True
        expect = (seq + len(data)) % 2**32
        if lost:
            if not data or data[0] != 0x81:
                continue
            lost = False
        buf += data
        if buf.startswith(b"HTTP/"):  # the upgrade's 101 answer comes before the first frame
            end = buf.find(b"\r\n\r\n")
            if end < 0:
                continue
            del buf[:end + 4]
        while True:
            if len(buf) < 2:
                break
            b0, b1 = buf[0], buf[1]
            fin, opcode = b0 & 0x80, b0 & 0x0F
            masked, n = b1 & 0x80, b1 & 0x7F
            head = 2
            if n == 126:
                if len(buf) < 4:
                    break
                n, head = int.from_bytes(buf[2:4], "big"), 4
            elif n == 127:
                if len(buf) < 10:
                    break
                n, head = int.from_bytes(buf[2:10], "big"), 10
            if masked:
                head += 4
            if len(buf) < head + n:
                break
            body = bytes(buf[head:head + n])
            if masked:
                key = buf[head - 4:head]
                body = bytes(c ^ key[i % 4] for i, c in enumerate(body))
            del buf[:head + n]
            if opcode in (0x1, 0x0):
                fragments += body
                if fin:
                    out.append((t, fragments.decode("utf-8", "replace")))
                    fragments = bytearray()
    return out, gaps


def stomp_messages(text):
    """The JSON bodies of the STOMP MESSAGE frames in one WebSocket text message."""
    for frame in text.split("\0"):
        frame = frame.lstrip("\r\n")
        if not frame.startswith("MESSAGE"):
            continue
        _, _, body = frame.partition("\n\n")
        try:
            yield json.loads(body)
        except ValueError:
            continue


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--pcap", required=True)
    p.add_argument("--sip-port", type=int, required=True)
    p.add_argument("--http-port", type=int, required=True)
    p.add_argument("--ws-port", type=int, required=True, help="local port of the measured desk's socket")
    p.add_argument("--carrier-port", type=int, required=True)
    p.add_argument("--phone-port", type=int, required=True)
    p.add_argument("--callers", required=True, help="measured-callers.csv")
    p.add_argument("--client-log", help="desk.mjs --log of the measured desk")
    p.add_argument("--json", help="write the figures here")
    p.add_argument("--target-ms", type=float, default=30.0)
    p.add_argument("--bucket-s", type=float, default=60.0, help="width of the over-time buckets")
    args = p.parse_args()

    callers = [line.split(";")[1].strip() for line in open(args.callers, encoding="utf-8").read().splitlines()[1:] if ";" in line]
    wanted = {digits(c) for c in callers}

    sip = tshark(args.pcap, "sip", ["frame.time_epoch", "udp.srcport", "udp.dstport", "sip.Method", "sip.Status-Code",
                                     "sip.CSeq.method", "sip.from.user", "sip.Call-ID"],
                 ["-d", f"udp.port=={args.sip_port},sip", "-d", f"udp.port=={args.phone_port},sip",
                  "-d", f"udp.port=={args.carrier_port},sip"])
    t0, t1, agent_call, carrier_call, t2, carrier_ok = {}, {}, {}, {}, {}, {}
    for row in sip:
        row += [""] * (8 - len(row))
        t, src, dst, method, status, cseq_method, from_user, call_id = row
        t = float(t)
        src, dst = int(src or 0), int(dst or 0)
        who = digits(from_user)
        if method == "INVITE" and src == args.carrier_port and dst == args.sip_port and who in wanted:
            t0.setdefault(who, t)
            carrier_call.setdefault(call_id, who)
        elif method == "INVITE" and src == args.sip_port and dst == args.phone_port and who in wanted:
            t1.setdefault(who, t)
            agent_call.setdefault(call_id, who)
        elif status == "180" and src == args.phone_port and call_id in agent_call:
            t2.setdefault(agent_call[call_id], t)
        elif status == "200" and cseq_method == "INVITE" and src == args.sip_port and dst == args.carrier_port and call_id in carrier_call:
            carrier_ok.setdefault(carrier_call[call_id], t)

    segments = tshark(args.pcap, f"tcp.srcport=={args.http_port} && tcp.dstport=={args.ws_port} && tcp.len>0",
                      ["frame.time_epoch", "tcp.seq_raw", "tcp.len", "tcp.payload"])
    frames, gaps = ws_frames((float(t), int(seq), int(n), payload) for t, seq, n, payload in segments)
    t3, ringing_without_pop, types = {}, set(), defaultdict(int)
    heartbeats = 0
    for t, text in frames:
        if text.strip("\n\r") == "":
            heartbeats += 1
            continue
        for message in stomp_messages(text):
            types[message.get("type", "?")] += 1
            if message.get("type") != "CallRinging":
                continue
            call = message.get("call") or {}
            pop = message.get("pop")
            who = digits(call.get("customerNumber")) or digits((pop or {}).get("callerNumber"))
            if who not in wanted:
                continue
            if pop is None:
                ringing_without_pop.add(who)
                continue
            if digits(pop.get("callerNumber")) != who:
                print(f"warning: pop of {who} carries caller {pop.get('callerNumber')}", file=sys.stderr)
            t3.setdefault(who, t)

    client_at, rest_ms, rest_seen = {}, [], 0
    if args.client_log:
        for line in open(args.client_log, encoding="utf-8"):
            m = json.loads(line)
            who = digits(m.get("customerNumber"))
            if m["type"] == "CallRinging" and m.get("pop") and who in wanted:
                client_at.setdefault(who, m["at"] / 1000.0)
            elif m["type"] == "RestPop" and who in wanted:
                rest_ms.append(m["ms"])
                rest_seen += 1

    placed = [d for d in (digits(c) for c in callers) if d in t0]
    queued = [w for w in placed if w in carrier_ok and w in t2 and carrier_ok[w] < t2[w]]
    measured = [w for w in placed if w in t3 and w not in queued]
    missing = [w for w in placed if w not in t3]
    ms = lambda a, b: (b - a) * 1000.0  # noqa: E731
    total = [ms(t0[w], t3[w]) for w in measured]
    parts = {
        "INVITE in -> agent INVITE out": [ms(t0[w], t1[w]) for w in measured if w in t1],
        "agent INVITE -> phone 180": [ms(t1[w], t2[w]) for w in measured if w in t1 and w in t2],
        "phone 180 -> pop frame": [ms(t2[w], t3[w]) for w in measured if w in t2],
        "pop frame -> desk.mjs handler": [ms(t3[w], client_at[w]) for w in measured if w in client_at],
    }
    result = {
        "callers_listed": len(callers), "invites_captured": len(placed), "pops_measured": len(measured), "queued_first": len(queued),
        "missing_pop": len(missing), "ringing_without_pop": len(ringing_without_pop), "agent_invites": len(t1), "phone_180s": len(t2),
        "ws_frames": len(frames), "ws_heartbeats": heartbeats, "ws_capture_gaps": gaps, "desk_message_types": dict(types),
        "latency_ms": summary(total), "parts_ms": {k: summary(v) for k, v in parts.items()},
        "rest_pop_ms": summary(rest_ms), "target_ms": args.target_ms,
    }
    series = []
    if measured:
        start = min(t0[w] for w in measured)
        buckets = defaultdict(list)
        for w in measured:
            buckets[int((t0[w] - start) // args.bucket_s)].append(ms(t0[w], t3[w]))
        for k in sorted(buckets):
            s = summary(buckets[k])
            series.append({"from_s": k * args.bucket_s, **s})
    result["series"] = series
    worst = sorted(measured, key=lambda w: t3[w] - t0[w], reverse=True)[:10]
    result["worst"] = [{"caller": w, "total": ms(t0[w], t3[w]), "in_to_agent": ms(t0[w], t1[w]) if w in t1 else None,
                        "phone": ms(t1[w], t2[w]) if w in t1 and w in t2 else None, "ringing_to_pop": ms(t2[w], t3[w]) if w in t2 else None}
                       for w in worst]
    result["missing_examples"] = [{"caller": w, "agent_invite": w in t1, "phone_180": w in t2, "ringing_without_pop": w in ringing_without_pop}
                                  for w in missing[:10]]

    def row(name, s):
        return (f"{name:<34} {s['n']:>6} {s['p50']:>8.2f} {s['p90']:>8.2f} {s['p95']:>8.2f} {s['p99']:>8.2f} {s['p99.9']:>8.2f} "
                f"{s['max']:>8.2f} {s['mean']:>8.2f}")

    print(f"measured callers {len(callers)}, INVITEs captured {len(placed)}, pops measured {len(measured)}, "
          f"answered by CallDesk before the agent rang (queued, left out) {len(queued)}, without a pop frame {len(missing)} "
          f"(CallRinging without \"pop\": {len(ringing_without_pop)}), capture gaps on the socket {gaps}")
    print(f"{'ms':<34} {'n':>6} {'p50':>8} {'p90':>8} {'p95':>8} {'p99':>8} {'p99.9':>8} {'max':>8} {'mean':>8}")
    print(row("INVITE -> pop frame (screen pop)", result["latency_ms"]))
    for k, v in result["parts_ms"].items():
        if v["n"]:
            print(row("  " + k, v))
    if rest_ms:
        print(row("REST GET /api/desk/pop (client)", result["rest_pop_ms"]))
    print("worst 10 (total = in->agent + phone + ringing->pop, ms): " + "; ".join(
        f"{x['total']:.1f} = {x['in_to_agent'] or 0:.1f} + {x['phone'] or 0:.1f} + {x['ringing_to_pop'] or 0:.1f}" for x in result["worst"]))
    if missing:
        print("calls without a pop: " + ", ".join(f"{x['caller']} (agent INVITE {x['agent_invite']}, 180 {x['phone_180']})"
                                                  for x in result["missing_examples"]))
    if len(series) > 1:
        print(f"over time (by the INVITE's time from the first measured call, {args.bucket_s:g} s each): " + "; ".join(
            f"{b['from_s']:g} s: n {b['n']} p50 {b['p50']:.1f} p99 {b['p99']:.1f} max {b['max']:.1f}" for b in series))
    p99 = result["latency_ms"]["p99"]
    verdict = "met" if measured and p99 <= args.target_ms and len(measured) >= 1000 else "missed"
    print(f"target p99 <= {args.target_ms:g} ms over >= 1000 pops: {verdict} (p99 {p99:.2f} ms over {len(measured)} pops)")
    result["verdict"] = verdict
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(result, f, indent=2)


if __name__ == "__main__":
    main()
