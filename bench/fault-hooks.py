#!/usr/bin/env python3
"""Helpers of bench/fault-test.sh: a CRM that sends signed webhooks and retries until answered, and a
receiver of Attain's outbound webhooks that logs what it got.

  fault-hooks.py deals PREFIX N OWNER...            one delivery a line: delivery id, external id, amount, body
  fault-hooks.py send BASE SOURCE SECRET_FILE DEALS LOG [--pause S] [--deadline S] [--stop-file F]
  fault-hooks.py receive PORT SECRET_FILE LOG [--delay S]

send: for each delivery in order, POSTs it (signed with a fresh timestamp, the same delivery id every time) until
Attain answers 200, as a CRM does with an unanswered delivery; 409 (being applied), 5xx, no answer and timeouts are
retried after 0.5 s. Logs "ack <ms> <delivery> <external id> <replayed> <attempts>" and "fail <ms> <delivery> <what>".
"""
import hashlib
import hmac
import http.server
import json
import os
import sys
import time
import urllib.error
import urllib.request


def now_ms():
    return int(time.time() * 1000)


def deals(prefix, n, owners):
    for i in range(1, n + 1):
        ext = "%s%06d" % (prefix, i)
        amount = "%d.%02d" % (1000 + (i * 37) % 90000, i % 100)
        body = {"event": "deal.won", "data": {
            "external_id": ext, "name": "Fault test deal %d" % i,
            "close_date": "2026-%02d-%02d" % (i % 11 + 1, i % 28 + 1), "amount": amount, "currency": "USD",
            "owner": owners[i % len(owners)], "deal_type": ["new_logo", "expansion", "renewal"][i % 3],
            "product_code": ["PLT-PRO", "PLT-ENT", "ADD-ANL"][i % 3]}}
        print("\t".join([prefix + "-delivery-%06d" % i, ext, amount, json.dumps(body, separators=(",", ":"))]))


def post(base, source, secret, delivery, body, timeout):
    raw = body.encode()
    ts = str(int(time.time()))
    sig = "sha256=" + hmac.new(secret.encode(), (ts + ".").encode() + raw, hashlib.sha256).hexdigest()
    req = urllib.request.Request(base + "/api/v1/webhooks/" + source, data=raw, method="POST", headers={
        "Content-Type": "application/json", "X-Attain-Timestamp": ts, "X-Attain-Delivery": delivery,
        "X-Attain-Signature": sig})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.headers.get("Idempotent-Replayed") == "true", r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, False, e.read().decode(errors="replace")
    except Exception as e:  # no answer: refused, reset, timed out
        return 0, False, type(e).__name__


def send(base, source, secret_file, deals_file, log_file, pause, deadline, stop_file):
    secret = open(secret_file).read().strip()
    end = time.time() + deadline
    with open(log_file, "a", buffering=1) as log:
        for line in open(deals_file):
            delivery, ext, _amount, body = line.rstrip("\n").split("\t", 3)
            attempts = 0
            while True:
                if stop_file and os.path.exists(stop_file) and attempts == 0:
                    return 0
                attempts += 1
                code, replayed, text = post(base, source, secret, delivery, body, 120)
                if code == 200:
                    answer = json.loads(text)
                    status = answer.get("status", "?")
                    problems = "; ".join(p.get("field", "") + " " + p.get("reason", "") for p in answer.get("problems", []))
                    log.write("ack %d %s %s %d %d %s %s\n" % (now_ms(), delivery, ext, replayed, attempts, status, problems))
                    break
                log.write("fail %d %s %s\n" % (now_ms(), delivery, code or text))
                if 400 <= code < 500 and code != 409 and code != 429:
                    print("delivery %s refused with %d: %s" % (delivery, code, text[:300]), file=sys.stderr)
                    return 1
                if time.time() > end:
                    print("deadline passed with delivery %s unanswered" % delivery, file=sys.stderr)
                    return 1
                time.sleep(0.5)
            if pause:
                time.sleep(pause)
    return 0


def receive(port, secret_file, log_file, delay):
    log = open(log_file, "a", buffering=1)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            ts = self.headers.get("X-Attain-Timestamp", "")
            secret = open(secret_file).read().strip() if os.path.exists(secret_file) else ""
            good = "sha256=" + hmac.new(secret.encode(), (ts + ".").encode() + raw, hashlib.sha256).hexdigest()
            signed = hmac.compare_digest(good, self.headers.get("X-Attain-Signature", ""))
            try:
                data = json.loads(raw).get("data", {})
            except ValueError:
                data = {}
            time.sleep(delay)  # a receiver that takes a moment, so that kills land while a delivery is being sent
            log.write("%d %s %s %s %s\n" % (now_ms(), self.headers.get("X-Attain-Delivery"),
                                            self.headers.get("X-Attain-Event"), data.get("disputeId"),
                                            "signed" if signed else "unsigned"))
            self.send_response(200 if signed else 401)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()


def option(args, name, default):
    return type(default)(args[args.index(name) + 1]) if name in args else default


if __name__ == "__main__":
    a = sys.argv[1:]
    if a[0] == "deals":
        deals(a[1], int(a[2]), a[3:])
    elif a[0] == "send":
        sys.exit(send(a[1], a[2], a[3], a[4], a[5], option(a, "--pause", 0.0), option(a, "--deadline", 1800.0),
                      option(a, "--stop-file", "")))
    elif a[0] == "receive":
        receive(int(a[1]), a[2], a[3], option(a, "--delay", 0.2))
