"""My court date (hooks/court_date.py, overrides/partials/court_date.html,
docs/assets/js/court-date.js) on the real built pages in Chromium.

- The form downloads an .ics file made in the browser: it parses with the
  `icalendar` library, DTSTART is the date (and time) typed, the place is the
  courthouse's address from data/local.yml, two reminders (a week and a day
  before), title and notes in the page's language, CRLF lines folded at 75
  octets. No request leaves the page (every request is routed and checked).
- An empty, impossible or past date gets the message next to the field, focus
  moves there, no file is made and the other values stay.
- Without JavaScript the courts' two links and the advice remain.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil

import icalendar
import pytest
import yaml
from conftest import ROOT, copy_project, run_build

from sitebuild.local_help import county_id
from sitebuild.local_help import load as load_local

STRINGS = yaml.safe_load((ROOT / "data" / "strings.yml").read_text(encoding="utf-8"))
FIRM = yaml.safe_load((ROOT / "data" / "firm.yml").read_text(encoding="utf-8"))
LOCAL = load_local(ROOT / "data" / "local.yml")
PAGES = {"en": ["/first-steps/", "/"], "es": ["/es/first-steps/", "/es/"]}


def t(key: str, lang: str) -> str:
    return STRINGS[key][lang]


def courthouse_with_address() -> tuple[str, str]:
    """(county id, address) of the first service county whose courthouse has
    an address in data/local.yml."""
    for name in FIRM["service_area"]:
        for entry in LOCAL["counties"][county_id(name)]["entries"].values():
            if entry["kind"] == "courthouse" and entry.get("address"):
                address = entry["address"]
                return county_id(name), address if isinstance(address, str) else address["en"]
    pytest.skip("no courthouse in data/local.yml has an address yet")


def guarded_page(browser, server, width=390, height=844):
    """A page whose every request is routed: loopback to our server passes,
    anything else is refused and recorded."""
    ctx = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True,
                              service_workers="block")
    page = ctx.new_page()
    seen: list[str] = []

    def route(r):
        seen.append(r.request.url)
        if r.request.url.startswith(server + "/"):
            r.continue_()
        else:
            r.abort()

    page.route("**/*", route)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    return ctx, page, seen, errors


def foreign(seen: list[str], server: str) -> list[str]:
    return [u for u in seen if not (u.startswith(server + "/") or u.startswith("blob:" + server + "/"))]


def press_button(page) -> None:
    button = page.locator("form[data-court-date] button[type=submit]")
    button.evaluate("b => b.scrollIntoView({block: 'center'})")
    button.click()


def download_ics(page) -> bytes:
    with page.expect_download() as info:
        press_button(page)
    path = info.value.path()
    return open(path, "rb").read()


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("with_time", [True, False], ids=["time", "all-day"])
def test_the_form_downloads_a_calendar_file(browser, server, lang, with_time):
    county, address = courthouse_with_address()
    day = dt.date.today() + dt.timedelta(days=40)
    ctx, page, seen, errors = guarded_page(browser, server)
    page.goto(server + PAGES[lang][0], wait_until="load")
    page.fill("#dl-cd-date", day.isoformat())
    if with_time:
        page.fill("#dl-cd-time", "09:30")
    page.select_option("#dl-cd-court", county)
    raw = download_ics(page)
    status = page.locator("[data-court-date-status]")
    assert status.inner_text().startswith(t("cd_ready", lang))
    assert status.locator("a").get_attribute("download") == f"{t('cd_file', lang)}-{day.isoformat()}.ics"
    assert not errors, errors
    assert not foreign(seen, server), foreign(seen, server)
    ctx.close()

    # RFC 5545 shape: CRLF everywhere, no line longer than 75 octets.
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert max(len(line) for line in raw.split(b"\r\n")) <= 75
    assert b"\r\n " in raw  # the long Spanish and English names are folded
    assert re.search(rb"LOCATION:[^\r]*\\,", raw.replace(b"\r\n ", b""))  # commas escaped

    cal = icalendar.Calendar.from_ical(raw)
    events = list(cal.walk("VEVENT"))
    assert len(events) == 1
    ev = events[0]
    start = ev.decoded("DTSTART")
    if with_time:
        assert start == dt.datetime(day.year, day.month, day.day, 9, 30)
    else:
        assert start == day and not isinstance(start, dt.datetime)
    assert address in str(ev["LOCATION"])
    assert str(ev["SUMMARY"]).startswith(t("cd_ics_title", lang))
    notes = str(ev["DESCRIPTION"])
    before, _, after = t("cd_ics_notes", lang).partition("{phone}")
    assert notes.startswith(before) and notes.endswith(after)
    assert re.sub(r"\D", "", FIRM["phone"]) in re.sub(r"\D", "", notes)  # the firm's phone, as the site shows it
    alarms = list(ev.walk("VALARM"))
    triggers = sorted(a.decoded("TRIGGER") for a in alarms)
    if with_time:
        assert triggers == [-dt.timedelta(days=7), -dt.timedelta(days=1)]
    else:  # 9 a.m. a week before and the day before
        assert triggers == [-dt.timedelta(days=6, hours=15), -dt.timedelta(hours=15)]
    assert all(str(a["ACTION"]) == "DISPLAY" and str(a["DESCRIPTION"]) for a in alarms)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_missing_or_impossible_date_gets_a_message_and_no_file(browser, server, lang):
    county, _ = courthouse_with_address()
    ctx, page, seen, errors = guarded_page(browser, server)
    downloads: list[object] = []
    page.on("download", lambda d: downloads.append(d))
    page.goto(server + PAGES[lang][0], wait_until="load")
    page.fill("#dl-cd-time", "14:15")
    page.select_option("#dl-cd-court", county)
    error = page.locator("#dl-cd-date-error")
    year = dt.date.today().year + 1
    yesterday = dt.date.today() - dt.timedelta(days=1)

    def typed_impossible():
        page.fill("#dl-cd-date", "")
        page.click("#dl-cd-date")
        page.keyboard.type(f"0230{year}")  # February 30th

    cases = [
        (lambda: None, "cd_err_empty"),
        (typed_impossible, "cd_err_bad"),
        (lambda: page.fill("#dl-cd-date", yesterday.isoformat()), "cd_err_past"),
    ]
    for prepare, key in cases:
        prepare()
        press_button(page)
        assert error.inner_text() == t(key, lang), key
        assert error.is_visible()
        assert page.evaluate("document.activeElement.id") == "dl-cd-date", key
        assert page.get_attribute("#dl-cd-date", "aria-describedby") == "dl-cd-date-error"
        assert page.get_attribute("#dl-cd-date", "aria-invalid") == "true"
        assert page.input_value("#dl-cd-time") == "14:15"
        assert page.input_value("#dl-cd-court") == county
    page.wait_for_timeout(300)
    assert not downloads
    assert page.locator("[data-court-date-status] a").count() == 0
    # A good date clears the message.
    page.fill("#dl-cd-date", (dt.date.today() + dt.timedelta(days=3)).isoformat())
    download_ics(page)
    assert error.inner_text() == "" and page.get_attribute("#dl-cd-date", "aria-invalid") is None
    assert not errors, errors
    assert not foreign(seen, server)
    ctx.close()


def test_every_box_offers_every_courthouse_in_both_languages(pages):
    for lang, urls in PAGES.items():
        for url in urls:
            key = url.strip("/") + "/index.html" if url.strip("/") else "index.html"
            soup = pages[key].soup
            boxes = soup.select(".dl-court-date")
            assert len(boxes) == 1, url
            form = boxes[0].select_one("form[data-court-date]")
            assert form.has_attr("hidden")  # shown by court-date.js only
            ids = [o["value"] for o in form.select("option") if o["value"]]
            assert ids == [county_id(c) for c in FIRM["service_area"]], url
            assert form["data-lang"] == lang
            assert soup.select_one('script[src$="assets/js/court-date.js"]'), url
            links = [a["href"] for a in boxes[0].select(".dl-court-date__links a")]
            assert len(links) == 2 and all(h.startswith("https://www.nccourts.gov/") for h in links)


def test_without_javascript_the_links_and_advice_remain(browser, server):
    ctx = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = ctx.new_page()
    for lang, urls in PAGES.items():
        for url in urls:
            page.goto(server + url)
            box = page.locator(".dl-court-date")
            assert box.locator('.dl-court-date__links a[href^="https://www.nccourts.gov/"]').count() == 2
            for key in ("cd_remind", "cd_lookup", "cd_not_notice", "cd_case_number", "cd_nojs"):
                assert t(key, lang) in box.inner_text(), (url, key)
            assert not page.is_visible("form[data-court-date]"), url
    ctx.close()


def test_the_marker_twice_on_a_page_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "first-steps.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- court-date -->\n", encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "first-steps.md: <!-- court-date --> may appear once per page" in result.stderr
    shutil.rmtree(tmp_path / "project")
