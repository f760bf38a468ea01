"""A condition's warning signs come first on its page, in a box that says to call 911."""

from html.parser import HTMLParser

import pytest

from treatments.models import Condition

pytestmark = pytest.mark.django_db


class MainContent(HTMLParser):
    """The text of <main>, in order, with the class of the first block after the <h1>."""

    def __init__(self):
        super().__init__()
        self.in_main, self.after_h1, self.first_after_h1, self.text = False, False, None, []

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.in_main = True
        elif self.in_main and self.after_h1 and self.first_after_h1 is None:
            self.first_after_h1 = (tag, dict(attrs).get("class"))

    def handle_endtag(self, tag):
        if tag == "h1":
            self.after_h1 = True

    def handle_data(self, data):
        if self.in_main and data.strip():
            self.text.append(data.strip())


def parse(response):
    parser = MainContent()
    parser.feed(response.content.decode())
    return parser


def test_warning_signs_are_the_first_thing_after_the_page_title(client):
    Condition.objects.filter(slug="chronic-back-pain").update(
        warning_signs="New numbness in the groin or legs\n\nLoss of bladder or bowel control\n"
    )
    page = parse(client.get("/conditions/chronic-back-pain/"))
    assert page.first_after_h1 == ("aside", "urgent-help")
    text = " ".join(page.text)
    assert "Call 911 or go to the nearest emergency department now if you have:" in text
    assert "New numbness in the groin or legs Loss of bladder or bowel control Do not wait for a consultation." in text


def test_without_warning_signs_there_is_no_empty_box(client):
    assert parse(client.get("/conditions/chronic-back-pain/")).first_after_h1 != ("aside", "urgent-help")
