"""A minimal single-user server for tests that measure the hub, not the notebook server.

A notebook server takes 1-2 s of CPU to start; a test that starts a dozen at once on a 2-core
machine measures the machine. This one answers every request on the address JupyterHub gives it
(JUPYTERHUB_SERVICE_URL) with 200 and the hub's version header, which is all the hub checks
before it calls a server ready. It is chosen with JH_LIGHT_SERVERS=1 (stack/components/hub.sh).
"""

import os
import signal
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse

try:
    from jupyterhub._version import __version__ as HUB_VERSION
except ImportError:  # the header is advisory: the hub only warns without it
    HUB_VERSION = ""


class Handler(BaseHTTPRequestHandler):
    def _answer(self):
        body = b"hubwatch light single-user server\n"
        self.send_response(200)
        if HUB_VERSION:
            self.send_header("X-JupyterHub-Version", HUB_VERSION)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_GET = do_HEAD = do_POST = _answer

    def log_message(self, format, *args):  # the hub's log is the collector's input: stay quiet
        pass


def main():
    url = urlparse(os.environ["JUPYTERHUB_SERVICE_URL"])
    server = ThreadingHTTPServer((url.hostname or "127.0.0.1", url.port or 8888), Handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    server.serve_forever()


if __name__ == "__main__":
    main()
