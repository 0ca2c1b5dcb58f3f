"""Contact page: every way to reach the firm, the vCard, and the form in real
Chromium - validation, honeypot, endpoint failure keeps what was typed,
mailto fallback, no-JavaScript behaviour, axe, and no request off loopback."""

from __future__ import annotations

import email
import email.policy
import functools
import http.server
import importlib.util
import os
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from posixpath import dirname, join, normpath
from urllib.parse import parse_qs, unquote, urlparse

import pytest
import vobject
from browser_helpers import axe_violations, resize
from bs4 import BeautifulSoup
from conftest import ROOT, SITE_DATA, copy_project, run_build

from sitebuild.data import load_firm, load_strings
from tools.serve import handler_for, serve

FIRM = load_firm(SITE_DATA / "firm.yml")  # the data the session site was built from
STRINGS = load_strings(SITE_DATA / "strings.yml")
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
           "message": "My court date is 12 January.", "court_date": "2027-01-12",
           "county": FIRM["service_area"][1]}


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
    assert bool(ways.select("a[href^='sms:']")) == FIRM["sms"], "a 'Text us' link exactly when firm.sms is true"
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
    assert names == {"submission_id", "name", "phone", "email", "language", "best_time", "message",
                     "consent", "_gotcha", "court_date", "county", "voicemail"}
    assert form.select_one("#cf-court-date")["type"] == "date"
    assert not form.select_one("#cf-court-date").has_attr("required")
    counties = [o["value"] for o in form.select("#cf-county option")]
    assert counties == ["", *FIRM["service_area"], "other"]  # the service area, from data/firm.yml
    # A voicemail on a shared phone can hurt: "no" unless the visitor says yes.
    assert form.select_one("input[name=voicemail][checked]")["value"] == "no"
    assert {i["value"] for i in form.select("input[name=voicemail]")} == {"no", "yes"}
    # When and how the firm answers: the firm fact, in this language.
    assert FIRM["reply_promise"][lang] in form.select_one("[data-contact-next]").get_text(" ", strip=True)
    assert form.select_one("input[name=submission_id]")["type"] == "hidden"
    # Without JavaScript a browser can only require one field: the phone
    # (10 or more digits); the hint says so until the script relaxes it.
    phone = form.select_one("#cf-phone")
    assert phone.has_attr("required") and phone["pattern"]
    assert form.select_one("#cf-reach-hint").get_text(strip=True) == STRINGS[lang]["cf_reach_hint_nojs"]
    for el in form.select("input:not([type=radio]):not([type=hidden]), select, textarea"):
        assert form.select_one(f'label[for="{el["id"]}"]'), f"no label for #{el['id']}"
    assert form.select_one("input[name=language][checked]")["value"] == lang
    gotcha = form.select_one("input[name=_gotcha]")
    assert gotcha["tabindex"] == "-1" and gotcha.find_parent(attrs={"aria-hidden": "true"})
    if FIRM.get("contact_endpoint") or "CONTACT_ENDPOINT" in os.environ:
        return  # the form service's markup: endpoint_site and netlify_site below
    assert form["data-contact-mode"] == "mailto" and not form.has_attr("data-netlify")
    # No endpoint (data/firm.yml, CONTACT_ENDPOINT): no action, hidden until the script runs,
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


def load_contact_hook():  # hooks/ is not a package: load the module by path
    spec = importlib.util.spec_from_file_location("contact_hook", ROOT / "hooks" / "contact.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("value,expected", [
    ("", ("mailto", "")),
    ("  ", ("mailto", "")),
    ("netlify", ("netlify", "")),
    ("Netlify", ("netlify", "")),
    ("https://formspree.io/f/abcd1234", ("endpoint", "https://formspree.io/f/abcd1234")),
    ("http://127.0.0.1:8123/contact", ("endpoint", "http://127.0.0.1:8123/contact")),
    ("https://forms.example.com/x?form=contact&lang=es", ("endpoint", "https://forms.example.com/x?form=contact&lang=es")),
])
def test_endpoint_values_accepted(value, expected):
    assert load_contact_hook().check_endpoint(value, "X") == expected


