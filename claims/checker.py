"""Finds risky health-claim wording in public content records."""

import html
import re
from bisect import bisect_right
from dataclasses import dataclass

import simplemma
from django.conf import settings
from django.utils.html import strip_tags

from publishing.content import declaration_for, declarations

from .model import model_for
from .rules import Rule, fold, languages


@dataclass(frozen=True)
class Finding:
    rule: Rule
    field: str
    phrase: str
    sentence: str

    @property
    def key(self):
        return (self.rule.code, self.phrase.lower())

    @property
    def language(self):
        return self.rule.language


# A sentence ends at . ! ? followed by a space, or a line break; "Dr. Khoshsar" does not end one.
SENTENCE_END = re.compile(
    r"(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bSt)(?<!\bvs)(?<!\bSr)(?<!\bSra)[.!?](?=\s|$)|\n"
)
TOKEN = re.compile(r"\d+(?:[.,]\d+)+|\w+(?:['’-]\w+)*|[^\w\s]")


def sentences(text):
    """(start, end) of each sentence of a plain text."""
    start = 0
    for match in SENTENCE_END.finditer(text):
        yield start, match.end()
        start = match.end()
    yield start, len(text)


def default_language():
    """The site's language ("en" for "en-us")."""
    return settings.LANGUAGE_CODE.split("-")[0]


def detect_language(text, default=None):
    """The language of `text` among those with rules; `default` (the site's language) when unclear."""
    default = default or default_language()
    scores = dict(simplemma.langdetect(text, lang=tuple(languages())))
    best = max(languages(), key=lambda code: scores.get(code, 0))
    others = [score for code, score in scores.items() if code not in (best, "unk")]
    return best if scores.get(best, 0) > max(others, default=0) else default


class _Sentence:
    """A sentence's words with their lemmas, as one string the rules' patterns run over."""

    def __init__(self, text, start, end, language):
        self.language, self.span = language, (start, end)
        self.tokens = [m for m in TOKEN.finditer(text, start, end)]
        self.surfaces = [fold(m.group(0).replace("’", "'")) for m in self.tokens]
        self.lemmas = [self._lemma(surface) for surface in self.surfaces]
        self.text, self.starts = self._joined(self.lemmas)
        self.words, self.word_starts = self._joined(self.surfaces)

    @staticmethod
    def _joined(tokens):
        starts, position = [], 1
        for token in tokens:
            starts.append(position)
            position += len(token) + 1
        return " " + " ".join(tokens) + " ", starts

    def _lemma(self, surface):
        if surface in self.language.lemmas:
            return self.language.lemmas[surface]
        if not surface[0].isalpha():
            return surface
        return fold(simplemma.lemmatize(surface, lang=self.language.code)).replace(" ", "_")

    def matches(self, pattern):
        """(first, last) token of each match of a rule's pattern."""
        text, starts = (self.words, self.word_starts) if pattern.on_words else (self.text, self.starts)
        for match in pattern.regex.finditer(text):
            if match.group(0).strip():
                yield starts.index(match.start()), bisect_right(starts, match.end() - 2) - 1

    def _negates(self, index):
        language = self.language
        return bool(
            (language.negations.match(self.lemmas[index]) or language.negations.match(self.surfaces[index]))
            and not language.not_negations.match(self.text, self.starts[index])
        )

    def is_negated(self, first, last):
        """A negation in the same clause shortly before the phrase, or inside it after its first word."""
        language = self.language
        if any(self._negates(index) for index in range(first + 1, last + 1)):
            return True
        for index in range(first - 1, -1, -1):
            if language.clause_breaks.match(self.lemmas[index]):
                return index + 1 < first and self._negates(index + 1)  # "No one here will tell you..." denies it
            if first - index <= language.lookback and self._negates(index):
                return True
        return first > 0 and self._negates(0)

    def is_rhetorical(self):
        return self.language.rhetorical.match(self.words) is not None

    def is_hedged(self):
        return self.language.hedges.search(self.words) is not None


