"""Finds risky health-claim wording in public content records."""

import html
import re
from dataclasses import dataclass

from django.apps import apps
from django.db import models
from django.utils.html import strip_tags

from .rules import HEDGES, LOOKBACK_WORDS, NEGATIONS, RULES, Rule

# The public content whose text is checked, with the fields that are not prose.
CHECKED_MODELS = [
    "treatments.Treatment",
    "treatments.Condition",
    "treatments.PatientNotice",
    "faq.Question",
    "faq.Topic",
    "practice.Provider",
    "practice.Clinic",
    "flatpages.FlatPage",
]
NOT_PROSE = {"slug", "url", "template_name", "email", "phone", "intake_emails", "postal_code", "regulatory_status"}


@dataclass(frozen=True)
class Finding:
    rule: Rule
    field: str
    phrase: str
    sentence: str

    @property
    def key(self):
        return (self.rule.code, self.phrase.lower())


# A sentence ends at . ! ? followed by a space, or a line break; "Dr. Khoshsar" does not end one.
SENTENCE_END = re.compile(r"(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bSt)(?<!\bvs)[.!?](?=\s|$)|\n")


def _sentence_bounds(text, start, end):
    ends = [match.end() for match in SENTENCE_END.finditer(text)]
    sentence_start = max((e for e in ends if e <= start), default=0)
    sentence_end = min((e for e in ends if e >= end), default=len(text))
    return sentence_start, sentence_end


def _is_negated_or_hedged(rule, text, start, sentence_start):
    before = " ".join(text[sentence_start:start].split()[-LOOKBACK_WORDS:])
    if re.search(NEGATIONS, before, re.IGNORECASE):
        return True
    return rule.hedgeable and re.search(HEDGES, before, re.IGNORECASE) is not None


def check_text(text, field=""):
    """Every risky phrase in `text` (plain or HTML), skipping negated and hedged uses."""
    text = html.unescape(strip_tags(re.sub(r"</(?:p|li|h\d)>|<br\s*/?>", "\n", text)))
    findings = []
    for rule in RULES:
        for match in rule.regex.finditer(text):
            sentence_start, sentence_end = _sentence_bounds(text, match.start(), match.end())
            if not _is_negated_or_hedged(rule, text, match.start(), sentence_start):
                sentence = text[sentence_start:sentence_end].strip()
                findings.append(Finding(rule, field, match.group(0), sentence))
    return findings


def prose_fields(model):
    return [
        field.name
        for field in model._meta.get_fields()
        if isinstance(field, (models.CharField, models.TextField)) and field.name not in NOT_PROSE
    ]


def check_values(model, values):
    """Findings in a mapping of field name to text, e.g. a form's cleaned data."""
    return [
        finding
        for name in prose_fields(model)
        if values.get(name)
        for finding in check_text(str(values[name]), field=name)
    ]


def check_record(record):
    return check_values(type(record), {name: getattr(record, name) for name in prose_fields(type(record))})


def unresolved(record, findings=None):
    """Findings not yet acknowledged with a reason and a source."""
    from .models import ClaimAcknowledgement

    findings = check_record(record) if findings is None else findings
    if not findings or record.pk is None:
        return findings
    resolved = {ack.key for ack in ClaimAcknowledgement.objects.for_record(record)}
    return [finding for finding in findings if finding.key not in resolved]


def checked_models():
    return [apps.get_model(label) for label in CHECKED_MODELS]
