/* Contact form: progressive enhancement of overrides/partials/contact.html.
 *
 * Without this script the page still offers phone, email and address, and
 * the form posts natively when an endpoint is configured (or stays hidden
 * when there is none). With it:
 * - the fields are checked here, errors listed in a summary that takes the
 *   focus and tied to each field with aria-describedby;
 * - each message carries an id (hidden field, and a line of the email) that
 *   stays the same when the visitor tries again, so the firm can spot the
 *   same message twice; a second submit is ignored while one is under way;
 * - with an endpoint (form action) the message is POSTed with fetch
 *   (multipart; URL-encoded to the page's own address in Netlify mode).
 *   Only a clear answer counts: 2xx is "sent", 4xx/5xx is "not sent", and
 *   an offline device is "not sent". A slow answer, a redirect or an answer
 *   the browser will not let us read (no CORS header, or a dropped
 *   connection: fetch cannot tell these from a failure after the request
 *   left) is "we may have it, call us to be sure". Every field keeps what
 *   the visitor typed in all of these;
 * - without an endpoint the same fields become an email to the firm (mailto:).
 * Words come from the page (data-contact-strings), never from this file.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-contact]");
  if (!root) return; // loaded on the contact page only; nothing to enhance elsewhere

  function need(selector) {
    var el = root.querySelector(selector);
    if (!el) throw new Error("contact.js: missing " + selector + " in the contact page markup");
    return el;
  }

  var form = need("[data-contact-form]");
  var summary = need("[data-contact-summary]");
  var summaryList = need("[data-contact-summary-list]");
  var status = need("[data-contact-status]");
  var submit = need("[data-contact-submit]");
  var strings = JSON.parse(root.getAttribute("data-contact-strings") || "{}");
  var endpoint = form.getAttribute("action") || "";
  var netlify = form.getAttribute("data-contact-mode") === "netlify";
  var idField = need("#cf-id");
  var reachHint = need("[data-contact-reach-hint]");
  var fields = {
    name: need("#cf-name"),
    phone: need("#cf-phone"),
    email: need("#cf-email"),
    message: need("#cf-message"),
    consent: need("#cf-consent"),
    gotcha: need("#cf-gotcha"),
    time: need("#cf-time"),
    courtDate: need("#cf-court-date"),
    county: need("#cf-county")
  };
  var TIMEOUT_MS = 20000;
  var inFlight = false;

  // Our own messages replace the browser's bubbles, which screen readers
  // announce inconsistently and which cannot express "phone or email".
  form.noValidate = true;
  form.hidden = false;
  var fallback = root.querySelector("[data-contact-fallback]");
  if (fallback) fallback.hidden = true;
  if (!endpoint) submit.textContent = strings.submit_mailto;
  // The HTML asks for a phone (all a browser can check on its own); here the
  // rule is "a phone, an email, or both".
  fields.phone.required = false;
  reachHint.textContent = strings.reach_hint;

  /* A random id for this message (RFC 4122 version 4). crypto.randomUUID
   * needs a secure context; getRandomValues works everywhere. */
  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }
  // Same id for every try of the same message; a new one after it is sent.
  function messageId() {
    if (!idField.value) idField.value = newId();
    return idField.value;
  }

  function text(value) {
    return String(value || "").trim();
  }

  function digits(value) {
    return value.replace(/\D/g, "").length;
  }

  /* [{input, errorId, message}] for every problem, in page order. */
  function check() {
    var problems = [];
    var phone = text(fields.phone.value);
    var email = text(fields.email.value);
    if (!text(fields.name.value)) {
      problems.push({ input: fields.name, errorId: "cf-name-error", message: strings.err_name });
    }
    if (!phone && !email) {
      problems.push({ input: fields.phone, errorId: "cf-reach-error", message: strings.err_contact,
                      also: [fields.email] });
    }
    if (phone && (digits(phone) < 10 || /[^\d\s().+\-]/.test(phone))) {
      problems.push({ input: fields.phone, errorId: "cf-phone-error", message: strings.err_phone });
    }
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      problems.push({ input: fields.email, errorId: "cf-email-error", message: strings.err_email });
    }
    if (!fields.consent.checked) {
      problems.push({ input: fields.consent, errorId: "cf-consent-error", message: strings.err_consent });
    }
    return problems;
  }

  function describedBy(input, id, on) {
    var ids = (input.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
    ids = ids.filter(function (x) { return x !== id; });
    if (on) ids.unshift(id);
    if (ids.length) input.setAttribute("aria-describedby", ids.join(" "));
    else input.removeAttribute("aria-describedby");
  }

  function clearErrors() {
    Array.prototype.forEach.call(root.querySelectorAll("[data-contact-error]"), function (el) {
      Array.prototype.forEach.call(form.querySelectorAll("[aria-describedby~='" + el.id + "']"), function (input) {
        describedBy(input, el.id, false);
        input.removeAttribute("aria-invalid");
      });
      el.textContent = "";
      el.hidden = true;
    });
    summaryList.textContent = "";
    summary.hidden = true;
  }

  function showErrors(problems) {
    problems.forEach(function (p) {
      var el = document.getElementById(p.errorId);
      el.textContent = p.message;
      el.hidden = false;
      [p.input].concat(p.also || []).forEach(function (input) {
        describedBy(input, p.errorId, true);
        input.setAttribute("aria-invalid", "true");
      });
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#" + p.input.id;
      link.textContent = p.message;
      link.addEventListener("click", function (event) {
        // An in-page link scrolls but does not move the focus into the field.
        event.preventDefault();
        p.input.focus();
      });
      item.appendChild(link);
      summaryList.appendChild(item);
    });
    summary.hidden = false;
    summary.focus();
  }

  function say(kind, parts, focus) {
    status.className = "dl-form__status dl-form__status--" + kind;
    status.textContent = "";
    parts.forEach(function (part) {
      if (typeof part === "string") {
        var p = document.createElement("p");
        p.textContent = part;
        status.appendChild(p);
      } else {
        status.appendChild(part);
      }
    });
    if (focus) status.focus();
  }

  function callLine() {
    var p = document.createElement("p");
    var a = document.createElement("a");
    a.href = root.getAttribute("data-contact-tel");
    a.textContent = root.getAttribute("data-contact-phone");
    p.appendChild(document.createTextNode(strings.call_instead + " "));
    p.appendChild(a);
    p.appendChild(document.createTextNode("."));
    return p;
  }

  function busy(on) {
    inFlight = on;
    submit.disabled = on;
    form.setAttribute("aria-busy", on ? "true" : "false");
  }

  function labelOf(input) {
    var label = form.querySelector("label[for='" + input.id + "']");
    var copy = label.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll(".dl-form__req"), function (el) { el.remove(); });
    return text(copy.textContent);
  }

  /* A radio group as "legend: chosen label". */
  function choice(name) {
    var group = need("[data-contact-field='" + name + "']");
    var checked = group.querySelector("input[type='radio']:checked");
    return [text(group.querySelector("legend").textContent), checked ? labelOf(checked) : ""];
  }

  function chosen(select) {
    return select.value ? select.options[select.selectedIndex].text : "";
  }

  /* The same fields as the form, as an email to the firm. */
  function mailtoUrl() {
    var lines = [
      [strings.reference, messageId()],
      [labelOf(fields.name), text(fields.name.value)],
      [labelOf(fields.phone), text(fields.phone.value)],
      [labelOf(fields.email), text(fields.email.value)],
      choice("language"),
      [labelOf(fields.time), fields.time.options[fields.time.selectedIndex].text],
      choice("voicemail"),
      [labelOf(fields.courtDate), fields.courtDate.value],  // ISO date: YYYY-MM-DD, the same in every language
      [labelOf(fields.county), chosen(fields.county)],
      [labelOf(fields.message), ""]
    ].map(function (pair) { return pair[0] + ": " + pair[1]; });
    var body = lines.join("\r\n") + "\r\n" + text(fields.message.value) + "\r\n";
    var subject = strings.mail_subject + " – " + text(fields.name.value);
    return "mailto:" + encodeURI(root.getAttribute("data-contact-mailto")) +
      "?subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(body);
  }

  function composeEmail() {
    var link = document.createElement("a");
    link.href = mailtoUrl();
    link.textContent = strings.mailto_link;
    link.setAttribute("data-contact-mailto-link", "");
    var p = document.createElement("p");
    p.appendChild(link);
    say("info", [strings.mailto_ready, p, strings.reply_promise, callLine()], false);
    link.click(); // opens the visitor's email app; the link stays for a second try
  }

  function body() {
    var data = new FormData(form);
    // Netlify Forms reads a URL-encoded POST (its own documented example).
    return netlify ? new URLSearchParams(data).toString() : data;
  }

  function post() {
    messageId();
    if (navigator.onLine === false) {
      // Nothing left the device: a true "not sent".
      say("error", [strings.err_network, strings.kept, callLine()], true);
      return;
    }
    var controller = window.AbortController ? new AbortController() : null;
    var timer = controller ? window.setTimeout(function () { controller.abort(); }, TIMEOUT_MS) : null;
    var headers = { Accept: "application/json" };
    if (netlify) headers["Content-Type"] = "application/x-www-form-urlencoded";
    busy(true);
    say("info", [strings.sending], false);
    fetch(endpoint, {
      method: "POST",
      body: body(),
      headers: headers,
      redirect: "manual", // a redirect is an answer we cannot read: see "maybe" below
      credentials: "omit",
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      if (response.ok) {
        form.reset();
        idField.value = "";
        say("success", [strings.sent, strings.reply_promise], true);
      } else if (response.type === "opaqueredirect" || response.status === 0) {
        say("warning", [strings.maybe, strings.kept, callLine()], true);
      } else {
        // The service answered and said no: the message did not go through.
        say("error", [strings.err_server, strings.kept, callLine()], true);
      }
    }, function () {
      // Timed out, answer unreadable (no CORS header), connection dropped,
      // or the server unreachable: from here these look the same, and in
      // the first three the message may well have arrived. Say so honestly.
      say("warning", [strings.maybe, strings.kept, callLine()], true);
    }).then(function () {
      if (timer) window.clearTimeout(timer);
      busy(false);
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (inFlight) return; // one message at a time: a double click sends it once
    clearErrors();
    status.textContent = "";
    if (text(fields.gotcha.value)) {
      // Only bots fill the hidden field: act as if it worked, send nothing.
      say("success", [strings.sent, strings.reply_promise], true);
      return;
    }
    var problems = check();
    if (problems.length) {
      showErrors(problems);
      return;
    }
    if (endpoint) post();
    else composeEmail();
  });
})();
