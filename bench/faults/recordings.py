#!/usr/bin/env python3
"""Checks the WAV files a killed node left: each one readable by sox and holding its call's audio up to the kill.

usage: recordings.py RECORDINGS_DIR KILLED_AT_EPOCH CARRIER_STARTED_EPOCH CALLS RTT_CSV...

The carrier's sipp -trace_rtt files give the time each call was answered (its 200, in ms since that sipp
started); a call answered t seconds
before the kill should have a recording that plays for at least t - 2 s: the recorder holds back 0.5 s of audio
to reorder late packets and rewrites the WAV header once a second, so a crash loses at most that much. The
longest recordings are matched with the longest-answered calls. Prints one line, starting OK or FAILED.
Python 3 standard library and sox.
"""
import glob
import os
import subprocess
import sys


def spread(values):
    if not values:
        return "-"
    ordered = sorted(values)
    return f"{ordered[0]:.1f} / {ordered[len(ordered) // 2]:.1f} / {ordered[-1]:.1f} s"


def main():
    root, killed, started, calls, rtts = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5:]
    answers = sorted(started + float(line.split(";")[0]) / 1000 for path in rtts for line in open(path) if line[:1].isdigit())
    talked = [killed - at for at in answers]  # the first answered first: the longest
    wavs = sorted(glob.glob(os.path.join(root, "**", "*.wav"), recursive=True))
    durations, unreadable = [], 0
    for wav in wavs:
        out = subprocess.run(["sox", "--i", "-D", wav], capture_output=True, text=True)
        try:
            durations.append(float(out.stdout.strip()))
        except ValueError:
            unreadable += 1
    durations.sort(reverse=True)
    short = sum(1 for played, up in zip(durations, talked) if played < up - 2.0)
    ok = len(wavs) == calls and unreadable == 0 and short == 0 and len(answers) == calls
    print(("OK" if ok else "FAILED") + f" | {len(wavs)} WAV files for {calls} calls ({len(answers)} answered), {unreadable} unreadable by sox;"
          f" played length min/median/max {spread(durations)} against {spread(talked)} answered before the kill;"
          f" {short} more than 2 s short")


if __name__ == "__main__":
    main()
