/* My court date: enhances form[data-court-date] (overrides/partials/court_date.html).
   The button makes an iCalendar file (RFC 5545) in the browser and downloads
   it: the date and time typed, the courthouse's address as the place,
   reminders a week and a day before. Nothing is sent or stored; the file is
   a blob: URL of this page. The words come from the form's data-* attributes
   (data/strings.yml), in the page's language. */
(() => {
  "use strict";
  const pad = (n) => String(n).padStart(2, "0");
  // TEXT values: backslash, semicolon, comma and line breaks are escaped (RFC 5545 3.3.11).
  const esc = (s) => s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
  // Lines longer than 75 octets are folded: CRLF and one space (3.1), never inside a character.
  const fold = (line) => {
    const enc = new TextEncoder();
    let out = "", n = 0;
    for (const ch of line) {
      const size = enc.encode(ch).length;
      if (n + size > 75) { out += "\r\n "; n = 1; }
      out += ch;
      n += size;
    }
    return out;
  };
  const stamp = (d) => d.getUTCFullYear() + pad(d.getUTCMonth() + 1) + pad(d.getUTCDate()) +
    "T" + pad(d.getUTCHours()) + pad(d.getUTCMinutes()) + pad(d.getUTCSeconds());
  // Calendar arithmetic on the typed values only (UTC fields, so no daylight-saving shift).
  const local = (d, withTime) => d.getUTCFullYear() + pad(d.getUTCMonth() + 1) + pad(d.getUTCDate()) +
    (withTime ? "T" + pad(d.getUTCHours()) + pad(d.getUTCMinutes()) + "00" : "");
  const uid = () => (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2) + Date.now());

  function calendar({ ymd, hm, title, place, notes, alarm, lang }) {
    const [y, m, d] = ymd.split("-").map(Number);
    const lines = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//" + location.hostname + "//court date//" + lang.toUpperCase(),
      "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "BEGIN:VEVENT",
      "UID:" + uid() + "@" + (location.hostname || "localhost"),
      "DTSTAMP:" + stamp(new Date()) + "Z",
    ];
    let before;
    if (hm) {
      const [h, min] = hm.split(":").map(Number);
      const start = new Date(Date.UTC(y, m - 1, d, h, min));
      // Floating local time: the phone shows it at the hour typed, where the visitor is.
      lines.push("DTSTART:" + local(start, true), "DTEND:" + local(new Date(start.getTime() + 2 * 3600e3), true));
      before = ["-P7D", "-P1D"];
    } else {
      const start = new Date(Date.UTC(y, m - 1, d));
      lines.push("DTSTART;VALUE=DATE:" + local(start), "DTEND;VALUE=DATE:" + local(new Date(start.getTime() + 864e5)));
      before = ["-P6DT15H", "-PT15H"]; // 9 a.m., 7 days and 1 day before the day
    }
    lines.push("SUMMARY;LANGUAGE=" + lang + ":" + esc(title));
    if (place) lines.push("LOCATION:" + esc(place));
    lines.push("DESCRIPTION;LANGUAGE=" + lang + ":" + esc(notes));
    for (const t of before) {
      lines.push("BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:" + t, "DESCRIPTION:" + esc(alarm), "END:VALARM");
    }
    lines.push("END:VEVENT", "END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  function enhance(form) {
    const need = (sel) => {
      const n = form.querySelector(sel);
      if (!n) throw new Error("court-date.js: required markup missing: " + sel);
      return n;
    };
    const s = form.dataset;
    const date = need('input[type="date"]'), time = need('input[type="time"]'), court = need("select");
    const error = need("[data-court-date-error]"), status = need("[data-court-date-status]");
    let url = null;

    const problem = () => {
      if (date.validity.badInput) return s.errBad;
      if (!date.value) return s.errEmpty;
      const [y, m, d] = date.value.split("-").map(Number);
      const day = new Date(Date.UTC(y, m - 1, d));
      if (!(y >= 1000) || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) return s.errBad;
      const now = new Date();
      const today = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
      return date.value < today ? s.errPast : "";
    };
    const clear = () => {
      error.textContent = "";
      date.removeAttribute("aria-invalid");
      date.removeAttribute("aria-describedby");
    };
    date.addEventListener("input", clear);

    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const bad = problem();
      if (bad) {
        // Keep what was typed; say what is wrong next to the field and go there.
        error.textContent = bad;
        date.setAttribute("aria-invalid", "true");
        date.setAttribute("aria-describedby", error.id);
        status.replaceChildren();
        date.focus();
        return;
      }
      clear();
      const opt = court.selectedOptions[0];
      const text = calendar({
        ymd: date.value,
        hm: time.validity.valid ? time.value : "",
        title: s.title + (opt && opt.value ? " (" + opt.textContent + ")" : ""),
        place: opt ? opt.dataset.location : "",
        notes: s.notes,
        alarm: s.alarm,
        lang: s.lang,
      });
      if (url) URL.revokeObjectURL(url);
      url = URL.createObjectURL(new Blob([text], { type: "text/calendar;charset=utf-8" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = s.file + "-" + date.value + ".ics";
      a.textContent = a.download;
      status.replaceChildren(s.ready + " ", a);
      a.click();
    });

    for (const n of form.parentElement.querySelectorAll("[data-court-date-nojs]")) n.hidden = true;
    form.hidden = false;
  }

  for (const form of document.querySelectorAll("form[data-court-date]")) enhance(form);
})();
