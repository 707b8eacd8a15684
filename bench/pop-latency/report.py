#!/usr/bin/env python3
"""Small report lines for bench/pop-latency.sh. Python 3 standard library only.

  report.py registered STAT.csv                 successful registrations of a sipp register run
  report.py samples SAMPLES.txt FROM TO         load average and CPU (sampler.py) while the measured calls ran
  report.py desks DESKS-STATS.json              what the desks heard (desk.mjs --stats)
  report.py h2jar JAR OUT                       the H2 driver out of the application jar (to read its database)
"""
import csv
import json
import sys
import zipfile


def registered(path):
    rows = list(csv.reader(open(path, encoding="utf-8"), delimiter=";"))
    print(dict(zip(rows[0], rows[-1]))["SuccessfulCall(C)"])


def samples(path, start, end):
    rows = []
    for line in open(path, encoding="utf-8"):
        parts = line.split()
        if len(parts) < 5:
            continue
        row = {k: float(v) for k, v in (kv.split("=") for kv in parts[4:])}
        row["t"], row["load"] = float(parts[0]), float(parts[1])
        rows.append(row)
    inside = [r for r in rows if float(start) <= r["t"] <= float(end)]
    if not inside:
        print("no CPU samples inside the measurement")
        return
    col = lambda k: [r[k] for r in inside]  # noqa: E731
    rng = lambda k: f"{min(col(k)):.0f}-{max(col(k)):.0f} (mean {sum(col(k)) / len(col(k)):.0f})"  # noqa: E731
    print(f"during the measured calls ({len(inside)} samples of 5 s): 1-min load average {min(col('load')):.2f}-{max(col('load')):.2f}; "
          f"CPU in % of one core: whole machine {rng('busy')}, CallDesk JVM {rng('jvm')}, the benchmark's sipp/desks/dumpcap "
          f"{rng('tools')}, other processes {rng('others')}")


def desks(path):
    d = json.load(open(path, encoding="utf-8"))
    print(f"desk sign-ins {d.get('signIns')} (median {d.get('signInMedianMs') or 0:.0f} ms)")
    for role in ("measured", "background"):
        s = d[role]
        if not s["desks"]:
            continue
        print(f"{role} desks: {s['desks']} ({s['snapshots']} snapshots), messages {s['messages']}, CallRinging with a pop "
              f"{s['ringingWithPop']}, without {s['ringingWithoutPop']}, errors {len(s['errors'])}, socket closes {s['closes']}, "
              f"reconnects {s['reconnects']}"
              + (f", REST pops {s['restPops']} (failed {s['restPopFailures']})" if s["restPops"] or s["restPopFailures"] else ""))
        for e in s["errors"][:5]:
            print("  error: " + e)


def h2jar(jar, out):
    z = zipfile.ZipFile(jar)
    name = next(n for n in z.namelist() if n.startswith("BOOT-INF/lib/h2-") and n.endswith(".jar"))
    with open(out, "wb") as f:
        f.write(z.read(name))


if __name__ == "__main__":
    {"registered": registered, "samples": samples, "desks": desks, "h2jar": h2jar}[sys.argv[1]](*sys.argv[2:])
