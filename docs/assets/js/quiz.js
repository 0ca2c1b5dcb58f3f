/* Eligibility quiz: enhances [data-quiz] with window.dlQuizData, which the
   deferred script assets/js/quiz-data.<lang>.<hash>.js sets just before this
   one runs (hooks/quiz.py, overrides/quiz.html, data/quiz.yml). It makes no request. Answers live in
   sessionStorage under one key for both languages, so switching language keeps
   them, and closing the tab or "Clear my answers" wipes them. The rules are the
   same as sitebuild/quiz.py; tests/test_quiz_browser.py compares every path.
   DOM contract: docs/maintainers/quiz.md. */
(() => {
  "use strict";
  const root = document.querySelector("[data-quiz]");
  if (!root) return;
  const need = (sel, el = root) => {
    const n = el.querySelector(sel);
    if (!n) throw new Error("quiz.js: required markup missing: " + sel);
    return n;
  };
  const Q = window.dlQuizData;
  if (!Q) throw new Error("quiz.js: quiz data missing (assets/js/quiz-data.<lang>.<hash>.js)");
  const ui = Q.ui, KEY = "dl-quiz", DONE = "@result";
  const form = need("[data-quiz-form]"), box = need("[data-quiz-question]");
  const result = need("[data-quiz-result]"), done = need("[data-quiz-done]");
  const progress = need("[data-quiz-progress]"), status = need("[data-quiz-status]");
  const next = need('[data-quiz-action="next"]'), back = need('[data-quiz-action="back"]');
  // The template's "what to do now" box and printed extras (overrides/quiz.html).
  const now = need("[data-quiz-now]"), extras = need("[data-quiz-print]");

  const read = () => {
    try {
      const s = JSON.parse(sessionStorage.getItem(KEY));
      if (s && s.a && typeof s.a === "object") return s; // {"a": null} too: start fresh
    } catch (e) { /* storage blocked or unreadable: start fresh */ }
    return { a: {} };
  };
  const save = () => {
    try { sessionStorage.setItem(KEY, JSON.stringify(st)); } catch (e) { /* the quiz still works, it just cannot resume */ }
  };
  let st = read();

  // Shown: every earlier question named in show_if is shown and got a listed
  // answer. With guess, unanswered ones count as met (for "of about N").
  const shown = (a, guess) => {
    const on = {};
    return Q.questions.filter((q) => {
      const c = q.show_if;
      const ok = Object.keys(c).every((k) => on[k] && (a[k] == null ? guess : c[k].includes(a[k])));
      if (ok) on[q.id] = 1;
      return ok;
    });
  };
  const match = (c, a) => Object.keys(c).every((k) => (c[k] || []).includes(a[k]));
  // Answers to questions no longer shown do not count (as in sitebuild/quiz.py).
  const clean = () => {
    const a = {};
    for (const q of shown(st.a)) if (st.a[q.id] != null) a[q.id] = st.a[q.id];
    st.a = a;
  };

  const el = (tag, attrs, text) => {
    const n = document.createElement(tag);
    for (const k in attrs || {}) n.setAttribute(k, attrs[k]);
    if (text != null) n.textContent = text;
    return n;
  };
  const list = (items) => {
    const ul = el("ul");
    for (const i of items) ul.append(i instanceof Node ? i : el("li", 0, i));
    return ul;
  };
  const say = (text) => { status.textContent = text; };
  // Move focus to the new heading; scroll the whole quiz box into view, since
  // focus() alone may leave the heading under Material's sticky header.
  const show = (heading, text) => {
    heading.focus({ preventScroll: true });
    (result.hidden ? root : result).scrollIntoView({ block: "start" });
    say(text);
  };

  function render(focus) {
    clean();
    const vis = shown(st.a);
    const open = vis.findIndex((q) => st.a[q.id] == null);
    let i = vis.findIndex((q) => q.id === st.at);
    if (i < 0 && (st.at !== DONE || open >= 0)) i = open;
    const rule = i < 0 && Q.rules.find((r) => match(r.when, st.a));
    if (i < 0 && !rule) i = 0;
    form.hidden = progress.hidden = next.hidden = i < 0;
    result.hidden = done.hidden = i >= 0;
    back.hidden = i === 0;
    if (i >= 0) ask(vis, i, focus);
    else tell(rule, vis, focus);
  }

  function ask(vis, i, focus) {
    const q = vis[i];
    st.at = q.id;
    result.replaceChildren();
    delete result.dataset.outcome;
    const text = ui.progress.replace("{n}", i + 1).replace("{total}", shown(st.a, true).length);
    progress.textContent = text;
    const fs = el("fieldset", {
      "data-question": q.id,
      "aria-describedby": (q.help ? "dl-quiz-help " : "") + "dl-quiz-error",
    });
    const h = el("h2", { class: "dl-quiz__q", tabindex: "-1" }, q.text);
    const legend = el("legend");
    legend.append(h);
    fs.append(legend);
    if (q.help) fs.append(el("p", { class: "dl-quiz__help", id: "dl-quiz-help" }, q.help));
    fs.append(el("p", { class: "dl-quiz__error", id: "dl-quiz-error", role: "alert" }));
    for (const o of q.options) {
      const id = "dl-quiz-" + o.id, row = el("div", { class: "dl-quiz__option" });
      const input = el("input", { type: "radio", name: "dl-quiz", id, value: o.id });
      input.checked = st.a[q.id] === o.id;
      row.append(input, el("label", { for: id }, o.label));
      fs.append(row);
    }
    box.replaceChildren(fs);
    if (focus) show(h, text);
  }

  function tell(rule, vis, focus) {
    st.at = DONE;
    const o = Q.outcomes.find((x) => x.id === rule.outcome);
    const answer = (q) => q.short + ": " + q.options.find((x) => x.id === st.a[q.id]).label;
    const part = (title, node) => [el("h3", 0, title), node];
    const why = (r) => list(vis.filter((q) => q.id in r.when).map(answer));
    // A rule with fallback_title also shows the first later matching rule's
    // result (sitebuild/quiz.py fallback_rule): "if the overdose law does not
    // protect you", here is what G.S. 90-96 says.
    const fr = rule.fallback_title && Q.rules.slice(Q.rules.indexOf(rule) + 1)
      .find((r) => !r.fallback_title && match(r.when, st.a));
    const fo = fr && Q.outcomes.find((x) => x.id === fr.outcome);
    const seen = {};
    const links = [...o.citations, ...rule.citations, ...(fo ? [...fo.citations, ...fr.citations] : [])]
      .filter((c) => !seen[c.text] && (seen[c.text] = 1)).map((c) => {
        const li = el("li");
        li.append(el("a", { href: c.url }, c.text));
        return li;
      });
    const h = el("h2", { tabindex: "-1" }, o.title);
    const fold = (title, node) => {
      const d = el("details", { class: "dl-quiz__more" });
      d.append(el("summary", 0, title), node);
      return d;
    };
    // Warnings (the non-citizen one) come before everything else: before the
    // headline and the sentence, on screen, to a screen reader and on paper.
    const kids = Q.warnings.filter((x) => match(x.show_if, st.a)).map((w) => {
      const note = el("div", { class: "dl-quiz__warning", "data-warning": w.id });
      note.append(el("h3", 0, w.title), el("p", 0, w.text));
      if (w.link) note.lastChild.append(" ", el("a", { href: w.link.url }, w.link.text), ".");
      return note;
    });
    now.hidden = extras.hidden = false;
    kids.push(
      el("p", { class: "dl-quiz__label" }, ui.result_label), h, now,
      el("p", { class: "dl-quiz__sentence" }, o.sentence),
      ...part(ui.reasons, why(rule)),
    );
    if (fo) {
      const box = el("section", { class: "dl-quiz__fallback", "data-fallback-outcome": fo.id });
      box.append(
        el("h3", 0, rule.fallback_title),
        el("p", { class: "dl-quiz__fallback-title" }, fo.title),
        el("p", { class: "dl-quiz__sentence" }, fo.sentence),
        el("p", { class: "dl-quiz__fallback-part" }, ui.reasons), why(fr),
        el("p", { class: "dl-quiz__fallback-part" }, ui.assumptions), list(fo.assumptions),
      );
      kids.push(box);
    }
    const all = el("div", { class: "dl-quiz__print-only" });
    all.append(...part(ui.all_answers, list(vis.map(answer))));
    need("[data-quiz-printed]", extras).textContent = new Date().toLocaleDateString(
      Q.lang === "es" ? "es-US" : "en-US", { year: "numeric", month: "long", day: "numeric" });
    kids.push(
      fold(ui.assumptions, list([ui.assume_answers, ...o.assumptions])),
      fold(ui.citations, list(links)),
      all, extras,
      el("p", { class: "dl-quiz__notice" }, Q.notice),
    );
    result.replaceChildren(...kids);
    result.dataset.outcome = o.id;
    if (fo) result.dataset.fallback = fo.id;
    else delete result.dataset.fallback;
    if (focus) show(h, ui.result_label + ": " + o.title);
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const fs = need("fieldset", box), picked = fs.querySelector("input:checked");
    if (!picked) {
      // Keep every answer; say what is missing and put the visitor in the group.
      need(".dl-quiz__error", fs).textContent = ui.error_choose;
      need("input", fs).focus();
      return;
    }
    const id = fs.dataset.question;
    st.a[id] = picked.value;
    clean();
    const vis = shown(st.a), after = vis[vis.findIndex((q) => q.id === id) + 1];
    st.at = after ? after.id : DONE;
    save();
    render(true);
  });
  box.addEventListener("change", () => {
    const err = box.querySelector(".dl-quiz__error");
    if (err) err.textContent = "";
  });

  const reset = (message) => {
    st = { a: {} };
    try { sessionStorage.removeItem(KEY); } catch (e) { /* nothing stored */ }
    render(true);
    if (message) say(message);
  };
  const actions = {
    back() {
      clean();
      const vis = shown(st.a), i = st.at === DONE ? vis.length : vis.findIndex((q) => q.id === st.at);
      st.at = vis[Math.max(i - 1, 0)].id;
      save();
      render(true);
    },
    restart: () => reset(),
    clear: () => reset(ui.cleared),
    print: () => { unfold(); window.print(); },
  };
  // Paper shows what the screen folds (Print button or the browser's own print).
  let folded = [];
  const unfold = () => {
    folded = [...result.querySelectorAll("details:not([open])")];
    for (const d of folded) d.open = true;
  };
  window.addEventListener("beforeprint", () => { if (!folded.length) unfold(); });
  window.addEventListener("afterprint", () => {
    for (const d of folded) d.open = false;
    folded = [];
  });
  root.addEventListener("click", (e) => {
    const b = e.target.closest("[data-quiz-action]");
    const act = b && actions[b.dataset.quizAction];
    if (act) act();
  });

  // Reveal the quiz only once it has rendered: if anything above threw, the
  // no-JavaScript text and the open list of results stay in place.
  render(false);
  for (const n of document.querySelectorAll("[data-quiz-fallback]")) n.hidden = true;
  for (const d of document.querySelectorAll("[data-quiz-every]")) d.open = false;
  root.hidden = false;
})();