@pytest.mark.parametrize("value,message", [
    ("https://user:s3cret@forms.example.com/x",
     "X: the contact form address holds a user name or password (https://***@forms.example.com/x). "
     "The address is published in every page and in the security policy: remove 'user:password@' "
     "and use the form service's public address"),
    ("https://s3cret@forms.example.com/x",
     "X: the contact form address holds a user name or password (https://***@forms.example.com/x)."),
    ("https://forms.example.com/x?api_key=s3cret",
     "X: the contact form address carries what looks like a secret in its query "
     "(api_key: https://forms.example.com/x?api_key=***). The address is published in every page "
     "and in the security policy: use the form service's public address, never an API key"),
    ("https://forms.example.com/x?form=1&access_token=s3cret&Signature=s3cret",
     "(Signature, access_token: https://forms.example.com/x?form=***&access_token=***&Signature=***)"),
    ("/contact/", "X: a relative contact form address ('/contact/') works only with Netlify Forms: "
                  "set it to 'netlify' (the form then posts to its own page), or give a full https:// address"),
    ("http://forms.example.com/x", "X: the contact form endpoint must be an https:// address "
                                   "(http:// only on 127.0.0.1 or localhost), got 'http://forms.example.com/x'"),
    ("javascript:alert(1)", "X: the contact form endpoint must be an https:// address"),
])
def test_endpoint_values_refused(value, message):
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError) as err:
        load_contact_hook().check_endpoint(value, "X")
    assert message in str(err.value)
    assert "s3cret" not in str(err.value), "the secret itself must never be printed"


def test_credentials_in_the_endpoint_fail_the_build_and_are_never_published(tmp_path: Path):
    project = copy_project(tmp_path / "p")
    out = tmp_path / "out"
    result = run_build(project, out, env={"CONTACT_ENDPOINT": "https://user:s3cret@forms.example.com/x"})
    assert result.returncode != 0
    assert ("environment variable CONTACT_ENDPOINT: the contact form address holds a user name or "
            "password (https://***@forms.example.com/x)") in result.stderr
    assert "s3cret" not in result.stderr + result.stdout
    leaked = [p for p in out.rglob("*") if p.is_file() and b"s3cret" in p.read_bytes()] if out.exists() else []
    assert not leaked, leaked


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
    page.fill("#cf-court-date", VISITOR["court_date"])
    page.select_option("#cf-county", VISITOR["county"])
    page.check("#cf-voicemail-yes")
    page.fill("#cf-message", VISITOR["message"])
    page.check("#cf-consent")


def assert_form_kept(page) -> None:
    assert page.input_value("#cf-name") == VISITOR["name"]
    assert page.input_value("#cf-phone") == VISITOR["phone"]
    assert page.input_value("#cf-email") == VISITOR["email"]
    assert page.input_value("#cf-message") == VISITOR["message"]
    assert page.is_checked("#cf-lang-es") and page.is_checked("#cf-consent")
    assert page.input_value("#cf-time") == "afternoon"
    assert page.input_value("#cf-court-date") == VISITOR["court_date"]
    assert page.input_value("#cf-county") == VISITOR["county"]
    assert page.is_checked("#cf-voicemail-yes")


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
                 f"{s['cf_time']}: {s['cf_time_afternoon']}",
                 f"{s['cf_voicemail_legend']}: {s['cf_voicemail_yes']}",
                 f"{s['cf_court_date']}: {VISITOR['court_date']}",
                 f"{s['cf_county']}: {s['local_county'].replace('{name}', VISITOR['county'])}",
                 VISITOR["message"]):
        assert line in body, f"{line!r} not in {body!r}"
    reference = re.search(rf"^{re.escape(s['cf_reference'])}: (\S+)\r$", body, re.M)
    assert reference and UUID.match(reference.group(1)), body
    assert page.input_value("#cf-id") == reference.group(1)  # the same id if the visitor tries again
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
#
# The contact matrix (docs/maintainers/CONTRIBUTING.md, "Contact form and posts"):
# every answer a form service can give, and what the visitor is told.

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        pass  # the browser gave up on a slow answer: expected, not a test failure


