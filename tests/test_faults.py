"""The fault table: one broken input per case -> the exact line the build
prints (file:line: problem. Hint: fix), with exit status 1 and no traceback.

Each case copies the project with the frozen data of tests/fixtures/data/
(so a case that edits the firm's placeholder e-mail still finds it after the
firm fills in the real one), adds the valid page pair from
tests/fixtures/faults/ (so line numbers are fixed) and breaks one thing.

Most cases fail in the build's first stage (data files, firm facts, every
page's own rules, the cross-page rules): those run that stage in-process on
the broken copy (`first_stage`, milliseconds). END_TO_END keeps one real
strict build per stage of the build; a case the first stage accepts is built
too, so a case added anywhere in the table is always checked somewhere.
The table is listed in docs/maintainers/CONTRIBUTING.md ("Fault table")."""

from __future__ import annotations

import datetime as dt
import functools
import re
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __name__ == "__main__":  # run as a script: the project root on the path, as pytest.ini's pythonpath does
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pytest  # noqa: E402
import yaml  # noqa: E402
from conftest import FIXTURE_DATA, ROOT, copy_project, run_build  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402

FIX = Path(__file__).parent / "fixtures" / "faults"
EN, ES = "docs/legal-fault.md", "docs/legal-fault.es.md"
POST = "docs/updates/2026-11-03-second-chance-act.md"
Mutation = Callable[[Path], None]


def source(rel: str) -> Path:
    """Where a case's file comes from: data/ from the frozen fixtures, the rest from the project."""
    return FIXTURE_DATA / rel[5:] if rel.startswith("data/") else ROOT / rel


def line_of(rel: str, start: str) -> int:
    """Line number (1-based) of the first line of a case's file starting with `start`."""
    for n, text in enumerate(source(rel).read_text(encoding="utf-8").splitlines(), start=1):
        if text.startswith(start):
            return n
    raise AssertionError(f"{rel}: no line starts with {start!r}")


def replace(rel: str, old: str, new: str) -> Mutation:
    def apply(project: Path) -> None:
        path = project / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{rel}: {old!r} not found (fixture changed?)"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return apply


def raw_bytes(rel: str, old: str, new: bytes) -> Mutation:
    def apply(project: Path) -> None:
        path = project / rel
        data = path.read_bytes()
        assert old.encode() in data, f"{rel}: {old!r} not found"
        path.write_bytes(data.replace(old.encode(), new, 1))
    return apply


def delete(rel: str) -> Mutation:
    return lambda project: (project / rel).unlink()


def drop_lines(rel: str, start: str, count: int) -> Mutation:
    """Delete `count` lines from the first line starting with `start`."""
    def apply(project: Path) -> None:
        path = project / rel
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        n = next(i for i, line in enumerate(lines) if line.startswith(start))
        path.write_text("".join(lines[:n] + lines[n + count:]), encoding="utf-8")
    return apply


def drop_block(rel: str, start: str, until: str) -> Mutation:
    """Delete from the line `start` to the next line starting with `until`."""
    def apply(project: Path) -> None:
        path = project / rel
        text = path.read_text(encoding="utf-8")
        begin = text.index(start)
        end = text.index("\n" + until, begin + len(start)) + 1
        path.write_text(text[:begin] + text[end:], encoding="utf-8")
    return apply


def copy_post(stem: str) -> Mutation:
    """A second post pair, dated 2020-01-01, with the same slug as POST."""
    def apply(project: Path) -> None:
        for suffix in (".md", ".es.md"):
            text = (project / (POST[:-3] + suffix)).read_text(encoding="utf-8")
            text = text.replace("\ndate: 2026-11-03\n", "\ndate: 2020-01-01\n", 1)
            (project / "docs" / "updates" / f"{stem}{suffix}").write_text(text, encoding="utf-8")
    return apply


def edit_yaml(rel: str, change: Callable[[Any], object]) -> Mutation:
    """Load, change and write a data file (its comments and layout are lost)."""
    def apply(project: Path) -> None:
        path = project / rel
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return apply


def both(*steps: Mutation) -> Mutation:
    def apply(project: Path) -> None:
        for step in steps:
            step(project)
    return apply


SCRIPT_HINT = "write text only; the site's scripts live in docs/assets/js/, and videos or maps are plain links"
HANDLER_HINT = "remove it; behaviour belongs in docs/assets/js/"
URL_HINT = "link to a page or an https:// address"
UTF8_HINT = "save the file as UTF-8 in your editor"
HOLD = "delete it (copies from Word or a PDF can carry invisible characters)"
STYLE = "styles live in the site's stylesheet (docs/assets/css/src/), never in content"
ELEMENT = ("content may use only what Markdown writes (the list is in sitebuild/allowlist.py); "
           "write it in Markdown, or ask a maintainer to extend the list")
FACT_HINT = "write firm facts as {{ firm.key }} with a key from data/firm.yml"
NAME = line_of("data/firm.yml", "name:")
PHONE = line_of("data/firm.yml", "phone:")
CALL_NOW = line_of("data/strings.yml", "call_now:")
QUIZ_TITLE = line_of("data/quiz.yml", "    title:") + 1  # the en: line under the first title
POST_TITLE = line_of(POST, "title:")
LOCAL_PHONE = line_of("data/local.yml", '        phone: "828-406-8069"')
TEXT_HINT = "write the text (quote it if it looks like a number, a date or true/false)"

