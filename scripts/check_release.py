"""Refuse to publish while the firm's facts hold placeholders.

Usage: python -m scripts.check_release
Exits 1 and lists every "TODO" value and every key still marked
`unconfirmed` in data/firm.yml; exits 0 when the firm has confirmed all.
"""

from __future__ import annotations

import argparse
import sys

from scripts.sitedata import load_firm, placeholders


def problems() -> list[str]:
    firm = load_firm()
    found = [f"data/firm.yml: '{key}' is a placeholder" for key in placeholders(firm)]
    found += [f"data/firm.yml: '{key}' is not confirmed by the firm yet" for key in firm.get("unconfirmed") or []]
    return found


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args(argv)
    found = problems()
    for line in found:
        print(line)
    if found:
        print(f"check-release: {len(found)} firm fact(s) to confirm before publishing", file=sys.stderr)
        return 1
    print("check-release: all firm facts confirmed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
