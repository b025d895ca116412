"""The visit screen as served: every question ready to show, nothing personal in it, a plain
message without JavaScript, kept by the service worker with the guide."""
from __future__ import annotations

from guide.content import CATALOG
from guide.locales import BY_TAG, LOCALES
from test_pages import Elements


def test_the_visit_screen_has_every_question_to_tick_and_note(client, lang):
    response = client.get(f"/{lang}/visit")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    loc = BY_TAG[lang]
    assert f'<html lang="{lang}" dir="{loc.direction}">' in html
    page = Elements(html)
    items = page.find("li", class_="visit-item")
    assert [i["data-qid"] for i in items] == list(CATALOG.question_ids)
    assert all("hidden" in i for i in items), "the script shows the person's own list"
    for qid in CATALOG.question_ids:
        assert page.find("input", type="checkbox", id=f"asked-{qid}")
        assert page.labels[f"asked-{qid}"].strip() and page.labels[f"note-{qid}"].strip()
        assert page.find("textarea", id=f"note-{qid}", name=f"answer-{qid}")
    assert page.find("form", method="post", action=f"/{lang}/checklist.pdf")
    assert 'class="crisis"' in html


def test_without_javascript_it_says_it_needs_the_list_and_links_back(client, lang):
    page = Elements(client.get(f"/{lang}/visit").get_data(as_text=True))
    message = page.find("div", id="visit-empty")
    assert message and "hidden" not in message[0]
    assert "hidden" in page.find("form", id="visit-form")[0]
    assert page.find("a", href=f"/{lang}/#pick-heading")


def test_the_visit_screen_is_in_every_languages_menu_and_linked_from_the_guide(client):
    html = client.get("/de/visit").get_data(as_text=True)
    for loc in LOCALES:
        assert f'hreflang="{loc.tag}" href="/{loc.tag}/visit"' in html
    assert 'href="/de/visit"' in client.get("/de/").get_data(as_text=True)


def test_the_visit_screen_holds_nothing_personal_and_is_revalidated(client):
    response = client.get("/en/visit")
    assert response.headers["Cache-Control"] == "no-cache"
    page = Elements(response.get_data(as_text=True))
    assert all(attrs.get("src") for attrs in page.find("script"))
    assert not page.find("style")
    assert not any("style" in attrs or any(k.startswith("on") for k in attrs)
                   for _, attrs in page.tags)


def test_the_service_worker_keeps_the_visit_screen_and_its_script(client, app):
    worker = client.get("/sw.js").get_data(as_text=True)
    assert '"/" + lang + "/visit"' in worker
    assert "js/visit.js?v=" in worker and "js/pdf.js?v=" in worker
