"""Screenshots of key pages at phone and desktop widths, both languages.

Usage: python -m tools.screenshots [SITE_DIR] [OUT_DIR] [PATH ...]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tools.serve import serve
from tools.weight import CHROMIUM_ARGS, KEY_PAGES

WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("site", nargs="?", default="site", type=Path)
    ap.add_argument("out", nargs="?", default="build/screenshots", type=Path)
    ap.add_argument("paths", nargs="*", default=KEY_PAGES)
    ap.add_argument("--full", action="store_true", help="whole page, not only the first screen")
    ap.add_argument("--print", action="store_true", dest="print_media",
                    help="emulate print media (the print stylesheet), whole page")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with serve(args.site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for name, (w, h) in WIDTHS.items():
            page = browser.new_page(viewport={"width": w, "height": h})
            if args.print_media:
                page.emulate_media(media="print")
            for path in args.paths:
                page.goto(base + path, wait_until="networkidle")
                slug = path.strip("/").replace("/", "_") or "home"
                target = args.out / f"{slug}-{name}{'-print' if args.print_media else ''}.png"
                page.screenshot(path=str(target), full_page=args.full or args.print_media)
                print(target)
            page.close()
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
