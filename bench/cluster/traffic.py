#!/usr/bin/env python3
"""Webhooks and staff page views through the load balancer, with one instance killed (kill -9) in the middle.

Writes every acknowledged (2xx) delivery's natural key (device id, measured-at) to ACKED, one a line, and prints a
JSON summary: deliveries sent / 2xx / other, page views / 200 / other, and whether every session survived.
Loopback only. See bench/cluster/run.sh.
"""
import argparse, http.client, json, os, re, signal, threading, time, urllib.parse
from datetime import datetime, timedelta, timezone

p = argparse.ArgumentParser()
p.add_argument("--port", type=int, default=8196)
p.add_argument("--webhook-path", required=True)
p.add_argument("--secret", required=True)
p.add_argument("--email", required=True)
p.add_argument("--password", required=True)
p.add_argument("--rate", type=float, default=40)
p.add_argument("--seconds", type=float, default=40)
p.add_argument("--sessions", type=int, default=20)
p.add_argument("--kill-pid", type=int, required=True)
p.add_argument("--kill-at", type=float, default=15)
p.add_argument("--acked", required=True)
a = p.parse_args()
HOST = "127.0.0.1"
BASE = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)
lock = threading.Lock()
stats = {"deliveries_sent": 0, "deliveries_2xx": 0, "deliveries_other": {}, "page_views": 0, "page_views_200": 0,
         "page_views_other": {}, "killed_at_s": None}
acked = []


def bump(table, key):
    with lock:
        stats[table][key] = stats[table].get(key, 0) + 1


def request(conn, method, path, body=None, headers=None):
    conn.request(method, path, body=body, headers=headers or {})
    r = conn.getresponse()
    body = r.read().decode("utf-8", "replace")
    return r.status, r.msg, body  # r.msg: header names case-insensitive (HAProxy sends them in lower case)


def sign_in():
    c = http.client.HTTPConnection(HOST, a.port, timeout=10)
    status, headers, body = request(c, "GET", "/login")
    cookie = re.search(r"SESSION=([^;]+)", " ".join(headers.get_all("Set-Cookie") or [])).group(1)
    csrf = re.search(r'name="_csrf"\s+value="([^"]+)"', body).group(1)
    form = urllib.parse.urlencode({"username": a.email, "password": a.password, "_csrf": csrf})
    status, headers, _ = request(c, "POST", "/login", form, {"Content-Type": "application/x-www-form-urlencoded",
                                                             "Cookie": "SESSION=" + cookie})
    m = re.search(r"SESSION=([^;]+)", " ".join(headers.get_all("Set-Cookie") or []))
    assert status == 302 and not (headers.get("Location") or "").endswith("error"), "sign-in failed"
    return m.group(1) if m else cookie


def item(seq):
    device = "cluster-dev-%02d" % (seq % 16)
    at = BASE + timedelta(microseconds=seq)
    ts = at.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    body = json.dumps({"metric": "blood_pressure", "device_name": "Tenovi BPM - L", "hwi_device_id": device,
                       "patient_id": "CLUSTER-%02d" % (seq % 16), "sensor_code": "10",
                       "value_1": "%d.00" % (100 + seq % 60), "value_2": "%d.00" % (60 + seq % 30),
                       "created": ts, "timestamp": ts, "timezone_offset": -5, "estimated_timestamp": False,
                       "filter_params": {"measurement_index": seq}})
    return device, at.isoformat(), body


def webhooks(worker, workers, start):
    conn = http.client.HTTPConnection(HOST, a.port, timeout=10)
    seq = worker
    interval = workers / a.rate
    while time.monotonic() - start < a.seconds:
        due = start + (seq // workers) * interval
        if due > time.monotonic():
            time.sleep(due - time.monotonic())
        device, at, body = item(seq)
        with lock:
            stats["deliveries_sent"] += 1
        try:
            status, _, _ = request(conn, "POST", a.webhook_path, body,
                                   {"Authorization": a.secret, "Content-Type": "application/json"})
            if 200 <= status < 300:
                with lock:
                    stats["deliveries_2xx"] += 1
                    acked.append((device, at))
            else:
                bump("deliveries_other", str(status))
        except Exception as e:  # connection reset by the killed instance: Tenovi would retry; we count it
            bump("deliveries_other", type(e).__name__)
            conn.close()
            conn = http.client.HTTPConnection(HOST, a.port, timeout=10)
        seq += workers


def page_views(cookies, start):
    conn = http.client.HTTPConnection(HOST, a.port, timeout=10)
    i = 0
    while time.monotonic() - start < a.seconds:
        cookie = cookies[i % len(cookies)]
        i += 1
        with lock:
            stats["page_views"] += 1
        try:
            status, headers, _ = request(conn, "GET", "/admin/organizations", None, {"Cookie": "SESSION=" + cookie})
            if status == 200:
                with lock:
                    stats["page_views_200"] += 1
            else:
                bump("page_views_other", "%d %s" % (status, headers.get("Location") or ""))
        except Exception as e:
            bump("page_views_other", type(e).__name__)
            conn.close()
            conn = http.client.HTTPConnection(HOST, a.port, timeout=10)
        time.sleep(0.05)


cookies = [sign_in() for _ in range(a.sessions)]
start = time.monotonic()
threads = [threading.Thread(target=webhooks, args=(w, 4, start)) for w in range(4)]
threads += [threading.Thread(target=page_views, args=(cookies, start)) for _ in range(2)]
for t in threads:
    t.start()
time.sleep(a.kill_at)
os.kill(a.kill_pid, signal.SIGKILL)
stats["killed_at_s"] = round(time.monotonic() - start, 1)
for t in threads:
    t.join()
survived = 0
c = http.client.HTTPConnection(HOST, a.port, timeout=10)
for cookie in cookies:
    status, _, body = request(c, "GET", "/admin/organizations", None, {"Cookie": "SESSION=" + cookie})
    survived += status == 200
stats["sessions"] = len(cookies)
stats["sessions_valid_after"] = survived
with open(a.acked, "w") as f:
    for device, at in acked:
        f.write("%s,%s\n" % (device, at))
print(json.dumps(stats))
