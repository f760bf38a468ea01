import datetime

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from review.models import ReviewReminder

BEFORE_THE_MOVE = [("publishing", "0001_preview_links_and_review_reminders"), ("review", None)]


@pytest.fixture
def database_before_the_move(transactional_db, django_db_serialized_rollback):
    """The database as it was while review reminders lived in `publishing`, then migrated forward as a deploy would.

    Schema changes cannot run inside the test's transaction, so this is a transactional test; serialized
    rollback gives the tests after it the migrations' data back.
    """
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    old_apps = executor.migrate(BEFORE_THE_MOVE).apps
    try:
        yield old_apps
    finally:
        MigrationExecutor(connection).migrate(latest)


def test_review_reminders_sent_before_the_move_to_their_own_app_are_kept(database_before_the_move):
    """Reminders already sent stay recorded, so moving the app never emails a reviewer the same list twice."""
    old_apps = database_before_the_move
    reviewer = old_apps.get_model("practice", "Provider").objects.create(name="Jane Roe", slug="jane-roe")
    old_apps.get_model("publishing", "ReviewReminder").objects.create(
        reviewer_id=reviewer.pk, sent_on=datetime.date(2026, 11, 30), digest="a" * 64
    )
    old_type = ContentType.objects.get(app_label="publishing", model="reviewreminder")
    old_permissions = set(Permission.objects.filter(content_type=old_type).values_list("pk", "codename"))

    MigrationExecutor(connection).migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    reminder = ReviewReminder.objects.get()
    assert (reminder.reviewer.slug, reminder.sent_on, reminder.digest) == (
        "jane-roe",
        datetime.date(2026, 11, 30),
        "a" * 64,
    )
    ContentType.objects.clear_cache()
    moved_type = ContentType.objects.get_for_model(ReviewReminder)
    assert moved_type.pk == old_type.pk
    assert not ContentType.objects.filter(app_label="publishing", model="reviewreminder").exists()
    assert set(Permission.objects.filter(content_type=moved_type).values_list("pk", "codename")) == old_permissions
    assert len(old_permissions) == 4
