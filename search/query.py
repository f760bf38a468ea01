"""Finding the published pages that answer what a patient typed.

On PostgreSQL: full-text search with English stemming ("injections" finds "injected"), a page's
name weighted over its summary over its body and ranked by SearchRank, plus pg_trgm word
similarity on the name, so "osteoarthritus" or "stemcell" still find the page. On SQLite: every
word, case-insensitively, somewhere in the same fields (a plural "s" dropped), names first.
Only words reach the database: punctuation, markup and anything else typed is left out.
"""

import html
import operator
import re
from dataclasses import dataclass
from functools import reduce

from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
    TrigramWordSimilarity,
)
from django.db import connection
from django.db.models import Case, IntegerField, OuterRef, Q, Subquery, TextField, When
from django.db.models.expressions import CombinedExpression, RawSQL
from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import mark_safe

from faq.models import Question
from practice.models import Provider
from treatments.models import Condition, Treatment

MAX_QUERY_LENGTH = 100
MAX_WORDS = 10
RESULTS_PER_KIND = 20
# How close a misspelled name must be (pg_trgm word similarity, 0 to 1) to count as a match.
MISSPELLING_SIMILARITY = 0.4
SNIPPET_LENGTH = 180
WORD = re.compile(r"\w+(?:[-'’]\w+)*")


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    model: type
    title_field: str
    weighted_fields: tuple  # (field, weight): A counts most
    snippet_fields: tuple
    # Also found by the names of the published conditions it is used for: "knee" finds stem cell therapy.
    by_condition_names: bool = False


KINDS = [
    Kind(
        "treatments",
        "Treatments",
        Treatment,
        "name",
        (("name", "A"), ("summary", "B"), ("body", "C")),
        ("summary", "body"),
        by_condition_names=True,
    ),
    Kind(
        "conditions",
        "Conditions",
        Condition,
        "name",
        (("name", "A"), ("summary", "B"), ("body", "C")),
        ("summary", "body"),
    ),
    Kind(
        "questions", "Questions and answers", Question, "question", (("question", "A"), ("answer", "C")), ("answer",)
    ),
    Kind(
        "providers",
        "Providers",
        Provider,
        "name",
        (("name", "A"), ("role", "B"), ("credentials", "B"), ("bio", "C")),
        ("role", "bio"),
    ),
]


@dataclass(frozen=True)
class Result:
    title: str
    url: str
    snippet: str


def clean_query(raw):
    """The query as shown back to the patient: printable, whitespace collapsed, at most MAX_QUERY_LENGTH."""
    printable = "".join(ch if ch.isprintable() else " " for ch in raw)
    return " ".join(printable.split())[:MAX_QUERY_LENGTH].strip()


def words_of(query):
    return [word.lower() for word in WORD.findall(query)][:MAX_WORDS]


def singular(word):
    """'cells' -> 'cell', 'knees' -> 'knee': enough stemming for a substring match."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def search(query):
    """[(kind, [Result, ...]), ...] for the kinds with matches, one database query per kind."""
    words = words_of(query)
    if not words:
        return []
    find = _postgresql if connection.vendor == "postgresql" else _sqlite
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(singular(w)) for w in words) + r")[\w'’-]*", re.IGNORECASE)
    groups = []
    for kind in KINDS:
        records = find(kind.model.objects.published(), kind, words)[:RESULTS_PER_KIND]
        results = [
            Result(str(record), record.get_absolute_url(), snippet(record, kind, pattern)) for record in records
        ]
        if results:
            groups.append((kind, results))
    return groups


def stored_document(model):
    """The weighted document PostgreSQL keeps up to date for each row (migration search/0002)."""
    column = f"{connection.ops.quote_name(model._meta.db_table)}.search_document"
    return RawSQL(column, [], SearchVectorField())  # noqa: S611 - a column name from the model, no input


def _postgresql(records, kind, words):
    text = " ".join(words)
    vector = stored_document(kind.model)
    if kind.by_condition_names:
        names = SearchVector(condition_names(), weight="B", config="english")
        vector = CombinedExpression(vector, "||", names, output_field=SearchVectorField())
    query = SearchQuery(text, config="english")
    return (
        # Aliases, not annotations: the vectors and scores sort and filter, and are never fetched.
        records.alias(
            document=vector,
            rank=SearchRank(vector, query),
            similarity=TrigramWordSimilarity(text, kind.title_field),
        )
        .filter(Q(document=query) | Q(similarity__gte=MISSPELLING_SIMILARITY))
        .order_by("-rank", "-similarity", *kind.model._meta.ordering)
    )


def condition_names():
    """The names of a treatment's published conditions, as one text (PostgreSQL)."""
    names = (
        Condition.objects.published()
        .filter(treatments=OuterRef("pk"))
        .order_by()
        .values("treatments")
        .annotate(names=StringAgg("name", delimiter=" "))
        .values("names")
    )
    return Subquery(names, output_field=TextField())


def _sqlite(records, kind, words):
    fields = [field for field, _ in kind.weighted_fields]

    def anywhere(word):
        found = reduce(operator.or_, (Q(**{f"{field}__icontains": word}) for field in fields))
        if kind.by_condition_names:
            # A subquery rather than a join, so a treatment used for several conditions is listed once.
            conditions = Condition.objects.published().filter(name__icontains=word)
            treated = Treatment.conditions.through.objects.filter(condition__in=conditions).values("treatment_id")
            found |= Q(pk__in=treated)
        return found

    every_word = reduce(operator.and_, (anywhere(singular(w)) for w in words))
    in_title = reduce(operator.and_, (Q(**{f"{kind.title_field}__icontains": singular(w)}) for w in words))
    return (
        records.filter(every_word)
        .annotate(in_title=Case(When(in_title, then=1), default=0, output_field=IntegerField()))
        .order_by("-in_title", *kind.model._meta.ordering)
    )


def plain_text(value):
    return " ".join(html.unescape(strip_tags(value)).split())


def snippet(record, kind, pattern):
    """A short passage of the record's text around the first matched word, matches in <mark>, all else escaped."""
    texts = [plain_text(getattr(record, field)) for field in kind.snippet_fields]
    text = next((t for t in texts if pattern.search(t)), next((t for t in texts if t), ""))
    match = pattern.search(text)
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
    for match in pattern.finditer(text):
        parts += [escape(text[end : match.start()]), format_html("<mark>{}</mark>", match.group())]
        end = match.end()
    parts.append(escape(text[end:]))
    return mark_safe("".join(parts))  # noqa: S308 - every part was escaped above
