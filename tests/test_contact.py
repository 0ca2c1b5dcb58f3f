"""Contact page: every way to reach the firm, the vCard, and the form in real
Chromium - validation, honeypot, endpoint failure keeps what was typed,
mailto fallback, no-JavaScript behaviour, axe, and no request off loopback."""

from __future__ import annotations

import email
import email.policy
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from posixpath import dirname, join, normpath
from urllib.parse import parse_qs, unquote, urlparse

import pytest
import vobject

from conftest import copy_project, run_build
from scripts.serve_site import serve
from scripts.sitedata import load_firm, load_strings
from test_browser import axe_violations

FIRM = load_firm()
STRINGS = load_strings()
CONTACT = {"en": "contact/index.html", "es": "es/contact/index.html"}
INTERCEPT_MAILTO = """
document.addEventListener("click", function (event) {
  var a = event.target.closest && event.target.closest("a[href^='mailto:']");
  if (a && a.hasAttribute("data-contact-mailto-link")) {
    event.preventDefault();          // keep the test browser on the page
    window.__mailto = a.href;
  }
}, true);
"""
browser = pytest.mark.browser
VISITOR = {"name": "Ana López", "phone": "828-555-0100", "email": "ana@example.com",
           "message": "My court date is 12 January."}


def url_path(lang: str) -> str:
    return "/" + CONTACT[lang].removesuffix("index.html")


def resolve(rel: str, href: str) -> str:
    return normpath(join(dirname("/" + rel), href))


# --- the built page -----------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_way_to_reach_the_firm(pages, site_dir, lang):
    soup = pages[CONTACT[lang]].soup
    ways = soup.select_one("section.dl-ways")
    text = " ".join(ways.get_text(" ").split())
    assert ways.select_one(f'a[href="tel:{FIRM["phone_e164"]}"]').get_text(strip=True) == FIRM["phone"]
    assert ways.select_one(f'a[href="mailto:{FIRM["email"]}"]')
    for part in ("street", "locality", "postal_code"):
        assert FIRM["address"][part] in text
    maps = ways.select_one("a[data-contact-maps]")
    assert maps["href"].startswith("https://www.google.com/maps/search/?api=1&query=")
    assert unquote(maps["href"].split("query=", 1)[1]).startswith(FIRM["address"]["street"])
    assert FIRM["hours"][lang] in text
    assert ways.find("strong", lang="es").get_text(strip=True) == "Hablamos español"
    assert f'{FIRM["attorney_title"][lang]}' in text and FIRM["attorney"] in text
    assert not ways.select("a[href^='sms:']"), "sms link shown while firm.sms is false"
    vcard = ways.select_one("a[data-contact-vcard]")
    target = resolve(CONTACT[lang], vcard["href"])
    assert target == ("/contact/firm.vcf" if lang == "en" else "/es/contact/firm.vcf")
    assert (site_dir / target.lstrip("/")).is_file()
    assert not soup.select("iframe, embed, object"), "no embedded maps or widgets"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_warnings_come_before_the_form(pages, lang):
    section = pages[CONTACT[lang]].soup.select_one("[data-contact]")
    order = [el for el in section.descendants if getattr(el, "name", None)]
    warning = section.select_one("[data-contact-warning]")
    form = section.select_one("form[data-contact-form]")
    assert order.index(warning) < order.index(form)
    words = " ".join(warning.get_text(" ").split())
    assert STRINGS[lang]["cf_warn_confidential"] in words
    assert STRINGS[lang]["cf_warn_relationship"] in words


@pytest.mark.parametrize("lang", ["en", "es"])
def test_form_fields_and_mailto_mode_markup(pages, lang):
    soup = pages[CONTACT[lang]].soup
    form = soup.select_one("form[data-contact-form]")
    names = {el["name"] for el in form.select("input[name], select[name], textarea[name]")}
    assert names == {"name", "phone", "email", "language", "best_time", "message", "consent", "_gotcha"}
    for el in form.select("input:not([type=radio]), select, textarea"):
        assert form.select_one(f'label[for="{el["id"]}"]'), f"no label for #{el['id']}"
    assert form.select_one("input[name=language][checked]")["value"] == lang
    gotcha = form.select_one("input[name=_gotcha]")
    assert gotcha["tabindex"] == "-1" and gotcha.find_parent(attrs={"aria-hidden": "true"})
    # No endpoint in data/firm.yml: no action, hidden until the script runs,
    # and a plain email/phone fallback in its place.
    assert not form.get("action") and form.has_attr("hidden")
    fallback = soup.select_one("[data-contact-fallback]")
    assert fallback.select_one(f'a[href="mailto:{FIRM["email"]}"]')
    assert fallback.select_one(f'a[href="tel:{FIRM["phone_e164"]}"]')


