"""Loads the clinic's launch content into the database.

Runs once from a data migration, so a fresh install shows the clinic's own text. Each record is
created only when it is missing (matched by its web address), so running it again adds no
duplicates and never overwrites what staff have edited since.
"""

from pathlib import Path

from django.utils.html import escape
from django.utils.text import slugify

from .content.pages import pages

CONTENT_FILE = Path(__file__).parent / "content" / "launch-content.txt"
QA_HEADING = "Stem Cell Q & A"

CONDITIONS = [
    "Chronic back pain",
    "Osteoarthritis of the knee and other joints",
    "Bone, ligament, tendon, muscle and cartilage damage",
]


def paragraph(text):
    return f"<p>{escape(text)}</p>"


def parse(text):
    """Split the clinic's text into its introduction and its (question, answer) pairs."""
    blocks = [block.strip() for block in text.split("\n\n") if block.strip()]
    heading = blocks.index(QA_HEADING)
    intro = " ".join(blocks[:heading])
    qa = blocks[heading + 1 :]
    return intro, list(zip(qa[0::2], qa[1::2], strict=True))


def load(apps, site_id=1):
    """Create the launch records that do not exist yet; `apps` is a migration's app registry."""
    Site = apps.get_model("sites", "Site")
    FlatPage = apps.get_model("flatpages", "FlatPage")
    Clinic = apps.get_model("practice", "Clinic")
    Provider = apps.get_model("practice", "Provider")
    Condition = apps.get_model("treatments", "Condition")
    Treatment = apps.get_model("treatments", "Treatment")
    Topic = apps.get_model("faq", "Topic")
    Question = apps.get_model("faq", "Question")

    intro, questions = parse(CONTENT_FILE.read_text(encoding="utf-8"))
    first_sentence_end = intro.index(". ") + 1

    site, _ = Site.objects.get_or_create(
        pk=site_id, defaults={"domain": "localhost", "name": "BioHealth Pain Management"}
    )
    if not Clinic.objects.exists():
        Clinic.objects.create(
            name="BioHealth Pain Management",
            tagline="Pain management in Torrance, California",
            introduction=paragraph(
                "BioHealth Pain Management is a pain-management clinic in Torrance, California, "
                "led by Dr. Rostam Khoshsar."
            ),
            city="Torrance",
            state="CA",
        )
    doctor, _ = Provider.objects.get_or_create(
        slug="rostam-khoshsar",
        defaults={"honorific": "Dr.", "name": "Rostam Khoshsar", "is_published": True},
    )
    conditions = [
        Condition.objects.get_or_create(
            slug=slugify(name), defaults={"name": name, "order": order, "is_published": True}
        )[0]
        for order, name in enumerate(CONDITIONS)
    ]
    treatment, created = Treatment.objects.get_or_create(
        slug="stem-cell-therapy",
        defaults={
            "name": "Stem cell therapy",
            "summary": intro[:first_sentence_end],
            "body": paragraph(intro[first_sentence_end:].strip()),
            "is_featured": True,
            "is_published": True,
        },
    )
    if created:
        treatment.conditions.set(conditions)
        treatment.providers.set([doctor])
    topic, _ = Topic.objects.get_or_create(
        slug=slugify(QA_HEADING), defaults={"name": QA_HEADING, "is_published": True}
    )
    for order, (question, answer) in enumerate(questions):
        Question.objects.get_or_create(
            slug=slugify(question),
            defaults={
                "question": question,
                "answer": paragraph(answer),
                "topic": topic,
                "treatment": treatment,
                "order": order,
                "is_published": True,
            },
        )
    for url, title, content in pages():
        page, created = FlatPage.objects.get_or_create(url=url, defaults={"title": title, "content": content})
        if created:
            page.sites.add(site)
