"""Text as search handles it: plain words, rough stems for highlighting, and trigram similarity."""

import re
import unicodedata

WORD = re.compile(r"\w+(?:[-'’]\w+)*")
SUFFIXES = ("ations", "ation", "ions", "ion", "ings", "ing", "ies", "ed", "es", "s")


def words_of(text):
    return [word.lower() for word in WORD.findall(text)]


def fold(text):
    """`text` with its accents dropped, letter for letter: 'articulación' -> 'articulacion'."""
    return "".join(unicodedata.normalize("NFD", char)[0] for char in text)


def singular(word):
    """'cells' -> 'cell', 'knees' -> 'knee'."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def stem(word):
    """A rough stem, for marking the words a result matched: 'injections' -> 'inject' (marks 'injected' too)."""
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def trigrams(word):
    """pg_trgm's trigrams of one word: padded with two spaces before and one after."""
    padded = f"  {word.lower()} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(a, b):
    """pg_trgm's similarity of two words, 0 to 1: the share of their trigrams they have in common."""
    first, second = trigrams(a), trigrams(b)
    return len(first & second) / len(first | second) if first and second else 0.0


def word_similarity(query, text):
    """How well each word of `query` is matched by some word of `text`, on average (0 to 1)."""
    wanted, words = words_of(query), set(words_of(text))
    if not wanted or not words:
        return 0.0
    return sum(max(similarity(word, other) for other in words) for word in wanted) / len(wanted)
