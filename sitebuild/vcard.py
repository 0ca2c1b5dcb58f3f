"""The firm's contact card (vCard 3.0, RFC 2426) from data/firm.yml.

hooks/contact.py writes one card per language (contact/firm.vcf and
es/contact/firm.vcf); only the note differs. Values are escaped and long
lines folded as the RFC asks, so phones and address books import it whole.
"""

from __future__ import annotations

from typing import Any

from sitebuild.data import localize


def escape(value: Any) -> str:
    """Escape a text value: backslash, comma, semicolon and newlines."""
    text = str(value)
    for raw, safe in (("\\", "\\\\"), (",", "\\,"), (";", "\\;"), ("\r\n", "\\n"), ("\n", "\\n")):
        text = text.replace(raw, safe)
    return text


def sentence(text: str) -> str:
    """End with one full stop: '9 a.m. to 5 p.m.' stays, never '5 p.m..'."""
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def fold(line: str, limit: int = 75) -> str:
    """Fold a content line at `limit` octets (CRLF + space), never inside a
    UTF-8 character."""
    out: list[str] = []
    current = ""
    size = 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size = " ", 1
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def firm_vcard(firm: dict[str, Any], lang: str, strings: dict[str, str], url: str) -> str:
    """vCard text for the firm, with a note in `lang` (labels from data/strings.yml)."""
    addr = firm["address"]
    languages = ", ".join(str(localize(item["name"], lang)) for item in firm["languages"])
    note = " ".join(sentence(part) for part in (
        f"{localize(firm['attorney_title'], lang)}: {firm['attorney']}",
        f"{strings['hours']}: {localize(firm['hours'], lang)}",
        f"{strings['languages_spoken']}: {languages}",
    ))
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        "N:;;;;",
        f"FN:{escape(firm['name'])}",
        f"ORG:{escape(firm['name'])}",
        "X-ABSHOWAS:COMPANY",
        f"TEL;TYPE=WORK,VOICE:{escape(firm['phone_e164'])}",
        f"EMAIL;TYPE=INTERNET,WORK:{escape(firm['email'])}",
        "ADR;TYPE=WORK:;;" + ";".join(
            escape(addr[key]) for key in ("street", "locality", "region", "postal_code", "country")
        ),
        f"URL:{escape(url)}",
        f"NOTE:{escape(note)}",
        "END:VCARD",
    ]
    return "\r\n".join(fold(line) for line in lines) + "\r\n"
