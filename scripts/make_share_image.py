"""Render the social share image (docs/assets/img/share.png, 1200x630) from
firm facts with Chromium. Run again when the firm's name or phone changes.

Usage: python -m scripts.make_share_image
"""

from __future__ import annotations

import argparse
import html
from pathlib import Path

from sitebuild.data import ROOT, load_firm

OUT = ROOT / "docs" / "assets" / "img" / "share.png"


def card(firm: dict) -> str:
    e = html.escape
    return f"""<!doctype html><html><body style="margin:0;width:1200px;height:630px;
    background:linear-gradient(135deg,#0e2238,#16324f);color:#fff;font-family:DejaVu Sans,Arial,sans-serif;
    display:flex;flex-direction:column;justify-content:center;padding:0 90px;box-sizing:border-box">
    <div style="width:120px;height:8px;background:#c8962e;margin-bottom:40px"></div>
    <div style="font-size:64px;font-weight:700;line-height:1.15">Drug possession charge in North Carolina?</div>
    <div style="font-size:40px;margin-top:24px;color:#ffd98a">Diversion may keep a conviction off your record.</div>
    <div style="font-size:30px;margin-top:48px">{e(firm['name'])} · {e(firm['phone'])} · <span lang="es">Hablamos español</span></div>
    </body></html>"""


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args(argv)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        page.set_content(card(load_firm()))
        page.screenshot(path=str(OUT))
        browser.close()
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