# case -> (mutation, the exact line the build must print)
CASES: dict[str, tuple[Mutation, str]] = {
    # ---- bad files: bytes and YAML -------------------------------------------------
    "non-UTF-8 byte in a page": (
        raw_bytes(EN, "Read [G.S.", b"Re\xe9d [G.S."),
        f"{EN}:11: not UTF-8 text (byte 0xe9 at column 3). Hint: {UTF8_HINT}"),
    "non-UTF-8 byte in a post": (
        raw_bytes(POST, "title:", b"ti\xfftle:"),
        f"{POST}:{POST_TITLE}: not UTF-8 text (byte 0xff at column 3). Hint: {UTF8_HINT}"),
    "non-UTF-8 byte in data/firm.yml": (
        raw_bytes("data/firm.yml", "name: Scott", b"name: Sc\xf6tt"),
        f"data/firm.yml:{NAME}: not UTF-8 text (byte 0xf6 at column 9). Hint: {UTF8_HINT}"),
    "non-UTF-8 byte in data/strings.yml": (
        raw_bytes("data/strings.yml", "call_now:", b"call_n\x80ow:"),
        f"data/strings.yml:{CALL_NOW}: not UTF-8 text (byte 0x80 at column 7). Hint: {UTF8_HINT}"),
    "tab in front matter": (
        replace(EN, "description:", "\tdescription:"),
        f"{EN}:3: invalid YAML: a tab in the indentation. Hint: indent with spaces, never tabs"),
    "unquoted colon in front matter": (
        replace(EN, "title: Fault test page", "title: Fees: what to expect"),
        f'{EN}:2: invalid YAML: a colon inside a value. Hint: put the value in quotes, e.g. title: "Fees: what to expect"'),
    "unclosed quote in front matter": (
        replace(ES, "title: Página de muestra", 'title: "Página de muestra'),
        f"{ES}:2: invalid YAML: a quote opens here and never closes. Hint: end the value with the same quote it starts with"),
    "unclosed quote in a post": (
        replace(POST, "title: ", "title: '", ),
        f"{POST}:{POST_TITLE}: invalid YAML: a quote opens here and never closes. Hint: end the value with the same quote it starts with"),
    "front matter never closes": (
        replace(EN, "reviewed: 2026-11-27\n---\n", "reviewed: 2026-11-27\n\n"),
        f"{EN}:1: front matter opens with --- but never closes. Hint: end the block with a line holding only ---"),
    "impossible date in front matter": (
        replace(EN, "reviewed: 2026-11-27", "reviewed: 2026-02-30"),
        f"{EN}:4: impossible date (day is out of range for month). Hint: write a real date as YYYY-MM-DD"),
    "tab in data/firm.yml": (
        replace("data/firm.yml", "  street:", "\tstreet:"),
        f"data/firm.yml:{line_of('data/firm.yml', '  street:')}: invalid YAML: a tab in the indentation. Hint: indent with spaces, never tabs"),
    "unquoted colon in data/firm.yml": (
        replace("data/firm.yml", "name: Scott K. Dillin, Attorney at Law", "name: Dillin Law: criminal defense"),
        f'data/firm.yml:{NAME}: invalid YAML: a colon inside a value. Hint: put the value in quotes, e.g. title: "Fees: what to expect"'),
    "unclosed quote in data/strings.yml": (
        replace("data/strings.yml", "call_now:          {en: Call now", 'call_now:          {en: "Call now'),
        f"data/strings.yml:{CALL_NOW}: invalid YAML: a quote opens here and never closes. Hint: end the value with the same quote it starts with"),
    # ---- markup that could run ---------------------------------------------------------
    "script tag in Markdown": (
        replace(EN, "with your lawyer.", "with your lawyer.\n\n<script>alert(1)</script>"),
        f"{EN}:13: raw <script> is not allowed in content. Hint: {SCRIPT_HINT}"),
    "iframe in Markdown": (
        replace(ES, "con su abogado.", 'con su abogado.\n<iframe src="https://example.com/map"></iframe>'),
        f"{ES}:12: raw <iframe> is not allowed in content. Hint: {SCRIPT_HINT}"),
    "object tag in Markdown": (
        replace(EN, "to talk with a lawyer.", 'to talk with a lawyer. <object data="x.swf"></object>'),
        f"{EN}:7: raw <object> is not allowed in content. Hint: {SCRIPT_HINT}"),
    "embed tag in Markdown": (
        replace(EN, "to talk with a lawyer.", '<EMBED src="x.svg">'),
        f"{EN}:7: raw <embed> is not allowed in content. Hint: {SCRIPT_HINT}"),
    "inline event handler in Markdown": (
        replace(EN, "with your lawyer.", 'with your lawyer.\n\n<img src="x.png" alt="" onerror="alert(1)">'),
        f"{EN}:13: inline event handler 'onerror=' is not allowed in content. Hint: {HANDLER_HINT}"),
    "event handler through attr_list": (
        replace(EN, "## First part { #first }", '## First part { #first onclick="alert(1)" }'),
        f"{EN}:9: inline event handler 'onclick=' is not allowed in content. Hint: {HANDLER_HINT}"),
    "javascript: link": (
        replace(EN, "(gs:90-96)", "(gs:90-96) and [this](javascript:alert(1))"),
        f"{EN}:11: a javascript: URL is not allowed in content. Hint: {URL_HINT}"),
    "javascript: link hidden by entities": (
        replace(ES, "(gs:90-96)", "(gs:90-96) [esto](jav&#x61;script:alert(1))"),
        f"{ES}:11: a javascript: URL is not allowed in content. Hint: {URL_HINT}"),
    "script tag in a front-matter title": (
        replace(EN, "title: Fault test page", "title: Fault <script>alert(1)</script>"),
        f"{EN}:2: raw <script> is not allowed in content. Hint: {SCRIPT_HINT}"),
    "event handler in a description": (
        replace(ES, "description: Una", "description: <img src=x onerror=alert(1)> Una"),
        f"{ES}:3: inline event handler 'onerror=' is not allowed in content. Hint: {HANDLER_HINT}"),
    "script tag in a post title": (
        replace(POST, "title: ", "title: <script>alert(1)</script> "),
        f"{POST}:{POST_TITLE}: raw <script> is not allowed in content. Hint: {SCRIPT_HINT}"),
    "script tag in firm facts": (
        replace("data/firm.yml", "name: Scott K. Dillin", "name: <script>alert(1)</script> Scott K. Dillin"),
        f"data/firm.yml:{NAME}: raw <script> is not allowed in content. Hint: {SCRIPT_HINT}"),
    "event handler in strings": (
        replace("data/strings.yml", "{en: Call now,", '{en: "<b onmouseover=alert(1)>Call</b>",'),
        f"data/strings.yml:{CALL_NOW}: inline event handler 'onmouseover=' is not allowed in content. Hint: {HANDLER_HINT}"),
    "script tag in quiz text": (
        lambda p: _quiz_title(p, "<script>alert(1)</script>"),
        f"data/quiz.yml:{QUIZ_TITLE}: raw <script> is not allowed in content. Hint: {SCRIPT_HINT}"),
    "javascript: URL in firm facts": (
        replace("data/firm.yml", 'contact_endpoint: ""', 'contact_endpoint: "javascript:alert(1)"'),
        f"data/firm.yml:{line_of('data/firm.yml', 'contact_endpoint:')}: a javascript: URL is not allowed in content. Hint: {URL_HINT}"),
    # ---- firm-fact placeholders -----------------------------------------------------
    "misspelled firm fact (capital letter)": (
        replace(EN, "{{ firm.phone }}", "{{ firm.Phone }}"),
        f"{EN}:7: unknown firm fact 'Phone'. Hint: did you mean {{{{ firm.phone }}}}?"),
    "unknown firm fact": (
        replace(ES, "{{ firm.phone }}", "{{ firm.fax }}"),
        f"{ES}:7: unknown firm fact 'fax'. Hint: {FACT_HINT}"),
    "placeholder missing a brace": (
        replace(EN, "{{ firm.phone }}", "{{ firm.phone }"),
        f"{EN}:7: malformed placeholder '{{{{ firm.phone }}'. Hint: {FACT_HINT}"),
    "placeholder missing an opening brace": (
        replace(EN, "{{ firm.phone }}", "{ firm.phone }}"),
        f"{EN}:7: malformed placeholder '{{ firm.phone }}}}'. Hint: {FACT_HINT}"),
    "placeholder that is not a firm fact": (
        replace(ES, "{{ firm.phone }}", "{{ page.title }}"),
        f"{ES}:7: malformed placeholder '{{{{ page.title }}}}'. Hint: {FACT_HINT}"),
    "firm fact that is not one value": (
        replace(EN, "{{ firm.phone }}", "{{ firm.address }}"),
        f"{EN}:7: firm fact 'address' is not a single value. Hint: name one of its keys: country, locality, postal_code, region, street"),
    "placeholder in front matter": (
        replace(EN, "description: A page", "description: Call {{ firm.phone }}. A page"),
        f"{EN}:3: '{{{{ firm.phone }}}}' in front matter is never replaced. Hint: placeholders work only in the page body; leave firm facts out of the front matter"),
    "placeholder in interface strings": (
        replace("data/strings.yml", "{en: Call now,", '{en: "Call {{ firm.phone }} now",'),
        f"data/strings.yml:{CALL_NOW}: '{{{{ firm.phone }}}}' in a data file is never replaced. "
        "Hint: placeholders work only in a page body; write the text itself here"),
    "leftover braces from a template": (
        replace("overrides/update.html", "{% block content %}", "{% block content %}{{ '{{' }} firm.phone }}"),
        f"{POST}: '{{{{ firm.phone }}}}' left in the built page. Hint: placeholders work only as "
        "{{ firm.key }} in a page body; data/*.yml and templates take no placeholders"),
    # ---- headings and translations ---------------------------------------------------
    "heading in the Spanish twin only": (
        replace(ES, "con su abogado.", "con su abogado.\n\n## Otra parte\n\nMás texto."),
        f"{ES}:13: heading 'Otra parte' has no match in {EN} (2 headings vs 1). Hint: translate the same headings, with the same anchors"),
    "anchors differ across languages": (
        replace(ES, "{ #first }", "{ #primera }"),
        f"{ES}:9: heading anchor '#primera' differs from {EN}:9 '#first'. Hint: keep the English anchor in every language"),
    "translation misses a heading": (
        replace(EN, "with your lawyer.", "with your lawyer.\n\n## Second part { #second }\n\nMore text."),
        f"{ES}: missing the heading with anchor '#second' ({EN}:13); 1 headings vs 2. Hint: translate the same headings, with the same anchors"),
    "statute cited in one language only": (
        replace(ES, "(gs:90-96)", "(gs:90-96.1)"),
        f"{ES}: cites statutes 1 vs 1 in {EN}; only in es: ['90-96.1']; only in en: ['90-96']. Hint: both languages cite the same sections"),
    "two pages with one description": (
        replace(EN, "description: A page the fault table breaks on purpose, one way at a time.",
                "description: " + "Attorney advertising notice, limits of the information on this site, and the attorney responsible for it."),
        f"docs/legal.md: same description as {EN}. Hint: each page needs its own one-sentence description"),
    "page without its translation": (
        delete(ES), "legal-fault.es.md: missing (es translation of the en page)"),
    "title starting with #": (
        replace(EN, "title: Fault test page", "title: # Fault test page"),
        f'{EN}:2: \'title\' is empty. Hint: a value that starts with # is a YAML comment: put it in quotes, title: "#1 question"'),
    # ---- firm facts ----------------------------------------------------------------
    "second phone field": (
        replace("data/firm.yml", 'phone: "828-333-4867"', 'phone: "828-333-4867"\nphone_e164: "+18285550100"'),
        f"data/firm.yml:{PHONE + 1}: 'phone_e164' is derived from 'phone'. Hint: delete the phone_e164 line; keep one 'phone'"),
    "phone that is not a number": (
        replace("data/firm.yml", 'phone: "828-333-4867"', 'phone: "828-333-486"'),
        f"data/firm.yml:{PHONE}: 'phone' '828-333-486' is not a phone number. Hint: write it like 828-333-4867 or +1 828 333 4867"),
    "email that is not an address": (
        replace("data/firm.yml", 'email: "todo-firm-email@example.invalid"', 'email: "office at example.com"'),
        f"data/firm.yml:{line_of('data/firm.yml', 'email:')}: 'email' is not an email address, got 'office at example.com'. "
        "Hint: write it like office@example.com"),
    # ---- the allowlist, end to end (the rest: DIRECT below) -------------------------
    "[M09] meta refresh in a page": (
        replace(EN, "with your lawyer.", 'with your lawyer.\n\n<meta http-equiv="refresh" content="1;url=https://evil.example/">'),
        f"{EN}:13: <meta> is not allowed in content. Hint: {ELEMENT}"),
    "[M07] inline style in a post": (
        replace(POST, "A drug charge", "<style>.dl-draft{display:none}</style>\n\nA drug charge"),
        f"{POST}:{line_of(POST, 'A drug charge')}: <style> is not allowed in content. Hint: {STYLE}"),
    "[N05] uploaded web page": (
        lambda p: (p / "docs/assets/img/uploads").mkdir(parents=True) or (p / "docs/assets/img/uploads/evil.html").write_text("<script src=evil.js></script>"),
        "docs/assets/img/uploads/evil.html: a .html file is not an image the site accepts in uploads. "
        "Hint: upload PNG, JPG, JPEG images only (an SVG or web page could run code on the site)"),
    "[U07] draft in the English post only": (
        replace(POST, "reviewed:", "draft: true\nreviewed:"),
        f"{POST[:-3]}.es.md: is published while its twin {POST} is a draft. Hint: a draft is a draft "
        "in both languages: set 'draft: true' in both files, or in neither"),
    # ---- merged from test_bad_content.py (one table, one message each) -------------
    "malformed front matter": (
        replace(EN, "title: Fault test page", "title: [unclosed"),
        f"{EN}:2: invalid YAML: a [ or {{ opens here and never closes. Hint: close it, or put the value in quotes"),
    "missing description": (
        replace(ES, "description: Una página que la tabla de fallas rompe a propósito, una vez por caso.\n", ""),
        "legal-fault.es.md: front matter needs a 'description' (one plain sentence)"),
    "Spanish page without English": (
        delete(EN), "legal-fault.md: missing (en translation of the es page)"),
    "broken internal link": (
        replace(EN, "with your lawyer.", "with your lawyer.\n\nSee [the old page](no-such-page.md)."),
        "Doc file 'legal-fault.md' contains a link 'no-such-page.md', but the target is not found among documentation files."),
    "broken anchor": (
        replace(ES, "con su abogado.", "con su abogado.\n\nVea [esto](legal.md#no-such-anchor)."),
        "Doc file 'legal-fault.es.md' contains a link 'legal.md#no-such-anchor', but the doc "
        "'legal.es.md' does not contain an anchor '#no-such-anchor'."),
    "bad statute link": (
        replace(EN, "with your lawyer.", "with your lawyer.\n\n[G.S. 90](gs:ninety)"),
        f"{EN}:13: bad statute link 'gs:ninety'. Hint: write the section like gs:90-96 or gs:15A-1341"),
    "missing firm fact used by a template": (
        drop_lines("data/firm.yml", "hours:", 3), "data/firm.yml:17: missing 'hours'. Hint: add the line hours: ..."),
    "missing interface string": (
        replace("data/strings.yml", "{en: Call now, es: Llame ahora}", "{en: Call now}"),
        f"data/strings.yml:{CALL_NOW}: 'call_now' has no 'es' translation. Hint: add the line es: ... (both languages, always)"),
    "unknown quiz id": (
        replace("data/quiz.yml", "when: {court: [federal, other_state]}", "when: {court: [federal, moon]}"),
        "data/quiz.yml: rule 'other_court': when refers to unknown option 'moon' of question 'court'"),
    "quiz path without outcome": (
        drop_block("data/quiz.yml", "  - id: court_not_sure\n", "  - id: "),
        "data/quiz.yml: path court=not_sure, citizen=yes: this answer path reaches no outcome: add or change a rule"),
    "post without date": (
        replace(POST, "\ndate: 2026-11-03\n", "\n"),
        f"{POST}:2: missing 'date'. Hint: write date: YYYY-MM-DD, the day the post goes out "
        "(the date in its file name), without quotes"),
    "duplicate post slug": (
        copy_post("2020-01-01-second-chance-act"),
        "duplicate slug 'second-chance-act' in updates/2020-01-01-second-chance-act.md, "
        "updates/2026-11-03-second-chance-act.md: give each post its own slug"),
    "word to avoid in a Spanish page": (
        replace(ES, "con su abogado.", "con su abogado.\n\nUsted tiene un período de prueba."),
        f'{ES}:13: "período de prueba" — write "probation (libertad a prueba)" '
        "('prueba' already means drug test on these pages)"),
    "English term in a Spanish data string": (
        replace("data/strings.yml", "es: Llame ahora}", "es: Llame ahora por su probation}"),
        f'data/strings.yml:{CALL_NOW}: "probation" — write "libertad a prueba" (English term in a Spanish data '
        'string: write it *like this* so it is marked lang="en", or in Spanish)'),
    "reviewed that is not a date": (
        replace(ES, "reviewed: 2026-11-27", "reviewed: last week"),
        f"{ES}:4: 'reviewed' must be 'pending' or a date written YYYY-MM-DD "
        "(the day the attorney finished the review), got 'last week'"),
    "quiz reviewed that is not a date": (
        replace("data/quiz.yml", "reviewed: pending", "reviewed: soon"),
        "data/quiz.yml: 'reviewed' must be 'pending' or a date written YYYY-MM-DD"),
    "local-help entry without a field": (
        replace("data/local.yml", "        source: https://www.wataugalead.org/referral-process\n", ""),
        f"data/local.yml:{line_of('data/local.yml', '        name: {en: Watauga LEAD') - 2}: counties.watauga.entries.lead: missing 'source'. "
        "Hint: the http(s) URL of the page you read the facts on"),
    # ---- schemas: a wrong value deep in each data file, named at its line ----------
    # (sitebuild/schema/models.py; the line is the offending value's, from the
    # loc->line adapter in sitebuild/schema/core.py)
    "[S01] a list for the state in data/firm.yml": (
        replace("data/firm.yml", "  region: NC", "  region: [NC, SC]"),
        f"data/firm.yml:{line_of('data/firm.yml', '  region:')}: address: 'region' must be text, got list. Hint: {TEXT_HINT}"),
    "[S02] numbers for a Spanish string": (
        replace("data/strings.yml", "privacy:           {en: Privacy, es: Privacidad}", "privacy:           {en: Privacy, es: [1, 2]}"),
        f"data/strings.yml:{line_of('data/strings.yml', 'privacy:')}: privacy: 'es' must be text, got list. Hint: {TEXT_HINT}"),
    "[S03] an English string missing": (
        replace("data/strings.yml", "legal_notices:     {en: Legal notices, es: Avisos legales}", "legal_notices:     {es: Avisos legales}"),
        f"data/strings.yml:{line_of('data/strings.yml', 'legal_notices:')}: 'legal_notices' has no 'en' translation. "
        "Hint: add the line en: ... (both languages, always)"),
    "[S04] an unquoted phone in the last county of data/local.yml": (
        replace("data/local.yml", '        phone: "828-406-8069"', "        phone: 8284068069"),
        f"data/local.yml:{LOCAL_PHONE}: counties.watauga.entries.lead: "
        f"'phone' must be text, got 8284068069. Hint: {TEXT_HINT}"),
    "[S05] a kind that is not one of the list in data/local.yml": (
        replace("data/local.yml", "        kind: lead\n        name: {en: Watauga", "        kind: diversion\n        name: {en: Watauga"),
        f"data/local.yml:{line_of('data/local.yml', '        name: {en: Watauga LEAD') - 1}: counties.watauga.entries.lead: "
        "'kind' is 'diversion'. Hint: one of: courthouse, drug-education, recovery-court, lead, treatment"),
    "[S06] a section that is not a G.S. section in data/costs.yml": (
        replace("data/costs.yml", "statute: 143B-708", 'statute: "G.S. 143B-708"'),
        f"data/costs.yml:{line_of('data/costs.yml', '    statute: 143B-708')}: items.community-service-fee: "
        "'statute' is not a G.S. section, got 'G.S. 143B-708'. Hint: write a section like 7A-304"),
    "[S07] verified written as text in data/costs.yml": (
        replace("data/costs.yml", "    source: https://sog.unc.edu/blogs/nc-criminal-law/600-lab-fee\n    verified: false",
                "    source: https://sog.unc.edu/blogs/nc-criminal-law/600-lab-fee\n    verified: \"no\""),
        f"data/costs.yml:{line_of('data/costs.yml', '    source: https://sog.unc.edu/blogs/nc-criminal-law/600-lab-fee') + 1}: "
        "items.lab-fee: 'verified' must be true or false, got 'no'. Hint: write verified: false, or true once the firm "
        "has confirmed it (no quotes)"),
    "[S08] a page that does not exist in data/review.yml": (
        replace("data/review.yml", "    pages: [side-effects.md]\n    question: >-\n      Side effects: many",
                "    pages: [side-effects.md, side-effect.md]\n    question: >-\n      Side effects: many"),
        f"data/review.yml:{line_of('data/review.yml', '  - id: visa-holder-firearms') + 1}: no page docs/side-effect.md. "
        "Hint: write a docs/ path like faq.md, or quiz, or site"),
    "[S09] a Spanish interface string missing at the end of data/quiz.yml": (
        replace("data/quiz.yml", "  law: {en: Law, es: Ley}", "  law: {en: Law}"),
        f"data/quiz.yml:{line_of('data/quiz.yml', '  law:')}: ui: 'law' has no 'es' translation. "
        "Hint: add the line es: ... (both languages, always)"),
    "[S10] a citation without its text in the last outcome of data/quiz.yml": (
        replace("data/quiz.yml", '      - {section: "90-96", text: "G.S. 90-96"}\n\n# Shown next to whatever',
                '      - {section: "90-96"}\n\n# Shown next to whatever'),
        f"data/quiz.yml:{line_of('data/quiz.yml', 'warnings:') - 3}: outcomes[ask_attorney].citations[0]: missing 'text'. "
        'Hint: the citation as shown, like "G.S. 90-96(a)"'),
    "[S11] an unknown concept in the last embedded terms of data/terms.yml": (
        replace("data/terms.yml", "{term: District Court, concept: district-court,", "{term: District Court, concept: district-courts,"),
        f"data/terms.yml:{line_of('data/terms.yml', '      - {term: District Court')}: embedded.es.terms[22]: 'concept' names "
        "unknown concept 'district-courts'. Hint: use the id of an entry under concepts:, or leave concept out"),
    "[S12] one word for a list in the last glossary entry of data/glossary.yml": (
        replace("data/glossary.yml", "es: [declararse culpable, se declara culpable]", "es: declararse culpable"),
        f"data/glossary.yml:{line_of('data/glossary.yml', '  plea:')}: terms.plea: 'es' must be a list, got 'declararse culpable'. "
        "Hint: write one '- value' line per item, or [a, b]"),
    "[S13] an icon Material does not have at the end of data/diagrams.yml": (
        replace("data/diagrams.yml", "attorney-role.md: account-tie", "attorney-role.md: account-ties"),
        f"data/diagrams.yml:{line_of('data/diagrams.yml', '    attorney-role.md:')}: home_icons.links: 'attorney-role.md' is not "
        "a Material icon, got 'account-ties'. Hint: use a file name from material/templates/.icons/material/ without .svg"),
    "[S14] a number for a Spanish search word in data/search.yml": (
        replace("data/search.yml", "    - multa\n", "    - 5\n"),
        f"data/search.yml:{line_of('data/search.yml', '    - multa')}: es: 'costs.md[3]' must be text, got 5. Hint: {TEXT_HINT}"),
    # (sitebuild/schema/frontmatter.py: Page, and Post for docs/updates/)
    "[S15] a part Material cannot hide, deep in a page's front matter": (
        replace(EN, "reviewed: 2026-11-27\n", "reviewed: 2026-11-27\nhide:\n  - toc\n  - menu\n"),
        f"{EN}:7: 'hide[1]' is 'menu'. Hint: a list of navigation, toc, footer, path, tags, feedback"),
    "[S16] a list for a post's category": (
        replace(POST, "category: Clearing your record", "category: [Clearing your record, Courts]"),
        f"{POST}:{line_of(POST, 'category:')}: 'category' must be text, got list. "
        "Hint: a short topic in this language, like Courts / La corte"),
    "[S17] a misspelt key in a page's front matter": (
        replace(ES, "reviewed: 2026-11-27\n", "reviewed: 2026-11-27\nrobot: noindex\n"),
        f"{ES}:5: unknown field 'robot'. Hint: delete it, or check its spelling "
        "(description, hero_text, hero_title, hide, reviewed, robots, search, template, title)"),
    # ---- scripts in built pages ----------------------------------------------------
    "inline script added by a template": (
        replace("overrides/update.html", "{% block content %}", "{% block content %}<script>track()</script>"),
        f"{POST}: inline script not on the allowlist (sitebuild/csp.py ALLOWED_INLINE): 'track()'. Hint: content cannot carry scripts; site code goes in docs/assets/js/"),
}


