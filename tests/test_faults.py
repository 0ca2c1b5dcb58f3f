"""The fault table: one broken input per case -> the exact line the build
prints (file:line: problem. Hint: fix), with exit status 1 and no traceback.

Each case copies the project, adds the valid page pair from
tests/fixtures/faults/ (so line numbers are fixed), breaks one thing and runs
the strict build. The table is listed in docs/maintainers/CONTRIBUTING.md
("Fault table", "Content and data")."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ROOT, copy_project, run_build

FIX = Path(__file__).parent / "fixtures" / "faults"
EN, ES = "docs/legal-fault.md", "docs/legal-fault.es.md"
POST = "docs/updates/2026-11-03-second-chance-act.md"
Mutation = Callable[[Path], None]


def line_of(rel: str, start: str) -> int:
    """Line number (1-based) of the first line of a project file starting with `start`."""
    for n, text in enumerate((ROOT / rel).read_text(encoding="utf-8").splitlines(), start=1):
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


def both(*steps: Mutation) -> Mutation:
    def apply(project: Path) -> None:
        for step in steps:
            step(project)
    return apply


SCRIPT_HINT = "write text only; the site's scripts live in docs/assets/js/, and videos or maps are plain links"
HANDLER_HINT = "remove it; behaviour belongs in docs/assets/js/"
URL_HINT = "link to a page or an https:// address"
UTF8_HINT = "save the file as UTF-8 in your editor"
FACT_HINT = "write firm facts as {{ firm.key }} with a key from data/firm.yml"
NAME = line_of("data/firm.yml", "name:")
PHONE = line_of("data/firm.yml", "phone:")
CALL_NOW = line_of("data/strings.yml", "call_now:")
QUIZ_TITLE = line_of("data/quiz.yml", "    title:") + 1  # the en: line under the first title
POST_TITLE = line_of(POST, "title:")

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
    "leftover braces from interface strings": (
        replace("data/strings.yml", "{en: Call now,", '{en: "Call {{ firm.phone }} now",'),
        "docs/index.md: '{{ firm.phone }}' left in the built page. Hint: placeholders work only as "
        "{{ firm.key }} in a page body; data/*.yml and templates take no placeholders"),
    # ---- headings and translations ---------------------------------------------------
    "heading without an anchor": (
        replace(ES, "## Primera parte { #first }", "## Primera parte"),
        f"{ES}:9: heading 'Primera parte' has no anchor. Hint: end it with {{ #short-english-id }}, the same id in both languages"),
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
        "firm.yml: 'phone_e164' is derived from 'phone'. Hint: delete the phone_e164 line; keep one 'phone'"),
    "phone that is not a number": (
        replace("data/firm.yml", 'phone: "828-333-4867"', 'phone: "828-333-486"'),
        "data/firm.yml: 'phone' '828-333-486' is not a valid number. Hint: check the digits (area code and 7 digits)"),
    "email that is not an address": (
        replace("data/firm.yml", 'email: "todo-firm-email@example.invalid"', 'email: "office at example.com"'),
        "firm.yml: 'email' 'office at example.com' is not an email address. Hint: write it like office@example.com"),
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


def test_the_fixture_pair_builds(tmp_path: Path) -> None:
    """The baseline is valid: every failure below comes from its one change."""
    project = copy_project(tmp_path / "p")
    add_fixture(project)
    result = run_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.mark.parametrize("case", list(CASES))
def test_fault(case: str, tmp_path: Path) -> None:
    mutate, expected = CASES[case]
    project = copy_project(tmp_path / "p")
    add_fixture(project)
    mutate(project)
    result = run_build(project, tmp_path / "out")
    out = result.stderr
    assert result.returncode != 0, f"{case}: the build passed"
    assert "Traceback" not in out, f"{case}: traceback\n{out[-3000:]}"
    lines = [line.split(" -  ", 1)[-1].strip() for line in out.splitlines()]
    assert any(expected in line for line in lines), f"{case}: expected\n  {expected}\ngot:\n{out[-2500:]}"


def test_fault_table_is_big_enough_and_documented() -> None:
    assert len(CASES) >= 40, len(CASES)
    doc = (ROOT / "docs" / "maintainers" / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = doc.split("## Fault table", 1)[-1]
    missing = [case for case in CASES if case not in section]
    assert not missing, f"not in CONTRIBUTING.md, 'Fault table': {missing}"
