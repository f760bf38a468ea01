import re

import pytest
from django.contrib.flatpages.models import FlatPage

from publishing.fields import sanitize_html
from treatments.models import Treatment

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<p>Intro<script>alert("x")</script></p>'
    '<p><img src="x" onerror="alert(1)"></p>'
    '<p><a href="javascript:alert(1)">click</a></p>'
    '<p onclick="alert(2)" style="color:red">styled</p>'
    "<iframe src='https://example.com'></iframe>"
)


# Structured data for search engines: never executed, and its JSON escapes every "<" (so [^<]).
JSON_LD_BLOCK = re.compile(r'<script type="application/ld\+json">[^<]*</script>')


def assert_harmless(html):
    lowered = JSON_LD_BLOCK.sub("", html).lower()
    for danger in ("<script", "onerror", "onclick", "javascript:", "<iframe", "<img", "style="):
        assert danger not in lowered, danger


def test_sanitizer_removes_scripts_event_handlers_and_javascript_links():
    """Whatever is pasted into the editor, only the allow-listed markup survives."""
    assert_harmless(sanitize_html(HOSTILE))


def test_sanitizer_keeps_the_formatting_staff_can_use():
    """Headings, paragraphs, bold/italic, lists and links are what the editor offers; they are kept."""
    allowed = (
        "<h2>Heading</h2><h3>Sub</h3><p><strong>bold</strong> <em>italic</em> "
        '<a href="https://example.org/study">a study</a></p><ul><li>one</li></ul><ol><li>two</li></ol>'
    )
    assert sanitize_html(allowed) == allowed


def test_rich_text_is_sanitized_when_saved_from_code(make_treatment):
    """The model cleans rich text on every save, not only when it comes through the admin form."""
    treatment = make_treatment("Nerve block", body=HOSTILE)
    treatment.refresh_from_db()
    assert_harmless(treatment.body)
    assert "Intro" in treatment.body


def test_hostile_rich_text_never_reaches_a_page(client, make_treatment, make_question, make_provider):
    """Script, event handlers and javascript: links stored anywhere in rich text are not on any public page."""
    provider = make_provider("Jane Roe", bio=HOSTILE)
    treatment = make_treatment("Nerve block", body=HOSTILE, providers=[provider])
    make_question("Is it safe?", answer=HOSTILE, treatment=treatment)
    FlatPage.objects.filter(url="/about/").update(content=HOSTILE)  # bypasses save: see the flat page test
    for url in (treatment.get_absolute_url(), provider.get_absolute_url(), "/faq/"):
        assert_harmless(client.get(url).content.decode())


def test_flat_page_content_is_sanitized_on_save():
    """Flat pages render their content as HTML, so it is cleaned however it is saved."""
    page = FlatPage.objects.get(url="/about/")
    page.content = HOSTILE
    page.save()
    page.refresh_from_db()
    assert_harmless(page.content)


def test_plain_text_fields_are_escaped(client, make_treatment):
    """Names and summaries are plain text: markup typed into them shows as text, never as HTML."""
    treatment = make_treatment("<b>Bold</b> therapy", slug="bold-therapy", summary="<script>alert(1)</script>")
    response = client.get(treatment.get_absolute_url())
    assert b"<script>alert(1)" not in response.content
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in response.content
    assert b"&lt;b&gt;Bold&lt;/b&gt; therapy" in response.content


def test_flat_page_title_is_escaped(client):
    """flatpages marks titles safe; the site's template escapes them anyway."""
    FlatPage.objects.filter(url="/about/").update(title="<i>About</i>")
    response = client.get("/about/")
    assert b"<i>About</i>" not in response.content
    assert b"&lt;i&gt;About&lt;/i&gt;" in response.content


def test_empty_editor_output_is_stored_as_empty(make_treatment):
    """The editor submits an empty paragraph for an empty field; it is stored as empty."""
    treatment = make_treatment("Nerve block", body="<p></p>")
    assert Treatment.objects.get(pk=treatment.pk).body == ""
