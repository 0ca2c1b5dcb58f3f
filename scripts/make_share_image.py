"""Write the social share image to a file, to look at it before a build.

The build draws the same image itself (sitebuild/share_image.py, added to the
site as assets/img/share.png by hooks/firm.py) from data/firm.yml, so there
is no image to keep in step by hand.

Usage: python -m scripts.make_share_image [OUT.png]   (default: share.png)
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sitebuild.data import load_firm
from sitebuild.project import here
from sitebuild.share_image import share_png


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="share.png", type=Path)
    args = parser.parse_args(argv)
    args.out.write_bytes(share_png(load_firm(here().data / "firm.yml")))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
