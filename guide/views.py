"""Routes. Their paths and form field names are a public contract: keep them stable."""
from __future__ import annotations

import hashlib
import re
import threading

from flask import (Blueprint, current_app, g, jsonify, make_response, redirect,
                   render_template, request, url_for)
from flask_babel import force_locale, format_date, gettext as _
from markupsafe import Markup, escape
from werkzeug.exceptions import GatewayTimeout, HTTPException, ServiceUnavailable

from . import crisis, figures, hosts, i18n, locales, pdf
from .checklist import TREATMENT_FIELDS, Choices, Limits, read, treatment_labels
from .content import (CATALOG, CHANGES, CONTENT_VERSION, FEEL_WORSE, FEEL_WORSE_TITLE,
                      HOW_TO_FIRST_STEP, HOW_TO_STEPS, INTRO, KEY_POINTS, LAST_REVIEWED,
                      NOT_ADVICE, PAPER_PURPOSE, PREVIOUS_VERSION, SCHEDULE)
from .presets import PRESETS
from .rendering import Busy, TooSlow

bp = Blueprint("guide", __name__)


def _limits() -> Limits:
    cfg = current_app.config
    return Limits(own_lines=cfg["OWN_QUESTIONS_MAX_LINES"],
                  own_chars=cfg["OWN_QUESTION_MAX_CHARS"],
                  treatment_rows=cfg["TREATMENT_MAX_ROWS"],
                  treatment_chars=cfg["TREATMENT_MAX_CHARS"],
                  answer_chars=cfg["ANSWER_MAX_CHARS"])


# Pages that exist in every language, for the language menu and hreflang links.
_ALTERNATES = {"guide.index", "guide.sources", "guide.visit"}


@bp.app_context_processor
def every_page():
    """What the layout needs on every page, error pages included."""
    country = _country()
    return {
        "catalog": CATALOG,
        "not_advice": NOT_ADVICE,
        "content_version": CONTENT_VERSION,
        "last_reviewed": LAST_REVIEWED,
        "country": country,
        "crisis_line": crisis.line_for(country),
        "crisis_lines": crisis.LINES,
        "unknown_country": crisis.UNKNOWN,
        "format_date": format_date,
        "with_terms": with_terms,
        # On the guide page and on every printed list (_feel_worse.html).
        "feel_worse_title": FEEL_WORSE_TITLE,
        "feel_worse": FEEL_WORSE,
        "changes": CHANGES,
        "previous_version": PREVIOUS_VERSION,
        "alternate_endpoint": request.endpoint if request.endpoint in _ALTERNATES else None,
        "external_origin": hosts.external_origin(),
    }


def with_terms(text, term_ids) -> Markup:
    """``text`` escaped, with each glossary word in it linked to its entry on the page.

    The word is found as the glossary spells it in the page's language (letter case aside).
    Where a translation words it differently, the link follows the sentence instead, so every
    first use still leads to its entry. Neither ``text`` nor the word is ever taken as markup.
    """
    html = str(escape(str(text)))
    spans, after = [], []
    for tid in term_ids:
        word = str(escape(str(CATALOG.term(tid).word)))
        # re's IGNORECASE folds letter by letter, so positions stay those of ``html``. A word
        # in Latin letters starts a word ("IV", not the "iv" of "give").
        start = r"(?<![A-Za-z])" if word[:1].isascii() and word[:1].isalpha() else ""
        found = (re.search(start + re.escape(word), html, re.IGNORECASE)
                 if word.strip() else None)
        if found and not any(a < found.end() and found.start() < b for a, b, _t in spans):
            spans.append((found.start(), found.end(), tid))
        else:
            after.append(f'<a class="term" href="#word-{tid}">{word}</a>')
    for start, end, tid in sorted(spans, reverse=True):
        html = f'{html[:start]}<a class="term" href="#word-{tid}">{html[start:end]}</a>{html[end:]}'
    if after:
        html += " (" + ", ".join(after) + ")"
    return Markup(html)




def _country() -> str:
    """The crisis line's country: as chosen, else the browser's region, else the locale's."""
    if "country" not in g:
        g.country = _find_country()
    return g.country


def _find_country() -> str:
    try:
        values = request.form if request.method == "POST" else request.args
    except HTTPException:
        values = {}  # a body too large to read: the error page still needs a crisis line
    chosen = values.get("country", "").strip()
    if crisis.is_country_code(chosen):
        return chosen.upper()
    return crisis.region_of(request.accept_languages) or i18n.current().crisis_country


def _paper(choices: Choices) -> str:
    """Paper as chosen, else what printers in the person's country hold, else the locale's."""
    if choices.paper:
        return choices.paper
    country = _country()
    if country in crisis.LETTER_COUNTRIES:
        return "letter"
    if country and country != crisis.UNKNOWN:
        return "a4"
    return i18n.current().paper


