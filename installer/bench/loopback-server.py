#!/usr/bin/env python3
"""A loopback OpenAI-compatible server for installer/bench-cli.sh: /v1/models answers a list of two
models, /v1/chat/completions a short reply (an SSE stream with usage when asked to stream, else one
JSON body). Prints "listening on http://127.0.0.1:PORT/v1" once it accepts connections.
    python3 installer/bench/loopback-server.py [PORT]      (0, the default: a free port)"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MODELS = {"object": "list", "data": [{"id": "bench-model", "object": "model"}, {"id": "other-model", "object": "model"}]}
USAGE = {"prompt_tokens": 5, "completion_tokens": 2, "total_tokens": 7}


def chunk(delta, finish=None, usage=None):
    body = {"id": "b1", "object": "chat.completion.chunk", "model": "bench-model",
            "choices": [] if delta is None else [{"index": 0, "delta": delta, "finish_reason": finish}]}
    if usage:
        body["usage"] = usage
    return ("data: " + json.dumps(body) + "\n\n").encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, content_type, body):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path.rstrip("/").endswith("/models"):
            self.answer(200, "application/json", json.dumps(MODELS).encode())
        else:
            self.answer(404, "application/json", b'{"error":{"message":"not found","type":"not_found"}}')

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        request = json.loads(self.rfile.read(length) or b"{}")
        if not self.path.rstrip("/").endswith("/chat/completions"):
            self.answer(404, "application/json", b'{"error":{"message":"not found","type":"not_found"}}')
        elif request.get("stream"):
            body = (chunk({"role": "assistant", "content": "Hello"}) + chunk({"content": " there."})
                    + chunk({}, "stop") + chunk(None, usage=USAGE) + b"data: [DONE]\n\n")
            self.answer(200, "text/event-stream", body)
        else:
            body = {"id": "b1", "object": "chat.completion", "model": "bench-model", "usage": USAGE,
                    "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hello there."},
                                 "finish_reason": "stop"}]}
            self.answer(200, "application/json", json.dumps(body).encode())


server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 0), Handler)
print("listening on http://127.0.0.1:%d/v1" % server.server_address[1], flush=True)
server.serve_forever()
