"""What the browser tests share: axe-core, watching a page for console
errors (every Content-Security-Policy violation is one: tools/serve.py
applies the site's _headers) and for requests that leave loopback, waiting
for the quiz, and the WCAG checks axe cannot make (the keyboard walk, the
twin link on the first screen).

Test modules import from here, never from each other."""

from __future__ import annotations

from dataclasses import dataclass, field
from posixpath import dirname, join, normpath
from urllib.parse import urlparse

from axe_playwright_python.sync_playwright import Axe

AXE = Axe()
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


AXE_RUN = """() => axe.run({resultTypes: ["violations"]}).then(r => r.violations.map(v =>
  ({id: v.id, help: v.help, count: v.nodes.length, target: v.nodes[0].target})))"""


def axe_violations(page) -> list[str]:  # type: ignore[no-untyped-def]
    """axe-core's default rules: every WCAG A/AA rule plus best practices.
    axe-core goes into each document once (a second run on the same page,
    say at another width, reuses it); only the violations come back."""
    if not page.evaluate("() => typeof window.axe === 'object' && typeof window.axe.run === 'function'"):
        page.evaluate(AXE.axe_script)
    return [f"{v['id']}: {v['help']} ({v['count']}x, e.g. {v['target']})" for v in page.evaluate(AXE_RUN)]


SETTLED = """async () => {
  await new Promise(requestAnimationFrame);
  document.getAnimations().filter(a => a instanceof CSSTransition).forEach(a => a.finish());
}"""


def resize(page, viewport: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    """The loaded page at another size, with every CSS transition the new
    size set off jumped to its end (Material's search field fades its
    colour between widths: axe must see the colours a visitor is left
    with; finishing them gives those colours without waiting the 0.4 s the
    fades take). Equal to loading the page at that size while no site
    script reads the width (test_browser.py
    test_no_script_of_the_site_reads_the_width)."""
    page.set_viewport_size(viewport)
    page.evaluate(SETTLED)


def off_loopback(url: str) -> bool:
    return urlparse(url).hostname not in ("127.0.0.1", None) and not url.startswith(("data:", "blob:"))


@dataclass
class Watch:
    """Console errors, uncaught exceptions, HTTP errors and foreign requests
    of one page; `clear()` between the visits of a reused page."""
    errors: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)

    def clear(self) -> None:
        self.errors.clear()
        self.foreign.clear()


def watch(page) -> Watch:  # type: ignore[no-untyped-def]
    w = Watch()
    page.on("console", lambda m: w.errors.append(m.text)
            if m.type == "error" and not m.text.startswith("Failed to load resource") else None)
    page.on("pageerror", lambda e: w.errors.append(str(e)))
    page.on("response", lambda r: w.errors.append(f"HTTP {r.status} {r.url}") if r.status >= 400 else None)
    page.on("request", lambda r: w.foreign.append(r.url) if off_loopback(r.url) else None)
    return w



def wait_for_errors(page, errors: list[str], timeout_ms: int = 10_000) -> list[str]:  # type: ignore[no-untyped-def]
    """`errors` once the page has thrown (Playwright delivers `pageerror`
    after the fact, later under load), or still empty after timeout_ms."""
    waited = 0
    while not errors and waited < timeout_ms:
        page.wait_for_timeout(50)  # lets Playwright deliver the event
        waited += 50
    return errors


def tap(page, selector: str) -> None:
    """A real mouse click, after centring the target: on phones the sticky
    call bar and header cover the top and bottom of the screen."""
    target = page.locator(selector)
    target.evaluate("e => e.scrollIntoView({block: 'center'})")
    target.click()


def quiz_ready(page) -> None:  # type: ignore[no-untyped-def]
    """quiz.js reveals the quiz only after its first render: wait for that."""
    page.wait_for_selector("[data-quiz]:not([hidden])")


# --- WCAG 2.2 AA points axe cannot see (the phone pass in test_browser.py) ---

MAX_TABS = 200  # more stops than any page has; the walk ends when focus comes round

