#!/usr/bin/env python3
"""Provisions the screen-pop latency benchmark through the staff and tenant REST APIs.

Two tenants, so that the measured agent is offered the measured calls and nothing else:

* measured: the demo tenant (2001000) as shipped: trunk number +861062345678 (5 channels; the measured
  calls come one at a time), `agent` bound to seat 0001 (registered by the measured phone), seat 0002
  registered by nobody, so the ACD can offer a call to seat 0001 only. Its administrator sets wrap-up to
  0 s, and saves every measured caller as a contact (POST /api/desk/callers: customer + contact), every
  --work-order-every-th of them with an open work order, so the pops carry a contact, a customer and,
  for some, a work order (the pop then reads contact, customer, numbers, today's calls, events and
  work orders).
* background: a tenant opened as a company would be (POST /api/applications, staff approve), with one
  trunk number of --bg-channels channels, --bg-seats seats (all registered by one sipp UAS that answers
  at once) and wrap-up 0 s. The first --bg-desks seats are bound to agent users of their own
  (bgagent001 ...), whose desks the benchmark opens too: each background call then also builds and
  sends its pops, as a call center with every agent on the desktop would.

Writes into --out:
  bg-seats.csv        SEQUENTIAL "sip user;password" of the background seats (sipp registration)
  bg-numbers.csv      SEQUENTIAL "trunk number;caller" for the background carrier, a new caller per call
  measured-seat.csv   SEQUENTIAL "ss2001000ss0001;Seat0001Demo" (the demo seat's documented password)
  measured-callers.csv SEQUENTIAL "01062345678;caller" for the measured carrier, one caller per call
  warmup-callers.csv  the same for the unscored warm-up calls (callers not saved as contacts)
  desks.csv           "tenant;user;password;role;localPort" for desk.mjs
  tenants.env         bg_code=..., bg_id=... (sourced by the script)
Python 3 standard library only.
"""
import argparse
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "register"))
from provision import Staff  # noqa: E402  (bench/register/provision.py: session cookie + CSRF client)

DEMO_CODE = "2001000"
DEMO_TRUNK = "01062345678"
DEMO_SEAT = ("ss2001000ss0001", "Seat0001Demo")


def tenant_admin(base, code, user, password, timeout):
    admin = Staff(base, timeout)
    admin.sign_in_tenant(code, user, password)
    return admin


