#!/usr/bin/env python3
"""Validate rules.json and the council overlays against the committed JSON Schemas with a
real validator (the `jsonschema` package), and prove the schemas can fail: a copy with an
unknown field and a copy with a missing field must be rejected."""
import copy, glob, json, os, sys

import jsonschema

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.chdir(root)
passed = failed = 0

def expect(ok, what):
    global passed, failed
    print(("ok   " if ok else "FAIL ") + what)
    if ok:
        passed += 1
    else:
        failed += 1

for schema_file, files in [("schema/rules.schema.json", ["rules.json"]),
                           ("schema/overlay.schema.json", sorted(glob.glob("www/councils/*.json")))]:
    schema = json.load(open(schema_file))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for f in files:
        doc = json.load(open(f))
        errors = [e.message for e in validator.iter_errors(doc)]
        expect(not errors, f"{f} is valid against {schema_file} {errors[:2]}")
        expect(doc.get("$schema", "").endswith(os.path.basename(schema_file)), f"{f} names {schema_file} in $schema")
        bad = copy.deepcopy(doc)
        bad["colour"] = "red"
        expect(any(True for _ in validator.iter_errors(bad)), f"{f} with an unknown field is rejected")
        bad = copy.deepcopy(doc)
        bad.pop("last_reviewed")
        expect(any(True for _ in validator.iter_errors(bad)), f"{f} without last_reviewed is rejected")

print(f"schema: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
