"""Benchmark: does the site stay fast and light as updates pile up?

Usage: python -m tools.bench_updates [--counts 10 100 1000] [--page benefits/index.html] [--repeat 3]

For each N: copy the project to a temporary folder, add N synthetic
bilingual posts, run `mkdocs build --strict`, and print the build time and
the size of one ordinary page. Targets (issue 4): the page at the largest N
is at most 1.2 x its size at the smallest N (posts are not in the menu), and
build time grows about linearly (seconds per post roughly flat).

It also times the naive build of the same copy (issue 19 item 7): the same
pages and posts, the same mkdocs.yml (plugins search + i18n, Markdown
extensions, nav, validation) minus everything that is ours: no `hooks:`, no
`theme.custom_dir` (plain Material templates; a page's `template:` gets a
stand-in that only extends Material's main.html), no extra_css; not --strict
(without our hooks the gs: links and placeholders are plain warnings).
"Naive" also drops our `nav:`: with no nav, MkDocs lists every page in the
menu, posts included (Material's default, and what a site without our
updates hook gets: each post is a page of the menu, on every page). That is
the build the targets compare with: ours / naive <= 3 at 10 posts and
<= 0.25 at 1000 posts. The column "kept-nav" times the same naive build with
our nav kept (posts built but left out of the menu), for reference: it is
the cheapest build Material can make of these files, and ours does all of
its work plus our rules, so that ratio is above 1.

With --repeat N each build runs N times, ours and the naive ones taking
turns (a spell of load elsewhere on the machine hits both), and each column
is the fastest run: the least disturbed measure of the same work.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sitebuild.project import here
from sitebuild.updates import FOLDER

ROOT = here().root  # the project of the mkdocs.yml in the current folder (python -m tools.bench_updates)
PROJECT = ("docs", "overrides", "hooks", "data", "scripts", "sitebuild", "mkdocs.yml", "package.json")
START = dt.date(2020, 1, 1)

EN = """---
title: Synthetic update number {n}
description: Synthetic post {n} for the benchmark, about diversion in North Carolina.
date: {date}
reviewed: {date}
category: Benchmark
---

This is a short post. It cites [G.S. 90-96](gs:90-96) once.

## A section {{ #section }}

Two more short sentences. They give the page some text.
"""
ES = """---
title: Noticia sintética número {n}
description: Noticia sintética {n} para la medición, sobre los programas de desvío en Carolina del Norte.
date: {date}
reviewed: {date}
category: Medición
---

Esta es una noticia corta. Cita [G.S. 90-96](gs:90-96) una vez.

## Una sección {{ #section }}

Dos frases cortas más. Le dan algo de texto a la página.
"""


def copy_project(dest: Path) -> Path:
    for name in PROJECT:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(src, dest / name)
    if (ROOT / "node_modules").exists():  # the CMS bundle (`npm ci`), shared read-only
        (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return dest


def add_synthetic_posts(docs: Path, count: int) -> list[str]:
    """Write `count` English + Spanish post pairs; returns their stems."""
    folder = docs / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    stems = []
    for n in range(1, count + 1):
        date = START + dt.timedelta(days=n)
        stem = f"{date.isoformat()}-synthetic-{n:05d}"
        (folder / f"{stem}.md").write_text(EN.format(n=n, date=date), encoding="utf-8")
        (folder / f"{stem}.es.md").write_text(ES.format(n=n, date=date), encoding="utf-8")
        stems.append(stem)
    return stems


NAIVE_CONFIG = "mkdocs.naive.yml"
NAIVE_TEMPLATES = "naive-templates"  # one `{% extends "main.html" %}` per template a page names
NAIVE_TARGETS = {10: 3.0, 1000: 0.25}  # posts -> largest ours / naive build time


def naive_config(project: Path, keep_nav: bool = False) -> Path:
    """mkdocs.yml without our hooks, templates and CSS, and without our nav
    unless keep_nav (see the module docstring)."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    kept, skipping = [], False
    dropped = r"(hooks|extra_css):" if keep_nav else r"(hooks|extra_css|nav|not_in_nav):"
    for line in text.splitlines(keepends=True):
        if re.match(dropped, line):
            skipping = True
            continue
        if skipping and (not line.strip() or re.match(r"[ \t]+\S", line)):
            continue
        skipping = False
        if re.match(r"[ \t]+custom_dir:", line):  # pages name templates (home.html): plain stand-ins
            kept.append(line.split(":")[0] + ": " + NAIVE_TEMPLATES + "\n")
        elif not re.match(r"[ \t]+(logo|favicon):", line):
            kept.append(line)
    text = "".join(kept)
    stand_ins = project / NAIVE_TEMPLATES
    stand_ins.mkdir(exist_ok=True)
    for template in (project / "overrides").glob("*.html"):
        if template.name != "main.html":
            (stand_ins / template.name).write_text('{% extends "main.html" %}\n', encoding="utf-8")
    if re.search(r"(?m)^hooks:|custom_dir: overrides", text):
        raise SystemExit("bench: could not strip hooks/custom_dir from mkdocs.yml")
    path = project / (NAIVE_CONFIG.replace(".yml", ".kept-nav.yml") if keep_nav else NAIVE_CONFIG)
    path.write_text(text, encoding="utf-8")
    return path


