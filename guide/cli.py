"""``flask translate ...``: one command for each step of a translator's work.

    flask translate extract        collect the English strings into translations/messages.pot
    flask translate update         merge new strings into every language's .po file
    flask translate init LANG      start a new language (e.g. ``it`` or ``pt-PT``)
    flask translate compile        build the .mo files the app reads
    flask translate check          find mistakes (fails on errors, shows warnings)
    flask translate stats          how complete each language is
    flask translate preview LANG   write the guide as HTML and PDF for a look before committing
"""
from __future__ import annotations

import difflib
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import click

from . import ROOT, catalogs
from . import locales



# A plain group, registered as a Flask CLI plugin (see setup.cfg), so it works before the app
# can start: the app refuses to start while a listed language has no catalog.
@click.group()
@click.option("--translations", type=click.Path(file_okay=False, path_type=Path),
              default=None, help="Catalog folder (default: translations/). For tests.")
@click.pass_context
def translate(ctx, translations):
    """Extract, update, check and preview translations."""
    ctx.obj = {"translations": translations or ROOT / "translations"}

_PYBABEL = [sys.executable, "-m", "babel.messages.frontend"]


def _root() -> Path:
    return ROOT


def _translations() -> Path:
    settings = click.get_current_context().find_object(dict)
    return settings["translations"] if settings else ROOT / "translations"


def _pot() -> Path:
    return _translations() / "messages.pot"


def _shown(path: Path) -> Path:
    try:
        return path.relative_to(ROOT)
    except ValueError:
        return path


def _pybabel(*args: str) -> None:
    result = subprocess.run([*_PYBABEL, *args], cwd=_root(), capture_output=True, text=True)
    if result.returncode != 0:
        raise click.ClickException(f"pybabel {args[0]} failed:\n{result.stderr.strip()}")


def babel_id(tag: str) -> str:
    """``pt-BR`` → ``pt_BR``; a listed language uses its own entry."""
    if tag in locales.BY_TAG:
        return locales.BY_TAG[tag].babel
    if not re.fullmatch(r"[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*", tag):
        raise click.BadParameter(f"{tag!r} is not a language tag such as 'it' or 'pt-PT'.")
    return tag.replace("-", "_")


def extract_to(output: Path) -> None:
    """Write the template: sorted, no wrapping, no dates, translator comments kept."""
    _pybabel("extract", "--mapping-file", str(_root() / "babel.cfg"), "--output-file",
             str(output), "--keywords", "_l lazy_gettext", "--add-comments", "Translators:",
             "--sort-output", "--no-wrap", "--no-location", "--project",
             "ketamine-questions-guide", "--copyright-holder", "the guide's authors",
             "--msgid-bugs-address", "translations@guide.invalid", str(_root() / "guide"))
    # The creation date would change the file on every run; nothing else varies.
    text = output.read_text(encoding="utf-8")
    text = re.sub(r'^"POT-Creation-Date: .*\\n"\n', "", text, flags=re.M)
    text = re.sub(r"^(# FIRST AUTHOR <EMAIL@ADDRESS>), \d{4}\.$", r"\1.", text, flags=re.M)
    text = re.sub(r"^# Copyright \(C\) \d{4} ", "# Copyright (C) ", text, flags=re.M)
    text = re.sub(r'^"Generated-By: Babel .*\\n"\n', "", text, flags=re.M)
    output.write_text(text, encoding="utf-8")


@translate.command()
def extract():
    """Collect the English strings into translations/messages.pot."""
    extract_to(_pot())
    click.echo(f"wrote {_shown(_pot())}")


@translate.command()
def update():
    """Merge the template into every language's .po file (new strings come in empty)."""
    _pybabel("update", "--input-file", str(_pot()), "--output-dir", str(_translations()),
             "--no-wrap", "--ignore-obsolete")
    click.echo("updated " + ", ".join(sorted(
        p.parent.parent.name for p in _translations().glob("*/LC_MESSAGES/messages.po"))))


@translate.command()
@click.argument("lang")
def init(lang):
    """Start a catalog for a new language, e.g. ``flask translate init it``."""
    ident = babel_id(lang)
    target = catalogs.po_path(_translations(), ident)
    if target.exists():
        raise click.ClickException(f"{target} exists already; use 'flask translate update'.")
    _pybabel("init", "--input-file", str(_pot()), "--output-dir", str(_translations()),
             "--locale", ident, "--no-wrap")
    click.echo(f"created {_shown(target)}: translate it, then add {lang!r} to "
               f"guide/locales.py")


@translate.command(name="compile")
def compile_():
    """Build the .mo files that the app reads."""
    _pybabel("compile", "--directory", str(_translations()), "--statistics")
    click.echo("compiled " + ", ".join(sorted(
        p.parent.parent.name for p in _translations().glob("*/LC_MESSAGES/messages.mo"))))


