from django.db import migrations

# Each searchable table's weighted text-search document: (column, weight), A counting most.
# search.query.KINDS lists the same fields and weights (a test keeps them equal).
DOCUMENTS = {
    "treatments_treatment": [("name", "A"), ("summary", "B"), ("body", "C")],
    "treatments_condition": [("name", "A"), ("summary", "B"), ("body", "C")],
    "faq_question": [("question", "A"), ("answer", "C")],
    "practice_provider": [("name", "A"), ("role", "B"), ("credentials", "B"), ("bio", "C")],
}


def add_documents(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    quote = schema_editor.quote_name
    for table, fields in DOCUMENTS.items():
        document = " || ".join(
            f"setweight(to_tsvector('english', coalesce({quote(column)}, '')), '{weight}')"
            for column, weight in fields
        )
        schema_editor.execute(
            f"ALTER TABLE {quote(table)} ADD COLUMN search_document tsvector GENERATED ALWAYS AS ({document}) STORED"
        )


def remove_documents(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in DOCUMENTS:
        schema_editor.execute(f"ALTER TABLE {schema_editor.quote_name(table)} DROP COLUMN search_document")


class Migration(migrations.Migration):
    """On PostgreSQL, a stored `search_document` column on each searchable table.

    PostgreSQL computes it on every write, whatever makes it (the admin, code, a data migration),
    so a search reads each page's document instead of analysing its whole text again: that cost
    about 0.3 ms a page on every search. The models do not declare it (SQLite has no text-search
    types, and searches there by substring). A later migration that changes the type of one of
    these columns must drop and re-add the document around it, as PostgreSQL requires.
    """

    dependencies = [
        ("search", "0001_trigram_extension"),
        ("treatments", "0004_featured_help"),
        ("faq", "0003_alter_question_slug"),
        ("practice", "0004_clinic_position_and_search_engine_fields"),
    ]

    operations = [migrations.RunPython(add_documents, remove_documents)]
