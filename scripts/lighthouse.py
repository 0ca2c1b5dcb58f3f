"""Lighthouse 12.2.3 (mobile) on key pages in both languages: a benchmark,
not a test. Installs Lighthouse from the npm registry into .cache/ on first
use; runs Debian's Chromium against the built site served on loopback with
its `_headers`.

Usage: python -m scripts.lighthouse [SITE_DIR]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import subprocess
import tempfile
import threading
from pathlib import Path

from scripts.security import headers_for, parse_headers_file
from scripts.weight import COMPRESSIBLE
from scripts.sitedata import ROOT

VERSION = "12.2.3"
CACHE = ROOT / ".cache" / "lighthouse"
CLI = CACHE / "node_modules" / "lighthouse" / "cli" / "index.js"
PAGES = ["/", "/es/", "/quiz/", "/es/quiz/", "/contact/", "/es/contact/",
         "/eligibility/", "/es/eligibility/"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def install() -> None:
    if CLI.exists():
        return
    CACHE.mkdir(parents=True, exist_ok=True)
    subprocess.run(["npm", "init", "-y"], cwd=CACHE, check=True, capture_output=True)
    subprocess.run(["npm", "i", "-E", f"lighthouse@{VERSION}", "--no-audit", "--no-fund"], cwd=CACHE, check=True)


def first_update(site: Path) -> list[str]:
    posts = sorted(p for p in (site / "updates").glob("20*/index.html"))
    if not posts:
        return []
    rel = "/" + posts[-1].parent.relative_to(site).as_posix() + "/"
    return [rel, "/es" + rel]


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, int]:
    rules = parse_headers_file((site / "_headers").read_text()) if (site / "_headers").exists() else []

    class Handler(http.server.SimpleHTTPRequestHandler):
        """Like a CDN: the site's _headers, and gzip for text (Lighthouse
        simulates a slow phone network from the bytes it sees)."""

        def do_GET(self) -> None:
            path = Path(self.translate_path(self.path))
            if path.is_dir() and self.path.split("?")[0].endswith("/"):
                path = path / "index.html"
            plain = "gzip" not in self.headers.get("Accept-Encoding", "")
            if plain or not path.is_file() or not path.name.endswith(COMPRESSIBLE):
                return super().do_GET()  # also redirects /quiz to /quiz/
            body = gzip.compress(path.read_bytes(), compresslevel=6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def end_headers(self) -> None:
            for name, value in headers_for(self.path.split("?")[0], rules).items():
                if name != "Strict-Transport-Security":
                    self.send_header(name, value)
            super().end_headers()

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, httpd.server_address[1]


def run(url: str, tries: int = 3) -> dict[str, int]:
    """Lighthouse sometimes loses its trace (NO_NAVSTART) in headless Chromium; retry."""
    for attempt in range(tries):
        try:
            return run_once(url)
        except subprocess.CalledProcessError:
            if attempt == tries - 1:
                raise
    raise AssertionError("unreachable")


def run_once(url: str) -> dict[str, int]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        subprocess.run(
            ["node", str(CLI), url, "--quiet", "--output=json", f"--output-path={out}",
             "--only-categories=" + ",".join(CATEGORIES),
             "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking "
             "--disable-component-update --disable-sync --no-first-run"],
            check=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"}, timeout=300,
            stderr=subprocess.DEVNULL,
        )
        report = json.loads(out.read_text())
    return {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("site", nargs="?", default="site", type=Path)
    args = ap.parse_args(argv)
    install()
    httpd, port = serve(args.site)
    try:
        print(f"{'page':45} " + " ".join(f"{c[:11]:>11}" for c in CATEGORIES))
        for path in PAGES + first_update(args.site):
            scores = run(f"http://127.0.0.1:{port}{path}")
            print(f"{path:45} " + " ".join(f"{scores[c]:>11}" for c in CATEGORIES), flush=True)
    finally:
        httpd.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
