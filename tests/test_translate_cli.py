"""The translator's workflow, on throwaway catalogs made by the real pybabel and msgfmt."""
from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from click.testing import CliRunner

from guide import ROOT, create_app, locales
from guide.cli import translate
from guide.locales import SupportedLocale


def run(translations: Path, *args: str):
    return CliRunner().invoke(translate, ["--translations", str(translations), *args])


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("template")
    result = run(folder, "extract")
    assert result.exit_code == 0, result.output
    return folder / "messages.pot"


@pytest.fixture
def workspace(tmp_path, template) -> Path:
    """A translations folder with a fresh template and every shipped catalog."""
    shutil.copy(template, tmp_path / "messages.pot")
    for loc in locales.LOCALES:
        if loc.tag != "en":
            source = ROOT / "translations" / loc.babel / "LC_MESSAGES" / "messages.po"
            target = tmp_path / loc.babel / "LC_MESSAGES" / "messages.po"
            target.parent.mkdir(parents=True)
            shutil.copy(source, target)
    return tmp_path


def test_extract_is_deterministic_sorted_and_keeps_translator_comments(tmp_path, template):
    assert run(tmp_path, "extract").exit_code == 0
    again = (tmp_path / "messages.pot").read_text()
    assert again == template.read_text()
    assert "POT-Creation-Date" not in again and "Generated-By" not in again
    assert "#. Translators: the footer of each printed page" in again
    ids = re.findall(r'^msgid "(.+)"$', again, flags=re.M)
    assert ids == sorted(ids)
    assert all(len(line) < 400 or line.startswith("msgid") or line.startswith("msgstr")
               for line in again.splitlines())


def test_the_committed_template_and_catalogs_are_current_and_clean():
    result = CliRunner().invoke(translate, ["check"])
    assert result.exit_code == 0, result.output
    assert "0 errors" in result.output


