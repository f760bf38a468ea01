"""The parts of the search index Django's models cannot describe, created by migrations.

SQLite: per language, an FTS5 table over `search_document` (stemming, BM25) kept in step by
triggers; FTS5 trigram tables over the words pages use (misspellings) and the pages' titles ("did
you mean"). PostgreSQL: the documents' `vector` column, computed by a trigger in each language's
configuration (`search_language_config`), its GIN index, and a trigram index on the words.
A migration that makes Django rebuild the `search_document` or `search_word` table on SQLite
(adding or changing a column there) drops these triggers, and must create them again.
"""

from .languages import LANGUAGES

DOCUMENT_COLUMNS = ("title", "keywords", "summary", "body")


# Whatever writes a document (the index, a loaddata, a test's serialized rollback), PostgreSQL
# computes its weighted tsvector in its language's text-search configuration.
POSTGRESQL_VECTOR_FUNCTION = """
CREATE FUNCTION search_document_vector() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    language_config regconfig := coalesce(
        (SELECT config FROM search_language_config WHERE code = NEW.language), 'simple'::regconfig
    );
BEGIN
    NEW.vector := setweight(to_tsvector(language_config, NEW.title), 'A')
        || setweight(to_tsvector(language_config, NEW.keywords || ' ' || NEW.summary), 'B')
        || setweight(to_tsvector(language_config, NEW.body), 'C');
    RETURN NEW;
END
$$"""


def _synced_fts(table, source, columns, options, condition="1"):
    """An external-content FTS5 table over `source`, and the triggers that keep it in step."""
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    new_when, old_when = condition.replace("{row}", "new"), condition.replace("{row}", "old")
    return [
        f"CREATE VIRTUAL TABLE {table} USING fts5({cols}, content='{source}', content_rowid='id', {options})",
        f"CREATE TRIGGER {table}_insert AFTER INSERT ON {source} WHEN {new_when} BEGIN "
        f"INSERT INTO {table}(rowid, {cols}) VALUES (new.id, {new}); END",
        f"CREATE TRIGGER {table}_delete AFTER DELETE ON {source} WHEN {old_when} BEGIN "
        f"INSERT INTO {table}({table}, rowid, {cols}) VALUES ('delete', old.id, {old}); END",
        f"CREATE TRIGGER {table}_update AFTER UPDATE ON {source} BEGIN "
        f"INSERT INTO {table}({table}, rowid, {cols}) SELECT 'delete', old.id, {old} WHERE {old_when}; "
        f"INSERT INTO {table}(rowid, {cols}) SELECT new.id, {new} WHERE {new_when}; END",
        # Only its own rows: FTS5's 'rebuild' would read every language's.
        f"INSERT INTO {table}(rowid, {cols}) SELECT id, {cols} FROM {source} "
        f"WHERE {condition.replace('{row}', source)}",
    ]


def _dropped_fts(table):
    return [f"DROP TRIGGER IF EXISTS {table}_{event}" for event in ("insert", "delete", "update")] + [
        f"DROP TABLE IF EXISTS {table}"
    ]


def language_statements(code):
    language = LANGUAGES[code]
    options = f"tokenize='{language.sqlite_tokenizer}'"
    return _synced_fts(
        language.fts_table, "search_document", DOCUMENT_COLUMNS, options, f"{{row}}.language = '{code}'"
    )


# Spanish on PostgreSQL: its "spanish" configuration with accents dropped first, as SQLite's tokenizer drops them.
POSTGRESQL_SPANISH = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE TEXT SEARCH CONFIGURATION search_spanish (COPY = pg_catalog.spanish)",
    "ALTER TEXT SEARCH CONFIGURATION search_spanish "
    "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem",
]


def create_spanish_configuration(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRESQL_SPANISH:
            schema_editor.execute(statement)


def drop_spanish_configuration(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS search_spanish")


def create_language_index(code):
    """A RunPython function adding one language's SQLite index (PostgreSQL needs nothing per language)."""

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in language_statements(code):
                schema_editor.execute(statement)
        elif schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(
                "INSERT INTO search_language_config (code, config) VALUES (%s, %s::regconfig)",
                [code, LANGUAGES[code].postgresql_config],
            )

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in _dropped_fts(LANGUAGES[code].fts_table):
                schema_editor.execute(statement)
        elif schema_editor.connection.vendor == "postgresql":
            schema_editor.execute("DELETE FROM search_language_config WHERE code = %s", [code])

    return forwards, backwards


def create_shared_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        statements = _synced_fts("search_document_titles", "search_document", ["title"], "tokenize='trigram'")
        statements += _synced_fts("search_word_trigrams", "search_word", ["word"], "tokenize='trigram'")
    elif vendor == "postgresql":
        statements = [
            "ALTER TABLE search_document ADD COLUMN vector tsvector",
            "CREATE INDEX search_document_vector ON search_document USING gin (vector)",
            "CREATE INDEX search_word_trigrams ON search_word USING gin (word gin_trgm_ops)",
            "CREATE TABLE search_language_config (code varchar(10) PRIMARY KEY, config regconfig NOT NULL)",
            POSTGRESQL_VECTOR_FUNCTION,
            "CREATE TRIGGER search_document_vector BEFORE INSERT OR UPDATE ON search_document "
            "FOR EACH ROW EXECUTE FUNCTION search_document_vector()",
        ]
    else:
        statements = []
    for statement in statements:
        schema_editor.execute(statement)


def drop_shared_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for statement in _dropped_fts("search_document_titles") + _dropped_fts("search_word_trigrams"):
            schema_editor.execute(statement)
    elif vendor == "postgresql":
        schema_editor.execute("DROP TRIGGER IF EXISTS search_document_vector ON search_document")
        schema_editor.execute("DROP FUNCTION IF EXISTS search_document_vector()")
        schema_editor.execute("DROP TABLE IF EXISTS search_language_config")
        schema_editor.execute("DROP INDEX IF EXISTS search_word_trigrams")
        schema_editor.execute("ALTER TABLE search_document DROP COLUMN IF EXISTS vector")
