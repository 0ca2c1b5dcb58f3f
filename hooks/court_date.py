"""My court date: the marker <!-- court-date --> -> the court-date box, both
languages (overrides/partials/court_date.html, docs/assets/js/court-date.js).

- on_page_markdown: on a page that contains the marker, replace it with the
  box: the NC courts' own tools (eCourts look-up, court-date reminders), the
  warning that reminders are not legal notice, where the case number is, and
  a form that makes an .ics calendar file in the browser. The courthouses come
  from data/local.yml (already checked by hooks/local_help.py, registered
  before this hook), the phone from data/firm.yml. Sets page.meta
  `court_date` so that overrides/main.html loads the script on this page only.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitebuild.buildinfo import page_lang
from sitebuild.local_help import for_page
from sitebuild.partials import render_partial
from sitebuild.project import Project

MARKER = "<!-- court-date -->"

# The NC Judicial Branch's pages (research: nc-diversion-law.md "eCourts" and
# legal-review-2.md F28 name these services, not their addresses): the
# eCourts page (it opens the Portal) and the press release that explains the
# court-date text/e-mail reminders and links to the sign-up.
ECOURTS_URL = "https://www.nccourts.gov/ecourts"
REMINDERS_URL = (
    "https://www.nccourts.gov/news/tag/press-release/"
    "court-date-notifications-and-reminders-for-criminal-cases-now-available-via-text-and-email"
)


def courthouses(config: MkDocsConfig, lang: str) -> list[dict[str, Any]]:
    """One option per service county: its courthouse, with the place the
    calendar file names (the address when data/local.yml has one)."""
    strings = config.extra["strings"][lang]
    out = []
    for county in for_page(config.extra["local_help"], list(config.extra["firm"]["service_area"]), lang):
        house = next((e for e in county["entries"] if e["kind"] == "courthouse"), None)
        if house is None:
            continue
        place = f"{house['name']}, {house['address']}" if house["address"] else f"{house['name']}, NC"
        out.append({"id": county["id"], "label": strings["local_county"].replace("{name}", county["name"]),
                    "location": place})
    return out


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if MARKER not in markdown:
        return None
    if markdown.count(MARKER) > 1:
        raise PluginError(f"{page.file.src_uri}: {MARKER} may appear once per page (its form ids are fixed)")
    lang = page_lang(page, config)
    firm = config.extra["firm"]
    try:
        html = render_partial(
            "court_date.html", config.extra["strings"][lang], Project.from_config(config).overrides / "partials",
            courts=courthouses(config, lang), phone=str(firm["phone"]), lang=lang,
            ecourts_url=ECOURTS_URL, reminders_url=REMINDERS_URL,
        )
    except KeyError as err:
        raise PluginError(f"{page.file.src_uri}: {err.args[0]}") from err
    page.meta["court_date"] = True
    return markdown.replace(MARKER, "\n" + html + "\n")