class Endpoint:
    """A form service on loopback. Modes: "ok" (200), "400", "500", "slow"
    (answers 200 only once `release` is set), "nocors" (200 without
    Access-Control-Allow-Origin), "redirect" (303), "drop" (reads the
    message, then closes the connection without answering)."""

    def __init__(self) -> None:
        self.mode = "500"
        self.received: list[dict[str, str]] = []
        self.release = threading.Event()
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
                mode = endpoint.mode
                if mode == "drop":
                    self.close_connection = True
                    return
                if mode == "slow":
                    endpoint.release.wait(timeout=60)
                status = {"400": 400, "500": 500, "redirect": 303}.get(mode, 200)
                self.send_response(status)
                if mode != "nocors":
                    self.send_header("Access-Control-Allow-Origin", "*")
                if mode == "redirect":
                    self.send_header("Location", endpoint.url + "/thanks")  # a service's thank-you page
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b'{"ok": true}' if status == 200 else b'{"error": "no"}')

        self.httpd = QuietServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/contact"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def wait_for(self, count: int, timeout: float = 15) -> None:
        deadline = time.time() + timeout
        while len(self.received) < count:
            assert time.time() < deadline, f"endpoint got {len(self.received)} messages, expected {count}"
            time.sleep(0.05)


def parse_form(content_type: str, body: bytes) -> dict[str, str]:
    if content_type.startswith("multipart/form-data"):
        msg = email.message_from_bytes(f"Content-Type: {content_type}\r\n\r\n".encode() + body,
                                       policy=email.policy.default)
        return {part.get_param("name", header="content-disposition"):
                part.get_payload(decode=True).decode("utf-8") for part in msg.iter_parts()}
    form = {k: v[0] for k, v in parse_qs(body.decode(), keep_blank_values=True).items()}
    form["_content_type"] = content_type
    return form


@pytest.fixture(scope="module")
def endpoint_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Endpoint]]:
    tmp = tmp_path_factory.mktemp("endpoint")
    endpoint = Endpoint()
    project = copy_project(tmp / "project", data=SITE_DATA)  # compared with FIRM below
    firm = project / "data" / "firm.yml"
    text = firm.read_text(encoding="utf-8")
    assert re.search(r"^sms: (true|false)\b", text, re.M)
    firm.write_text(re.sub(r"^sms: (true|false)\b", "sms: true", text, count=1, flags=re.M), encoding="utf-8")
    result = run_build(project, tmp / "site", env={"CONTACT_ENDPOINT": endpoint.url})
    assert result.returncode == 0, result.stderr[-3000:]
    with serve(tmp / "site") as base:  # with its _headers: the CSP must allow the endpoint
        yield base, endpoint
    endpoint.release.set()
    endpoint.httpd.shutdown()


def send(page, base: str, lang: str = "en") -> None:
    page.goto(base + url_path(lang))
    fill(page)
    page.click("[data-contact-submit]")


def status_of(page, kind: str) -> str:
    status = page.locator(f"[data-contact-status].dl-form__status--{kind}")
    status.wait_for()
    assert page.evaluate("document.activeElement.hasAttribute('data-contact-status')")
    assert status.locator(f'a[href="tel:{FIRM["phone_e164"]}"]').count() == (0 if kind == "success" else 1)
    return status.inner_text()


