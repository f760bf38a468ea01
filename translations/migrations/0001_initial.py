import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="Translation",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("object_id", models.PositiveBigIntegerField()),
                ("language", models.CharField(max_length=12)),
                ("text", models.JSONField(blank=True, default=dict)),
                ("source", models.JSONField(blank=True, default=dict)),
                ("translated_by", models.CharField(blank=True, max_length=120, verbose_name="Translated by")),
                (
                    "checked_by",
                    models.CharField(
                        blank=True,
                        help_text="A second person who read it against the English.",
                        max_length=120,
                        verbose_name="Checked by",
                    ),
                ),
                ("checked_on", models.DateField(blank=True, null=True, verbose_name="Checked on")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="Last saved")),
                (
                    "content_type",
                    models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="contenttypes.contenttype"),
                ),
            ],
            options={
                "indexes": [
                    models.Index(
                        fields=["language", "content_type", "object_id"], name="translation_languag_1c4bc5_idx"
                    )
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("content_type", "object_id", "language"), name="one_translation_a_language"
                    )
                ],
            },
        ),
    ]
