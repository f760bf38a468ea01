"""Families of risky health-claim wording, one data file per language in claims/languages/.

A language is data, not code: `claims/languages/<code>.toml` holds its word lists, the words that
negate, hedge or end a clause, and its rules, each with a category, why the wording is risky and
what to write instead, in that language. Adding a language means adding its file (and its labelled
sentences in claims/corpus/ to measure it).

Patterns are written on lemmas ("heal" matches heals, healed, healing), one element per word:
`{NAME}` is any entry of a word list, `~3` is up to three other words, an element ending in `?`
is optional, and anything else is a regular expression for one word's lemma; words written in a
pattern match their lemma too. A pattern starting with "=" matches the words as written, one
starting with "!" claims by negating. A rule's `unless` patterns, found anywhere in a sentence,
mean its wording there is something else (a surgeon's repair, a wound's healing). A rule marked
`hedgeable` is not applied to a hedged sentence. A question claims nothing, unless it starts with one of the
language's `rhetorical` words ("Why settle for steroid shots?").

A language's `[model]` section adds a statistical model beside its rules (claims/model.py). A rule
without patterns is the warning of what that model flags.

Sources for the families: the FTC's 2022 Health Products Compliance Guidance and its examples, the
claims quoted in the FTC's and FDA's actions and warning letters against stem cell and
regenerative-medicine clinics, and the FDA's consumer warnings on unapproved stem cell products.
"""

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import simplemma

LANGUAGE_DIR = Path(__file__).parent / "languages"
WORD_GAP = re.compile(r"~(\d+)")
WORD_LIST = re.compile(r"\{([A-Z_]+)\}")


def fold(text):
    """Lower case without accents, so "cirugia" written without its accent still matches "cirugía"."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@dataclass(frozen=True)
class Pattern:
    regex: re.Pattern
    on_words: bool = False
    negatable: bool = True


@dataclass(frozen=True)
class Rule:
    code: str
    language: str
    category: str
    why: str
    advice: str
    hedgeable: bool = False
    negatable: bool = True
    patterns: tuple = field(default=(), compare=False, repr=False)
    unless: tuple = field(default=(), compare=False, repr=False)


@dataclass
class Language:
    code: str
    name: str
    rules: list
    negations: re.Pattern
    hedges: re.Pattern
    not_negations: re.Pattern
    clause_breaks: re.Pattern
    rhetorical: re.Pattern
    lemmas: dict = field(default_factory=dict)
    lookback: int = 6
    model: "ModelSettings | None" = None


@dataclass(frozen=True)
class ModelSettings:
    """A language's `[model]` section (claims/model.py): the statistical model's settings."""

    threshold: float
    strength: float
    # Below this likelihood of its family, a flagged sentence gets the warning of `rule` instead.
    family_confidence: float
    rule: str
    # Corpus category (family of claim) -> the code of the rule whose explanation its warnings give.
    categories: dict


class _Compiler:
    """Turns a language's patterns into regular expressions over lemmas.

    Every word written in a pattern also matches its lemma, so data files can be written in plain
    words ("spots are filling" matches "spot be fill", the lemmas of "spots are filling up").
    """

    WORD = re.compile(r"(?<![\\\w'-])[^\W\d_][\w'-]*")

    def __init__(self, code, words, lemmas):
        self.code, self.words, self.lemmas = code, words, lemmas

    def lemma(self, word):
        word = fold(word)
        return self.lemmas.get(word) or fold(simplemma.lemmatize(word, lang=self.code))

    def regex(self, text):
        """A regular expression (or plain words) with each word also matching its lemma and {NAME} expanded."""

        def either(match):
            word = fold(match.group(0))
            # "weren't" is a negation, not "be": a word with an apostrophe is its own lemma unless the language says
            lemma = self.lemmas.get(word, word) if "'" in word else self.lemma(word)
            return word if lemma == word else f"(?:{word}|{re.escape(lemma)})"

        def expand(match):
            return self.alternatives(self.words[match.group(1)])

        return "".join(
            expand(WORD_LIST.fullmatch(part)) if WORD_LIST.fullmatch(part) else self.WORD.sub(either, part)
            for part in re.split(r"(\{[A-Z_]+\})", text)
        )

    def alternatives(self, entries):
        return "(?:" + "|".join(self.regex(entry) for entry in sorted(entries, key=len, reverse=True)) + ")"

    def element(self, element):
        optional = element.endswith("?") and len(element) > 1 and not element.endswith("\\?")
        regex = f"(?:{self.regex(element[:-1] if optional else element)}) "
        return f"(?:{regex})?" if optional else regex

    def pattern(self, pattern):
        """A pattern as a regular expression over a sentence's lemmas, each followed by one space.

        A pattern that starts with "=" is matched on the words as written (for "sentirá", whose lemma
        "sentir" has lost the promise of the future tense). One that starts with "!" makes its claim
        by negating ("no hay dolor que no podamos tratar"), so a negation does not undo it.
        """
        if pattern.startswith("!"):
            return Pattern(self.pattern(pattern[1:]).regex, on_words=pattern.startswith("!="), negatable=False)
        if pattern.startswith("="):
            return Pattern(self.words_only().pattern(pattern[1:]).regex, on_words=True)
        parts = []
        for element in _elements(pattern):
            gap = WORD_GAP.fullmatch(element)
            parts.append(rf"(?:[^\s,;:.!?¿¡()]+ ){{0,{gap.group(1)}}}" if gap else self.element(element))
        return Pattern(re.compile("(?<= )" + "".join(parts)))

    def words_only(self):
        """A compiler whose patterns match words exactly as written."""
        compiler = _Compiler(self.code, self.words, self.lemmas)
        compiler.lemma = fold
        return compiler

    def token_set(self, entries):
        """Matches one lemma (or word) that is an entry."""
        return re.compile("^" + self.alternatives(entries) + "$")

    def opening(self, entries):
        """Matches a sentence's words (as written) that start with an entry, after an opening "¿"."""
        return re.compile(r" (?:¿ )?" + self.words_only().alternatives(entries) + " ")

    def phrase_set(self, entries):
        """Matches lemmas from a given position on that start with an entry (e.g. "not only")."""
        return re.compile("(?<= )" + self.alternatives(entries) + " ")


