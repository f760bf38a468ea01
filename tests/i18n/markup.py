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