def check_text(text, field="", language=None):
    """Every risky phrase in `text` (plain or HTML), by the rules of `language` (detected when not given).

    Negated uses ("this is not a cure") are skipped, and hedged ones ("research is exploring whether...")
    for the rules that allow hedging.
    """
    text = html.unescape(strip_tags(re.sub(r"</(?:p|li|h\d)>|<br\s*/?>", "\n", text)))
    language = languages()[language or detect_language(text)]
    model = model_for(language.code)
    findings = []
    for sentence in claim_sentences(text, language):
        found = len(findings)
        start, end = sentence.span
        for rule in language.rules:
            if rule.hedgeable and sentence.is_hedged():
                continue
            if any(next(sentence.matches(pattern), None) for pattern in rule.unless):
                continue
            spans = [
                span
                for pattern in rule.patterns
                for span in sentence.matches(pattern)
                if not (rule.negatable and pattern.negatable and sentence.is_negated(*span))
            ]
            for first, last in _merged(spans):
                phrase = text[sentence.tokens[first].start() : sentence.tokens[last].end()]
                findings.append(Finding(rule, field, phrase, text[start:end].strip()))
        if model is not None and len(findings) == found:
            rule = model.rule(sentence.text.strip())
            if rule is not None:  # no phrase to point at: the whole sentence's wording is the risk
                findings.append(Finding(rule, field, text[start:end].strip(), text[start:end].strip()))
    return findings


def claim_sentences(text, language):
    """The sentences of a plain text that could make a claim, as the rules and the model read them."""
    for start, end in sentences(text):
        sentence = _Sentence(text, start, end, language)
        if not sentence.tokens or (text[start:end].rstrip().endswith("?") and not sentence.is_rhetorical()):
            continue  # a question asks; it claims nothing, unless it is rhetorical ("Why live with pain?")
        yield sentence


def _merged(spans):
    """Overlapping matches of one rule as one phrase: "promotes regeneration of healthy tissue", not three."""
    merged = []
    for first, last in sorted(spans):
        if merged and first <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], last)
        else:
            merged.append([first, last])
    return merged


def prose_fields(model):
    """The fields its content declaration says are prose (publishing.content): those the checker reads."""
    declaration = declaration_for(model)
    return list(declaration.prose) if declaration is not None else []


def field_language(model, name):
    """The language a field is written in: the site's, until content has fields per language."""
    return default_language()


def check_values(model, values):
    """Findings in a mapping of field name to text, e.g. a form's cleaned data."""
    return [
        finding
        for name in prose_fields(model)
        if values.get(name)
        for finding in check_text(str(values[name]), field=name, language=field_language(model, name))
    ]


def check_record(record):
    return check_values(type(record), {name: getattr(record, name) for name in prose_fields(type(record))})


def check_translations(record):
    """Findings in `record`'s translations (translations app), each by its language's rules, where it has some."""
    from translations.models import Translation

    return [
        finding
        for translation in Translation.objects.of(record)
        if translation.language in languages()
        for name, text in translation.text.items()
        for finding in check_text(str(text), field=name, language=translation.language)
    ]


def unresolved(record, findings=None):
    """Findings not yet acknowledged with a reason and a source."""
    from .models import ClaimAcknowledgement

    findings = check_record(record) if findings is None else findings
    if not findings or record.pk is None:
        return findings
    resolved = {ack.key for ack in ClaimAcknowledgement.objects.for_record(record)}
    return [finding for finding in findings if finding.key not in resolved]


def checked_models():
    return [declaration.model for declaration in declarations() if declaration.prose]


def flagged_published_records(user=None):
    """Published records (those `user` may change, if given) with wording warnings nobody has acknowledged."""
    flagged = []
    for model in checked_models():
        opts = model._meta
        if user is not None and not user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
            continue
        records = model.objects.published() if hasattr(model.objects, "published") else model.objects.all()
        flagged += [
            record for record in records if unresolved(record) or unresolved(record, check_translations(record))
        ]
    return flagged
