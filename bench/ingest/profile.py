#!/usr/bin/env python3
"""Where the time went in a JFR recording of the webhook path (bench/ingest/run.sh with PROFILE=1).
   bench/ingest/profile.py target/bench-capacity.jfr
CPU: each execution sample goes to the part of its innermost frame that belongs to one of PARTS (JDK frames count
for the part that called them), so the shares add up to 100 % with 'other'. Waits: socket reads, parks and monitor
waits longer than JFR's threshold, by the innermost org.rpmsync frame (waits with none, idle pools, are left out)."""
import collections, json, subprocess, sys

PARTS = [("Tomcat / HTTP", ("org.apache.coyote", "org.apache.tomcat", "org.apache.catalina")),
         ("Spring Security chain", ("org.springframework.security",)),
         ("Micrometer observation", ("io.micrometer",)),
         ("Spring MVC dispatch", ("org.springframework.web.servlet", "org.springframework.web.method")),
         ("request filters (web)", ("org.rpmsync.web",)),
         ("webhook endpoint", ("org.rpmsync.ingest.WebhookEndpoint",)),
         ("inbox store / group commit", ("org.rpmsync.ingest.Inbox.store", "org.rpmsync.ingest.InboxWriter")),
         ("inbox worker (processing)", ("org.rpmsync.ingest.InboxWorker",)),
         ("JDBC driver", ("org.postgresql",)),
         ("Hikari pool", ("com.zaxxer",)),
         ("Jackson", ("tools.jackson", "com.fasterxml")),
         ("logging", ("ch.qos.logback", "org.slf4j"))]

def frames(event):
    return [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in event["values"]["stackTrace"]["frames"]] \
        if event["values"].get("stackTrace") else []

def events(path, names):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "256", "--events", names, path],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)["recording"]["events"]

def main(path):
    samples = events(path, "jdk.ExecutionSample")
    n = len(samples) or 1
    inclusive, selfs = collections.Counter(), collections.Counter()
    for e in samples:
        fs = frames(e)
        if fs:
            selfs[fs[0]] += 1
        inclusive[next((part for f in fs for part, prefixes in PARTS if f.startswith(prefixes)), "other")] += 1
    print(f"{len(samples)} execution samples, by innermost part")
    for part in [p for p, _ in PARTS] + ["other"]:
        print(f"  {100 * inclusive[part] / n:5.1f} %  {part}")
    threads, layers = collections.Counter(), collections.Counter()
    for e in samples:
        name = "".join(c for c in (e["values"]["sampledThread"].get("javaName") or "?") if not c.isdigit())
        threads[name] += 1
        if name.startswith("http-nio") and "exec" in name:
            stack = " ".join(frames(e))
            layers["inside the webhook endpoint" if "WebhookEndpoint." in stack
                   else "MVC outside the endpoint" if "DispatcherServlet" in stack
                   else "security chain outside MVC" if "FilterChainProxy" in stack
                   else "other servlet filters" if "ApplicationFilterChain" in stack
                   else "Tomcat outside the filters"] += 1
    print("samples by thread: " + ", ".join(f"{t} {c}" for t, c in threads.most_common(5)))
    r = sum(layers.values()) or 1
    print("request threads, by the innermost layer on the stack:")
    for layer, count in layers.most_common():
        print(f"  {100 * count / r:5.1f} %  {layer}")
    print("hottest methods (self):")
    for method, count in selfs.most_common(12):
        print(f"  {100 * count / n:5.1f} %  {method}")
    waits = collections.Counter()
    for e in events(path, "jdk.SocketRead,jdk.ThreadPark,jdk.JavaMonitorEnter"):
        fs = frames(e)
        ours = next((f.split("$$")[0] for f in fs if f.startswith("org.rpmsync")), None)
        if ours is None:
            continue
        d = e["values"]["duration"]
        seconds = float(d[2:-1]) if d.startswith("PT") and d.endswith("S") else 0.0
        if "M" in d[2:]:
            seconds = 0.0
        waits[(e["type"].split(".")[-1], ours)] += seconds
    print("waits > threshold, seconds by kind and innermost org.rpmsync frame:")
    for (kind, where), seconds in waits.most_common(10):
        print(f"  {seconds:8.1f} s  {kind:18} {where}")

main(sys.argv[1])
