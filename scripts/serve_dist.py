#!/usr/bin/env python3
"""Serve dist/ the way a plain static host does, under a subpath.

Files are served as they are; a missing path gets dist/404.html with status 404
(GitHub Pages' behaviour). The app is mounted at --base (default /evident/) so the
end-to-end tests prove the build works under a subpath, not only at a root.
Usage: serve_dist.py [--port 4173] [--base /evident/] [--dir dist]
"""
import argparse
import http.server
import os
import posixpath
import urllib.parse

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, default=4173)
parser.add_argument("--base", default="/evident/")
parser.add_argument("--dir", default="dist")
args = parser.parse_args()
root = os.path.abspath(args.dir)
base = "/" + args.base.strip("/") + "/" if args.base.strip("/") else "/"


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
        return super().do_GET()

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