def test_contact_script_only_on_contact_pages_and_never_inline(pages):
    for rel, page in pages.items():
        srcs = [s.get("src", "") for s in page.soup.find_all("script")]
        has = any(src.endswith("assets/js/contact.js") for src in srcs)
        assert has == (rel in CONTACT.values()), rel
        for script in page.soup.find_all("script", src=False):
            assert "data-contact" not in (script.string or ""), f"{rel}: inline contact code"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_vcard_parses_and_matches_the_firm_facts(site_dir, lang):
    path = site_dir / ("" if lang == "en" else "es") / "contact" / "firm.vcf"
    raw = path.read_bytes()
    assert b"\r\n" in raw and all(len(line) <= 75 for line in raw.split(b"\r\n"))
    card = vobject.readOne(raw.decode("utf-8"))
    assert card.version.value == "3.0"
    assert card.fn.value == FIRM["name"]
    assert card.org.value == [FIRM["name"]]
    assert card.tel.value == FIRM["phone_e164"]
    assert card.email.value == FIRM["email"]
    adr = card.adr.value
    addr = FIRM["address"]
    assert (adr.street, adr.city, adr.region, adr.code, adr.country) == (
        addr["street"], addr["locality"], addr["region"], addr["postal_code"], addr["country"])
    assert FIRM["attorney"] in card.note.value and FIRM["hours"][lang] in card.note.value
    assert urlparse(card.url.value).path == ("/" if lang == "en" else "/es/")


def test_bad_endpoint_fails_the_build(tmp_path: Path):
    project = copy_project(tmp_path / "p")
    result = run_build(project, tmp_path / "out", env={"CONTACT_ENDPOINT": "http://forms.example.com/x"})
    assert result.returncode != 0
    assert "environment variable CONTACT_ENDPOINT: the contact form endpoint must be an https://" in result.stderr


# --- browser helpers ------------------------------------------------------------------

def watch(page) -> tuple[list[str], list[str]]:
    errors: list[str] = []
    foreign: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: foreign.append(r.url)
            if urlparse(r.url).hostname not in ("127.0.0.1", None) and not r.url.startswith("data:") else None)
    return errors, foreign


def fill(page) -> None:
    page.fill("#cf-name", VISITOR["name"])
    page.fill("#cf-phone", VISITOR["phone"])
    page.fill("#cf-email", VISITOR["email"])
    page.check("#cf-lang-es")
    page.select_option("#cf-time", "afternoon")
    page.fill("#cf-message", VISITOR["message"])
    page.check("#cf-consent")


def assert_form_kept(page) -> None:
    assert page.input_value("#cf-name") == VISITOR["name"]
    assert page.input_value("#cf-phone") == VISITOR["phone"]
    assert page.input_value("#cf-email") == VISITOR["email"]
    assert page.input_value("#cf-message") == VISITOR["message"]
    assert page.is_checked("#cf-lang-es") and page.is_checked("#cf-consent")
    assert page.input_value("#cf-time") == "afternoon"


@pytest.fixture()
def visitor(browser):  # type: ignore[no-untyped-def]
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="block")
    ctx.add_init_script(INTERCEPT_MAILTO)
    page = ctx.new_page()
    errors, foreign = watch(page)
    yield page
    ctx.close()
    assert not errors, errors
    assert not foreign, f"requests off loopback: {foreign}"


# --- mailto mode (the real site: no endpoint configured) ---------------------------------------