def _quiz_title(project: Path, text: str) -> None:
    path = project / "data" / "quiz.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    n = QUIZ_TITLE - 1
    indent = lines[n][: len(lines[n]) - len(lines[n].lstrip())]
    key = lines[n].strip().split(":", 1)[0]
    lines[n] = f"{indent}{key}: \"{text}\"\n"
    path.write_text("".join(lines), encoding="utf-8")


def add_fixture(project: Path) -> None:
    for page in FIX.glob("legal-fault*.md"):
        shutil.copy(page, project / "docs" / page.name)


def broken_copy(case: str, tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "p", data=FIXTURE_DATA)
    add_fixture(project)
    CASES[case][0](project)
    return project


@functools.cache
def _config():  # type: ignore[no-untyped-def]
    from mkdocs.config import load_config

    return load_config(str(ROOT / "mkdocs.yml"))


_checked: dict[tuple[object, ...], object] = {}


def _once(fn: Callable[..., object], *key: object) -> Callable[..., object]:
    """`fn`, remembered by `key` (a file's bytes among it): the cases share
    every file but the one they break, and a rule passed on the same bytes
    passes again. Only results are kept; a rule that raises runs every time."""
    def run(*args: object, **kwargs: object) -> object:
        k = (fn.__name__, *key, args[1:3] if fn.__name__ == "check_page" else ())
        if k not in _checked:
            _checked[k] = fn(*args, **kwargs)
        return _checked[k]
    return run


