#!/usr/bin/env bash
# Renders every .html page of a casebook report in headless Chromium and
# fails when a page does not load, logs a console error or an uncaught
# exception, fails to load a resource (a missing style sheet or image),
# links to a file or an anchor that does not exist, or - for index.html -
# lacks the rendered charts (heatmap, timeline, series).
#
#   tests/browser/check_report.sh REPORT_DIR
#
# Exit status: 0 all pages pass, 1 a page failed, 2 bad usage, 77 Chromium
# (or python3, which drives it) is not installed: ctest reports a skip.
#
# Why the DevTools protocol and not --enable-logging/--dump-dom: Chromium's
# log shows console.error() and console.log() alike (both "INFO:CONSOLE")
# and does not mention resources that fail to load, so grepping it cannot
# tell an error from a note and misses a missing style sheet. Over
# --remote-debugging-pipe (no network port) the browser reports each console
# message with its level, every exception, and every failed load.

set -euo pipefail

if [[ $# -ne 1 || ! -d "$1" ]]; then
  echo "usage: $0 REPORT_DIR" >&2
  exit 2
fi
report_dir=$(cd "$1" && pwd)

chromium=${CHROMIUM:-}
if [[ -z "$chromium" ]]; then
  chromium=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
fi
if [[ -z "$chromium" || ! -x "$chromium" ]]; then
  echo "SKIP: Chromium is not installed (set CHROMIUM=/path/to/chromium to use another one)" >&2
  exit 77
fi
if ! command -v python3 > /dev/null; then
  echo "SKIP: python3 is not installed (it drives Chromium over the DevTools protocol)" >&2
  exit 77
fi

profile=$(mktemp -d "${TMPDIR:-/tmp}/casebook-chromium-XXXXXX")
trap 'rm -rf "$profile"' EXIT

python3 - "$chromium" "$profile" "$report_dir" << 'PYTHON'
import fcntl
import json
import os
import select
import subprocess
import sys
import time
import urllib.parse

chromium, profile, report_dir = sys.argv[1:4]
PAGE_TIMEOUT = 30.0   # seconds for one page to load
SETTLE = 0.5          # seconds to wait after "load" for late messages

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--user-data-dir=" + profile, "--remote-debugging-pipe", "about:blank"]


class Browser:
    """Chromium driven over --remote-debugging-pipe: commands go to its fd 3,
    replies and events come from its fd 4, each a JSON text ended by NUL."""

    def __init__(self):
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()

        def child_fds():
            # Move the pipe ends out of the way first, so dup2 cannot clobber one.
            r = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD, 100)
            w = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD, 100)
            os.dup2(r, 3)
            os.dup2(w, 4)

        self.process = subprocess.Popen([chromium] + FLAGS, stdin=subprocess.DEVNULL,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                        preexec_fn=child_fds, pass_fds=(3, 4))
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        return self.next_id

    def read(self, timeout):
        """The next message, or None after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.from_browser], [], [], left)[0]:
                return None
            chunk = os.read(self.from_browser, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium exited")
            self.buffer += chunk
        text, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(text)

    def call(self, method, params=None, session=None, timeout=PAGE_TIMEOUT):
        """Sends a command and waits for its reply; events seen meanwhile are kept."""
        wanted = self.send(method, params, session)
        deadline = time.monotonic() + timeout
        while True:
            message = self.read(max(0.0, deadline - time.monotonic()))
            if message is None:
                raise RuntimeError(method + " timed out")
            if message.get("id") == wanted:
                if "error" in message:
                    raise RuntimeError(method + ": " + message["error"].get("message", "?"))
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, method, timeout):
        deadline = time.monotonic() + timeout
        for i, event in enumerate(self.events):
            if event.get("method") == method:
                return True
        while True:
            message = self.read(max(0.0, deadline - time.monotonic()))
            if message is None:
                return False
            self.events.append(message)
            if message.get("method") == method:
                return True

    def drain(self, seconds):
        deadline = time.monotonic() + seconds
        while True:
            message = self.read(max(0.0, deadline - time.monotonic()))
            if message is None:
                return
            self.events.append(message)

    def close(self):
        try:
            self.send("Browser.close")
            self.process.wait(timeout=10)
        except Exception:
            self.process.kill()
            self.process.wait()


def problems_in(events):
    """Console errors, exceptions and failed loads among the events of a page."""
    found = []
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            args = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
            found.append("console error: " + args)
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            text = details.get("exception", {}).get("description") or details.get("text", "")
            found.append("Uncaught " + text)
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            found.append("error logged: " + entry.get("text", "") + " " + entry.get("url", ""))
        elif method == "Network.loadingFailed" and not params.get("canceled"):
            found.append("failed to load a resource: " + params.get("errorText", ""))
    return found


# Evaluated in each page: its links, and for the front page its charts.
PAGE_FACTS = r"""
(() => {
  const chart = (kind) => {
    const svg = document.querySelector('svg.chart.' + kind);
    if (!svg) return null;
    const box = svg.getBoundingClientRect();
    return {width: box.width, height: box.height, marks: svg.querySelectorAll(
        kind === 'heatmap' ? 'rect.cell' : kind === 'timeline' ? 'rect.bar' : 'g.panel').length};
  };
  return JSON.stringify({
    title: document.title,
    links: Array.from(document.querySelectorAll('a[href]'), a => a.href),
    ids: Array.from(document.querySelectorAll('[id]'), e => e.id),
    sections: ['matrix', 'heatmap', 'timeline', 'series'].filter(id => document.getElementById(id)),
    charts: {heatmap: chart('heatmap'), timeline: chart('timeline'), series: chart('series')},
    styled: getComputedStyle(document.body).marginTop === '0px',
  });
})()
"""


def link_problems(page_path, facts):
    found = []
    for href in facts["links"]:
        url = urllib.parse.urlsplit(href)
        if url.scheme != "file":
            found.append("link leaves the report: " + href)
            continue
        target = urllib.parse.unquote(url.path)
        if not os.path.exists(target):
            found.append("link to a missing file: " + href)
        elif url.fragment and os.path.samefile(target, page_path) and url.fragment not in facts["ids"]:
            found.append("link to a missing anchor: #" + url.fragment)
    return found


def chart_problems(facts):
    found = []
    for kind in ("heatmap", "timeline", "series"):
        chart = facts["charts"][kind]
        if chart is None:
            found.append('no <svg class="chart %s"> in the rendered page' % kind)
        elif chart["width"] < 50 or chart["height"] < 20 or chart["marks"] == 0:
            found.append("the %s chart renders empty (%r)" % (kind, chart))
    for section in ("matrix", "heatmap", "timeline", "series"):
        if section not in facts["sections"]:
            found.append('no element with id="%s"' % section)
    return found


def check_page(browser, session, path):
    browser.events = []
    result = browser.call("Page.navigate", {"url": "file://" + urllib.parse.quote(path)}, session)
    if result.get("errorText"):
        return ["did not load: " + result["errorText"]]
    if not browser.wait_for("Page.loadEventFired", PAGE_TIMEOUT):
        return ["did not finish loading within %d s" % PAGE_TIMEOUT]
    browser.drain(SETTLE)
    found = problems_in(browser.events)
    value = browser.call("Runtime.evaluate", {"expression": PAGE_FACTS, "returnByValue": True},
                         session)
    facts = json.loads(value["result"]["value"])
    if not facts["title"]:
        found.append("the page has no title")
    if not facts["styled"]:
        found.append("style.css was not applied")
    found += link_problems(path, facts)
    if os.path.relpath(path, report_dir) == "index.html":
        found += chart_problems(facts)
    return found


def main():
    pages = sorted(os.path.join(root, name)
                   for root, _, names in os.walk(report_dir) for name in names
                   if name.endswith(".html"))
    if not pages:
        print("FAIL: no .html pages in " + report_dir)
        return 1
    if not os.path.exists(os.path.join(report_dir, "index.html")):
        print("FAIL: no index.html in " + report_dir)
        return 1
    browser = Browser()
    failed = 0
    try:
        targets = browser.call("Target.getTargets")["targetInfos"]
        page_target = next(t["targetId"] for t in targets if t["type"] == "page")
        session = browser.call("Target.attachToTarget",
                               {"targetId": page_target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            browser.call(domain + ".enable", {}, session)
        for path in pages:
            name = os.path.relpath(path, report_dir)
            found = check_page(browser, session, path)
            if found:
                failed += 1
                print("FAIL " + name)
                for problem in found:
                    print("  " + problem)
            else:
                print("ok   " + name)
    finally:
        browser.close()
    print("%d of %d pages passed" % (len(pages) - failed, len(pages)))
    return 1 if failed else 0


sys.exit(main())
PYTHON
