#!/usr/bin/env python3
"""Provisions the signalling benchmark through the staff REST API.

Signs in as provisioning staff (session cookie + CSRF, the same client as bench/register/provision.py),
then, in the demo tenant (2001000):
  * allocates --trunks trunk numbers (021-6123456x) with --channels channels each
    (POST /api/admin/tenants/{id}/trunk-numbers; the API allows at most 1,000 channels per number);
  * allocates --seats seats (POST /api/admin/tenants/{id}/seats, 100 per call).

Writes two sipp injection files:
  numbers.csv  SEQUENTIAL, "trunk number (national form);caller": the carrier cycles through the
               trunk numbers, so the channels of all of them add up;
  seats.csv    SEQUENTIAL, "sip username;password" of the new seats.

Why more than one seat: the ACD offers a call only to an agent who is idle and waiting, so a
seat carries one call at a time and the seats must outnumber the calls open at once
(about CPS x (hold + set-up time)). Then, signed in as the tenant's administrator, it sets the
queue's wrap-up to 0 s (PUT /api/acd/settings): with the default 15 s every seat would sit out
15 s after each call. With --open-tenant (the production profile has no demo tenant) it first opens a
tenant (application + approval) with a gateway at 127.0.0.1 and signs in as the administrator the
approval created. Python 3 standard library only.
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "register"))
from provision import Staff  # noqa: E402  (bench/register/provision.py)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--base", default="http://127.0.0.1:8080")
    p.add_argument("--tenant-code", default="2001000")
    p.add_argument("--trunks", type=int, default=3)
    p.add_argument("--channels", type=int, default=1000)
    p.add_argument("--first-number", type=int, default=2161234561, help="national number of the first trunk number, without the 0")
    p.add_argument("--seats", type=int, default=2000)
    p.add_argument("--numbers-out", required=True)
    p.add_argument("--seats-out", required=True)
    p.add_argument("--timeout", type=float, default=60)
    p.add_argument("--open-tenant", action="store_true", help="open a new tenant with a gateway at 127.0.0.1 first")
    args = p.parse_args()

    started = time.monotonic()
    staff = Staff(args.base, args.timeout)
    staff.sign_in("staff", "staff123")
    admin_password = "admin123"
    if args.open_tenant:
        application = staff.call("POST", "/api/applications", {"companyName": "Bench outage", "contactName": "B",
                                                              "contactPhone": "13800138000"})
        opened = staff.call("POST", f"/api/admin/applications/{application['applicationId']}/approve")
        args.tenant_code, admin_password = str(opened["tenantCode"]), opened["adminPassword"]
        staff.call("POST", f"/api/admin/tenants/{opened['tenantId']}/gateways",
                   {"name": "bench carrier", "host": "127.0.0.1", "port": 5060, "transport": "UDP", "authMode": "IP",
                    "channelLimit": 10000})
    tenant = next((t for t in staff.call("GET", "/api/admin/tenants") if str(t.get("code")) == args.tenant_code), None)
    if tenant is None:
        raise SystemExit(f"tenant {args.tenant_code} not found")
    tid = tenant["id"]

    numbers = []
    for i in range(args.trunks):
        national = f"0{args.first_number + i}"
        made = staff.call("POST", f"/api/admin/tenants/{tid}/trunk-numbers", {"number": national, "channelLimit": args.channels})
        if made.get("channelLimit") != args.channels:
            raise SystemExit(f"trunk number {national}: {made}")
        numbers.append((national, made["number"]))

    rows = []
    while len(rows) < args.seats:
        count = min(100, args.seats - len(rows))
        issued = staff.call("POST", f"/api/admin/tenants/{tid}/seats", {"count": count})
        if len(issued) != count:
            raise SystemExit(f"asked for {count} seats, got {len(issued)}")
        rows.extend((s["sipUsername"], s["password"]) for s in issued)
    for user, password in rows:
        if ";" in user or ";" in password or "\n" in password:
            raise SystemExit(f"unexpected character in the credentials of {user}")

    admin = Staff(args.base, args.timeout)
    admin.sign_in_tenant(args.tenant_code, "admin", admin_password)
    acd = admin.call("GET", "/api/acd/settings")
    acd.update({"wrapUpS": 0, "maxQueue": 1000})
    admin.call("PUT", "/api/acd/settings", acd)

    with open(args.numbers_out, "w", encoding="ascii") as out:
        out.write("SEQUENTIAL\n")
        # callers: distinct Beijing mobiles, one per line, the trunk numbers in turn
        for i in range(3000):
            national = numbers[i % len(numbers)][0]
            out.write(f"{national};139{10000000 + i:08d}\n")
    with open(args.seats_out, "w", encoding="ascii") as out:
        out.write("SEQUENTIAL\n")
        for user, password in rows:
            out.write(f"{user};{password}\n")
    print(f"tenant {args.tenant_code}", file=sys.stderr)
    print(f"provisioned {len(numbers)} trunk numbers ({', '.join(e for _, e in numbers)}) x {args.channels} channels "
          f"and {len(rows)} seats in {time.monotonic() - started:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
