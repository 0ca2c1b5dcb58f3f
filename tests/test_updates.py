"""Updates: posts in both languages, the paginated index, the Atom feeds,
the checks on post files, and the editor's scripts (new_post, translations)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path
from posixpath import dirname, join, normpath
from urllib.parse import urlparse

import feedparser
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, SITE_DATA, SITE_ROOT, copy_project, run_build
from lxml import etree

from scripts import new_post, translations
from sitebuild.data import load_strings
from sitebuild.updates import PER_PAGE, UpdatesError, load_posts, parse_post
from tools.bench_updates import add_synthetic_posts

FIXTURES = Path(__file__).parent / "fixtures" / "updates"
POSTS = load_posts(ROOT / "docs")
STRINGS = load_strings(SITE_DATA / "strings.yml")
ATOM = "{http://www.w3.org/2005/Atom}"


def prefix(lang: str) -> str:
    return "" if lang == "en" else f"{lang}/"


def soup_of(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "lxml")


def resolve(rel: str, href: str) -> str:
    """Site path a relative link on page `rel` points to ('/es/updates/')."""
    path = normpath(join(dirname("/" + rel), href))
    return path if path.endswith((".xml", ".vcf")) else path.rstrip("/") + "/"


# --- the real posts --------------------------------------------------------

def test_three_posts_in_each_language_with_the_same_addresses():
    assert len(POSTS["en"]) >= 3
    assert [p.stem for p in POSTS["en"]] == [p.stem for p in POSTS["es"]]


def test_each_post_is_built_in_both_languages(pages):
    for lang in ("en", "es"):
        for post in POSTS[lang]:
            page = pages[f"{prefix(lang)}updates/{post.stem}/index.html"]
            assert page.soup.html["lang"] == lang
            assert page.soup.select_one("article h1").get_text(strip=True) == post.title
            time = page.soup.select_one("article .dl-post__meta time")
            assert time["datetime"] == post.date.isoformat(), post.src_uri
            back = page.soup.select_one("article .dl-post__back a")
            assert resolve(page.rel, back["href"]) == f"/{prefix(lang)}updates/"


def test_each_post_switcher_lands_on_its_translation(pages):
    for lang, other in (("en", "es"), ("es", "en")):
        for post in POSTS[lang]:
            rel = f"{prefix(lang)}updates/{post.stem}/index.html"
            link = pages[rel].soup.select_one(f'.md-select__link[hreflang="{other}"]')
            assert resolve(rel, link["href"]) == f"/{prefix(other)}updates/{post.stem}/", rel


def test_index_lists_posts_newest_first(pages):
    for lang in ("en", "es"):
        page = pages[f"{prefix(lang)}updates/index.html"]
        links = [resolve(page.rel, a["href"]) for a in page.soup.select(".dl-updates__title a")]
        assert links == [f"/{prefix(lang)}updates/{p.stem}/" for p in POSTS[lang][:PER_PAGE]]
        dates = [t["datetime"] for t in page.soup.select(".dl-updates time")]
        assert dates == sorted(dates, reverse=True)
        assert page.soup.select_one(".dl-pager") is None  # one page only


def test_posts_are_not_in_the_navigation_but_the_index_is(pages):
    for rel in ("benefits/index.html", "es/benefits/index.html"):
        page = pages[rel]
        targets = {resolve(rel, a["href"]) for a in page.soup.select("nav.md-nav--primary a[href]")}
        lang_root = "/es/" if rel.startswith("es/") else "/"
        assert f"{lang_root}updates/" in targets, f"{rel}: no Updates entry in the menu"
        assert not [t for t in targets if t.startswith(f"{lang_root}updates/2")], f"{rel}: posts in menu"
    labels = {a.get_text(strip=True) for a in pages["es/benefits/index.html"].soup.select("nav.md-nav--primary a")}
    assert "Noticias" in labels, "menu entry not translated to 'Noticias'"


# --- feeds -----------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "es"])
def test_feed_parses_in_its_language_with_its_posts(site_dir, pages, lang):
    path = site_dir / prefix(lang) / "updates" / "feed.xml"
    root = etree.parse(str(path)).getroot()
    assert root.tag == f"{ATOM}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    index = pages[f"{prefix(lang)}updates/index.html"]
    site_name = index.soup.select_one(".md-header__topic .md-ellipsis").get_text(strip=True)
    assert feed.feed.title == f"{site_name}: {index.soup.select_one('article h1').get_text(strip=True)}"
    self_link = next(link.href for link in feed.feed.links if link.rel == "self")
    home = next(link.href for link in feed.feed.links if link.rel == "alternate")
    assert urlparse(self_link).path == f"/{prefix(lang)}updates/feed.xml"
    assert urlparse(home).path == f"/{prefix(lang)}updates/"
    host = urlparse(self_link).netloc
    assert urlparse(self_link).scheme in ("http", "https") and host
    assert [e.title for e in feed.entries] == [p.title for p in POSTS[lang]]
    for entry, post in zip(feed.entries, POSTS[lang]):
        assert urlparse(entry.link).netloc == host
        assert urlparse(entry.link).path == f"/{prefix(lang)}updates/{post.stem}/"
        assert entry.summary == post.description
        assert entry.published.startswith(post.date.isoformat())


def test_each_page_links_the_feed_of_its_language_only(pages):
    for rel, page in pages.items():
        feeds = page.soup.select('head link[rel="alternate"][type="application/atom+xml"]')
        assert len(feeds) == 1, f"{rel}: {len(feeds)} feed links"
        assert urlparse(feeds[0]["href"]).path == f"/{prefix(page.lang)}updates/feed.xml", rel
        assert feeds[0]["href"].startswith(("http://", "https://")), f"{rel}: feed link not absolute"


# --- pagination (a copy of the project with more posts) ----------------------

@pytest.fixture(scope="module")
def paged_builds(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(site as it is: the session build, the same site with 23 more posts)."""
    tmp = tmp_path_factory.mktemp("paged")
    project = copy_project(tmp / "project", src=SITE_ROOT)  # what site_dir was built from
    add_synthetic_posts(project / "docs", 23)
    result = run_build(project, tmp / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    return site_dir, tmp / "site"


@pytest.fixture(scope="module")
def paged_site(paged_builds: tuple[Path, Path]) -> Path:
    return paged_builds[1]


def test_pagination_splits_posts_newest_first(paged_site):
    total = len(POSTS["en"]) + 23
    pages_expected = -(-total // PER_PAGE)
    for lang in ("en", "es"):
        seen = []
        for n in range(1, pages_expected + 1):
            rel = f"{prefix(lang)}updates/" + ("" if n == 1 else f"page/{n}/") + "index.html"
            soup = soup_of(paged_site, rel)
            items = soup.select(".dl-updates__item")
            assert len(items) == (PER_PAGE if n < pages_expected else total - PER_PAGE * (n - 1)), rel
            seen += [t["datetime"] for t in soup.select(".dl-updates time")]
            where = soup.select_one(".dl-pager__where").get_text(" ", strip=True)
            expected = STRINGS[lang]["updates_page_of"].replace("{page}", str(n)).replace("{pages}", str(pages_expected))
            assert where == expected, rel
            prev, nxt = soup.select_one('.dl-pager a[rel="prev"]'), soup.select_one('.dl-pager a[rel="next"]')
            if n == 1:
                assert prev is None
            else:
                back = "" if n == 2 else f"page/{n - 1}/"
                assert resolve(rel, prev["href"]) == f"/{prefix(lang)}updates/{back}"
            if n == pages_expected:
                assert nxt is None
            else:
                assert resolve(rel, nxt["href"]) == f"/{prefix(lang)}updates/page/{n + 1}/"
            assert soup.select_one("meta[name=description]")["content"], rel
            # the listing shows the draft notice or its review date, never both
            assert bool(soup.select_one(".dl-draft")) != bool(soup.select_one(".dl-reviewed")), rel
        assert seen == sorted(seen, reverse=True) and len(seen) == total
        assert not (paged_site / prefix(lang) / "updates" / "page" / str(pages_expected + 1)).exists()


def test_paginated_pages_switch_language_to_the_same_page(paged_site):
    rel = "updates/page/2/index.html"
    link = soup_of(paged_site, rel).select_one('.md-select__link[hreflang="es"]')
    assert resolve(rel, link["href"]) == "/es/updates/page/2/"
    rel = "es/updates/page/3/index.html"
    link = soup_of(paged_site, rel).select_one('.md-select__link[hreflang="en"]')
    assert resolve(rel, link["href"]) == "/updates/page/3/"


def test_ordinary_page_does_not_grow_with_posts(paged_builds):
    before, after = paged_builds
    for rel in ("benefits/index.html", "es/benefits/index.html"):
        assert (after / rel).read_bytes() == (before / rel).read_bytes(), rel


def test_feed_keeps_only_the_newest_posts(paged_site):
    feed = feedparser.parse((paged_site / "es" / "updates" / "feed.xml").read_bytes())
    assert len(feed.entries) == 20
    assert feed.entries[0].title == POSTS["es"][0].title


# --- broken posts fail the build, naming the file -----------------------------

@pytest.mark.parametrize("case,message", [
    ("no-date", "docs/updates/2026-10-01-no-date.md:2: missing 'date'"),
    ("bad-date", "updates/2026-10-02-bad-date.md:4: impossible date"),
    ("no-title", "docs/updates/2026-10-03-no-title.es.md:2: missing 'title'"),
    ("duplicate-slug", "duplicate slug 'same-news' in updates/2026-10-04-same-news.md, "
                       "updates/2026-10-05-same-news.md"),
    ("no-translation", "updates/2026-10-06-english-only.es.md: missing"),
])
def test_broken_post_fails_the_build_naming_the_file(tmp_path: Path, case: str, message: str):
    project = copy_project(tmp_path / "p")
    for src in (FIXTURES / case).iterdir():
        shutil.copy(src, project / "docs" / "updates" / src.name)
    result = run_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert message in result.stderr, result.stderr[-2000:]


@pytest.mark.parametrize("name,text,message", [
    ("updates/2026-1-5-x.md", "", "file name must be YYYY-MM-DD-slug.md"),
    ("updates/2026-13-01-x.md", "", "impossible date '2026-13-01'"),
    ("updates/2026-01-05-x.md", "---\ntitle: T\ndescription: D\ndate: 2026-01-06\nreviewed: 2026-01-06\n---\n",
     "does not match the date in the file name"),
    ("updates/2026-01-05-x.md", "---\ntitle: T\ndate: 2026-01-05\nreviewed: 2026-01-05\n---\n",
     ":2: missing 'description'"),
    ("updates/2026-01-05-x.md", "---\ntitle: T\ndescription: D\ndate: 2026-01-05\n---\n",
     ":2: missing 'reviewed'. Hint: write 'reviewed: pending' (not reviewed yet) or 'reviewed: YYYY-MM-DD'"),
    ("updates/2026-01-05-x.md", "---\ntitle: T\ndescription: D\ndate: soon\nreviewed: 2026-01-05\n---\n",
     ":4: 'date' must be a date YYYY-MM-DD, got 'soon'"),
    ("updates/2026-01-05-x.es.md", "---\ntitle: T\ndescription: D\ndate: 2026-01-05\nreviewed: 2026-01-05\n---\n"
     "\n# T\n\nTexto.\n", "a post's title comes from 'title:'"),
])
def test_post_checks_name_the_file(name: str, text: str, message: str):
    with pytest.raises(UpdatesError) as err:
        parse_post(name, text)
    assert str(err.value).startswith(name) and message in str(err.value)


def test_a_good_post_parses():
    post = parse_post("updates/2026-01-05-new-law.es.md",
                      "---\ntitle: Ley\ndescription: Una frase.\ndate: 2026-01-05\n"
                      "reviewed: 2026-01-09\ncategory: Leyes\n---\n\nTexto.\n")
    assert (post.lang, post.slug, post.url, post.updated) == (
        "es", "new-law", "es/updates/2026-01-05-new-law/", dt.date(2026, 1, 9))


# --- editor scripts ------------------------------------------------------------

def test_new_post_scaffolds_a_draft_pair_that_builds(tmp_path: Path, capsys):
    project = copy_project(tmp_path / "p")
    docs = project / "docs"
    code = new_post.main(['Court fees: "new" #2', "--es-title", "Cambian las cuotas de la corte",
                          "--date", "2026-12-01", "--category", "Courts", "--es-category", "Cortes",
                          "--docs", str(docs)])
    assert code == 0
    en = docs / "updates" / "2026-12-01-court-fees-new-2.md"
    es = docs / "updates" / "2026-12-01-court-fees-new-2.es.md"
    text = en.read_text()
    assert "&id" not in text and "*id" not in text, "YAML anchors/aliases in the scaffold"
    assert "reviewed: pending" in text and "# the day an attorney reviewed it" in text
    assert "draft: true" in text and "# remove this line to publish" in text
    post = parse_post("updates/" + en.name, text)
    assert (post.title, post.draft, post.reviewed) == ('Court fees: "new" #2', True, None)
    assert parse_post("updates/" + es.name, es.read_text()).category == "Cortes"
    # A draft (parsed as one above: test_drafts_never_... shows a normal build
    # leaves drafts out), and the pair builds: a preview shows both pages.
    result = run_build(project, tmp_path / "preview", env={"PREVIEW": "1"})
    assert result.returncode == 0, result.stderr[-3000:]
    assert (tmp_path / "preview" / "updates" / en.stem / "index.html").exists()
    assert (tmp_path / "preview" / "es" / "updates" / en.stem / "index.html").exists()
    # The same slug again (another day) is refused: it would be a duplicate.
    again = new_post.main(['Court fees: "new" #2', "--es-title", "Otra", "--date", "2026-12-02",
                           "--docs", str(docs)])
    assert again == 1
    assert "already uses the slug 'court-fees-new-2'" in capsys.readouterr().err


def test_new_post_rejected_gives_only_the_true_error(tmp_path: Path, capsys):
    docs = tmp_path / "docs"
    (docs / "updates").mkdir(parents=True)
    code = new_post.main(["Fees", "--es-title", "   ", "--date", "2026-12-01", "--docs", str(docs)])
    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith("updates/2026-12-01-fees.es.md:2: 'title' is empty. Hint: ")
    assert not list((docs / "updates").iterdir()), "nothing is written when a file is rejected"


def test_new_post_help_runs():
    result = subprocess.run([sys.executable, "-m", "scripts.new_post", "--help"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0 and "--es-title" in result.stdout


def test_bench_help_runs():
    result = subprocess.run([sys.executable, "-m", "tools.bench_updates", "--help"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0 and "--counts" in result.stdout


def test_translation_report(tmp_path: Path, capsys):
    assert translations.main([str(ROOT / "docs")]) == 0
    assert "ok:" in capsys.readouterr().out
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    (docs / "updates" / f"{POSTS['en'][0].stem}.es.md").unlink()
    (docs / "faq.md").unlink()
    assert translations.main([str(docs)]) == 1
    out = capsys.readouterr().out
    assert f"update updates/{POSTS['en'][0].stem}.es.md: missing" in out
    assert "page   faq.md: missing" in out


# --- drafts and scheduled posts (docs/maintainers/CONTRIBUTING.md, "Drafts and scheduled posts") ---

PUBLISHING = Path(__file__).parent / "fixtures" / "posts-publishing"
DRAFT, FUTURE = "2026-11-20-draft-news", "2031-01-15-future-news"


@pytest.fixture(scope="module")
def publishing_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("publishing") / "project")
    for src in PUBLISHING.glob("2*.md"):
        shutil.copy(src, project / "docs" / "updates" / src.name)
    return project


def built_everywhere(site: Path, stem: str, title_word: str) -> list[str]:
    """Every place a post shows up in a built site (empty: not published)."""
    found = []
    for lang in ("en", "es"):
        if (site / prefix(lang) / "updates" / stem / "index.html").exists():
            found.append(f"{lang} page")
        if stem in (site / prefix(lang) / "updates" / "index.html").read_text(encoding="utf-8"):
            found.append(f"{lang} index")
        if stem in (site / prefix(lang) / "updates" / "feed.xml").read_text(encoding="utf-8"):
            found.append(f"{lang} feed")
        if title_word in (site / prefix(lang) / "search" / "search_index.json").read_text(encoding="utf-8"):
            found.append(f"{lang} search")
    if stem in (site / "sitemap.xml").read_text(encoding="utf-8"):
        found.append("sitemap")
    return found


@pytest.mark.parametrize("today,draft_out,future_out", [
    ("2031-01-14", [], []),  # the day before the post's date (any earlier day is the same case)
    ("2031-01-15", [], ["en page", "en index", "en feed", "en search",
                        "es page", "es index", "es feed", "es search", "sitemap"]),
])
def test_drafts_never_and_scheduled_posts_on_their_day(publishing_project, tmp_path, today, draft_out, future_out):
    out = tmp_path / "site"
    result = run_build(publishing_project, out, env={"BUILD_DATE": today, "PREVIEW": ""})
    assert result.returncode == 0, result.stderr[-3000:]
    assert built_everywhere(out, DRAFT, "4c1e") == draft_out
    assert built_everywhere(out, FUTURE, "9b2d") == future_out
    if future_out:  # published: no preview marks
        assert "data-post-state" not in (out / "updates" / FUTURE / "index.html").read_text(encoding="utf-8")


def test_preview_shows_drafts_and_scheduled_posts_marked(publishing_project, tmp_path):
    out = tmp_path / "site"
    result = run_build(publishing_project, out, env={"BUILD_DATE": "2026-12-01", "PREVIEW": "1"})
    assert result.returncode == 0, result.stderr[-3000:]
    for lang in ("en", "es"):
        s = STRINGS[lang]
        draft = soup_of(out, f"{prefix(lang)}updates/{DRAFT}/index.html")
        assert draft.select_one("[data-post-state=draft]").get_text(strip=True) == s["updates_draft"]
        future = soup_of(out, f"{prefix(lang)}updates/{FUTURE}/index.html")
        day = "January 15, 2031" if lang == "en" else "15 de enero de 2031"
        assert future.select_one("[data-post-state=scheduled]").get_text(strip=True) == \
            s["updates_scheduled"].replace("{date}", day)
        index = soup_of(out, f"{prefix(lang)}updates/index.html")
        states = [el["data-post-state"] for el in index.select(".dl-updates__item [data-post-state]")]
        assert states == ["scheduled", "draft"], states  # newest first; published posts unmarked
        assert len(index.select(".dl-updates__item")) == len(POSTS[lang]) + 2


def test_bad_build_date_and_draft_values_are_refused(tmp_path: Path):
    project = copy_project(tmp_path / "p")
    result = run_build(project, tmp_path / "out", env={"BUILD_DATE": "tomorrow"})
    assert result.returncode != 0
    assert "environment variable BUILD_DATE: expected YYYY-MM-DD, got 'tomorrow'" in result.stderr
    with pytest.raises(UpdatesError) as err:
        parse_post("updates/2026-01-05-x.md", "---\ntitle: T\ndescription: D\ndate: 2026-01-05\n"
                                              "reviewed: pending\ndraft: yes please\n---\n")
    assert str(err.value) == ("updates/2026-01-05-x.md:6: 'draft' must be true or false, got 'yes please'. "
                              "Hint: write draft: true, or leave the line out to publish")


def test_a_rejected_post_does_not_also_report_its_twin_missing(tmp_path: Path):
    docs = tmp_path / "docs"
    (docs / "updates").mkdir(parents=True)
    good = "---\ntitle: T\ndescription: D\ndate: 2026-01-05\nreviewed: pending\n---\n\nText.\n"
    (docs / "updates" / "2026-01-05-x.md").write_text(good.replace("title: T\n", ""), encoding="utf-8")
    (docs / "updates" / "2026-01-05-x.es.md").write_text(good, encoding="utf-8")
    with pytest.raises(UpdatesError) as err:
        load_posts(docs)
    assert str(err.value) == ("Updates:\n  updates/2026-01-05-x.md:2: missing 'title'. "
                              "Hint: write title: and the page's title, in one line")