def first_stage(project: Path) -> str | None:
    """The build's first stage, in-process, on a copy: every data file read
    (hooks/firm.py on_config), the firm facts and strings loaded, every page's
    own rules (hooks/rules.py on_config), the quiz (hooks/quiz.py), local help,
    costs, the site's words, diagrams, glossary and search words (their loaders), the posts
    (hooks/updates.py on_files) and the cross-page rules (rules' on_nav).
    The error text, or None when this stage accepts the copy."""
    from hooks import rules
    from sitebuild import costs, diagrams, glossary, local_help, quiz, search_keywords, terms, updates
    from sitebuild.data import Facts, load_firm, load_strings, read_yaml

    check_page = rules.check_page
    firm_bytes = (project / "data" / "firm.yml").read_bytes()
    try:
        for path in sorted((project / "data").glob("*.yml")):
            _once(lambda p: read_yaml(p) and None, path.name, path.read_bytes())(path)
        firm = load_firm(project / "data" / "firm.yml")
        load_strings(project / "data" / "strings.yml")
        templates = frozenset(p.name for p in (project / "overrides").glob("*.html"))
        def check_once(path: Path, *args: object, **kwargs: object) -> object:
            return _once(check_page, firm_bytes, templates, path.name, path.read_bytes())(path, *args, **kwargs)
        rules.check_page = check_once  # type: ignore[assignment]
        found = rules.check_docs(project / "docs", Facts.wrap(firm), _render(), templates)
        quiz_file = project / "data" / "quiz.yml"  # hooks/quiz.py on_config
        _once(lambda p: quiz.validate(quiz.load(p), "data/quiz.yml", p.read_text(encoding="utf-8")), quiz_file.read_bytes())(quiz_file)
        loads = (("local.yml", local_help.load), ("costs.yml", costs.load), ("terms.yml", terms.load_terms),
                 ("diagrams.yml", diagrams.load), ("search.yml", search_keywords.load))
        for name, load in loads:  # their hooks' on_config (search words: hooks/seo.py on_post_build)
            path = project / "data" / name
            _once(lambda p, load=load: load(p) and None, name, path.read_bytes(), firm_bytes)(path)
        glossary_pages = [project / "docs" / n for n in ("glossary.md", "glossary.es.md")]
        if all(p.is_file() for p in glossary_pages):  # hooks/glossary.py on_config (a missing page: the twin rule)
            _once(lambda p: glossary.load(p) and None, "glossary.yml", (project / "data" / "glossary.yml").read_bytes(),
                  *(p.read_bytes() for p in glossary_pages))(project)
        updates.load_posts(project / "docs")  # hooks/updates.py on_files
        rules.check_across(project / "docs", found)
    except (PluginError, quiz.QuizError, updates.UpdatesError) as err:
        return str(err).replace(str(project) + "/", "")
    finally:
        rules.check_page = check_page  # type: ignore[assignment]
    return None


