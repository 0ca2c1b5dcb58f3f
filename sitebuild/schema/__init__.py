"""One typed model per data file and front matter, and one adapter that turns
a pydantic error into the house message `FILE:LINE: problem. Hint: fix`, at the
line of the offending value (sitebuild/schema/core.py; the models are in
sitebuild/schema/models.py)."""

from sitebuild.schema.core import Bilingual, Text, TextOrBoth, check, line_of

__all__ = ["Bilingual", "Text", "TextOrBoth", "check", "line_of"]
