"""The text helpers every app shares."""

from publishing.text import phone_href, plain_text


def test_plain_text_is_the_words_a_reader_sees():
    """Tags go, entities are decoded and runs of space become one, so a meta description reads as prose."""
    assert plain_text("<p>Knee &amp; hip</p>\n<p>  pain&nbsp;relief </p>") == "Knee & hip pain relief"
    assert plain_text(None) == ""


def test_phone_href_dials_a_us_number_however_it_was_typed():
    """Ten digits get the US country code; a number that already has it keeps it; no number gives no link."""
    assert phone_href("(310) 555-0100") == "tel:+13105550100"
    assert phone_href("+1 310.555.0100") == "tel:+13105550100"
    assert phone_href("") == ""
