"""How each language is searched: a language plugs in with an entry here and a migration for its SQLite index.

PostgreSQL stems with the language's text-search configuration; SQLite with an FTS5 table of its own
per language (`fts_table`), created by `search.migrations.operations.CreateLanguageIndex`.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    postgresql_config: str  # a PostgreSQL text-search configuration
    sqlite_tokenizer: str  # an FTS5 tokenizer
    stop_words: frozenset  # left out of a query unless it holds nothing else

    @property
    def fts_table(self):
        return f"search_document_{self.code}"


# The Snowball English stop words, as PostgreSQL's "english" configuration drops them.
ENGLISH_STOP_WORDS = frozenset(
    """
    a about above after again against all am an and any are as at be because been before being below between
    both but by can could did do does doing don down during each few for from further had has have having he
    her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor
    not now of off on once only or other our ours ourselves out over own same she should so some such than that
    the their theirs them themselves then there these they this those through to too under until up very was we
    were what when where which while who whom why will with would you your yours yourself yourselves s t
    """.split()  # noqa: SIM905 - a list a reader can scan
)

LANGUAGES = {
    "en": Language("en", "English", "english", "porter unicode61 remove_diacritics 2", ENGLISH_STOP_WORDS),
}
DEFAULT_LANGUAGE = "en"
