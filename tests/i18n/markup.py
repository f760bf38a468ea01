"""Reading a page's language markup: `<html lang>`, the alternates in its head, and the language switcher."""

from html.parser import HTMLParser


class LanguageMarkup(HTMLParser):
    def __init__(self):
        super().__init__()
        self.lang, self.alternates, self.switcher, self.switcher_label = None, {}, [], None
        self._in_switcher = self._link = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            self.alternates[attrs["hreflang"]] = attrs["href"]
        elif tag == "nav" and "language-switcher" in attrs.get("class", ""):
            self._in_switcher, self.switcher_label = True, attrs.get("aria-label")
        elif tag == "a" and self._in_switcher:
            self._link = {**attrs, "text": ""}
            self.switcher.append(self._link)

    def handle_endtag(self, tag):
        if tag == "nav":
            self._in_switcher = False
        elif tag == "a":
            self._link = None

    def handle_data(self, data):
        if self._link is not None:
            self._link["text"] += data


def language_markup(response):
    parser = LanguageMarkup()
    parser.feed(response.content.decode())
    return parser


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class TextByLanguage(HTMLParser):
    """The body's text, split by the language each piece is marked as (the nearest `lang` above it)."""

    def __init__(self):
        super().__init__()
        self.stack, self.text, self._skip = [], {}, 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.handle_data(" ")  # as a browser's text, ignoring inline elements' lack of spacing
        if tag in ("script", "style", "title"):
            self._skip += 1
        if tag not in VOID:
            self.stack.append((tag, attrs.get("lang", self.stack[-1][1] if self.stack else None)))

    def handle_endtag(self, tag):
        self.handle_data(" ")
        if tag in ("script", "style", "title"):
            self._skip -= 1
        while self.stack and tag not in VOID:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not self._skip and self.stack:
            self.text.setdefault(self.stack[-1][1], []).append(data)


def text_by_language(response):
    """{language: the text marked as in it}, e.g. {"es": "Tratamientos ...", "en": "Stem cell therapy ..."}."""
    parser = TextByLanguage()
    parser.feed(response.content.decode())
    text = {language: " ".join("".join(pieces).split()) for language, pieces in parser.text.items()}
    return {language: words for language, words in text.items() if words}