@browser
@pytest.mark.parametrize("lang", ["en", "es"])
def test_200_sends_every_field_with_an_id(visitor, endpoint_site, lang):
    base, endpoint = endpoint_site
    endpoint.mode = "ok"
    before = len(endpoint.received)
    send(visitor, base, lang)
    assert STRINGS[lang]["cf_sent"] in status_of(visitor, "success")
    assert len(endpoint.received) == before + 1
    got = endpoint.received[-1]
    assert {k: got[k] for k in ("name", "phone", "email", "language", "best_time", "message", "consent",
                                "court_date", "county", "voicemail")} == {
        "name": VISITOR["name"], "phone": VISITOR["phone"], "email": VISITOR["email"], "language": "es",
        "best_time": "afternoon", "message": VISITOR["message"], "consent": "yes",
        "court_date": VISITOR["court_date"], "county": VISITOR["county"], "voicemail": "yes"}
    assert FIRM["reply_promise"][lang] in visitor.inner_text("[data-contact-status]")  # when and how we answer
    assert got["_gotcha"] == ""
    assert UUID.match(got["submission_id"]), got["submission_id"]
    assert visitor.input_value("#cf-name") == "" and visitor.input_value("#cf-id") == ""  # sent: cleared


@browser
@pytest.mark.parametrize("mode,lang", [("400", "en"), ("500", "es")])
def test_4xx_5xx_say_not_sent_and_keep_every_field(visitor, endpoint_site, mode, lang):
    base, endpoint = endpoint_site
    endpoint.mode = mode
    before = len(endpoint.received)
    send(visitor, base, lang)
    words = status_of(visitor, "error")
    assert STRINGS[lang]["cf_err_server"] in words and STRINGS[lang]["cf_kept"] in words
    assert len(endpoint.received) == before + 1
    assert_form_kept(visitor)
    assert visitor.is_enabled("[data-contact-submit]")


@browser
@pytest.mark.parametrize("mode,lang", [("nocors", "en"), ("redirect", "es"), ("drop", "en")])
def test_unreadable_answers_say_we_may_have_it(visitor, endpoint_site, mode, lang):
    """No CORS header, a redirect, a dropped connection: the message reached
    the service (endpoint.received) but the page cannot know it was taken."""
    base, endpoint = endpoint_site
    endpoint.mode = mode
    before = len(endpoint.received)
    send(visitor, base, lang)
    words = status_of(visitor, "warning")
    assert STRINGS[lang]["cf_maybe"] in words and STRINGS[lang]["cf_kept"] in words
    assert STRINGS[lang]["cf_err_server"] not in words and STRINGS[lang]["cf_err_network"] not in words
    assert len(endpoint.received) == before + 1
    assert_form_kept(visitor)


@browser
def test_slow_answer_says_we_may_have_it(visitor, endpoint_site):
    base, endpoint = endpoint_site
    endpoint.mode = "slow"
    endpoint.release.clear()
    before = len(endpoint.received)
    visitor.clock.install()
    send(visitor, base, "es")
    endpoint.wait_for(before + 1)           # the message has left and arrived
    visitor.clock.run_for(21_000)            # past the script's 20 s limit
    words = status_of(visitor, "warning")
    assert STRINGS["es"]["cf_maybe"] in words
    assert_form_kept(visitor)
    endpoint.release.set()


@browser
def test_retry_after_maybe_carries_the_same_id(visitor, endpoint_site):
    base, endpoint = endpoint_site
    endpoint.mode = "nocors"
    before = len(endpoint.received)
    send(visitor, base, "en")
    status_of(visitor, "warning")
    endpoint.mode = "ok"
    visitor.click("[data-contact-submit]")
    status_of(visitor, "success")
    first, second = endpoint.received[before], endpoint.received[before + 1]
    assert UUID.match(first["submission_id"]) and first["submission_id"] == second["submission_id"]
    fill(visitor)  # a new message gets a new id
    visitor.click("[data-contact-submit]")
    status_of(visitor, "success")
    assert endpoint.received[before + 2]["submission_id"] != first["submission_id"]


