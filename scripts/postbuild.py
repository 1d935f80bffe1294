#!/usr/bin/env python3
"""Trunk post-build hook: make the release build strict-CSP clean and host-agnostic.

- Moves Trunk's inline bootstrap <script type="module"> into a hashed file, so the
  Content-Security-Policy needs no 'unsafe-inline' and no per-build script hash.
- Adds a strict Content-Security-Policy <meta> (no network but this origin).
- Writes 404.html, which static hosts (GitHub Pages) serve for a missing path.
- Gives the Web Workers' files (the preview, the analyzer) hashed names (Trunk
  leaves workers unhashed).
- Joins the stylesheets into one hashed file (one render-blocking request instead of
  one per file: each costs a round trip on a phone network).
- Fills the service worker's precache list (every staged file, hashed names included)
  and its version (a hash of those files' contents), so each build that changes any
  file is a new worker that the page offers as "A new version is ready".
- Writes precompressed `.gz` and `.br` siblings of every text and wasm file
  (scripts/precompress.mjs), for static hosts that do not compress on the fly.

Runs in Trunk's staging directory (TRUNK_STAGING_DIR). Debug builds (trunk serve)
keep Trunk's live-reload script and get no CSP.
"""
import base64
import hashlib
import json
import os
import re
import subprocess
import sys

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self'",
        "img-src 'self' data: blob:",
        # Spoken practice plays its recordings from object URLs.
        "media-src 'self' blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "manifest-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",
    ]
)

NOT_FOUND = """<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; base-uri 'none'" />
    <title>Page not found · Evident</title>
  </head>
  <body>
    <h1>Page not found</h1>
    <p>Evident's screens live after the <code>#</code> in the address, for example
    <code>…/#/history</code>. Open the app from its start page and follow the links.</p>
  </body>
</html>
"""


def main() -> int:
    staging = os.environ.get("TRUNK_STAGING_DIR")
    if not staging:
        print("postbuild: TRUNK_STAGING_DIR is not set; run me as a Trunk hook", file=sys.stderr)
        return 2
    if os.environ.get("TRUNK_PROFILE", "release") != "release":
        return 0
    index_path = os.path.join(staging, "index.html")
    html = open(index_path, encoding="utf-8").read()

    inline = re.compile(r'<script type="module">(.*?)</script>', re.S)
    found = inline.search(html)
    if found is None:
        print("postbuild: no inline bootstrap script found in index.html", file=sys.stderr)
        return 1
    body = found.group(1).strip() + "\n"
    name = "boot-" + hashlib.sha256(body.encode()).hexdigest()[:16] + ".js"
    with open(os.path.join(staging, name), "w", encoding="utf-8") as f:
        f.write(body)
    html = html[: found.start()] + f'<script type="module" src="./{name}"></script>' + html[found.end():]
    if inline.search(html):
        print("postbuild: more than one inline script; the CSP would block it", file=sys.stderr)
        return 1

    html = hash_workers(staging, html)
    if html is None:
        return 1
    html = merge_stylesheets(staging, html)
    # Trunk leaves a blank line where each copy-file <link> stood.
    html = re.sub(r"\n[ \t]*(?=\n)", "", html)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{CSP}" />'
    html = html.replace('<meta charset="utf-8" />', '<meta charset="utf-8" />\n    ' + meta, 1)
    with open(index_path, "w", encoding="utf-8") as f:
        f.write(html)
    with open(os.path.join(staging, "404.html"), "w", encoding="utf-8") as f:
        f.write(NOT_FOUND)
    status = write_service_worker(staging)
    if status != 0:
        return status
    return precompress(staging)


def precompress(staging: str) -> int:
    """Writes FILE.gz and FILE.br next to every text and wasm file, for hosts
    that serve a precompressed sibling instead of compressing on the fly
    (GitLab Pages, OpenBSD httpd, nginx gzip_static / brotli_static). Node's
    own zlib does both (gzip -9, brotli quality 11): nothing to install."""
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "precompress.mjs")
    done = subprocess.run(["node", script, staging])
    return done.returncode


# The lazily loaded Web Workers: Trunk's binary name, the hashed prefix, and the
# <meta> the app reads the loader's URL from (see platform::worker).
WORKERS = [
    ("preview-worker", "preview", "evident-preview-worker"),
    ("analysis-worker", "analysis", "evident-analysis-worker"),
]