def wrap_up_zero(admin):
    acd = admin.call("GET", "/api/acd/settings")
    acd.update({"wrapUpS": 0, "maxQueue": 1000})
    admin.call("PUT", "/api/acd/settings", acd)
    return acd


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--base", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--bg-seats", type=int, default=300)
    p.add_argument("--bg-desks", type=int, default=300)
    p.add_argument("--bg-channels", type=int, default=1000)
    p.add_argument("--bg-trunk", default="02161234567", help="national form of the background trunk number")
    p.add_argument("--bg-callers", type=int, default=100000, help="distinct background caller numbers (sipp cycles)")
    p.add_argument("--measured", type=int, default=1200)
    p.add_argument("--warmup", type=int, default=100)
    p.add_argument("--work-order-every", type=int, default=2, help="every n-th measured caller gets an open work order (0: none)")
    p.add_argument("--ws-port", type=int, default=0, help="local TCP port of the measured desk's socket")
    p.add_argument("--timeout", type=float, default=60)
    args = p.parse_args()
    started = time.monotonic()
    os.makedirs(args.out, exist_ok=True)
    out = lambda name: os.path.join(args.out, name)  # noqa: E731

    staff = Staff(args.base, args.timeout)
    staff.sign_in("staff", "staff123")

    # the background tenant: applied for and approved like any company
    application = staff.call("POST", "/api/applications",
                             {"companyName": "Pop Bench Background", "contactName": "Bench", "contactPhone": "13800138000"})
    opened = staff.call("POST", f"/api/admin/applications/{application['applicationId']}/approve")
    bg_id, bg_code = opened["tenantId"], opened["tenantCode"]
    made = staff.call("POST", f"/api/admin/tenants/{bg_id}/trunk-numbers", {"number": args.bg_trunk, "channelLimit": args.bg_channels})
    if made.get("channelLimit") != args.bg_channels:
        raise SystemExit(f"background trunk number: {made}")
    seats = []
    while len(seats) < args.bg_seats:
        count = min(100, args.bg_seats - len(seats))
        issued = staff.call("POST", f"/api/admin/tenants/{bg_id}/seats", {"count": count})
        if len(issued) != count:
            raise SystemExit(f"asked for {count} seats, got {len(issued)}")
        seats.extend((s["sipUsername"], s["password"]) for s in issued)
    for user, password in seats:
        if ";" in user or ";" in password or "\n" in password:
            raise SystemExit(f"unexpected character in the credentials of {user}")

    bg_admin = tenant_admin(args.base, bg_code, opened["adminUsername"], opened["adminPassword"], args.timeout)
    wrap_up_zero(bg_admin)
    desks = []
    if args.bg_desks:
        by_sip = {s["sipUsername"]: s["seatId"] for s in bg_admin.call("GET", "/api/seats")}

        def agent(i):
            user, password = f"bgagent{i + 1:03d}", f"BgAgent-{i + 1:03d}-x"
            made = bg_admin.call("POST", "/api/users", {"username": user, "displayName": f"后台坐席 {i + 1}", "role": "AGENT",
                                                         "password": password})
            bg_admin.call("PUT", f"/api/seats/{by_sip[seats[i][0]]}/binding", {"userId": made["id"]})
            return f"{bg_code};{user};{password};background;0"

        with ThreadPoolExecutor(4) as pool:  # each user is a bcrypt hash on the server
            desks.extend(pool.map(agent, range(min(args.bg_desks, len(seats)))))

    # the measured tenant: the demo as shipped, wrap-up 0 s, every measured caller a saved contact
    demo_admin = tenant_admin(args.base, DEMO_CODE, "admin", "admin123", args.timeout)
    acd = wrap_up_zero(demo_admin)
    if acd.get("strategy") == "RING_ALL":
        raise SystemExit("the demo tenant rings all seats: the measured agent would not be the only one offered")
    measured = [f"139{10000000 + i:08d}" for i in range(args.measured)]
    warmup = [f"138{10000000 + i:08d}" for i in range(args.warmup)]

    def save(item):
        i, number = item
        saved = demo_admin.call("POST", "/api/desk/callers", {"number": number, "name": f"联系人{i + 1}", "customerName": f"测试客户{i + 1}"})
        if args.work_order_every and i % args.work_order_every == 0:
            demo_admin.call("POST", "/api/work-orders", {"customerId": saved["customerId"], "contactId": saved["contactId"],
                                                         "title": f"报修 {i + 1}", "description": "空调不制冷", "priority": "NORMAL"})

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(save, enumerate(measured)))
    desks.insert(0, f"{DEMO_CODE};agent;agent123;measured;{args.ws_port}")

    def write(name, header, rows):
        with open(out(name), "w", encoding="utf-8") as f:
            if header:
                f.write(header + "\n")
            for row in rows:
                f.write(row + "\n")

    write("bg-seats.csv", "SEQUENTIAL", (f"{u};{pw}" for u, pw in seats))
    write("bg-numbers.csv", "SEQUENTIAL", (f"{args.bg_trunk};137{i:08d}" for i in range(args.bg_callers)))
    write("measured-seat.csv", "SEQUENTIAL", [";".join(DEMO_SEAT)])
    write("measured-callers.csv", "SEQUENTIAL", (f"{DEMO_TRUNK};{n}" for n in measured))
    write("warmup-callers.csv", "SEQUENTIAL", (f"{DEMO_TRUNK};{n}" for n in warmup))
    write("desks.csv", None, desks)
    write("tenants.env", None, [f"bg_code={bg_code}", f"bg_id={bg_id}"])
    print(f"provisioned in {time.monotonic() - started:.1f} s: background tenant {bg_code} (id {bg_id}) with trunk number "
          f"{made['number']} x {args.bg_channels} channels, {len(seats)} seats, {len(desks) - 1} agent desks; measured tenant "
          f"{DEMO_CODE}: {len(measured)} callers saved as contacts"
          + (f" (every {args.work_order_every}. with an open work order)" if args.work_order_every else ""), file=sys.stderr)


if __name__ == "__main__":
    main()
