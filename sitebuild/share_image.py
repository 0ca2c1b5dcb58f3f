"""The social share image (1200x630 PNG), drawn at build time from the firm
facts with Pillow, so a new name or phone number shows up on the next build.
hooks/firm.py adds it to the site as assets/img/share.png.

Fonts: DejaVu Sans (Debian's fonts-dejavu-core, installed by .ci/run); when
it is missing, Pillow's built-in font, so the build never depends on it."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

SIZE = (1200, 630)
NAVY, GOLD, WHITE, CREAM = "#0e2238", "#c8962e", "#ffffff", "#ffd98a"
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
HEADLINE = "Drug possession charge in North Carolina?"
SUBLINE = "Diversion may keep a conviction off your record."


def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in FONT_DIRS:
        if (folder / name).is_file():
            return ImageFont.truetype(str(folder / name), size)
    return ImageFont.load_default(size)


def wrap(draw: ImageDraw.ImageDraw, text: str, face: Any, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        trial = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(trial, font=face) <= width:
            lines[-1] = trial
        else:
            lines.append(word)
    return lines


def share_png(firm: dict[str, Any]) -> bytes:
    """The image as PNG bytes: headline, subline, then name · phone."""
    img = Image.new("RGB", SIZE, NAVY)
    draw = ImageDraw.Draw(img)
    x, width = 90, SIZE[0] - 180
    draw.rectangle((x, 110, x + 120, 118), fill=GOLD)
    y = 160
    for text, face, colour, gap in ((HEADLINE, font(60, True), WHITE, 72),
                                    (SUBLINE, font(38), CREAM, 50)):
        for line in wrap(draw, text, face, width):
            draw.text((x, y), line, font=face, fill=colour)
            y += gap
        y += 24
    y = max(y + 10, 470)
    for text, face in ((str(firm["name"]), font(32, True)),
                       (f"{firm['phone']} · Hablamos español", font(32))):
        for line in wrap(draw, text, face, width):
            draw.text((x, y), line, font=face, fill=WHITE)
            y += 44
    out = io.BytesIO()
    img.save(out, format="PNG")
    return out.getvalue()
