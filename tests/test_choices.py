"""Reading what a person sent for the visit: treatments tried, answers written in, a second
language and large print, each checked against its limit."""
from __future__ import annotations

import pytest
from werkzeug.datastructures import MultiDict

from guide.checklist import Limits, Treatment, read
from guide.content import CATALOG
from guide.locales import LOCALES

LIMITS = Limits()


@pytest.fixture
def in_request(app):
    with app.test_request_context("/en/"):
        yield


def read_form(pairs, *, with_own=True, lang="en"):
    return read(MultiDict(pairs), CATALOG, LIMITS, with_own=with_own, lang=lang)


def rows(*rows):
    """Form pairs for treatment rows, each row given as four values."""
    pairs = []
    for row in rows:
        pairs += list(zip(("med_name", "med_dose", "med_time", "med_result"), row))
    return pairs


def test_treatment_rows_are_read_in_order(in_request):
    choices = read_form(rows(("Sertraline", "100 mg", "2023, 8 months", "Some help"),
                             ("Venlafaxine", "", "2024", "Nausea")))
    assert not choices.errors
    assert choices.treatments == [Treatment("Sertraline", "100 mg", "2023, 8 months", "Some help"),
                                  Treatment("Venlafaxine", "", "2024", "Nausea")]


def test_an_empty_treatment_row_is_ignored(in_request):
    choices = read_form(rows(("", "", "", ""), ("Bupropion", "", "", ""), ("  ", "", "", "")))
    assert choices.treatments == [Treatment("Bupropion")]
    assert not choices.errors


def test_twelve_treatments_are_fine_thirteen_are_too_many(in_request):
    twelve = rows(*[(f"Medicine {n}", "", "", "") for n in range(12)])
    assert not read_form(twelve).errors
    thirteen = rows(*[(f"Medicine {n}", "", "", "") for n in range(13)])
    choices = read_form(thirteen)
    assert choices.errors == ["You listed 13 treatments. The limit is 12. Please remove some "
                              "or join them."]
    assert len(choices.treatments) == 13, "kept, to show the form again"


@pytest.mark.parametrize("column, label", [(0, "Medicine or treatment"), (1, "Dose"),
                                           (2, "When, and for how long"), (3, "How it went")])
def test_a_treatment_value_over_100_characters_names_the_row_the_field_and_the_limit(
        in_request, column, label):
    row = ["Lithium", "", "", ""]
    row[column] = "x" * 101
    choices = read_form(rows(("Fine", "", "", ""), tuple(row)))
    assert choices.errors == [f"In treatment 2, “{label}” has 101 characters. The limit is "
                              "100. Please shorten it."]
    assert not read_form(rows(("y" * 100, "", "", ""))).errors


def test_answers_are_kept_for_chosen_questions_in_the_guides_order(in_request):
    choices = read_form([("q", "cost"), ("q", "driving"), ("answer-cost", "  About $600  "),
                         ("answer-driving", "Not until the next day.\nAsk again.")])
    assert not choices.errors
    assert choices.answers == {"driving": "Not until the next day.\nAsk again.",
                               "cost": "About $600"}
    assert list(choices.answers) == [q for q in CATALOG.question_ids if q in choices.answers]


def test_an_empty_answer_is_no_answer(in_request):
    choices = read_form([("q", "cost"), ("answer-cost", " \n "), ("answer-driving", "")])
    assert not choices.errors and choices.answers == {}


def test_an_answer_to_a_question_not_chosen_names_the_question(in_request):
    choices = read_form([("q", "cost"), ("answer-driving", "Next day")])
    question = CATALOG.question("driving").text
    assert choices.errors == [f"You wrote an answer to “{question}”, but that question is not "
                              "ticked. Tick it, or remove the answer."]
    assert choices.answers == {"driving": "Next day"}, "kept, to show the form again"


def test_an_answer_to_an_unknown_question_names_the_id(in_request):
    choices = read_form([("q", "cost"), ("answer-no-such", "?")])
    assert choices.errors == ["There is no question with the id “no-such” in this guide. The "
                              "link may be old or mistyped."]


def test_an_answer_over_1000_characters_names_the_limit(in_request):
    assert not read_form([("q", "cost"), ("answer-cost", "a" * 1000)]).errors
    choices = read_form([("q", "cost"), ("answer-cost", "a" * 1001)])
    question = CATALOG.question("cost").text
    assert choices.errors == [f"Your answer to “{question}” has 1001 characters. The limit is "
                              "1000. Please shorten it."]


def test_personal_text_is_only_read_from_a_post(in_request):
    choices = read_form(rows(("Sertraline", "", "", "")) + [("q", "cost"),
                                                            ("answer-cost", "x")],
                        with_own=False)
    assert choices.treatments == [] and choices.answers == {} and not choices.errors


@pytest.mark.parametrize("also", [loc.tag for loc in LOCALES])
def test_also_takes_any_of_the_seven_languages(in_request, also):
    choices = read_form([("also", also)], lang="en")
    assert not choices.errors
    assert choices.also == (None if also == "en" else also), "its own language prints once"


@pytest.mark.parametrize("also", ["xx", "zh", "EN", "<b>"])
def test_an_unknown_also_language_is_an_error(in_request, also):
    choices = read_form([("also", also)])
    assert choices.errors == [f"This guide cannot print in the language “{also}”. Please "
                              "choose one of the languages in the list."]


@pytest.mark.parametrize("value, large", [("large", True), ("normal", False), ("", False)])
def test_print_large(in_request, value, large):
    choices = read_form([("print", value)], with_own=False)
    assert not choices.errors and choices.large is large


def test_an_unknown_print_size_is_an_error(in_request):
    assert read_form([("print", "huge")]).errors == ["The print size must be normal or large."]