def test_stats_prints_a_row_per_locale_with_review_status():
    result = CliRunner().invoke(translate, ["stats"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == ["locale", "translated", "percent", "review"]
    assert "not translated yet" not in result.output
    for loc in locales.LOCALES:
        row = next(line for line in lines if line.split()[0] == loc.tag)
        assert row.split()[2] == "100.0%"
        assert row.split()[3] == loc.review


def fill(po: Path, mutate=None) -> None:
    """Give every entry a translation (the English itself), then let ``mutate`` spoil one."""
    with po.open("rb") as f:
        catalog = read_po(f)
    for message in catalog:
        if message.id:
            if message.pluralizable:
                message.string = tuple(message.id[min(i, 1)] for i in range(catalog.num_plurals))
            else:
                message.string = message.id
    catalog.fuzzy = False
    with po.open("wb") as f:
        write_po(f, catalog, width=0, omit_header=False)
    if mutate:
        po.write_text(mutate(po.read_text("utf-8")), "utf-8")


def test_init_compile_and_one_locale_entry_add_a_language(workspace, monkeypatch):
    result = run(workspace, "init", "it")
    assert result.exit_code == 0, result.output
    po = workspace / "it" / "LC_MESSAGES" / "messages.po"
    assert "Plural-Forms: nplurals=" in po.read_text()
    text = po.read_text("utf-8").replace(
        'msgid "Download PDF"\nmsgstr ""', 'msgid "Download PDF"\nmsgstr "Scarica il PDF"')
    po.write_text(text, "utf-8")
    result = run(workspace, "compile")
    assert result.exit_code == 0, result.output
    assert (workspace / "it" / "LC_MESSAGES" / "messages.mo").is_file()

    # The only "code" change: one more entry in the locale list.
    added = locales.LOCALES + (SupportedLocale("it", "it", "Italiano", "ltr", "a4", "", "unreviewed"),)
    monkeypatch.setattr(locales, "LOCALES", added)
    monkeypatch.setattr(locales, "BY_TAG", {loc.tag: loc for loc in added})
    app = create_app({"TESTING": True, "BABEL_TRANSLATION_DIRECTORIES": str(workspace)})
    html = app.test_client().get("/it/").get_data(as_text=True)
    assert '<html lang="it" dir="ltr">' in html
    assert "Scarica il PDF" in html
    # What the new catalog lacks falls back to English, never to an empty string or a key.
    assert "Questions to ask your doctor about ketamine and esketamine" in html
    assert 'hreflang="it"' in app.test_client().get("/en/").get_data(as_text=True)
    redirect = app.test_client().get("/", headers={"Accept-Language": "it-IT"})
    assert redirect.headers["Location"] == "/it/"


def test_a_listed_language_without_a_catalog_stops_the_app_at_start(workspace):
    shutil.rmtree(workspace / "de")
    with pytest.raises(ValueError, match="de: no catalog"):
        create_app({"TESTING": True, "BABEL_TRANSLATION_DIRECTORIES": str(workspace)})


def test_init_refuses_an_existing_language_and_a_bad_tag(workspace):
    assert run(workspace, "init", "es").exit_code != 0
    result = run(workspace, "init", "../../etc")
    assert result.exit_code != 0 and "not a language tag" in result.output


def spoil(msgid: str, old: str, new: str):
    def mutate(text: str) -> str:
        pattern = f'msgid "{msgid}"\nmsgstr "{old}"'
        assert pattern in text, pattern
        return text.replace(pattern, f'msgid "{msgid}"\nmsgstr "{new}"')
    return mutate


DANGER = "If you are in danger right now, call %(number)s."
PAGE = "Page {page} of {pages}"
VERSION = "Guide version %(version)s, last reviewed %(date)s."


@pytest.mark.parametrize("mutate, expected", [
    (spoil(DANGER, DANGER, "Si está en peligro, llame ya."),
     "leaves out the placeholder %(number)"),
    (spoil(DANGER, DANGER, "Llame al %(numero)s."),
     "has the placeholder %(numero)"),
    (spoil(PAGE, PAGE, "Página {page}"), "leaves out the placeholder {pages}"),
    (spoil(VERSION, VERSION, "Versión %(version)s, revisada el %(date)s <script>x</script>"),
     "adds HTML (<script>)"),
    (spoil("Download PDF", "Download PDF", ""), "there is no translation yet"),
    (lambda t: t.replace('#, python-format\nmsgid "Guide version',
                         '#, fuzzy, python-format\nmsgid "Guide version'), "marked fuzzy"),
    (lambda t: t.replace('msgid "Download PDF"', 'msgid "Download PDF\n', 1),
     "cannot be read as a .po catalog"),
])
def test_check_names_file_line_msgid_and_a_plain_explanation(workspace, mutate, expected):
    po = workspace / "es" / "LC_MESSAGES" / "messages.po"
    fill(po, mutate)
    result = run(workspace, "check")
    assert result.exit_code == 1, result.output
    assert expected in result.output
    assert re.search(r"es/LC_MESSAGES/messages\.po:\d+", result.output)


def test_check_catches_a_wrong_number_of_plural_forms(workspace):
    po = workspace / "es" / "LC_MESSAGES" / "messages.po"

    def drop_last_form(text):
        return re.sub(r'\nmsgstr\[2\] "[^"]*"', "", text, count=1)
    fill(po, drop_last_form)
    result = run(workspace, "check")
    assert result.exit_code == 1
    assert "this language has 3 plural forms, but the entry has 2" in result.output


def test_check_catches_a_missing_placeholder_that_pybabel_compile_lets_through(workspace):
    po = workspace / "es" / "LC_MESSAGES" / "messages.po"
    fill(po, spoil(DANGER, DANGER, "Si está en peligro, llame ya."))
    assert run(workspace, "compile").exit_code == 0  # pybabel does not notice...
    result = run(workspace, "check")                  # ...the check does
    assert result.exit_code == 1
    assert f'msgid "{DANGER}"' in result.output


def test_check_warns_but_passes_on_a_lost_question_mark(workspace):
    question = "How soon might I feel a change?"
    po = workspace / "es" / "LC_MESSAGES" / "messages.po"
    fill(po, spoil(question, question, "Cuándo podría notar un cambio."))
    result = run(workspace, "check")
    assert result.exit_code == 0, result.output
    assert "warning: the English is a question" in result.output


def test_check_catches_a_stale_template(workspace):
    pot = workspace / "messages.pot"
    pot.write_text(pot.read_text().replace('msgid "Download PDF"', 'msgid "Download the PDF"'))
    result = run(workspace, "check")
    assert result.exit_code == 1
    assert "the template is out of date" in result.output


def test_check_catches_a_compiled_catalog_older_than_its_po(workspace):
    assert run(workspace, "compile").exit_code == 0
    mo = workspace / "fr" / "LC_MESSAGES" / "messages.mo"
    old = time.time() - 3600
    os.utime(mo, (old, old))
    result = run(workspace, "check")
    assert result.exit_code == 1
    assert "the compiled catalog is older than its .po file" in result.output


def test_preview_writes_page_and_pdf(workspace, tmp_path):
    out = tmp_path / "preview"
    result = run(workspace, "preview", "ar", "--out", str(out))
    assert result.exit_code == 0, result.output
    html = (out / "guide.html").read_text()
    assert '<html lang="ar" dir="rtl">' in html and 'href="file://' in html
    assert (out / "sources.html").is_file()
    assert (out / "checklist.pdf").read_bytes().startswith(b"%PDF-")


SAMARITANS = "Samaritans in the UK and Ireland: call %(number)s for free, day or night."


@pytest.mark.parametrize("planted, caught", [
    ("اتصل بالرقم 800 911 2000 مجانًا. %(number)s", True),
    ("اتصل بالرقم \u2066800 911 2000\u2069 مجانًا. %(number)s", False),
    ('اتصل بالرقم <span dir="ltr">116 123</span> مجانًا. %(number)s', False),
    ("اتصل بالرقم %(number)s مجانًا، 24 ساعة.", False),
])
def test_check_catches_a_phone_number_that_rtl_text_would_reverse(workspace, planted, caught):
    po = workspace / "ar" / "LC_MESSAGES" / "messages.po"
    fill(po, spoil(SAMARITANS, SAMARITANS, planted))
    result = run(workspace, "check")
    flagged = "is not isolated" in result.output
    assert flagged == caught, result.output
    if caught:
        assert result.exit_code == 1
        assert re.search(r"ar/LC_MESSAGES/messages\.po:\d+: msgid \"Samaritans in the UK",
                         result.output), result.output
        assert "'800 911 2000'" in result.output


def test_the_same_spaced_number_is_fine_in_a_left_to_right_catalog(workspace):
    po = workspace / "es" / "LC_MESSAGES" / "messages.po"
    fill(po, spoil(SAMARITANS, SAMARITANS, "Llame al 116 123 gratis. %(number)s"))
    assert "is not isolated" not in run(workspace, "check").output


def test_a_catalog_without_the_new_strings_builds_and_falls_back_to_english(workspace):
    """A translator's file from the last edition: new texts show in English, stats says so."""
    po = workspace / "es" / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as f:
        catalog = read_po(f)
    dropped = ["Words to know", "Relapse", "When depression comes back after it got better.",
               "What if I miss a session or want to take a break?"]
    for msgid in dropped:
        del catalog[msgid]
    with po.open("wb") as f:
        write_po(f, catalog, width=0, omit_header=False)
    assert run(workspace, "compile").exit_code == 0

    app = create_app({"TESTING": True, "BABEL_TRANSLATION_DIRECTORIES": str(workspace)})
    html = app.test_client().get("/es/").get_data(as_text=True)
    assert '<dfn id="word-relapse">Relapse</dfn>' in html  # English, never empty
    assert "When depression comes back after it got better." in html
    assert "What if I miss a session or want to take a break?" in html
    assert "Preguntas" in html  # the rest is still Spanish

    result = run(workspace, "stats", "--missing")
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if line.split()[0] == "es")
    assert row.split()[2] != "100.0%"
    assert "es: 4 not translated yet" in result.output
    for msgid in dropped:
        assert f'msgid "{msgid}"' in result.output