@functools.cache
def _render():  # type: ignore[no-untyped-def]
    from hooks import rules

    return rules.renderer(_config())


def build_output(project: Path, out: Path, case: str) -> str:
    result = run_build(project, out)
    assert result.returncode != 0, f"{case}: the build passed"
    assert "Traceback" not in result.stderr, f"{case}: traceback\n{result.stderr[-3000:]}"
    return result.stderr


def said(expected: str, out: str) -> bool:
    lines = [line.split(" -  ", 1)[-1].strip() for line in out.splitlines()]
    return any(expected in line for line in lines)


# One real strict build per stage of the build (the terms and MkDocs'
# validation each have two switches); every other case runs first_stage.
END_TO_END = (
    "script tag in Markdown",               # on_config: a page's own rules
    "unquoted colon in data/firm.yml",      # on_config: a data file
    "anchors differ across languages",      # on_nav: anchors
    "statute cited in one language only",   # on_nav: statutes
    "two pages with one description",       # on_nav: descriptions
    "page without its translation",         # on_nav: the i18n gap
    "leftover braces from a template",      # on_post_page: leftovers
    "inline script added by a template",    # on_post_page: the CSP allowlist
    "word to avoid in a Spanish page",      # hooks/terms.py: pages
    "English term in a Spanish data string",  # hooks/terms.py: data strings
    "missing description",                  # on_page_context (hooks/seo.py)
    "broken internal link",                 # MkDocs' own validation: links
    "broken anchor",                        # MkDocs' own validation: anchors
)


