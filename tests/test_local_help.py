"""Help near you and costs: data/local.yml and data/costs.yml are checked by
the build (required fields, source URL, boolean verified; the build's own
message: tests/test_faults.py "local-help entry without a field"), unverified
entries are listed for the release check, and the pages show them hedged."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import FIXTURE_DATA, SITE_DATA

from sitebuild import costs, local_help
from sitebuild.local_help import LocalHelpError, unverified_entries

FIXTURES = Path(__file__).parent / "fixtures" / "local"


@pytest.mark.parametrize("name,message", [
    ("missing_source.yml",
     "tests/fixtures/local/missing_source.yml:6: counties.buncombe.entries.courthouse: missing 'source'. "
     "Hint: the http(s) URL of the page you read the facts on"),
    ("verified_not_boolean.yml",
     "tests/fixtures/local/verified_not_boolean.yml:11: counties.buncombe.entries.courthouse: 'verified' must be "
     "true or false, got 'yes'. Hint: write verified: false, or true once the firm has confirmed it (no quotes)"),
    ("no_contact.yml", "tests/fixtures/local/no_contact.yml:6: counties.buncombe.entries: 'lead' gives no address, "
     "phone or url. Hint: give at least one of address, phone, url"),
])
def test_bad_local_file_is_named_exactly(name, message):
    with pytest.raises(LocalHelpError) as err:
        local_help.load(FIXTURES / name, ["Buncombe"])
    assert str(err.value) == message


def test_every_service_county_needs_a_section():
    data = yaml.safe_load((FIXTURES / "missing_source.yml").read_text())
    data["counties"]["buncombe"]["entries"]["courthouse"]["source"] = "https://example.org/page"
    with pytest.raises(LocalHelpError, match=r"^data/local.yml: county 'haywood' is missing"):
        local_help.validate(data, ["Buncombe", "Haywood"])


def test_unverified_entries_are_listed():
    """From the frozen data (tests/fixtures/data/), not today's file."""
    data = local_help.load(FIXTURE_DATA / "local.yml")
    lines = unverified_entries(FIXTURE_DATA / "local.yml")
    expected = sum(1 for c in data["counties"].values() for e in c["entries"].values() if not e["verified"])
    assert len(lines) == expected > 0
    assert "data/local.yml: buncombe/courthouse: not verified" in lines
    assert all(line.startswith("data/local.yml: ") and line.endswith(": not verified") for line in lines)


def test_verified_entries_are_not_listed(tmp_path):
    data = yaml.safe_load((FIXTURES / "missing_source.yml").read_text())
    entry = data["counties"]["buncombe"]["entries"]["courthouse"]
    entry.update(source="https://example.org/page", verified=True)
    (tmp_path / "local.yml").write_text(yaml.safe_dump(data))
    (tmp_path / "firm.yml").write_text(yaml.safe_dump({"service_area": ["Buncombe"]}))
    assert unverified_entries(tmp_path / "local.yml") == []
    entry["verified"] = False
    (tmp_path / "local.yml").write_text(yaml.safe_dump(data))
    assert unverified_entries(tmp_path / "local.yml") == ["data/local.yml: buncombe/courthouse: not verified"]


def test_costs_file_is_checked():
    data = yaml.safe_load((FIXTURE_DATA / "costs.yml").read_text(encoding="utf-8"))
    costs.validate(data)
    del data["items"]["lab-fee"]["source"]
    with pytest.raises(LocalHelpError, match=r"^data/costs.yml: items.lab-fee: missing 'source'. Hint: the http\(s\) URL"):
        costs.validate(data)


def test_local_page_has_every_county_and_hedges_unverified(pages):
    data = local_help.load(SITE_DATA / "local.yml")
    for rel, lang, confirm in (("local-help/index.html", "en", "call to confirm"),
                               ("es/local-help/index.html", "es", "llame para confirmar")):
        soup = pages[rel].soup
        for cid, county in data["counties"].items():
            heading = soup.select_one(f"h2#{cid}")
            assert heading is not None, f"{rel}: no section for {cid}"
            items = heading.find_next_sibling("ul").select("li.dl-local__item")
            assert len(items) == len(county["entries"])
            unverified = [e for e in county["entries"].values() if not e["verified"]]
            assert len([li for li in items if confirm in li.get_text()]) == len(unverified), rel
        text = soup.get_text(" ")
        assert "988" in text and "1-800-662-4357" in text and ("naloxone" in text or "naloxona" in text)
        assert not soup.select("iframe"), f"{rel}: no third-party embeds"


def test_costs_page_hedges_unverified_amounts(pages):
    data = costs.load(SITE_DATA / "costs.yml")
    for rel, about in (("costs/index.html", "About"), ("es/costs/index.html", "Aproximadamente")):
        items = pages[rel].soup.select("li.dl-costs__item")
        assert len(items) == len(data["items"])
        for li, item in zip(items, data["items"].values()):
            amount = li.select_one(".dl-costs__amount").get_text(" ", strip=True)
            assert amount.startswith(about) == (not item["verified"]), f"{rel}: {amount}"


def test_home_page_has_do_this_now_box(pages):
    for rel in ("index.html", "es/index.html"):
        box = pages[rel].soup.select_one(".dl-now")
        assert box is not None and box.select_one("h2#do-this-now"), rel
        assert box.select_one('a[href^="tel:"]') and box.select_one('a[href$="first-steps/"]'), rel
        assert len(box.select("li")) >= 4