def _page_context(choices: Choices | None = None, **extra):
    choices = choices or Choices()
    return {"intro": INTRO, "key_points": KEY_POINTS, "limits": _limits(),
            "country_menu": crisis.country_menu(),
            "choices": choices, "paper": _paper(choices), "figures_for": figures.for_section,
            "start_set": PRESETS["start"],
            "schedule": SCHEDULE,
            "visit_lines": _visit_lines(), "how_to_first": HOW_TO_FIRST_STEP,
            "how_to_steps": HOW_TO_STEPS,
            "treatment_fields": list(zip(TREATMENT_FIELDS, treatment_labels())), **extra}


@bp.get("/")
def root():
    response = redirect(url_for("guide.index", lang=i18n.negotiate(request.accept_languages)))
    response.vary.add("Accept-Language")
    return response


@bp.get("/healthz")
def healthz():
    return jsonify(status="ok", content_version=CONTENT_VERSION,
                   build=current_app.config["BUILD_ID"])


def _cached_page(template: str, choices: Choices | None = None):
    """A GET page, rendered once per language, country and starting set: these pages hold
    nothing personal, and rendering one costs far more than sending it."""
    cache = current_app.extensions["page_cache"]
    # Only what the page depends on, so that nobody can fill the cache (and push the real
    # pages out) with query strings or Host headers that change nothing. The origin is
    # there because hreflang links may be absolute; it is never a host the client made up.
    key = (current_app.config["BUILD_ID"], template, i18n.current().tag, _country(),
           tuple(choices.questions) if choices else (), hosts.external_origin())
    body = cache.get(key)
    if body is None:
        body = render_template(template, **_page_context(choices)).encode("utf-8")
        cache.put(key, body)
    response = make_response(body)
    response.mimetype = "text/html"
    response.vary.add("Accept-Language")
    return response


@bp.get("/<lang>/")
def index():
    if not any(name.strip() for name in request.args.getlist("preset")):
        return _cached_page("guide.html")
    # A starting set ticked (presets.py): nothing personal, so cached like the plain page.
    choices, problem = _read_choices()
    return problem or _cached_page("guide.html", choices)


@bp.get("/<lang>/sources")
def sources():
    return _cached_page("sources.html")


@bp.get("/<lang>/visit")
def visit():
    """The visit screen. The page holds every question and nothing personal: the script
    shows the person's own list from their device, so it can be cached and work offline."""
    return _cached_page("visit.html")


@bp.route("/<lang>/checklist", methods=("GET", "POST"))
def checklist_page():
    """The checklist as a printable page: the Print button's target when JavaScript is off."""
    choices, problem = _read_choices()
    if problem is not None:
        return problem
    response = make_response(render_template("checklist.html",
                                             **_checklist_context(choices, for_pdf=False)))
    if request.method == "POST":
        response.cache_control.no_store = True  # it shows what the person typed
    return response


@bp.route("/<lang>/checklist.pdf", methods=("GET", "POST"))
def checklist_pdf():
    choices, problem = _read_choices()
    if problem is not None:
        return problem
    loc = i18n.current()
    paper = _paper(choices)
    country = _country()

    service = current_app.extensions["pdf"]

    def make_html():
        return render_template("checklist.html", **_checklist_context(choices, for_pdf=True))

    try:
        if request.method == "GET":
            key = _pdf_key(loc.tag, choices, paper, country)
            etag = _etag(key)
            if request.if_none_match.contains(etag):
                response = make_response("", 304)
                response.set_etag(etag)
                # A 304 updates what a cache keeps: it says what the 200 says.
                return _public(response)
            pdf = service.pdf_for(key, make_html, _items(choices))
        else:
            pdf = service.render(make_html, _items(choices))  # personal text: never cached
    except Busy:
        raise ServiceUnavailable(retry_after=current_app.config["RETRY_AFTER"]) from None
    except TooSlow:
        raise GatewayTimeout() from None

    response = make_response(pdf)
    response.mimetype = "application/pdf"
    response.headers["Content-Disposition"] = (
        f'attachment; filename="ketamine-questions-{loc.tag}.pdf"')
    if request.method == "GET":
        response.set_etag(etag)
        _public(response)
    else:
        # It holds what the person typed: no cache anywhere may keep it.
        response.cache_control.no_store = True
    return response


def _public(response):
    """A GET PDF's caching: the same for everyone who sends the same region."""
    response.vary.add("Accept-Language")
    response.cache_control.public = True
    response.cache_control.max_age = 3600
    return response


