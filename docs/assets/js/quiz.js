/* Eligibility quiz: enhances [data-quiz] with window.dlQuizData, which the
   deferred script assets/js/quiz-data.<lang>.<hash>.js sets just before this
   one runs (hooks/quiz.py, overrides/quiz.html). It makes no request.
   It evaluates no rule: sitebuild/quiz.py ran them on every answer path at
   build time and left a decision tree (Q.tree: question -> option -> next
   node; a leaf is the result). This file walks it. Answers live in
   sessionStorage under one key for both languages, so switching language
   keeps them, and closing the tab or "Clear my answers" wipes them.
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
  const byId = (list) => Object.fromEntries(list.map((x) => [x.id, x]));
  const questions = byId(Q.questions), outcomes = byId(Q.outcomes), warnings = byId(Q.warnings);
  const form = need("[data-quiz-form]"), box = need("[data-quiz-question]");
  const result = need("[data-quiz-result]"), done = need("[data-quiz-done]");
  const progress = need("[data-quiz-progress]"), status = need("[data-quiz-status]");
  const next = need('[data-quiz-action="next"]'), back = need('[data-quiz-action="back"]');
  const fallbacks = document.querySelectorAll("[data-quiz-fallback]");
  const every = document.querySelectorAll("[data-quiz-every]");

  const node = (i) => {
    const n = Q.tree[i];
    if (!n) throw new Error("quiz.js: the decision tree has no node " + i);
    return n;
  };
  const option = (q, id) => questions[q].options.find((o) => o.id === id);

  // Stored answers come from an older page too (same tab, new data): keep
  // only questions and options the data still has; the rest are asked again.
  const read = () => {
    try {
      const s = JSON.parse(sessionStorage.getItem(KEY));
      if (s && s.a && typeof s.a === "object") {
        const a = {};
        for (const q in s.a) if (Object.hasOwn(questions, q) && option(q, s.a[q])) a[q] = s.a[q];
        return { a, at: typeof s.at === "string" ? s.at : undefined };
      }
    } catch (e) { /* storage blocked or unreadable: start fresh */ }
    return { a: {} };
  };
  const save = () => {
    try { sessionStorage.setItem(KEY, JSON.stringify(st)); } catch (e) { /* the quiz still works, it just cannot resume */ }
  };
  let st = read();

  // Questions a node can still lead to (its subtree; equal subtrees are shared).
  const ahead = (n, qs = new Set(), seen = new Set()) => {
    if (n.q && !seen.has(n)) {
      seen.add(n);
      qs.add(n.q);
      for (const o in n.a) ahead(node(n.a[o]), qs, seen);
    }
    return qs;
  };
  // Follow the answers from the first question: `path` holds the answered
  // question nodes, `end` the first unanswered question or the result. An
  // answer neither on the path nor ahead of `end` no longer counts: dropped.
  const walk = () => {
    const path = [];
    let end = node(0);
    while (end.q && st.a[end.q] != null && end.a[st.a[end.q]] != null) {
      path.push(end);
      end = node(end.a[st.a[end.q]]);
    }
    const keep = ahead(end);
    for (const n of path) keep.add(n.q);
    for (const q in st.a) if (!keep.has(q)) delete st.a[q];
    return { path, end, asked: end.q ? [...path, end] : path };
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
  const wrap = (tag, attrs, ...kids) => {
    const n = el(tag, attrs);
    n.append(...kids);
    return n;
  };
  // A copy of the template's own call or contact button, with other words.
  const button = (sel, text) => {
    const a = need(sel, done).cloneNode(false);
    a.textContent = text;
    return a;
  };
  const now = wrap("div", { class: "dl-quiz__now" },
    el("h3", 0, ui.qr_now),
    wrap("ol", 0, el("li", 0, ui.qr_now_sign), el("li", 0, ui.qr_now_court),
      wrap("li", { class: "dl-quiz__now-actions" },
        button('a[href^="tel:"]', ui.qr_now_call), " ", button("a:not([href^='tel:'])", ui.qr_message))));
  const printed = el("span", { "data-quiz-printed": "" });
  const extras = wrap("div", { class: "dl-quiz__print-only", "data-quiz-print": "" },
    wrap("p", { class: "dl-quiz__date-line" }, ui.qr_printed + " ", printed),
    el("p", { class: "dl-quiz__date-line" }, ui.qr_my_date + " ______________________"),
    wrap("div", { class: "dl-quiz__ask" }, el("h3", 0, ui.qr_ask),
      wrap("ol", 0, el("li", 0, ui.qr_ask_1), el("li", 0, ui.qr_ask_2), el("li", 0, ui.qr_ask_3))));

  const say = (text) => { status.textContent = text; };
  // Move focus to the new heading; scroll the whole quiz box into view, since
  // focus() alone may leave the heading under Material's sticky header.
  const show = (heading, text) => {
    heading.focus({ preventScroll: true });
    (result.hidden ? root : result).scrollIntoView({ block: "start" });
    say(text);
  };

  function render(focus) {
    const w = walk();
    let i = w.asked.findIndex((n) => n.q === st.at);
    if (i < 0 && w.end.q) i = w.path.length;
    form.hidden = progress.hidden = next.hidden = i < 0;
    result.hidden = done.hidden = i >= 0;
    back.hidden = i === 0;
    if (i >= 0) ask(w, i, focus);
    else tell(w, focus);
  }

  function ask(w, i, focus) {
    const q = questions[w.asked[i].q];
    st.at = q.id;
    result.replaceChildren();
    delete result.dataset.outcome;
    // "of about N": the questions answered on the way, then those the first
    // unanswered one says are still to come.
    const total = w.path.length + (w.end.q ? w.end.d : 0);
    const text = ui.progress.replace("{n}", i + 1).replace("{total}", total);
    progress.textContent = text;
    const fs = el("fieldset", {
      "data-question": q.id,
      "aria-describedby": (q.help ? "dl-quiz-help " : "") + "dl-quiz-error",
    });
    const h = el("h2", { class: "dl-quiz__q", tabindex: "-1" }, q.text);
    fs.append(wrap("legend", 0, h));
    if (q.help) fs.append(el("p", { class: "dl-quiz__help", id: "dl-quiz-help" }, q.help));
    fs.append(el("p", { class: "dl-quiz__error", id: "dl-quiz-error", role: "alert" }));
    for (const o of q.options) {
      const id = "dl-quiz-" + o.id;
      const input = el("input", { type: "radio", name: "dl-quiz", id, value: o.id });
      input.checked = st.a[q.id] === o.id;
      fs.append(wrap("div", { class: "dl-quiz__option" }, input, el("label", { for: id }, o.label)));
    }
    box.replaceChildren(fs);
    if (focus) show(h, text);
  }

  function tell(w, focus) {
    st.at = DONE;
    const leaf = w.end, o = outcomes[leaf.outcome];
    const answer = (id) => questions[id].short + ": " + option(id, st.a[id]).label;
    const part = (title, n) => [el("h3", 0, title), n];
    const links = leaf.citations.map((i) => wrap("li", 0, el("a", { href: Q.statutes[i].url }, Q.statutes[i].text)));
    const h = el("h2", { tabindex: "-1" }, o.title);
    const fold = (title, n) => wrap("details", { class: "dl-quiz__more" }, el("summary", 0, title), n);
    // Warnings (the non-citizen one) come before everything else: before the
    // headline and the sentence, on screen, to a screen reader and on paper.
    const kids = leaf.warnings.map((id) => {
      const x = warnings[id], p = el("p", 0, x.text);
      if (x.link) p.append(" ", el("a", { href: x.link.url }, x.link.text), ".");
      return wrap("div", { class: "dl-quiz__warning", "data-warning": id }, el("h3", 0, x.title), p);
    });
    kids.push(
      el("p", { class: "dl-quiz__label" }, ui.result_label), h, now,
      el("p", { class: "dl-quiz__sentence" }, o.sentence),
      ...part(ui.reasons, list(leaf.reasons.map(answer))),
    );
    // "If the overdose law does not protect you": the record's own result.
    const f = leaf.fallback, fo = f && outcomes[f.outcome];
    if (f) {
      kids.push(wrap("section", { class: "dl-quiz__fallback", "data-fallback-outcome": fo.id },
        el("h3", 0, f.title),
        el("p", { class: "dl-quiz__fallback-title" }, fo.title),
        el("p", { class: "dl-quiz__sentence" }, fo.sentence),
        el("p", { class: "dl-quiz__fallback-part" }, ui.reasons), list(f.reasons.map(answer)),
        el("p", { class: "dl-quiz__fallback-part" }, ui.assumptions), list(fo.assumptions),
      ));
    }
    printed.textContent = new Date().toLocaleDateString(
      Q.lang === "es" ? "es-US" : "en-US", { year: "numeric", month: "long", day: "numeric" });
    kids.push(
      fold(ui.assumptions, list([ui.assume_answers, ...o.assumptions])),
      fold(ui.citations, list(links)),
      wrap("div", { class: "dl-quiz__print-only" }, ...part(ui.all_answers, list(w.path.map((n) => answer(n.q))))),
      extras,
      el("p", { class: "dl-quiz__notice" }, Q.notice),
    );
    result.replaceChildren(...kids);
    result.dataset.outcome = o.id;
    if (fo) result.dataset.fallback = fo.id;
    else delete result.dataset.fallback;
    if (focus) show(h, ui.result_label + ": " + o.title);
  }

  // Any error leaves (or puts back) the no-JavaScript text and the open list
  // of results, and is still reported.
  const safely = (f) => (...args) => {
    try {
      f(...args);
    } catch (e) {
      root.hidden = true;
      for (const n of fallbacks) n.hidden = false;
      for (const d of every) d.open = true;
      throw e;
    }
  };

  form.addEventListener("submit", safely((e) => {
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
    const w = walk(), i = w.path.findIndex((n) => n.q === id);
    const after = i < 0 ? null : (w.path[i + 1] || w.end);
    st.at = after && after.q ? after.q : DONE;
    save();
    render(true);
  }));
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
      const { asked } = walk(), i = st.at === DONE ? asked.length : asked.findIndex((n) => n.q === st.at);
      st.at = asked[Math.max(i - 1, 0)].q;
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
  root.addEventListener("click", safely((e) => {
    const b = e.target.closest("[data-quiz-action]");
    const act = b && actions[b.dataset.quizAction];
    if (act) act();
  }));

  // Reveal the quiz only once it has rendered.
  safely(render)(false);
  for (const n of fallbacks) n.hidden = true;
  for (const d of every) d.open = false;
  root.hidden = false;
})();
