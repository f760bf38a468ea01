"""The staff groups: what each may do on a new database, and that moving their migrations out of `launch`
leaves an existing database's groups as staff left them."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

# The migrations that granted these permissions before they moved to `staff`.
LAUNCH_GRANTS = ["0002_staff_groups", "0004_content_editors_review_and_claims", "0005_content_editors_redirects"]


def permissions(group_name):
    group = Group.objects.get(name=group_name)
    return set(group.permissions.values_list("content_type__app_label", "codename"))


@pytest.fixture
def recorded_as_applied_in_launch():
    """Record some of launch's old group migrations as applied, as a database made before the move has them."""
    recorder = MigrationRecorder(connection)

    def record(*names):
        for name in names:
            recorder.record_applied("launch", name)

    yield record
    for name in LAUNCH_GRANTS:
        recorder.record_unapplied("launch", name)


def test_a_new_database_has_front_desk_for_requests_and_content_editors_for_content(db):
    assert permissions("Front desk") == {
        ("consultations", "view_consultationrequest"),
        ("consultations", "change_consultationrequest"),
    }
    editors = permissions("Content editors")
    for app_label, model in [
        ("practice", "provider"),
        ("treatments", "treatment"),
        ("treatments", "patientnotice"),
        ("faq", "question"),
        ("flatpages", "flatpage"),
        ("claims", "source"),
        ("redirects", "redirect"),
    ]:
        assert {(app_label, f"{action}_{model}") for action in ("add", "change", "delete", "view")} <= editors
    assert ("claims", "view_claimacknowledgement") in editors
    assert ("publishing", "add_previewlink") in editors
    assert not {codename for app_label, codename in editors if app_label == "consultations"}


def test_groups_granted_by_launch_are_left_as_staff_changed_them(migrate, recorded_as_applied_in_launch):
    """A database whose groups came from launch's migrations keeps them exactly, even a permission staff took away."""
    migrate([("staff", None)])
    recorded_as_applied_in_launch(*LAUNCH_GRANTS)
    editors = Group.objects.get(name="Content editors")
    editors.permissions.remove(Permission.objects.get(codename="delete_provider"))
    before = {name: permissions(name) for name in ("Front desk", "Content editors")}

    migrate()

    assert {name: permissions(name) for name in ("Front desk", "Content editors")} == before
    assert Group.objects.count() == 2


def test_a_database_migrated_before_later_grants_existed_still_gets_them(migrate, recorded_as_applied_in_launch):
    """A database that only ran launch's first group migration gets the later permissions from staff's."""
    migrate([("staff", None)])
    recorded_as_applied_in_launch("0002_staff_groups")
    editors = Group.objects.get(name="Content editors")
    editors.permissions.remove(*editors.permissions.filter(content_type__app_label__in=["claims", "redirects"]))

    migrate()

    assert {("claims", "add_source"), ("redirects", "add_redirect")} <= permissions("Content editors")


def test_running_the_group_migrations_again_changes_nothing(migrate):
    before = {name: permissions(name) for name in ("Front desk", "Content editors")}
    migrate([("staff", None)])
    migrate()
    assert {name: permissions(name) for name in ("Front desk", "Content editors")} == before
    assert Group.objects.count() == 2
