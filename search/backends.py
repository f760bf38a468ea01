"""The SQL behind a search, for each database: the same answers from each one's own full-text engine.

PostgreSQL reads each document's stored tsvector and pg_trgm; SQLite its FTS5 tables (porter
stemming and BM25; trigrams for spelling). Every user-typed word reaches the database only as a
bound parameter.
"""

from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connection
from django.db.models import Value
from django.db.models.expressions import RawSQL

from .models import Document
from .text import trigrams, words_of

# How much a match counts in each place, on SQLite (BM25 column weights: title, keywords, summary, body).
# PostgreSQL's ts_rank weighs A, B and C as 1.0, 0.4 and 0.2.
SQLITE_WEIGHTS = (10.0, 4.0, 4.0, 1.0)
CANDIDATE_WORDS = 30


def _sql(queryset):
    return queryset.values("id").query.sql_with_params()


def _public(public):
    """SQL true for a found row `d` that patients can see: asked of each row found, not by listing all public ones."""
    sql, params = _sql(public.filter(id=RawSQL("d.id", [])))
    return f"EXISTS ({sql})", params


def ranked(groups, language, public, limit):
    """The public documents matching most groups, best first."""
    rank = _postgresql_ranked if connection.vendor == "postgresql" else _sqlite_ranked
    return list(rank(groups, language, public, limit))


def _fts5_string(text):
    return '"' + text.replace('"', '""') + '"'


def _fts5_group(group):
    return " OR ".join(_fts5_string(term.text) + ("*" if term.prefix else "") for term in group)


def _sqlite_ranked(groups, language, public, limit):
    table = language.fts_table
    weights = ", ".join(str(weight) for weight in SQLITE_WEIGHTS)
    hits = " UNION ALL ".join(
        f"SELECT rowid AS id, bm25({table}, {weights}) AS score FROM {table} WHERE {table} MATCH %s" for _ in groups
    )
    public_sql, public_params = _public(public)
    # Materialized: flattened into the outer query, bm25() would lose the MATCH it scores.
    sql = (
        f"WITH hits AS MATERIALIZED ({hits}), "
        "h AS MATERIALIZED (SELECT id, COUNT(*) AS matched, SUM(score) AS score FROM hits GROUP BY id) "
        "SELECT d.id, d.kind, d.language, d.title, d.url, d.summary, d.body, d.untranslated FROM h "
        f"JOIN search_document d ON d.id = h.id WHERE {public_sql} "
        "ORDER BY h.matched DESC, h.score, d.title LIMIT %s"
    )
    return Document.objects.raw(sql, [_fts5_group(group) for group in groups] + list(public_params) + [limit])


def _postgresql_term(term):
    if term.is_phrase:
        return "phraseto_tsquery(%s::regconfig, %s)", [term.text]
    if term.prefix:
        return "to_tsquery(%s::regconfig, %s)", [term.text + ":*"]
    return "plainto_tsquery(%s::regconfig, %s)", [term.text]


def _postgresql_ranked(groups, language, public, limit):
    config = language.postgresql_config
    queries, params = [], []
    for group in groups:
        parts = [_postgresql_term(term) for term in group]
        queries.append("(" + " || ".join(sql for sql, _ in parts) + ")")
        for _, values in parts:
            params += [config, *values]
    columns = ", ".join(f"{query} AS q{i}" for i, query in enumerate(queries))
    matched = " + ".join(f"(d.vector @@ q.q{i})::int" for i in range(len(groups)))
    anything = " || ".join(f"q.q{i}" for i in range(len(groups)))
    public_sql, public_params = _public(public)
    sql = (
        f"WITH q AS (SELECT {columns}) "
        f"SELECT d.id, d.kind, d.language, d.title, d.url, d.summary, d.body, d.untranslated, {matched} AS matched, "
        f"ts_rank(d.vector, {anything}) AS score "
        f"FROM search_document d, q WHERE d.vector @@ ({anything}) AND {public_sql} "
        "ORDER BY matched DESC, score DESC, d.title LIMIT %s"
    )
    return Document.objects.raw(sql, params + list(public_params) + [limit])


def close_words(words, splits, language):
    """{word: {close words pages use}} and, under "", which halves of `splits` pages use (one query)."""
    halves = sorted({half for pairs in splits.values() for pair in pairs for half in pair})
    if connection.vendor == "postgresql":
        rows = _postgresql_close_words(words, halves, language)
    else:
        rows = _sqlite_close_words(words, halves, language)
    found = {}
    for key, word in rows:
        found.setdefault(key, set()).add(word)
    return found


def _sqlite_close_words(words, halves, language):
    branches, params = [], []
    for word in words:
        branches.append(
            "SELECT * FROM (SELECT %s, w.word FROM search_word_trigrams t JOIN search_word w ON w.id = t.rowid "
            "WHERE search_word_trigrams MATCH %s AND w.language = %s ORDER BY t.rank LIMIT %s)"
        )
        grams = " OR ".join(_fts5_string(gram) for gram in sorted(trigrams(word)) if " " not in gram)
        params += [word, grams, language.code, CANDIDATE_WORDS]
    if halves:
        branches.append(
            f"SELECT '', word FROM search_word WHERE language = %s AND word IN ({', '.join(['%s'] * len(halves))})"
        )
        params += [language.code, *halves]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(branches), params)
        return cursor.fetchall()


def _postgresql_close_words(words, halves, language):
    sql = (
        "SELECT q.w, s.word FROM unnest(%s::text[]) AS q(w) CROSS JOIN LATERAL "
        "(SELECT word FROM search_word WHERE language = %s AND word %% q.w "
        "ORDER BY similarity(word, q.w) DESC LIMIT %s) s "
        "UNION ALL SELECT '', word FROM search_word WHERE language = %s AND word = ANY(%s::text[])"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [words, language.code, CANDIDATE_WORDS, language.code, halves])
        return cursor.fetchall()


def close_titles(query, language, public):
    """Public documents whose titles share the most trigrams with the query: candidates for "did you mean"."""
    if connection.vendor == "postgresql":
        closeness = TrigramWordSimilarity(Value(query), "title")
        return list(
            public.alias(closeness=closeness)
            .filter(closeness__gt=0.2)
            .order_by("-closeness")
            .only("language", "title", "url", "untranslated")[:CANDIDATE_WORDS]
        )
    grams = sorted({gram for word in words_of(query) for gram in trigrams(word) if " " not in gram})
    if not grams:
        return []
    public_sql, public_params = _public(public)
    sql = (
        "SELECT d.id, d.language, d.title, d.url, d.untranslated "
        "FROM search_document_titles t JOIN search_document d ON d.id = t.rowid "
        f"WHERE search_document_titles MATCH %s AND {public_sql} ORDER BY t.rank LIMIT %s"
    )
    return list(
        Document.objects.raw(sql, [" OR ".join(_fts5_string(g) for g in grams), *public_params, CANDIDATE_WORDS])
    )
