"""Command: python -m scripts.cms (the library is sitebuild/cms.py)."""

from __future__ import annotations

import argparse
import sys

from sitebuild.cms import CmsError, cms_config, config_yaml, repository
from sitebuild.project import here


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m scripts.cms", description="Print the CMS's config.yml.")
    ap.add_argument("--repo", help="owner/name (default: CMS_REPO, GITHUB_REPOSITORY, ...)")
    ap.add_argument("--branch", help="branch (default: CMS_BRANCH or main)")
    args = ap.parse_args(argv)
    repo, branch = repository()
    try:
        print(config_yaml(cms_config(here().root, args.repo or repo, args.branch or branch)), end="")
    except CmsError as err:
        print(err, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
