"""Page and post front matter: one model each (a post is a page with a date).

Checked in the build by hooks/rules.py check_meta (every page of docs/, both
languages: `check(Page or Post, meta, front, where, first_line=2)`), and for
posts again by sitebuild/updates.py parse_post (the scripts read posts too).
What a model cannot see stays with its rule: the review date's bounds (today,
the post's own date: sitebuild/review.py), a post's date against its file
name (sitebuild/updates.py), and `description` required on every built page,
generated ones too (hooks/seo.py; the CMS requires it: ALSO_REQUIRED).

Unknown keys are refused, with the list of known ones (`draft:` on a page
that is not a post is named by check_meta first): a misspelt
`descripton:` would otherwise vanish, and keys the hooks set themselves
(`review_date`, `court_date`, `generated`) cannot be forged from a page.
The CMS (sitebuild/cms.py) takes its patterns and required fields from here."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, StrictBool, ValidationInfo, field_validator

from sitebuild.errors import fail
from sitebuild.review import PENDING, ReviewError, parse_reviewed, shown
from sitebuild.schema.core import Strict, Text, check, line_of
from sitebuild.schema.models import REVIEWED

__all__ = ["ALSO_REQUIRED", "DATE", "REVIEWED", "Page", "Post", "model_for", "required", "validate"]

DATE = r"^\d{4}-\d{2}-\d{2}$"   # a post's `date:` as the CMS checks it (YAML reads it as a date)
POSTS = "updates/"              # under docs/: posts, besides the listing page updates/index(.es).md
REVIEWED_HINT = ("write 'reviewed: pending' (not reviewed yet) or 'reviewed: YYYY-MM-DD' "
                 "(the day the attorney finished the review)")
EMPTY_HINT = {
    "title": 'a value that starts with # is a YAML comment: put it in quotes, title: "#1 question"',
    "description": "write one plain sentence (in quotes if it starts with #)",
}
# Not a model rule but the build's: hooks/seo.py refuses a page without one.
ALSO_REQUIRED = ("description",)
HIDE = Literal["navigation", "toc", "footer", "path", "tags", "feedback"]  # Material's `hide:` parts


def _line_of_text(value: Any, info: ValidationInfo) -> Any:
    """`title`/`description`: one line of text; what YAML read as empty
    (`title: # x` is a comment) or as a list, a number or a date is named."""
    key = info.field_name or ""
    if isinstance(value, (list, dict, bool)):
        raise ValueError(f"must be text, not a list or a group of keys. Hint: write one line of text after "
                         f"{key}: (in quotes if it holds : or # or [)")
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValueError(f"is empty. Hint: {EMPTY_HINT.get(key, 'write the text')}")
    if not isinstance(value, str):
        raise ValueError(f"must be text, got {shown(value)}. Hint: put it in quotes, {key}: \"{value}\"")
    return value


def _pending_or_date(value: Any) -> Any:
    """`reviewed`: 'pending' or a date (its bounds: sitebuild/review.py parse_reviewed)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and value.strip().lower() == PENDING:
        return value
    raise ValueError("must be 'pending' or a date written YYYY-MM-DD "
                     f"(the day the attorney finished the review), got {shown(value)}")


FrontText = Annotated[str, Field(description="write the key, a colon and one line of text")]
Reviewed = Annotated[Any, BeforeValidator(_pending_or_date), Field(description=REVIEWED_HINT)]


class Search(Strict):
    exclude: StrictBool = False  # Material's search plugin: leave the page out of the index


class Page(Strict):
    """A page of docs/ (page.md and its page.es.md twin)."""

    title: FrontText = Field(description="write title: and the page's title, in one line")
    description: FrontText | None = Field(  # required by hooks/seo.py (ALSO_REQUIRED), generated pages too
        None, description="write description: and one plain sentence for search results")
    reviewed: Reviewed
    template: str | None = Field(None, description="the name of a page template in overrides/, or leave the line out")
    hide: list[HIDE] | None = Field(None, description="a list of navigation, toc, footer, path, tags, feedback")
    hero_title: Text | None = None      # overrides/home.html
    hero_text: Text | None = None       # overrides/home.html
    robots: Text | None = Field(None, description="a robots rule like noindex, nofollow")  # overrides/main.html
    search: Search | None = None

    @field_validator("title", "description", mode="before")
    @classmethod
    def _text(cls, value: Any, info: ValidationInfo) -> Any:
        return _line_of_text(value, info)

    @field_validator("template")
    @classmethod
    def _a_site_template(cls, value: str | None, info: ValidationInfo) -> str | None:
        templates = (info.context or {}).get("templates")
        if value is not None and templates is not None and value not in templates:
            raise ValueError(f"is not one of the site's page templates, got {value!r}. "
                             f"Hint: use one of {', '.join(sorted(templates))}, or leave the line out")
        return value


class Post(Page):
    """A post of docs/updates/ (DATE-SLUG.md and DATE-SLUG.es.md)."""

    description: FrontText = Field(
        description="write description: and one plain sentence for the updates page and the feed")
    date: dt.date = Field(
        description="write date: YYYY-MM-DD, the day the post goes out (the date in its file name), without quotes")
    category: Text | None = Field(None, description="a short topic in this language, like Courts / La corte")
    draft: StrictBool = Field(False, description="write draft: true, or leave the line out to publish")


def model_for(rel: str) -> type[Page]:
    """Post for docs/updates/DATE-SLUG(.es).md, Page for every other page
    (the listing page updates/index(.es).md is a page)."""
    name = rel.rsplit("/", 1)[-1]
    return Post if rel.startswith(POSTS) and not name.startswith("index.") else Page


def required(model: type[Page], key: str) -> bool:
    """Whether the build refuses a page of `model` without `key` (the CMS's flag)."""
    field = model.model_fields.get(key)
    return bool(field and field.is_required()) or key in ALSO_REQUIRED


def validate(meta: dict[str, Any], front: str, where: str, rel: str,
             templates: frozenset[str] | None = None) -> None:
    """One page's front matter (`front`: its text, which starts on line 2 of
    the file): the model for `rel` (relative to docs/), then the review date's
    bounds. `templates`: the names the `template:` key may take (None: any)."""
    if "draft" in meta and not rel.startswith(POSTS):
        raise fail(where, line_of(front, ("draft",), first_line=2), "only posts (docs/updates/) can be drafts",
                   "delete the draft line: a page that is not ready stays 'reviewed: pending', "
                   "which shows the draft notice and stops check-release")
    model = model_for(rel)
    check(model, meta, front, where, first_line=2, context={"templates": templates})
    try:
        parse_reviewed(meta["reviewed"], where, post_date=meta["date"] if model is Post else None)
    except ReviewError as err:
        line = line_of(front, ("reviewed",), first_line=2)
        raise ReviewError(str(err).replace(f"{where}:", f"{where}:{line}:", 1)) from None