@translate.command()
def check():
    """Find mistakes in the catalogs; exits 1 on any error."""
    problems: list[catalogs.Problem] = []
    pot = _pot()
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "messages.pot"
        extract_to(fresh)
        if not pot.is_file() or fresh.read_text("utf-8") != pot.read_text("utf-8"):
            diff = "".join(list(difflib.unified_diff(
                pot.read_text("utf-8").splitlines(True) if pot.is_file() else [],
                fresh.read_text("utf-8").splitlines(True), "messages.pot (committed)",
                "messages.pot (from the code now)", n=0))[:20])
            problems.append(catalogs.Problem(
                pot, 0, "", "the template is out of date: the English strings in the code "
                "changed. Run 'flask translate extract' and 'flask translate update', then "
                "translate what is new.\n" + diff))
    pot_ids = catalogs.msgids(pot) if pot.is_file() else set()

    shipped = {loc.babel for loc in locales.LOCALES if loc.review != "source"}
    rtl = {loc.babel for loc in locales.LOCALES if loc.direction == "rtl"}
    for po in sorted(_translations().glob("*/LC_MESSAGES/messages.po")):
        ident = po.parent.parent.name
        problems += catalogs.check_po(po, shipped=ident in shipped, rtl=ident in rtl)
        missing = pot_ids - catalogs.msgids(po)
        if missing and pot_ids:
            problems.append(catalogs.Problem(
                po, 0, "", f"{len(missing)} strings of the template are not in this file "
                "yet. Run 'flask translate update'."))
        mo = po.with_suffix(".mo")
        if mo.is_file() and mo.stat().st_mtime < po.stat().st_mtime:
            problems.append(catalogs.Problem(
                mo, 0, "", "the compiled catalog is older than its .po file, so the app "
                "would show old translations. Run 'flask translate compile'."))
    for ident in sorted(shipped):
        if not catalogs.po_path(_translations(), ident).is_file():
            problems.append(catalogs.Problem(
                catalogs.po_path(_translations(), ident), 0, "",
                "guide/locales.py lists this language, but its catalog is missing. Run "
                "'flask translate init'."))

    errors = [p for p in problems if p.error]
    for problem in problems:
        click.echo(str(problem), err=True)
    click.echo(f"{len(errors)} errors, {len(problems) - len(errors)} warnings", err=True)
    if errors:
        sys.exit(1)


@translate.command()
@click.option("--missing", "show_missing", is_flag=True,
              help="Also list the English texts each language does not translate yet.")
def stats(show_missing):
    """Print how complete each language is, and whether it has been reviewed.

    What a language lacks (absent, empty or fuzzy) shows in English on its pages.
    """
    rows = catalogs.stats(_translations(), _pot(), locales.LOCALES)
    click.echo(f"{'locale':<10} {'translated':>12} {'percent':>8}  review")
    for row in rows:
        click.echo(f"{row.locale.tag:<10} {f'{row.translated}/{row.total}':>12} "
                   f"{row.percent:>7.1f}%  {row.locale.review}")
    for row in rows:
        if row.missing and row.locale.review != "source":
            click.echo(f"{row.locale.tag}: {len(row.missing)} not translated yet (shown in "
                       f"English)" + ("" if show_missing else "; add --missing to list them"))
            if show_missing:
                for msgid in row.missing:
                    click.echo(f'    msgid "{msgid if len(msgid) <= 70 else msgid[:67] + "..."}"')


@translate.command()
@click.argument("lang")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for the files (default: preview/LANG).")
def preview(lang, out):
    """Write the guide page, the sources page and the whole-guide PDF for LANG.

    Compile first ('flask translate compile') so the preview shows the .po file as it is now.
    """
    if lang not in locales.BY_TAG:
        raise click.BadParameter(f"{lang!r} is not in guide/locales.py; known: "
                                 + ", ".join(locales.BY_TAG))
    from . import create_app

    app = create_app({"BABEL_TRANSLATION_DIRECTORIES": str(_translations()),
                      "PREWARM_PDFS": False})
    out = out or _root() / "preview" / lang
    out.mkdir(parents=True, exist_ok=True)
    static = Path(app.static_folder).as_uri()
    client = app.test_client()
    try:
        _write_preview(client, lang, out, static)
    finally:
        app.extensions["pdf"].close()


def _write_preview(client, lang: str, out: Path, static: str) -> None:
    for name, url in (("guide.html", f"/{lang}/"), ("sources.html", f"/{lang}/sources"),
                      ("checklist.pdf", f"/{lang}/checklist.pdf")):
        response = client.get(url)
        if response.status_code != 200:
            raise click.ClickException(f"{url} answered {response.status_code}")
        data = response.data
        if name.endswith(".html"):
            # Point the page at the static files on disk so it opens without a server.
            data = data.replace(b'="/static/', f'="{static}/'.encode())
        (out / name).write_bytes(data)
        click.echo(f"wrote {out / name}")