def build(project: Path, out: Path, naive: bool = False, keep_nav: bool = False) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)]
    cmd += ["-f", str(naive_config(project, keep_nav))] if naive else ["--strict"]
    started = time.perf_counter()
    result = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{result.stderr[-3000:]}")
    return seconds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tools.bench_updates",
                                 description=__doc__.splitlines()[0])
    ap.add_argument("--counts", type=int, nargs="+", default=[10, 100, 1000],
                    help="numbers of synthetic bilingual posts (default: 10 100 1000)")
    ap.add_argument("--page", default="benefits/index.html",
                    help="ordinary page whose size is measured (default: benefits/index.html)")
    ap.add_argument("--no-naive", action="store_true", help="skip the naive build (no ratio)")
    ap.add_argument("--repeat", type=int, default=1,
                    help="runs of each build, the fastest reported (default: 1)")
    args = ap.parse_args(argv)

    rows = []
    ok = True
    print(f"{'posts':>6} {'build s':>8} {'naive s':>8} {'ratio':>6} {'kept-nav s':>10} {'ratio':>6} "
          f"{args.page + ' bytes':>30} {'es/' + args.page + ' bytes':>33}")
    for count in args.counts:
        with tempfile.TemporaryDirectory(prefix="bench-updates-") as tmp:
            project = copy_project(Path(tmp) / "project")
            add_synthetic_posts(project / "docs", count)
            out = Path(tmp) / "site"
            runs: dict[str, list[float]] = {"ours": [], "naive": [], "kept": []}
            for _ in range(max(1, args.repeat)):  # in turns, so a spell of load hits each alike
                runs["ours"].append(build(project, out))
                if not args.no_naive:
                    runs["naive"].append(build(project, Path(tmp) / "naive", naive=True))
                    runs["kept"].append(build(project, Path(tmp) / "kept", naive=True, keep_nav=True))
            size = (out / args.page).stat().st_size
            size_es = (out / "es" / args.page).stat().st_size
            seconds = min(runs["ours"])
            naive = min(runs["naive"]) if runs["naive"] else None
            kept = min(runs["kept"]) if runs["kept"] else None
        rows.append((count, seconds, size))
        ratio_text = "-" if naive is None else f"{seconds / naive:.2f}"
        kept_text = "-" if kept is None else f"{kept:.2f}"
        kept_ratio = "-" if kept is None else f"{seconds / kept:.2f}"
        print(f"{count:>6} {seconds:>8.2f} {'-' if naive is None else f'{naive:.2f}':>8} {ratio_text:>6} "
              f"{kept_text:>10} {kept_ratio:>6} "
              f"{size:>30} {size_es:>33}", flush=True)
        if naive is not None and count in NAIVE_TARGETS and seconds / naive > NAIVE_TARGETS[count]:
            print(f"  over target: ours / naive at {count} posts must be <= {NAIVE_TARGETS[count]}")
            ok = False

    first, last = rows[0], rows[-1]
    ratio = last[2] / first[2]
    print(f"\npage size at {last[0]} posts = {ratio:.3f} x size at {first[0]} posts (target <= 1.2)")
    if len(rows) > 2:
        per_post = [(b[1] - a[1]) / (b[0] - a[0]) for a, b in zip(rows, rows[1:])]
        print("marginal build time per extra post: " +
              ", ".join(f"{1000 * s:.1f} ms ({a[0]}->{b[0]})" for s, a, b in zip(per_post, rows, rows[1:])))
    return 0 if ratio <= 1.2 and ok else 1


if __name__ == "__main__":
    sys.exit(main())