@browser
@pytest.mark.parametrize("lang", ["en", "es"])
def test_required_fields_are_announced(visitor, server, lang):
    page = visitor
    page.goto(server + url_path(lang))
    assert page.is_visible("form[data-contact-form]")
    assert not page.is_visible("[data-contact-fallback]")
    page.click("[data-contact-submit]")
    summary = page.locator("[data-contact-summary]")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.hasAttribute('data-contact-summary')")
    items = summary.locator("li").all_inner_texts()
    assert items == [STRINGS[lang]["cf_err_name"], STRINGS[lang]["cf_err_contact"], STRINGS[lang]["cf_err_consent"]]
    for field, error in (("#cf-name", "cf-name-error"), ("#cf-phone", "cf-reach-error"),
                         ("#cf-email", "cf-reach-error"), ("#cf-consent", "cf-consent-error")):
        assert page.get_attribute(field, "aria-invalid") == "true", field
        assert error in page.get_attribute(field, "aria-describedby").split(), field
        assert page.is_visible(f"#{error}")
    summary.locator("li a").first.click()
    assert page.evaluate("document.activeElement.id") == "cf-name"
    assert page.evaluate("window.__mailto === undefined")
    # Fixing the fields clears the errors on the next try.
    fill(page)
    page.click("[data-contact-submit]")
    assert not summary.is_visible()
    assert page.get_attribute("#cf-name", "aria-invalid") is None


@browser
def test_bad_phone_and_email_are_explained(visitor, server):
    page = visitor
    page.goto(server + url_path("en"))
    page.fill("#cf-name", "Ana")
    page.fill("#cf-phone", "555-01")
    page.fill("#cf-email", "ana@")
    page.check("#cf-consent")
    page.click("[data-contact-submit]")
    assert page.locator("[data-contact-summary] li").all_inner_texts() == [
        STRINGS["en"]["cf_err_phone"], STRINGS["en"]["cf_err_email"]]
    assert page.inner_text("#cf-phone-error") == STRINGS["en"]["cf_err_phone"]
    assert "cf-email-error" in page.get_attribute("#cf-email", "aria-describedby")


@browser
@pytest.mark.parametrize("lang", ["en", "es"])
def test_mailto_fallback_carries_every_field(visitor, server, lang):
    page = visitor
    page.goto(server + url_path(lang))
    assert page.inner_text("[data-contact-submit]") == STRINGS[lang]["cf_submit_mailto"]
    fill(page)
    page.click("[data-contact-submit]")
    page.locator("a[data-contact-mailto-link]").wait_for()
    href = page.evaluate("window.__mailto")  # the click the script made, stopped by INTERCEPT_MAILTO
    assert href, "the script did not open the email"
    parsed = urlparse(href)
    assert parsed.scheme == "mailto" and unquote(parsed.path) == FIRM["email"]
    query = parse_qs(parsed.query)
    s = STRINGS[lang]
    assert query["subject"] == [f"{s['cf_mail_subject']} – {VISITOR['name']}"]
    body = query["body"][0]
    for line in (f"{s['cf_name']}: {VISITOR['name']}", f"{s['cf_phone']}: {VISITOR['phone']}",
                 f"{s['cf_email']}: {VISITOR['email']}", f"{s['cf_language_legend']}: Español",
                 f"{s['cf_time']}: {s['cf_time_afternoon']}", VISITOR["message"]):
        assert line in body, f"{line!r} not in {body!r}"
    status = page.locator("[data-contact-status]")
    assert s["cf_mailto_ready"] in status.inner_text()
    assert status.locator("a[data-contact-mailto-link]").get_attribute("href") == href
    assert_form_kept(page)


@browser
def test_honeypot_composes_nothing(visitor, server):
    page = visitor
    page.goto(server + url_path("en"))
    fill(page)
    page.eval_on_selector("#cf-gotcha", "el => { el.value = 'http://spam.example' }")
    page.click("[data-contact-submit]")
    assert STRINGS["en"]["cf_sent"] in page.inner_text("[data-contact-status]")
    assert page.evaluate("window.__mailto === undefined")


@browser
@pytest.mark.parametrize("lang", ["en", "es"])
def test_without_javascript_phone_email_address_remain(browser, server, lang):
    ctx = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = ctx.new_page()
    page.goto(server + url_path(lang))
    assert not page.is_visible("form[data-contact-form]")  # no endpoint: nothing could send it
    fallback = page.locator("[data-contact-fallback]")
    assert fallback.is_visible()
    assert fallback.locator(f'a[href="mailto:{FIRM["email"]}"]').is_visible()
    ways = page.locator("section.dl-ways")
    assert ways.locator(f'a[href="tel:{FIRM["phone_e164"]}"]').is_visible()
    assert ways.locator("a[data-contact-maps]").is_visible()
    assert FIRM["address"]["street"] in ways.inner_text()
    ctx.close()


