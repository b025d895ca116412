"""Fixtures: the app, a client, and a way to read a PDF back."""
from __future__ import annotations

import io
import logging
import os

import pytest
from hypothesis import settings
from pypdf import PdfReader

from guide import create_app
from guide.locales import LOCALES
from pdftext import fold

# Generated hostile input (test_reading_choices.py, test_hostile_requests.py): enough
# examples to find the odd case, few enough for two shared cores. No deadline: a request
# that renders a page or a PDF takes as long as the machine's load makes it. The default
# run is derandomized, so CI on a fresh machine runs exactly the examples a developer ran:
# a new case found there would otherwise block a landing it has nothing to do with.
# HYPOTHESIS_PROFILE=thorough digs deeper, at random, when you have the time.
settings.register_profile("guide", max_examples=150, deadline=None, derandomize=True,
                          database=None)
settings.register_profile("thorough", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "guide"))


@pytest.fixture(scope="session")
def app():
    """One app for the whole run: its PDF renderer keeps its fonts loaded between tests."""
    app = create_app({"TESTING": True})
    yield app
    app.extensions["pdf"].close()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(params=[loc.tag for loc in LOCALES])
def lang(request):
    """Every shipped language, by its URL tag."""
    return request.param


@pytest.fixture(autouse=True)
def quiet_weasyprint(caplog):
    # Refused fetches are logged with a traceback at ERROR; the tests assert on the refusal
    # itself, so the noise only hides real failures.
    caplog.set_level(logging.CRITICAL, logger="weasyprint")


class ReadPdf:
    """A PDF response read back: its pages' text, with line breaks folded into spaces."""

    def __init__(self, data: bytes):
        assert data.startswith(b"%PDF-"), data[:40]
        self.reader = PdfReader(io.BytesIO(data))
        self.pages = [fold(page.extract_text()) for page in self.reader.pages]
        self.text = " ".join(self.pages)

    def __contains__(self, text: str) -> bool:
        return fold(text) in self.text

    @property
    def visual_text(self) -> str:
        """The pages' text as they look, top to bottom. The plain text follows the order the
        PDF paints in, which puts positioned boxes (each question) after their neighbours.
        Right-to-left text reads backwards here: use it for other scripts."""
        return " ".join(fold(page.extract_text(extraction_mode="layout"))
                        for page in self.reader.pages)

    def index(self, text: str) -> int:
        """Where ``text`` first appears in the document's text (ValueError if it does not)."""
        return self.text.index(fold(text))

    def page_of(self, text: str) -> list[int]:
        return [i for i, page in enumerate(self.pages) if fold(text) in page]

    def font_sizes(self, text: str) -> list[float]:
        """The size in points of each run of text on the pages that contains ``text``."""
        sizes = []

        def visit(run, cm, tm, font, size):
            if fold(text) in fold(run):
                # WeasyPrint scales the page (CSS px to pt) in the matrix, not in Tf.
                sizes.append(round(size * abs(tm[0]) * abs(cm[0]), 1))

        for page in self.reader.pages:
            page.extract_text(visitor_text=visit)
        return sizes

    @property
    def fonts(self) -> set[str]:
        names = set()
        for page in self.reader.pages:
            fonts = page["/Resources"].get_object().get("/Font", {})
            for ref in fonts.values():
                font = ref.get_object()
                descendants = font.get("/DescendantFonts")
                target = descendants[0].get_object() if descendants else font
                descriptor = target["/FontDescriptor"].get_object()
                if any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    names.add(str(font["/BaseFont"]).split("+", 1)[-1])
        return names


@pytest.fixture
def read_pdf():
    return ReadPdf
