"""The short passage shown under a result, with the words it matched marked."""

import re

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from .text import fold, stem, words_of

SNIPPET_LENGTH = 180


def marker(terms):
    """A pattern for the words to mark: each searched word, and the words it begins (matched on `fold`ed text)."""
    stems = sorted({fold(stem(word)) for term in terms for word in words_of(term)}, key=len, reverse=True)
    if not stems:
        return re.compile(r"(?!)")
    return re.compile(r"\b(?:" + "|".join(re.escape(s) for s in stems) + r")[\w'’-]*", re.IGNORECASE)


def shown(texts, pattern):
    """Which of `texts` a snippet is taken from: the first with a match, or else the first with any text."""
    return next(
        (i for i, t in enumerate(texts) if pattern.search(fold(t))), next((i for i, t in enumerate(texts) if t), 0)
    )


def snippet(texts, pattern):
    """A passage of the first text with a match (or the first text), matches in <mark>, all else escaped."""
    text = texts[shown(texts, pattern)] if texts else ""
    match = pattern.search(fold(text))
    start = 0
    if match and match.start() > SNIPPET_LENGTH // 3:
        start = text.rfind(" ", 0, match.start() - SNIPPET_LENGTH // 3) + 1
    excerpt = text[start : start + SNIPPET_LENGTH]
    if start + SNIPPET_LENGTH < len(text):
        excerpt = excerpt.rsplit(" ", 1)[0] + " …"
    if start:
        excerpt = "… " + excerpt
    return highlight(excerpt, pattern)


def highlight(text, pattern):
    parts, end = [], 0
    for match in pattern.finditer(fold(text)):
        parts += [escape(text[end : match.start()]), format_html("<mark>{}</mark>", text[match.start() : match.end()])]
        end = match.end()
    parts.append(escape(text[end:]))
    return mark_safe("".join(parts))  # noqa: S308 - every part was escaped above