def _read_choices():
    """The request's choices, or the response that explains what is wrong with them."""
    posted = request.method == "POST"
    choices = read(request.form if posted else request.args, CATALOG, _limits(),
                   with_own=posted, lang=i18n.current().tag)
    if not choices.errors:
        return choices, None
    if posted:
        # Show the form again with everything the person chose and typed, and what to fix.
        response = make_response(render_template("guide.html", **_page_context(choices=choices)),
                                 400)
        response.cache_control.no_store = True  # it holds what the person typed
        return choices, response
    page = render_template("error.html", title=_("This link does not work"),
                           message=" ".join(choices.errors), code=400)
    return choices, (page, 400)


def _checklist_context(choices: Choices, *, for_pdf: bool) -> dict:
    top = [CATALOG.question(qid) for qid in choices.top]
    wanted = set(choices.questions) - set(choices.top)
    sections = [
        (section, [q for q in section.questions if choices.whole_guide or q.id in wanted])
        for section in CATALOG.sections
    ]
    paper = _paper(choices)
    # Translators: the footer of each printed page; keep {page} and {pages} as they are.
    page_of = _("Page {page} of {pages}")
    edition = _("Version %(version)s, %(date)s", version=CONTENT_VERSION,
                date=format_date(LAST_REVIEWED, "medium"))
    also = locales.BY_TAG[choices.also] if choices.also else None
    return dict(
        intro=INTRO,
        for_pdf=for_pdf,
        also=also,
        in_also=_in_language(also) if also else None,
        paper=paper,
        page_rules=Markup(pdf.page_rules(paper, edition, page_of, i18n.current().direction)),
        paper_purpose=PAPER_PURPOSE,
        how_to=(HOW_TO_FIRST_STEP["whole" if choices.whole_guide else "chosen"],
                *(step.text for step in HOW_TO_STEPS)),
        # The summary belongs to the whole guide; a person's own list is their summary.
        key_points=KEY_POINTS if choices.whole_guide else (),
        visit_lines=_visit_lines(),
        term_notes=term_notes([*top, *(q for _s, qs in sections for q in qs)]),
        figures_for=figures.printed_in_section,
        column_split=pdf.column_split,
        top_questions=top,
        sections=[(s, qs) for s, qs in sections if qs],
        own_questions=choices.own,
        answers=choices.answers,
        treatments=choices.treatments,
        treatment_labels=treatment_labels(),
        choices=choices,
    )


def term_notes(printed) -> dict[str, list[str]]:
    """What the words mean, under the first printed question that uses each: the PDF has no
    glossary. ``printed`` is the questions in the order they print."""
    return {qid: [_("%(word)s: %(meaning)s", word=term.word, meaning=term.meaning)
                  for term in terms]
            for qid, terms in CATALOG.first_uses(printed).items()}


def _visit_lines() -> tuple:
    """What a person fills in by hand on page 1: the visit, and whom to call after it."""
    return (_("Date of visit:"), _("Doctor or clinician:"), _("Clinic phone:"),
            _("After-hours phone:"), _("My ride home:"))


def _in_language(loc: locales.SupportedLocale):
    """``in_also(text)`` in templates: a lazy string, or a macro's output (called with the
    arguments that follow), in the second language of a two-language checklist."""
    def render(value, *args):
        with force_locale(loc.babel):
            return value(*args) if callable(value) else str(value)
    return render


def _items(choices: Choices) -> int:
    """How many questions a checklist lists: what its render time depends on most."""
    listed = len(CATALOG.question_ids) if choices.whole_guide else len(choices.questions)
    # A second language prints every question twice.
    return (listed * (2 if choices.also else 1) + len(choices.own) + len(choices.treatments))


def _pdf_key(tag: str, choices: Choices, paper: str, country: str) -> tuple:
    """What a GET PDF depends on: same key, same bytes."""
    return (current_app.config["BUILD_ID"], tag, tuple(choices.questions), tuple(choices.top),
            paper, country, choices.also, choices.large)


def _etag(key: tuple) -> str:
    return hashlib.sha256(repr(key).encode()).hexdigest()[:32]


def prewarm(app) -> None:
    """Render every language's whole-guide PDF once, in the background, so the first person
    to ask for one does not wait for it."""
    threading.Thread(target=prepare_whole_guides, args=(app,), name="guide-prewarm",
                     daemon=True).start()


def prepare_whole_guides(app) -> None:
    for loc in locales.LOCALES:
        path = f"/{loc.tag}/checklist.pdf"
        # Under a host TRUSTED_HOSTS accepts: Flask builds no URL for any other.
        with app.test_request_context(path, base_url=hosts.internal_base_url(app)):
            app.preprocess_request()
            choices = Choices()
            key = _pdf_key(loc.tag, choices, _paper(choices), _country())
            try:
                app.extensions["pdf"].pdf_for(key, lambda: render_template(
                    "checklist.html", **_checklist_context(choices, for_pdf=True)),
                    _items(choices))
            except Exception:  # a failure here only means the first request renders
                app.logger.exception("could not prepare %s", path)
