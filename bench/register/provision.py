#!/usr/bin/env python3
"""Provisions SIP seats for the registration benchmark through the staff REST API.

Signs in as provisioning staff (session cookie + CSRF), fills the demo tenant up to its limit of
9,999 seats, opens further tenants (application + approval) when more seats are wanted, and writes
every seat's SIP username and password to a sipp injection file:

    SEQUENTIAL
    ss2001000ss0003;password
    ...

Passwords are only ever shown in the allocation response, so this file is the only copy.
Python 3 standard library only.
"""
import argparse
import http.cookiejar
import json
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

MAX_PER_CALL = 100
MAX_PER_TENANT = 9999
CSRF_META = re.compile(r'<meta name="_csrf" content="([^"]+)"')


class Staff:
    def __init__(self, base, timeout):
        self.base = base.rstrip("/")
        self.timeout = timeout
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.csrf = None

    def _open(self, method, path, body=None, headers=None):
        req = urllib.request.Request(self.base + path, data=body, method=method, headers=headers or {})
        try:
            with self.opener.open(req, timeout=self.timeout) as resp:
                return resp.status, resp.read().decode("utf-8"), resp.geturl()
        except urllib.error.HTTPError as err:
            raise SystemExit(f"{method} {path} -> HTTP {err.code}: {err.read().decode('utf-8', 'replace')[:500]}")

    def _token_from(self, path):
        _, html, _ = self._open("GET", path)
        match = CSRF_META.search(html)
        if not match:
            raise SystemExit(f"no _csrf meta tag on {path}")
        return match.group(1)

    def sign_in(self, username, password):
        token = self._token_from("/admin/login")
        form = urllib.parse.urlencode({"username": username, "password": password, "_csrf": token}).encode()
        _, _, url = self._open("POST", "/admin/login", form, {"Content-Type": "application/x-www-form-urlencoded"})
        if "/admin/login" in url:
            raise SystemExit(f"staff sign-in failed (landed on {url})")
        # the session's token after sign-in (Spring Security rotates it on authentication)
        self.csrf = self._token_from("/admin")

    def sign_in_tenant(self, tenant_code, username, password):
        """Signs in to the tenant web (/login) instead of the staff console."""
        token = self._token_from("/login")
        form = urllib.parse.urlencode({"tenantCode": tenant_code, "username": username, "password": password, "_csrf": token}).encode()
        _, _, url = self._open("POST", "/login", form, {"Content-Type": "application/x-www-form-urlencoded"})
        if "/login" in url:
            raise SystemExit(f"tenant sign-in failed (landed on {url})")
        self.csrf = self._token_from("/")

    def call(self, method, path, payload=None):
        body = None if payload is None else json.dumps(payload).encode()
        headers = {"Accept": "application/json", "X-CSRF-TOKEN": self.csrf}
        if body is not None:
            headers["Content-Type"] = "application/json"
        _, text, _ = self._open(method, path, body, headers)
        return json.loads(text) if text else None


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--base", default="http://127.0.0.1:8080")
    p.add_argument("--seats", type=int, default=10000)
    p.add_argument("--tenant-code", default="2001000", help="tenant filled first")
    p.add_argument("--out", required=True, help="sipp injection file to write")
    p.add_argument("--staff-user", default="staff")
    p.add_argument("--staff-password", default="staff123")
    p.add_argument("--timeout", type=float, default=60, help="seconds per HTTP request")
    args = p.parse_args()

    started = time.monotonic()
    staff = Staff(args.base, args.timeout)
    staff.sign_in(args.staff_user, args.staff_password)

    tenants = staff.call("GET", "/api/admin/tenants")
    first = next((t for t in tenants if str(t.get("code")) == args.tenant_code), None)
    if first is None:
        raise SystemExit(f"tenant {args.tenant_code} not found in {[t.get('code') for t in tenants]}")
    tenant_id = first["id"]
    used = len(staff.call("GET", f"/api/admin/tenants/{tenant_id}").get("seats", []))
    tenant_count = 1

    rows = []
    while len(rows) < args.seats:
        room = MAX_PER_TENANT - used
        if room <= 0:
            application = staff.call("POST", "/api/applications",
                                     {"companyName": f"Bench {tenant_count + 1}", "contactName": "B",
                                      "contactPhone": "13800138000"})
            opened = staff.call("POST", f"/api/admin/applications/{application['applicationId']}/approve")
            tenant_id, used = opened["tenantId"], 0
            tenant_count += 1
            print(f"opened tenant {opened.get('tenantCode')} (id {tenant_id})", file=sys.stderr)
            continue
        count = min(MAX_PER_CALL, room, args.seats - len(rows))
        issued = staff.call("POST", f"/api/admin/tenants/{tenant_id}/seats", {"count": count})
        if len(issued) != count:
            raise SystemExit(f"asked for {count} seats, got {len(issued)}")
        rows.extend((s["sipUsername"], s["password"]) for s in issued)
        used += count

    for user, password in rows:
        if ";" in user or ";" in password or "\n" in password:
            raise SystemExit(f"unexpected character in credentials of {user}")
    if len({u for u, _ in rows}) != len(rows):
        raise SystemExit("duplicate SIP usernames")
    with open(args.out, "w", encoding="ascii") as out:
        out.write("SEQUENTIAL\n")
        for user, password in rows:
            out.write(f"{user};{password}\n")
    print(f"provisioned {len(rows)} seats in {tenant_count} tenant(s) in {time.monotonic() - started:.1f} s -> {args.out}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