def hash_workers(staging: str, html: str):
    for binary, prefix, meta in WORKERS:
        html = hash_worker(staging, html, binary, prefix, meta)
        if html is None:
            return None
    return html


def hash_worker(staging: str, html: str, binary: str, prefix: str, meta: str):
    """Gives a worker's files (Trunk names workers by binary name, unhashed)
    content-hashed names like every other file, and names its loader in a <meta>
    the app reads, so a cached old worker can never meet a new page."""
    names = [f"{binary}.js", f"{binary}_bg.wasm", f"{binary}_loader.js"]
    paths = [os.path.join(staging, n) for n in names]
    if not all(os.path.isfile(p) for p in paths):
        print(f"postbuild: the {binary} ({', '.join(names)}) is not staged", file=sys.stderr)
        return None
    digest = hashlib.sha256()
    for p in paths[:2]:
        digest.update(open(p, "rb").read())
    base = f"{prefix}-{digest.hexdigest()[:16]}"
    os.rename(paths[0], os.path.join(staging, f"{base}.js"))
    os.rename(paths[1], os.path.join(staging, f"{base}_bg.wasm"))
    # Trunk's loader shim, with the hashed names and wasm-bindgen's current init
    # signature (the shim's bare path argument logs a deprecation warning).
    loader = f'importScripts("./{base}.js");wasm_bindgen({{ module_or_path: "./{base}_bg.wasm" }});\n'
    os.remove(paths[2])
    with open(os.path.join(staging, f"{base}_loader.js"), "w", encoding="utf-8") as f:
        f.write(loader)
    tag = f'<meta name="{meta}" content="./{base}_loader.js" />'
    return html.replace("</head>", f"    {tag}\n  </head>", 1)


STYLESHEET = re.compile(r'<link rel="stylesheet" href="\./([^"/]+\.css)"[^>]*/?>')


def merge_stylesheets(staging: str, html: str) -> str:
    """Concatenates the staged stylesheets, in document order, into one file."""
    links = list(STYLESHEET.finditer(html))
    if len(links) < 2:
        return html
    css = b""
    for link in links:
        path = os.path.join(staging, link.group(1))
        css += f"/* {link.group(1)} */\n".encode() + open(path, "rb").read().rstrip() + b"\n"
        os.remove(path)
    name = "style-" + hashlib.sha256(css).hexdigest()[:16] + ".css"
    with open(os.path.join(staging, name), "wb") as f:
        f.write(css)
    sri = "sha384-" + base64.b64encode(hashlib.sha384(css).digest()).decode()
    merged = f'<link rel="stylesheet" href="./{name}" integrity="{sri}"/>'
    for link in reversed(links[1:]):
        html = html[: link.start()] + html[link.end():]
    first = links[0]
    return html[: first.start()] + merged + html[first.end():]


# Files the worker does not precache: itself, and the static host's 404 page.
NOT_PRECACHED = {"sw.js", "404.html"}
SW_BLOCK = re.compile(r"// @precache-start\n.*?// @precache-end\n", re.S)


def write_service_worker(staging: str) -> int:
    sw_path = os.path.join(staging, "sw.js")
    if not os.path.isfile(sw_path):
        print("postbuild: sw.js is not staged (index.html must copy public/sw.js)", file=sys.stderr)
        return 1
    files = []
    for dirpath, _, names in os.walk(staging):
        for name in names:
            rel = os.path.relpath(os.path.join(dirpath, name), staging).replace(os.sep, "/")
            if rel not in NOT_PRECACHED and not rel.endswith((".gz", ".br")):
                files.append(rel)
    files.sort()
    digest = hashlib.sha256()
    for rel in files:
        digest.update(rel.encode() + b"\0")
        digest.update(hashlib.sha256(open(os.path.join(staging, rel), "rb").read()).digest())
    version = digest.hexdigest()[:16]
    precache = ", ".join(json.dumps("./" + rel) for rel in files)
    block = (
        "// @precache-start\n"
        f"const VERSION = '{version}';\n"
        f"const PRECACHE = [{precache}];\n"
        "// @precache-end\n"
    )
    sw = open(sw_path, encoding="utf-8").read()
    sw, count = SW_BLOCK.subn(lambda _: block, sw)
    if count != 1:
        print("postbuild: sw.js has no // @precache-start … // @precache-end block", file=sys.stderr)
        return 1
    with open(sw_path, "w", encoding="utf-8") as f:
        f.write(sw)
    return 0


if __name__ == "__main__":
    sys.exit(main())
