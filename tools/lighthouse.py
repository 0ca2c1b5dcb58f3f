"""Lighthouse 12.2.3 (mobile) on key pages in both languages: a benchmark,
not a test. Installs Lighthouse from the npm registry into .cache/ on first
use; runs Debian's Chromium against the built site served on loopback with
its `_headers`.

Usage: python -m tools.lighthouse [SITE_DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import tempfile
from pathlib import Path

from tools.serve import serve

VERSION = "12.2.3"
CACHE = Path(".cache") / "lighthouse"  # in the project folder (the working directory)
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
    with serve(args.site, compress=True) as base:  # gzip like a CDN: Lighthouse simulates a slow network
        print(f"{'page':45} " + " ".join(f"{c[:11]:>11}" for c in CATEGORIES))
        for path in PAGES + first_update(args.site):
            scores = run(base + path)
            print(f"{path:45} " + " ".join(f"{scores[c]:>11}" for c in CATEGORIES), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
