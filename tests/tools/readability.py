#!/usr/bin/env python3
"""Flesch-Kincaid grade of every prose text in rules.json and the council overlays, measured
with the `textstat` library (0.7.3). Prose is every string of four or more words, as the
families see it. Fails when a file scores above grade 7, or has a sentence over 25 words."""
import glob, json, os, re, sys

import textstat

MAX_GRADE = 7.0
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.chdir(root)

def prose(doc):
    out = []
    def walk(v, key=None):
        if isinstance(v, dict):
            for k, x in v.items():
                # The legal source is for advisers, not families; measure it separately.
                if k not in ("$schema", "source"):
                    walk(x, k)
        elif isinstance(v, list):
            for x in v:
                walk(x, key)
        elif isinstance(v, str) and len(v.split()) >= 4:
            out.append(v if v.rstrip()[-1:] in ".!?" else v + ".")
    walk(doc)
    return "\n".join(out)

passed = failed = 0
everything = []
for path in ["rules.json"] + sorted(glob.glob("www/councils/*.json")):
    text = prose(json.load(open(path)))
    everything.append(text)
    grade = textstat.flesch_kincaid_grade(text)
    sentences = [s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if len(s.split()) > 3]
    long = [s for s in sentences if len(s.split()) > 25]
    ok = grade <= MAX_GRADE and not long
    print(f"{'ok  ' if ok else 'FAIL'} {path}: Flesch-Kincaid grade {grade:.1f} (at most {MAX_GRADE}), "
          f"reading ease {textstat.flesch_reading_ease(text):.0f}, {len(text.split())} words, {len(long)} sentences over 25 words")
    for s in long:
        print("     long:", s)
    passed, failed = (passed + 1, failed) if ok else (passed, failed + 1)
grade = textstat.flesch_kincaid_grade("\n".join(everything))
print(f"all prose together: Flesch-Kincaid grade {grade:.1f}")
print(f"readability: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
