"""Command: python -m scripts.local_help (the library is sitebuild/local_help.py)."""

from __future__ import annotations

import argparse
from pathlib import Path

from sitebuild.local_help import SiteDataError, unverified_entries
from sitebuild.project import here


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("file", nargs="?", type=Path, default=None)
    args = ap.parse_args(argv)
    try:
        lines = unverified_entries(args.file or here().data / "local.yml")
    except SiteDataError as err:
        print(err)
        return 1
    print("\n".join(lines) if lines else "every entry is verified")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