def test_the_fixture_pair_builds(tmp_path: Path) -> None:
    """The baseline is valid: every failure below comes from its one change."""
    project = copy_project(tmp_path / "p", data=FIXTURE_DATA)
    add_fixture(project)
    assert first_stage(project) is None
    result = run_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr[-3000:]


# Cases the first stage accepts (a later stage refuses them): test_fault builds
# them, so they carry the `build` marker (conftest's run_build insists).
AFTER_FIRST_STAGE = ("[S08] a page that does not exist in data/review.yml",)


@pytest.mark.parametrize("case", [pytest.param(c, marks=pytest.mark.build) if c in AFTER_FIRST_STAGE else c
                                  for c in CASES if c not in END_TO_END])
def test_fault(case: str, tmp_path: Path) -> None:
    """The first stage's message; a case it accepts is built instead."""
    expected = CASES[case][1]
    project = broken_copy(case, tmp_path)
    out = first_stage(project)
    if out is None:
        out = build_output(project, tmp_path / "out", case)
    assert said(expected, out), f"{case}: expected\n  {expected}\ngot:\n{out[-2500:]}"


@pytest.mark.build  # build_output runs the build: the marker detection does not see through it
@pytest.mark.parametrize("case", END_TO_END)
def test_fault_end_to_end(case: str, tmp_path: Path) -> None:
    expected = CASES[case][1]
    out = build_output(broken_copy(case, tmp_path), tmp_path / "out", case)
    assert said(expected, out), f"{case}: expected\n  {expected}\ngot:\n{out[-2500:]}"


DOCUMENTED = re.compile(r"^\| (?P<case>.+?) \| `(?P<line>.*)` \|$")


def test_fault_table_is_big_enough_and_documented() -> None:
    """CONTRIBUTING's table is the generated one, row by row: each case's
    documented line (file:line and message) is the line the test checks."""
    assert len(CASES) + len(DIRECT) >= 90, len(CASES) + len(DIRECT)
    doc = (ROOT / "docs" / "maintainers" / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = doc.split("## Fault table", 1)[-1]
    documented = {m["case"]: m["line"].replace("&#124;", "|") for m in map(DOCUMENTED.match, section.splitlines()) if m}
    expected = {case: line for case, (_, line) in {**CASES, **DIRECT}.items()}
    wrong = {case: (documented.get(case), line) for case, line in expected.items() if documented.get(case) != line}
    assert not wrong, f"CONTRIBUTING.md 'Fault table' differs (run python tests/test_faults.py and paste): {wrong}"
    assert table() in section, "CONTRIBUTING.md 'Fault table' is not the generated table: " \
                               "run python tests/test_faults.py and paste its output"


# ---- rules called directly ----------------------------------------------------------
# Cases a rule refuses before anything is rendered: the rule function is called
# on a copy of the input (no build), with the same message the build prints.
# The review's case numbers (research/adversarial-review.md) are in brackets.

def _message(call: Callable[[], object]) -> str:
    """What a rule says about one input: its error text, or 'accepted: <result>'."""
    from mkdocs.exceptions import PluginError

    try:
        return f"accepted: {call()}"
    except PluginError as err:
        return str(err)


def page_case(edit: Callable[[str], str], lang: str = "en", name: str = "legal-fault") -> Callable[[Path], object]:
    """check_page (hooks/rules.py) on the fixture page after one edit."""
    def run(tmp: Path) -> object:
        from hooks import rules
        from sitebuild.allowlist import reserved_ids
        from sitebuild.data import load_firm

        src = FIX / ("legal-fault.md" if lang == "en" else "legal-fault.es.md")
        rel = f"{name}.md" if lang == "en" else f"{name}.es.md"
        path = tmp / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(edit(src.read_text(encoding="utf-8")), encoding="utf-8")
        templates = frozenset(p.name for p in (ROOT / "overrides").glob("*.html"))
        meta, _, _ = rules.check_page(path, f"docs/{rel}", lang, load_firm(FIXTURE_DATA / "firm.yml"),
                                      rules.renderer(_config()),
                                      reserved_ids(ROOT), templates, rel)
        return "ok"
    return run


def body(extra: str) -> Callable[[str], str]:
    return lambda text: text.replace("with your lawyer.", "with your lawyer.\n\n" + extra, 1)


def front(old: str, new: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)
    return edit


def data_case(name: str, old: str, new: str, load: str = "read_yaml") -> Callable[[Path], object]:
    """sitebuild.data's reader on data/NAME after one edit."""
    def run(tmp: Path) -> object:
        from sitebuild import data

        path = tmp / "data" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        text = (FIXTURE_DATA / name).read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return getattr(data, load)(path) and "ok"
    return run


def endpoint_case(url: str) -> Callable[[Path], object]:
    def run(tmp: Path) -> object:
        from hooks.contact import check_endpoint
        from sitebuild.csp import policy

        mode, checked = check_endpoint(url, "environment variable CONTACT_ENDPOINT")
        return policy([], [], checked, meta=True)
    return run


def site_url_case(url: str) -> Callable[[Path], object]:
    def run(tmp: Path) -> object:
        from types import SimpleNamespace

        from hooks import security

        security.on_config(SimpleNamespace(site_url=url))  # type: ignore[arg-type]
        return "ok"
    return run


def release_case(check: Callable[[Path], list[str]]) -> Callable[[Path], object]:
    return lambda tmp: "; ".join(check(tmp)) or "nothing to fix"


def _release_site_url(url: str) -> Callable[[Path], list[str]]:
    from scripts import check_release

    return lambda tmp: check_release.site_url_problems(url)


def _release_todo(tmp: Path) -> list[str]:
    from scripts import check_release

    (tmp / "fees").mkdir()
    (tmp / "fees" / "index.html").write_text("<p>Todo el proceso</p>\n<p>todo: confirm the fee</p>\n<p>TBD</p>\n<p>FIXME</p>\n")
    return check_release.todo_problems(tmp)


def _release_docs(files: dict[str, str]) -> Callable[[Path], list[str]]:
    def run(tmp: Path) -> list[str]:
        from scripts import check_release

        for rel, text in files.items():
            (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
            (tmp / rel).write_text(text, encoding="utf-8")
        quiz = tmp / "quiz.yml"
        quiz.write_text("reviewed: 2026-11-30\nquestions: []\n")
        return check_release.review_problems(tmp / "docs", quiz)
    return run


def files_case(rel: str, content: bytes = b"x") -> Callable[[Path], object]:
    def run(tmp: Path) -> object:
        from hooks import rules

        (tmp / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp / "docs" / rel).write_bytes(content)
        rules.check_files(tmp / "docs")
        return "ok"
    return run


def drafts_case(tmp: Path) -> object:
    from hooks import rules
    from sitebuild.data import load_firm

    docs = tmp / "docs" / "updates"
    docs.mkdir(parents=True)
    for suffix in (".md", ".es.md"):
        text = (ROOT / f"{POST[:-3]}{suffix}").read_text(encoding="utf-8")
        if suffix == ".md":
            text = text.replace("reviewed:", "draft: true\nreviewed:", 1)
        (docs / f"2026-11-03-second-chance-act{suffix}").write_text(text, encoding="utf-8")
    rules.check_docs(tmp / "docs", load_firm(FIXTURE_DATA / "firm.yml"))
    return "ok"


def bomb_case(tmp: Path) -> object:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join('*' + chr(97 + i) for _ in range(9))}]" for i in range(8)]
    started = time.monotonic()
    try:
        return page_case(front("reviewed: 2026-11-27", "reviewed: 2026-11-27\n" + "\n".join(lines)))(tmp)
    finally:
        assert time.monotonic() - started < 5, "the alias bomb was expanded"


