"""Check d of scripts/cluster-test (issue 21): a random-inspection draw (双随机) started on app node 1 verifies on node 2.

   python3 cluster_draw.py APP1 APP2 KEYCLOAK OUT_DIR REALM_FILE

As people do it, through the pages and Keycloak's sign-in form: on node 1 inspector1 drafts a plan (2 institutions,
teams of 2) and submits it, director1 (password and one-time code) approves it, which commits the seed and runs the
draw. On node 2 the plan's public page then shows the draw; its published inputs are fetched there (saved as
OUT_DIR/draw-inputs.json for "fundguard draw verify") and re-computed by node 2's verify endpoint.
Exit 0 when node 2 says the draw matches. Python 3 standard library only.
"""
import hashlib
import hmac
import html
import http.cookiejar
import json
import re
import struct
import sys
import time
import urllib.parse
import urllib.request

app1, app2, kc, out, realm_file = sys.argv[1:6]
CSRF = re.compile(r'name="_csrf" value="([^"]+)"')


class Localhost(http.cookiejar.DefaultCookiePolicy):
    """Keycloak marks its sign-in cookies Secure; a browser sends them to http://localhost too, and so does this."""

    def return_ok_secure(self, cookie, request):
        return True


def browser():
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar(Localhost())))


def form(b, url, fields):
    with b.open(url, urllib.parse.urlencode(fields, doseq=True).encode(), timeout=60) as r:
        return r.geturl(), r.read().decode("utf-8", "replace")


def page(b, url):
    with b.open(url, timeout=60) as r:
        return r.geturl(), r.read().decode("utf-8", "replace")


def totp(user, at):
    """The demo user's current code, as Keycloak computes it: HMAC-SHA1 over the secret's UTF-8 bytes, 30 s, 6 digits."""
    realm = json.load(open(realm_file, encoding="utf-8"))
    for u in realm["users"]:
        if u["username"] == user:
            for c in u.get("credentials", []):
                if c["type"] == "otp":
                    key = json.loads(c["secretData"])["value"].encode("utf-8")
                    mac = hmac.new(key, struct.pack(">Q", int(at) // 30), hashlib.sha1).digest()
                    o = mac[-1] & 0x0F
                    return "%06d" % ((struct.unpack(">I", mac[o:o + 4])[0] & 0x7FFFFFFF) % 1000000)
    raise SystemExit("no one-time code for " + user)


def sign_in(app, user):
    """Keycloak's browser sign-in from a page of the app; a code is used once, so a refused one waits for the next."""
    for attempt in range(3):
        b = browser()
        url, body = page(b, app + "/inspections")
        action = re.search(r'<form[^>]*id="kc-form-login"[^>]*action="([^"]+)"', body) or re.search(r'action="([^"]+)"', body)
        url, body = form(b, html.unescape(action.group(1)), {"username": user, "password": "fundguard", "credentialId": ""})
        if url.startswith(app):
            return b
        if 'name="otp"' in body:
            # the start of a fresh 30 s window: a code someone else used a moment ago is not reused
            time.sleep(30 - time.time() % 30 + 1 if attempt else 0)
            action = re.search(r'<form[^>]*id="kc-otp-login-form"[^>]*action="([^"]+)"', body) or re.search(r'action="([^"]+)"', body)
            url, body = form(b, html.unescape(action.group(1)), {"otp": totp(user, time.time()), "login": "Sign In"})
            if url.startswith(app):
                return b
        print("sign-in of %s refused (attempt %d), at %s" % (user, attempt + 1, url))
    raise SystemExit("cannot sign in as " + user)


inspector = sign_in(app1, "inspector1")
url, body = page(inspector, app1 + "/inspections")
year = re.search(r'name="year"[^>]*value="(\d+)"', body).group(1)
deadline = re.search(r'name="deadline"[^>]*value="([0-9-]+)"', body).group(1)
stratify = re.search(r'name="stratifyBy">\s*<option value="([^"]*)"', body)
name = "集群测试 %s" % time.strftime("%H%M%S")
url, body = form(inspector, app1 + "/inspections/plans", {
    "_csrf": CSRF.search(body).group(1), "name": name, "year": year, "regions": "", "sampleMode": "count",
    "sampleCount": "2", "samplePercent": "", "stratifyBy": stratify.group(1) if stratify else "",
    "inspectorsPerInstitution": "2", "deadline": deadline})
m = re.search(r"/inspections/plans/(\d+)$", url)
if not m:
    raise SystemExit("node 1 made no plan: %s %s" % (url, re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))[:400]))
plan = m.group(1)
url, body = form(inspector, "%s/inspections/plans/%s/submit" % (app1, plan), {"_csrf": CSRF.search(body).group(1)})
print("node 1: plan %s (%s) drafted and submitted by inspector1" % (plan, name))

director = sign_in(app1, "director1")
url, body = page(director, "%s/inspections/plans/%s" % (app1, plan))
url, body = form(director, "%s/inspections/plans/%s/decision" % (app1, plan),
                 {"_csrf": CSRF.search(body).group(1), "decision": "APPROVE", "opinion": "同意（集群测试）"})
print("node 1: plan %s approved by director1: seed committed, draw started" % plan)

draw = None
for _ in range(90):
    try:
        _, body = page(browser(), "%s/public/inspections/plans/%s" % (app2, plan))
        ids = re.findall(r"/public/inspections/draws/(\d+)", body)
        if ids:
            draw = ids[-1]
            break
    except urllib.error.HTTPError:
        pass
    time.sleep(2)
if draw is None:
    raise SystemExit("node 2 shows no draw of plan %s after 180 s" % plan)
_, inputs = page(browser(), "%s/public/inspections/draws/%s/inputs.json" % (app2, draw))
open(out + "/draw-inputs.json", "w", encoding="utf-8").write(inputs)
# as the proof page's "由服务器验证" button does: the page's session and CSRF token, the inputs posted back
visitor = browser()
_, proof = page(visitor, "%s/public/inspections/draws/%s" % (app2, draw))
tag = re.search(r'<input[^>]*id="csrf"[^>]*>', proof)
headers = {"Content-Type": "application/json"}
if tag:
    headers[re.search(r'data-header="([^"]+)"', tag.group(0)).group(1)] = re.search(r'value="([^"]+)"', tag.group(0)).group(1)
req = urllib.request.Request(app2 + "/public/inspections/verify", inputs.encode("utf-8"), headers)
with visitor.open(req, timeout=60) as r:
    verdict = json.load(r)
published = json.loads(inputs)
print("node 2: draw %s of plan %s: %d institutions, %d inspectors in the published inputs" % (
    draw, plan, len(published.get("directory") or []), len(published.get("pool") or [])))
print("node 2 verify: matches=%s: %s" % (verdict.get("matches"), verdict.get("summary")))
sys.exit(0 if verdict.get("matches") is True else 1)
