"""Firm facts: one source, checked, placeholders refused at release."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURE_DATA, ROOT, SITE_DATA, copy_project, run_build

from scripts import check_release
from sitebuild.data import SiteDataError, load_firm, load_strings, placeholders
from sitebuild.placeholders import leftover

FIRM = load_firm(SITE_DATA / "firm.yml")  # the facts the session site was built from
FROZEN = load_firm(FIXTURE_DATA / "firm.yml")  # tests/fixtures/data/: the facts the other tests edit


def write_firm(tmp_path: Path, **changes) -> Path:
    data = yaml.safe_load((FIXTURE_DATA / "firm.yml").read_text(encoding="utf-8"))
    data.update(changes)
    path = tmp_path / "firm.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    return path


def test_missing_fact_is_named(tmp_path):
    path = write_firm(tmp_path, phone="")
    with pytest.raises(SiteDataError, match=r"^data/firm.yml:\d+: 'phone' '' is not a phone number"):
        load_firm(path)


def test_missing_translation_of_a_fact_is_named(tmp_path):
    path = write_firm(tmp_path, hours={"en": "9 to 5"})
    with pytest.raises(SiteDataError, match=r"^data/firm.yml:\d+: 'hours' has no 'es' translation"):
        load_firm(path)


def test_placeholders_are_listed(tmp_path):
    firm = load_firm(write_firm(tmp_path, email="TODO: email"))
    assert "email" in placeholders(firm)
    done = {**firm, "email": "office@example.com"}
    assert "email" not in placeholders(done)


def test_check_release_refuses_placeholders_and_passes_when_confirmed(monkeypatch, tmp_path, capsys):
    """The frozen facts hold a placeholder e-mail and unconfirmed keys: each is
    one line; once filled in and confirmed, none."""
    frozen = yaml.safe_load((FIXTURE_DATA / "firm.yml").read_text(encoding="utf-8"))
    monkeypatch.setattr(check_release, "load_firm", lambda _path: load_firm(FIXTURE_DATA / "firm.yml"))
    found = check_release.firm_problems()
    assert "data/firm.yml: 'email' is a placeholder" in found
    assert [line for line in found if "not confirmed" in line] == [
        f"data/firm.yml: '{key}' is not confirmed by the firm yet" for key in frozen["unconfirmed"]]
    assert len(found) == len(placeholders(FROZEN)) + len(frozen["unconfirmed"]) >= 2
    confirmed = frozen
    confirmed.update(
        unconfirmed=[], email="office@example.com", hours={"en": "Mon-Fri 9-5", "es": "lun-vie 9-5"},
        reply_promise={"en": "We call back within one business day.", "es": "Le llamamos en un día hábil."},
        address={**confirmed["address"], "street": "1 Main St", "locality": "Asheville", "postal_code": "28801"},
    )
    path = tmp_path / "firm.yml"
    path.write_text(yaml.safe_dump(confirmed, allow_unicode=True))
    monkeypatch.setattr(check_release, "load_firm", lambda _path: load_firm(path))
    assert check_release.firm_problems() == []


def test_strings_exist_in_both_languages():
    strings = load_strings(SITE_DATA / "strings.yml")
    assert set(strings["en"]) == set(strings["es"])
    assert len(strings["en"]) >= 20


def test_missing_spanish_string_fails(tmp_path):
    path = tmp_path / "strings.yml"
    path.write_text("call_now: {en: Call now}\n")
    with pytest.raises(SiteDataError, match=r"^data/strings.yml:1: 'call_now' has no 'es' translation"):
        load_strings(path)


def test_facts_in_markdown_are_filled_in(pages):
    about = pages["about/index.html"].soup.select_one("article").get_text(" ")
    assert "{{" not in about and FIRM["phone"] in about
    for page in pages.values():
        assert "{{ firm" not in str(page.soup), page.rel


# ---- one phone field (phonenumbers) -------------------------------------------------

@pytest.mark.parametrize("written", ["828-333-4867", "(828) 333-4867", "+1 828 333 4867", "8283334867"])
def test_phone_is_derived_from_one_field(tmp_path, written):
    firm = load_firm(write_firm(tmp_path, phone=written))
    assert (firm["phone"], firm["phone_e164"]) == ("(828) 333-4867", "+18283334867")


def test_wrong_types_deep_in_the_files_are_refused_at_their_line(tmp_path):
    """Accepted before the models: a list for a state, numbers for a string."""
    text = Path("data/firm.yml").read_text(encoding="utf-8")
    (tmp_path / "firm.yml").write_text(text.replace("region: NC", "region: [NC, SC]"), encoding="utf-8")
    line = next(n for n, l in enumerate(text.splitlines(), 1) if "region: NC" in l)
    with pytest.raises(SiteDataError, match=rf"^data/firm.yml:{line}: address: 'region' must be text, got list"):
        load_firm(tmp_path / "firm.yml")
    (tmp_path / "strings.yml").write_text("call_now: {en: Call now, es: Llame}\nback: {en: Back, es: [1, 2]}\n")
    with pytest.raises(SiteDataError, match=r"^data/strings.yml:2: back: 'es' must be text, got list"):
        load_strings(tmp_path / "strings.yml")


def test_the_cms_phone_pattern_is_the_builds(tmp_path):
    """The editor checks the model's own pattern (schema.models.PHONE); the
    build then also asks phonenumbers whether the number can be dialled."""
    from sitebuild.schema.models import PHONE
    for written in ("828-333-4867", "(828) 333-4867", "828.333.4867", "+1 828 333 4867", "8283334867"):
        assert re.match(PHONE, written) and load_firm(write_firm(tmp_path, phone=written))
    for written in ("828 333 486", "+44 20 7946 0958", "call us"):
        assert not re.match(PHONE, written)
        with pytest.raises(SiteDataError):
            load_firm(write_firm(tmp_path, phone=written))


def test_a_second_phone_field_is_refused(tmp_path):
    with pytest.raises(SiteDataError, match=r"^data/firm.yml:\d+: 'phone_e164' is derived from 'phone'"):
        load_firm(write_firm(tmp_path, phone_e164="+18285550100"))


@pytest.mark.parametrize("bad", ["828-333-486", "call us", "+1 555 0100"])
def test_a_phone_that_is_not_a_number_is_refused(tmp_path, bad):
    with pytest.raises(SiteDataError, match=r"^data/firm.yml:\d+: 'phone' '.*' is not a (valid number|phone number)"):
        load_firm(write_firm(tmp_path, phone=bad))


def test_every_firm_phone_link_dials_the_one_phone(pages):
    """Links that show the firm's number dial that number (other tel: links,
    like 988 on the local-help page, are other services)."""
    firm_links = [a for p in pages.values() for a in p.soup.select('a[href^="tel:"]')
                  if a.has_attr("data-firm-phone") or FIRM["phone"] in a.get_text()]
    assert len(firm_links) >= 2 * len(pages)
    assert {a["href"] for a in firm_links} == {"tel:" + FIRM["phone_e164"]}


# ---- the share image is drawn from the firm facts ---------------------------------------

def test_share_image_follows_the_phone(tmp_path, site_dir):
    from sitebuild.share_image import share_png

    project = copy_project(tmp_path / "p", data=FIXTURE_DATA)
    firm_yml = project / "data" / "firm.yml"
    firm_yml.write_text(re.sub(r'(?m)^phone: .*$', 'phone: "828-555-0142"',
                               firm_yml.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    result = run_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr[-2000:]
    before = (site_dir / "assets" / "img" / "share.png").read_bytes()
    after = (tmp_path / "out" / "assets" / "img" / "share.png").read_bytes()
    assert before == share_png(FIRM)
    assert after != share_png(FROZEN)
    assert after == share_png({**FROZEN, "phone": "(828) 555-0142"})
    assert not (ROOT / "docs/assets/img/share.png").exists(), "a stale image in docs/ would win"


@pytest.mark.parametrize("page, found", [
    ('<p>Call {{ firm.phone }} today</p>', "{{ firm.phone }}"),
    ('<a title="x }} y" href="/">', '<a title="x }}'),
    ('<script>var a = {b: {c: 1}};</script><style>a{b:{c}}</style><p>fine</p>', None),
    ('<script>{}}</script>\n<p>then {{ firm.fax }}</p>', "{{ firm.fax }}"),
    ('<style>p{}}</style><p>no braces</p>', None),
])
def test_braces_left_in_a_built_page_are_found_outside_scripts_and_styles(page, found):
    assert leftover(page) == found