@browser
def test_offline_before_sending_is_not_sent(visitor, endpoint_site):
    base, endpoint = endpoint_site
    endpoint.mode = "ok"
    before = len(endpoint.received)
    visitor.goto(base + url_path("es"))
    fill(visitor)
    visitor.context.set_offline(True)
    visitor.click("[data-contact-submit]")
    words = status_of(visitor, "error")
    assert STRINGS["es"]["cf_err_network"] in words and STRINGS["es"]["cf_kept"] in words
    visitor.context.set_offline(False)
    time.sleep(0.3)
    assert len(endpoint.received) == before
    assert_form_kept(visitor)


@browser
def test_server_unreachable_says_we_may_have_it(visitor, endpoint_site):
    """Connection refused looks exactly like "no CORS header" to the page
    (a TypeError from fetch), so it cannot honestly say "not sent"."""
    base, endpoint = endpoint_site
    before = len(endpoint.received)
    visitor.route(endpoint.url, lambda route: route.abort("connectionrefused"))
    send(visitor, base, "en")
    assert STRINGS["en"]["cf_maybe"] in status_of(visitor, "warning")
    assert len(endpoint.received) == before
    assert_form_kept(visitor)


@browser
def test_double_submit_sends_once(visitor, endpoint_site):
    base, endpoint = endpoint_site
    endpoint.mode = "slow"
    endpoint.release.clear()
    before = len(endpoint.received)
    send(visitor, base, "en")
    endpoint.wait_for(before + 1)
    assert visitor.is_disabled("[data-contact-submit]")
    visitor.evaluate("""() => {
        const form = document.querySelector('[data-contact-form]');
        form.requestSubmit();
        form.dispatchEvent(new Event('submit', {cancelable: true}));
        document.querySelector('[data-contact-submit]').click();
    }""")
    visitor.press("#cf-name", "Enter")
    endpoint.release.set()
    status_of(visitor, "success")
    time.sleep(0.3)
    assert len(endpoint.received) == before + 1


@browser
def test_honeypot_sends_nothing(visitor, endpoint_site):
    base, endpoint = endpoint_site
    endpoint.mode = "ok"
    visitor.goto(base + url_path("en"))
    before = len(endpoint.received)
    fill(visitor)
    visitor.eval_on_selector("#cf-gotcha", "el => { el.value = 'http://spam.example' }")
    visitor.click("[data-contact-submit]")
    assert STRINGS["en"]["cf_sent"] in visitor.inner_text("[data-contact-status]")
    visitor.wait_for_timeout(300)
    assert len(endpoint.received) == before


@browser
def test_email_only_is_enough_with_javascript(visitor, endpoint_site):
    base, endpoint = endpoint_site
    endpoint.mode = "ok"
    before = len(endpoint.received)
    visitor.goto(base + url_path("en"))
    assert visitor.inner_text("#cf-reach-hint") == STRINGS["en"]["cf_reach_hint"]
    visitor.fill("#cf-name", "Ana")
    visitor.fill("#cf-email", "ana@example.com")
    visitor.check("#cf-consent")
    visitor.click("[data-contact-submit]")
    status_of(visitor, "success")
    assert endpoint.received[before]["phone"] == "" and len(endpoint.received) == before + 1