# --- endpoint mode: a copy of the site built with CONTACT_ENDPOINT on loopback -----------

class Endpoint:
    """A form service on loopback: answers 500, 200, or drops the connection."""

    def __init__(self) -> None:
        self.mode = "500"
        self.received: list[dict[str, str]] = []
        endpoint = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_OPTIONS(self) -> None:  # noqa: N802
                self.send_response(204)
                self.send_header("Access-Control-Allow-Origin", "*")
                self.send_header("Access-Control-Allow-Headers", "*")
                self.end_headers()

            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                endpoint.received.append(parse_form(self.headers.get("Content-Type", ""), body))
                if endpoint.mode == "drop":
                    self.close_connection = True
                    return
                self.send_response(200 if endpoint.mode == "ok" else 500)
                self.send_header("Access-Control-Allow-Origin", "*")
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b'{"ok": true}' if endpoint.mode == "ok" else b'{"error": "down"}')

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/contact"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()


def parse_form(content_type: str, body: bytes) -> dict[str, str]:
    if content_type.startswith("multipart/form-data"):
        msg = email.message_from_bytes(f"Content-Type: {content_type}\r\n\r\n".encode() + body,
                                       policy=email.policy.default)
        return {part.get_param("name", header="content-disposition"):
                part.get_payload(decode=True).decode("utf-8") for part in msg.iter_parts()}
    return {k: v[0] for k, v in parse_qs(body.decode(), keep_blank_values=True).items()}


@pytest.fixture(scope="module")
def endpoint_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Endpoint]]:
    tmp = tmp_path_factory.mktemp("endpoint")
    endpoint = Endpoint()
    project = copy_project(tmp / "project")
    firm = project / "data" / "firm.yml"
    text = firm.read_text(encoding="utf-8")
    assert re.search(r"^sms: false", text, re.M)
    firm.write_text(re.sub(r"^sms: false", "sms: true", text, flags=re.M), encoding="utf-8")
    result = run_build(project, tmp / "site", env={"CONTACT_ENDPOINT": endpoint.url})
    assert result.returncode == 0, result.stderr[-3000:]
    with serve(tmp / "site") as base:  # with its _headers: the CSP must allow the endpoint
        yield base, endpoint
    endpoint.httpd.shutdown()


@browser
@pytest.mark.parametrize("lang", ["en", "es"])
def test_server_error_keeps_every_field(visitor, endpoint_site, lang):
    base, endpoint = endpoint_site
    endpoint.mode = "500"
    page = visitor
    page.goto(base + url_path(lang))
    assert page.get_attribute("form[data-contact-form]", "action") == endpoint.url
    before = len(endpoint.received)
    fill(page)
    page.click("[data-contact-submit]")
    status = page.locator("[data-contact-status].dl-form__status--error")
    status.wait_for()
    words = status.inner_text()
    assert STRINGS[lang]["cf_err_server"] in words and STRINGS[lang]["cf_kept"] in words
    assert status.locator(f'a[href="tel:{FIRM["phone_e164"]}"]').count() == 1
    assert page.evaluate("document.activeElement.hasAttribute('data-contact-status')")
    assert len(endpoint.received) == before + 1
    assert_form_kept(page)
    assert page.is_enabled("[data-contact-submit]")


@browser
def test_network_error_keeps_every_field(visitor, endpoint_site):
    base, endpoint = endpoint_site
    endpoint.mode = "drop"
    page = visitor
    page.goto(base + url_path("es"))
    fill(page)
    page.click("[data-contact-submit]")
    status = page.locator("[data-contact-status].dl-form__status--error")
    status.wait_for()
    assert STRINGS["es"]["cf_err_network"] in status.inner_text()
    assert_form_kept(page)


