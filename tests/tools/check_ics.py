"""Parse a calendar file the widget made with the `icalendar` package (a real RFC 5545
parser) and check it: one all-day event on the expected day, a summary, and a display alarm
a week before.

    python3 tests/tools/check_ics.py FILE.ics YYYY-MM-DD
Prints one line; exits 1 if anything is wrong.
"""
import datetime
import sys

import icalendar

path, expected = sys.argv[1], datetime.date.fromisoformat(sys.argv[2])
with open(path, "rb") as f:
    raw = f.read()
problems = []
if b"\r\n" not in raw:
    problems.append("lines do not end with CRLF")
cal = icalendar.Calendar.from_ical(raw)
events = list(cal.walk("VEVENT"))
if len(events) != 1:
    problems.append(f"{len(events)} events, not 1")
else:
    event = events[0]
    start = event.decoded("DTSTART")
    end = event.decoded("DTEND")
    if isinstance(start, datetime.datetime) or start != expected:
        problems.append(f"DTSTART {start!r}, expected the all-day date {expected}")
    if end != expected + datetime.timedelta(days=1):
        problems.append(f"DTEND {end!r}, expected {expected + datetime.timedelta(days=1)}")
    if not str(event.get("SUMMARY", "")).startswith("Last day: "):
        problems.append(f"SUMMARY {event.get('SUMMARY')!r}")
    for key in ("UID", "DTSTAMP"):
        if key not in event:
            problems.append(f"no {key}")
    alarms = list(event.walk("VALARM"))
    if len(alarms) != 1:
        problems.append(f"{len(alarms)} alarms, not 1")
    else:
        trigger = alarms[0].decoded("TRIGGER")
        if trigger != -datetime.timedelta(days=7) or str(alarms[0].get("ACTION")) != "DISPLAY":
            problems.append(f"alarm {alarms[0].get('ACTION')} at {trigger!r}, expected DISPLAY 7 days before")
if cal.get("VERSION") != "2.0" or "PRODID" not in cal:
    problems.append("no VERSION:2.0 or PRODID")
if problems:
    print(f"FAIL {path}: " + "; ".join(problems))
    sys.exit(1)
print(f"ok   {path}: icalendar {icalendar.__version__} reads one all-day event on {expected}, reminder 7 days before: {events[0].get('SUMMARY')}")