@browser
def test_without_javascript_phone_is_required_then_it_posts(browser, endpoint_site):
    base, endpoint = endpoint_site
    endpoint.mode = "ok"
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(base + url_path("en"))
    assert page.is_visible("form[data-contact-form]")
    assert page.locator("[data-contact-fallback]").count() == 0
    assert page.inner_text("#cf-reach-hint") == STRINGS["en"]["cf_reach_hint_nojs"]
    before = len(endpoint.received)
    # Email only: the browser refuses (phone required), nothing is sent.
    page.fill("#cf-name", VISITOR["name"])
    page.fill("#cf-email", VISITOR["email"])
    page.check("#cf-consent")
    page.click("[data-contact-submit]")
    assert page.evaluate("document.querySelector('#cf-phone').validity.valueMissing")
    page.fill("#cf-phone", "555-01")  # too few digits
    page.click("[data-contact-submit]")
    assert page.evaluate("document.querySelector('#cf-phone').validity.patternMismatch")
    for good in ("828-555-0100", "(828) 555 0100", "+1 828.555.0100"):
        page.fill("#cf-phone", good)
        assert page.evaluate("document.querySelector('#cf-phone').validity.valid"), good
    page.wait_for_timeout(300)
    assert len(endpoint.received) == before
    fill(page)
    with page.expect_navigation():
        page.click("[data-contact-submit]")
    assert len(endpoint.received) == before + 1
    got = endpoint.received[-1]
    assert (got["name"], got["court_date"], got["county"], got["voicemail"], got["best_time"]) == (
        VISITOR["name"], VISITOR["court_date"], VISITOR["county"], "yes", "afternoon")
    assert got["submission_id"] == ""  # no script, no id (documented)
    ctx.close()


@browser
def test_text_link_when_the_firm_takes_texts(endpoint_site, browser):
    base, _ = endpoint_site
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(base + url_path("es"))
    assert page.get_attribute("a[data-contact-sms]", "href") == f"sms:{FIRM['phone_e164']}"
    ctx.close()


# --- Netlify Forms mode: CONTACT_ENDPOINT=netlify -----------------------------------
#
# Netlify takes a POST to any page of the site that carries `form-name`, keeps
# the message and answers with the page at that path. A loopback stand-in does
# the same (with the site's _headers), so the markup, the script's URL-encoded
# POST and the no-JavaScript post are all exercised under the CSP.

class NetlifyLike:
    def __init__(self, site: Path) -> None:
        self.received: list[dict[str, str]] = []
        outer = self

        class Handler(handler_for(site)):  # type: ignore[misc,valid-type]
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                outer.received.append(parse_form(self.headers.get("Content-Type", ""), body))
                self.command = "GET"
                self.do_GET()

        self.httpd = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()


@pytest.fixture(scope="module")
def netlify_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, NetlifyLike]]:
    tmp = tmp_path_factory.mktemp("netlify")
    project = copy_project(tmp / "project", data=SITE_DATA)  # compared with FIRM below
    result = run_build(project, tmp / "site", env={"CONTACT_ENDPOINT": "netlify"})
    assert result.returncode == 0, result.stderr[-3000:]
    host = NetlifyLike(tmp / "site")
    yield tmp / "site", host
    host.httpd.shutdown()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_netlify_mode_markup(netlify_site, lang):
    site, _ = netlify_site
    soup = BeautifulSoup((site / CONTACT[lang]).read_text(encoding="utf-8"), "lxml")
    form = soup.select_one("form[data-contact-form]")
    assert form["name"] == "contact" and form["data-netlify"] == "true"
    assert form["method"] == "post" and not form.has_attr("hidden")
    assert form["action"] == url_path(lang) + "#cf-sent"   # relative: this page itself
    honeypot = form["netlify-honeypot"]
    assert form.select_one(f'input[name="{honeypot}"]').find_parent(attrs={"aria-hidden": "true"})
    hidden = form.select_one('input[type=hidden][name="form-name"]')
    assert hidden["value"] == form["name"]
    sent = soup.select_one("#cf-sent").get_text(" ", strip=True)
    assert sent == f'{STRINGS[lang]["cf_sent"]} {FIRM["reply_promise"][lang]}'
    assert not soup.select("[data-contact-fallback]")
    csp = soup.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
    assert "connect-src 'self';" in csp and "form-action 'self'" in csp


