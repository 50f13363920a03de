#!/usr/bin/env python3
"""Where the FHIR export's time goes: JFR execution samples of the request threads (http-nio-*), each counted
once under the first matching part of its stack (innermost frame first). Usage: jfr-split.py recording.jfr"""
import collections, re, subprocess, sys

PARTS = [  # (part, frame pattern) — checked from the innermost frame outwards, first match wins
    ("network (socket write)", r"sun\.nio\.ch\.|SocketChannel|NioSocketWrapper\.doWrite"),
    ("query (JDBC, PostgreSQL driver, row mapping)", r"org\.postgresql\.|MeasurementQueries|JdbcTemplate|RowMapper"),
    ("adherence (scorecard)", r"org\.rpmsync\.adherence\."),
    ("encoding: HAPI JSON parser", r"ca\.uhn\.fhir\.parser\.|ca\.uhn\.fhir\.context\."),
    ("encoding: streamed JSON (Jackson)", r"tools\.jackson\.core\.|org\.rpmsync\.fhir\.FhirJson"),
    ("building the resources (our Fhir* code, HAPI's model before)", r"org\.rpmsync\.fhir\.Fhir(Bundle|Readings|Devices|Adherence)"),
    ("audit", r"org\.rpmsync\.audit\."),
]
out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "200", sys.argv[1]],
                     capture_output=True, text=True, check=True).stdout
counts, tops, total = collections.Counter(), collections.Counter(), 0
for event in out.split("jdk.ExecutionSample")[1:]:
    thread = re.search(r'sampledThread = "([^"]+)"', event)
    if not thread or not thread.group(1).startswith("http-nio"):
        continue
    frames = re.findall(r"^\s+([\w$.<>]+)\(", event, re.M)
    if not any("FhirExport" in f for f in frames):
        continue
    total += 1
    part = next((name for f in frames for name, pat in PARTS if re.search(pat, f)), "other (Spring, servlet, JDK)")
    counts[part] += 1
    tops[frames[0]] += 1
print(f"{total} samples of FhirExport on request threads")
for part, n in counts.most_common():
    print(f"  {100 * n / total:5.1f} %  {part}")
print("top frames:")
for frame, n in tops.most_common(12):
    print(f"  {100 * n / total:5.1f} %  {frame}")
