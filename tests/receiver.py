"""A webhook receiver on the loopback interface, recording what it is sent."""

import hashlib
import hmac
import json
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Receiver:
    def __init__(self, status=200, delay=0.0):
        self.status = status
        self.delay = delay
        self.requests = []

    @property
    def url(self):
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/hook"

    def handler(self):
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's naming)
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                receiver.requests.append({"headers": dict(self.headers), "body": body})
                time.sleep(receiver.delay)
                self.send_response(receiver.status)
                if 300 <= receiver.status < 400:
                    self.send_header("Location", "http://127.0.0.1:9/elsewhere")
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        return Handler

    @property
    def payloads(self):
        return [json.loads(request["body"]) for request in self.requests]


def valid_signature(secret, request):
    """The receiver's own check: HMAC-SHA256 of the raw body under the shared secret."""
    expected = "sha256=" + hmac.new(secret.encode(), request["body"], hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, request["headers"].get("X-Kumppanuus-Signature", ""))


@contextmanager
def receiver(status=200, delay=0.0):
    recorder = Receiver(status, delay)
    recorder.server = ThreadingHTTPServer(("127.0.0.1", 0), recorder.handler())
    recorder.server.daemon_threads = True
    thread = threading.Thread(target=recorder.server.serve_forever, daemon=True)
    thread.start()
    try:
        yield recorder
    finally:
        recorder.server.shutdown()
        recorder.server.server_close()
