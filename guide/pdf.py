"""Turning a checklist page into a PDF with WeasyPrint, fetching nothing from outside.

WeasyPrint's default fetcher follows any URL it meets (http, file, ...). Ours only opens
files inside the app's static folder, so neither a template mistake nor anything a person
types can make the renderer reach the network or read other files.
"""
from __future__ import annotations

import logging
import mimetypes
import re
import threading
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from . import text_layer

log = logging.getLogger(__name__)

# Script-specific font files are large; a render loads them only when its text needs them
# (a page in that language, a crisis line's name, or what a person typed).
FONT_SHEETS = (
    ("css/fonts-arabic.css", re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff"
                                        "\ufb50-\ufdff\ufe70-\ufeff]")),
    ("css/fonts-sc.css", re.compile("[\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf"
                                    "\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")),
)

# PDF/UA-1: tagged structure, document language and a title shown in the viewer's title
# bar, so screen readers can read the checklist.
PDF_VARIANT = "pdf/ua-1"


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string that cannot end the string or the style element."""
    escaped = "".join(ch if ch.isalnum() or ch in " .,:;-_/()%" else f"\\{ord(ch):x} "
                      for ch in str(text))
    return f'"{escaped}"'


def column_split(items) -> int:
    """Where to cut a short list into two columns of about equal height, as CSS columns
    would balance them. The PDF prints the halves as two lists side by side: WeasyPrint
    balances CSS columns by laying them out again and again, a third of a large-print
    render. Heights are guessed by wrapping each item at about 42 characters a line."""
    heights = [_lines(str(item)) + 0.3 for item in items]  # + the space between items
    if len(heights) < 2:
        return len(heights)
    # The taller column as short as can be; on a tie the first column is the shorter,
    # which is what the real layout preferred when the guess was even (measured on page 1
    # of every language).
    return min(range(1, len(heights)),
               key=lambda k: (max(sum(heights[:k]), sum(heights[k:])), k))


def _lines(text: str, width: int = 42) -> int:
    """Lines ``text`` takes when wrapped greedily at ``width`` (a Chinese character, which
    may break anywhere, counts two)."""
    def wide(c):
        return unicodedata.east_asian_width(c) in "WF"
    words = [piece for word in text.split() for piece in
             (list(word) if any(wide(c) for c in word) else [word])]
    lines, used = 1, 0
    for word in words:
        size = sum(2 if wide(c) else 1 for c in word)
        gap = 0 if used == 0 or wide(word[0]) else 1
        if used and used + gap + size > width:
            lines, used = lines + 1, size
        else:
            used += gap + size
    return lines


def page_rules(paper: str, edition: str, page_of: str, direction: str = "ltr") -> str:
    """The @page rule: paper size, edition at the bottom left, "Page X of Y" at the right,
    and at the top, where a line starts, the section that a page break cut in two.

    ``page_of`` is a translated sentence holding the markers ``{page}`` and ``{pages}``,
    which become the CSS page counters wherever the translation puts them. The running
    header is the ``section`` string the template sets after each heading ("... (continued)")
    and clears at each section's end; ``start`` takes its value as the page begins, so a
    page that begins with a new heading shows none.
    """
    content = []
    for i, piece in enumerate(page_of.replace("{pages}", "\0pages\0")
                              .replace("{page}", "\0page\0").split("\0")):
        if i % 2:
            content.append(f"counter({piece})")
        elif piece:
            content.append(css_string(piece))
    size = "A4" if paper == "a4" else "letter"
    return (f"@page {{ size: {size}; "
            f"@bottom-left {{ content: {css_string(edition)}; }} "
            f"@bottom-right {{ content: {' '.join(content)}; }} "
            f"@top-{'right' if direction == 'rtl' else 'left'} {{ content: string(section, start); }} }}")


class RefusedURL(ValueError):
    """A URL outside the static folder; WeasyPrint skips the resource and carries on."""


class StaticOnlyFetcher(URLFetcher):
    def __init__(self, root: Path):
        super().__init__(allowed_protocols=("file",), allow_redirects=False)
        self.root = root.resolve()

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            raise RefusedURL(f"refused {parts.scheme or 'relative'} URL")
        path = Path(unquote(parts.path)).resolve()
        if not path.is_relative_to(self.root) or not path.is_file():
            raise RefusedURL("refused a file outside the static folder")
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": mime})


class Renderer:
    """One per app: the font configuration and fetcher are reused across renders."""

    def __init__(self, static_root: Path):
        text_layer.install()
        self.static_root = Path(static_root).resolve()
        self.base_url = self.static_root.as_uri() + "/"
        self.fetcher = StaticOnlyFetcher(self.static_root)
        self.fonts = FontConfiguration()
        # The font configuration holds Pango state that is not safe to share between
        # threads; renders are CPU-bound anyway, so one at a time per process costs nothing.
        self._lock = threading.Lock()

    def render(self, html: str) -> bytes:
        sheets = "".join(f'<link rel="stylesheet" href="{sheet}">'
                         for sheet, script in FONT_SHEETS if script.search(html))
        html = html.replace("</head>", sheets + "</head>", 1)
        document = HTML(string=html, base_url=self.base_url, url_fetcher=self.fetcher)
        with self._lock:
            return document.write_pdf(font_config=self.fonts, pdf_variant=PDF_VARIANT)
