"""How each language is searched: a language plugs in with an entry here and a migration for its SQLite index.

PostgreSQL stems with the language's text-search configuration; SQLite with an FTS5 table of its own
per language (`fts_table`), created by `search.schema.create_language_index`. Every language but the
default is indexed only where it is one of the site's languages (settings.LANGUAGES).
"""

from dataclasses import dataclass

import simplemma
from django.conf import settings


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    postgresql_config: str  # a PostgreSQL text-search configuration
    sqlite_tokenizer: str  # an FTS5 tokenizer
    stop_words: frozenset  # left out of a query unless it holds nothing else
    # word -> {other forms of it}, searched for too: where a database does not stem the language as well.
    word_forms: object = None

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

# The Snowball Spanish stop words, as PostgreSQL's "spanish" configuration drops them.
SPANISH_STOP_WORDS = frozenset(
    """
    de la que el en y a los del se las por un para con no una su al lo como más pero sus le ya o este sí porque
    esta entre cuando muy sin sobre también me hasta hay donde quien desde todo nos durante todos uno les ni
    contra otros ese eso ante ellos e esto mí antes algunos qué unos yo otro otras otra él tanto esa estos mucho
    quienes nada muchos cual poco ella estar estas algunas algo nosotros mi mis tú te ti tu tus ellas nosotras
    vosotros vosotras os mío mía míos mías tuyo tuya tuyos tuyas suyo suya suyos suyas nuestro nuestra nuestros
    nuestras vuestro vuestra vuestros vuestras esos esas estoy estás está estamos estáis están esté estés estemos
    estéis estén estaré estarás estará estaremos estaréis estarán estaría estarías estaríamos estaríais estarían
    estaba estabas estábamos estabais estaban estuve estuviste estuvo estuvimos estuvisteis estuvieron estuviera
    estuvieras estuviéramos estuvierais estuvieran estuviese estuvieses estuviésemos estuvieseis estuviesen
    estando estado estada estados estadas estad he has ha hemos habéis han haya hayas hayamos hayáis hayan habré
    habrás habrá habremos habréis habrán habría habrías habríamos habríais habrían había habías habíamos habíais
    habían hube hubiste hubo hubimos hubisteis hubieron hubiera hubieras hubiéramos hubierais hubieran hubiese
    hubieses hubiésemos hubieseis hubiesen habiendo habido habida habidos habidas soy eres es somos sois son sea
    seas seamos seáis sean seré serás será seremos seréis serán sería serías seríamos seríais serían era eras
    éramos erais eran fui fuiste fue fuimos fuisteis fueron fuera fueras fuéramos fuerais fueran fuese fueses
    fuésemos fueseis fuesen siendo sido tengo tienes tiene tenemos tenéis tienen tenga tengas tengamos tengáis
    tengan tendré tendrás tendrá tendremos tendréis tendrán tendría tendrías tendríamos tendríais tendrían tenía
    tenías teníamos teníais tenían tuve tuviste tuvo tuvimos tuvisteis tuvieron tuviera tuvieras tuviéramos
    tuvierais tuvieran tuviese tuvieses tuviésemos tuvieseis tuviesen teniendo tenido tenida tenidos tenidas
    tened
    """.split()  # noqa: SIM905 - a list a reader can scan
)


def spanish_word_forms(word):
    """Its singular (simplemma's lemma) and plural: 'rodillas' -> {'rodilla'}, 'articulacion' -> {'articulaciones'}.

    SQLite has no Spanish stemmer; PostgreSQL's, reading words without their accents, takes
    "articulaciones" to "articul" but leaves "articulacion" whole.
    """
    lemma = simplemma.lemmatize(word, lang="es")
    if lemma == word and len(word) > 4 and word.endswith("s"):
        # A plural the dictionary does not know (often one typed without its accent).
        lemma = word[:-2] if word.endswith("es") and word[-3] not in "aeiouáéíóú" else word[:-1]
    return {lemma, spanish_plural(lemma)} - {word}


def spanish_plural(word):
    if word.endswith("s"):
        return word
    if word[-1] in "aeiouáéó":
        return word + "s"
    if word.endswith("z"):
        return word[:-1] + "ces"
    if word.endswith(("ión", "ion")):
        return word[:-3] + "iones"
    return word + "es"


LANGUAGES = {
    "en": Language("en", "English", "english", "porter unicode61 remove_diacritics 2", ENGLISH_STOP_WORDS),
    # PostgreSQL's "spanish" with accents removed first (migration search/0007): "articulacion" finds "articulación".
    "es": Language(
        "es", "Spanish", "search_spanish", "unicode61 remove_diacritics 2", SPANISH_STOP_WORDS, spanish_word_forms
    ),
}
DEFAULT_LANGUAGE = "en"


def indexed_languages():
    """The codes of the languages documents are kept in: the default, and each of the site's others search knows."""
    others = [code for code, _name in settings.LANGUAGES if code != DEFAULT_LANGUAGE and code in LANGUAGES]
    return [DEFAULT_LANGUAGE, *others]
