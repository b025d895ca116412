"""Error pages: what went wrong, in the page's language, with a way back to the guide."""
from __future__ import annotations

from flask import current_app, make_response, render_template, request
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException

from . import crisis, hosts, i18n


def init_app(app) -> None:
    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if hosts.refused():
            return refused_host_page()
        messages = {
            400: (_("That did not work"),
                  _("The request was not complete or not in the form this guide expects. "
                    "Please start again from the guide.")),
            404: (_("Page not found"),
                  _("We could not find that page. It may have moved, or the link may have a "
                    "typo. The guide is available in these languages:")),
            405: (_("That did not work"),
                  _("This page cannot be used that way. Please start again from the guide.")),
            413: (_("Too much text"),
                  _("What you sent is larger than 64 KB, the most this guide accepts. Please "
                    "go back, shorten your own questions and try again. Your browser's Back "
                    "button should keep what you typed.")),
            503: (_("The guide is busy"),
                  _("Many people are making a PDF right now. Please try again in a minute. "
                    "Your choices are not lost: go back and press Download PDF again.")),
            504: (_("Making the PDF took too long"),
                  _("Please try again. If it happens again, choose fewer questions, or print "
                    "your list instead.")),
        }
        title, message = messages.get(error.code, (
            _("Something went wrong"),
            _("Something went wrong on our side. Please try again in a moment.")))
        response = make_response(render_template("error.html", title=title, message=message,
                                                 code=error.code), error.code)
        # Keep what the exception carries for clients, such as Retry-After on a 503.
        for name, value in error.get_headers():
            if name.lower() != "content-type":
                response.headers[name] = value
        return response


def refused_host_page():
    """A plain 400 for a Host that Flask refused (see hosts.refused), in the language of the
    path.

    Flask builds no URL for such a request, and nothing here may name the host, so the page
    has no links and no stylesheet. It is rendered from its own small context: the context
    processors build URLs and read the body, and none of that is wanted for a request that
    was not meant for this site. The crisis line is there all the same: every page has it.
    """
    loc = i18n.current()
    country = crisis.region_of(request.accept_languages) or loc.crisis_country
    html = current_app.jinja_env.get_template("refused_host.html").render(
        locale=loc, title=_("That did not work"),
        message=_("The request was not complete or not in the form this guide expects. "
                  "Please start again from the guide."),
        country=country, crisis_line=crisis.line_for(country), crisis_lines=crisis.LINES,
        unknown_country=crisis.UNKNOWN)
    return make_response(html, 400)