def markdown_fact_case(tmp: Path) -> object:
    """What a page body gets for {{ firm.name }} when the name holds Markdown (hooks/firm.py)."""
    import markdown

    from sitebuild.escaping import markdown_text

    name = "Scott K. Dillin, [Attorney](https://evil.example/) at **Law**"
    return markdown.markdown(f"By {markdown_text(name)}.")


BUILD_DATE = "2026-12-01"


def reviewed_case(value: object) -> Callable[[Path], object]:
    def run(tmp: Path) -> object:
        from sitebuild.review import ReviewError, parse_reviewed

        try:
            return parse_reviewed(value, "data/quiz.yml")
        except ReviewError as err:
            raise PluginError(str(err)) from None
    return run


def quiz_script_case(tmp: Path) -> object:
    """A page reusing an id the site's scripts look up (the quiz's data now
    comes from its own script file; the contact form's fields keep ids)."""
    return page_case(body('<span id="cf-phone">x</span>'), name="quiz")(tmp)


REVIEW_HINT = "Hint: write the day the attorney finished the review, or 'pending'"
ENDPOINT_HINT = "Hint: copy the form service's address exactly, like https://forms.example.com/f/abc"
SITE_URL_HINT = "Hint: write the site's public address, like https://www.example.org/"
EP = "environment variable CONTACT_ENDPOINT: the contact form address"
SU = "environment variable SITE_URL (site_url in mkdocs.yml): the address"
FIRM = "data/firm.yml"
CONTACT = line_of(FIRM, "contact_endpoint:")
SMS = line_of(FIRM, "sms:")

