"""The guide page's fields for the visit: treatments tried, a second language, large print;
and a form sent back with a problem keeps every one of them."""
from __future__ import annotations

import html as html_lib

from guide.locales import BY_TAG, LOCALES
from test_pages import Elements

FIELDS = ("med_name", "med_dose", "med_time", "med_result")


def row_inputs(page, name):
    """The treatment inputs in the form, not in the <template> new rows are made from."""
    return [i for i in page.find("input", type="text", name=name) if i["id"] != f"{name}-0"]


def test_three_empty_treatment_rows_work_without_javascript(client, lang):
    page = Elements(client.get(f"/{lang}/").get_data(as_text=True))
    for name in FIELDS:
        inputs = row_inputs(page, name)
        assert [i["id"] for i in inputs] == [f"{name}-{n}" for n in (1, 2, 3)]
        assert all(i["value"] == "" and page.labels[i["id"]].strip() for i in inputs)


def test_also_print_in_names_each_other_language_in_its_own_script(client, lang):
    page = Elements(client.get(f"/{lang}/").get_data(as_text=True))
    assert page.find("select", name="also", id="also") and page.labels["also"].strip()
    options = page.find("option")
    also = [o for o in options if o.get("lang")]
    assert [o["value"] for o in also] == [loc.tag for loc in LOCALES if loc.tag != lang]
    for option in also:
        assert option["dir"] == BY_TAG[option["value"]].direction
    html = client.get(f"/{lang}/").get_data(as_text=True)
    for loc in LOCALES:
        if loc.tag != lang:
            assert f'lang="{loc.tag}" dir="{loc.direction}">{loc.native_name}</option>' in html
    assert page.find("option", value="")


def test_large_print_is_a_checkbox(client, lang):
    page = Elements(client.get(f"/{lang}/").get_data(as_text=True))
    box = page.find("input", type="checkbox", name="print", value="large")
    assert box and page.labels[box[0]["id"]].strip()


def test_a_form_sent_back_keeps_rows_answers_own_questions_and_print_options(client, lang):
    rows = {"med_name": ["Sertraline", "", "文拉法辛"], "med_dose": ["100 mg", "", ""],
            "med_time": ["2023", "", ""], "med_result": ["Some <help>", "", "恶心"]}
    also = "ar" if lang != "ar" else "en"
    response = client.post(f"/{lang}/checklist.pdf", data={
        **rows, "q": ["cost"], "answer-cost": "About “600”\nper month",
        "answer-driving": "Not ticked", "own": "My own question?", "also": also,
        "print": "large", "paper": "a4"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    page = Elements(html)
    names = [i["value"] for i in row_inputs(page, "med_name")]
    assert names == ["Sertraline", "文拉法辛", ""], "the empty row left out, one to spare"
    assert page.find("input", name="med_result", value="Some <help>")
    assert 'name="answer-cost" rows="3" dir="auto">About “600”\nper month</textarea>' in html_lib.unescape(html)
    assert 'name="answer-driving" rows="3" dir="auto">Not ticked</textarea>' in html
    assert "My own question?</textarea>" in html
    loc = BY_TAG[also]
    assert f'<option value="{also}" lang="{also}" dir="{loc.direction}" selected>' in html
    assert 'name="print" value="large" checked>' in html
    assert 'role="alert"' in html


def test_twelve_rows_sent_back_show_twelve_rows(client):
    response = client.post("/en/checklist.pdf", data={
        "med_name": [f"Medicine {n}" for n in range(12)], "med_dose": ["x" * 101]})
    assert response.status_code == 400
    page = Elements(response.get_data(as_text=True))
    assert len(row_inputs(page, "med_name")) == 12
