#!/usr/bin/env python3
"""Open a newsclean HTML review report in headless Chromium and check it through the DOM.

Drives Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe: no port, no
websocket library, nothing but the standard library), so it runs wherever Debian's chromium
runs. Checks, failing with a message and exit code 1:

  1. the index lists exactly the expected files (--expect-files N, names from --expect-names);
  2. a page view opens from its index link and shows raw and clean text with rule marks;
  3. choosing a rule in the filter hides every mark of the other rules and keeps that rule's
     marks visible (by computed style, not only by class), and hides index rows of files the
     rule did not touch; choosing "all rules" shows every mark again.

Takes a screenshot of the page view (--screenshot PNG).
"""
import argparse
import base64
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
]


class Fail(Exception):
    pass


class Browser:
    def __init__(self, chromium):
        self.profile = tempfile.mkdtemp(prefix="newsclean-chromium-")
        # Chromium reads commands from fd 3 and writes replies to fd 4.
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()

        def fds():
            # Move both ends out of the way first: either may already be fd 3 or 4.
            r, w = os.dup(to_child_r), os.dup(from_child_w)
            os.dup2(r, 3)
            os.dup2(w, 4)
            os.set_inheritable(3, True)
            os.set_inheritable(4, True)

        self.proc = subprocess.Popen(
            [chromium, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
            preexec_fn=fds,
            pass_fds=(3, 4),
            stdout=subprocess.DEVNULL,
            stderr=None if os.environ.get("CDP_DEBUG") else subprocess.DEVNULL,
        )
        os.close(to_child_r)
        os.close(from_child_w)
        self.buf = b""
        self.next_id = 0
        self.session = None

    def send(self, method, params=None, session=True, timeout=30):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            msg["sessionId"] = self.session
        os.write(self.to_child, json.dumps(msg).encode() + b"\0")
        deadline = time.time() + timeout
        while True:
            while b"\0" not in self.buf:
                if time.time() > deadline:
                    raise Fail(f"no reply to {method} within {timeout}s")
                chunk = os.read(self.from_child, 1 << 16)
                if not chunk:
                    raise Fail("chromium closed the pipe")
                self.buf += chunk
            raw, self.buf = self.buf.split(b"\0", 1)
            reply = json.loads(raw)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise Fail(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def open(self, url, width, height):
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.send(
            "Target.attachToTarget", {"targetId": target, "flatten": True}, session=False
        )["sessionId"]
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        self.send("Page.enable")
        self.send("Page.navigate", {"url": url})
        self.wait_for("document.readyState === 'complete' && !!document.getElementById('rule')")

    def eval(self, expr):
        r = self.send("Runtime.evaluate", {"expression": expr, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in r:
            raise Fail(f"script error in {expr[:80]!r}: {r['exceptionDetails'].get('text')}"
                       f" {r['exceptionDetails'].get('exception', {}).get('description', '')}")
        return r["result"].get("value")

    def wait_for(self, expr, timeout=20):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.eval(expr):
                return
            time.sleep(0.05)
        raise Fail(f"timed out waiting for {expr}")

    def screenshot(self, path):
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        pathlib.Path(path).write_bytes(base64.b64decode(data))

    def close(self):
        try:
            self.send("Browser.close", session=False, timeout=5)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


# Which marks are shown: a range mark by its background, a point mark by its ::before caret.
MARK_STATE = """
(() => [...document.querySelectorAll('#view mark[data-rules]')].map(m => {
  const bg = getComputedStyle(m).backgroundColor;
  const caret = getComputedStyle(m, '::before').content;
  const shown = m.classList.contains('pt') ? (caret !== 'none' && caret !== 'normal')
                                           : (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent');
  return {rules: m.dataset.rules.split(' '), shown, off: m.classList.contains('off')};
}))()
"""


def select_rule(b, rule):
    b.eval(f"""(() => {{ const s = document.getElementById('rule'); s.value = {json.dumps(rule)};
        s.dispatchEvent(new Event('change', {{bubbles: true}})); return s.value; }})()""")


def check(b, url, expect_files, expect_names, screenshot):
    b.open(url, 1400, 900)
    rows = b.eval("[...document.querySelectorAll('#index tbody tr')].map(tr => "
                  "({name: tr.querySelector('td:nth-child(2)').innerText.split('\\n')[0], "
                  "rules: tr.dataset.rules, visible: tr.offsetParent !== null}))")
    names = [r["name"] for r in rows]
    print(f"index: {len(rows)} files: {', '.join(names)}")
    if len(rows) != expect_files:
        raise Fail(f"expected {expect_files} files in the index, found {len(rows)}")
    for n in expect_names:
        if not any(name.endswith(n) for name in names):
            raise Fail(f"{n} is not in the index")
    if not all(r["visible"] for r in rows):
        raise Fail("some index rows are not visible")
    options = b.eval("[...document.getElementById('rule').options].map(o => o.value).filter(Boolean)")
    print(f"rule filter offers {len(options)} rules: {', '.join(options)}")

    # Pick the page whose view has marks of the most rules, open it by clicking its link.
    best = max(range(len(rows)), key=lambda i: len(set(rows[i]["rules"].split())))
    b.eval(f"document.querySelectorAll('#index tbody tr')[{best}].querySelector('a').click()")
    b.wait_for("document.body.classList.contains('viewing') && !!document.querySelector('#view pre.raw')")
    marks = b.eval(MARK_STATE)
    rules = sorted({r for m in marks for r in m["rules"]})
    print(f"page view of {names[best]}: {len(marks)} marks of {len(rules)} rules")
    if not marks or not all(m["shown"] for m in marks):
        raise Fail("the page view shows no marks, or hides some with no filter chosen")
    if screenshot:
        b.screenshot(screenshot)
        print(f"screenshot: {screenshot}")
    if len(rules) < 2:
        raise Fail(f"the page with the most rules has marks of {len(rules)} rule(s): "
                   "a rule filter cannot be checked")

    for rule in rules:
        select_rule(b, rule)
        state = b.eval(MARK_STATE)
        own = [m for m in state if rule in m["rules"]]
        other = [m for m in state if rule not in m["rules"]]
        if not own or not all(m["shown"] and not m["off"] for m in own):
            raise Fail(f"filter {rule}: its own marks are not all shown")
        if not all((not m["shown"]) and m["off"] for m in other):
            raise Fail(f"filter {rule}: marks of other rules are still shown")
        print(f"filter {rule}: {len(own)} marks shown, {len(other)} marks of other rules hidden")
    # The index follows the filter too.
    b.eval("location.hash = ''")
    b.wait_for("!document.body.classList.contains('viewing')")
    rule = rules[0]
    select_rule(b, rule)
    shown = b.eval("[...document.querySelectorAll('#index tbody tr')].filter(tr => tr.offsetParent !== null)"
                   ".map(tr => tr.dataset.rules)")
    if not all(rule in r.split() for r in shown):
        raise Fail(f"filter {rule}: index rows of files it did not touch are still shown")
    print(f"filter {rule}: index shows {len(shown)} of {len(rows)} files")
    select_rule(b, "")
    b.eval(f"document.querySelectorAll('#index tbody tr')[{best}].querySelector('a').click()")
    b.wait_for("document.body.classList.contains('viewing')")
    if not all(m["shown"] for m in b.eval(MARK_STATE)):
        raise Fail("choosing 'all rules' does not show every mark again")
    print("filter 'all rules': every mark shown again")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("report")
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    ap.add_argument("--expect-files", type=int, required=True)
    ap.add_argument("--expect-names", nargs="*", default=[])
    ap.add_argument("--screenshot")
    a = ap.parse_args()
    url = pathlib.Path(a.report).resolve().as_uri()
    b = Browser(a.chromium)
    try:
        check(b, url, a.expect_files, a.expect_names, a.screenshot)
    except Fail as e:
        print(f"browser check FAILED: {e}", file=sys.stderr)
        return 1
    finally:
        b.close()
    print("browser check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