# case -> (rule call, exact message or exact safe result)
DIRECT: dict[str, tuple[Callable[[Path], object], str]] = {
    # ---- the content allowlist (sitebuild/allowlist.py) --------------------------------
    "[M03] handler split over two lines": (
        page_case(body('<img src="x.png" alt="" onerror\n="alert(1)">')),
        f"{EN}:13: inline event handler 'onerror=' is not allowed in content. Hint: {HANDLER_HINT}"),
    "[M04] javascript: scheme split over two lines": (
        page_case(body('<a href="java\nscript:alert(1)">x</a>')),
        f"{EN}:13: a javascript: URL is not allowed in content. Hint: {URL_HINT}"),
    "[M07] inline <style> in a page": (
        page_case(body("<style>.dl-draft{display:none}</style>")),
        f"{EN}:13: <style> is not allowed in content. Hint: {STYLE}"),
    "[M24] <style> inside an SVG": (
        page_case(body("<svg><style>.md-header{display:none}</style></svg>")),
        f"{EN}:13: <svg> is not allowed in content. Hint: {ELEMENT}"),
    "[M27] style attribute (overlay)": (
        page_case(body('<a href="/" style="position:fixed;inset:0">x</a>')),
        f"{EN}:13: attribute 'style' on <a> is not allowed in content. Hint: {STYLE}"),
    "[M23] ordinary link with &online=1": (
        page_case(body("[court](https://www.nccourts.gov/search?q=drug&online=1)")), "accepted: ok"),
    "[M37] code block showing a handler": (
        page_case(body('```\n<button onclick="x()">\n```')), "accepted: ok"),
    "[QH] page reusing an id the site's scripts look up": (
        quiz_script_case,
        "docs/quiz.md:13: id 'cf-phone' is not allowed in content. Hint: the site's own templates use this id; pick another one"),
    "[D10] Markdown in a firm fact": (
        markdown_fact_case,
        "accepted: <p>By Scott K. Dillin, &#91;Attorney&#93;(https://evil.example/) at &#42;&#42;Law&#42;&#42;.</p>"),
    "[D13] markup in the firm's form endpoint": (
        data_case("firm.yml", 'contact_endpoint: ""',
                  """contact_endpoint: 'https://forms.example.com"><meta http-equiv="refresh" content="0;url=https://evil.example"><x y="'"""),
        f"{FIRM}:{CONTACT}: <meta> is not allowed in content. Hint: {ELEMENT}"),
    "[Q06] placeholder in quiz text": (
        data_case("quiz.yml", "      en: The G.S. 90-96 program may be open to you", "      en: Call {{ firm.phone }}. The G.S. 90-96 program may be open to you"),
        f"data/quiz.yml:{QUIZ_TITLE}: '{{{{ firm.phone }}}}' in a data file is never replaced. "
        "Hint: placeholders work only in a page body; write the text itself here"),
    # ---- front matter and data read strictly (sitebuild/sourcefiles.py) ---------------
    "[F01] YAML alias bomb in front matter": (
        bomb_case,
        f"{EN}:5: an alias (*name) repeats the value that starts here. "
        "Hint: write the value out in full; aliases and anchors (&name) are not accepted"),
    "[F06] reviewed: twice": (
        page_case(front("reviewed: 2026-11-27", "reviewed: pending\nreviewed: 2026-11-27")),
        f"{EN}:5: 'reviewed' appears twice (first on line 4). Hint: keep one of the two lines"),
    "[F07] title: twice": (
        page_case(front("description:", "title: Another title\ndescription:")),
        f"{EN}:3: 'title' appears twice (first on line 2). Hint: keep one of the two lines"),
    "[F13] title that is a list": (
        page_case(front("title: Fault test page", "title: [a, b]")),
        f"{EN}:2: 'title' must be text, not a list or a group of keys. "
        "Hint: write one line of text after title: (in quotes if it holds : or # or [)"),
    "[F16] template: outside overrides/": (
        page_case(front("reviewed:", "template: ../../../../etc/passwd\nreviewed:")),
        f"{EN}:4: 'template' is not one of the site's page templates, got '../../../../etc/passwd'. "
        "Hint: use one of 404.html, contact.html, home.html, main.html, quiz.html, update.html, updates.html, "
        "or leave the line out"),
    "[F17] draft: on an ordinary page": (
        page_case(front("reviewed:", "draft: true\nreviewed:")),
        f"{EN}:4: only posts (docs/updates/) can be drafts. Hint: delete the draft line: a page that is not "
        "ready stays 'reviewed: pending', which shows the draft notice and stops check-release"),
    "[F18] right-to-left override in a description": (
        page_case(front("description: A page", "description: A \u202epage")),
        f"{EN}:3: a right-to-left or direction override (U+202E) at column 16. Hint: {HOLD}"),
    "[O02] vertical tab (Word line break) in a description": (
        page_case(front("description: A page", "description: A\u000bpage")),
        f"{EN}:3: a control character (U+000B) at column 15. Hint: {HOLD}"),
    "[U09] control character written as a YAML escape in a title": (
        page_case(front("title: Fault test page", 'title: "Post \\u0007 bell"')),
        f"{EN}:2: a control character (U+0007). Hint: {HOLD}"),
    "[D05] right-to-left override in the firm name": (
        data_case("firm.yml", "name: Scott", "name: \u202eScott"),
        f"{FIRM}:{NAME}: a right-to-left or direction override (U+202E) at column 7. Hint: {HOLD}"),
    # ---- review dates (sitebuild/review.py; build date 2026-12-01) ----------------------
    "[F09] reviewed in the future": (
        page_case(front("reviewed: 2026-11-27", "reviewed: 2099-01-01")),
        f"{EN}:4: 'reviewed: 2099-01-01' is in the future (the build's date is "
        f"2026-12-01). {REVIEW_HINT}"),
    "[Q07] quiz reviewed in the future": (
        reviewed_case(dt.date(2099, 12, 31)),
        f"data/quiz.yml: 'reviewed: 2099-12-31' is in the future (the build's date is 2026-12-01). {REVIEW_HINT}"),
    "[F11] reviewed before the site existed": (
        page_case(front("reviewed: 2026-11-27", "reviewed: 1900-01-01")),
        f"{EN}:4: 'reviewed: 1900-01-01' is before the site existed (2026-11-27). {REVIEW_HINT}"),
    "[F10] reviewed with a time (no Python repr)": (
        page_case(front("reviewed: 2026-11-27", "reviewed: 2026-11-27T10:00:00")),
        f"{EN}:4: 'reviewed' must be 'pending' or a date written YYYY-MM-DD (the day the attorney "
        "finished the review), got 2026-11-27 10:00:00"),
    # ---- posts ----------------------------------------------------------------------
    "[N05] uploaded script": (
        files_case("assets/img/uploads/evil.js"),
        "docs/assets/img/uploads/evil.js: a .js file is not an image the site accepts in uploads. "
        "Hint: upload PNG, JPG, JPEG images only (an SVG or web page could run code on the site)"),
    "[N06] uploaded SVG": (
        files_case("assets/img/uploads/logo.svg", b"<svg><script>alert(1)</script></svg>"),
        "docs/assets/img/uploads/logo.svg: a .svg file is not an image the site accepts in uploads. "
        "Hint: upload PNG, JPG, JPEG images only (an SVG or web page could run code on the site)"),
    "[N04b/U08] .markdown post": (
        files_case("updates/2026-10-01-sneaky.markdown"),
        "docs/updates/2026-10-01-sneaky.markdown: a .markdown page is not checked by the site's rules. "
        "Hint: rename it to .md (pages are .md files, with a .es.md twin)"),
    "stray .html page": (
        files_case("about.html"),
        "docs/about.html: a .html file is not a page or an asset the site owns in docs/. Hint: docs/ takes "
        ".md files (sitebuild/sourcefiles.py FILE_TYPES); delete the file or ask a maintainer"),
    # ---- firm facts (sitebuild/data.py) -----------------------------------------------
    "[D09] email at a look-alike domain": (
        data_case("firm.yml", 'email: "todo-firm-email@example.invalid"', 'email: "office@exam\u0440le.com"', "load_firm"),
        f"data/firm.yml:{line_of('data/firm.yml', 'email:')}: 'email' is not an email address, got 'office@exam\u0440le.com'. Hint: write it like "
        "office@example.com, in plain letters (no look-alike letters from other alphabets, no spaces, no ?)"),
    "[D12] sms as text": (
        data_case("firm.yml", "sms: false", 'sms: "false"', "load_firm"),
        f"data/firm.yml:{line_of('data/firm.yml', 'sms:')}: 'sms' must be true or false, got 'false'. Hint: write sms: true or sms: false, without quotes"),
    # ---- addresses (sitebuild/csp.py url_problem) -------------------------------------
    "[D13] quote in CONTACT_ENDPOINT": (
        endpoint_case('https://forms.example.com"><meta http-equiv="refresh" content="0;url=https://evil.example">'),
        f"{EP} holds '\"', which an address never has (https://forms.example.com\"><meta http-equiv=\"refresh\" "
        f"content=\"0;url=https//evil.example\">). {ENDPOINT_HINT}"),
    "[E01] wildcard in CONTACT_ENDPOINT": (
        endpoint_case("https://forms.example.com */x"),
        f"{EP} holds a space, which an address never has (https://forms.example.com */x). {ENDPOINT_HINT}"),
    "[E03] port out of range in CONTACT_ENDPOINT": (
        endpoint_case("https://forms.example.com:99999/x"),
        f"{EP} has a port that is not a number from 1 to 65535 (https://forms.example.com:99999/x). {ENDPOINT_HINT}"),
    "[E04] ; in CONTACT_ENDPOINT": (
        endpoint_case("https://forms.example.com;script-src*"),
        f"{EP} holds ';', which an address never has (https://forms.example.com;script-src*). {ENDPOINT_HINT}"),
    "[E08] endpoint with a query: only its origin in the CSP": (
        endpoint_case("https://forms.example.com:8443/x?next=javascript:alert(1)"),
        "accepted: default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "font-src 'self'; connect-src 'self' https://forms.example.com:8443; worker-src 'self'; "
        "manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self' https://forms.example.com:8443"),
    "[E06] markup in SITE_URL": (
        site_url_case('https://example.com/"><img src=x onerror=alert(1)>/'),
        f"{SU} holds '\"', which an address never has. {SITE_URL_HINT}"),
    # ---- release gate (scripts/check_release.py) --------------------------------------
    "[R01] README example address as SITE_URL": (
        release_case(_release_site_url("https://www.example.com/")),
        "accepted: SITE_URL=https://www.example.com/: the documentation's example address; "
        "set the public address of the site"),
    "[R02] markup in SITE_URL at release": (
        release_case(_release_site_url('https://example.com/"><img src=x>/')),
        "accepted: SITE_URL=https://example.com/\"><img src=x>/: the address holds '\"', which an address never has"),
    "[R06] todo:, TBD, FIXME in any case": (
        release_case(_release_todo), "accepted: fees/index.html: 'todo' text on line(s) 2, 3, 4"),
    "[R07/R09] future and duplicate review dates at release": (
        release_case(_release_docs({
            "docs/a.md": "---\ntitle: A\nreviewed: 2099-01-01\n---\n",
            "docs/b.md": "---\ntitle: B\nreviewed: pending\nreviewed: 2026-11-28\n---\n"})),
        "accepted: docs/a.md: 'reviewed: 2099-01-01' is in the future (the build's date is "
        f"2026-12-01). {REVIEW_HINT}; docs/b.md:4: 'reviewed' appears twice (first on line 3). "
        "Hint: keep one of the two lines"),
    "[R08] a pending .markdown page at release": (
        release_case(_release_docs({"docs/y.markdown": "---\nreviewed: pending\n---\n"})),
        "accepted: docs/y.markdown: a .markdown page is not checked by the site's rules; rename it to .md"),
}


@pytest.mark.parametrize("case", list(DIRECT))
def test_rule(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BUILD_DATE", BUILD_DATE)  # review dates are judged against the build's date
    call, expected = DIRECT[case]
    assert _message(lambda: call(tmp_path)) == expected


def table() -> str:
    """The fault table of CONTRIBUTING.md ("Fault table"), from the cases."""
    rows = ["| Case | The build prints (exact) |", "|---|---|"]
    rows += [f"| {case} | `{expected}` |" for case, (_, expected) in CASES.items()]
    rows += ["", "Rules called directly (the same message as the build; `accepted:` is the exact safe result):",
             "", "| Case | The rule says (exact) |", "|---|---|"]
    rows += [f"| {case} | `{expected.replace('|', '&#124;')}` |" for case, (_, expected) in DIRECT.items()]
    return "\n".join(rows) + "\n"


if __name__ == "__main__":  # python tests/test_faults.py > table: paste into CONTRIBUTING.md
    print(table(), end="")