@browser
@pytest.mark.parametrize("lang", ["en", "es"])
def test_netlify_mode_posts_urlencoded_to_its_own_page(visitor, netlify_site, lang):
    _, host = netlify_site
    before = len(host.received)
    send(visitor, host.base, lang)
    assert STRINGS[lang]["cf_sent"] in status_of(visitor, "success")
    assert len(host.received) == before + 1
    got = host.received[-1]
    assert got["_content_type"] == "application/x-www-form-urlencoded"
    assert got["form-name"] == "contact" and got["_gotcha"] == ""
    assert (got["name"], got["phone"], got["email"], got["message"]) == (
        VISITOR["name"], VISITOR["phone"], VISITOR["email"], VISITOR["message"])
    assert (got["court_date"], got["county"], got["voicemail"], got["best_time"], got["language"]) == (
        VISITOR["court_date"], VISITOR["county"], "yes", "afternoon", "es")
    assert UUID.match(got["submission_id"])


@browser
def test_netlify_mode_without_javascript_shows_thanks_after_the_post(browser, netlify_site):
    _, host = netlify_site
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(host.base + url_path("es"))
    assert not page.is_visible("#cf-sent")
    before = len(host.received)
    fill(page)
    with page.expect_navigation():
        page.click("[data-contact-submit]")
    assert page.url == host.base + url_path("es") + "#cf-sent"
    assert page.is_visible("#cf-sent")
    assert len(host.received) == before + 1 and host.received[-1]["form-name"] == "contact"
    ctx.close()


# --- accessibility of every state ---------------------------------------------------

WIDTHS = (390, 1280)


def axe_at_both_widths(page, state: str) -> list[str]:  # type: ignore[no-untyped-def]
    """axe in this state at phone and at desktop width, the page then back
    at phone width (browser_helpers.resize: equal to loading it wide)."""
    found = []
    for width in WIDTHS:
        resize(page, {"width": width, "height": 900})
        found += [f"{state} @{width}px: {v}" for v in axe_violations(page)]
    resize(page, {"width": WIDTHS[0], "height": 900})
    return found


@browser
@pytest.mark.parametrize("lang", ["en", "es"])
def test_axe_contact_page_in_every_state(browser, server, endpoint_site, lang):
    ctx = browser.new_context(viewport={"width": WIDTHS[0], "height": 900}, service_workers="block")
    ctx.add_init_script(INTERCEPT_MAILTO)
    page = ctx.new_page()
    errors, foreign = watch(page)
    problems = []
    page.goto(server + url_path(lang), wait_until="load")
    problems += axe_at_both_widths(page, "start")
    page.click("[data-contact-submit]")
    problems += axe_at_both_widths(page, "errors")
    fill(page)
    page.click("[data-contact-submit]")
    problems += axe_at_both_widths(page, "mailto")
    base, endpoint = endpoint_site
    endpoint.mode = "500"
    page.goto(base + url_path(lang), wait_until="load")
    fill(page)
    page.click("[data-contact-submit]")
    page.locator("[data-contact-status].dl-form__status--error").wait_for()
    problems += axe_at_both_widths(page, "failed")
    endpoint.mode = "nocors"
    page.click("[data-contact-submit]")
    page.locator("[data-contact-status].dl-form__status--warning").wait_for()
    problems += axe_at_both_widths(page, "maybe")
    ctx.close()
    assert not problems, "\n".join(problems)
    assert not errors and not foreign, (errors, foreign)


@pytest.mark.parametrize("hours,ending", [
    ("Monday to Friday, 9 a.m. to 5 p.m.", "5 p.m. Languages"),
    ("Monday to Friday, 9 to 5", "9 to 5. Languages"),
])
def test_vcard_note_ends_each_part_with_one_full_stop(hours, ending):
    from sitebuild.vcard import firm_vcard

    firm = {**FIRM, "hours": {"en": hours, "es": hours}}
    card = vobject.readOne(firm_vcard(firm, "en", STRINGS["en"], "https://diversion.example.org/"))
    assert ending in card.note.value and ".." not in card.note.value