# Runs in the page after each Tab: what has the focus, is it covered, and
# what contrast its ring has against the colours behind it.
FOCUS_PROBE = r"""
() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "") +
    " '" + (el.textContent || el.value || "").trim().slice(0, 30) + "'";
  const r = el.getBoundingClientRect();
  const vw = document.documentElement.clientWidth, vh = window.innerHeight;
  const out = { name, covered: [], key: name + r.top + window.scrollY };
  if (r.width === 0 || r.height === 0) { out.hidden = true; return out; }
  // Points inside the element and inside the viewport: centre and corners.
  const x0 = Math.max(r.left + 2, 0), x1 = Math.min(r.right - 2, vw - 1);
  const y0 = Math.max(r.top + 2, 0), y1 = Math.min(r.bottom - 2, vh - 1);
  if (x0 > x1 || y0 > y1) { out.covered.push("outside the viewport"); return out; }
  // A link that wraps has one box per line: test the centre of each box.
  const boxes = [...el.getClientRects()];
  const points = boxes.length > 1
    ? boxes.filter(b => b.width > 4 && b.height > 4).map(b => [(b.left + b.right) / 2, (b.top + b.bottom) / 2])
        .filter(([x, y]) => x >= 0 && x < vw && y >= 0 && y < vh)
    : [[(x0 + x1) / 2, (y0 + y1) / 2], [x0, y0], [x1, y0], [x0, y1], [x1, y1]];
  for (const [x, y] of points) {
    const top = document.elementFromPoint(x, y);
    if (top && top !== el && !el.contains(top)) {
      out.covered.push(`(${Math.round(x)},${Math.round(y)}) under ${top.tagName.toLowerCase()}.${top.className}`);
    }
  }
  // Focus ring: outline (or, for radios and checkboxes styled through their
  // label, the label's box-shadow ring is checked by its own outline too).
  const cs = getComputedStyle(el);
  out.ring = { style: cs.outlineStyle, width: parseFloat(cs.outlineWidth), color: cs.outlineColor };
  // Colours behind the ring: the first ancestor that paints a background
  // (every colour of a gradient counts).
  const colours = [];
  for (let p = el.parentElement; p; p = p.parentElement) {
    const pcs = getComputedStyle(p);
    const img = pcs.backgroundImage.match(/rgba?\([^)]*\)/g);
    if (img) colours.push(...img);
    const bg = pcs.backgroundColor;
    if (!/rgba\(0, 0, 0, 0\)|transparent/.test(bg)) { colours.push(bg); break; }
    if (img) break;
  }
  out.behind = colours.length ? colours : ["rgb(255, 255, 255)"];
  return out;
}
"""

def rgb(text: str) -> tuple[float, float, float, float]:
    inner = text[text.index("(") + 1:text.index(")")].replace("/", ",")
    parts = [float(p) for p in inner.replace(",", " ").split()]
    return (parts[0], parts[1], parts[2], parts[3] if len(parts) > 3 else 1.0)


def luminance(colour: tuple[float, float, float, float]) -> float:
    def lin(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b, _ = colour
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(rgb(a)), luminance(rgb(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def twin_of(rel: str, lang: str) -> str:
    """'/first-steps/' <-> '/es/first-steps/'."""
    path = "/" + rel.removesuffix("index.html")
    return path[3:] if lang == "es" else "/es" + path


def walk_focus(page) -> list[str]:
    problems: list[str] = []
    seen: set[str] = set()
    page.evaluate("window.scrollTo(0, 0)")
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        probe = page.evaluate(FOCUS_PROBE)
        if probe is None:
            continue
        if probe["key"] in seen:
            break  # round to the start again
        seen.add(probe["key"])
        if probe.get("hidden"):
            continue
        if probe["covered"]:
            problems.append(f"{probe['name']} covered: {probe['covered']}")
        if "ring" not in probe:
            continue
        ring = probe["ring"]
        if ring["style"] == "none" or ring["width"] < 2:
            problems.append(f"{probe['name']}: no focus ring ({ring})")
            continue
        worst = min(contrast(ring["color"], bg) for bg in probe["behind"])
        if worst < 3:
            problems.append(f"{probe['name']}: ring {ring['color']} on {probe['behind']} is {worst:.2f}:1")
    else:
        problems.append(f"focus never came round after {MAX_TABS} tabs")
    return problems


TWIN_LINKS = """target => [...document.querySelectorAll(`a[hreflang="${target}"]`)].map(a => {
  const box = a.getBoundingClientRect();
  return {href: a.getAttribute("href") || "", text: a.innerText.trim(), top: box.top, bottom: box.bottom,
          shown: box.width > 0 && box.height > 0 && a.checkVisibility({visibilityProperty: true})};
})"""


def twin_link_problem(page, rel: str, lang: str, viewport: dict[str, int]) -> str | None:  # type: ignore[no-untyped-def]
    """None when the page shows a visible text link to its twin on the first
    screen (the other language one tap away), else what is missing. One
    round trip: every candidate link's box, text and visibility at once."""
    here = "/" + rel
    for link in page.evaluate(TWIN_LINKS, "en" if lang == "es" else "es"):
        dest = normpath(join(dirname(here), link["href"])).rstrip("/") + "/"
        if (link["shown"] and link["top"] >= 0 and link["bottom"] <= viewport["height"]
                and dest == twin_of(rel, lang) and link["text"]):
            return None
    return f"no visible text link to {twin_of(rel, lang)} on the first screen"
