#!/usr/bin/env python3
"""Serve dist/ the way a plain static host does, under a subpath.

Files are served as they are; a missing path gets dist/404.html with status 404
(GitHub Pages' behaviour). The app is mounted at --base (default /evident/) so the
end-to-end tests prove the build works under a subpath, not only at a root.
With --gzip, text and wasm go out gzip-compressed on the fly to clients that accept
it, as GitHub Pages, Netlify and Cloudflare do. With --precompressed, nothing is
compressed on the fly: a request for FILE gets the build's FILE.br or FILE.gz
sibling when the client accepts that encoding (brotli first) and it exists, else
FILE as it is, as GitLab Pages, OpenBSD httpd or nginx's gzip_static/brotli_static
do. `make audit` runs Lighthouse against both.
Usage: serve_dist.py [--port 4173] [--base /evident/] [--dir dist] [--gzip | --precompressed]
"""
import argparse
import gzip
import http.server
import os
import posixpath
import urllib.parse

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, default=4173)
parser.add_argument("--base", default="/evident/")
parser.add_argument("--dir", default="dist")
mode = parser.add_mutually_exclusive_group()
mode.add_argument("--gzip", action="store_true", help="compress text and wasm responses on the fly")
mode.add_argument("--precompressed", action="store_true", help="serve FILE.br / FILE.gz siblings as they are")
args = parser.parse_args()
root = os.path.abspath(args.dir)
base = "/" + args.base.strip("/") + "/" if args.base.strip("/") else "/"


COMPRESSIBLE = (".html", ".js", ".css", ".wasm", ".svg", ".webmanifest", ".json")


def accepted_encodings(header):
    """The encodings an Accept-Encoding header allows (q=0 refuses one)."""
    out = set()
    for part in header.split(","):
        name, _, params = part.strip().partition(";")
        if name and params.replace(" ", "") not in ("q=0", "q=0.0", "q=0.00", "q=0.000"):
            out.add(name.strip().lower())
    return out


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".webmanifest": "application/manifest+json",
    }

    def log_message(self, *_):
        pass

    def do_GET(self):
        path = urllib.parse.urlsplit(self.path).path
        if path == base.rstrip("/"):
            self.send_response(301)
            self.send_header("Location", base)
            self.end_headers()
            return
        if not path.startswith(base):
            return self.not_found()
        rel = posixpath.normpath(urllib.parse.unquote(path[len(base):]))
        if rel in (".", ""):
            rel = "index.html"
        full = os.path.join(root, rel)
        if rel.startswith("..") or not os.path.isfile(full):
            return self.not_found()
        self.path = "/" + rel
        accepted = accepted_encodings(self.headers.get("Accept-Encoding", ""))
        if args.gzip and "gzip" in accepted and rel.endswith(COMPRESSIBLE):
            return self.send_encoded(full, gzip.compress(open(full, "rb").read(), 9), "gzip")
        if args.precompressed:
            for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
                if encoding in accepted and os.path.isfile(full + suffix):
                    return self.send_encoded(full, open(full + suffix, "rb").read(), encoding)
        return super().do_GET()

    def send_encoded(self, full, body, encoding):
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(full))
        self.send_header("Content-Encoding", encoding)
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(os.path.getmtime(full))))
        self.end_headers()
        self.wfile.write(body)

    def translate_path(self, path):
        return os.path.join(root, urllib.parse.urlsplit(path).path.lstrip("/"))

    def not_found(self):
        page = os.path.join(root, "404.html")
        body = open(page, "rb").read() if os.path.isfile(page) else b"Not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Handler).serve_forever()