def _elements(pattern):
    """A pattern's elements: split at spaces outside brackets, so "(?:instead of|rather than)" is one."""
    elements, depth, current = [], 0, ""
    for char in pattern + " ":
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == " " and depth == 0:
            if current:
                elements.append(current)
            current = ""
        else:
            current += char
    return elements


def load_language(path):
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    code = data["code"]
    lemmas = {fold(word): fold(lemma) for word, lemma in data.get("lemmas", {}).items()}
    compiler = _Compiler(code, data.get("words", {}), lemmas)
    rules = [
        Rule(
            code=spec["code"],
            language=code,
            category=spec["category"],
            why=spec["why"],
            advice=spec["advice"],
            hedgeable=spec.get("hedgeable", False),
            negatable=spec.get("negatable", True),
            patterns=tuple(compiler.pattern(pattern) for pattern in spec.get("patterns", [])),
            unless=tuple(compiler.pattern(pattern) for pattern in spec.get("unless", [])),
        )
        for spec in data["rules"]
    ]
    return Language(
        code=code,
        name=data["name"],
        rules=rules,
        negations=compiler.token_set(data["negations"]),
        hedges=compiler.words_only().phrase_set(data["hedges"]),
        not_negations=compiler.phrase_set(data.get("not_negations", ["\x00"])),
        clause_breaks=compiler.token_set(data["clause_breaks"]),
        rhetorical=compiler.opening(data.get("rhetorical", ["\x00"])),
        lemmas=lemmas,
        lookback=data.get("lookback", 6),
        model=_model_settings(data.get("model"), {rule.code for rule in rules}),
    )


def _model_settings(spec, codes):
    if spec is None:
        return None
    unknown = ({spec["rule"]} | set(spec["categories"].values())) - codes
    if unknown:
        raise ValueError(f"[model.categories] names rules that do not exist: {sorted(unknown)}")
    return ModelSettings(
        threshold=spec["threshold"],
        strength=spec["strength"],
        family_confidence=spec["family_confidence"],
        rule=spec["rule"],
        categories=spec["categories"],
    )


@cache
def languages():
    """Every language with rules, by code: {"en": English, "es": Spanish, ...}."""
    found = (load_language(path) for path in sorted(LANGUAGE_DIR.glob("*.toml")))
    return {language.code: language for language in found}


def rules(language="en"):
    return languages()[language].rules


def rule_for(code, language="en"):
    """The rule with this code, in this language if it has it, else in any language."""
    candidates = [rule for lang in languages().values() for rule in lang.rules if rule.code == code]
    return next((rule for rule in candidates if rule.language == language), candidates[0] if candidates else None)
