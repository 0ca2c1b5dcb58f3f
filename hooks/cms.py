"""The browser CMS at /admin/ (sitebuild/cms.py; guide: docs/maintainers/cms.md).

After the last language build (and in `mkdocs serve`), writes:

- site/admin/index.html  the editor page: noindex, its own CSP in a <meta>;
- site/admin/sveltia-cms.js  the pinned bundle from node_modules (`npm ci`), its
  three fonts made local (site/admin/fonts/, from the fontsource packages);
- site/admin/config.yml  generated from the build's own rules and
  data/firm.yml; GitHub repository and branch from CMS_REPO / CMS_BRANCH;
- a /admin/* rule appended to site/_headers with the CMS's own policy.

It runs after every other post-build step, so the admin page is never in the
sitemap, the search index or the public pages' policy. A missing or
mismatched bundle fails the build with the command that fixes it.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from sitebuild.buildinfo import inner_language_build, serving
from sitebuild.cms import (
    ADMIN,
    PLACEHOLDER_REPO,
    admin_html,
    cms_config,
    config_yaml,
    headers_block,
    pinned_version,
    repository,
    self_hosted,
)

# Not the mkdocs logger: a placeholder repository must not fail --strict
# preview builds (the editor still works on a local copy).
log = logging.getLogger("nc_diversion.cms")


@event_priority(-300)  # after hooks/seo.py (sitemap) and hooks/security.py (_headers)
def on_post_build(*, config: MkDocsConfig) -> None:
    if inner_language_build(config):
        return
    project = Path(config.config_file_path).resolve().parent
    site = Path(config.site_dir)
    script, fonts = self_hosted(project)  # a CmsError is a BuildError: printed as is
    repo, branch = repository()
    text = config_yaml(cms_config(project, repo, branch, config.site_url or ""))
    if repo == PLACEHOLDER_REPO:
        log.warning("CMS: no GitHub repository set (CMS_REPO): /admin/ works only with a local copy")
    admin = site / ADMIN
    admin.mkdir(parents=True, exist_ok=True)
    (admin / "sveltia-cms.js").write_text(script, encoding="utf-8")
    for name, source in fonts.items():
        (admin / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, admin / name)
    (admin / "config.yml").write_text(text, encoding="utf-8")
    (admin / "index.html").write_text(admin_html(pinned_version(project)), encoding="utf-8")
    headers = site / "_headers"
    if not serving():  # hooks/preview.py sets it; a module flag would reset when hooks reload
        if not headers.exists():
            raise PluginError("hooks/cms.py: site/_headers not written (hooks/security.py must run first)")
        current = headers.read_text(encoding="utf-8")
        headers.write_text(current.rstrip("\n") + "\n\n" + headers_block(), encoding="utf-8")
