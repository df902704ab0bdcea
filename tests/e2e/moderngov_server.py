#!/usr/bin/env python3
"""A loopback stand-in for a council's ModernGov site, for tests/e2e/test_harvest.sh.

Serves tests/e2e/fixtures/moderngov (or --fixtures DIR) on 127.0.0.1 at a port
the kernel picks, and prints that port on the first line of stdout.

  /mgWebService.asmx/GetCommittees                     GetCommittees.xml
  /mgWebService.asmx/GetMeetings?lCommitteeId=N&...    GetMeetings_N.xml
  /mgWebService.asmx/GetMeeting?lMeetingId=N           GetMeeting_N.xml
  /mgConvert2PDF.aspx?ID=N                             docs/N.* (Content-Type from docs/content-types.json)
  /documents/PATH                                      docs/PATH
  /redirect/PATH                                       302 to /PATH

"{{BASE}}" in an XML answer becomes http://127.0.0.1:PORT.

Misbehaviour, set at start (options) or at any time through /_control?NAME=VALUE
(an empty value switches it off; /_control?reset=1 switches everything off):

  ws_status=500        web-service requests answer HTTP 500
  ws_html=1            web-service requests answer an HTML error page with HTTP 200
  doc_status=ID:CODE   the document with attachment id ID answers HTTP CODE
  slow=SUBSTRING       requests whose path contains SUBSTRING wait slow_seconds (default 5) first
  drop=SUBSTRING       requests whose path contains SUBSTRING get the connection closed, no answer
  fail_after=N         after N more requests, every request gets the connection closed
                       (the server "dies" part-way through a harvest)

/_stats answers {"total": n, "paths": {"/path?query": count, ...}} for every request
so far (control and stats requests are not counted); /_stats?reset=1 empties it.
"""

import argparse
import json
import mimetypes
import os
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class State:
    def __init__(self):
        self.lock = threading.Lock()
        self.counts = {}
        self.total = 0
        self.settings = {}
        self.remaining = None  # requests left before fail_after kicks in

    def set(self, name, value):
        with self.lock:
            if name == "reset":
                self.settings.clear()
                self.remaining = None
            elif name == "fail_after":
                self.remaining = int(value) if value else None
            elif value:
                self.settings[name] = value
            else:
                self.settings.pop(name, None)

    def record(self, path):
        """Counts a request; returns False when the server should play dead."""
        with self.lock:
            self.total += 1
            self.counts[path] = self.counts.get(path, 0) + 1
            if self.remaining is None:
                return True
            if self.remaining <= 0:
                return False
            self.remaining -= 1
            return True

    def setting(self, name):
        with self.lock:
            return self.settings.get(name)


class Handler(BaseHTTPRequestHandler):
    server_version = "FakeModernGov/1.0"
    protocol_version = "HTTP/1.1"  # keep-alive, as IIS does

    def log_message(self, fmt, *args):  # quiet: the test prints what matters
        pass

    # --- helpers ---------------------------------------------------------
    def send(self, status, body, content_type, headers=None):
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def drop(self):
        self.close_connection = True  # nothing written: the client sees an empty reply

    def base(self):
        return "http://127.0.0.1:%d" % self.server.server_address[1]

    # --- routing ---------------------------------------------------------
    def do_GET(self):
        state = self.server.state
        url = urllib.parse.urlsplit(self.path)
        query = {k.lower(): v[0] for k, v in urllib.parse.parse_qs(url.query).items()}
        if url.path == "/_control":
            for name, value in query.items():
                state.set(name, value)
            return self.send(200, "ok\n", "text/plain")
        if url.path == "/_stats":
            if "reset" in query:
                with state.lock:
                    state.counts.clear()
                    state.total = 0
            with state.lock:
                body = json.dumps({"total": state.total, "paths": state.counts}, indent=1)
            return self.send(200, body, "application/json")

        if not state.record(self.path):
            return self.drop()
        drop = state.setting("drop")
        if drop and drop in self.path:
            return self.drop()
        slow = state.setting("slow")
        if slow and slow in self.path:
            time.sleep(float(state.setting("slow_seconds") or 5))

        path = url.path.lower()
        if path.startswith("/mgwebservice.asmx/"):
            return self.web_service(path.rsplit("/", 1)[1], query)
        if path == "/mgconvert2pdf.aspx":
            return self.attachment(query.get("id", ""))
        if url.path.startswith("/documents/"):
            return self.document(url.path[len("/documents/"):], url.path.split("/")[2][1:])
        if url.path.startswith("/redirect/"):
            return self.send(302, "", "text/plain", {"Location": url.path[len("/redirect"):]})
        return self.send(404, "<html><body>Not found</body></html>", "text/html")

    def web_service(self, operation, query):
        state = self.server.state
        if state.setting("ws_status"):
            return self.send(int(state.setting("ws_status")),
                             "System.InvalidOperationException: server error", "text/plain")
        if state.setting("ws_html"):
            return self.send(200, self.fixture_text("error.html"), "text/html; charset=utf-8")
        if operation == "getcommittees":
            name = "GetCommittees.xml"
        elif operation == "getmeetings" and query.get("lcommitteeid", "").isdigit():
            name = "GetMeetings_%s.xml" % query["lcommitteeid"]
        elif operation == "getmeeting" and query.get("lmeetingid", "").isdigit():
            name = "GetMeeting_%s.xml" % query["lmeetingid"]
        else:
            return self.send(500, "Missing parameter", "text/plain")
        if not os.path.exists(os.path.join(self.server.fixtures, name)):
            return self.send(500, "System.NullReferenceException", "text/plain")
        xml = self.fixture_text(name).replace("{{BASE}}", self.base())
        return self.send(200, xml, "text/xml; charset=utf-8")

    def attachment(self, ident):
        docs = os.path.join(self.server.fixtures, "docs")
        for name in sorted(os.listdir(docs)):
            if ident.isdigit() and name.split(".")[0] == ident:
                return self.document(name, ident)
        return self.send(404, "<html><body>No such document</body></html>", "text/html")

    def document(self, relative, ident):
        state = self.server.state
        wanted = state.setting("doc_status")
        if wanted and wanted.split(":")[0] == ident:
            return self.send(int(wanted.split(":")[1]), "<html><body>Error</body></html>",
                             "text/html")
        docs = os.path.realpath(os.path.join(self.server.fixtures, "docs"))
        path = os.path.realpath(os.path.join(docs, relative))
        if not path.startswith(docs + os.sep) or not os.path.isfile(path):
            return self.send(404, "<html><body>Not found</body></html>", "text/html")
        types = self.server.content_types
        content_type = types.get(relative) or mimetypes.guess_type(path)[0] or "application/octet-stream"
        with open(path, "rb") as f:
            return self.send(200, f.read(), content_type)

    def fixture_text(self, name):
        with open(os.path.join(self.server.fixtures, name), encoding="utf-8") as f:
            return f.read()


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", default=os.path.join(here, "fixtures", "moderngov"))
    for name in ("ws_status", "ws_html", "doc_status", "slow", "slow_seconds", "drop",
                 "fail_after"):
        parser.add_argument("--" + name.replace("_", "-"), dest=name)
    args = parser.parse_args()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.fixtures = args.fixtures
    server.state = State()
    with open(os.path.join(args.fixtures, "docs", "content-types.json"), encoding="utf-8") as f:
        server.content_types = json.load(f)
    for name in ("ws_status", "ws_html", "doc_status", "slow", "slow_seconds", "drop",
                 "fail_after"):
        if getattr(args, name) is not None:
            server.state.set(name, getattr(args, name))
    print(server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
