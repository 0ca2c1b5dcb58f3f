"""Command: python -m scripts.purge_css (the library is sitebuild/purge_css.py)."""

from __future__ import annotations

import argparse
from pathlib import Path

from sitebuild.purge_css import purge_site


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("site", type=Path)
    args = ap.parse_args(argv)
    before, after = purge_site(args.site)
    print(f"main.css: {before} -> {after} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
