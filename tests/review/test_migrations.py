import datetime

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType

from review.models import ReviewReminder

BEFORE_THE_MOVE = [("publishing", "0001_preview_links_and_review_reminders"), ("review", None)]


def test_review_reminders_sent_before_the_move_to_their_own_app_are_kept(migrate):
    """Reminders already sent stay recorded (with their permissions), so the move never emails the same list twice."""
    old_apps = migrate(BEFORE_THE_MOVE)
    reviewer = old_apps.get_model("practice", "Provider").objects.create(name="Jane Roe", slug="jane-roe")
    old_apps.get_model("publishing", "ReviewReminder").objects.create(
        reviewer_id=reviewer.pk, sent_on=datetime.date(2026, 11, 30), digest="a" * 64
    )
    old_type = ContentType.objects.get(app_label="publishing", model="reviewreminder")
    old_permissions = set(Permission.objects.filter(content_type=old_type).values_list("pk", "codename"))

    migrate()

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
    assert len(old_permissions) == 4
    assert set(Permission.objects.filter(content_type=moved_type).values_list("pk", "codename")) == old_permissions
