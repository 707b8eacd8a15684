#!/usr/bin/env python3
"""ng.py NG_PORT CALLS BASE_PORT: the signalling controller for rtpengine. For each call sends NG
`offer` (caller A at 127.0.0.1:BASE+4i) and `answer` (callee B at 127.0.0.1:BASE+4i+2) and prints
"A portA_sends_to B portB_sends_to" for rtpblast. `ng.py NG_PORT delete CALLS` deletes them."""
import socket, sys, re

def benc(o):
    if isinstance(o, int): return b'i%de' % o
    if isinstance(o, str): o = o.encode()
    if isinstance(o, bytes): return b'%d:%s' % (len(o), o)
    if isinstance(o, dict): return b'd' + b''.join(benc(k) + benc(v) for k, v in sorted(o.items())) + b'e'
    raise TypeError(o)

def sdp(port):
    return ("v=0\r\no=x 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            "m=audio %d RTP/AVP 8 101\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\n" % port)

s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(3)
ng = ('127.0.0.1', int(sys.argv[1]))
seq = [0]
def cmd(n, d):
    seq[0] += 1  # rtpengine caches replies by cookie: every command needs its own
    cookie = b'%d_%d ' % (n, seq[0])
    s.sendto(cookie + benc(d), ng)
    r = s.recv(65535)
    if len(sys.argv) > 4: sys.stderr.write(repr(r) + "\n")
    if b'result2:ok' not in r: sys.exit('rtpengine said: %r' % r)
    m = re.search(rb'm=audio (\d+)', r)
    return int(m.group(1)) if m else None

if sys.argv[2] == 'delete':
    for i in range(int(sys.argv[3])): cmd(i, {'command': 'delete', 'call-id': 'bench-%d' % i, 'from-tag': 'a%d' % i})
    sys.exit(0)
calls, base = int(sys.argv[2]), int(sys.argv[3])
for i in range(calls):
    a, b = base + 4 * i, base + 4 * i + 2
    to_callee = cmd(i, {'command': 'offer', 'call-id': 'bench-%d' % i, 'from-tag': 'a%d' % i, 'sdp': sdp(a)})
    to_caller = cmd(i, {'command': 'answer', 'call-id': 'bench-%d' % i, 'from-tag': 'a%d' % i, 'to-tag': 'b%d' % i, 'sdp': sdp(b)})
    # A sends to the port rtpengine gave the callee's side in the answer; B to the one in the offer
    print(a, to_caller, b, to_callee)
