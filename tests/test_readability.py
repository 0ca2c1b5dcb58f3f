"""Plain language: English grade <= 8 (Flesch-Kincaid), Spanish ease >= 60
(Fernández-Huerta), measured on the built pages' main text."""

from __future__ import annotations

from tools.readability import EN_MAX_GRADE, ES_MIN_EASE, page_text, score


def test_reading_level_of_every_page(site_dir):
    results = []
    for path in sorted(site_dir.rglob("index.html")):
        rel = path.relative_to(site_dir).as_posix()
        if rel.startswith(("assets/", "search/")):
            continue
        text = page_text(path.read_text(encoding="utf-8"))
        if len(text.split()) < 20:
            continue
        lang = "es" if rel.startswith("es/") else "en"
        results.append((rel, lang, score(text, lang)))
    assert len(results) >= 20
    too_hard = [r for r in results if (r[1] == "en" and r[2] > EN_MAX_GRADE) or (r[1] == "es" and r[2] < ES_MIN_EASE)]
    assert not too_hard, "too hard to read: " + "; ".join(f"{r} {l} {v:.1f}" for r, l, v in too_hard)


def test_scorer_tells_hard_from_plain_text():
    hard = ("Notwithstanding the aforementioned statutory provisions, the adjudication of "
            "culpability is deferred contingent upon satisfactory completion of probationary conditions.")
    plain = "The judge waits. You do the program. If you finish it, the charge can be dropped."
    assert score(hard, "en") > EN_MAX_GRADE > score(plain, "en")
    dificil = ("No obstante las disposiciones estatutarias anteriormente mencionadas, la adjudicación "
               "de culpabilidad se difiere condicionada al cumplimiento satisfactorio de obligaciones.")
    facil = "El juez espera. Usted hace el programa. Si lo termina, el cargo se puede quitar."
    assert score(dificil, "es") < ES_MIN_EASE < score(facil, "es")