@browser
def test_endpoint_receives_every_field(visitor, endpoint_site):
    base, endpoint = endpoint_site
    endpoint.mode = "ok"
    page = visitor
    page.goto(base + url_path("en"))
    fill(page)
    page.click("[data-contact-submit]")
    page.locator("[data-contact-status].dl-form__status--success").wait_for()
    assert STRINGS["en"]["cf_sent"] in page.inner_text("[data-contact-status]")
    got = endpoint.received[-1]
    assert {k: got[k] for k in ("name", "phone", "email", "language", "best_time", "message", "consent")} == {
        "name": VISITOR["name"], "phone": VISITOR["phone"], "email": VISITOR["email"], "language": "es",
        "best_time": "afternoon", "message": VISITOR["message"], "consent": "yes"}
    assert got["_gotcha"] == ""
    assert page.input_value("#cf-name") == ""  # sent: the form is cleared


@browser
def test_honeypot_sends_nothing(visitor, endpoint_site):
    base, endpoint = endpoint_site
    endpoint.mode = "ok"
    page = visitor
    page.goto(base + url_path("en"))
    before = len(endpoint.received)
    fill(page)
    page.eval_on_selector("#cf-gotcha", "el => { el.value = 'http://spam.example' }")
    page.click("[data-contact-submit]")
    assert STRINGS["en"]["cf_sent"] in page.inner_text("[data-contact-status]")
    page.wait_for_timeout(300)
    assert len(endpoint.received) == before


@browser
def test_without_javascript_the_form_posts_natively(browser, endpoint_site):
    base, endpoint = endpoint_site
    endpoint.mode = "ok"
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(base + url_path("en"))
    assert page.is_visible("form[data-contact-form]")
    assert page.locator("[data-contact-fallback]").count() == 0
    before = len(endpoint.received)
    fill(page)
    with page.expect_navigation():
        page.click("[data-contact-submit]")
    assert len(endpoint.received) == before + 1
    assert endpoint.received[-1]["name"] == VISITOR["name"]
    ctx.close()


@browser
def test_text_link_when_the_firm_takes_texts(endpoint_site, browser):
    base, _ = endpoint_site
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(base + url_path("es"))
    assert page.get_attribute("a[data-contact-sms]", "href") == f"sms:{FIRM['phone_e164']}"
    ctx.close()


# --- accessibility of every state ---------------------------------------------------

@browser
@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_axe_contact_page_in_every_state(browser, server, endpoint_site, lang, width):
    ctx = browser.new_context(viewport={"width": width, "height": 900}, service_workers="block")
    ctx.add_init_script(INTERCEPT_MAILTO)
    page = ctx.new_page()
    errors, foreign = watch(page)
    problems = []
    page.goto(server + url_path(lang), wait_until="networkidle")
    problems += [f"start: {v}" for v in axe_violations(page)]
    page.click("[data-contact-submit]")
    problems += [f"errors: {v}" for v in axe_violations(page)]
    fill(page)
    page.click("[data-contact-submit]")
    problems += [f"mailto: {v}" for v in axe_violations(page)]
    base, endpoint = endpoint_site
    endpoint.mode = "500"
    page.goto(base + url_path(lang), wait_until="networkidle")
    fill(page)
    page.click("[data-contact-submit]")
    page.locator("[data-contact-status].dl-form__status--error").wait_for()
    problems += [f"failed: {v}" for v in axe_violations(page)]
    ctx.close()
    assert not problems, "\n".join(problems)
    assert not errors and not foreign, (errors, foreign)


@browser
@pytest.mark.parametrize("lang", ["en", "es"])
def test_axe_updates_pages(browser, server, lang):
    prefix = "" if lang == "en" else "/es"
    post = sorted((Path(__file__).parent.parent / "docs" / "updates").glob("2*.md"))[0].name.split(".")[0]
    problems = []
    for width in (390, 1280):
        ctx = browser.new_context(viewport={"width": width, "height": 900}, service_workers="block")
        page = ctx.new_page()
        errors, foreign = watch(page)
        for path in (f"{prefix}/updates/", f"{prefix}/updates/{post}/"):
            page.goto(server + path, wait_until="networkidle")
            problems += [f"{path} @{width}: {v}" for v in axe_violations(page)]
        ctx.close()
        problems += [f"errors: {errors}"] if errors else []
        problems += [f"foreign: {foreign}"] if foreign else []
    assert not problems, "\n".join(problems)
