/* Site-wide enhancement, loaded on every page instead of Material's 110 KB
 * bundle (see docs/maintainers/ARCHITECTURE.md, "Why not Material's bundle").
 * Without JavaScript everything but search works (menus are CSS-only).
 *
 * Search: Material's own search worker (lunr + per-language stemmer) is
 * started only when the visitor opens search, and reads this language's
 * index (hooks/seo.py points __config.base at /es/ on Spanish pages).
 */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");

  /* Material opens the drawer and the phone search with CSS-only labels
   * (<label for="__drawer">), which a keyboard cannot reach; the closed
   * drawer and search are out of the tab order (site.css). Each label is
   * swapped for a real button with the same icon that toggles the same
   * checkbox; Escape closes the drawer again. */
  Array.prototype.forEach.call(document.querySelectorAll("label.md-header__button[for]"), function (label) {
    var box = document.getElementById(label.htmlFor);
    if (!box || box.type !== "checkbox") return;
    var named = label.htmlFor === "__search"
      ? document.querySelector(".md-search__input")
      : document.querySelector(".md-nav--primary");
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " dl-toggle";
    button.setAttribute("data-toggle-for", label.htmlFor);
    button.innerHTML = label.innerHTML; // the theme's own icon (static SVG)
    if (named) button.setAttribute("aria-label", named.getAttribute("aria-label") || named.getAttribute("placeholder") || "");
    function sync() { button.setAttribute("aria-expanded", box.checked ? "true" : "false"); }
    sync();
    box.addEventListener("change", sync);
    button.addEventListener("click", function () {
      box.checked = !box.checked;
      box.dispatchEvent(new Event("change"));
      if (box.checked && label.htmlFor === "__drawer") {
        var first = document.querySelector(".md-sidebar--primary a");
        if (first) setTimeout(function () { first.focus(); }, 300); // after the drawer's slide-in
      }
    });
    label.replaceWith(button);
  });
  document.addEventListener("keydown", function (ev) {
    var drawer = document.getElementById("__drawer");
    if (ev.key === "Escape" && drawer && drawer.checked) {
      drawer.checked = false;
      drawer.dispatchEvent(new Event("change"));
      var menu = document.querySelector('[data-toggle-for="__drawer"]');
      if (menu) menu.focus();
    }
  });

  var cfgEl = document.getElementById("__config");
  var form = document.forms.namedItem("search");
  if (!cfgEl || !form) return;
  var cfg = JSON.parse(cfgEl.textContent);
  var base = new URL(cfg.base, location.href);
  var tr = cfg.translations;
  var input = form.querySelector(".md-search__input");
  var meta = document.querySelector(".md-search-result__meta");
  var list = document.querySelector(".md-search-result__list");
  var toggle = document.getElementById("__search");
  var worker = null;
  var ready = false;
  var pending = "";

  function start() {
    if (worker) return;
    worker = new Worker(new URL(cfg.search, location.href));
    worker.onmessage = function (ev) {
      var msg = ev.data;
      if (msg.type === 1) { ready = true; if (pending) query(pending); }
      if (msg.type === 3) render(msg.data.items || []);
    };
    fetch(new URL("search/search_index.json", base))
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (index) {
        worker.postMessage({ type: 0, data: { config: index.config, docs: index.docs, options: { suggest: false } } });
      })
      .catch(function () { meta.textContent = tr["search.result.none"]; });
  }

  /* Material's worker turns every word into a prefix ("de" -> "de*"), so in
   * "fecha de corte" the little word "de" matched "deportación" and beat
   * the page the visitor meant. Only the word being typed (the last) is a
   * prefix; the others are whole words ("de^1": boost 1, which the worker
   * leaves alone), so stop words drop out as they do in the index. */
  function prefixOnlyLast(text) {
    var words = text.trim().split(/\s+/);
    return words.map(function (w, i) {
      return i < words.length - 1 && /^[\p{L}\p{N}]+$/u.test(w) ? w + "^1" : w;
    }).join(" ");
  }

  function query(text) {
    pending = text;
    if (!text) { list.textContent = ""; meta.textContent = tr["search.result.placeholder"]; return; }
    if (ready) worker.postMessage({ type: 2, data: prefixOnlyLast(text) + "*" });
  }

  function render(groups) {
    list.textContent = "";
    var n = groups.length;
    meta.textContent = n === 0 ? tr["search.result.none"]
      : n === 1 ? tr["search.result.one"] : tr["search.result.other"].replace("#", n);
    groups.slice(0, 10).forEach(function (group) {
      var doc = group[0];
      var li = document.createElement("li");
      li.className = "md-search-result__item";
      var a = document.createElement("a");
      a.className = "md-search-result__link";
      a.href = new URL(doc.location, base).href;
      var art = document.createElement("article");
      art.className = "md-search-result__article md-typeset";
      var title = document.createElement("p");
      title.className = "dl-search-title";
      title.textContent = doc.title.replace(/<[^>]+>/g, "");
      var text = document.createElement("p");
      text.textContent = (doc.text || "").replace(/<[^>]+>/g, "").slice(0, 160);
      art.append(title, text);
      a.append(art);
      li.append(a);
      list.append(li);
    });
  }

  input.addEventListener("focus", start);
  if (toggle) toggle.addEventListener("change", function () {
    if (toggle.checked) { start(); setTimeout(function () { input.focus(); }, 50); }
  });
  input.addEventListener("input", function () { query(input.value); });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var first = list.querySelector("a");
    if (first) location.href = first.href;
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && toggle && toggle.checked) { toggle.checked = false; input.blur(); }
  });
})();
